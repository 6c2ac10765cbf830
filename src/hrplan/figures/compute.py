"""Computing figures: achievement of plan, planning ratios and coverage, per unit and up the unit tree.

A group's ratio comes from the group's sums (sum of actuals / sum of plans), never from the
average of its members' percentages, and only over the members that have both: plan, actual
and ratio on a row are over the same members, the others are named (`Figure.left_out`). Within
a unit, pairing is per period: a year with an actual but no plan does not count against the
other years' plans. Every figure keeps the cells (or target lines) its numbers came from.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from hrplan.definitions import (Accumulation, Indicator, IndicatorKind, MeasureBook, Period, PlanFor, Program, UnitTree,
                                is_due, reported_through_members)
from hrplan.figures.model import Figure, FigureSet, LeftOut, Source
from hrplan.figures.parts import choose_parts, coverage
from hrplan.figures.sums import fill, look_up, summed_units, worth_summing
from hrplan.problems import HrplanError, Problem
from hrplan.store import Store

# The columns of the store's value rows (Store.current_values_by_unit), read by position.
PERIOD, FILE, INDICATOR, MEASURE, VALUE, UOM, SHEET, CELL, NOTE = range(9)


def compute_figures(program: Program, period: Period, store: Store, units: UnitTree, sources: bool = True) -> FigureSet:
    """Give the program's figures for `period` from the store's current submissions.

    `sources=False`: each figure keeps of its submissions' cells only the first actual one (what a finding
    points at) and those with a note beside them (`Figure.notes`), not every cell behind its numbers
    (`actual_sources` and `plan_sources` then refuse): `check` and the documents need no more, and a
    national range's 1.7 million cells are half its figures' memory. The numbers are the same.

    Everything is read from one snapshot of the store: an import committing meanwhile is not seen."""
    with store.snapshot():
        return _compute(program, period, store, units, sources)


def _compute(program: Program, period: Period, store: Store, units: UnitTree, sources: bool) -> FigureSet:
    # Which periods each unit sent (for its reporting frequency), then only the values of the periods
    # inside this one leave the store: a quarter of a national store is an eighth of its values.
    sent = store.current_unit_periods(program.code)
    wanted = {p for labels in sent.values() for p in labels if period.contains(Period.parse(p))}
    # A part stored before units.yaml gave its unit's life (`from:`, `until:`) may lie wholly outside it (a dissolved
    # district's 2025-Q3, imported before `until: 2025-06-30` was written): import refuses such a file now, so it is
    # in no figure either, and named as a unit no longer in the registry is (`FigureSet.outside_life`).
    outside_life = _outside_life(program, sent, wanted)
    for unit, labels in outside_life.items():
        sent[unit] = sent[unit] - set(labels)
    inside = sorted(wanted)
    figures: dict[tuple[str, str], Figure] = {}
    submitted: dict[str, list[str]] = {}
    covered = {}
    book = program.measure_book()
    numbers = _Numbers()
    # Each unit with values for the period, in code-point order, and the submissions its figures use.
    used = {unit: choose_parts(sent[unit] & wanted, period) for unit in sorted(sent) if sent[unit] & wanted}
    # Where units sent several parts each (a range), those whose every submission inside the period is used and
    # whose values are plain take the database's sums (hrplan.figures.sums); the others' rows are read one unit
    # at a time (a national range is millions of values).
    summed: dict[str, dict[str, tuple]] = {}
    if not sources and worth_summing(used):
        # A unit with a target for a period inside this one (its 2024 target inside 2024..2025-Q1) is judged
        # against it there (`_pair_per_period`), not against the plans its parts wrote: taken row by row.
        targeted = _units_with_targets_inside(program, period)
        summed = summed_units(store, program, inside, {unit: len(parts) for unit, parts in used.items()
                                                       if len(parts) == len(sent[unit] & wanted)
                                                       and unit not in targeted and unit not in outside_life})
    if summed:
        look_up(store, program, summed, used, numbers)
    from_sums = frozenset(summed)
    rest = [unit for unit in used if unit not in summed]
    rows_of = (store.current_values_by_unit(program.code, inside, rest if len(rest) <= 900 else None) if rest
               else _none())
    try:
        for unit, periods in used.items():
            submitted[unit] = sorted(periods)
            cover = coverage(program, unit, period, periods, sent[unit])
            if cover is not None:
                covered[unit] = cover
            # The parts of the period the unit never sent: a target's share of each is left out of its ratio.
            never = cover.missing if cover is not None else ()
            if unit in from_sums:  # each unit's sums are let go once its figures are made
                made = _summed_figures(program, unit, period, summed.pop(unit), book, numbers, periods, never)
            else:
                unit_rows = _rows_of(unit, rows_of)
                labels = {r[PERIOD] for r in unit_rows}
                by_indicator = _by(unit_rows if len(periods) == len(labels) else
                                   [r for r in unit_rows if r[PERIOD] in periods], INDICATOR)
                made = (_unit_figure(program, ind, unit, period, periods, by_indicator.get(ind.code, []), book, numbers,
                                     sources, never) for ind in program.indicators)
            last = max(periods, key=lambda p: Period.parse(p).end)
            early = ((unit, last),) if Period.parse(last).end < period.end else ()
            for fig in made:
                if fig is not None:
                    running = fig.indicator.takes_latest
                    if cover is not None and not cover.complete and not (running and _last_came(cover)):
                        fig.incomplete = [cover]  # a running total lacks nothing when its last part came
                    elif early and running and fig.actual is not None:
                        fig.as_of = early  # all its parts came, the last ends early: the running total is as of then
                    figures[(unit, fig.indicator.code)] = fig
    finally:
        rows_of.close()  # before the store closes, also when a figure cannot be made
    root = program.scope if program.scope in units else None
    tops = [root] if root else [u for u in units.roots()]
    blanks = [b for b in store.current_blanks(program.code) if b["unit"] in submitted
              and b["period"] in submitted[b["unit"]]]
    _mark_blanks(program, period, blanks, figures, submitted, covered, sources)
    unregistered = {unit: parts for unit, parts in submitted.items() if unit not in units}
    result = FigureSet(program, period, figures, submitted, root, covered, blanks, sources_kept=sources,
                       from_sums=from_sums, unregistered=unregistered, outside_life=outside_life)
    result.due = [u for u in program.expected_reporters() if u in submitted or is_due(program, u, period)]
    result.through_members = reported_through_members(program, units, period, submitted)
    result.absent = [u for u in result.due if u not in submitted and u not in result.through_members]
    result.partly_in = _partly_in(program, units, period, submitted, result.absent)
    result.absent = [u for u in result.absent if u not in result.partly_in]
    result.reports = _indicators_reported(program, store, units, [u for u in program.expected_reporters()
                                                                   if u not in submitted])
    for top in tops:
        for ind in program.indicators:
            _group_figure(program, ind, top, period, units, result, book, is_scope=top == root)
    _mark_absent(result, units)
    return result


def _partly_in(program: Program, units: UnitTree, period: Period, submitted: dict[str, list[str]],
               absent: list[str]) -> dict[str, list[str]]:
    """Give the due reporters that sent nothing in their own name but some of whose members did (a district with 2 of
    its 3 communes' files), each with its members that sent nothing: the highest such under it (a commune; a whole
    sub-district that sent nothing, not each of its communes). Their figures are in the sums; those members are not."""
    out = {}

    def sent_under(code: str) -> bool:
        return code in submitted or any(m in submitted for m in units.descendants(code))

    def missing(code: str) -> list[str]:
        found = []
        for m in units.children(code):
            if m in submitted or not program.lived(m, period):
                continue
            found += missing(m) if sent_under(m) else [m]
        return found

    for unit in absent:
        if unit in units and units.has_children(unit) and sent_under(unit):
            out[unit] = missing(unit)
    return out


def _indicators_reported(program: Program, store: Store, units: UnitTree, silent: list[str]
                         ) -> dict[str, frozenset[str]]:
    """Give, of the reporters that sent nothing in their own name for the period (`silent`), those known to report
    only some of the program's indicators, with them: those it (or, for a group, one of its members) reported in
    a submission of the program of any period, and those it has a target for. A reporter that never sent the
    program anything is held to every indicator: nothing says which it does not report."""
    if not silent:
        return {}
    members = {u: [u, *(units.descendants(u) if u in units else ())] for u in silent}
    sent = store.current_unit_indicators(program.code, sorted({m for ms in members.values() for m in ms}))
    out = {}
    every = {ind.code for ind in program.indicators}
    for unit in silent:
        if not any(m in sent for m in members[unit]):
            continue
        known = {code for m in members[unit] for code in sent.get(m, ())}
        known |= {code for code in every if program.has_target(code, unit)}
        if not every <= known:
            out[unit] = frozenset(known & every)
    return out


def _mark_absent(result: FigureSet, units: UnitTree) -> None:
    """Mark each group figure with the due reporters under it (itself included) that sent nothing for the period:
    its sums lack them, whether or not they had a plan to leave out of its ratio; and with the members missing of
    those under it that are only partly in (`FigureSet.partly_in`: a district whose communes partly sent)."""
    due: dict[str, int] = defaultdict(int)
    absent: dict[str, list[str]] = defaultdict(list)
    partly: dict[str, list[tuple[str, str]]] = defaultdict(list)
    gone = set(result.absent)
    for unit in result.due:
        seen = set()
        code: str | None = unit
        while code is not None and code in units and code not in seen:  # the unit and every group above it
            seen.add(code)
            due[code] += 1
            if unit in gone:
                absent[code].append(unit)
            partly[code].extend((member, unit) for member in result.partly_in.get(unit, ()))
            code = units.get(code).parent
    if not absent and not any(partly.values()):
        return
    for (unit, code), fig in result.figures.items():
        if not fig.is_group or not (unit in absent or partly.get(unit)):
            continue
        # A reporter that sent nothing is missing only from the indicators it reports (`FigureSet.owes`): not
        # counted among the group's due reporters for the others either.
        owing = tuple(u for u in absent.get(unit, ()) if result.owes(u, code))
        members_missing = tuple((m, r) for m, r in partly.get(unit, ()) if result.owes(r, code))
        if owing or members_missing:
            fig.absent, fig.due = owing, due[unit] - (len(absent.get(unit, ())) - len(owing))
            fig.members_missing = members_missing


def _outside_life(program: Program, sent: dict[str, set[str]], wanted: set[str]) -> dict[str, list[str]]:
    """Give, per unit, the periods inside this one of its stored submissions that lie wholly outside its life."""
    out = {}
    for unit in sorted(sent):
        if program.life_of(unit) is None:
            continue
        labels = sorted((p for p in sent[unit] & wanted if not program.lived(unit, Period.parse(p))),
                        key=lambda p: Period.parse(p).start)
        if labels:
            out[unit] = labels
    return out


def _last_came(cover) -> bool:
    """Tell whether the last part a unit owes for the period came (a running total counts only the latest)."""
    return bool(cover.expected) and max(cover.expected, key=lambda p: Period.parse(p).end) not in cover.missing


def _mark_blanks(program: Program, period: Period, blanks: list[dict], figures: dict[tuple[str, str], Figure],
                 submitted: dict[str, list[str]], covered: dict, sources: bool) -> None:
    """Mark each actual a unit left empty with a note beside it ('Chưa có số liệu', 'Chưa quyết toán') on the unit's
    figure, made for it when the unit has no other number for the indicator: the sums leave it out, the figure
    says so and carries the note up the tree. An empty cell without a note is what a unit leaves on the rows of a
    shared template that are not its business: nothing is said of it (with a plan beside it, it is a missing
    value: `LeftOut` no_actual). For a running total only the unit's last part counts."""
    for b in blanks:
        if not b["note"]:
            continue
        unit, code = b["unit"], b["indicator"]
        try:
            ind = program.indicator(code)
        except KeyError:  # an indicator since taken out of the program
            continue
        parts = submitted[unit]
        if ind.takes_latest and b["period"] != max(parts, key=lambda p: Period.parse(p).end):
            continue
        fig = figures.get((unit, code))
        if fig is None:
            fig = figures[(unit, code)] = Figure(ind, unit, period, members=[unit], sources_kept=sources)
            cover = covered.get(unit)
            if cover is not None and not cover.complete:
                fig.incomplete = [cover]
            c = program.plan_for(code, unit, period).context  # its year's target still counts in the group's
            if c is not None:
                fig.context = Source(unit, _target_value(c, ind, program.measure_book()), target=c.source,
                                     period=c.period or program.period)
        fig.blanks = [*fig.blanks, (unit, b["period"] if len(parts) > 1 else None)]
        fig.blank_notes.append((unit, b["note"]))


class _Numbers(dict):
    """The stored values as Decimals, one object per distinct text: a figure keeps a Decimal for each of its
    cells, and a national range has 1.7 million cells but a few thousand distinct values (counts of
    officials repeat), so sharing them saves ~175 MB. A Decimal never changes, so sharing it changes no
    number. Past `LIMIT` distinct texts new ones are made but not kept (the memo never outgrows the data)."""

    LIMIT = 1 << 16

    def __missing__(self, text: str) -> Decimal:
        value = Decimal(text)
        if len(self) < self.LIMIT:
            self[text] = value
        return value


def _none():
    """No units' rows (a generator, closed like the store's)."""
    yield from ()


def _rows_of(unit: str, rows_of) -> list[tuple]:
    """Give the unit's rows from the store's (unit, rows) in code-point order, passing over the units before it."""
    for got, rows in rows_of:
        if got == unit:
            return rows
    raise RuntimeError(f"the store gave no values for {unit!r}, though it has submissions with values")


def _summed_figures(program: Program, unit: str, period: Period, rows: dict[str, tuple], book: MeasureBook,
                    numbers: _Numbers, parts: set[str], never: tuple[str, ...] = ()):
    """Give a unit's figures, one per indicator (or None), from the database's sums (`hrplan.figures.sums`);
    `parts`: the submissions summed, each with one actual cell; `never`: the parts of the period it never sent."""
    for ind in program.indicators:
        fig = Figure(ind, unit, period, members=[unit], sources_kept=False)
        sums = rows.get(ind.code)
        if sums is not None:
            fill(fig, sums, numbers)
            # a running total: the last
            fig.actual_count = 1 if ind.takes_latest else len(parts)
        # Every part has a plan and an actual (summed_units): the ratio is over all of them; no rows, no parts.
        yield _planned(program, ind, unit, period, fig, None if sums is not None else {}, book, sources=False,
                       parts=parts, never=never)


def _by(rows: list[tuple], key: int) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)  # setdefault(k, []) would make a list per row
    for r in rows:
        out[r[key]].append(r)
    return out


def _number(program: Program, ind: Indicator, unit: str, row: tuple, book: MeasureBook) -> Decimal:
    """Give a stored value in the indicator's unit of measure today: converted, never relabelled."""
    value = Decimal(row[VALUE])
    stored = row[UOM]
    if not stored or stored == ind.uom or row[MEASURE] == "stated_ratio" or book.find(stored) is book.find(ind.uom):
        return value
    converted = book.convert(value, stored, ind.uom)
    if converted is None:
        raise HrplanError(Problem("figures.uom_unconvertible", params={
            "program": program.code, "indicator": ind.code, "stored": stored, "uom": ind.uom,
            "unit": unit, "period": row[PERIOD], "file": row[FILE]}))
    return converted


def _target_value(target, ind: Indicator, book: MeasureBook) -> Decimal:
    if target.uom:
        converted = book.convert(target.value, target.uom, ind.uom)
        if converted is not None:
            return converted
    return target.value


def _unit_figure(program: Program, ind: Indicator, unit: str, period: Period, parts: set[str], rows: list[tuple],
                 book: MeasureBook, numbers: _Numbers, sources: bool = True,
                 never: tuple[str, ...] = ()) -> Figure | None:
    fig = Figure(ind, unit, period, members=[unit], sources_kept=sources)
    if ind.takes_latest and rows:  # a running total: only the latest counts
        latest = max(Period.parse(r[PERIOD]).end for r in rows)
        rows = [r for r in rows if Period.parse(r[PERIOD]).end == latest]
    by_part: dict[str, dict[str, Decimal]] = {}
    actual = estimate = stated = None
    actual_cells, plan_cells, uom = fig.actual_cells, fig.plan_cells, ind.uom
    estimate_cells: list[tuple] = []
    for r in rows:  # a national range is millions of rows: the usual case (no conversion) is kept short
        label, name, _, measure, text, stored, sheet, cell, note = r
        value = numbers[text] if not stored or stored == uom else _number(program, ind, unit, r, book)
        part = by_part.get(label)
        if part is None:  # every period with a row is a part, whatever its measure
            part = by_part[label] = {}
        if measure == "actual":
            actual = (actual or 0) + value
            fig.actual_count += 1
            if sources or not actual_cells or note:
                actual_cells.append((unit, value, name, sheet, cell, label, note))
            part["actual"] = value
        elif measure == "estimate":
            estimate = (estimate or 0) + value
            if sources:
                estimate_cells.append((unit, value, name, sheet, cell, label, note))
        elif measure == "plan":
            stated = (stated or 0) + value
            if sources or note:
                plan_cells.append((unit, value, name, sheet, cell, label, note))
            part["plan"] = value
    if ind.is_maximum and len(by_part) > 1:  # the most titles per person over several periods: the largest
        actual = max((p["actual"] for p in by_part.values() if "actual" in p), default=None)
        stated = max((p["plan"] for p in by_part.values() if "plan" in p), default=None)
        fig.actual_count = 1 if actual is not None else 0  # the largest is one cell, not a sum of them
    fig.actual, fig.estimate, fig.stated_plan = actual, estimate, stated
    if estimate is not None:
        fig.estimate_members = ((unit, estimate),)
        fig.estimate_cells = tuple(estimate_cells)
    return _planned(program, ind, unit, period, fig, by_part, book, sources, parts, never)


def _planned(program: Program, ind: Indicator, unit: str, period: Period, fig: Figure,
             by_part: dict[str, dict[str, Decimal]] | None, book: MeasureBook, sources: bool,
             parts: set[str] = frozenset(), never: tuple[str, ...] = ()) -> Figure | None:
    """Give a unit figure with its plan: a target's, else the submissions' own paired period by period (`by_part`:
    period -> plan and actual); `by_part` None: every part has both, the ratio is over all (`hrplan.figures.sums`).
    `parts`: the submissions the figure is made of, `never`: the parts of the period the unit never sent (a
    target's share of a part without an actual, or never sent, is left out). None when the figure has no actual,
    plan or estimate."""
    plan = program.plan_for(ind.code, unit, period)
    if plan.context is not None:
        c = plan.context
        fig.context = Source(unit, _target_value(c, ind, book), target=c.source, period=c.period or program.period)
    if plan.target is not None:
        fig.plan = _target_value(plan.target, ind, book)
        if sources:  # a target's line: for --sources only (a national table has 132,000)
            fig.plan_cells = [Source(unit, fig.plan, target=plan.target.source,
                                     period=plan.target.period or program.period)]
        fig.plan_rule = plan.rule
        fig.plan_pieces = _pieces(plan, ind, book, program)
        fig.ratio_plan, fig.ratio_actual = fig.plan, fig.actual
        if fig.actual is None:
            fig.left_out = [LeftOut(unit, "no_actual", plan=fig.plan)]
        elif len(parts) + len(never) > 1:
            _split_target(program, ind, unit, fig, parts, by_part or {}, book, never,
                          every_actual=by_part is None)  # by_part None: every part has an actual (figures.sums)
    elif by_part is None:
        fig.plan, fig.stated_plan = fig.stated_plan, None
        if fig.plan is not None:
            fig.plan_rule = "stated"
        fig.ratio_plan, fig.ratio_actual = fig.plan, fig.actual
    else:
        _pair_per_period(program, ind, unit, fig, by_part, book, sources)
    if fig.actual is None and fig.plan is None and fig.estimate is None:
        return None
    if (ind.kind in _DIVIDED and fig.ratio_plan is not None and not fig.ratio_plan and fig.ratio_actual
            and not ind.is_maximum):
        # 5 people planned for 0 seats (or 5 covered of 0) is no ratio, and added to the group it would count 5 against
        # nothing (19 for 9 seats where the units with seats have 14): left out and named (check.zero_plan_with_actual)
        fig.left_out = [*fig.left_out, LeftOut(unit, "zero_plan", plan=fig.ratio_plan, actual=fig.ratio_actual)]
        fig.ratio_plan = fig.ratio_actual = None
    return fig


# The rules whose plan is derived from a longer target (kept as the figure's context, and told under its row).
_DERIVED = ("pro_rata", "to_date", "whole", "pieced")

# The kinds whose plan is a denominator (seats, those to cover): a zero there with an actual is no ratio at all.
_DIVIDED = (IndicatorKind.PLANNING_RATIO, IndicatorKind.COVERAGE)


def _split_target(program: Program, ind: Indicator, unit: str, fig: Figure, parts: set[str],
                  by_part: dict[str, dict[str, Decimal]], book: MeasureBook, never: tuple[str, ...] = (),
                  every_actual: bool = False) -> None:
    """Leave out of a unit's ratio the parts it sent without an actual, each with its share of the period's target.

    A target for the whole period (the year's, or H1's pro-rata share of it) is judged against the actuals of every
    part; a part sent with its actual left empty ('Chưa quyết toán') would count its share of the plan against
    nothing, as if the unit had done nothing that quarter. Its share is the plan its own period has (`interim`:
    pro rata, or the quarter's own target), left out and named, as a plan written part by part is
    (`_pair_per_period`). A share no rule gives (`interim: none`) cannot be taken out: the figure is not judged,
    and says why (LeftOut 'unsplit'). A running total counts its latest part only, a maximum its largest: neither
    adds its parts, so neither is split.

    A part the unit never sent (`never`: SLD's Q3 of a year of quarters) is treated the same way: its share of the
    target is left out and named (LeftOut 'not_sent'), or the figure is not judged ('unsplit'); the row keeps its
    '3/4 quý' mark. Judged against the whole year, the three quarters sent read 72% 'chưa đạt' when they met
    their own plans."""
    if len(parts) + len(never) < 2 or ind.accumulation is not Accumulation.PER_PERIOD or ind.is_maximum:
        return
    blank = sorted((label for label in [*(() if every_actual else parts), *never]
                    if label in never or "actual" not in by_part.get(label, ())),
                   key=lambda label: Period.parse(label).start)
    if not blank:  # every part has its actual (the usual case): the whole target against them all
        return
    shares = {}
    for label in blank:
        share = program.plan_for(ind.code, unit, Period.parse(label)).target
        if share is None:
            break
        shares[label] = _target_value(share, ind, book)
    left = fig.plan - sum(shares.values(), Decimal(0)) if len(shares) == len(blank) else None
    if left is None or left <= 0:
        fig.ratio_plan = fig.ratio_actual = None
        fig.left_out = [LeftOut(unit, "unsplit", label, fig.plan, None) for label in blank]
        return
    fig.ratio_plan = left
    fig.left_out = [LeftOut(unit, "not_sent" if label in never else "no_actual", label, share, None)
                    for label, share in shares.items()]


def _units_with_targets_inside(program: Program, period: Period) -> set[str]:
    """Give the units with a target of their own for a period lying inside `period` (and not `period` itself)."""
    out = set()
    for t in program.targets:
        if t.unit and t.period and t.unit not in out:
            span = Period.parse(t.period)
            if span != period and period.contains(span):
                out.add(t.unit)
    return out


def _targets_inside(program: Program, ind: Indicator, unit: str, period: Period, labels) -> list[tuple]:
    """Give (target, its period, the part labels inside it) for the unit's targets set for periods inside `period`
    that hold some of its parts: the longest first, none overlapping another (a year's target, not its quarters')."""
    spans = [(t, s) for t, s in program._spans_of(ind.code, unit) if s != period and period.contains(s)]
    chosen: list[tuple] = []
    for t, s in sorted(spans, key=lambda ts: ts[1].start.toordinal() - ts[1].end.toordinal()):
        if any(s.start <= c.end and c.start <= s.end for _, c, _ in chosen):
            continue
        held = [label for label in labels if s.contains(Period.parse(label))]
        if held:
            chosen.append((t, s, held))
    return sorted(chosen, key=lambda tsh: tsh[1].start)


def _pair_per_period(program: Program, ind: Indicator, unit: str, fig: Figure, by_part: dict[str, dict[str, Decimal]],
                     book: MeasureBook, sources: bool = True) -> None:
    """With no target for the whole period, plans come per sub-period: pair plan and actual period by period.

    A target the unit has for a period inside this one (its 2024 target inside 2024..2025-Q1) is that period's
    plan, as the report of 2024 alone judges it, whatever its parts wrote: paired with their actuals summed."""
    fig.plan, fig.stated_plan = fig.stated_plan, None
    several = len(by_part) > 1
    whole = fig.period.label
    if several:
        inside = _targets_inside(program, ind, unit, fig.period, list(by_part))
        if inside:
            by_part = dict(by_part)
            fig.plan = None
            for target, span, held in inside:
                plan = _target_value(target, ind, book)
                actuals = [by_part[label]["actual"] for label in held if "actual" in by_part[label]]
                for label in held:
                    del by_part[label]
                fig.plan = (fig.plan or 0) + plan
                if sources:
                    fig.plan_cells.append(Source(unit, plan, target=target.source, period=span.label))
                if actuals:
                    fig.ratio_plan = (fig.ratio_plan or 0) + plan
                    fig.ratio_actual = (fig.ratio_actual or 0) + sum(actuals[1:], actuals[0])
                else:
                    fig.left_out.append(LeftOut(unit, "no_actual", span.label, plan, None))
            for part in by_part.values():  # the other parts' own plans (2025-Q1 written in its report)
                if part.get("plan") is not None:
                    fig.plan = (fig.plan or 0) + part["plan"]
            fig.plan_rule = "sum"
    for label, part in sorted(by_part.items()):
        plan = part.get("plan")
        # A part without a plan written takes its own period's target: one of several parts, or the one part a
        # unit sent of a longer period (its Q1 of the year: the year has no target, the quarter has).
        if plan is None and (several or label != whole):
            target = program.plan_for(ind.code, unit, Period.parse(label)).target
            if target is not None:
                plan = _target_value(target, ind, book)
                fig.plan = (fig.plan or 0) + plan
                if sources:
                    fig.plan_cells.append(Source(unit, plan, target=target.source, period=label))
        actual = part.get("actual")
        if plan is not None and actual is not None:
            fig.ratio_plan = (fig.ratio_plan or 0) + plan
            fig.ratio_actual = (fig.ratio_actual or 0) + actual
        elif plan is not None or actual is not None:
            fig.left_out.append(LeftOut(unit, "no_plan" if plan is None else "no_actual",
                                        label if several else None, plan, actual))
    if fig.plan is not None and fig.plan_rule is None:
        fig.plan_rule = "stated"
    # Every part paired (the usual case): the ratio's sums are the plan and actual themselves; one object each
    # (a national range has 130,000 unit figures), the same number written the same way.
    if _same(fig.ratio_plan, fig.plan):
        fig.ratio_plan = fig.plan
    if _same(fig.ratio_actual, fig.actual):
        fig.ratio_actual = fig.actual


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    """Tell two Decimals written the same way (5.0 is not 5); compare_total is 8 times as fast as as_tuple."""
    return a is not None and b is not None and not a.compare_total(b)


def _group_figure(program: Program, ind: Indicator, node: str, period: Period, units: UnitTree, result: FigureSet,
                  book: MeasureBook, is_scope: bool) -> Figure | None:
    """Give the figure of `node` and its subtree, built bottom-up from summed numbers."""
    figures = result.figures
    children = units.children(node)
    # A unit without children is its own figure (3,300 communes a national indicator: no call each).
    built = [(child, _group_figure(program, ind, child, period, units, result, book, False)
              if units.has_children(child) else figures.get((child, ind.code))) for child in children]
    ended = _ended_before(program, ind, node, period, built)
    if ended:
        built = [(child, f) for child, f in built if child not in {lo.unit for lo in ended}]
    parts = [f for _, f in built if f is not None]
    contexts: list[Source] = []  # the longer targets of the units below, shown summed beside the group's figure
    silent = [_silent(program, ind, child, period, units, result, book, contexts) for child, f in built if f is None]
    silent = [lo for group in silent for lo in group]
    own = figures.get((node, ind.code))
    if not parts and not silent:
        return own
    if not parts and own is None:
        return None
    group = Figure(ind, node, period, is_group=True, sources_kept=result.sources_kept, own=own)
    for part in parts + ([own] if own is not None else []):
        if part.context is not None:
            contexts.append(part.context)
        if part.blanks:
            group.blanks = [*group.blanks, *part.blanks]
            if part.actual is None and part.plan is None and part.estimate is None:
                group.blank_notes.extend(part.blank_notes)
                continue  # only actuals left empty: not a member of the sums (its blanks say so)
        group.members.extend(part.members)
        if part.as_of:
            group.as_of = (*group.as_of, *part.as_of)
        group.actual_cells.extend(part.actual_cells)
        group.incomplete.extend(part.incomplete)
        group.left_out.extend(part.left_out)
        group.blank_notes.extend(part.blank_notes)
        if part.actual is not None:
            group.actual = (group.actual or 0) + part.actual
        if part.estimate is not None:
            group.estimate = (group.estimate or 0) + part.estimate
            group.estimate_members = (*group.estimate_members, *part.estimate_members)
            group.estimate_cells = (*group.estimate_cells, *part.estimate_cells)
        if part.plan is not None:
            group.plan = (group.plan or 0) + part.plan
            group.plan_cells.extend(part.plan_cells)
        if part.ratio_plan is not None and part.ratio_actual is not None:
            group.ratio_plan = (group.ratio_plan or 0) + part.ratio_plan
            group.ratio_actual = (group.ratio_actual or 0) + part.ratio_actual
    if ind.is_maximum:  # the most titles per person in the province is its units' largest, never their sum
        _largest(group, parts + ([own] if own is not None else []))
    group.left_out.extend(silent)
    unsent = sum((lo.plan for lo in group.left_out if lo.reason == "no_submission" and lo.plan is not None), Decimal(0))
    group.full_plan = (group.plan or 0) + unsent if (group.plan is not None or unsent) else None
    # A target set for the group itself (the province's own target) is what its whole sum is judged against.
    plan = program.plan_for(ind.code, node, period)
    own_target = plan.target is not None
    if plan.target is None and is_scope:
        scope = program.plan_for(ind.code, None, period)
        plan = scope if scope.target is not None or plan.context is None else plan
    if plan.target is not None and _targets_under(program, ind, node, period, units):
        # Units under it have targets of their own too: the group's target is not silently the whole subtree's.
        value = _target_value(plan.target, ind, book)
        if own_target and _reports_itself(program, node):
            # It reports its own figures (a district's own staff beside its communes'): its target is its own
            # part, already paired with its own report, and added to its members' (2.880 + 680 + 590).
            if own is None:  # sent nothing of its own: its part of the plan is named, as a member's would be
                group.left_out.append(LeftOut(node, "no_submission", plan=value))
                group.full_plan = (group.full_plan or 0) + value
            plan = _NO_GROUP_TARGET
        else:
            # A total for its whole subtree: what it is judged against, but never smaller than what its members
            # were given without saying so (`Figure.target_below`).
            members = _members_plan(parts, own, silent)
            if members is not None and value < members:
                group.target_below = (value, members)
    if plan.target is not None:
        value = _target_value(plan.target, ind, book)
        group.plan = group.full_plan = value
        group.plan_cells = [Source(node, value, target=plan.target.source, period=plan.target.period or program.period)]
        group.ratio_plan, group.ratio_actual = value, group.actual
        group.left_out = []  # every member's actual counts against the group's own target
        group.plan_rule = plan.rule
        group.plan_pieces = _pieces(plan, ind, book, program)
        if plan.context is not None and plan.rule in _DERIVED:  # the longer target its plan is derived from, told
            c = plan.context
            group.context = Source(node, _target_value(c, ind, book), target=c.source,
                                   period=c.period or program.period)
    elif plan.context is not None:
        c = plan.context
        group.context = Source(node, _target_value(c, ind, book), target=c.source, period=c.period or program.period)
    elif contexts and len({c.period for c in contexts}) == 1:
        # No target of the group's own: its longer plan is its units' ("KH năm 2026: 19" for the province when
        # each commune has its year's target), those that sent nothing included; never across different periods.
        group.context = Source(node, sum((c.value for c in contexts), Decimal(0)), period=contexts[0].period)
    group.left_out.extend(ended)  # named whatever the group is judged against
    if group.actual is None and group.plan is None:
        return None
    figures[(node, ind.code)] = group
    return group


_NO_GROUP_TARGET = PlanFor(None)


def _targets_under(program: Program, ind: Indicator, node: str, period: Period, units: UnitTree) -> bool:
    """Tell whether a unit under `node` (not itself) has a target of its own for the period."""
    return any(program.plan_for(ind.code, unit, period).target is not None for unit in units.descendants(node))


def _reports_itself(program: Program, node: str) -> bool:
    """Tell whether `node` owes a report of its own figures (an expected reporter), whether or not it sent one for
    this period: what its target covers does not change with what arrived."""
    return node in program.expected_reporters()


def _members_plan(parts: list[Figure], own: Figure | None, silent: list[LeftOut]) -> Decimal | None:
    """Give the plans of a group's members (not its own report's), those that sent nothing included, or None."""
    plans = [(p.full_plan if p.is_group and p.full_plan is not None else p.plan) for p in parts if p is not own]
    plans += [lo.plan for lo in silent if lo.reason == "no_submission"]
    plans = [p for p in plans if p is not None]
    return sum(plans, Decimal(0)) if plans else None


def _ended_before(program: Program, ind: Indicator, node: str, period: Period, built: list[tuple]) -> list[LeftOut]:
    """Give the members of a running total's group that ended (merged or dissolved: units.yaml `until:`) before the
    period's end: their last stock is held by the unit that took them over, so adding it counts the same people
    twice (three old communes' June staff beside the new commune's December staff). A flow (people trained in a
    quarter) of an ended unit still counts in the periods it lived. A group that ended itself (a dissolved district)
    keeps its members: its row is its communes' last stock, and the group above leaves it out whole."""
    if not ind.takes_latest or _ended(program, node, period):
        return []
    out = []
    for child, fig in built:
        if fig is not None and _ended(program, child, period):
            out.append(LeftOut(child, "ended", plan=fig.plan, actual=fig.actual))
    return out


def _ended(program: Program, unit: str, period: Period) -> bool:
    life = program.life_of(unit)
    return life is not None and life.until is not None and life.until < period.end


def _largest(group: Figure, parts: list[Figure]) -> None:
    """Make a maximum's group figure the largest of its members' numbers (`Indicator.is_maximum`)."""
    def most(values):
        values = [v for v in values if v is not None]
        return max(values) if values else None

    group.actual = most(p.actual for p in parts)
    group.estimate = most(p.estimate for p in parts)
    group.plan = most(p.plan for p in parts)
    paired = group.plan is not None and group.actual is not None
    group.ratio_plan, group.ratio_actual = (group.plan, group.actual) if paired else (None, None)


def _silent(program: Program, ind: Indicator, node: str, period: Period, units: UnitTree, result: FigureSet,
            book: MeasureBook, contexts: list[Source]) -> list[LeftOut]:
    """Give the units under `node` (itself included) that sent nothing for the period but had a plan for it; add
    to `contexts` the longer targets of the units under it that have no figure."""
    out = []
    for unit in units.subtree(node):
        plan = program.plan_for(ind.code, unit, period)
        if plan.context is not None:
            c = plan.context
            contexts.append(Source(unit, _target_value(c, ind, book), period=c.period or program.period))
        if unit in result.submitted or unit in {lo.unit for lo in out}:
            continue
        if plan.target is not None:
            out.append(LeftOut(unit, "no_submission", plan=_target_value(plan.target, ind, book)))
    return out


def _pieces(plan, ind, book, program) -> tuple:
    """Give a pieced plan's pieces as the report spells them (`Figure.plan_pieces`)."""
    return tuple((t.period or program.period, _target_value(t, ind, book), part, whole)
                 for t, part, whole in plan.pieces)
