"""Completeness and timeliness (tình hình gửi báo cáo): units × periods due, on time, late or missing.

The columns are the program's reporting periods; each unit's cell is judged at the unit's own frequency
(`hrplan.definitions.reporting`, the one answer to "is it due?", and `hrplan.figures.parts` for the parts
it sent): a monthly unit's quarter is in when its three months are, partly in ("2/3 tháng") when some
are; a yearly unit's year shows in the column where the year ends, its other columns say it reports
yearly (it owes nothing for a quarter).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from hrplan.definitions import (DeadlineRule, Period, Program, UnitTree, frequency, parts_due, parts_of, program_parts,
                                reported_through_members)
from hrplan.figures import unit_frequency

_KINDS = {"quarter": ("Q", 4), "half": ("H", 2)}


@dataclass
class Arrival:
    """One cell of the matrix: what a unit sent for one period due."""

    # on_time | late | sent (no deadline set) | missing | not_due (its deadline has not passed) | partial (some of
    # the unit's parts of the period are in) | other_frequency (the unit reports over a longer span, owes nothing here)
    # | not_in_life (the unit did not exist then: units.yaml from:, until:) | through_members (nothing in its own name,
    # but every member sent: a district's table of its communes)
    status: str
    due: str | None = None  # dd/mm/yyyy
    arrived: str | None = None  # dd/mm/yyyy: when the file was saved (the latest, for several parts)
    file: str | None = None
    period: str | None = None  # the submission's own period when it covers a longer span
    frequency: str | None = None  # the unit's, for partial and other_frequency
    present: int | None = None  # partial: parts in, of `expected`
    expected: int | None = None
    missing: list[str] | None = None  # partial: the parts not in

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
    current = store.submissions(program.code)
    sent = [s for s in current if period.contains(Period.parse(s.period)) or Period.parse(s.period).contains(period)]
    unit_codes = list(dict.fromkeys([*program.expected_reporters(), *sorted({s.unit for s in sent})]))
    # A district whose every member sent for a column (its communes' table, stored per commune) has reported there.
    through = [reported_through_members(program, units, col, {s.unit for s in current if _overlaps(col, s.period)})
               for col in columns]
    rows = []
    for unit in unit_codes:
        row = CompletenessRow(unit, units.get(unit).name if unit in units else unit)
        mine = [s for s in current if s.unit == unit]
        row.cells = [Arrival("through_members") if unit in through[i] and not any(_overlaps(col, s.period) for s in mine)
                     else _cell(program, unit, col, mine, deadline, today) for i, col in enumerate(columns)]
        rows.append(row)
    return CompletenessMatrix(program.code, period.label, [c.label for c in columns], rows)


def _overlaps(col: Period, label: str) -> bool:
    """Tell whether a submission for `label` lies inside the column or covers it."""
    other = Period.parse(label)
    return col.contains(other) or other.contains(col)


def _cell(program: Program, unit: str, col: Period, mine: list, deadline: DeadlineRule | None, today: date) -> Arrival:
    """Give what the unit sent for one column, judged at its frequency."""
    exact = next((s for s in mine if s.period == col.label), None)
    owed = parts_due(program, unit, col)
    inside = any(col.contains(Period.parse(s.period)) for s in mine)
    if exact is None and not inside and not program.lived(unit, col):
        return Arrival("not_in_life")  # not yet set up, or already dissolved or merged (units.yaml from:, until:)
    if not inside and owed is not None and not owed:  # a longer frequency than the column's, nothing sent for it
        kind = frequency(program, unit)
        own = next((p for y in col.years() for p in parts_of(Period.parse(str(y)), kind) if p.contains(col)), None)
        if own is None or own.end != col.end:
            return Arrival("other_frequency", frequency=kind)
        cell = _part(own, mine, deadline, today) or arrival(deadline, own, None, today)
        cell.period = own.label
        return cell
    kind = unit_frequency(program, unit, {s.period for s in mine})
    parts = ([p for p in program_parts(program, col, kind) if program.lived(unit, p)] if kind and exact is None
             else []) or [col]
    found = [(p, _part(p, mine, deadline, today)) for p in parts]
    cells = [c for _, c in found if c is not None]
    if len(cells) == len(parts):
        return cells[0] if len(cells) == 1 else _together(cells)
    if not cells:
        return arrival(deadline, col, None, today)
    due = deadline.due(col.end) if deadline else None
    return Arrival("partial", due.strftime("%d/%m/%Y") if due else None, frequency=kind, present=len(cells),
                   expected=len(parts), missing=[p.label for p, c in found if c is None])


def _part(part: Period, mine: list, deadline: DeadlineRule | None, today: date) -> Arrival | None:
    """Give the arrival of the submission for exactly `part`, else of the shortest one covering it; None without."""
    covering = [s for s in mine if Period.parse(s.period).contains(part)]
    if not covering:
        return None
    chosen = min(covering, key=lambda s: (s.period != part.label, Period.parse(s.period).end - Period.parse(s.period).start))
    cell = arrival(deadline, Period.parse(chosen.period), chosen.file_mtime, today)
    cell.file = chosen.file_name
    cell.period = None if chosen.period == part.label else chosen.period
    return cell


def _together(cells: list[Arrival]) -> Arrival:
    """Give one arrival for all the parts of a column: late when one was, on time when all were, the latest date."""
    statuses = {c.status for c in cells}
    status = "late" if "late" in statuses else "on_time" if statuses == {"on_time"} else "sent"
    key = lambda text: tuple(reversed(text.split("/"))) if text else ()  # noqa: E731  dd/mm/yyyy by date
    late = [c for c in cells if c.status == "late"]
    arrived = max((c.arrived for c in (late or cells) if c.arrived), key=key, default=None)
    due = max((c.due for c in cells if c.due), key=key, default=None)
    files = {c.file for c in cells}
    periods = {c.period for c in cells}
    return Arrival(status, due, arrived, files.pop() if len(files) == 1 else None,
                   periods.pop() if len(periods) == 1 else None)
