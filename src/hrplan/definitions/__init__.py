"""Definitions: what the analyst declares: programs and their targets, units, units of measure, periods.

Entry points: `load_programs`/`load_program` and `Program` (`program_code_of`: a file's code from its
`code:` line alone), `load_units` and `UnitTree`, `Period`
and `CutoffRule`, `MeasureBook`, `is_due`/`parts_due` (which reports a unit owes for a period, at its
frequency), and `load_yaml` (YAML with line numbers for every error).

Each entry point's module loads when it is first asked for: `hrplan status` on a workspace
without programs needs the workspace settings' models, not the program files' (nor the workbook
reader that per-unit targets in a workbook need).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.lazy import lazy_exports

if TYPE_CHECKING:
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
    from hrplan.definitions.program_files import (
        find_program,
        load_program,
        load_programs,
        program_code_of,
        program_paths,
    )
    from hrplan.definitions.programs import (
        Accumulation,
        Band,
        Direction,
        Indicator,
        IndicatorKind,
        Program,
        program_slug,
    )
    from hrplan.definitions.report_settings import ReportSettings, Signer
    from hrplan.definitions.reporting import FREQUENCIES, frequency, is_due, missing_reporters, not_due, parts_due, parts_of, program_parts, reported_through_members, unexpected_reporters
    from hrplan.definitions.units import Unit, UnitTree, load_units
    from hrplan.definitions.yaml_source import Explained, expected_text, field_path, line_of, load_yaml, shown_value, written

__all__ = ["DeclaredLayout", "CheckSettings", "CustomRule", "DeadlineRule", "MissingValues", "PlanningLimits", "PlanningRole",
           "Interim", "PlanFor", "Measure", "MeasureBook", "CutoffRule", "Period", "PeriodError", "period_from_user",
           "Accumulation", "Band",
           "Direction", "Indicator", "IndicatorKind", "Program", "find_program", "load_program", "load_programs",
           "program_code_of", "program_paths",
           "program_slug", "ReportSettings", "Signer", "FREQUENCIES", "frequency", "is_due", "missing_reporters", "not_due", "parts_due", "parts_of",
           "program_parts", "reported_through_members", "unexpected_reporters", "Unit", "UnitTree", "load_units", "Explained", "expected_text", "field_path", "line_of", "load_yaml",
           "shown_value", "written"]

_HOMES = {
    "CheckSettings": "hrplan.definitions.check_settings",
    "CustomRule": "hrplan.definitions.check_settings",
    "DeadlineRule": "hrplan.definitions.check_settings",
    "MissingValues": "hrplan.definitions.check_settings",
    "PlanningLimits": "hrplan.definitions.check_settings",
    "PlanningRole": "hrplan.definitions.check_settings",
    "DeclaredLayout": "hrplan.definitions.layouts",
    "Measure": "hrplan.definitions.measures",
    "MeasureBook": "hrplan.definitions.measures",
    "Interim": "hrplan.definitions.plans",
    "PlanFor": "hrplan.definitions.plans",
    "CutoffRule": "hrplan.definitions.periods",
    "Period": "hrplan.definitions.periods",
    "PeriodError": "hrplan.definitions.periods",
    "period_from_user": "hrplan.definitions.periods",
    "find_program": "hrplan.definitions.program_files",
    "load_program": "hrplan.definitions.program_files",
    "load_programs": "hrplan.definitions.program_files",
    "program_code_of": "hrplan.definitions.program_files",
    "program_paths": "hrplan.definitions.program_files",
    "Accumulation": "hrplan.definitions.programs",
    "Band": "hrplan.definitions.programs",
    "Direction": "hrplan.definitions.programs",
    "Indicator": "hrplan.definitions.programs",
    "IndicatorKind": "hrplan.definitions.programs",
    "Program": "hrplan.definitions.programs",
    "program_slug": "hrplan.definitions.programs",
    "ReportSettings": "hrplan.definitions.report_settings",
    "Signer": "hrplan.definitions.report_settings",
    "FREQUENCIES": "hrplan.definitions.reporting",
    "frequency": "hrplan.definitions.reporting",
    "is_due": "hrplan.definitions.reporting",
    "missing_reporters": "hrplan.definitions.reporting",
    "not_due": "hrplan.definitions.reporting",
    "parts_due": "hrplan.definitions.reporting",
    "parts_of": "hrplan.definitions.reporting",
    "program_parts": "hrplan.definitions.reporting",
    "reported_through_members": "hrplan.definitions.reporting",
    "unexpected_reporters": "hrplan.definitions.reporting",
    "Unit": "hrplan.definitions.units",
    "UnitTree": "hrplan.definitions.units",
    "load_units": "hrplan.definitions.units",
    "Explained": "hrplan.definitions.yaml_source",
    "expected_text": "hrplan.definitions.yaml_source",
    "field_path": "hrplan.definitions.yaml_source",
    "line_of": "hrplan.definitions.yaml_source",
    "load_yaml": "hrplan.definitions.yaml_source",
    "shown_value": "hrplan.definitions.yaml_source",
    "written": "hrplan.definitions.yaml_source",
}


__getattr__ = lazy_exports(__name__, _HOMES)
