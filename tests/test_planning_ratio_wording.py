"""A planning ratio is candidates per seat, written in times ('1,2 lần') wherever it shows; a Party program's template
takes the Party's heading.

Found by a user test of a planning program (15-KH/TU): the consolidated workbook formatted 1,15 lần as 115% (and 4
lần as 400%, next to "trên khung"); a planning ratio stated 1.5 in its row read "Tỷ lệ ghi trong báo cáo là 150%,
tính lại được 120%"; the English report said "2 people for 1 seats" and "the norm band is 1 times – 1.5 times";
Word broke "1,15 | lần" in a narrow column; and the template of a Tỉnh ủy program carried the state's motto. Real
workbooks (the program's template, filled and imported), the real consolidated workbook, .docx and template.
"""
from __future__ import annotations

import json

from docx import Document as WordDocument
from openpyxl import load_workbook

from hrplan.importer import import_files
from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET
from rule_workbooks import GOOD, PROGRAM, add_program, declare, findings, submit, workbook

NBSP = "\u00a0"


def _planned(ws, run, tmp_path):
    """Sở Y tế 12 people for 10 seats; Huyện Hòa An 2 people for 1 seat (2 lần, above the band 1,0–1,5)."""
    add_program(ws)
    submit(run, ws, tmp_path, "SYT", "2023-Q2", GOOD)
    submit(run, ws, tmp_path, "HHA", "2023-Q2", {**GOOD, "QH": (1, 2)})


def test_the_consolidated_workbook_writes_a_planning_ratio_in_times_and_an_achievement_in_percent(
        sample_ws, run, tmp_path):
    _planned(sample_ws, run, tmp_path)
    path = tmp_path / "tong_hop.xlsx"
    result = run("report", "-p", PROGRAM, "--period", "2023-Q2", "-f", "xlsx", "-o", path, workspace=sample_ws)
    assert result.exit_code == 0, result.output
    summary = load_workbook(path)["Tổng hợp"]
    rows = {summary.cell(r, 1).value: r for r in range(5, summary.max_row + 1)}
    # The band is D; the province's plan | actual | ratio | status are E..H: 14 for 11 seats.
    ratio = summary.cell(rows["QH"], 7)
    assert (round(ratio.value, 4), ratio.number_format, summary.cell(rows["QH"], 8).value) == (
        round(14 / 11, 4), '0.00" lần"', "trong khung")
    assert summary.cell(rows["BD"], 7).number_format == "0%"
    detail = load_workbook(path).worksheets[1]
    formats = {(detail.cell(r, 1).value, detail.cell(r, 5).value): detail.cell(r, 9).number_format
               for r in range(4, detail.max_row + 1)}
    assert formats[("QH", "HHA")] == '0.00" lần"' and formats[("BD", "HHA")] == "0%"


def test_a_planning_ratio_stated_in_its_row_is_told_in_times(sample_ws, run, tmp_path):
    add_program(sample_ws)
    path = workbook(run, sample_ws, tmp_path, "HHA", "2023-Q2", {**GOOD, "QH": (10, 12)})
    wb = load_workbook(path)
    sheet = wb[MAIN_SHEET]
    row = next(r for r in range(HEADER_ROW + 2, sheet.max_row + 1) if sheet.cell(r, 2).value == "QH")
    sheet.cell(row, 7).value = 1.5  # typed over the formula: 12 / 10 is 1,2
    wb.save(path)
    (imported,) = import_files(sample_ws, [path])
    assert imported.outcome.value == "imported", imported
    (found,) = findings(run, sample_ws, "2023-Q2", "stated_ratio.differs")
    assert found["message"] == "Quy hoạch Ban Chấp hành: tỷ lệ ghi trong báo cáo là 1,5 lần, tính lại được 1,2 lần."
    assert found["location"]["cell"] == f"G{row}"


def test_english_says_one_seat_and_a_band_in_times(sample_ws, run, tmp_path):
    _planned(sample_ws, run, tmp_path)
    result = run("check", "-p", PROGRAM, "--period", "2023-Q2", "-f", "json", workspace=sample_ws, lang="en")
    (band,) = [f for f in json.loads(result.stdout)["findings"]
               if f["code"] == "check.planning_ratio_out_of_band" and f["unit"] == "HHA"]
    assert band["message"] == ("Quy hoạch Ban Chấp hành: 2 people for 1 seat, 2 times; the norm band is 1.0–1.5 times "
                               "(Quy định 377-QĐ/TW).")
    path = tmp_path / "en.json"
    result = run("report", "-p", PROGRAM, "--period", "2023-Q2", "-f", "json", "-o", path, workspace=sample_ws,
                 lang="en")
    assert result.exit_code == 0, result.output
    (row,) = [r for r in json.loads(path.read_text(encoding="utf-8"))["summary"] if r["indicator"] == "QH"]
    assert row["sentence"] == ("Quy hoạch Ban Chấp hành: 14 people for 11 seats, 1.27 times (within band 1.0–1.5 times, "
                               "Quy định 377-QĐ/TW).")


def test_word_keeps_a_ratio_and_its_word_on_one_line(sample_ws, run, tmp_path):
    _planned(sample_ws, run, tmp_path)
    for lang, ratio, band in (("vi", f"1,27{NBSP}lần", f"1,0–1,5{NBSP}lần"), ("en", f"1.27{NBSP}times", f"1.0–1.5{NBSP}times")):
        path = tmp_path / f"{lang}.docx"
        result = run("report", "-p", PROGRAM, "--period", "2023-Q2", "-f", "docx", "-o", path, workspace=sample_ws,
                     lang=lang)
        assert result.exit_code == 0, result.output
        cells = [c.text for t in WordDocument(str(path)).tables for r in t.rows for c in r.cells]
        assert ratio in cells, (lang, [c for c in cells if "1,27" in c or "1.27" in c])
        assert any(c.startswith(band) for c in cells), lang
        assert not any(c.endswith((" lần", " times")) for c in cells), lang


def test_the_template_of_a_party_program_takes_the_party_heading(sample_ws, run, tmp_path):
    add_program(sample_ws)
    path = workbook(run, sample_ws, tmp_path, "HHA", "2023-Q2", GOOD)
    sheet = load_workbook(path)[MAIN_SHEET]
    assert (sheet["D1"].value, sheet["D2"].value) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert (sheet["A1"].value, sheet["A2"].value) == ("TỈNH CAO BẰNG", "HUYỆN HÒA AN")  # Decree 30: the place
    declare(sample_ws, "issuer: Tỉnh ủy Cao Bằng\n")  # a Party body: its reports take the Party's format
    path = submit(run, sample_ws, tmp_path, "SYT", "2023-Q2", GOOD)  # and its template still imports
    sheet = load_workbook(path)[MAIN_SHEET]
    assert (sheet["D1"].value, sheet["D2"].value, sheet["A3"].value) == ("ĐẢNG CỘNG SẢN VIỆT NAM", None, "*")
    # Found on exF: a Huyện ủy's template read "TỈNH LẠNG SƠN / HUYỆN ỦY CAO LỘC / *"; Hướng dẫn 36-HD/VPTW
    # puts the Party organisation it belongs to above it: "ĐẢNG BỘ TỈNH …".
    assert (sheet["A1"].value, sheet["A2"].value) == ("ĐẢNG BỘ TỈNH CAO BẰNG", "SỞ Y TẾ")
    report = tmp_path / "r.docx"
    result = run("report", "-p", PROGRAM, "--period", "2023-Q2", "-f", "docx", "-o", report, workspace=sample_ws)
    assert result.exit_code == 0, result.output
    assert any(c.text.startswith("ĐẢNG CỘNG SẢN VIỆT NAM") for t in WordDocument(str(report)).tables
               for r in t.rows for c in r.cells)


def test_the_templates_ratio_column_says_percent_or_times_over_a_planning_ratio(sample_ws, run, tmp_path):
    # Found on exF: the caption "Tỷ lệ (%)" stood over the planning row's "1,23 lần" (formula F/E).
    add_program(sample_ws)
    path = workbook(run, sample_ws, tmp_path, "HHA", "2023-Q2", {**GOOD, "QH": (10, 12)})
    sheet = load_workbook(path)[MAIN_SHEET]
    assert sheet.cell(HEADER_ROW, 7).value == "Tỷ lệ (% hoặc lần)"
    formats = {sheet.cell(r, 2).value: sheet.cell(r, 7).number_format for r in range(HEADER_ROW + 2, sheet.max_row + 1)
               if sheet.cell(r, 2).value}
    assert formats["QH"] == '0.00" lần"' and formats["BD"] == "0%"
    assert "4. Cột Tỷ lệ (% hoặc lần) tự tính" in load_workbook(path)["Hướng dẫn"]["A7"].value
    (imported,) = import_files(sample_ws, [path])  # the new caption is still read as the ratio column
    assert imported.outcome.value == "imported", imported
    assert not findings(run, sample_ws, "2023-Q2", "stated_ratio.differs")


def test_the_summary_sheet_marks_each_units_figure_and_names_the_band(sample_ws, run, tmp_path):
    # Found on exE/exF: the "Tổng hợp" sheet's one note spoke of the province only (a district lacking a unit showed
    # bare figures), and it never named a planning ratio's band or its regulation, which Word and HTML do.
    _planned(sample_ws, run, tmp_path)
    path = tmp_path / "tong_hop.xlsx"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q2", "-f", "xlsx", "-o", path,
               workspace=sample_ws).exit_code == 0
    summary = load_workbook(path)["Tổng hợp"]
    assert summary.cell(3, 4).value == "Khung"
    rows = {summary.cell(r, 1).value: r for r in range(5, summary.max_row + 1)}
    assert summary.cell(rows["QH"], 4).value == "1,0–1,5 lần (Quy định 377-QĐ/TW)"
    assert summary.print_title_cols == "$A:$D" and summary.col_breaks.brk  # several pages wide, a block whole on each
