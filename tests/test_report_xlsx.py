"""The consolidated workbook: opened with openpyxl, it holds the seeds' figures as numbers with formats, a sheet
per period, the findings, frozen headers and a print setup; no cell is a formula, whatever units typed."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from conftest import sample_submissions
from hrplan.importer import import_files
from hrplan.jobs import run_demo
from hrplan.reports import write_reports


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return run_demo(tmp_path_factory.mktemp("demo") / "demo").workspace


def _rows(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def test_demo_workbook_holds_the_seed_figures_as_numbers(demo):
    wb = load_workbook(demo / "reports" / "12-CTr-TU_2016_to_2019-05.xlsx")
    assert wb.sheetnames[0] == "Tổng hợp" and "Vấn đề" in wb.sheetnames
    summary = wb["Tổng hợp"]
    assert summary.freeze_panes == "D5" and summary.page_setup.orientation == "landscape"
    assert summary.print_title_rows == "$3:$4"
    by_code = {r[0]: r for r in _rows(summary)[4:]}
    assert summary["D3"].value == "Tỉnh Cao Bằng"
    expected = {"DT-YT": (41, 117, "vượt"), "DT-GD": (10, 30, "vượt"), "BD-QLNN": (176, 79, "chưa đạt"),
                "BD-LDQL": (200, 139, "chưa đạt"), "CCLLCT": (181, 430, "vượt"), "LC-TRE": (40, 24, "chưa đạt")}
    for code, (plan, actual, status) in expected.items():
        row = by_code[code]
        assert (row[3], row[4], row[6]) == (plan, actual, status), code
        assert row[5] == pytest.approx(actual / plan)
    row = next(r for r in summary.iter_rows(min_row=5) if r[0].value == "DT-YT")
    assert row[5].number_format == "0%" and row[4].number_format == "#,##0.##"
    detail = wb[wb.sheetnames[1]]
    assert detail.freeze_panes == "A4" and detail.auto_filter.ref.startswith("A3:")
    units = {(r[0], r[4]): r for r in _rows(detail)[3:]}
    assert units[("DT-YT", "SYT")][7] == 80  # the corrected resend, not the first version's 75
    assert sum(r[7] for (code, unit), r in units.items() if code == "DT-YT" and unit != "CB") == 117
    b = load_workbook(demo / "reports" / "06-DA-TU_2021_to_2022.xlsx")
    assert {"2021", "2022"} <= set(b.sheetnames)  # a sheet per period inside the review
    year = {r[0]: r for r in _rows(b["2021"])[3:] if r[4] == "BT"}
    assert (year["KHCN-DT"][6], year["KHCN-DT"][7]) == (400, 470)


def test_no_cell_is_a_formula_even_when_names_and_notes_look_like_one(sample_ws, tmp_path):
    units = yaml.safe_load(sample_ws.units_file.read_text(encoding="utf-8"))
    for u in units["units"]:
        if u["code"] == "SYT":
            u["name"] = '=HYPERLINK("http://attacker.example","Sở Y tế")'
        if u["code"] == "SNV":
            u["name"] = "+84 Sở Nội vụ"
    sample_ws.units_file.write_text(yaml.safe_dump(units, allow_unicode=True), encoding="utf-8")
    ws = type(sample_ws)(sample_ws.root)
    import_files(ws, sample_submissions())
    path = write_reports(ws, "12-CTr/TU", "2016..2019-05", ["xlsx"]).paths["xlsx"]
    wb = load_workbook(path)
    texts = []
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert '=HYPERLINK("http://attacker.example","Sở Y tế")' in [t.strip() for t in texts]
    assert "+84 Sở Nội vụ" in [t.strip() for t in texts]


def test_workbook_says_what_each_figure_lacks_beside_it(demo):
    """The quarterly year lacks Hòa An's Q3 and Sở Y tế's Q4 actual: the workbook says so under the title and in a
    notes column beside the figures, on the summary and on the period's sheet."""
    wb = load_workbook(demo / "reports" / "27-KH-UBND_2024.xlsx")
    summary = wb["Tổng hợp"]
    assert summary["A2"].value == "Số liệu năm 2024 chưa đủ: Huyện Hòa An 3/4 quý (Quý III/2024)."
    header = [c.value for c in summary[3]]
    notes_col = header.index("Ghi chú")
    by_code = {row[0]: row for row in summary.iter_rows(min_row=5, values_only=True)}
    assert by_code["BD-CBCC"][notes_col] == "Số liệu chưa đủ kỳ: Huyện Hòa An 3/4 quý (thiếu Quý III/2024)."
    assert "Sở Y tế (Quý IV/2024) có KH 200 nhưng chưa có số thực hiện" in by_code["KP-DTBD"][notes_col]
    detail = wb[wb.sheetnames[1]]
    rows = list(detail.iter_rows(min_row=3, values_only=True))
    assert rows[0][-1] == "Ghi chú"
    hha = next(r for r in rows if r[0] == "BD-CBCC" and r[4] == "HHA")
    assert hha[6:10] == (50, 37, 0.74, "chưa đạt") and "3/4 quý" in hha[-1]
    snv = next(r for r in rows if r[0] == "BD-CBCC" and r[4] == "SNV")
    assert not snv[-1]


def test_a_row_with_a_long_note_is_as_high_as_its_lines_and_its_numbers_sit_on_the_first(demo):
    """openpyxl does not size rows: without a height, LibreOffice (and Excel) show one line and the note spills over
    the rows below it."""
    wb = load_workbook(demo / "reports" / "27-KH-UBND_2024.xlsx")
    summary = wb["Tổng hợp"]
    notes_col = summary.max_column
    rows = [r for r in summary.iter_rows(min_row=5) if r[notes_col - 1].value]
    assert rows, "the quarterly demo program has notes (Sở Y tế's plan without an actual)"
    for row in rows:
        note = row[notes_col - 1].value
        lines = sum(max(1, -(-len(part) // 60)) for part in note.split("\n"))
        height = summary.row_dimensions[row[0].row].height
        assert (height or 15) >= 15 * min(lines, 27) and (lines == 1 or height > 15), (note, height)
        assert row[notes_col - 1].alignment.wrap_text and row[4].alignment.vertical == "top"
