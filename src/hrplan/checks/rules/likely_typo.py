"""check.likely_typo: an actual so far from its plan that it is likely a typing error (≥ 10× plan, or under a tenth)."""
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
        # The numbers the report pairs (ratio_plan, ratio_actual): a quarter left out of the ratio (a plan, no
        # actual) is not a tenth of the plan done.
        ratio = fig.ratio
        if fig.is_group or ind.kind is not IndicatorKind.COUNT or ratio is None or fig.ratio_actual <= 0:
            continue
        factor = factors.get(ind.code)
        if factor is None:
            factor = factors[ind.code] = float(ctx.param(RULE, "factor", ind.code))
        if ratio >= factor or ratio < 1 / factor:
            lang = ctx.lang
            yield RULE.finding(ctx, fig.unit, ind.code, {
                "indicator": ind.name_in(lang), "actual": format_number(fig.ratio_actual, lang=lang),
                "plan": format_number(fig.ratio_plan, lang=lang), "uom": ctx.uom(ind.uom),
                "times": format_number(round(ratio, 1), lang=lang), "factor": format_number(factor, lang=lang)},
                first_cell(fig), wording=None if ratio >= factor else UNDER)


UNDER = "check.likely_typo.under"  # under 1/factor of the plan: a digit too few in the actual, or too many in the plan
RULE = Rule("check.likely_typo", Severity.WARNING, "achievement",
            "A unit's actual, paired with its plan as the report pairs them, at least `factor` times its plan, or "
            "under 1/`factor` of it (a plan of 1 against hundreds, a missing or extra zero).", _run,
            params={"factor": 10}, messages=("check.likely_typo", UNDER))
