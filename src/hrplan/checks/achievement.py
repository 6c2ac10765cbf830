"""Achievement: indicators behind plan, planning ratios outside their band, plans that differ from targets."""
from __future__ import annotations

from hrplan.checks.finding import Finding, first_cell
from hrplan.definitions import IndicatorKind, Program
from hrplan.figures import Figure
from hrplan.messages import render
from hrplan.problems import Location, Severity
from hrplan.values import format_number, format_percent, format_times


def status_findings(program: Program, fig: Figure, lang: str) -> list[Finding]:
    status = fig.status(program)
    ind = fig.indicator
    where = first_cell(fig)
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


def plan_differs(program: Program, fig: Figure) -> list[Finding]:
    if fig.is_group or fig.stated_plan is None or fig.plan is None or fig.stated_plan == fig.plan:
        return []
    stated_cell = next((s for s in fig.actual_sources), None)
    return [Finding("check.plan_differs_from_target", Severity.INFO, program.code, fig.period.label, fig.unit,
                    fig.indicator.code, {"indicator": fig.indicator.name, "stated": format_number(fig.stated_plan),
                                         "target": format_number(fig.plan)},
                    Location(stated_cell.file, stated_cell.sheet) if stated_cell else Location())]

