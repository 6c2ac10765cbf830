"""check.behind_plan: actual below plan (chưa đạt) or just under it (gần đạt), by the program's status bands."""
from __future__ import annotations

from hrplan.checks.finding import first_cell, left_out_param
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Direction, IndicatorKind
from hrplan.messages import render
from hrplan.problems import Severity
from hrplan.values import describe_percent, format_number


def _run(ctx: CheckContext):
    lang, program, words = ctx.lang, ctx.program, {}  # a national quarter has 76,000 figures behind plan
    for fig in ctx.figures.figures.values():
        ind = fig.indicator
        if ind.kind is IndicatorKind.PLANNING_RATIO:
            continue
        status = fig.status(program)
        if status != "behind" and status != "nearly":
            continue
        word = words.get(status)
        if word is None:
            word = words[status] = render(f"status.{status}", lang)
        yield RULE.finding(ctx, fig.unit, ind.code, {
            "indicator": ind.name_in(lang), "actual": format_number(fig.ratio_actual, lang=lang),
            "plan": format_number(fig.ratio_plan, lang=lang), "uom": ctx.uom(ind.uom),
            **left_out_param(fig, ctx.units, ctx.uom(ind.uom), lang),
            "ratio": describe_percent(fig.ratio, lang=lang), "status": word}, first_cell(fig),
            wording=CEILING if ind.direction is Direction.LOWER else None)


CEILING = "check.behind_plan.ceiling"  # lower is better (early retirements): the plan is a ceiling, not a goal
RULE = Rule("check.behind_plan", Severity.WARNING, "achievement",
            "Actual below plan: under `status_bands.nearly` is 'chưa đạt', from it up to `met` is 'gần đạt'; where "
            "lower is better (`direction: lower`), above the plan's ceiling.", _run,
            messages=("check.behind_plan", CEILING))
