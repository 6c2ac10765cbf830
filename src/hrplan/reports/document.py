"""The report as a document: heading, body and foot in the reader's language, ready for Word or HTML.

`build_document` gathers the report data (figures, findings), the comparison with the previous period,
the charts and the report settings (workspace `report:` under the program's own) into one `Document`
whose `context` is what both the Word template and the HTML page are filled with.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hrplan.definitions import Period, Program, ReportSettings, period_from_user
from hrplan.messages import render
from hrplan.reports import content
from hrplan.reports.charts import Chart, make_charts
from hrplan.reports.data import Report, build_report
from hrplan.reports.heading import heading
from hrplan.reports.previous import comparison
from hrplan.workspace import Workspace


class Headings(Mapping):
    """The body's headings ('h.results', 'h.previous' ...): each is numbered when the template prints it, in the
    order it prints them, so a template with a section removed or moved still reads I, II, III, IV. A heading
    printed twice keeps its number; `fresh` starts the numbering again for the next file rendered."""

    def __init__(self, titles: dict[str, str]) -> None:
        self._titles = titles
        self._numbers: dict[str, int] = {}

    def __getitem__(self, key: str) -> _Heading:
        if key not in self._titles:
            raise KeyError(key)
        return _Heading(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._titles)

    def __len__(self) -> int:
        return len(self._titles)

    def fresh(self) -> Headings:
        """Give the same headings, none numbered yet (one per file rendered)."""
        return Headings(self._titles)

    def printed(self, key: str) -> str:
        """Give the heading as printed: 'II. BẢNG TỔNG HỢP CÁC CHỈ TIÊU', its number the next one the first time."""
        number = self._numbers.setdefault(key, len(self._numbers) + 1)
        return f"{content.roman(number)}. {self._titles[key]}"


class _Heading:
    """One heading as a template prints it (jinja2 turns it into text only when it is printed)."""

    __slots__ = ("_headings", "_key")

    def __init__(self, headings: Headings, key: str) -> None:
        self._headings, self._key = headings, key

    def __str__(self) -> str:
        return self._headings.printed(self._key)


@dataclass
class Document:
    """One report ready to render: the data behind it, the template context, the charts."""

    report: Report
    program: Program
    settings: ReportSettings
    lang: str
    context: dict[str, Any]
    charts: list[Chart] = field(default_factory=list)
    workspace_root: Path | None = None

    @property
    def template(self) -> Path | None:
        """Give the workspace's own Word template, when the settings name one."""
        if not self.settings.template:
            return None
        path = Path(self.settings.template)
        return path if path.is_absolute() or self.workspace_root is None else self.workspace_root / path


def build_document(workspace: Workspace, program_name: str, period_text: str, lang: str = "vi",
                   today: date | None = None, report: Report | None = None) -> Document:
    """Give the document of a program's report for a period, computed from the workspace's store."""
    program = workspace.program(program_name)
    period = period_from_user(period_text)
    report = report or build_report(workspace, program.code, period_text, lang, previous=True)
    if report.previous is not None:
        previous = comparison(program, period, None, workspace.units, report.data, lang, report.previous)
    else:
        with workspace.open_store() as store:
            previous = comparison(program, period, store, workspace.units, report.data, lang)
    report.data["previous"] = previous
    settings = workspace.config.report.merged(program.report)
    charts = make_charts(report.data, lang, workspace.units)
    context = document_context(report.data, program, settings, workspace.units, lang, period, today)
    context["previous"] = {**previous, "rows": [{**r, "uom": content.uom(r["uom"], lang)} for r in previous["rows"]]}
    context["charts"] = [{"key": c.key, "title": c.title} for c in charts]
    return Document(report, program, settings, lang, context, charts, workspace.root)


def _regulation(program: Program, period: Period, breach_sources: list[str]) -> str | None:
    """Give the one regulation the planning section's heading names: that of every unit's breach when there are
    breaches (each line names its own), else that of the limits and bands in force on the period's last day; None
    when they name more than one (or none): the heading then says 'the planning regulation'."""
    if breach_sources:
        sources = set(breach_sources)
    else:
        limits = program.limits_at(period.end)
        bands = [i.band_at(period.end) for i in program.indicators if i.band is not None]
        sources = {s.source for s in [limits, *bands] if s is not None and s.source}
    return sources.pop() if len(sources) == 1 and "-" not in sources else None


def document_context(data: dict[str, Any], program: Program, settings: ReportSettings, units, lang: str,
                     period: Period, today: date | None = None) -> dict[str, Any]:
    """Give everything a template shows: heading, numbered body parts with their headings, foot."""
    period_text = period.describe(lang)  # 'Quý II/2023' or 'Q2 2023', never the code '2023-Q2' or '2016..2018'
    t = lambda code, **kw: render(code, lang, **kw)  # noqa: E731
    notes = content.Notes()  # one numbering for the whole body: the summary table first, then the units
    sections = content.sections(program, data, lang, notes)
    table_notes = len(notes.texts)
    planning = content.planning(program, data, lang, notes)
    top = content.top_units(data, units, lang, notes)
    behind, more = content.behind(data, lang, notes=notes)
    errors, warnings = content.findings(data, units)
    lacks = content.lacks(program, data, units, lang)
    limits = [r["text"] for r in data.get("planning_limits", [])]
    breaches, breach_sources = content.planning_breaches(data, units)
    source = _regulation(program, period, breach_sources) or t("report.s.planning_rules")
    # The warnings the body does not tell go to an appendix of the document: the committee reads them there, never
    # in a file or a command it does not have (the consolidated workbook holds every one beyond the appendix's).
    others, others_total = content.other_warnings(data, units, content.told_warnings(data, behind))
    parts = (["results", "table"] + (["planning"] if planning or limits or breaches else [])
             + ["units", "previous", "issues"])
    heads = Headings({key: t("report.h." + key) for key in parts})
    scope = data["scope"]["name"] or ""
    return {
        "lang": lang,
        **heading(settings, program, period_text, lang, today),
        "program": data["program"],
        "period_text": period_text,
        "scope_name": scope,
        "h": heads,
        "labels": {k: t(f"report.col.{k}") for k in ("no", "indicator", "uom", "plan", "actual", "estimate", "ratio",
                                                      "status", "unit", "seats", "candidates", "band", "previous",
                                                      "current", "change", "message")},
        "sub": {k: t(f"report.h.{k}") for k in ("behind", "errors", "lacks", "charts")},
        "sections": sections,
        "coverage_text": (data.get("coverage") or {}).get("text", ""),
        "coverage_complete": (data.get("coverage") or {}).get("complete", True),
        # a line of its own under the title: 'Số liệu từ ngày …' (inside a sentence it stays 'số liệu từ ngày …')
        "window_text": content.capital_first((data["period"].get("window") or {}).get("text", "")),
        "notes": notes.lines(),  # every note; the table's under the table, the units' new ones under theirs
        "table_notes": notes.lines()[:table_notes],
        "unit_notes": notes.lines()[table_notes:],
        "notes_label": t("report.notes"),
        "table": [row for s in sections for row in [{"no": s["roman"], "level": 0, "name": s["name"], "uom": "",
                                                     "plan": "", "actual": "", "estimate": "", "ratio": "", "status": "",
                                                     "status_text": ""}] + s["rows"]],
        "with_estimate": any(r["has_estimate"] for s in sections for r in s["rows"]),
        "planning": planning,
        "top_units": [{**r, "ratio": content.unbroken(r["ratio"])} for r in top],  # a table: '1,15 lần' kept whole
        # how many units the table shows: those directly under the scope with a ratio (not every unit under it)
        "top_units_text": t("report.s.top_units", n=len(dict.fromkeys(r["unit"] for r in top)), scope=scope) if top else "",
        "behind": behind,
        "behind_text": [t("report.s.behind.ceiling" if r.get("direction") == "lower" else "report.s.behind",
                          **{**r, "status": r["status_text"]}) for r in behind] or [
            content.none_behind(data, lang, scope)],
        "behind_more": t("report.s.behind_more", n=more) if more else "",
        "errors": errors or [t("report.s.no_errors")],
        "warnings_text": (t("report.s.warnings", n=others_total) if others_total <= len(others) else
                          t("report.s.warnings_more", n=others_total, shown=len(others),
                            sheet=t("report.xlsx.sheet_findings"))) if others_total else "",
        "planning_limits": limits,
        "planning_breaches": breaches,
        "planning_breaches_text": (t("report.s.planning_breaches", source=source) if breaches else
                                   t("report.s.planning_breaches_none", source=source) if planning or limits else ""),
        "appendix": others,
        "appendix_title": t("report.appendix_title") if others else "",
        "appendix_about": t("report.appendix_about", period=period_text) if others else "",
        "lacks": lacks or [t("report.s.lacks_none")],
        "page_label": t("report.page"),
        "doc_title": t("report.doc_title", program=program.code, period=period_text),
    }
