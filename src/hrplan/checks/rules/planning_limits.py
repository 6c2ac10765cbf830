"""The limits of the planning regulation (Quy định 377-QĐ/TW), read from the program's `planning_limits`."""
from __future__ import annotations

from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.values import format_number, format_percent


def share_findings(ctx: CheckContext, rule: Rule, role: str, limit_field: str):
    """Give a finding where the share of `role` (women, young) among those planned is under its floor."""
    limits = ctx.program.planning_limits
    floor = getattr(limits, limit_field, None) if limits else None
    if floor is None:
        return
    for fig in ctx.figures.figures.values():
        plan = fig.indicator.planning
        if plan is None or plan.role != role or plan.of is None or fig.actual is None:
            continue
        planned = ctx.figures.get(fig.unit, plan.of)
        if planned is None or not planned.actual:
            continue
        share = float(fig.actual / planned.actual)
        if share < floor - 1e-9:
            yield rule.finding(ctx, fig.unit, fig.indicator.code, {
                "indicator": fig.indicator.name, "count": format_number(fig.actual, lang=ctx.lang),
                "planned": format_number(planned.actual, lang=ctx.lang), "planned_indicator": planned.indicator.name,
                "share": format_percent(share, lang=ctx.lang), "floor": format_percent(floor, lang=ctx.lang), "source": limits.source or "-"},
                first_cell(fig))


def maximum_findings(ctx: CheckContext, rule: Rule, role: str, limit_field: str):
    """Give a finding where the most people per title (or titles per person) is over its limit."""
    limits = ctx.program.planning_limits
    limit = getattr(limits, limit_field, None) if limits else None
    if limit is None:
        return
    for fig in ctx.figures.figures.values():
        plan = fig.indicator.planning
        if plan is None or plan.role != role or fig.actual is None or fig.is_group:
            continue  # a maximum does not add up over units: judged where it was reported
        if fig.actual > limit:
            yield rule.finding(ctx, fig.unit, fig.indicator.code, {
                "indicator": fig.indicator.name, "value": format_number(fig.actual, lang=ctx.lang), "limit": limit,
                "source": limits.source or "-"}, first_cell(fig))
