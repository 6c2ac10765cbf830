"""The consolidated workbook: opened with openpyxl, it holds the seeds' figures as numbers with formats, a sheet
per period, the findings, frozen headers and a print setup; no cell is a formula, whatever units typed."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from conftest import sample_submissions
from hrplan.importer import import_files
from hrplan.jobs import run_demo
from hrplan.reports import build_report, write_reports
from hrplan.workspace import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return run_demo(tmp_path_factory.mktemp("demo") / "demo").workspace


def pdf_text(xlsx: Path, out: Path, layout: bool = False) -> str:
    """Print a workbook to PDF with headless LibreOffice, as an analyst's office would, and give the PDF's text."""
    tools = {name: shutil.which(name) for name in ("soffice", "pdftotext")}
    if not all(tools.values()):  # .ci/run installs LibreOffice Calc and poppler-utils
        pytest.fail(f"needed: {tools} (Debian: libreoffice-calc-nogui poppler-utils)")
    subprocess.run([tools["soffice"], f"-env:UserInstallation=file://{out / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(xlsx)], check=True, capture_output=True, timeout=180)
    return subprocess.run([tools["pdftotext"], *(["-layout"] if layout else []), str(out / (xlsx.stem + ".pdf")), "-"],
                          check=True, capture_output=True, text=True, timeout=60).stdout


def _summary_cells(summary) -> dict[tuple, object]:
    """Give the summary's figure cells by (indicator, unit's name, column's caption)."""
    units, unit = {}, None
    for col in range(1, summary.max_column + 1):
        unit = summary.cell(3, col).value or unit
        units[col] = unit
    return {(row[0].value, units[cell.column], summary.cell(4, cell.column).value): cell
            for row in summary.iter_rows(min_row=5) if row[0].value for cell in row if summary.cell(4, cell.column).value}


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
    assert row[5].number_format == "0%" and row[4].number_format == "#,##0"  # 117 shows as "117", never "117."
    detail = wb[wb.sheetnames[1]]
    assert detail.freeze_panes == "A4" and detail.auto_filter.ref.startswith("A3:")
    units = {(r[0], r[4]): r for r in _rows(detail)[3:]}
    assert units[("DT-YT", "SYT")][7] == 80  # the corrected resend, not the first version's 75
    assert sum(r[7] for (code, unit), r in units.items() if code == "DT-YT" and unit != "CB") == 117
    b = load_workbook(demo / "reports" / "06-DA-TU_2021_to_2022.xlsx")
    assert {"2021", "2022"} <= set(b.sheetnames)  # a sheet per period inside the review
    year = {r[0]: r for r in _rows(b["2021"])[3:] if r[4] == "BT"}
    assert (year["KHCN-DT"][6], year["KHCN-DT"][7]) == (400, 470)


def test_a_ratio_never_shows_rounded_onto_a_status_it_does_not_have(demo, tmp_path):
    """1.645 of 1.650 (99,697%) showed '100%' beside 'gần đạt', 1.205 of 1.200 '100%' beside 'vượt', and 139 of 200
    '70%' where the report says 'gần 70%': such a ratio keeps a decimal (the cell stays a number), the others none."""
    path = demo / "reports" / "27-KH-UBND_2024.xlsx"
    summary = load_workbook(path)["Tổng hợp"]
    cells = _summary_cells(summary)
    budget = cells[("KP-DTBD", "Tỉnh Cao Bằng", "Tỷ lệ")]
    assert budget.value == pytest.approx(1645 / 1650) and budget.number_format == "0.0%"
    assert cells[("KP-DTBD", "Tỉnh Cao Bằng", "Đánh giá")].value == "gần đạt"
    assert cells[("KP-DTBD", "Sở Nội vụ", "Tỷ lệ")].number_format == "0.0%"  # 100,4%, over plan
    assert cells[("KP-DTBD", "Sở Y tế", "Tỷ lệ")].number_format == "0%"  # 98%: nothing to hide
    assert cells[("BD-CBCC", "Tỉnh Cao Bằng", "Tỷ lệ")].number_format == "0%"  # 107%
    text = " ".join(pdf_text(path, tmp_path).split())
    assert ("99,7%" in text or "99.7%" in text) and ("100,4%" in text or "100.4%" in text), text
    twelve = load_workbook(demo / "reports" / "12-CTr-TU_2016_to_2019-05.xlsx")["Tổng hợp"]
    row = next(r for r in twelve.iter_rows(min_row=5) if r[0].value == "BD-LDQL")
    assert row[5].value == pytest.approx(0.695) and row[5].number_format == "0.0%"  # 69,5%, 'gần 70%' in the report


def test_ratio_format_keeps_off_each_line_with_as_few_decimals_as_it_can():
    from hrplan.reports.xlsx import ratio_format

    lines = (0.9, 1.0, 1.0)
    assert ratio_format("count", "vi", 0.99697, lines) == "0.0%"
    assert ratio_format("count", "vi", 0.99996, lines) == "0.000%"  # 99,996%: '100,0%' would still read as met
    assert ratio_format("count", "vi", 0.8996, lines) == "0.00%"  # 89,96%, not 'gần đạt' at 90,0%
    assert ratio_format("count", "vi", 0.449, lines) == "0%" and ratio_format("count", "vi", 2.853, lines) == "0%"
    assert ratio_format("count", "vi", None, lines) == "0%"
    assert ratio_format("planning_ratio", "vi", 61 / 53, (1.0, 1.5)) == '0.00" lần"'
    assert ratio_format("planning_ratio", "en", 1.5049, (1.0, 1.5)) == '0.000" times"'  # above the band: not 1,50


def test_headings_name_the_period_in_words_in_both_languages(demo, tmp_path):
    """The workbook's titles said '— 2016..2019-05' where the CLI and the Word report say 'Từ 01/01/2016 đến
    31/05/2019'; the English titles of the period sheets gave the code too."""
    vi = load_workbook(demo / "reports" / "12-CTr-TU_2016_to_2019-05.xlsx")
    assert vi["Tổng hợp"]["A1"].value == "TỔNG HỢP 12-CTr/TU — Từ 01/01/2016 đến 31/05/2019"
    assert vi[vi.sheetnames[1]]["A1"].value == "12-CTr/TU — Từ 01/01/2016 đến 31/05/2019"
    path = write_reports(Workspace(demo), "12-CTr/TU", "2016..2019-05", ["xlsx"], lang="en",
                         output=tmp_path / "en.xlsx").paths["xlsx"]
    en = load_workbook(path)
    assert en["Summary"]["A1"].value == "CONSOLIDATED 12-CTr/TU — From 01/01/2016 to 31/05/2019"
    assert en[en.sheetnames[1]]["A1"].value == "12-CTr/TU — From 01/01/2016 to 31/05/2019"
    assert load_workbook(demo / "reports" / "06-DA-TU_2021_to_2022.xlsx")["2021"]["A1"].value == "06-ĐA/TU — Năm 2021"
    assert not any(".." in (ws["A1"].value or "") for ws in en.worksheets)


def test_the_workbook_prints_as_an_office_workbook(demo, tmp_path):
    """Printed (LibreOffice to PDF), the summary split 'Sở Y tế' across two pages, cut its title at each page's edge
    ('(Q3 :') and made every row as tall as the far-right notes; the period's sheet clipped 'Unit of measure'. Now each
    page of the summary carries the whole title and coverage line over the repeated columns and whole unit blocks,
    the notes a page of their own; the period's sheet fits the page's width, its header rows as high as their lines."""
    path = write_reports(Workspace(demo), "27-KH/UBND", "2024", ["xlsx"], lang="en",
                         output=tmp_path / "en.xlsx").paths["xlsx"]
    wb = load_workbook(path)
    summary = wb["Summary"]
    names = [summary.cell(3, c).value for c in range(4, summary.max_column, 4)]
    assert "Sở Y tế" in names and len(names) == 6
    pages = [" ".join(page.split()) for page in pdf_text(path, tmp_path).split("\f") if page.strip()]
    summary_pages = [p for p in pages if p.startswith("CONSOLIDATED")]
    assert len(summary_pages) == 4, summary_pages  # two units a page, then the notes
    head = ("CONSOLIDATED 27-KH/UBND — Year 2024 The figures for 2024 are incomplete: Huyện Hòa An 3/4 quarters "
            "(Q3 2024).")
    assert all(page.startswith(head) for page in summary_pages), summary_pages
    for name in names:  # each unit's block whole on one page, its name over it
        assert sum(name in page[len(head):] for page in summary_pages[:-1]) == 1, name
    assert "Notes" in summary_pages[-1] and "Plan" not in summary_pages[-1]
    assert [b.id for b in summary.col_breaks.brk] == [11, 19, 27]  # after each second block, before the notes
    detail = wb["2024"]
    assert detail.sheet_properties.pageSetUpPr.fitToPage and detail.page_setup.fitToWidth == 1
    assert detail.row_dimensions[3].height >= 30  # 'Unit of measure' on two lines
    year = next(p for p in pages if p.startswith("27-KH/UBND — Year 2024"))
    assert "Unit of" in year and "measure" in year and "person-times" in year


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
    # The province's note, then each unit's own beside it (exE: the one note spoke of the province only). Hòa An's
    # year target (50, no interim rule) cannot be split by quarter: with its Q3 never sent it is not judged (before:
    # 37 of 50, 74% "chưa đạt", the missing quarter's share counted against nothing).
    first, *units_notes = by_code["BD-CBCC"][notes_col].split("\n")
    assert first.startswith(
        "Số liệu chưa đủ kỳ: Huyện Hòa An 3/4 quý (thiếu Quý III/2024). Không tính vào tỷ lệ: Huyện Hòa An (Quý "
        "III/2024) chưa gửi báo cáo, mà KH 50 là của cả kỳ"), first
    # Hòa An's own note says what the province's already says of it: not said a second time under its name (exC:
    # "Ghi chú của Phường Mỹ Lâm: …\nPhường Mỹ Lâm: Ghi chú của Phường Mỹ Lâm: …").
    assert "Huyện Hòa An 3/4 quý" in first and not any("Huyện Hòa An 3/4 quý" in n for n in units_notes), units_notes
    assert "Sở Y tế (Quý IV/2024) có KH 200 nhưng chưa có số thực hiện" in by_code["KP-DTBD"][notes_col]
    detail = wb[wb.sheetnames[1]]
    rows = list(detail.iter_rows(min_row=3, values_only=True))
    assert rows[0][-1] == "Ghi chú"
    hha = next(r for r in rows if r[0] == "BD-CBCC" and r[4] == "HHA")
    assert hha[6:10] == (50, 37, None, None) and "3/4 quý" in hha[-1] and "chưa đánh giá được tỷ lệ" in hha[-1]
    snv = next(r for r in rows if r[0] == "BD-CBCC" and r[4] == "SNV")
    assert not snv[-1]


def test_a_row_with_a_long_note_is_as_high_as_its_lines_and_its_numbers_sit_on_the_first(demo):
    """openpyxl does not size rows: without a height, LibreOffice (and Excel) show one line and the note spills over
    the rows below it."""
    wb = load_workbook(demo / "reports" / "27-KH-UBND_2024.xlsx")
    summary = wb["Tổng hợp"]
    notes_col = summary.max_column
    width = summary.column_dimensions[summary.cell(3, notes_col).column_letter].width
    rows = [r for r in summary.iter_rows(min_row=5) if r[notes_col - 1].value]
    assert rows, "the quarterly demo program has notes (Sở Y tế's plan without an actual)"
    for row in rows:
        note = row[notes_col - 1].value
        lines = sum(max(1, -(-len(part) // width)) for part in note.split("\n"))
        height = summary.row_dimensions[row[0].row].height
        assert (height or 15) >= 15 * min(lines, 27) and (lines == 1 or height > 15), (note, height)
        assert row[notes_col - 1].alignment.wrap_text and row[4].alignment.vertical == "top"


# A year of quarters under two groups, as the tester's 45-KH/UBND: the first group's members are listed out of
# alphabetical order (sorted by name, 'Sở An' would land under the second group), a unit with a long name, and
# Xã Yên, which never sends anything.
TREE_PROGRAM = """
code: Q-01/KH
title: Chương trình thử báo cáo theo quý
period: "2024"
scope: P
reporting: quarter
interim: pro_rata
indicators:
  - {code: DT, name: Cán bộ được đào tạo, name_en: Officials trained, uom: người, accumulation: per_period}
  - {code: KP, name: Kinh phí đào tạo, name_en: Training budget, uom: triệu đồng, accumulation: per_period}
targets:
  - {indicator: DT, unit: X, period: "2024", value: 40}
  - {indicator: DT, unit: A, period: "2024", value: 60}
  - {indicator: DT, unit: B, period: "2024", value: 100}
  - {indicator: DT, unit: Y, period: "2024", value: 20}
reporters: [X, A, B, Y]
"""
TREE_UNITS = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: G1, name: "Khối các sở, ban, ngành và đơn vị sự nghiệp trực thuộc Ủy ban nhân dân tỉnh", parent: P}
  - {code: X, name: Sở Xây dựng, parent: G1}
  - {code: A, name: Sở An, parent: G1}
  - {code: G2, name: "Khối Ủy ban nhân dân các xã, phường thuộc khu vực miền núi phía Bắc tỉnh", parent: P}
  - {code: B, name: "Ủy ban nhân dân xã Bình thuộc vùng đặc biệt khó khăn giai đoạn 2026 - 2030 của tỉnh", parent: G2}
  - {code: Y, name: Xã Yên, parent: G2}
"""


@pytest.fixture(scope="module")
def tree_year(tmp_path_factory):
    """The workspace, its year workbook in Vietnamese and in English."""
    from quarterly import filled_template, make_workspace, send

    ws = make_workspace(tmp_path_factory.mktemp("tree") / "ws", TREE_PROGRAM, TREE_UNITS)
    figures = {("X", "2024-Q1"): (9, 12.5), ("A", "2024-Q1"): (16, 20), ("B", "2024-Q1"): (25, 1720),
               ("X", "2024-Q2"): (11, 30.25), ("A", "2024-Q2"): (14, 40), ("B", "2024-Q2"): (20, 100)}
    paths = [filled_template(ws, unit, period, {"DT": (None, dt), "KP": (None, kp)})
             for (unit, period), (dt, kp) in figures.items()]
    assert [r.outcome.value for r in send(ws, *paths)] == ["imported"] * len(paths)
    vi = write_reports(ws, "Q-01/KH", "2024", ["xlsx"]).paths["xlsx"]
    en = write_reports(ws, "Q-01/KH", "2024", ["xlsx"], lang="en", output=ws.root / "en.xlsx").paths["xlsx"]
    return ws, load_workbook(vi), load_workbook(en)


def _unit_rows(sheet, indicator: str) -> list:
    return [row for row in sheet.iter_rows(min_row=4) if row[0].value == indicator]


def test_every_unit_of_the_tree_has_its_row_under_its_own_group(tree_year):
    """Rows follow the tree, each group followed by its members and indented by depth; Xã Yên, which sent nothing,
    has its row with the plan it had, marked so (before: no row at all, and 'Sở An' sat under the second group)."""
    _, vi, en = tree_year
    rows = _unit_rows(vi["2024"], "DT")
    assert [r[4].value for r in rows] == ["P", "G1", "X", "A", "G2", "B", "Y"]
    assert [r[3].alignment.indent for r in rows] == [0, 1, 2, 2, 1, 2, 2]
    assert [r[3].value for r in rows][2:4] == ["Sở Xây dựng", "Sở An"]  # the name itself, no leading spaces
    yen = rows[-1]
    assert (yen[6].value, yen[7].value, yen[8].value, yen[9].value) == (20, None, None, "Chưa gửi báo cáo")
    assert yen[3].font.italic
    kp_yen = _unit_rows(vi["2024"], "KP")[-1]
    assert (kp_yen[4].value, kp_yen[6].value, kp_yen[9].value) == ("Y", None, "Chưa gửi báo cáo")  # no plan set
    assert _unit_rows(en["2024"], "DT")[-1][9].value == "Sent nothing"
    assert [c.value for c in en["2024"][3]][5] == "Level"


def test_a_year_has_a_sheet_per_quarter_the_units_sent_with_the_quarter_reports_totals(tree_year):
    """An analyst consolidating a year wants the quarters (before: 'Tổng hợp', '2024', 'Vấn đề' only); each sheet's
    figures are those of its own period's report, the one the JSON gives."""
    ws, vi, en = tree_year
    assert vi.sheetnames == ["Tổng hợp", "2024", "2024-Q1", "2024-Q2", "Vấn đề"]
    assert en.sheetnames == ["Summary", "2024", "2024-Q1", "2024-Q2", "Findings"]
    for period in ("2024", "2024-Q1", "2024-Q2"):
        data = build_report(ws, "Q-01/KH", period).data
        expected = {(r["indicator"], r["unit"]): (r["plan"], r["actual"])
                    for r in list(data["summary"]) + list(data["units"])}
        shown = {(r[0].value, r[4].value): (r[6].value, r[7].value) for r in vi[period].iter_rows(min_row=4)}
        assert {k: v for k, v in shown.items() if k in expected} == expected, period  # quarters of .25 sum exactly
        assert set(shown) - set(expected) == {("DT", "Y"), ("KP", "Y")}, period
    q1 = {(r[0].value, r[4].value): r for r in vi["2024-Q1"].iter_rows(min_row=4)}
    assert q1[("DT", "Y")][6].value == 5  # a quarter of the year's 20, pro rata
    assert q1[("KP", "P")][7].value == pytest.approx(1752.5)


def test_whole_numbers_show_no_decimal_separator_and_fractions_keep_theirs(tree_year):
    """'#,##0.##' made Excel show 1720 as '1,720.'; each cell now takes the format of its value."""
    _, vi, _ = tree_year
    formats = {}
    for sheet in vi.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, (int, float)) and not cell.number_format.endswith("%") and cell.column > 6:
                    formats[(sheet.title, cell.coordinate)] = (cell.value, cell.number_format)
    assert formats and all(fmt == ("#,##0" if float(v).is_integer() else "#,##0.0##") for v, fmt in formats.values())
    q1 = {(r[0].value, r[4].value): r for r in vi["2024-Q1"].iter_rows(min_row=4)}
    assert (q1[("KP", "B")][7].value, q1[("KP", "B")][7].number_format) == (1720, "#,##0")
    assert (q1[("KP", "X")][7].value, q1[("KP", "X")][7].number_format) == (12.5, "#,##0.0##")
    summary = {r[0].value: r for r in vi["Tổng hợp"].iter_rows(min_row=5)}
    assert summary["KP"][4].number_format == "#,##0.0##" and summary["DT"][4].number_format == "#,##0"


def test_long_names_wrap_in_rows_as_high_as_their_lines(tree_year):
    """In print a long unit or indicator name was cut at its column, and the summary's group names ran onto the
    'Kế hoạch | Thực hiện' row under them."""
    _, vi, _ = tree_year
    detail = vi["2024"]
    for row in detail.iter_rows(min_row=4):
        assert row[1].alignment.wrap_text and row[3].alignment.wrap_text
    bình = next(r for r in detail.iter_rows(min_row=4) if r[4].value == "B")
    assert len(bình[3].value) > detail.column_dimensions["D"].width
    assert detail.row_dimensions[bình[0].row].height >= 30


def test_the_summarys_group_names_wrap_above_plan_and_actual(tree_year):
    """The group names of the summary's merged header ran onto the 'Kế hoạch | Thực hiện' row under them."""
    _, vi, _ = tree_year
    summary = vi["Tổng hợp"]
    assert summary["H3"].value.startswith("Khối các sở") and summary["H3"].alignment.wrap_text
    assert summary.row_dimensions[3].height >= 30  # two lines of the group's name in its four columns


def test_a_reporter_not_due_for_the_quarter_is_marked_so_not_as_missing(tmp_path):
    """Xã Yên reports yearly: in a quarter's workbook its rows say it is not due, not that it sent nothing."""
    from quarterly import filled_template, make_workspace, send

    program = TREE_PROGRAM.replace("reporting: quarter\n", "reporting: quarter\nunit_reporting: {Y: year}\n")
    ws = make_workspace(tmp_path / "ws", program, TREE_UNITS)
    send(ws, *[filled_template(ws, unit, "2024-Q1", {"DT": (None, 5), "KP": (None, 10)}) for unit in "XAB"])
    wb = load_workbook(write_reports(ws, "Q-01/KH", "2024-Q1", ["xlsx"]).paths["xlsx"])
    assert wb.sheetnames == ["Tổng hợp", "2024-Q1", "Vấn đề"]  # a quarter the units sent whole: no part sheets
    yen = _unit_rows(wb["2024-Q1"], "DT")[-1]
    assert (yen[4].value, yen[7].value, yen[9].value) == ("Y", None, "Chưa đến kỳ (báo cáo hằng năm)")
