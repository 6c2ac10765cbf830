"""The program's stored values over every period, as one pandas table computed once per `check` run."""
from __future__ import annotations

import pandas as pd

from hrplan.checks.rule import CheckContext
from hrplan.definitions import Period

_COLUMNS = ["unit", "period", "indicator", "measure", "value", "file_name", "sheet", "cell"]


def history_table(ctx: CheckContext) -> pd.DataFrame:
    """Give the current actual values of the program up to the period checked (it and every period ending no
    later), with period kind, start and end, one row per value.

    Only what the history rules read leaves the store: actuals (the rules judge what was done) of the
    periods ending by the checked period's end (a later period is not history). On a national store this
    is a fraction of the values, and the rest never becomes Python objects.
    """
    if "history" not in ctx.cache:
        labels = [p for p in ctx.store.current_periods(ctx.program.code) if Period.parse(p).end <= ctx.period.end]
        keys, rows = ctx.store.current_value_rows(ctx.program.code, labels, measures=["actual"])
        df = pd.DataFrame.from_records(rows, columns=keys)[_COLUMNS] if rows else pd.DataFrame(columns=_COLUMNS)
        periods = {p: Period.parse(p) for p in df["period"].unique()}
        df["kind"] = df["period"].map(lambda p: periods[p].kind)
        df["start"] = df["period"].map(lambda p: periods[p].start)
        df["end"] = df["period"].map(lambda p: periods[p].end)
        df["value"] = df["value"].astype(float)
        ctx.cache["history"] = df
    return ctx.cache["history"]


def own_period_values(ctx: CheckContext) -> pd.DataFrame:
    """Give the actual values of the submissions for exactly the period being checked."""
    df = history_table(ctx)
    return df[df["period"] == ctx.period.label]
