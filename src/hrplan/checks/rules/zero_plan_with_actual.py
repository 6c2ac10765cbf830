"""check.zero_plan_with_actual: a planning ratio with 0 seats (or a coverage with a denominator of 0) and an actual."""
from __future__ import annotations

from decimal import Decimal

from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import IndicatorKind, Period
from hrplan.problems import Location, Severity
from hrplan.values import format_number


def _run(ctx: CheckContext):
    for fig in ctx.figures.figures.values():
        if fig.is_group:
            continue
        for lo in fig.left_out:  # figures.compute leaves such a unit out of every ratio, its own and its groups'
            if lo.reason != "zero_plan" or lo.unit != fig.unit:
                continue
            ind = fig.indicator
            seats = ind.kind is IndicatorKind.PLANNING_RATIO
            yield RULE.finding(ctx, fig.unit, ind.code, {
                "indicator": ind.name_in(ctx.lang), "actual": format_number(lo.actual, lang=ctx.lang),
                "uom": ctx.uom(ind.uom)}, _plan_cell(ctx, fig), wording=None if seats else DENOMINATOR)


def _plan_cell(ctx: CheckContext, fig) -> Location:
    """Give the cell where the unit wrote the 0 (its seats), else where its actual is."""
    for label in sorted(ctx.figures.submitted.get(fig.unit, []), key=lambda p: Period.parse(p).start):
        rows = ctx.store.current_period_values(ctx.program.code, label, [fig.unit], measures=["plan"],
                                               indicators=[fig.indicator.code])
        for _, _, _, name, value, sheet, cell in rows:
            if Decimal(value) == 0:
                return Location(name, sheet, cell)
    return first_cell(fig)


DENOMINATOR = "check.zero_plan_with_actual.denominator"
RULE = Rule("check.zero_plan_with_actual", Severity.ERROR, "consistency",
            "A planning ratio with 0 seats and people planned for them (or a coverage with a denominator of 0 and a "
            "numerator): no ratio, so the unit is left out of its groups' ratios and named there.", _run,
            messages=("check.zero_plan_with_actual", DENOMINATOR))
