"""The submission template: the standard workbook a unit fills in for a program and period.

Vietnamese headers in the usual office layout (STT | Mã chỉ tiêu | Nội dung | Đơn vị tính |
Kế hoạch | Thực hiện | Tỷ lệ (%) | Ghi chú), an identification block that tells the importer
the program, unit and period, indicator codes and names locked, input cells checked by Excel
(non-negative numbers), the plan filled in where a target is known, and a sheet of instructions.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

from hrplan.definitions import CutoffRule, Period, period_from_user
from hrplan.definitions import IndicatorKind, Program
from hrplan.definitions import Unit
from hrplan.messages import render
from hrplan.reports.workbook_writer import new_workbook, open_workbook, put, put_formula, save_workbook
from hrplan.values import format_number

FONT = "Times New Roman"
MAIN_SHEET = "Báo cáo"
HEADER_ROW = 12
HEADERS = ["STT", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Ghi chú"]
COLUMN_CODES = ["A", "B", "C", "D", "1", "2", "3=2/1", "4"]
WIDTHS = [6, 12, 58, 12, 13, 13, 11, 28]
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT = PatternFill("solid", fgColor="FFF9E5")
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def template_file_name(program: Program, unit: Unit, period: Period) -> str:
    """Give the file name a template is saved under: '12-CTr-TU_SYT_2023-Q2.xlsx'."""
    return f"{program.slug}_{unit.code}_{period.file_label}.xlsx"


def write_template(path: Path, program: Program, unit: Unit, period: Period, parent_name: str | None = None,
                   cutoff: CutoffRule | None = None, party: bool = False) -> Path:
    """Write the submission workbook for one unit and period to `path` and give the path.

    With a cut-off rule, the title states the window the figures cover (Decree 09/2019/NĐ-CP). `party`: the Party's
    heading ("ĐẢNG CỘNG SẢN VIỆT NAM", no motto line, an asterisk under the unit) instead of the state's, as the
    program's reports take it (`ReportSettings.party_format`).
    """
    wb = new_workbook()  # every cell goes through the one writer: names from definitions stay text
    ws = wb.active
    ws.title = MAIN_SHEET
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(65 + i)].width = width
    _title_block(ws, program, unit, period, parent_name, cutoff, party)
    last_row = _table(ws, program, unit, period)
    _signature(ws, last_row + 2)
    ws.protection.sheet = True  # no password: the office can lift it, but codes are not edited by accident
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.freeze_panes = ws.cell(HEADER_ROW + 2, 5)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # without this, Excel and LibreOffice ignore fitToWidth
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left, ws.page_margins.right = 0.6, 0.4
    _instructions(wb.create_sheet("Hướng dẫn"), program, unit, period)
    return save_workbook(wb, path)


def _put(ws, ref: str, value, *, bold=False, italic=False, size=13, merge: str | None = None,
         align="center", wrap=False) -> None:
    cell = put(ws, ref, value)
    cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
    if merge:
        ws.merge_cells(merge)


# A parent that is a place, not a body: the Party's heading names its Party organisation ('ĐẢNG BỘ TỈNH LẠNG SƠN').
_PLACES = ("tỉnh ", "thành phố ", "huyện ", "quận ", "thị xã ", "xã ", "phường ", "thị trấn ", "đặc khu ")


def parent_line(parent_name: str | None, party: bool) -> str:
    """Give the heading's parent line in capitals: 'TỈNH LẠNG SƠN' for a state body (Decree 30/2020/NĐ-CP), 'ĐẢNG BỘ
    TỈNH LẠNG SƠN' for a Party body under a province (Hướng dẫn 36-HD/VPTW: the Party organisation it belongs to);
    a parent that already is a Party body ('Huyện ủy Cao Lộc', 'Đảng bộ …') is named as it is."""
    name = (parent_name or "").strip()
    if party and name.lower().startswith(_PLACES):
        name = f"Đảng bộ {name}"
    return name.upper()


def ratio_caption(program: Program) -> str:
    """Give the ratio column's caption: 'Tỷ lệ (%)', or 'Tỷ lệ (% hoặc lần)' when a planning ratio (candidates per
    seat, read in times) shares the column with percentages."""
    if any(ind.kind is IndicatorKind.PLANNING_RATIO for ind in program.indicators):
        return "Tỷ lệ (% hoặc lần)"
    return "Tỷ lệ (%)"


def _title_block(ws, program: Program, unit: Unit, period: Period, parent_name: str | None,
                 cutoff: CutoffRule | None, party: bool = False) -> None:
    _put(ws, "A1", parent_line(parent_name, party), size=12, merge="A1:C1")
    _put(ws, "A2", unit.name.upper(), bold=True, size=12, merge="A2:C2")
    if party:  # the Party's format (Hướng dẫn 36-HD/VPTW): its name, no motto, an asterisk under the body
        _put(ws, "D1", render("report.motto_party", "vi"), bold=True, size=12, merge="D1:H1")
        _put(ws, "A3", "*", size=12, merge="A3:C3")
    else:
        _put(ws, "D1", render("report.motto_state", "vi"), bold=True, size=12, merge="D1:H1")
        _put(ws, "D2", render("report.motto_state_2", "vi"), bold=True, merge="D2:H2")
    _put(ws, "A4", f"BÁO CÁO KẾT QUẢ THỰC HIỆN {program.code}", bold=True, size=14, merge="A4:H4")
    _put(ws, "A5", program.title, bold=True, size=12, merge="A5:H5", wrap=True)
    ws.row_dimensions[5].height = 48
    # The same words and dates as the report's JSON and HTML (CutoffRule.window_text).
    window = f" ({cutoff.window_text(period)})" if cutoff is not None else ""
    _put(ws, "A6", period.vietnamese() + window, italic=True, merge="A6:H6")
    labels = [("Mã chương trình:", program.code), ("Mã đơn vị:", unit.code), ("Kỳ báo cáo:", period.label)]
    for offset, (label, value) in enumerate(labels):
        row = 8 + offset
        _put(ws, f"B{row}", label, size=11, align="left", merge=f"B{row}:C{row}")
        _put(ws, f"D{row}", value, bold=True, size=11, align="left")
    put(ws, "E9", unit.name, font=Font(name=FONT, size=11, italic=True))


def _table(ws, program: Program, unit: Unit, period: Period) -> int:
    captions = [ratio_caption(program) if c == "Tỷ lệ (%)" else c for c in HEADERS]
    for col, (caption, code) in enumerate(zip(captions, COLUMN_CODES), start=1):
        head = put(ws, (HEADER_ROW, col), caption)
        head.font = Font(name=FONT, size=12, bold=True)
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        head.border = _BOX
        head.fill = PatternFill("solid", fgColor="E7EEF7")
        sub = put(ws, (HEADER_ROW + 1, col), code)
        sub.font = Font(name=FONT, size=10, italic=True)
        sub.alignment = Alignment(horizontal="center")
        sub.border = _BOX
    numbers = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                             showErrorMessage=True, errorTitle="Số liệu không hợp lệ",
                             error="Hãy nhập một số không âm (ví dụ 1297 hoặc 1,15).")
    ws.add_data_validation(numbers)
    # Counts (người, lớp …) take whole numbers only: Excel in an English locale turns "1.297" into 1.297.
    counts = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                            showErrorMessage=True, errorTitle="Số liệu không hợp lệ",
                            error="Chỉ tiêu này đếm số người, lớp…: hãy nhập số nguyên không âm, "
                                  "không có dấu chấm (ví dụ 1297).")
    ws.add_data_validation(counts)
    book = program.measure_book()
    row = HEADER_ROW + 2
    section, section_no, item_no = object(), 0, 0
    for ind in program.indicators:
        if ind.section != section:
            section = ind.section
            if section:
                _row_style(ws, row, bold=True)
                put(ws, (row, 1), _ROMAN[section_no % len(_ROMAN)])
                put(ws, (row, 3), section)
                section_no, item_no, row = section_no + 1, 0, row + 1
        item_no += 1
        _row_style(ws, row)
        put(ws, (row, 1), item_no)
        put(ws, (row, 2), ind.code)
        put(ws, (row, 3), ind.name, alignment=Alignment(wrap_text=True, vertical="center"))
        # openpyxl cannot measure text: give wrapped names the height Excel would (about 60 characters a line).
        ws.row_dimensions[row].height = 17 * max(1, -(-len(ind.name) // 60))
        put(ws, (row, 4), ind.uom, alignment=Alignment(horizontal="center", vertical="center"))
        _plan_cell(ws, row, program, ind, unit, period, book)
        ratio = put_formula(ws, (row, 7), f'=IF(AND(ISNUMBER(E{row}),E{row}>0,ISNUMBER(F{row})),F{row}/E{row},"")')
        if ind.kind is IndicatorKind.PLANNING_RATIO:
            ratio.number_format = '0.00" lần"'
            ws.cell(row, 3).comment = Comment("Kế hoạch = số vị trí (chức danh) cần quy hoạch; "
                                              "Thực hiện = số người được quy hoạch.", "hrplan")
        elif ind.kind is IndicatorKind.COVERAGE:
            ratio.number_format = "0%"
            ws.cell(row, 3).comment = Comment("Kế hoạch = tổng số (mẫu số); Thực hiện = số đạt (tử số).", "hrplan")
        else:
            ratio.number_format = "0%"
        for col in (5, 6, 8):
            cell = ws.cell(row, col)
            cell.protection = Protection(locked=False)
            cell.fill = _INPUT
        ws.cell(row, 5).number_format = ws.cell(row, 6).number_format = "#,##0.##"
        (counts if book.is_whole(ind.uom) else numbers).add(f"E{row}:F{row}")
        row += 1
    return row - 1


def _plan_cell(ws, row: int, program: Program, ind, unit: Unit, period: Period, book) -> None:
    """Pre-fill the plan `check` will hold the unit to for the template's own period (its own target, or the share
    the program's `interim:` gives it of a longer one), with a note saying where it comes from; a longer target that
    gives the period no plan is only a note, never a plan."""
    plan = program.plan_for(ind.code, unit.code, period)
    if plan.target is None and plan.context is None:
        return
    words = {"period": period.vietnamese(), "word": render("template.plan.ceiling" if ind.direction.value == "lower"
                                                           else "template.plan.target", "vi")}
    if plan.context is not None:
        span = Period.parse(plan.context.period) if plan.context.period else program.period_value
        words |= {"longer": span.vietnamese().lower(), "whole": format_number(_in_uom(plan.context, ind, book))}
    if plan.target is None:
        ws.cell(row, 5).comment = Comment(render("template.plan.context", "vi", **words), "hrplan")
        return
    value = _in_uom(plan.target, ind, book)
    words["value"] = format_number(value)
    if plan.rule == "pro_rata":
        words |= {"months": _months(period), "of": _months(span)}
        if value % 1 and book.is_whole(ind.uom):  # 287,5 người cannot be typed in a cell that takes whole numbers
            ws.cell(row, 5).comment = Comment(render("template.plan.share_fraction", "vi", **words), "hrplan")
            return
        note = "template.plan.share"
    else:
        own = "template.plan.own_ceiling" if ind.direction.value == "lower" else "template.plan.own"
        note = {"whole": "template.plan.whole", "to_date": "template.plan.to_date"}.get(plan.rule, own)
    put(ws, (row, 5), float(value) if value % 1 else int(value))
    ws.cell(row, 5).comment = Comment(render(note, "vi", **words), "hrplan")


def _in_uom(target, ind, book):
    """Give a target's value in the indicator's unit of measure (a target written in tỷ đồng for triệu đồng)."""
    value = target.value
    if target.uom:
        value = book.convert(value, target.uom, ind.uom) or value
    return value


def _months(period: Period) -> int:
    """Give how many calendar months a period spans (6 for a half-year), as the pro-rata share counts them."""
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def _row_style(ws, row: int, bold: bool = False) -> None:
    for col in range(1, len(HEADERS) + 1):
        cell = ws.cell(row, col)
        cell.font = Font(name=FONT, size=12, bold=bold)
        cell.border = _BOX
        if col != 3:
            cell.alignment = Alignment(horizontal="center", vertical="center")


def _signature(ws, row: int) -> None:
    _put(ws, f"A{row}", "Người lập biểu", bold=True, size=12, merge=f"A{row}:C{row}")
    _put(ws, f"E{row}", "THỦ TRƯỞNG ĐƠN VỊ", bold=True, size=12, merge=f"E{row}:H{row}")
    _put(ws, f"E{row + 1}", "(Ký, ghi rõ họ tên, đóng dấu)", italic=True, size=11, merge=f"E{row + 1}:H{row + 1}")


def _instructions(ws, program: Program, unit: Unit, period: Period) -> None:
    ws.column_dimensions["A"].width = 110
    lines = [
        f"HƯỚNG DẪN ĐIỀN BIỂU MẪU - {program.code}",
        "",
        f"Đơn vị: {unit.name} ({unit.code}).  Kỳ báo cáo: {period.vietnamese()} ({period.label}).",
        "1. Chỉ điền vào các ô màu vàng nhạt: Kế hoạch, Thực hiện, Ghi chú. Không sửa mã chỉ tiêu, nội dung, đơn vị tính.",
        "2. Nhập số, không nhập chữ: 1297 hoặc 1.297 (một nghìn hai trăm chín mươi bảy); 1,15 (một phẩy mười lăm).",
        "3. Cột Kế hoạch đã điền sẵn chỉ tiêu được giao (nếu có). Nếu kế hoạch của đơn vị khác, ghi lý do ở cột Ghi chú.",
        f"4. Cột {ratio_caption(program)} tự tính = Thực hiện / Kế hoạch.",
        "5. Chỉ tiêu quy hoạch: Kế hoạch = số vị trí (chức danh); Thực hiện = số người được quy hoạch; tỷ lệ tính bằng lần.",
        "6. Chỉ tiêu bao phủ (ví dụ trạm y tế có bác sĩ): Kế hoạch = tổng số; Thực hiện = số đạt.",
        "7. Để trống ô chưa có số liệu; không ghi 0 nếu chưa thực hiện được thống kê.",
        "8. Không đổi tên trang, không xóa các ô Mã chương trình / Mã đơn vị / Kỳ báo cáo ở đầu biểu.",
        "9. Lưu tệp dạng .xlsx và gửi lại đúng hạn.",
    ]
    for i, text in enumerate(lines, start=1):
        cell = put(ws, (i, 1), text)
        cell.font = Font(name=FONT, size=13 if i > 1 else 14, bold=i == 1)
        cell.alignment = Alignment(wrap_text=True)


def make_templates(workspace, program_name: str, period_text: str, unit_names: list[str], all_units: bool,
                   out: Path) -> list[Path]:
    """Write one template per unit asked for (or per expected reporter with all_units) and give the paths.

    With one unit, `out` may be a file name; otherwise it is a folder.
    """
    from hrplan.problems import HrplanError, Problem

    program = workspace.program(program_name)
    period = period_from_user(period_text)
    tree = workspace.units
    codes = [tree.resolve(name) for name in unit_names]
    if all_units:
        codes += [c for c in (program.expected_reporters() or tree.leaves(program.scope)) if c not in codes]
    if not codes:
        raise HrplanError(Problem("template.no_unit"))
    party = workspace.config.report.merged(program.report).party_format(program.issuer)  # as its reports
    paths = []
    for code in codes:
        unit = tree.get(code)
        parent = tree.get(unit.parent).name if unit.parent and unit.parent in tree else None
        target = out if (len(codes) == 1 and out.suffix.lower() == ".xlsx") else out / template_file_name(program, unit, period)
        paths.append(write_template(target, program, unit, period, parent, workspace.config.cutoff, party))
    return paths


def fill_values(path: Path, figures: dict[str, object]) -> Path:
    """Fill a written template's cells the way a unit would: {code: actual}, {code: (plan, actual)} or
    {code: (plan, actual, note)} (the note goes to 'Ghi chú'; an actual of None is left blank).

    Used by the sample builder and the benchmark; a value may be Vietnamese number text ("1.297").
    """
    wb = open_workbook(path)
    ws = wb[MAIN_SHEET]
    rows = {ws.cell(r, 2).value: r for r in range(HEADER_ROW + 2, ws.max_row + 1) if ws.cell(r, 2).value}
    for code, value in figures.items():
        plan, actual, *note = value if isinstance(value, tuple) else (None, value)
        if plan is not None:
            put(ws, (rows[code], 5), plan)
        put(ws, (rows[code], 6), actual)
        if note:
            put(ws, (rows[code], 8), note[0])
    return save_workbook(wb, path)
