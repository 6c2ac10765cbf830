"""The program's stored values over every period, as one pandas table computed once per `check` run."""
from __future__ import annotations

import pandas as pd

from hrplan.checks.rule import CheckContext
from hrplan.definitions import Period

_COLUMNS = ["unit", "period", "indicator", "measure", "value", "file_name", "sheet", "cell"]


def history_table(ctx: CheckContext) -> pd.DataFrame:
    """Give the current values of the program (all periods) with period kind, start and end, one row per value."""
    if "history" not in ctx.cache:
        keys, rows = ctx.store.current_value_rows(ctx.program.code)
        df = pd.DataFrame.from_records(rows, columns=keys)[_COLUMNS] if rows else pd.DataFrame(columns=_COLUMNS)
        periods = {p: Period.parse(p) for p in df["period"].unique()}
        df["kind"] = df["period"].map(lambda p: periods[p].kind)
        df["start"] = df["period"].map(lambda p: periods[p].start)
        df["end"] = df["period"].map(lambda p: periods[p].end)
        df["value"] = df["value"].astype(float)
        ctx.cache["history"] = df
    return ctx.cache["history"]


def own_period_values(ctx: CheckContext, measure: str = "actual") -> pd.DataFrame:
    """Give the values of the submissions for exactly the period being checked."""
    df = history_table(ctx)
    return df[(df["period"] == ctx.period.label) & (df["measure"] == measure)]
