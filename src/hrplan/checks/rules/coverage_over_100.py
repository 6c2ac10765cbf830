"""check.coverage_over_100: a coverage indicator whose numerator exceeds its denominator (over 100%)."""
from __future__ import annotations

from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import IndicatorKind
from hrplan.problems import Severity
from hrplan.values import format_number, format_percent


def _run(ctx: CheckContext):
    for fig in ctx.figures.figures.values():
        ind = fig.indicator
        if ind.kind is IndicatorKind.COVERAGE and fig.ratio is not None and fig.ratio > 1 + 1e-9:
            yield RULE.finding(ctx, fig.unit, ind.code, {
                "indicator": ind.name_in(ctx.lang), "numerator": format_number(fig.ratio_actual, lang=ctx.lang),
                "denominator": format_number(fig.ratio_plan, lang=ctx.lang), "ratio": format_percent(fig.ratio, lang=ctx.lang)}, first_cell(fig))


RULE = Rule("check.coverage_over_100", Severity.ERROR, "consistency",
            "A coverage (numerator / denominator) above 100%: more covered than there are.", _run)
