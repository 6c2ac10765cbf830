"""The rules `check` runs, in order, and the entry points that run them for a program and period."""
from __future__ import annotations

from hrplan.checks.achievement import plan_differs, status_findings
from hrplan.checks.completeness import missing_submissions
from hrplan.checks.consistency import breakdowns, stored_problems
from hrplan.checks.finding import Finding
from hrplan.definitions import Program, UnitTree, period_from_user
from hrplan.figures import FigureSet
from hrplan.problems import Severity
from hrplan.store import Store


def check_program(program: Program, figures: FigureSet, store: Store, units: UnitTree, lang: str = "vi") -> list[Finding]:
    """Give every finding for a program and period, most severe first."""
    period = figures.period
    findings: list[Finding] = []
    findings += missing_submissions(program, period, figures, units)
    for fig in figures.figures.values():
        findings += status_findings(program, fig, lang)
        findings += plan_differs(program, fig)
    findings += breakdowns(program, figures)
    findings += stored_problems(program, period, store)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(findings, key=lambda f: (order[f.severity], f.code, f.unit or "", f.indicator or ""))


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
