"""The program's stored actuals as pandas tables, each read once per `check` run: the checked period's own,
and the history before it.

Only what the history rules read leaves the store: actuals (the rules judge what was done), first of
the checked period alone; the earlier periods only when that period has values to judge and there
are earlier periods at all. A range ('2025-Q1..2026-Q4') is no submission's period, so it has no
own values and reads no history; the first quarter of a store has none before it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.checks.rule import CheckContext
from hrplan.definitions import Period

if TYPE_CHECKING:
    import pandas as pd

_COLUMNS = ["unit", "period", "indicator", "measure", "value", "file_name", "sheet", "cell"]


def own_period_values(ctx: CheckContext) -> pd.DataFrame:
    """Give the actual values of the submissions for exactly the period being checked."""
    if "own" not in ctx.cache:
        labels = [p for p in _periods(ctx) if p == ctx.period.label]
        ctx.cache["own"] = _table(ctx, labels)
    return ctx.cache["own"]


def has_history(ctx: CheckContext) -> bool:
    """Tell (cheaply: from the periods' labels, before any value is read) whether a history rule has anything to
    judge: submissions for exactly the checked period, and some for a period ending before it ends."""
    return ctx.period.label in _periods(ctx) and bool(_earlier(ctx))


def history_table(ctx: CheckContext) -> pd.DataFrame:
    """Give the current actual values of the program's periods ending before the checked period ends, with
    period kind, start and end, one row per value."""
    if "history" not in ctx.cache:
        ctx.cache["history"] = _table(ctx, _earlier(ctx))
    return ctx.cache["history"]


def _earlier(ctx: CheckContext) -> list[str]:
    return [p for p in _periods(ctx) if Period.parse(p).end < ctx.period.end]


def _periods(ctx: CheckContext) -> list[str]:
    if "periods" not in ctx.cache:
        ctx.cache["periods"] = ctx.store.current_periods(ctx.program.code)
    return ctx.cache["periods"]


def _table(ctx: CheckContext, labels: list[str]) -> pd.DataFrame:
    import pandas as pd  # loaded only when a history rule has something to judge (a third of a second)

    keys, rows = ctx.store.current_value_rows(ctx.program.code, labels, measures=["actual"]) if labels else ([], [])
    df = pd.DataFrame.from_records(rows, columns=keys)[_COLUMNS] if rows else pd.DataFrame(columns=_COLUMNS)
    periods = {p: Period.parse(p) for p in df["period"].unique()}
    df["kind"] = df["period"].map(lambda p: periods[p].kind)
    df["start"] = df["period"].map(lambda p: periods[p].start)
    df["end"] = df["period"].map(lambda p: periods[p].end)
    df["value"] = df["value"].astype(float)
    return df
