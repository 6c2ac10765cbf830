"""Definitions: what the analyst declares: programs and their targets, units, units of measure, periods.

Entry points: `load_programs`/`load_program` and `Program`, `load_units` and `UnitTree`, `Period`
and `CutoffRule`, `MeasureBook`, and `load_yaml` (YAML with line numbers for every error).
"""
from __future__ import annotations

from hrplan.definitions.check_settings import (
    CheckSettings,
    CustomRule,
    DeadlineRule,
    MissingValues,
    PlanningLimits,
    PlanningRole,
)
from hrplan.definitions.layouts import DeclaredLayout
from hrplan.definitions.measures import Measure, MeasureBook
from hrplan.definitions.plans import Interim, PlanFor
from hrplan.definitions.periods import CutoffRule, Period, PeriodError, period_from_user
from hrplan.definitions.program_files import find_program, load_program, load_programs
from hrplan.definitions.programs import (
    Accumulation,
    Direction,
    Indicator,
    IndicatorKind,
    Program,
    program_slug,
)
from hrplan.definitions.report_settings import ReportSettings, Signer
from hrplan.definitions.units import Unit, UnitTree, load_units
from hrplan.definitions.yaml_source import expected_text, field_path, line_of, load_yaml

__all__ = ["DeclaredLayout", "CheckSettings", "CustomRule", "DeadlineRule", "MissingValues", "PlanningLimits", "PlanningRole",
           "Interim", "PlanFor", "Measure", "MeasureBook", "CutoffRule", "Period", "PeriodError", "period_from_user",
           "Accumulation",
           "Direction", "Indicator", "IndicatorKind", "Program", "find_program", "load_program", "load_programs",
           "program_slug", "ReportSettings", "Signer", "Unit", "UnitTree", "load_units", "expected_text", "field_path", "line_of", "load_yaml"]
