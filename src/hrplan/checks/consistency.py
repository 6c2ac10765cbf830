"""Consistency: breakdown parts against their total, and the problems stored with each submission."""
from __future__ import annotations

from decimal import Decimal

from hrplan.checks.finding import Finding, first_cell
from hrplan.definitions import Period, Program
from hrplan.figures import FigureSet
from hrplan.problems import Location, Severity
from hrplan.store import Store
from hrplan.values import format_number


def breakdowns(program: Program, figures: FigureSet) -> list[Finding]:
    out = []
    units = {u for (u, _) in figures.figures}
    for b in program.breakdowns:
        for unit in sorted(units):
            total = figures.get(unit, b.total)
            parts = [figures.get(unit, p) for p in b.parts]
            if total is None or total.actual is None or any(p is None or p.actual is None for p in parts):
                continue
            summed = sum((p.actual for p in parts), Decimal(0))
            mismatch = summed > total.actual if not b.complete else summed != total.actual
            if not mismatch:
                continue
            code = "check.breakdown_mismatch" if b.complete else "check.breakdown_exceeds"
            out.append(Finding(code, Severity.ERROR, program.code, figures.period.label, unit, b.total, {
                "indicator": total.indicator.name, "total": format_number(total.actual),
                "parts_sum": format_number(summed),
                "parts": " + ".join(format_number(p.actual) for p in parts)}, first_cell(total)))
    return out


def stored_problems(program: Program, period: Period, store: Store) -> list[Finding]:
    out = []
    for p in store.submission_problems(program.code):
        if not period.contains(Period.parse(p["period"])):
            continue
        out.append(Finding(p["code"], Severity(p["severity"]), program.code, p["period"], p["unit"],
                           p["params"].get("indicator"), p["params"], Location(p["file_name"], p["sheet"], p["cell"])))
    return out

