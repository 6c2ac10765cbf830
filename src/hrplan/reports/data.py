"""Report data: a program's figures and findings for a period gathered into plain data (the JSON is exactly that)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hrplan import __version__
from hrplan.checks import Finding, check_program
from hrplan.definitions import (
    IndicatorKind,
    Period,
    Program,
    UnitTree,
    period_from_user,
)
from hrplan.figures import Figure, FigureSet, compute_figures
from hrplan.messages import render
from hrplan.values import describe_percent, format_number, format_times
from hrplan.workspace import Workspace


@dataclass
class Report:
    """Everything one report shows, as data."""

    data: dict[str, Any]

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2)


def build_report(workspace: Workspace, program_name: str, period_text: str, lang: str = "vi") -> Report:
    """Give the report of a program for a period, computed from the workspace's store."""
    program = workspace.program(program_name)
    period = period_from_user(period_text)
    units = workspace.units
    with workspace.open_store() as store, store.snapshot():  # one moment: an import meanwhile is not half seen
        figures = compute_figures(program, period, store, units)
        findings = check_program(program, figures, store, units, lang)
        annual = _annual(program, period, store, units, lang)
    return Report(report_data(program, figures, findings, units, lang, workspace.config.name, annual))


def _annual(program: Program, period: Period, store, units: UnitTree, lang: str) -> list[dict[str, Any]]:
    """Give each year of a multi-year period against its own annual target, for indicators that have them."""
    with_annual = {t.indicator for t in program.targets if t.period and Period.parse(t.period).kind == "year"}
    if len(period.years()) < 2 or not with_annual:
        return []
    rows = []
    for year in period.years():
        figs = compute_figures(program, Period.parse(str(year)), store, units)
        top = figs.root
        for code in sorted(with_annual):
            fig = figs.get(top, code) if top else None
            if fig is not None:
                rows.append({"year": year, **_figure_row(program, fig, units, lang)})
    return rows


def report_data(program: Program, figures: FigureSet, findings: list[Finding], units: UnitTree, lang: str,
                workspace_name: str, annual: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Give the report as JSON-ready data: summary, per-unit table, breakdowns, findings, sources."""
    period = figures.period
    top = figures.root
    summary = [_figure_row(program, f, units, lang) for f in (figures.get(top, i.code) for i in program.indicators) if f]
    unit_rows = []
    for unit in units.subtree(top):
        for fig in figures.for_unit(unit):
            if unit == top:
                continue
            unit_rows.append(_figure_row(program, fig, units, lang))
    breakdowns = []
    for b in program.breakdowns:
        total = figures.get(top, b.total) if top else None
        parts = [figures.get(top, p) if top else None for p in b.parts]
        if total is None or total.actual is None:
            continue
        breakdowns.append({
            "total": _figure_row(program, total, units, lang),
            "parts": [_figure_row(program, p, units, lang) for p in parts if p is not None],
            "complete": b.complete,
            "text": _breakdown_text(total, [p for p in parts if p is not None]),
        })
    return {
        "hrplan_version": __version__,
        "generated_at": datetime.now().isoformat(timespec="seconds"),
        "workspace": workspace_name,
        "program": {"code": program.code, "title": program.title, "issuer": program.issuer, "period": program.period},
        "period": {"label": period.label, "text": period.vietnamese(), "start": period.start.isoformat(),
                   "end": period.end.isoformat()},
        "scope": {"code": top, "name": units.get(top).name if top and top in units else None},
        "place": _place(units.get(top).name) if top and top in units else None,
        "summary": summary,
        "narrative": _narrative(program, summary, breakdowns),
        "units": unit_rows,
        "annual": annual or [],
        "breakdowns": breakdowns,
        "submissions": {u: p for u, p in sorted(figures.submitted.items())},
        "findings": [f.to_dict(lang) for f in findings],
        "counts": {"errors": sum(f.severity.value == "error" for f in findings),
                   "warnings": sum(f.severity.value == "warning" for f in findings)},
    }


def _figure_row(program: Program, fig: Figure, units: UnitTree, lang: str) -> dict[str, Any]:
    ind = fig.indicator
    status = fig.status(program)
    planning = ind.kind is IndicatorKind.PLANNING_RATIO
    return {
        "indicator": ind.code,
        "name": ind.name if lang == "vi" or not ind.name_en else ind.name_en,
        "uom": ind.uom,
        "kind": ind.kind.value,
        "unit": fig.unit,
        "unit_name": units.get(fig.unit).name if fig.unit in units else fig.unit,
        "is_group": fig.is_group,
        "members": fig.members,
        "unpaired": fig.unpaired,
        "plan": float(fig.plan) if fig.plan is not None else None,
        "actual": float(fig.actual) if fig.actual is not None else None,
        "estimate": float(fig.estimate) if fig.estimate is not None else None,
        "ratio": fig.ratio,
        "status": status,
        "status_text": render(f"status.{status}", lang),
        "display": {
            "plan": format_number(fig.plan),
            "actual": format_number(fig.actual),
            "estimate": format_number(fig.estimate),
            "ratio": format_times(fig.ratio) if planning else describe_percent(fig.ratio),
        },
        "sentence": _sentence(fig, status, lang) if fig.actual is not None else "",
        "sources": {"plan": [s.to_dict() for s in fig.plan_sources], "actual": [s.to_dict() for s in fig.actual_sources]},
    }


def _sentence(fig: Figure, status: str, lang: str) -> str:
    """Give the figure as a report sentence: 'Cử … y tế: 117 người, bằng 285% kế hoạch (vượt).'"""
    ind = fig.indicator
    actual = f"{format_number(fig.actual)} {ind.uom}"
    if fig.ratio is None:
        return f"{ind.name}: {actual}."
    word = render(f"status.{status}", lang)
    if ind.kind is IndicatorKind.PLANNING_RATIO:
        return f"{ind.name}: {actual} cho {format_number(fig.plan)} vị trí, bằng {format_times(fig.ratio)} ({word})."
    if ind.kind is IndicatorKind.COVERAGE:
        return f"{ind.name}: {format_number(fig.actual)}/{format_number(fig.plan)}, đạt {describe_percent(fig.ratio)}."
    return f"{ind.name}: {actual}, đạt {describe_percent(fig.ratio)} kế hoạch ({word})."


def _breakdown_text(total: Figure, parts: list[Figure]) -> str:
    listed = "; ".join(f"{_lower_first(p.indicator.name)} {format_number(p.actual)}" for p in parts if p.actual is not None)
    return f"{total.indicator.name}: {format_number(total.actual)} {total.indicator.uom}, trong đó: {listed}."



def _narrative(program: Program, summary: list[dict], breakdowns: list[dict]) -> list[str]:
    """Give the report's sentences: one per indicator; a breakdown's parts are told with their total
    (and again on their own only when they have a ratio worth saying, e.g. "285% of plan")."""
    told = {b["total"]["indicator"]: b["text"] for b in breakdowns}
    parts = {p["indicator"] for b in breakdowns for p in b["parts"]}
    lines = []
    for row in summary:
        if row["indicator"] in told:
            lines.append(told[row["indicator"]])
        elif row["sentence"] and (row["indicator"] not in parts or row["ratio"] is not None):
            lines.append(row["sentence"])
    return lines


def _place(scope_name: str) -> str:
    """Give the place name a report is dated from: 'Tỉnh Cao Bằng' -> 'Cao Bằng'."""
    for prefix in ("Tỉnh ", "Thành phố ", "Huyện ", "Xã ", "Phường "):
        if scope_name.startswith(prefix):
            return scope_name[len(prefix):]
    return scope_name


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]

