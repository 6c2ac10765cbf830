"""Report files: their names and writing them whole (a reader never sees half a report)."""
from __future__ import annotations

from pathlib import Path

from hrplan.definitions import Period, program_slug
from hrplan.reports.data import Report
from hrplan.reports.html import render_html


def report_file_name(report: Report, fmt: str) -> str:
    """Give the file name a report is saved under: '12-CTr-TU_2016_to_2019-05.html'."""
    period = Period.parse(report.data["period"]["label"])
    return f"{program_slug(report.data['program']['code'])}_{period.file_label}.{fmt}"


def write_report(report: Report, path: Path, fmt: str, lang: str = "vi") -> Path:
    """Write the report as 'html' or 'json' to `path` and give the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = report.to_json() if fmt == "json" else render_html(report, lang)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # a reader never sees half a report
    return path
