"""check.missing_submission: a unit due to report for the period (at its frequency) sent nothing for it.

A district whose every commune has a submission for the period (its table of communes, stored one submission per
commune) has reported: `hrplan.definitions.reported_through_members`."""
from __future__ import annotations

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import is_due
from hrplan.problems import Severity


def _run(ctx: CheckContext):
    for unit in ctx.program.expected_reporters():
        if (unit not in ctx.figures.submitted and unit not in ctx.figures.through_members
                and is_due(ctx.program, unit, ctx.period)):
            name = ctx.units.get(unit).name if unit in ctx.units else unit
            yield RULE.finding(ctx, unit, None, {"unit": f"{name} ({unit})", "period": ctx.period.label})


RULE = Rule("check.missing_submission", Severity.ERROR, "completeness",
            "A unit expected to report (the program's reporters) sent nothing for the period, when the period holds a "
            "whole part at the unit's frequency (`reporting`, `unit_reporting`): a quarterly unit is not due for a "
            "month, a yearly one not for a quarter. A unit whose every member in the registry sent for the period (a "
            "district's table of its communes, stored per commune) has reported.", _run)
