"""check.breakdown_mismatch: the parts of a complete breakdown do not add up to its total."""
from __future__ import annotations

from decimal import Decimal

from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Period
from hrplan.problems import Location, Severity
from hrplan.values import format_number


def breakdown_findings(ctx: CheckContext, rule: Rule, complete: bool):
    """Give the findings of the breakdowns with `complete` as declared: parts against their total, per unit.

    A group's total is its members' sums, so a unit's mismatch is a mismatch of every group above it too: a group is
    named only for what its flagged members do not explain (one unit's error was three, the district's and the
    province's again, without a cell)."""
    figures = ctx.figures
    units = sorted({u for (u, _) in figures.figures})
    for b in ctx.program.breakdowns:
        if b.complete != complete:
            continue
        flagged: dict[str, Decimal] = {}  # unit -> its total minus its parts, for the units named
        groups = []
        for unit in units:
            total = figures.get(unit, b.total)
            if total is not None and total.is_group:
                groups.append(unit)
                continue
            finding = _finding(ctx, rule, complete, b, total, [figures.get(unit, p) for p in b.parts], flagged)
            if finding is not None:
                yield finding
        for unit in groups:  # after every unit: what its members explain is known
            total = figures.get(unit, b.total)
            own = total.own
            if own is not None:
                finding = _finding(ctx, rule, complete, b, own, [figures.reported(unit, p) for p in b.parts], flagged)
                if finding is not None:
                    yield finding
            explained = sum((flagged.get(m, Decimal(0)) for m in dict.fromkeys(total.members)), Decimal(0))
            parts = [figures.get(unit, p) for p in b.parts]
            if total.actual is None or any(p is None or p.actual is None for p in parts):
                continue
            if total.actual - sum((p.actual for p in parts), Decimal(0)) != explained:
                finding = _finding(ctx, rule, complete, b, total, parts, {})
                if finding is not None:
                    yield finding


def _finding(ctx: CheckContext, rule: Rule, complete: bool, b, total, parts, flagged: dict):
    """Give the finding for one total and its parts when they disagree (noting the difference in `flagged`)."""
    if total is None or total.actual is None or any(p is None or p.actual is None for p in parts):
        return None
    summed = sum((p.actual for p in parts), Decimal(0))
    if not ((summed != total.actual) if complete else (summed > total.actual)):
        return None
    flagged[total.unit] = total.actual - summed
    return rule.finding(ctx, total.unit, b.total, {
        "indicator": total.indicator.name_in(ctx.lang), "total": format_number(total.actual, lang=ctx.lang),
        "parts_sum": format_number(summed, lang=ctx.lang),
        "parts": " + ".join(format_number(p.actual, lang=ctx.lang) for p in parts)},
        _where(ctx, b, total.unit) if not total.is_group else first_cell(total))


def _where(ctx: CheckContext, b, unit: str) -> Location:
    """Give the total's cell in the first of the unit's submissions whose own parts disagree with it (a year made of
    quarters: the quarter where the parts do not add up, not the year's first cell)."""
    codes = [b.total, *b.parts]
    for label in sorted(ctx.figures.submitted.get(unit, []), key=lambda p: Period.parse(p).start):
        rows = ctx.store.current_period_values(ctx.program.code, label, [unit], measures=["actual"], indicators=codes)
        values = {code: (Decimal(value), (name, sheet, cell)) for _, code, _, name, value, sheet, cell in rows}
        if b.total in values and all(p in values for p in b.parts):
            total, where = values[b.total]
            parts = sum((values[p][0] for p in b.parts), Decimal(0))
            if (parts != total) if b.complete else (parts > total):
                return Location(*where)
    fig = ctx.figures.get(unit, b.total)
    return first_cell(fig) if fig is not None else Location()


RULE = Rule("check.breakdown_mismatch", Severity.ERROR, "consistency",
            "The parts of a breakdown (`breakdowns`) do not add up to its total, for a unit or a group.",
            lambda ctx: breakdown_findings(ctx, RULE, complete=True))
