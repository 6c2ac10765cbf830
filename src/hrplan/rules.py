"""Checks (kiểm tra): what is missing, wrong or behind plan, as findings that are data.

Each finding has a code from the message catalogue, a severity, the program, unit, period and
indicator it is about, and the source cell where there is one. This first set covers missing
submissions, indicators behind plan, planning ratios outside their norm band, breakdowns that
do not add up, stated percentages that differ from recomputed ones, and plans that differ
from assigned targets. The CLI maps severities to exit codes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from hrplan.figures import Figure, FigureSet
from hrplan.messages import render
from hrplan.periods import Period, period_from_user
from hrplan.problems import Location, Severity
from hrplan.programs import IndicatorKind, Program
from hrplan.store import Store
from hrplan.units import UnitTree
from hrplan.values import format_number, format_percent, format_times


@dataclass
class Finding:
    """One thing an analyst should look at."""

    code: str
    severity: Severity
    program: str
    period: str
    unit: str | None = None
    indicator: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    location: Location = field(default_factory=Location)

    def message(self, lang: str = "vi") -> str:
        return render(self.code, lang, **self.params)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity.value, "program": self.program, "period": self.period,
                "unit": self.unit, "indicator": self.indicator, "message": self.message(lang),
                "location": self.location.to_dict(), "params": {k: str(v) for k, v in self.params.items()}}


def check_program(program: Program, figures: FigureSet, store: Store, units: UnitTree, lang: str = "vi") -> list[Finding]:
    """Give every finding for a program and period, most severe first."""
    period = figures.period
    findings: list[Finding] = []
    findings += _missing_submissions(program, period, figures, units)
    for fig in figures.figures.values():
        findings += _status_findings(program, fig, lang)
        findings += _plan_differs(program, fig)
    findings += _breakdowns(program, figures)
    findings += _stored_problems(program, period, store)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(findings, key=lambda f: (order[f.severity], f.code, f.unit or "", f.indicator or ""))


def _missing_submissions(program: Program, period: Period, figures: FigureSet, units: UnitTree) -> list[Finding]:
    out = []
    for unit in program.expected_reporters():
        if unit not in figures.submitted:
            name = units.get(unit).name if unit in units else unit
            out.append(Finding("check.missing_submission", Severity.ERROR, program.code, period.label, unit,
                               params={"unit": f"{name} ({unit})", "period": period.label}))
    return out


def _status_findings(program: Program, fig: Figure, lang: str) -> list[Finding]:
    status = fig.status(program)
    ind = fig.indicator
    where = _first_cell(fig)
    if ind.kind is IndicatorKind.PLANNING_RATIO and status in ("below_band", "above_band"):
        return [Finding("check.planning_ratio_out_of_band", Severity.WARNING, program.code, fig.period.label, fig.unit,
                        ind.code, {"indicator": ind.name, "candidates": format_number(fig.actual),
                                   "seats": format_number(fig.plan), "ratio": format_times(fig.ratio).replace(" lần", ""),
                                   "band": ind.band.describe() if ind.band else "-"}, where)]
    if status in ("behind", "nearly"):
        severity = Severity.WARNING
        return [Finding("check.behind_plan", severity, program.code, fig.period.label, fig.unit, ind.code,
                        {"indicator": ind.name, "actual": format_number(fig.ratio_actual), "plan": format_number(fig.ratio_plan),
                         "uom": ind.uom, "ratio": format_percent(fig.ratio), "status": render(f"status.{status}", lang)},
                        where)]
    return []


def _plan_differs(program: Program, fig: Figure) -> list[Finding]:
    if fig.is_group or fig.stated_plan is None or fig.plan is None or fig.stated_plan == fig.plan:
        return []
    stated_cell = next((s for s in fig.actual_sources), None)
    return [Finding("check.plan_differs_from_target", Severity.INFO, program.code, fig.period.label, fig.unit,
                    fig.indicator.code, {"indicator": fig.indicator.name, "stated": format_number(fig.stated_plan),
                                         "target": format_number(fig.plan)},
                    Location(stated_cell.file, stated_cell.sheet) if stated_cell else Location())]


def _breakdowns(program: Program, figures: FigureSet) -> list[Finding]:
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
                "parts": " + ".join(format_number(p.actual) for p in parts)}, _first_cell(total)))
    return out


def _stored_problems(program: Program, period: Period, store: Store) -> list[Finding]:
    out = []
    for p in store.submission_problems(program.code):
        if not period.contains(Period.parse(p["period"])):
            continue
        out.append(Finding(p["code"], Severity(p["severity"]), program.code, p["period"], p["unit"],
                           p["params"].get("indicator"), p["params"], Location(p["file_name"], p["sheet"], p["cell"])))
    return out


def _first_cell(fig: Figure) -> Location:
    if fig.is_group or not fig.actual_sources:
        return Location()
    s = fig.actual_sources[0]
    return Location(s.file, s.sheet, s.cell)


def run_checks(workspace, program_names: list[str], period_text: str, lang: str = "vi") -> list[Finding]:
    """Give the findings for the programs named (all programs when none) and one period."""
    from hrplan.figures import compute_figures

    period = period_from_user(period_text)
    programs = [workspace.program(n) for n in program_names] or list(workspace.programs.values())
    findings: list[Finding] = []
    with workspace.open_store() as store:
        for program in programs:
            figures = compute_figures(program, period, store, workspace.units)
            findings += check_program(program, figures, store, workspace.units, lang)
    return findings
