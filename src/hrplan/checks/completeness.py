"""Completeness and timeliness (tình hình gửi báo cáo): units × periods due, on time, late or missing."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from hrplan.definitions import DeadlineRule, Period, Program, UnitTree

_KINDS = {"quarter": ("Q", 4), "half": ("H", 2)}


@dataclass
class Arrival:
    """One cell of the matrix: what a unit sent for one period due."""

    status: str  # on_time | late | sent (no deadline set) | missing | not_due
    due: str | None = None  # dd/mm/yyyy
    arrived: str | None = None  # dd/mm/yyyy: when the file was saved
    file: str | None = None
    period: str | None = None  # the submission's own period when it covers a longer span

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class CompletenessRow:
    unit: str
    name: str
    cells: list[Arrival] = field(default_factory=list)


@dataclass
class CompletenessMatrix:
    """Units (rows) × periods due (columns) for one program."""

    program: str
    period: str
    periods: list[str]
    rows: list[CompletenessRow]

    def to_dict(self) -> dict:
        return {"program": self.program, "period": self.period, "periods": self.periods,
                "rows": [{"unit": r.unit, "name": r.name, "cells": dict(zip(self.periods, (c.to_dict() for c in r.cells)))}
                         for r in self.rows]}


def periods_due(program: Program, period: Period) -> list[Period]:
    """Give the reporting periods of the program (its `reporting` frequency) that lie inside `period`."""
    kind = program.reporting if program.reporting in ("quarter", "half", "year", "month") else "year"
    out = []
    for year in period.years():
        if kind == "year":
            labels = [str(year)]
        elif kind == "month":
            labels = [f"{year}-{m:02d}" for m in range(1, 13)]
        else:
            letter, count = _KINDS[kind]
            labels = [f"{year}-{letter}{n}" for n in range(1, count + 1)]
        out += [p for p in (Period.parse(label) for label in labels) if period.contains(p)]
    return out or [period]


def arrival(deadline: DeadlineRule | None, period: Period, saved: str | None, today: date) -> Arrival:
    """Give on_time / late / sent for a submission saved at `saved` (ISO), or missing / not_due without one."""
    due = deadline.due(period.end) if deadline else None
    due_text = due.strftime("%d/%m/%Y") if due else None
    if saved is None:
        due_passed = (due or period.end) < today
        return Arrival("missing" if due_passed else "not_due", due_text)
    day = datetime.fromisoformat(saved).date()
    if due is None:
        return Arrival("sent", None, day.strftime("%d/%m/%Y"))
    return Arrival("late" if day > due else "on_time", due_text, day.strftime("%d/%m/%Y"))


def completeness_matrix(program: Program, period: Period, store, units: UnitTree, deadline: DeadlineRule | None,
                        today: date | None = None) -> CompletenessMatrix:
    """Give the matrix of the program's expected reporters (and any unit that sent) over the periods due."""
    today = today or date.today()
    columns = periods_due(program, period)
    sent = [s for s in store.submissions(program.code) if period.contains(Period.parse(s.period))
            or Period.parse(s.period).contains(period)]
    unit_codes = list(dict.fromkeys([*program.expected_reporters(), *sorted({s.unit for s in sent})]))
    rows = []
    for unit in unit_codes:
        row = CompletenessRow(unit, units.get(unit).name if unit in units else unit)
        mine = [s for s in sent if s.unit == unit]
        for col in columns:
            exact = next((s for s in mine if s.period == col.label), None)
            covering = exact or next((s for s in mine if Period.parse(s.period).contains(col)), None)
            if covering is None:
                row.cells.append(arrival(deadline, col, None, today))
                continue
            own = Period.parse(covering.period)
            cell = arrival(deadline, own, covering.file_mtime, today)
            cell.file = covering.file_name
            cell.period = None if exact else covering.period
            row.cells.append(cell)
        rows.append(row)
    return CompletenessMatrix(program.code, period.label, [c.label for c in columns], rows)
