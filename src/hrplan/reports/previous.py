"""Comparison with the previous period: the same figures one step earlier, and the change.

The previous period of a quarter, half-year, month or year is the one before it; of a cumulative
review ('2016..2019-05') it is the same review as it stood at the end of the year before
('2016..2018'), which is what the last annual report said.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from hrplan.definitions import Period, Program, UnitTree
from hrplan.figures import compute_figures
from hrplan.messages import render
from hrplan.values import format_number


def previous_period(period: Period) -> Period | None:
    """Give the period a report of `period` is compared with, or None when there is none."""
    kind, s = period.kind, period.start
    if kind == "year":
        return Period.parse(str(s.year - 1))
    if kind == "half":
        return Period.parse(f"{s.year}-H1" if s.month > 6 else f"{s.year - 1}-H2")
    if kind == "quarter":
        q = (s.month - 1) // 3 + 1
        return Period.parse(f"{s.year}-Q{q - 1}" if q > 1 else f"{s.year - 1}-Q4")
    if kind == "month":
        return Period.parse(f"{s.year}-{s.month - 1:02d}" if s.month > 1 else f"{s.year - 1}-12")
    last_year = period.end.year - 1  # the review as it stood at the end of the year before
    if last_year < s.year:
        return None
    first = Period.parse(period.label.split("..")[0]) if ".." in period.label else Period.parse(str(s.year))
    if last_year == s.year and first.kind == "year":
        return Period.parse(str(last_year))
    return Period.parse(f"{first.label}..{last_year}")


def previous_actuals(program: Program, period: Period, store, units: UnitTree) -> tuple[Period | None, dict[str, Decimal]]:
    """Give the period a report of `period` is compared with and the scope's actual per indicator in it (none when
    there is no such period). Only these numbers are kept: at national scale the previous period's figures are as
    large as the report's own, and computed before them they never sit in memory beside them."""
    before = previous_period(period)
    if before is None:
        return None, {}
    figures = compute_figures(program, before, store, units, sources=False)
    top = figures.root
    if top is None:
        return before, {}
    return before, {i.code: f.actual for i in program.indicators
                    if (f := figures.get(top, i.code)) is not None and f.actual is not None}


def comparison(program: Program, period: Period, store, units: UnitTree, data: dict[str, Any],
               lang: str, previous: tuple[Period | None, dict[str, Decimal]] | None = None) -> dict[str, Any]:
    """Give the scope's figures of the previous period beside this period's, with the change (`previous`: what
    `previous_actuals` gave, else it is computed here)."""
    before, actuals = previous if previous is not None else previous_actuals(program, period, store, units)
    if before is None:
        return {"period": None, "text": render("report.s.no_previous_period", lang), "rows": []}
    label = before.vietnamese() if lang == "vi" else before.label
    rows = []
    for row in data["summary"]:
        actual = actuals.get(row["indicator"])
        # Everything reported in each period, like with like: the previous period's whole actual against this one's
        # (the row's 'actual' is over the members its ratio pairs, which leaves out what has no plan).
        current = row.get("total_actual", row["actual"])
        if actual is None or current is None:
            continue
        now = Decimal(str(current))
        change = now - actual
        rows.append({"indicator": row["indicator"], "name": row["name"], "uom": row["uom"],
                     "previous": format_number(actual, lang=lang), "current": format_number(now, lang=lang),
                     "change": ("+" if change > 0 else "") + format_number(change, lang=lang),
                     "previous_value": float(actual), "current_value": current})
    text = render("report.s.previous_intro" if rows else "report.s.previous_none", lang, period=label)
    return {"period": before.label, "period_text": label, "text": text, "rows": rows}
