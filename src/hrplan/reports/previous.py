"""Comparison with the previous period: the same figures one step earlier, and the change.

The previous period of a quarter, half-year, month or year is the one before it; of a range ('2021..2022',
'2016..2019-05') it is the range of the same length just before it ('2019..2020'), never one that overlaps it (a
range compared with its own first year compares a part with its whole). A range whose previous range would start
before the program's period has none: the program's figures cannot fill it.

Each indicator is compared over the units that have its actual in both periods: a unit that sent its workbook with
the actual left blank ('Chưa quyết toán') is left out of that indicator's comparison and named.

Where nothing was sent for the previous period itself but a longer period ending on its last day was (H1 before
Q3), the running totals are compared with that period's, as check.cumulative_decrease does, and the report says so.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from hrplan.definitions import Period, PeriodError, Program, UnitTree
from hrplan.figures import FigureSet, compute_figures
from hrplan.messages import render
from hrplan.values import format_number


def previous_period(period: Period, program: Program | None = None) -> Period | None:
    """Give the period a report of `period` is compared with, or None when there is none (a range whose previous
    range would start before `program`'s period)."""
    kind, s = period.kind, period.start
    if kind == "year":
        return Period.parse(str(s.year - 1))
    if kind == "half":
        return Period.parse(f"{s.year}-H1" if s.month > 6 else f"{s.year - 1}-H2")
    if kind == "quarter":
        q = (s.month - 1) // 3 + 1
        return Period.parse(f"{s.year}-Q{q - 1}" if q > 1 else f"{s.year - 1}-Q4")
    if kind == "month":
        return Period.parse(f"{s.year}-{s.month - 1:02d}" if s.month > 1 else f"{s.year - 1}-12")
    before = _range_before(period)
    if before is None or (program is not None and before.start < program.period_value.start):
        return None
    return before


def _range_before(period: Period) -> Period | None:
    """Give the range of as many months as `period` ending the month before it starts, named in whole years, halves
    or quarters where it is made of them ('2019..2020', '2020-Q3..2021-Q2'), else in months."""
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    first = period.start.year * 12 + period.start.month - 1 - months  # months since year 0, January = 0
    last = first + months - 1
    y1, m1, y2, m2 = first // 12, first % 12 + 1, last // 12, last % 12 + 1
    if m1 == 1 and m2 == 12:
        label = f"{y1}..{y2}"
    elif m1 % 6 == 1 and m2 % 6 == 0:
        label = f"{y1}-H{m1 // 6 + 1}..{y2}-H{m2 // 6}"
    elif m1 % 3 == 1 and m2 % 3 == 0:
        label = f"{y1}-Q{m1 // 3 + 1}..{y2}-Q{m2 // 3}"
    else:
        label = f"{y1}-{m1:02d}..{y2}-{m2:02d}"
    first_part, last_part = label.split("..")
    label = first_part if first_part == last_part else label  # one half-year: '2024-H1'
    try:
        return Period.parse(label)
    except PeriodError:  # before the years a period can name
        return None


class Before(NamedTuple):
    """What a report keeps of the previous period: the scope's actual per indicator, each reporting unit's own
    actuals (to compare over the units both periods hold) and which units reported."""

    period: Period | None
    actuals: dict[str, Decimal]  # indicator -> the scope's actual
    own: dict[str, dict[str, Decimal]]  # unit -> indicator -> its own reported actual
    units: frozenset[str]  # the units with figures in the period
    # The previous period itself, when nothing was sent for it and its running totals are taken from a longer period
    # ending on its last day (Q2's from H1: a running total is the stock as of that day); flows are not compared.
    instead_of: Period | None = None


class Compared(NamedTuple):
    """The previous period against this one, each indicator over the units with its actual in both (`compare`)."""

    period: Period | None
    previous: dict[str, Decimal]  # indicator -> actual, over the units with its actual in both periods
    current: dict[str, Decimal]
    both: list[str]  # the units with figures in both periods
    only_before: list[str]  # units in the previous period only: left out of the comparison
    only_now: list[str]  # units in this period only: left out of the comparison
    # indicator -> (units of `both` without its actual in the previous period, those without it in this one): left
    # out of that indicator's comparison (a workbook sent with the actual blank, 'Chưa quyết toán')
    blank: dict[str, tuple[list[str], list[str]]] = {}
    instead_of: Period | None = None  # as `Before.instead_of`


def previous_actuals(program: Program, period: Period, store, units: UnitTree) -> Before:
    """Give the period a report of `period` is compared with and its figures (none when there is no such period).
    Only these numbers are kept: at national scale the previous period's figures are as large as the report's own,
    and computed before them they never sit in memory beside them."""
    before = previous_period(period, program)
    if before is None:
        return Before(None, {}, {}, frozenset())
    figures = compute_figures(program, before, store, units, sources=False)
    if not figures.submitted:
        longer = _ending_with(program, before, store)
        if longer is not None:
            # The check compares a running total with the latest value ending before the period (H1's, for Q3):
            # the report does too, rather than saying there is nothing for Q2.
            running = {i.code for i in program.indicators if i.takes_latest}
            figures = compute_figures(program, longer, store, units, sources=False)
            own = {u: {c: v for c, v in mine.items() if c in running} for u, mine in _own_actuals(program, figures).items()}
            scope = {c: v for c, v in _scope_actuals(program, figures).items() if c in running}
            return Before(longer, scope, own, frozenset(figures.submitted), instead_of=before)
    return Before(before, _scope_actuals(program, figures), _own_actuals(program, figures), frozenset(figures.submitted))


def _ending_with(program: Program, period: Period, store) -> Period | None:
    """Give the shortest stored period that holds `period` and ends on its last day (H1 for Q2), when the program has
    running totals: their value as of that day is the previous period's. None otherwise."""
    if not any(i.takes_latest for i in program.indicators):
        return None
    spans = {Period.parse(label) for labels in store.current_unit_periods(program.code).values() for label in labels}
    held = [p for p in spans if p.end == period.end and p.contains(period) and p != period]
    return min(held, key=lambda p: p.end.toordinal() - p.start.toordinal(), default=None)


def compare(program: Program, before: Before, figures: FigureSet) -> Compared:
    """Give the previous period's actuals against this period's (`figures`), like with like: each indicator over the
    units that have its actual in both periods. Where the same units have it in both, those are the scope's totals
    (everything reported in each period); where they differ (a unit's mis-dated file alone in the previous year, a
    unit that has not sent yet, a unit that sent its workbook with the actual blank), the totals would compare
    different members, so each side is summed over the units with both actuals (a maximum, such as the most titles
    per person, takes the largest) and the others are named."""
    if before.period is None:
        return Compared(None, {}, {}, [], [], [])
    if before.instead_of is not None:  # running totals only (`previous_actuals`): the others are not compared
        running = {i.code for i in program.indicators if i.takes_latest}
        result = compare(program, before._replace(instead_of=None), figures)
        keep = lambda d: {c: v for c, v in d.items() if c in running}  # noqa: E731
        return result._replace(previous=keep(result.previous), current=keep(result.current),
                               blank={c: v for c, v in result.blank.items() if c in running},
                               instead_of=before.instead_of)
    now = frozenset(figures.submitted)
    both = sorted(before.units & now)
    only_before, only_now = sorted(before.units - now), sorted(now - before.units)
    if not before.units or not now:  # nothing to compare with: the side that has figures is told as it is
        return Compared(before.period, before.actuals, _scope_actuals(program, figures), both, [], [])
    own = _own_actuals(program, figures)
    whole = _scope_actuals(program, figures)
    previous, current, blank = {}, {}, {}
    for ind in program.indicators:
        had = {u for u, mine in before.own.items() if ind.code in mine}
        has = {u for u, mine in own.items() if ind.code in mine}
        if had == has:  # the same units: the scope's totals
            previous.update({ind.code: before.actuals[ind.code]} if ind.code in before.actuals else {})
            current.update({ind.code: whole[ind.code]} if ind.code in whole else {})
            continue
        common = sorted(had & has)
        previous.update(_over([ind], before.own, common))
        current.update(_over([ind], own, common))
        held = set(both)
        if (lacking := (sorted((has - had) & held), sorted((had - has) & held))) != ([], []):
            blank[ind.code] = lacking
    return Compared(before.period, previous, current, both, only_before, only_now, blank)


def _scope_actuals(program: Program, figures: FigureSet) -> dict[str, Decimal]:
    top = figures.root
    if top is None:
        return {}
    return {i.code: f.actual for i in program.indicators
            if (f := figures.get(top, i.code)) is not None and f.actual is not None}


def _own_actuals(program: Program, figures: FigureSet) -> dict[str, dict[str, Decimal]]:
    """Give each reporting unit's own actual per indicator (a group unit's own report, not its group's sum)."""
    out: dict[str, dict[str, Decimal]] = {}
    for unit in figures.submitted:
        mine = out[unit] = {}
        for ind in program.indicators:
            f = figures.reported(unit, ind.code)
            if f is not None and f.actual is not None:
                mine[ind.code] = f.actual
    return out


def _over(indicators, own: dict[str, dict[str, Decimal]], members: list[str]) -> dict[str, Decimal]:
    out = {}
    for ind in indicators:
        values = [own[u][ind.code] for u in members if ind.code in own.get(u, {})]
        if values:
            out[ind.code] = max(values) if ind.is_maximum else sum(values, Decimal(0))
    return out


def comparison(program: Program, period: Period, store, units: UnitTree, data: dict[str, Any],
               lang: str, compared: Compared | None = None) -> dict[str, Any]:
    """Give the scope's figures of the previous period beside this period's, with the change, over the units both
    periods hold (`compared`: what `compare` gave, else it is computed here from the store)."""
    if compared is None:
        before = previous_actuals(program, period, store, units)
        compared = compare(program, before, compute_figures(program, period, store, units, sources=False))
    before = compared.period
    if before is None:
        return {"period": None, "text": render("report.s.no_previous_period", lang), "rows": []}
    label = before.in_sentence(lang)  # in English too, never the code '2016..2018'; mid-sentence: 'Compared with 2024'
    apart = bool(compared.only_before or compared.only_now)
    lower = lambda text: text[:1].lower() + text[1:] if lang == "vi" else text  # noqa: E731
    rows = []
    for row in data["summary"]:
        # Everything reported in each period by the units with the actual in both (not the row's 'actual': that is
        # over the members its ratio pairs, which leaves out what has no plan).
        actual, current = compared.previous.get(row["indicator"]), compared.current.get(row["indicator"])
        if actual is None or current is None:
            continue
        now = Decimal(str(current))
        change = now - actual
        rows.append({"indicator": row["indicator"], "name": row["name"], "uom": row["uom"],
                     "previous": format_number(actual, lang=lang), "current": format_number(now, lang=lang),
                     "change": ("+" if change > 0 else "") + format_number(change, lang=lang),
                     "previous_value": float(actual), "current_value": float(now)})
    if apart and not compared.both:
        text = render("report.s.previous_no_common", lang, period=label)
    else:
        text = render("report.s.previous_intro" if rows else "report.s.previous_none", lang, period=label)
    if compared.instead_of is not None:
        text = render("report.s.previous_running", lang, previous=compared.instead_of.in_sentence(lang),
                      period=label) + " " + text
    if apart:  # which units each side holds, before the table
        names = lambda codes: _names(units, codes, lang)  # noqa: E731
        said = []
        if compared.both:
            said.append(render("report.s.previous_both", lang, n=len(compared.both), units=names(compared.both)))
        if compared.only_now:
            said.append(render("report.s.previous_only", lang, period=lower(data["period"]["text"]),
                               units=names(compared.only_now)))
        if compared.only_before:
            said.append(render("report.s.previous_only", lang, period=lower(label), units=names(compared.only_before)))
        text = " ".join([*said, text])
    if compared.blank:  # units held in both periods whose actual of an indicator is in one of them only
        now_label = lower(data["period"]["text"]) if lang == "vi" else Period.parse(data["period"]["label"]).in_sentence(lang)
        said = []
        for row in data["summary"]:
            if (lacking := compared.blank.get(row["indicator"])) is None:
                continue
            sides = [render("report.s.previous_blank_part", lang, units=_names(units, codes, lang), period=when)
                     for codes, when in zip(lacking, (lower(label), now_label)) if codes]
            said.append(render("report.s.previous_blank", lang, name=row["name"], parts="; ".join(sides)))
        text = " ".join([*said, text])
    return {"period": before.label, "period_text": before.describe(lang), "text": text, "rows": rows,
            "units": compared.both, "only_previous": compared.only_before, "only_current": compared.only_now,
            "blank": {code: {"previous": before_, "current": now_} for code, (before_, now_) in compared.blank.items()},
            "instead_of": compared.instead_of.label if compared.instead_of is not None else None}


def _names(units: UnitTree, codes: list[str], lang: str, most: int = 12) -> str:
    """Give the units' names in the tree's order, or their count beyond `most` (a national report's communes)."""
    if len(codes) > most:
        return render("figure.units_counted", lang, n=len(codes))
    order = {u: i for i, u in enumerate(units.subtree(None))}
    codes = sorted(codes, key=lambda c: (order.get(c, len(order)), c))
    return ", ".join(units.get(c).name if c in units else c for c in codes)
