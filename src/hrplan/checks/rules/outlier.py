"""check.outlier: a value far outside the unit's own history, by the modified z-score over its earlier periods.

z = 0.6745 · |x − median| / MAD, MAD the median absolute deviation of the unit's earlier values of
the same kind of period (quarters against quarters). Flagged above `threshold` (3.5, Iglewicz and
Hoaglin; DHIS2 uses 3.0). Short series mislead, so a unit needs `min_periods` earlier periods to be
judged. When MAD is 0 (half the history identical) the mean absolute deviation stands in
(z = |x − median| / (1.253314 · MeanAD)), as IBM SPSS Modeler does.
"""
from __future__ import annotations

from hrplan.checks.history import has_history, history_table, own_period_values
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Accumulation
from hrplan.problems import Location, Severity
from hrplan.values import format_number


def _run(ctx: CheckContext):
    per_period = {i.code: i for i in ctx.program.indicators if i.accumulation is Accumulation.PER_PERIOD}
    if not per_period or not has_history(ctx):  # nothing to judge, or nothing to judge it against
        return
    now = own_period_values(ctx)
    now = now[now["indicator"].isin(list(per_period))]
    if now.empty:
        return
    df = history_table(ctx)
    earlier = df[(df["measure"] == "actual") & (df["kind"] == ctx.period.kind) & (df["end"] < ctx.period.start)
                 & df["indicator"].isin(list(per_period))].copy()
    if earlier.empty:
        return
    keys = ["unit", "indicator"]
    groups = earlier.groupby(keys)["value"]
    earlier["median"] = groups.transform("median")
    earlier["dev"] = (earlier["value"] - earlier["median"]).abs()
    stats = earlier.groupby(keys).agg(n=("value", "size"), median=("median", "first"), mad=("dev", "median"),
                                      mean_ad=("dev", "mean"), low=("value", "min"), high=("value", "max"))
    joined = now.merge(stats.reset_index(), on=keys)
    scale = joined["mad"].where(joined["mad"] > 0, 1.253314 * joined["mean_ad"] / 0.6745)
    joined["z"] = (0.6745 * (joined["value"] - joined["median"]).abs() / scale.where(scale > 0)).fillna(0.0)
    joined.loc[(scale == 0) & (joined["value"] != joined["median"]), "z"] = float("inf")
    for r in joined.itertuples():
        threshold = float(ctx.param(RULE, "threshold", r.indicator))
        min_periods = int(ctx.param(RULE, "min_periods", r.indicator))
        if r.n < min_periods or r.z <= threshold:
            continue
        ind = per_period[r.indicator]
        spread = r.mad / 0.6745 if r.mad > 0 else 1.253314 * r.mean_ad
        usual_low, usual_high = max(r.median - threshold * spread, 0), r.median + threshold * spread
        yield RULE.finding(ctx, r.unit, r.indicator, {
            "indicator": ind.name_in(ctx.lang), "value": format_number(r.value, lang=ctx.lang), "uom": ctx.uom(ind.uom), "n": int(r.n),
            "median": format_number(round(r.median, 1), lang=ctx.lang), "usual_low": format_number(round(usual_low, 1), lang=ctx.lang),
            "usual_high": format_number(round(usual_high, 1), lang=ctx.lang), "low": format_number(r.low, lang=ctx.lang),
            "high": format_number(r.high, lang=ctx.lang), "z": "∞" if r.z == float("inf") else format_number(round(r.z, 1), lang=ctx.lang),
            "threshold": format_number(threshold, lang=ctx.lang)}, Location(r.file_name, r.sheet, r.cell))


RULE = Rule("check.outlier", Severity.WARNING, "history",
            "A per-period value whose modified z-score 0,6745·|x − median|/MAD over the unit's earlier periods of the "
            "same kind exceeds `threshold`; judged only with at least `min_periods` earlier periods.", _run,
            params={"threshold": 3.5, "min_periods": 6}, own_rows=True)
