"""check.plan_differs_from_target: the plan a unit wrote is not the target the program assigned it."""
from __future__ import annotations

from hrplan.checks.rule import CheckContext, Rule
from hrplan.problems import Location, Severity
from hrplan.values import format_number


def _run(ctx: CheckContext):
    for fig in ctx.figures.figures.values():
        if fig.is_group or fig.stated_plan is None or fig.plan is None or fig.stated_plan == fig.plan:
            continue
        stated_cell = fig.first_actual_source()
        yield RULE.finding(ctx, fig.unit, fig.indicator.code, {
            "indicator": fig.indicator.name_in(ctx.lang), "stated": format_number(fig.stated_plan, lang=ctx.lang), "target": format_number(fig.plan, lang=ctx.lang)},
            Location(stated_cell.file, stated_cell.sheet) if stated_cell else Location())


RULE = Rule("check.plan_differs_from_target", Severity.INFO, "consistency",
            "The plan written in a unit's workbook differs from the target the program assigns; the target is used.",
            _run)
