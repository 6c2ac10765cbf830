"""check.cumulative_decrease: a running total (lũy kế) lower than the unit's previous period's.

A level (`accumulation: level`, the staff on the payroll at the period's end) may fall, and an indicator whose lower
figure is the goal (`direction: lower`) is a level whatever its accumulation says: a running total of what must be
reduced does not exist, and its falling is the progress the program asks for, not a typing error."""
from __future__ import annotations

from hrplan.checks.history import has_history, history_table, own_period_values
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Accumulation, Direction, Period
from hrplan.problems import Location, Severity
from hrplan.values import format_number


def _run(ctx: CheckContext):
    cumulative = {i.code: i for i in ctx.program.indicators
                  if i.accumulation is Accumulation.CUMULATIVE and i.direction is not Direction.LOWER}
    if not cumulative or not has_history(ctx):  # nothing to judge, or nothing to judge it against
        return
    now = own_period_values(ctx)
    now = now[now["indicator"].isin(list(cumulative))]
    if now.empty:
        return
    df = history_table(ctx)
    earlier = df[(df["measure"] == "actual") & (df["end"] < ctx.period.end) & df["indicator"].isin(list(cumulative))]
    # The previous value of each unit and indicator: the one of the latest period ending before this one.
    previous = earlier.sort_values("end").groupby(["unit", "indicator"]).tail(1)
    joined = now.merge(previous, on=["unit", "indicator"], suffixes=("", "_prev"))
    for r in joined[joined["value"] < joined["value_prev"]].itertuples():
        ind = cumulative[r.indicator]
        yield RULE.finding(ctx, r.unit, r.indicator, {
            "indicator": ind.name_in(ctx.lang), "value": format_number(r.value, lang=ctx.lang), "previous": format_number(r.value_prev, lang=ctx.lang),
            "previous_period": Period.parse(r.period_prev).in_sentence(ctx.lang), "uom": ctx.uom(ind.uom)}, Location(r.file_name, r.sheet, r.cell))


RULE = Rule("check.cumulative_decrease", Severity.ERROR, "consistency",
            "A cumulative indicator's value is lower than the same unit's value for the previous period (never for "
            "`accumulation: level` nor for `direction: lower`, where a falling figure is the goal).", _run, own_rows=True)
