"""Checks (kiểm tra): what is missing, wrong or behind plan, as findings that are data; a catalogue of rules.

Entry points: `run_checks(workspace, programs, period)` and `check_program(program, figures, store, units)`
give `Finding`s (code, severity, unit, indicator, cell); `RULES` is the catalogue (one module per rule
in `checks/rules/`, each a `Rule`), `catalogue_markdown()` gives docs/checks.md. The CLI maps
severities to exit codes. `planning_share` gives the share of women or young cadres among those planned as the
planning rules judge it (the report states it), `left_out_text` what it leaves out, `share_text` the share in words. `completeness_matrix` gives units × periods due: on time, late, missing.
"""
from __future__ import annotations

from hrplan.checks.catalogue import catalogue_markdown
from hrplan.checks.completeness import CompletenessMatrix, completeness_matrix, periods_due
from hrplan.checks.finding import Finding
from hrplan.checks.registry import FIGURES_WEIGHT, RULES, STEPS_PER_PROGRAM, Progress, check_program, counter, rule_by_code, run_checks
from hrplan.checks.rule import CheckContext, Rule
from hrplan.checks.rules.planning_limits import Share, left_out_text, planning_share, share_text

__all__ = ["FIGURES_WEIGHT", "Finding", "check_program", "run_checks", "Progress", "STEPS_PER_PROGRAM", "counter", "RULES", "rule_by_code", "Rule", "CheckContext",
           "catalogue_markdown", "CompletenessMatrix", "completeness_matrix", "periods_due", "Share", "planning_share", "left_out_text", "share_text"]
