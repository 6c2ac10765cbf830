"""Office tables as units keep them: sub-rows of an indicator, budget captions, a Party two-line heading.

A budget annex ("Đơn vị tính: Triệu đồng" above the table, "Dự toán được giao | Đã thực hiện") lists the money
spent under "1 Kinh phí đào tạo, bồi dưỡng" as "- Đào tạo sau đại học", "- Bồi dưỡng ...": parts of that row,
not the people indicators of the same names; a department's report hides its "- Ngân sách tỉnh | - Nguồn khác"
rows under the Kinh phí row. Those sub-rows are named in a note and not read, unless the program declares them
as the parts of that indicator (`breakdowns`). A row the program does not know still refuses a table made for
the program, saying when the row is hidden and suggesting no "-" when nothing is near. A unit that cannot be
converted points at where the unit was written. The workbooks are built here with openpyxl, as offices make them.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from hrplan.importer import ImportOptions, Outcome, import_files
from hrplan.jobs.filing import reason_text
from hrplan.workspace import Workspace, init_workspace

PROGRAM = """\
code: 15-CTr/TU
title: Phát triển nguồn nhân lực giai đoạn 2021 - 2025
period: 2021-2025
scope: LS
reporting: year
indicators:
  - {code: DT-SDH, name: Đào tạo sau đại học, uom: người, accumulation: per_period}
  - {code: BD-LLCT, name: Bồi dưỡng lý luận chính trị cao cấp, uom: người, accumulation: per_period}
  - {code: BD-QLNN, name: Bồi dưỡng kiến thức quản lý nhà nước, uom: lượt người, accumulation: per_period}
  - {code: KP, name: "Kinh phí đào tạo, bồi dưỡng", aliases: [Kinh phí], uom: triệu đồng, accumulation: per_period}
{extra}reporters: [SNV, BTCTU, HBG]
"""
# The money parts of KP, declared: read from the sub-rows under the Kinh phí row (their names are those of the
# people indicators, so the aliases say which parent they sit under).
BREAKDOWN = """\
  - {code: KP-SDH, name: Kinh phí đào tạo sau đại học, aliases: ["Kinh phí đào tạo, bồi dưỡng › Đào tạo sau đại học"], uom: triệu đồng,
     accumulation: per_period}
  - {code: KP-LLCT, name: Kinh phí bồi dưỡng lý luận chính trị,
     aliases: ["Kinh phí đào tạo, bồi dưỡng › Bồi dưỡng lý luận chính trị cao cấp"], uom: triệu đồng, accumulation: per_period}
  - {code: KP-QLNN, name: Kinh phí bồi dưỡng quản lý nhà nước,
     aliases: ["Kinh phí đào tạo, bồi dưỡng › Bồi dưỡng kiến thức quản lý nhà nước"], uom: triệu đồng, accumulation: per_period}
breakdowns:
  - {total: KP, parts: [KP-SDH, KP-LLCT, KP-QLNN]}
"""
UNITS = """\
units:
  - {code: LS, name: Tỉnh Lạng Sơn, aliases: [Lạng Sơn]}
  - {code: SNV, name: Sở Nội vụ, parent: LS, aliases: [Sở Nội vụ tỉnh Lạng Sơn]}
  - {code: BTCTU, name: Ban Tổ chức Tỉnh ủy, parent: LS, aliases: [Ban Tổ chức Tỉnh ủy Lạng Sơn]}
  - {code: HBG, name: Huyện Bắc Sơn, parent: LS, aliases: [Bắc Sơn, UBND huyện Bắc Sơn]}
"""


def make_ws(root: Path, extra: str = "") -> Workspace:
    init_workspace(root)
    (root / "programs" / "15-CTr-TU.yaml").write_text(PROGRAM.replace("{extra}", extra), encoding="utf-8")
    (root / "units.yaml").write_text(UNITS, encoding="utf-8")
    return Workspace(root)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return make_ws(tmp_path / "ws")


def write(path: Path, cells: dict[str, object], hidden: tuple[int, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục 02"
    for ref, value in cells.items():
        sheet[ref] = value
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def rows(first: int, *lines: tuple) -> dict[str, object]:
    """Give the cells of table rows from row `first`, each line's values from column A on (None: blank)."""
    return {f"{'ABCDEFG'[c]}{first + i}": v for i, line in enumerate(lines) for c, v in enumerate(line) if v is not None}


def budget_annex(path: Path, plan_caption: str = "Dự toán được giao", more: dict | None = None) -> Path:
    """The district's budget annex: 'Đơn vị tính: Triệu đồng' at E7, no ĐVT column, money sub-rows under Kinh phí."""
    return write(path, {
        "A1": "HUYỆN ỦY BẮC SƠN", "D1": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "A2": "UBND HUYỆN BẮC SƠN", "D2": "Độc lập - Tự do - Hạnh phúc",
        "A5": "PHỤ LỤC KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ NĂM 2024", "E7": "Đơn vị tính: Triệu đồng",
        **rows(8, ("STT", "Nội dung", plan_caption, "Đã thực hiện", "Ghi chú"),
               ("1", "Kinh phí đào tạo, bồi dưỡng", "1.850", "1.720,5"),
               (None, "- Đào tạo sau đại học", 600, 580),
               (None, "- Bồi dưỡng lý luận chính trị cao cấp", 400, 390),
               (None, "- Bồi dưỡng kiến thức quản lý nhà nước", 850, "750,5"),
               (None, "Cộng", "1.850", "1.720,5")),
        **(more or {})})


def import_one(ws: Workspace, path: Path, **options):
    [result] = import_files(ws, [path], ImportOptions(**options))
    return result


def stored(ws: Workspace, result) -> dict[tuple[str, str], tuple[Decimal, str]]:
    with ws.open_store() as store:
        return {(v.indicator, v.measure): (v.value, v.cell) for v in store.values(result.submission_id)}


def test_money_sub_rows_of_a_budget_annex_are_parts_of_kinh_phi_not_people_indicators(ws: Workspace) -> None:
    result = import_one(ws, budget_annex(ws.root / "sent" / "HBG_phu_luc_kinh_phi_2024.xlsx"))
    assert result.outcome is Outcome.IMPORTED, [p.message("en") for p in result.problems]
    # "Dự toán được giao" is the plan, "Đã thực hiện" the actual; the people indicators get nothing from this file.
    assert stored(ws, result) == {("KP", "plan"): (Decimal(1850), "C9"), ("KP", "actual"): (Decimal("1720.5"), "D9")}
    [note] = [n for n in result.notes if n.code == "rows.parts_not_read"]
    assert note.location.cell == "B9"
    assert note.message("vi").startswith(
        "Không đọc B10 '- Đào tạo sau đại học', B11 '- Bồi dưỡng lý luận chính trị cao cấp', "
        "B12 '- Bồi dưỡng kiến thức quản lý nhà nước': dòng con của 'Kinh phí đào tạo, bồi dưỡng' (KP) không phải "
        "chỉ tiêu riêng.")
    assert "breakdowns (total: KP)" in note.message("en")


def test_sub_rows_are_read_as_the_breakdown_the_program_declares(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws", BREAKDOWN)
    result = import_one(ws, budget_annex(ws.root / "sent" / "HBG_phu_luc_kinh_phi_2024.xlsx"))
    assert result.outcome is Outcome.IMPORTED, [p.message("en") for p in result.problems]
    values = stored(ws, result)
    assert values[("KP-SDH", "plan")] == (Decimal(600), "C10")
    assert values[("KP-QLNN", "actual")] == (Decimal("750.5"), "D12")
    assert not [n for n in result.notes if n.code == "rows.parts_not_read"]


def test_a_unit_that_cannot_convert_points_at_the_unit_note_above_the_table(ws: Workspace) -> None:
    # A top-level row of people under "Đơn vị tính: Triệu đồng": the note is what to fix, at E7.
    path = budget_annex(ws.root / "sent" / "HBG_2024.xlsx", more=rows(14, ("2", "Đào tạo sau đại học", 6, 5)))
    result = import_one(ws, path)
    assert result.outcome is Outcome.REJECTED
    problem, _ = [p for p in result.problems if p.is_error]
    assert [(p.code, p.location.cell) for p in result.problems if p.is_error] == [("value.uom_mismatch", "E7")] * 2
    assert problem.message("vi") == (
        "Đơn vị tính 'Triệu đồng' (dòng 'Đơn vị tính' ở E7, áp dụng cho cả bảng) không đổi được sang 'người' của "
        "chỉ tiêu 'Đào tạo sau đại học', số ở ô C14. Hãy sửa dòng 'Đơn vị tính' ở E7, hoặc thêm cột ĐVT ghi đơn vị "
        "riêng cho dòng này.")
    assert "ĐVT column" not in problem.message("en") and "Fix the 'Đơn vị tính' line at E7" in problem.message("en")


def test_a_unit_that_cannot_convert_points_at_its_unit_cell(ws: Workspace) -> None:
    path = write(ws.root / "sent" / "SNV_2024.xlsx", {
        "A1": "SỞ NỘI VỤ", "A4": "BÁO CÁO KẾT QUẢ NĂM 2024",
        **rows(6, ("STT", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện"),
               ("1", "Đào tạo sau đại học", "triệu đồng", 6, 5),
               ("2", "Kinh phí đào tạo, bồi dưỡng", "triệu đồng", 100, 90))})
    result = import_one(ws, path)
    problems = [(p.code, p.location.cell) for p in result.problems if p.is_error]
    assert problems == [("value.uom_mismatch", "C7"), ("value.uom_mismatch", "C7")]  # plan D7 and actual E7
    assert result.problems[0].message("vi").endswith("số ở ô D7. Hãy sửa ô ĐVT C7.")


def _department_report(path: Path, unknown_hidden: bool = False) -> Path:
    """The department's yearly report: hidden 'of which' rows under 'IV Kinh phí', the row's actual their sum."""
    return write(path, {
        "A1": "UBND TỈNH LẠNG SƠN", "A2": "SỞ NỘI VỤ", "A5": "BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2024",
        **rows(7, ("STT", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện"),
               ("I", "Đào tạo sau đại học", "người", 12, 15),
               ("II", "Kinh phí đào tạo, bồi dưỡng", "triệu đồng", "2.500", "2.345,5"),
               (None, "- Ngân sách tỉnh", "triệu đồng", None, "2.000"),
               (None, "- Nguồn khác", "triệu đồng", None, "345,5"),
               *([("III", "Hỗ trợ thu hút nhân tài", "người", 3, 2)] if unknown_hidden else []))},
        hidden=(10, 11, 12) if unknown_hidden else (10, 11))


def test_hidden_of_which_rows_under_an_indicator_are_noted_not_refused(ws: Workspace) -> None:
    result = import_one(ws, _department_report(ws.root / "sent" / "SNV_BC_nam_2024.xlsx"))
    assert result.outcome is Outcome.IMPORTED, [p.message("en") for p in result.problems]
    assert stored(ws, result)[("KP", "actual")] == (Decimal("2345.5"), "E9")
    [note] = [n for n in result.notes if n.code == "rows.parts_not_read"]
    assert note.params["rows_vi"] == "B10 '- Ngân sách tỉnh' (dòng ẩn), B11 '- Nguồn khác' (dòng ẩn)"
    assert note.params["rows"] == "B10 '- Ngân sách tỉnh' (hidden row), B11 '- Nguồn khác' (hidden row)"


def test_an_unknown_top_level_row_still_refuses_saying_it_is_hidden_without_an_empty_suggestion(
        ws: Workspace) -> None:
    result = import_one(ws, _department_report(ws.root / "sent" / "SNV_BC_nam_2024.xlsx", unknown_hidden=True))
    assert result.outcome is Outcome.REJECTED
    [problem] = [p for p in result.problems if p.is_error]
    assert (problem.code, problem.location.cell) == ("indicator.unknown", "B12")
    assert problem.message("vi") == ("Chỉ tiêu 'Hỗ trợ thu hút nhân tài' (dòng ẩn) không có trong chương trình "
                                     "15-CTr/TU. Hãy sửa tên/mã hoặc thêm bí danh vào tệp chương trình.")
    assert "Closest" not in problem.message("en") and "(hidden row)" in problem.message("en")
    clerk = reason_text(result.problems, "SNV_BC_nam_2024.xlsx")
    assert "Gần giống" not in clerk and "(dòng ẩn)" in clerk


def test_an_unknown_row_with_a_near_name_keeps_the_suggestion(ws: Workspace) -> None:
    path = write(ws.root / "sent" / "SNV_2024.xlsx", {
        "A1": "SỞ NỘI VỤ", "A4": "BÁO CÁO KẾT QUẢ NĂM 2024",
        **rows(6, ("STT", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện"),
               ("1", "Đào tạo sau đại học (thạc sĩ)", "người", 6, 5), ("2", "Kinh phí đào tạo, bồi dưỡng", "triệu đồng", 9, 8))})
    [problem] = [p for p in import_one(ws, path).problems if p.is_error]
    assert "Gần giống: DT-SDH (Đào tạo sau đại học)." in problem.message("vi")
    assert "dòng ẩn" not in problem.message("vi")


def test_budget_estimate_caption_and_an_unplaced_column_of_figures(ws: Workspace) -> None:
    # "Số dự kiến chi" is the spend expected by the year's end: an estimate, never the actual. A column whose
    # caption says no role ("Phân bổ lại") is named in a note rather than dropped in silence.
    path = write(ws.root / "sent" / "SNV_2024.xlsx", {
        "A1": "SỞ NỘI VỤ", "A4": "BÁO CÁO KINH PHÍ NĂM 2024",
        **rows(6, ("STT", "Nội dung", "Đơn vị tính", "Dự toán", "Phân bổ lại", "Số dự kiến chi"),
               ("1", "Kinh phí đào tạo, bồi dưỡng", "triệu đồng", 900, 850, 870))})
    result = import_one(ws, path)
    assert result.outcome is Outcome.IMPORTED, [p.message("en") for p in result.problems]
    assert stored(ws, result) == {("KP", "plan"): (Decimal(900), "D7"), ("KP", "estimate"): (Decimal(870), "F7")}
    [note] = [n for n in result.notes if n.code == "columns.unplaced"]
    assert note.params["columns"] == "E6 'Phân bổ lại'"
    assert note.message("vi").startswith("Không đọc cột có số E6 'Phân bổ lại': tiêu đề không cho biết")


def _party_report(path: Path, second_line: str | None) -> Path:
    cells = {"A1": "TỈNH ỦY LẠNG SƠN", "E1": "ĐẢNG CỘNG SẢN VIỆT NAM", "E3": "Lạng Sơn, ngày 02 tháng 12 năm 2024",
             "A5": "BÁO CÁO KẾT QUẢ NĂM 2024",
             **rows(7, ("STT", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện"),
                    ("1", "Đào tạo sau đại học", "người", 4, 4))}
    if second_line:
        cells["A2"] = second_line
    return write(path, cells)


def test_party_two_line_heading_names_the_organization_board(ws: Workspace) -> None:
    result = import_one(ws, _party_report(ws.root / "sent" / "bao_cao_2024.xlsx", "BAN TỔ CHỨC"))
    assert result.outcome is Outcome.IMPORTED, [p.message("en") for p in result.problems]
    assert result.unit == "BTCTU"


def test_a_heading_naming_only_the_parent_body_names_it_by_its_name(ws: Workspace) -> None:
    result = import_one(ws, _party_report(ws.root / "sent" / "bao_cao_2024.xlsx", None))
    [problem] = [p for p in result.problems if p.is_error]
    assert (problem.code, problem.location.cell) == ("submission.unit_from_heading", "A1")
    assert "tiêu đề chỉ ghi Tỉnh Lạng Sơn (LS) ở dòng 'TỈNH ỦY LẠNG SƠN'" in problem.message("vi")
    clerk = reason_text(result.problems, "bao_cao_2024.xlsx")
    assert "tiêu đề chỉ ghi Tỉnh Lạng Sơn ('TỈNH ỦY LẠNG SƠN')" in clerk and " LS " not in clerk
