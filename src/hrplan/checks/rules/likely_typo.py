"""check.likely_typo: an actual so far from its plan that it is likely a typing error (≥ 10× plan, or ≤ a tenth)."""
from __future__ import annotations

from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import IndicatorKind
from hrplan.problems import Severity
from hrplan.values import format_number


def _run(ctx: CheckContext):
    factors: dict[str, float] = {}  # per indicator, looked up once (a national quarter has 130,000 figures)
    for fig in ctx.figures.figures.values():
        ind = fig.indicator
        if fig.is_group or ind.kind is not IndicatorKind.COUNT or not fig.plan or fig.actual is None or fig.actual <= 0:
            continue
        factor = factors.get(ind.code)
        if factor is None:
            factor = factors[ind.code] = float(ctx.param(RULE, "factor", ind.code))
        ratio = float(fig.actual / fig.plan)
        if ratio >= factor or ratio <= 1 / factor:
            yield RULE.finding(ctx, fig.unit, ind.code, {
                "indicator": ind.name_in(ctx.lang), "actual": format_number(fig.actual, lang=ctx.lang), "plan": format_number(fig.plan, lang=ctx.lang),
                "uom": ctx.uom(ind.uom), "times": format_number(round(ratio, 1) if ratio >= 1 else round(1 / ratio, 1), lang=ctx.lang),
                "direction_vi": "gấp" if ratio >= 1 else "chỉ bằng một phần",
                "direction": "times" if ratio >= 1 else "a fraction of"}, first_cell(fig))


RULE = Rule("check.likely_typo", Severity.WARNING, "achievement",
            "A unit's actual at least `factor` times its plan, or at most 1/`factor` of it (a plan of 1 against "
            "hundreds, a missing or extra zero).", _run, params={"factor": 10})
