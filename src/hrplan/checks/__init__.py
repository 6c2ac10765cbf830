"""Checks (kiểm tra): what is missing, wrong or behind plan, as findings that are data (one module per rule family).

Entry points: `check_program(program, figures, store, units)` and `run_checks(workspace, programs, period)`
give `Finding`s (code, severity, unit, indicator, cell); the CLI maps severities to exit codes.
"""
from __future__ import annotations

from hrplan.checks.finding import Finding
from hrplan.checks.registry import check_program, run_checks

__all__ = ["Finding", "check_program", "run_checks"]
