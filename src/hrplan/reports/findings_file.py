"""The findings of `check` as a CSV or a workbook, one row per finding, for the analyst's own filtering."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl.styles import Font, PatternFill

from hrplan.checks import Finding
from hrplan.messages import render
from hrplan.reports.workbook_writer import new_workbook, put, save_workbook

_COLUMNS = ("severity", "code", "program", "period", "unit", "indicator", "figure", "file", "sheet", "cell", "message")
_FILL = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}


def findings_rows(findings: list[Finding], lang: str = "vi") -> list[list[str]]:
    """Give one row per finding in the order of `findings_header`."""
    return [[render(f"severity.{f.severity.value}", lang), f.code, f.program, f.period, f.unit or "",
             f.indicator or "", f.figure(lang), Path(f.location.file).name if f.location.file else "",
             f.location.sheet or "", f.location.cell or "", f.message(lang)] for f in findings]


def findings_header(lang: str = "vi") -> list[str]:
    return [render(f"findings.col.{c}", lang) for c in _COLUMNS]


def findings_csv(findings: list[Finding], lang: str = "vi") -> str:
    """Give the findings as CSV text (UTF-8 with a header row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(findings_header(lang))
    writer.writerows(findings_rows(findings, lang))
    return out.getvalue()


def write_findings_xlsx(findings: list[Finding], path: Path, lang: str = "vi") -> Path:
    """Write the findings as a workbook: a header, one row per finding coloured by severity, filters on."""
    wb = new_workbook()
    ws = wb.active
    ws.title = render("findings.sheet", lang)[:31]
    for col, title in enumerate(findings_header(lang), 1):
        put(ws, (1, col), title, font=Font(bold=True))
    for r, (finding, row) in enumerate(zip(findings, findings_rows(findings, lang)), 2):
        for col, value in enumerate(row, 1):
            put(ws, (r, col), value)
        ws.cell(r, 1).fill = PatternFill("solid", fgColor=_FILL[finding.severity.value])
    for col, width in zip("ABCDEFGHIJK", (10, 28, 12, 14, 10, 12, 10, 30, 16, 6, 90)):
        ws.column_dimensions[col].width = width
    ws.auto_filter.ref = f"A1:K{max(len(findings) + 1, 1)}"
    ws.freeze_panes = "A2"
    return save_workbook(wb, path)
