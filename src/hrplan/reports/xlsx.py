"""The consolidated workbook (`--format xlsx`): per-unit detail the document leaves out.

Sheets: 'Tổng hợp' (indicators x the scope and its top-level units: plan, actual, %, status), one sheet per
period (the report's period, then each year inside a period of several years, or each part the units sent inside
a shorter one: the quarters of a year; one row per indicator and unit of the program's tree, in tree order and
indented by depth, a unit without a figure marked for what it lacks: `xlsx_rows`), and the findings. Headers
frozen, numbers as numbers with formats (whole numbers without a decimal separator), names wrapped in rows as high
as their lines, A4 landscape print setup with repeated headers. Tables are shaped with pandas; every cell goes through
the one workbook writer, so text a unit typed (= + - @ …) is stored as text, never as a formula.
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from hrplan.definitions import Period, Program, UnitTree
from hrplan.messages import render
from hrplan.reports.data import Report, build_report
from hrplan.reports.workbook_writer import new_workbook, put, save_workbook
from hrplan.reports.xlsx_rows import tree_rows
from hrplan.workspace import Workspace

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")  # the numbers beside a wrapped text: on its first line
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_NOT_SENT = Font(italic=True, color="9C0006")  # a unit of the tree without a figure: its row says what it lacks
_INDENT_CHARS = 2  # characters of a column one step of indent (3 spaces) takes from a unit's name
_GROUP_HEADER_CHARS = 36  # characters of bold text a unit's four merged columns on the summary hold on a line
# Whole numbers without a separator after them ("1,720", not "1,720."), decimals with theirs ("2,906.4"); Excel and
# LibreOffice show the separators of the reader's locale.
NUMBER, DECIMAL, PERCENT = "#,##0", "#,##0.0##", "0%"
# A planning ratio is candidates per seat, written in times as the report writes it ('1,15 lần'), never 115%.
TIMES = {"vi": '0.00" lần"', "en": '0.00" times"'}
_MORE_DECIMALS = 4  # at most this many decimals beyond a format's own to keep a ratio off a status line


def ratio_format(kind: str | None, lang: str, ratio: float | None = None, lines: tuple[float, ...] = ()) -> str:
    """Give the number format of a ratio of an indicator of `kind`: times for a planning ratio, else a percentage.

    Rounded, a ratio must not read as a status it does not have: 1.645 of 1.650 (99,697%) shows '99,7%', never
    '100%' beside 'gần đạt', and 1.205 of 1.200 '100,4%' beside 'vượt'. A ratio gets the fewest decimals that keep
    its shown value on its own side of each of `lines` (the status lines, or a planning band's ends) and, for a
    percentage, off a round ten it lies just under (139/200 shows '69,5%' where the report says 'gần 70%'). The
    cell stays a number."""
    planning = kind == "planning_ratio"
    decimals = _decimals(ratio, 2 if planning else 0, 1 if planning else 100, lines, tens=not planning)
    digits = "0." + "0" * decimals if decimals else "0"
    if planning:
        return digits + ('" times"' if lang == "en" else '" lần"')
    return digits + "%"


def _decimals(ratio: float | None, least: int, scale: int, lines: tuple[float, ...], tens: bool) -> int:
    """Give how many decimals `ratio` x `scale` needs so that, rounded as Excel shows it, it neither lands on nor
    crosses one of `lines` it is not on, and (with `tens`) does not round up to a round ten."""
    if ratio is None or isinstance(ratio, bool) or pd.isna(ratio):
        return least
    exact = Decimal(str(ratio)) * scale
    marks = [Decimal(str(line)) * scale for line in lines]
    for decimals in range(least, least + _MORE_DECIMALS + 1):
        shown = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if shown == exact:
            return decimals
        crosses = any(mark != exact and (shown == mark or (exact < mark) != (shown < mark)) for mark in marks)
        near_ten = tens and shown > exact and shown % 10 == 0
        if not crosses and not near_ten:
            return decimals
    return least + _MORE_DECIMALS


class RatioLines:
    """Give the lines a ratio's shown value must not cross, per indicator: the program's status lines (gần đạt,
    đạt, vượt), or a planning ratio's band in force on the period's last day."""

    def __init__(self, program: Program | None, period_end: date | None):
        self.program, self.period_end = program, period_end
        bands = program.status_bands if program is not None else None
        self.status = (bands.nearly, bands.met, bands.over) if bands is not None else (0.9, 1.0)

    def __call__(self, indicator: str, kind: str | None) -> tuple[float, ...]:
        if kind != "planning_ratio":
            return self.status
        try:
            band = self.program.indicator(indicator).band_at(self.period_end) if self.program is not None else None
        except KeyError:
            return ()
        return tuple(x for x in (band.min, band.max) if x is not None) if band is not None else ()


MAX_SHEET_TITLE = 31
# Characters of columns a summary page holds: A4 landscape between the margins holds about 150 in Excel (Calibri) and
# about 105 in LibreOffice (its substitute font is wider) at 100%; printed at 70%, 145 fit both.
PAGE_CHARS, PRINT_SCALE = 145, 70


def write_xlsx(workspace: Workspace, report: Report, path: Path, lang: str = "vi") -> Path:
    """Write the consolidated workbook of `report` to `path` and give the path."""
    data = report.data
    units = workspace.units
    t = lambda code, **kw: render(code, lang, **kw)  # noqa: E731
    wb = new_workbook()
    summary = wb.active
    summary.title = t("report.xlsx.sheet_summary")
    program = workspace.program(data["program"]["code"])
    _matrix(summary, data, units, lang, _lines(program, data))
    periods = [(data["period"]["label"], data)]
    for label in _parts(data):
        sub = build_report(workspace, data["program"]["code"], label, lang).data
        if sub["units"] or sub["summary"]:
            periods.append((label, sub))
    for label, period_data in periods:
        _detail(wb.create_sheet(_sheet_title(label, lang)), period_data, units, lang, _lines(program, period_data))
    _findings(wb.create_sheet(t("report.xlsx.sheet_findings")), data, lang)
    tmp = path.with_name(path.name + ".tmp.xlsx")
    save_workbook(wb, tmp)
    tmp.replace(path)  # a reader never sees half a workbook
    return path


def _lines(program: Program, data: dict[str, Any]) -> RatioLines:
    return RatioLines(program, Period.parse(data["period"]["label"]).end)


def _parts(data: dict[str, Any]) -> list[str]:
    """Give the periods that get a sheet after the report's own: each year inside a period of several years, else
    each part of the period a unit sent (the quarters of a year, the months of a quarter), in order of their end."""
    period = Period.parse(data["period"]["label"])
    if period.kind == "range" or len(period.years()) > 1:
        return [str(year) for year in period.years() if Period.parse(str(year)).end <= period.end]
    sent = {Period.parse(label) for labels in (data.get("submissions") or {}).values() for label in labels}
    parts = [p for p in sent if period.contains(p) and p != period]
    return [p.label for p in sorted(parts, key=lambda p: (p.end, -p.start.toordinal()))]


def _sheet_title(label: str, lang: str) -> str:
    if ".." in label:
        start, end = label.split("..")
        label = render("report.xlsx.range_sheet", lang, start=start, end=end)
    return label[:MAX_SHEET_TITLE]


def _title(ws, text: str, width: int, chars: int | None = None) -> None:
    """Put the sheet's title in row 1 across `width` columns; given the `chars` they hold, wrapped in a row as high
    as its lines (the summary's title sits over its repeated columns, printed whole on every page)."""
    put(ws, "A1", text, font=Font(bold=True, size=13), alignment=Alignment(wrap_text=True, vertical="top"))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 1))
    if chars:
        _fit_row(ws, 1, (text, chars * 11 // 13))  # 13-point bold: fewer characters a line
        if ws.row_dimensions[1].height:
            ws.row_dimensions[1].height *= 17 / 15


def _header(ws, row: int, labels: list[str]) -> None:
    for col, label in enumerate(labels, start=1):
        put(ws, (row, col), label, font=_BOLD, fill=_HEAD_FILL, alignment=_CENTER, border=_BOX)


def _matrix(ws, data: dict[str, Any], units: UnitTree, lang: str, lines: RatioLines) -> None:
    """Indicators down, the scope and its direct children across: plan | actual | (estimate) | % | status for each.

    Each unit's figure that lacks something is marked where it stands: the notes column names every unit whose
    figure has a note ('Huyện Yên Sơn: Chưa gồm 1/3 đơn vị …'), not the scope's alone. The estimate (ƯTH) gets a
    column in each block when a unit sent one, as in the Word and HTML tables; a planning ratio's band and its
    regulation a column of their own. Printed landscape, as many pages wide as the blocks need, the indicator
    columns and the two header rows repeated on each page."""
    t = lambda code, **kw: render(code, lang, **kw)  # noqa: E731
    frame = tree_rows(data, units, lang)
    scope = data["scope"]["code"]
    columns = [scope] + (units.children(scope) if scope in units else [])
    if not frame.empty:
        present = set(frame["unit"])
        columns = [c for c in columns if c in present]
    keys = ["plan", "actual", "ratio", "status"]
    if not frame.empty and frame[frame["unit"].isin(columns)]["estimate"].notna().any():
        keys.insert(2, "estimate")
    bands = _bands(data)
    labels = [t("report.col.code"), t("report.col.indicator"), t("report.col.uom")] + ([t("report.col.band")] if bands else [])
    width = len(keys)
    notes_col = len(labels) + 1 + width * len(columns)  # what each unit's figure lacks, beside them
    head = [12, 40, 10] + ([16] if bands else [])
    # Printed as several pages across, the summary repeats its first columns on each: the title and the coverage
    # line sit over them (wrapped), not across the sheet, where each page showed them cut at its edge ('(Q3 :').
    _title(ws, t("report.xlsx.title", program=data["program"]["code"], period=data["period"]["text"]), len(labels),
           sum(head))
    _coverage(ws, data, len(labels), sum(head))
    put(ws, (3, notes_col), t("report.col.notes"), font=_BOLD, fill=_HEAD_FILL, alignment=_CENTER, border=_BOX)
    ws.merge_cells(start_row=3, start_column=notes_col, end_row=4, end_column=notes_col)
    for i, label in enumerate(labels, start=1):
        put(ws, (3, i), label, font=_BOLD, fill=_HEAD_FILL, alignment=_CENTER, border=_BOX)
        ws.merge_cells(start_row=3, start_column=i, end_row=4, end_column=i)
    names = []
    for j, code in enumerate(columns):
        col = len(labels) + 1 + width * j
        names.append(units.get(code).name if code in units else code)
        put(ws, (3, col), names[-1], font=_BOLD, fill=_HEAD_FILL, alignment=_CENTER, border=_BOX)
        ws.merge_cells(start_row=3, start_column=col, end_row=3, end_column=col + width - 1)
        for k, key in enumerate(keys):
            put(ws, (4, col + k), t(f"report.col.{key}"), font=_BOLD, fill=_HEAD_FILL, alignment=_CENTER, border=_BOX)
    # A unit's name wraps inside its merged columns (about 41 characters of bold text hold 36): the header
    # row is as high as the longest name needs, never spilling over 'Kế hoạch | Thực hiện'.
    _fit_row(ws, 3, *((name, _GROUP_HEADER_CHARS * width // 4) for name in names))
    _fit_row(ws, 4, *((t(f"report.col.{key}"), 9) for key in keys))  # 'Ước thực hiện' on two lines
    block = [11, 11, *([11] if "estimate" in keys else []), 8, 11]
    notes_width = max(40, PAGE_CHARS - sum(head))  # the notes fill a page of their own beside the repeated columns
    widths = head + block * len(columns) + [notes_width]
    if frame.empty:
        return
    cells = frame.set_index(["indicator", "unit"])
    row = 5
    for code, first in frame.drop_duplicates("indicator").set_index("indicator").iterrows():
        put(ws, (row, 1), code, border=_BOX, alignment=_TOP)
        put(ws, (row, 2), first["name"], border=_BOX, alignment=_WRAP)
        put(ws, (row, 3), first["uom"], border=_BOX, alignment=_WRAP)
        if bands:
            put(ws, (row, 4), bands.get(code, ""), border=_BOX, alignment=_WRAP)
        notes, statuses, said = [], [], set()
        for j, unit in enumerate(columns):
            col = len(labels) + 1 + width * j
            found = cells.loc[(code, unit)] if (code, unit) in cells.index else None
            ratio = None if found is None else found["ratio"]
            _figure_cells(ws, row, col, found, ratio_format(first["kind"], lang, ratio, lines(code, first["kind"])), keys)
            if found is not None:
                statuses.append(found["status_text"])
                # A group's notes hold its members' ('Ghi chú của Phường Mỹ Lâm: …' under the province's figure):
                # a unit's note already in the cell is not said again under its name.
                own = [n for n in found["footnotes"] if n not in said]
                said.update(own)
                if own:
                    notes.append(" ".join(own) if unit == scope else f"{names[j]}: {' '.join(own)}")
        text = "\n".join(notes)
        put(ws, (row, notes_col), text, border=_BOX, alignment=_WRAP)
        _fit_row(ws, row, (first["name"], 40), (first["uom"], 10), (bands.get(code, ""), 16), (text, notes_width),
                 *((s, 11) for s in statuses))
        row += 1
    _finish(ws, widths, freeze=f"{get_column_letter(len(labels) + 1)}5", header_rows="3:4")
    # Fitted to one page, 36 columns printed unreadably small: as many pages wide as the blocks need, the
    # indicator's columns repeated on each, each page ending where a unit's block ends (left to the printer, a
    # page broke inside one: 'Sở Y t' | 'ế'), the notes on a page of their own; printed at PRINT_SCALE, each fits.
    ws.print_title_cols = f"A:{get_column_letter(len(labels))}"
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = PRINT_SCALE
    used, last = sum(head), len(labels)
    for j in range(len(columns)):
        if used + sum(block) > PAGE_CHARS:
            ws.col_breaks.append(Break(id=last))
            used = sum(head)
        used += sum(block)
        last += width
    ws.col_breaks.append(Break(id=last))  # the notes


def _bands(data: dict[str, Any]) -> dict[str, str]:
    """Give each planning ratio's band in force and the regulation that set it ('1,0–1,5 lần (Quy định 50-QĐ/TW)'),
    as the Word and HTML reports name it; {} when the program has none."""
    out = {}
    for row in data["summary"]:
        display = row.get("display") or {}
        band = display.get("band")
        if row.get("kind") == "planning_ratio" and band and band != "-":
            source = display.get("band_source")
            out[row["indicator"]] = f"{band} ({source})" if source else band
    return out


def _coverage(ws, data: dict[str, Any], width: int, chars: int | None = None) -> None:
    """Say under the title when the period's figures lack parts ("Số liệu năm 2024 chưa đủ: …")."""
    coverage = data.get("coverage") or {}
    if coverage.get("text") and not coverage.get("complete", True):
        put(ws, "A2", coverage["text"], font=Font(bold=True, color="9C0006"),
            alignment=Alignment(wrap_text=True, vertical="top"))
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(width, 1))
        if chars:
            _fit_row(ws, 2, (coverage["text"], chars * 9 // 10))  # bold


def _figure_cells(ws, row: int, col: int, found, ratio_style: str,
                  keys: tuple[str, ...] | list[str] = ("plan", "actual", "ratio", "status")) -> None:
    for k, key in enumerate(keys):
        value = None if found is None else found[key if key != "status" else "status_text"]
        if key in ("plan", "actual", "estimate"):
            _put_number(ws, (row, col + k), value, border=_BOX, alignment=_TOP)
        elif key == "ratio":
            put(ws, (row, col + k), _number(value), border=_BOX, alignment=_TOP, number_format=ratio_style)
        else:
            put(ws, (row, col + k), value or "", border=_BOX, alignment=_WRAP)


def _number(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return int(value) if float(value).is_integer() else float(value)


def _put_number(ws, ref, value, **style):
    """Write a plan or actual with the format that fits it: a whole number without a decimal separator, a fraction
    with its decimals (up to three; float dust from a pro-rata plan, 1720.0000001, counts as whole)."""
    number = _number(value)
    whole = number is None or round(number, 6) == round(number)
    return put(ws, ref, number, number_format=NUMBER if whole else DECIMAL, **style)


def _detail(ws, data: dict[str, Any], units: UnitTree, lang: str, lines: RatioLines) -> None:
    """One row per indicator and unit of the program's tree for one period, in tree order, filterable."""
    t = lambda code, **kw: render(code, lang, **kw)  # noqa: E731
    labels = [t("report.col.code"), t("report.col.indicator"), t("report.col.uom"), t("report.col.unit"),
              t("report.col.unit") + " (" + t("report.col.code") + ")", t("report.xlsx.col_level"),
              t("report.col.plan"), t("report.col.actual"), t("report.col.ratio"), t("report.col.status"),
              t("report.col.notes")]
    widths = [12, 46, 13, 40, 12, 6, 11, 11, 8, 14, 60]
    _title(ws, f"{data['program']['code']} — {data['period']['text']}", len(labels))
    _coverage(ws, data, len(labels))
    _header(ws, 3, labels)
    _fit_row(ws, 3, *zip(labels, [w - 1 for w in widths]))  # 'Đơn vị tính', 'Unit of measure' on two lines
    frame = tree_rows(data, units, lang)
    row = 4
    for rec in frame.itertuples(index=False):
        font = _BOLD if rec.is_group else (_NOT_SENT if not rec.sent else Font())
        for col, value in ((1, rec.indicator), (2, rec.name), (3, rec.uom), (5, rec.unit), (6, int(rec.level))):
            put(ws, (row, col), value, border=_BOX, font=font, alignment=_WRAP if col in (2, 3) else _TOP)
        # Indented by the unit's depth under the scope (a member under its group; an indent needs a horizontal
        # alignment, or LibreOffice ignores it), and wrapped: a leading space would indent the first line only,
        # and the filter would list it.
        put(ws, (row, 4), rec.unit_name, border=_BOX, font=font,
            alignment=Alignment(horizontal="left", wrap_text=True, vertical="top", indent=int(rec.depth)))
        _put_number(ws, (row, 7), rec.plan, border=_BOX, font=font, alignment=_TOP)
        _put_number(ws, (row, 8), rec.actual, border=_BOX, font=font, alignment=_TOP)
        put(ws, (row, 9), _number(rec.ratio), border=_BOX, font=font, alignment=_TOP,
            number_format=ratio_format(rec.kind, lang, rec.ratio, lines(rec.indicator, rec.kind)))
        put(ws, (row, 10), rec.status_text, border=_BOX, font=font, alignment=_WRAP)
        put(ws, (row, 11), rec.notes, border=_BOX, font=font, alignment=_WRAP)
        _fit_row(ws, row, (rec.name, widths[1]), (rec.uom, widths[2] - 1),
                 (rec.unit_name, widths[3] - _INDENT_CHARS * int(rec.depth)),
                 (rec.status_text, widths[9]), (rec.notes, widths[10]))
        row += 1
    ws.auto_filter.ref = f"A3:{get_column_letter(len(labels))}{max(row - 1, 3)}"
    _finish(ws, widths, freeze="A4", header_rows="3:3")


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
