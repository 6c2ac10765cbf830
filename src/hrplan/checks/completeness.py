"""Completeness: expected units that sent nothing for the period."""
from __future__ import annotations

from hrplan.checks.finding import Finding
from hrplan.definitions import Period, Program, UnitTree
from hrplan.figures import FigureSet
from hrplan.problems import Severity


def missing_submissions(program: Program, period: Period, figures: FigureSet, units: UnitTree) -> list[Finding]:
    out = []
    for unit in program.expected_reporters():
        if unit not in figures.submitted:
            name = units.get(unit).name if unit in units else unit
            out.append(Finding("check.missing_submission", Severity.ERROR, program.code, period.label, unit,
                               params={"unit": f"{name} ({unit})", "period": period.label}))
    return out

