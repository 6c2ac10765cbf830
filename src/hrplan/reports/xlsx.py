"""The consolidated workbook (`--format xlsx`): per-unit detail the document leaves out.

Sheets: 'Tổng hợp' (indicators x the scope and its top-level units: plan, actual, %, status), one sheet per
period (the report's period, then each year inside it that has figures: one row per indicator and unit of the
whole tree, with the unit's level, filterable), and the findings. Headers frozen, numbers as numbers with
formats, A4 landscape print setup with repeated headers. Tables are shaped with pandas; every cell goes through
the one workbook writer, so text a unit typed (= + - @ …) is stored as text, never as a formula.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from hrplan.definitions import Period, UnitTree
from hrplan.messages import render
from hrplan.reports.content import uom
from hrplan.reports.data import Report, build_report
from hrplan.reports.workbook_writer import new_workbook, put, save_workbook
from hrplan.workspace import Workspace

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")  # the numbers beside a wrapped text: on its first line
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
NUMBER, PERCENT = "#,##0.##", "0%"
MAX_SHEET_TITLE = 31


def write_xlsx(workspace: Workspace, report: Report, path: Path, lang: str = "vi") -> Path:
    """Write the consolidated workbook of `report` to `path` and give the path."""
    data = report.data
    units = workspace.units
    t = lambda code, **kw: render(code, lang, **kw)  # noqa: E731
    wb = new_workbook()
    summary = wb.active
    summary.title = t("report.xlsx.sheet_summary")
    _matrix(summary, data, units, lang)
    periods = [(data["period"]["label"], data)]
    period = Period.parse(data["period"]["label"])
    if period.kind == "range" or len(period.years()) > 1:
        for year in period.years():
            if Period.parse(str(year)).end <= period.end:
                sub = build_report(workspace, data["program"]["code"], str(year), lang).data
                if sub["units"] or sub["summary"]:
                    periods.append((str(year), sub))
    for label, period_data in periods:
        _detail(wb.create_sheet(_sheet_title(label)), period_data, units, lang)
    _findings(wb.create_sheet(t("report.xlsx.sheet_findings")), data, lang)
    tmp = path.with_name(path.name + ".tmp.xlsx")
    save_workbook(wb, tmp)
    tmp.replace(path)  # a reader never sees half a workbook
    return path


def _sheet_title(label: str) -> str:
    return label.replace("..", " đến ")[:MAX_SHEET_TITLE]


def _title(ws, text: str, width: int) -> None:
    put(ws, "A1", text, font=Font(bold=True, size=13))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 1))


def _header(ws, row: int, labels: list[str]) -> None:
    for col, label in enumerate(labels, start=1):
        put(ws, (row, col), label, font=_BOLD, fill=_HEAD_FILL, alignment=_CENTER, border=_BOX)


def _rows_frame(data: dict[str, Any], units: UnitTree, lang: str) -> pd.DataFrame:
    """Give one row per indicator and unit (the scope's own figure included) as a table."""
    rows = list(data["summary"]) + list(data["units"])
    order = {r["indicator"]: i for i, r in enumerate(data["summary"])}
    frame = pd.DataFrame([{
        "indicator": r["indicator"], "name": r["name"], "uom": uom(r["uom"], lang), "unit": r["unit"],
        "unit_name": r["unit_name"], "level": _depth(units, r["unit"]), "is_group": r["is_group"],
        "plan": r["plan"], "actual": r["actual"], "ratio": r["ratio"], "status": r["status"],
        "status_text": "" if r["status"] == "no_plan" else r["status_text"],
        "notes": " ".join(r.get("footnotes") or []),
        "order": order.get(r["indicator"], len(order))} for r in rows])
    if frame.empty:
        return frame
    return frame.drop_duplicates(["indicator", "unit"]).sort_values(["order", "level", "unit_name"], kind="stable")


def _depth(units: UnitTree, code: str) -> int:
    depth, seen = 0, set()
    while code in units and units.get(code).parent and code not in seen:
        seen.add(code)
        code = units.get(code).parent
        depth += 1
    return depth


def _matrix(ws, data: dict[str, Any], units: UnitTree, lang: str) -> None:
    """Indicators down, the scope and its direct children across: plan | actual | % | status for each."""
    t = lambda code, **kw: render(code, lang, **kw)  # noqa: E731
    frame = _rows_frame(data, units, lang)
    scope = data["scope"]["code"]
    columns = [scope] + (units.children(scope) if scope in units else [])
    if not frame.empty:
        present = set(frame["unit"])
        columns = [c for c in columns if c in present]
    labels = [t("report.col.code"), t("report.col.indicator"), t("report.col.uom")]
    notes_col = len(labels) + 1 + 4 * len(columns)  # what the scope's figure lacks, beside it
    _title(ws, t("report.xlsx.title", program=data["program"]["code"], period=data["period"]["label"]), notes_col)
    _coverage(ws, data, notes_col)
    put(ws, (3, notes_col), t("report.col.notes"), font=_BOLD, fill=_HEAD_FILL, alignment=_CENTER, border=_BOX)
    ws.merge_cells(start_row=3, start_column=notes_col, end_row=4, end_column=notes_col)
    for i, label in enumerate(labels, start=1):
        put(ws, (3, i), label, font=_BOLD, fill=_HEAD_FILL, alignment=_CENTER, border=_BOX)
        ws.merge_cells(start_row=3, start_column=i, end_row=4, end_column=i)
    for j, code in enumerate(columns):
        col = len(labels) + 1 + 4 * j
        put(ws, (3, col), units.get(code).name if code in units else code, font=_BOLD, fill=_HEAD_FILL,
            alignment=_CENTER, border=_BOX)
        ws.merge_cells(start_row=3, start_column=col, end_row=3, end_column=col + 3)
        for k, key in enumerate(("plan", "actual", "ratio", "status")):
            put(ws, (4, col + k), t(f"report.col.{key}"), font=_BOLD, fill=_HEAD_FILL, alignment=_CENTER, border=_BOX)
    if frame.empty:
        return
    cells = frame.set_index(["indicator", "unit"])
    row = 5
    for code, first in frame.drop_duplicates("indicator").set_index("indicator").iterrows():
        put(ws, (row, 1), code, border=_BOX, alignment=_TOP)
        put(ws, (row, 2), first["name"], border=_BOX, alignment=_WRAP)
        put(ws, (row, 3), first["uom"], border=_BOX, alignment=_TOP)
        for j, unit in enumerate(columns):
            col = len(labels) + 1 + 4 * j
            found = cells.loc[(code, unit)] if (code, unit) in cells.index else None
            _figure_cells(ws, row, col, found)
        own = cells.loc[(code, scope)] if (code, scope) in cells.index else None
        notes = own["notes"] if own is not None else ""
        put(ws, (row, notes_col), notes, border=_BOX, alignment=_WRAP)
        _fit_row(ws, row, (first["name"], 46), (notes, 60))
        row += 1
    _finish(ws, [12, 46, 10] + [11, 11, 8, 11] * len(columns) + [60], freeze="D5", header_rows="3:4")


def _coverage(ws, data: dict[str, Any], width: int) -> None:
    """Say under the title when the period's figures lack parts ("Số liệu năm 2024 chưa đủ: …")."""
    coverage = data.get("coverage") or {}
    if coverage.get("text") and not coverage.get("complete", True):
        put(ws, "A2", coverage["text"], font=Font(bold=True, color="9C0006"))
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(width, 1))


def _figure_cells(ws, row: int, col: int, found) -> None:
    values = (None, None, None, "") if found is None else (found["plan"], found["actual"], found["ratio"], found["status_text"])
    for k, (value, fmt) in enumerate(zip(values, (NUMBER, NUMBER, PERCENT, None))):
        cell = put(ws, (row, col + k), _number(value) if k < 3 else value, border=_BOX, alignment=_TOP)
        if fmt:
            cell.number_format = fmt


def _number(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return int(value) if float(value).is_integer() else float(value)


def _detail(ws, data: dict[str, Any], units: UnitTree, lang: str) -> None:
    """One row per indicator and unit of the whole tree for one period, filterable."""
    t = lambda code, **kw: render(code, lang, **kw)  # noqa: E731
    labels = [t("report.col.code"), t("report.col.indicator"), t("report.col.uom"), t("report.col.unit"),
              t("report.col.unit") + " (" + t("report.col.code") + ")", "Cấp" if lang == "vi" else "Level",
              t("report.col.plan"), t("report.col.actual"), t("report.col.ratio"), t("report.col.status"),
              t("report.col.notes")]
    _title(ws, f"{data['program']['code']} — {data['period']['text'] if lang == 'vi' else data['period']['label']}", len(labels))
    _coverage(ws, data, len(labels))
    _header(ws, 3, labels)
    frame = _rows_frame(data, units, lang)
    row = 4
    for rec in frame.itertuples(index=False):
        values = [rec.indicator, rec.name, rec.uom, ("  " * int(rec.level)) + rec.unit_name, rec.unit, int(rec.level),
                  _number(rec.plan), _number(rec.actual), _number(rec.ratio), rec.status_text, rec.notes]
        for col, value in enumerate(values, start=1):
            cell = put(ws, (row, col), value, border=_BOX, font=_BOLD if rec.is_group else Font(), alignment=_TOP)
            if col in (7, 8):
                cell.number_format = NUMBER
            elif col == 9:
                cell.number_format = PERCENT
            elif col == 11:
                cell.alignment = _WRAP
        if rec.notes:
            _fit_row(ws, row, (rec.notes, 60))
        row += 1
    ws.auto_filter.ref = f"A3:{get_column_letter(len(labels))}{max(row - 1, 3)}"
    _finish(ws, [12, 46, 10, 30, 12, 6, 11, 11, 8, 11, 60], freeze="A4", header_rows="3:3")


def _findings(ws, data: dict[str, Any], lang: str) -> None:
    t = lambda code, **kw: render(code, lang, **kw)  # noqa: E731
    labels = [t("report.col.severity"), t("report.col.code"), t("report.col.unit"), t("report.col.indicator"),
              t("report.col.message"), t("report.col.location")]
    _title(ws, t("report.h.issues"), len(labels))
    _header(ws, 3, labels)
    for row, f in enumerate(data["findings"], start=4):
        loc = f.get("location") or {}
        where = " › ".join(str(loc[k]) for k in ("file", "sheet", "cell") if loc.get(k))
        for col, value in enumerate([t(f"report.severity.{f['severity']}"), f["code"], f.get("unit") or "", f.get("indicator") or "",
                                     f["message"], where], start=1):
            put(ws, (row, col), value, border=_BOX, alignment=_WRAP)
        _fit_row(ws, row, (f["code"], 28), (f["message"], 70), (where, 40))
    _finish(ws, [9, 28, 12, 14, 70, 40], freeze="A4", header_rows="3:3")


LINE_POINTS = 15  # one line of 11-point text
MAX_LINES = 27  # a row at most 405 points high (Excel's limit is 409)


def _fit_row(ws, row: int, *texts: tuple[Any, int]) -> None:
    """Make the row as high as its longest wrapped text needs in a column `width` characters wide: openpyxl does
    not size rows, and LibreOffice (and Excel, for a file it did not write) keeps one line, so the lines spill
    over the rows below. A line holds about `width` characters of Vietnamese text."""
    lines = max((sum(max(1, -(-len(part) // width)) for part in str(text).split("\n"))
                 for text, width in texts if text), default=1)
    if lines > 1:
        ws.row_dimensions[row].height = LINE_POINTS * min(lines, MAX_LINES)


def _finish(ws, widths: list[int], freeze: str, header_rows: str) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "&P / &N"
