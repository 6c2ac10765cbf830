"""check.breakdown_mismatch: the parts of a complete breakdown do not add up to its total."""
from __future__ import annotations

from decimal import Decimal

from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.problems import Severity
from hrplan.values import format_number


def breakdown_findings(ctx: CheckContext, rule: Rule, complete: bool):
    """Give the findings of the breakdowns with `complete` as declared: parts against their total, per unit."""
    figures = ctx.figures
    units = sorted({u for (u, _) in figures.figures})
    for b in ctx.program.breakdowns:
        if b.complete != complete:
            continue
        for unit in units:
            total = figures.get(unit, b.total)
            parts = [figures.get(unit, p) for p in b.parts]
            if total is None or total.actual is None or any(p is None or p.actual is None for p in parts):
                continue
            summed = sum((p.actual for p in parts), Decimal(0))
            if (summed != total.actual) if complete else (summed > total.actual):
                yield rule.finding(ctx, unit, b.total, {
                    "indicator": total.indicator.name_in(ctx.lang), "total": format_number(total.actual, lang=ctx.lang),
                    "parts_sum": format_number(summed, lang=ctx.lang), "parts": " + ".join(format_number(p.actual, lang=ctx.lang) for p in parts)},
                    first_cell(total))


RULE = Rule("check.breakdown_mismatch", Severity.ERROR, "consistency",
            "The parts of a breakdown (`breakdowns`) do not add up to its total, for a unit or a group.",
            lambda ctx: breakdown_findings(ctx, RULE, complete=True))
