"""Who owes which report (kỳ báo cáo phải nộp): a unit's reporting frequency and the parts of a period it is due for.

One answer for every place that asks whether a unit should have sent something for a period:
`check.missing_submission`, `hrplan status` (the matrix and the table per stored period), the
report's coverage line and the parts a longer figure is made of ("3/4 quý").

A unit reports at its frequency: `unit_reporting[unit]`, else the program's `reporting`. It owes the
whole parts at that frequency lying inside the period (and inside the program's period), and is due
for the period when it owes at least one: a quarterly unit for a quarter, a half, a year or a range
holding a quarter, never for a single month; a yearly unit only for a year or a range holding one.
A program that declares no frequency expects each reporter for every period, whatever it is.
A unit that began or ended (units.yaml `from:`, `until:`) owes only the parts overlapping its life.
A unit with members in the registry (a district and its communes) whose figures all came as its members' own
submissions (its summary table with a block of columns per commune, stored one submission per commune) has
reported, though nothing is stored in its own name (`reported_through_members`).
"""
from __future__ import annotations

from collections.abc import Collection

from hrplan.definitions.periods import Period
from hrplan.definitions.programs import Program
from hrplan.definitions.units import UnitTree

FREQUENCIES = ("month", "quarter", "half", "year")  # finest first


def frequency(program: Program, unit: str) -> str | None:
    """Give how often the program asks the unit to report: its own `unit_reporting`, else the program's `reporting`."""
    return program.unit_reporting.get(unit) or program.reporting


def parts_of(period: Period, kind: str) -> list[Period]:
    """Give the periods of one kind (month, quarter, half, year) lying wholly inside `period`."""
    out = []
    for year in period.years():
        labels = {"year": [f"{year}"], "half": [f"{year}-H1", f"{year}-H2"],
                  "quarter": [f"{year}-Q{q}" for q in range(1, 5)],
                  "month": [f"{year}-{m:02d}" for m in range(1, 13)]}[kind]
        out += [p for p in map(Period.parse, labels) if period.contains(p)]
    return out


def program_parts(program: Program, period: Period, kind: str) -> list[Period]:
    """Give the periods of one kind inside `period` that also lie inside the program's period."""
    whole = program.period_value
    return [p for p in parts_of(period, kind) if whole.contains(p)]


def parts_due(program: Program, unit: str, period: Period) -> list[Period] | None:
    """Give the parts of `period` the unit owes at its frequency (empty: it is not due for the period), or None
    when the program declares no frequency (the period is due as it is)."""
    kind = frequency(program, unit)
    if kind is None:
        return None if program.lived(unit, period) else []
    return [p for p in program_parts(program, period, kind) if program.lived(unit, p)]


def is_due(program: Program, unit: str, period: Period) -> bool:
    """Tell whether the unit owes a report for (some whole part of) `period` at its frequency."""
    parts = parts_due(program, unit, period)
    return parts is None or bool(parts)


def not_due(program: Program, period: Period) -> dict[str, str]:
    """Give the program's expected reporters that owe nothing for `period`, each with its frequency (not those that did
    not exist then: they are not expected at all)."""
    return {unit: frequency(program, unit) or "" for unit in program.expected_reporters()
            if not is_due(program, unit, period) and program.lived(unit, period)}


def missing_reporters(program: Program, period: Period, sent: dict[str, set[str]], units: UnitTree | None = None
                      ) -> list[str]:
    """Give the expected reporters due for `period` that sent nothing for it or inside it (`sent`: unit -> the
    periods of its current submissions); how much of it a unit's parts cover is `hrplan.figures.parts.coverage`.
    With the registry (`units`), a unit whose every member sent has reported (`reported_through_members`), as the
    report and `check` say."""
    inside = {unit for unit, periods in sent.items() if any(period.contains(Period.parse(p)) for p in periods)}
    missing = [unit for unit in program.expected_reporters() if is_due(program, unit, period) and unit not in inside]
    if units is not None and missing:
        through = reported_through_members(program, units, period, inside)
        missing = [unit for unit in missing if unit not in through]
    return missing


def reported_through_members(program: Program, units: UnitTree, period: Period, sent: Collection[str]
                             ) -> dict[str, list[str]]:
    """Give the expected reporters due for `period` that sent nothing in their own name but whose every member did,
    each with the members that sent (`sent`: the units with a submission for or inside the period).

    A district that sends its communes' table (one block of columns or one row per commune) is stored as one
    submission per commune: its figures are all there, and it has reported. The store does not keep who sent a
    file, so what decides is the registry: every unit under it that existed during the period (units.yaml `from:`,
    `until:`) has a submission for it; a member that is itself a group counts when its own members all have. A
    district with some of its communes missing has not reported whole: it stays among those that sent nothing."""
    sent = set(sent)
    memo: dict[str, bool] = {}

    def whole(unit: str) -> bool:
        if unit in sent:
            return True
        if unit not in memo:
            members = [m for m in units.children(unit) if program.lived(m, period)] if unit in units else []
            memo[unit] = bool(members) and all(whole(m) for m in members)
        return memo[unit]

    return {unit: [m for m in units.descendants(unit) if m in sent] for unit in program.expected_reporters()
            if unit not in sent and is_due(program, unit, period) and whole(unit)}


def unexpected_reporters(program: Program, units: UnitTree, sent: Collection[str]) -> list[str]:
    """Give the units of `sent` that the program's `reporters` neither list nor hold (a commune of a listed district
    reports through it): a department that is no reporter, or a parent of the reporters whose figures would add to
    theirs. Their figures are real and stored, and counted; import, `check` and the report's coverage line say so.

    [] when the program names no `reporters`: its reporters are then the units with targets, and any unit of its
    scope may send (a commune without a target of its own), as before."""
    if program.reporters is None:
        return []
    listed = [r for r in program.reporters if r in units]
    return sorted(u for u in set(sent) if u not in program.reporters
                  and not (u in units and any(units.is_under(u, r) for r in listed)))
