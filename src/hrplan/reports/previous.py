"""Comparison with the previous period: the same figures one step earlier, and the change.

The previous period of a quarter, half-year, month or year is the one before it; of a cumulative
review ('2016..2019-05') it is the same review as it stood at the end of the year before
('2016..2018'), which is what the last annual report said.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from hrplan.definitions import Period, Program, UnitTree
from hrplan.figures import FigureSet, compute_figures
from hrplan.messages import render
from hrplan.values import format_number


def previous_period(period: Period) -> Period | None:
    """Give the period a report of `period` is compared with, or None when there is none."""
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
    last_year = period.end.year - 1  # the review as it stood at the end of the year before
    if last_year < s.year:
        return None
    first = Period.parse(period.label.split("..")[0]) if ".." in period.label else Period.parse(str(s.year))
    if last_year == s.year and first.kind == "year":
        return Period.parse(str(last_year))
    return Period.parse(f"{first.label}..{last_year}")


class Before(NamedTuple):
    """What a report keeps of the previous period: the scope's actual per indicator, each reporting unit's own
    actuals (to compare over the units both periods hold) and which units reported."""

    period: Period | None
    actuals: dict[str, Decimal]  # indicator -> the scope's actual
    own: dict[str, dict[str, Decimal]]  # unit -> indicator -> its own reported actual
    units: frozenset[str]  # the units with figures in the period


class Compared(NamedTuple):
    """The previous period against this one over the same units (`compare`)."""

    period: Period | None
    previous: dict[str, Decimal]  # indicator -> actual, over `both`
    current: dict[str, Decimal]
    both: list[str]  # the units with figures in both periods
    only_before: list[str]  # units in the previous period only: left out of the comparison
    only_now: list[str]  # units in this period only: left out of the comparison


def previous_actuals(program: Program, period: Period, store, units: UnitTree) -> Before:
    """Give the period a report of `period` is compared with and its figures (none when there is no such period).
    Only these numbers are kept: at national scale the previous period's figures are as large as the report's own,
    and computed before them they never sit in memory beside them."""
    before = previous_period(period)
    if before is None:
        return Before(None, {}, {}, frozenset())
    figures = compute_figures(program, before, store, units, sources=False)
    return Before(before, _scope_actuals(program, figures), _own_actuals(program, figures), frozenset(figures.submitted))


def compare(program: Program, before: Before, figures: FigureSet) -> Compared:
    """Give the previous period's actuals against this period's (`figures`), like with like: over the units that
    have figures in both periods. When both periods hold the same units, those are the scope's totals (everything
    reported in each period); when they hold different units (a unit's mis-dated file alone in the previous year, a
    unit that has not sent yet), the totals would compare different members, so each side is summed over the units
    of both (a maximum, such as the most titles per person, takes the largest) and the others are named."""
    if before.period is None:
        return Compared(None, {}, {}, [], [], [])
    now = frozenset(figures.submitted)
    both = sorted(before.units & now)
    only_before, only_now = sorted(before.units - now), sorted(now - before.units)
    if not before.units or not now or (not only_before and not only_now):  # nothing to set apart
        return Compared(before.period, before.actuals, _scope_actuals(program, figures), both, [], [])
    current = _own_actuals(program, figures)
    return Compared(before.period, _over(program, before.own, both), _over(program, current, both), both,
                    only_before, only_now)


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


def _over(program: Program, own: dict[str, dict[str, Decimal]], members: list[str]) -> dict[str, Decimal]:
    out = {}
    for ind in program.indicators:
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
    label = before.vietnamese() if lang == "vi" else before.label
    apart = bool(compared.only_before or compared.only_now)
    rows = []
    for row in data["summary"]:
        actual = compared.previous.get(row["indicator"])
        # Everything reported in each period, like with like: the previous period's whole actual against this one's
        # (the row's 'actual' is over the members its ratio pairs, which leaves out what has no plan).
        current = compared.current.get(row["indicator"]) if apart else row.get("total_actual", row["actual"])
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
    if apart:  # which units each side holds, before the table
        names = lambda codes: _names(units, codes, lang)  # noqa: E731
        lower = lambda text: text[:1].lower() + text[1:] if lang == "vi" else text  # noqa: E731
        said = []
        if compared.both:
            said.append(render("report.s.previous_both", lang, n=len(compared.both), units=names(compared.both)))
        if compared.only_now:
            said.append(render("report.s.previous_only", lang, period=lower(data["period"]["text"]) if lang == "vi"
                               else data["period"]["label"],
                               units=names(compared.only_now)))
        if compared.only_before:
            said.append(render("report.s.previous_only", lang, period=lower(label), units=names(compared.only_before)))
        text = " ".join([*said, text])
    return {"period": before.label, "period_text": label, "text": text, "rows": rows,
            "units": compared.both, "only_previous": compared.only_before, "only_current": compared.only_now}


def _names(units: UnitTree, codes: list[str], lang: str, most: int = 12) -> str:
    """Give the units' names in the tree's order, or their count beyond `most` (a national report's communes)."""
    if len(codes) > most:
        return render("figure.units_counted", lang, n=len(codes))
    order = {u: i for i, u in enumerate(units.subtree(None))}
    codes = sorted(codes, key=lambda c: (order.get(c, len(order)), c))
    return ", ".join(units.get(c).name if c in units else c for c in codes)
