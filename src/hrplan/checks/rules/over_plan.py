"""check.over_plan: actual above plan (vượt), by the program's status bands; a note, not a problem."""
from __future__ import annotations

from hrplan.checks.finding import first_cell, left_out_param
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import IndicatorKind
from hrplan.problems import Severity
from hrplan.values import describe_percent, format_number


def _run(ctx: CheckContext):
    lang, program = ctx.lang, ctx.program
    for fig in ctx.figures.figures.values():
        ind = fig.indicator
        if ind.kind is not IndicatorKind.COUNT or fig.status(program) != "over":
            continue
        yield RULE.finding(ctx, fig.unit, ind.code, {
            "indicator": ind.name_in(lang), "actual": format_number(fig.ratio_actual, lang=lang),
            "plan": format_number(fig.ratio_plan, lang=lang), "uom": ctx.uom(ind.uom),
            **left_out_param(fig, ctx.units, ctx.uom(ind.uom), lang),
            "ratio": describe_percent(fig.ratio, lang=lang)}, first_cell(fig))


RULE = Rule("check.over_plan", Severity.INFO, "achievement",
            "Actual above plan (over `status_bands.over`): worth a look before it goes to the committee.", _run)
