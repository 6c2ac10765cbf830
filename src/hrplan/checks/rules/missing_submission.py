"""check.missing_submission: a unit expected to report sent nothing for the period."""
from __future__ import annotations

from hrplan.checks.rule import CheckContext, Rule
from hrplan.problems import Severity


def _run(ctx: CheckContext):
    for unit in ctx.program.expected_reporters():
        if unit not in ctx.figures.submitted:
            name = ctx.units.get(unit).name if unit in ctx.units else unit
            yield RULE.finding(ctx, unit, None, {"unit": f"{name} ({unit})", "period": ctx.period.label})


RULE = Rule("check.missing_submission", Severity.ERROR, "completeness",
            "A unit expected to report (the program's reporters) sent nothing for the period.", _run)
