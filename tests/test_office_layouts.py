"""Tables offices really keep (issue 13): a district's own wide table read for one program.

Rows the program does not list are skipped and counted; codes match only codes; sub-rows repeated
under each parent are told apart by their path; totals in office wordings are checked, never stored.
The workbooks are built by tests/corpus/build_corpus.py beside the values they must store.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hrplan.importer import Outcome, import_files
from hrplan.workspace import Workspace
from test_messy_workbooks import corpus, figures, import_one, make_workspace, stored  # noqa: F401  (fixture)

DISTRICT_PROGRAM = """\
code: 15-CTr/HU
title: Phát triển nguồn nhân lực huyện Hòa An giai đoạn 2021 - 2025
issuer: Huyện ủy Hòa An
period: 2021-2025
scope: HHA
reporting: year
indicators:
  - {code: LD-VL, section: Lao động việc làm, name: Lao động nông thôn được giải quyết việc làm, uom: người,
     accumulation: per_period}
  - {code: BO, section: Lao động việc làm, name: Đàn bò, uom: con, accumulation: per_period}
  - {code: SDH-H, section: Nguồn nhân lực, name: Cán bộ cấp huyện đào tạo sau đại học,
     aliases: ["Cán bộ cấp huyện › Đào tạo sau đại học"], uom: người}
  - {code: LLCT-H, section: Nguồn nhân lực, name: Cán bộ cấp huyện bồi dưỡng lý luận chính trị,
     aliases: ["Cán bộ cấp huyện › Bồi dưỡng lý luận chính trị"], uom: người}
  - {code: SDH-X, section: Nguồn nhân lực, name: Cán bộ cấp xã đào tạo sau đại học,
     aliases: ["Cán bộ cấp xã › Đào tạo sau đại học"], uom: người}
  - {code: LLCT-X, section: Nguồn nhân lực, name: Cán bộ cấp xã bồi dưỡng lý luận chính trị,
     aliases: ["Cán bộ cấp xã > Bồi dưỡng lý luận chính trị"], uom: người}
layouts:
  - files: "^declared_layout"
    sheet: Phụ lục 02
    header_row: 6
    label_column: B
    uom_column: C
    captions:
      plan: ["Dự toán được giao", dtgiao]
      actual: ["Đã thực hiện", tien_bhtt]
    parameters: {unit: "Địa bàn", period: "Năm"}
"""
CROP_PROGRAM = """\
code: 16-CTr/HU
title: Phát triển sản xuất nông nghiệp huyện Hòa An giai đoạn 2021 - 2025
period: 2021-2025
scope: HHA
reporting: year
indicators:
  - {code: SL-LUA, name: Sản lượng lúa, aliases: ["Sản lượng › Lúa"], uom: tấn, accumulation: per_period}
  - {code: GT-LUA, name: Giá trị sản xuất lúa, aliases: ["Giá trị sản xuất › Lúa"], uom: triệu đồng,
     accumulation: per_period}
"""
COMMUNES = """\
  # --- communes of Huyện Hòa An (issue 13's district tables) ---
  - {code: XHV, name: Xã Hồng Việt, parent: HHA, kind: xã, aliases: [Hồng Việt]}
  - {code: XBL, name: Xã Bình Long, parent: HHA, kind: xã, aliases: [Bình Long]}
  - {code: XDL, name: Xã Đức Long, parent: HHA, kind: xã, aliases: [Đức Long]}
  - {code: XNT, name: Xã Nam Tuấn, parent: HHA, kind: xã, aliases: [Nam Tuấn]}
"""
DISTRICT = "15-CTr/HU"
ANNEX = figures(LD_VL=(130, 118), BO=(310, 305))


def district_workspace(root: Path) -> Workspace:
    ws = make_workspace(root)
    (root / "programs" / "15-CTr-HU.yaml").write_text(DISTRICT_PROGRAM, encoding="utf-8")
    (root / "programs" / "16-CTr-HU.yaml").write_text(CROP_PROGRAM, encoding="utf-8")
    units = root / "units.yaml"
    text = units.read_text(encoding="utf-8")
    assert "  # --- Nghệ An" in text
    units.write_text(text.replace("  # --- Nghệ An", COMMUNES + "  # --- Nghệ An", 1), encoding="utf-8")
    return Workspace(root)


@pytest.fixture
def dws(tmp_path: Path) -> Workspace:
    return district_workspace(tmp_path / "ws")


def test_wide_table_reads_only_the_program_rows(dws: Workspace, corpus: Path) -> None:
    result = import_one(dws, corpus / "program_rows_only.xlsx")
    assert [p.code for p in result.problems] == []
    assert (result.outcome, result.program, result.unit, result.period) == (Outcome.IMPORTED, DISTRICT, "HHA", "2022")
    # Sub-rows '- Đào tạo sau đại học' under each level are told apart by their parent row.
    assert stored(dws, result.submission_id) == figures(LD_VL=(122, 120), BO=(302, 300), SDH_H=(5, 3),
                                                        LLCT_H=(6, 4), SDH_X=(8, 6), LLCT_X=(9, 7))
    [skipped] = [n for n in result.notes if n.code == "rows.not_in_program"]
    assert skipped.params["count"] == 14
    assert skipped.message("vi") == "14 dòng không thuộc chương trình 15-CTr/HU, bỏ qua."
    with dws.open_store() as store:
        cells = {(v.indicator, v.measure): v.cell for v in store.values(result.submission_id)}
    # 'Bơ' (avocado, row 24) is not the code BO: 'Đàn bò' (row 25) is.
    assert cells[("BO", "actual")] == "F25"


def test_row_resembling_an_indicator_warns_naming_both(dws: Workspace, corpus: Path) -> None:
    result = import_one(dws, corpus / "row_resembles_indicator.xlsx")
    assert result.outcome is Outcome.IMPORTED
    warned = {p.code: p for p in result.problems}
    assert set(warned) == {"row.resembles_indicator", "indicator.missing"}
    resembles = warned["row.resembles_indicator"]
    assert resembles.location.cell == "B31"
    assert resembles.params == {"found": "Lao động nông thôn được giải quyết việc làm mới",
                                "indicator": "LD-VL (Lao động nông thôn được giải quyết việc làm)"}
    assert warned["indicator.missing"].params["indicators"] == "LD-VL"
    assert ("LD-VL", "actual") not in stored(dws, result.submission_id)


def test_codes_match_only_codes_exactly(dws: Workspace) -> None:
    from hrplan.reading.rows import Hierarchy, IndicatorMatcher

    matcher = IndicatorMatcher(dws.programs[DISTRICT])
    row = Hierarchy().place(1, "3", "Bơ")
    assert matcher.match("", "Bơ", row) is None
    assert matcher.match("bo", "", row) == "BO"  # a code cell, case aside
    assert matcher.match("BÒ", "", row) is None  # diacritics are not folded for codes
    assert matcher.match("", "Đàn bò", row) == "BO"


def test_office_total_wordings_are_checked_not_stored(dws: Workspace, corpus: Path) -> None:
    result = import_one(dws, corpus / "office_total_wordings.xlsx")
    assert (result.outcome, result.unit, result.period) == (Outcome.IMPORTED, "HHA", "2023-Q2")
    assert stored(dws, result.submission_id) == figures(LC_TONG=(90, 80), LC_HUYEN=(70, 64), LC_XA=(20, 16),
                                                        BD_NGUON=(10, 12))
    # 'Tổng số (I+II)', 'Cộng mục I' and 'Cộng I+II' add up; 'Cộng mục II' says 15 where its row says 12.
    assert [(p.code, p.location.cell, p.params) for p in result.problems] == [
        ("table.total_mismatch", "E18", {"found": "15", "found_vi": "15", "expected": "12", "expected_vi": "12"})]


def test_wide_table_total_is_checked_against_its_section(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    changed = tmp_path / "total_wrong.xlsx"
    book = openpyxl.load_workbook(corpus / "program_rows_only.xlsx")
    sheet = book.active
    [row] = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "Cộng mục E"]
    sheet.cell(row, 6).value = 21  # the four rows of section E add up to 20
    book.save(changed)
    result = import_one(dws, changed)
    assert [(p.code, p.location.cell, p.params) for p in result.problems] == [
        ("table.total_mismatch", f"F{row}", {"found": "21", "found_vi": "21", "expected": "20", "expected_vi": "20"})]


# -- one block of columns per commune: many submissions from one sheet --------------------------------------
def commune(k: int) -> dict:
    """The figures commune k reports in district_blocks_per_commune.xlsx (its 2022 columns only)."""
    return figures(LD_VL=(122 + k, 120 + k), BO=(302 + 10 * k, 300 + 10 * k), SDH_H=(5 + k, 3 + k),
                   LLCT_H=(6 + k, 4 + k), SDH_X=(8 + k, 6 + k), LLCT_X=(9 + k, 7 + k))


COMMUNES_READ = {"XHV": commune(1), "XBL": commune(2), "XDL": commune(3), "XNT": commune(4)}


def _store_table(ws: Workspace) -> list[tuple]:
    with ws.open_store() as store:
        return sorted((s.unit, s.period, s.superseded_by, v.indicator, v.measure, v.value, v.cell)
                      for s in store.submissions(include_superseded=True) for v in store.values(s.id))


def test_district_table_with_a_block_per_commune_gives_one_submission_each(dws: Workspace, corpus: Path) -> None:
    import openpyxl

    sheet = openpyxl.load_workbook(corpus / "district_blocks_per_commune.xlsx").active
    labels = [sheet.cell(r, 2).value for r in range(11, sheet.max_row + 1)]
    assert labels.index("Nơi nhận:") - 1 >= 200  # a district table as offices keep it: over 200 rows
    result = import_one(dws, corpus / "district_blocks_per_commune.xlsx")
    assert result.outcome is Outcome.IMPORTED and errors_of(result) == []
    assert [(p.unit, p.period, p.outcome) for p in result.parts] == [
        (unit, "2022", Outcome.IMPORTED) for unit in COMMUNES_READ]
    assert {p.unit: stored(dws, p.submission_id) for p in result.parts} == COMMUNES_READ
    # Each commune's figures come from its own block: Xã Bình Long's TH 2022 is column L ('Toàn huyện' is D-F).
    with dws.open_store() as store:
        cells = {(v.indicator, v.measure): v.cell for v in store.values(result.parts[1].submission_id)}
    assert cells[("BO", "actual")][0] == "L" and cells[("BO", "plan")][0] == "K"
    assert [n.params["block"] for n in result.notes if n.code == "block.total_skipped"] == ["Toàn huyện"]


def test_the_reader_hands_over_each_parts_content_hash(dws: Workspace, corpus: Path) -> None:
    """The worker that reads a file notes what each part says as its content hash (the one process that writes
    the store then need not compute it): the same hash the figures give, one per commune's block."""
    from hrplan.reading import ReadContext, read_files

    cfg = dws.config
    ctx = ReadContext(programs=dws.programs, units=dws.units, limits=cfg.read_limits, layouts=cfg.layouts,
                      filename_pattern=cfg.filename_pattern)
    [read] = read_files([corpus / "district_blocks_per_commune.xlsx"], ctx, workers=1)
    parts = read.parsed.parts
    assert [p.unit for p in parts] == list(COMMUNES_READ)
    assert all(p.sealed is not None and p.sealed == p.content_hash() for p in parts)
    assert len({p.sealed for p in parts}) == len(parts)


def test_second_import_of_the_district_table_changes_nothing(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    import_one(dws, corpus / "district_blocks_per_commune.xlsx")
    before = _store_table(dws)
    again = import_one(dws, corpus / "district_blocks_per_commune.xlsx")
    resaved = tmp_path / "district_resaved.xlsx"  # other bytes, the same figures
    openpyxl.load_workbook(corpus / "district_blocks_per_commune.xlsx").save(resaved)
    third = import_one(dws, resaved)
    assert again.outcome is Outcome.UNCHANGED
    assert third.outcome is Outcome.UNCHANGED and {p.outcome for p in third.parts} == {Outcome.UNCHANGED}
    assert _store_table(dws) == before


def test_a_block_naming_no_unit_refuses_the_whole_file(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "district_blocks_per_commune.xlsx")
    book.active["M9"] = "Xã Không Có"  # instead of Xã Đức Long (M9:O9)
    changed = tmp_path / "unknown_commune.xlsx"
    book.save(changed)
    result = import_one(dws, changed)
    assert result.outcome is Outcome.REJECTED
    assert [(p.code, p.location.cell, p.params) for p in result.problems] == [
        ("block.unit_not_found", "M9", {"block": "Xã Không Có"})]
    with dws.open_store() as store:  # the three good blocks are not stored either: all or nothing per file
        assert store.counts() == {"current": 0, "superseded": 0, "values": 0}


def errors_of(result) -> list:
    return [p.code for p in result.problems if p.is_error] + [p.code for part in result.parts
                                                              for p in part.problems if p.is_error]


# -- declared layouts ------------------------------------------------------------------------------------
def test_program_declared_layout_reads_what_detection_cannot(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    result = import_one(dws, corpus / "declared_layout_budget_annex.xlsx")
    assert [p.code for p in result.problems] == []
    assert (result.outcome, result.program, result.unit, result.period) == (Outcome.IMPORTED, DISTRICT, "XHV", "2022")
    assert stored(dws, result.submission_id) == ANNEX
    [said] = [n for n in result.notes if n.code == "layout.declared"]
    assert said.params == {"source": DISTRICT, "sheet": "Phụ lục 02", "row": 6}
    # Under another name the program's layout does not apply, and nothing guesses in its place.
    other = tmp_path / "annex.xlsx"
    other.write_bytes((corpus / "declared_layout_budget_annex.xlsx").read_bytes())
    refused = import_one(district_workspace(tmp_path / "other"), other)
    assert [p.code for p in refused.problems] == ["table.not_found"]


def test_workspace_declared_layout_by_file_name_beats_detection(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    config = dws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + (
        "layouts:\n"
        "  - files: '^HHA_tong_hop'\n"
        "    header_row: 10\n"
        "    header_rows: 2\n"
        "    label_column: B\n"
        "    captions: {ignore: [TH 2021]}\n"), encoding="utf-8")
    ws = Workspace(dws.root)
    copy = tmp_path / "HHA_tong_hop_2022.xlsx"
    copy.write_bytes((corpus / "district_blocks_per_commune.xlsx").read_bytes())
    # Declared: the header starts on row 10 (where detection would take row 9), one line below the real one.
    result = import_one(ws, copy)
    [said] = [n for n in result.notes if n.code == "layout.declared"]
    assert said.params["source"] == "hrplan.yaml" and said.params["row"] == 10
    assert result.outcome is Outcome.REJECTED


def test_cli_import_table_says_the_layout_was_declared(dws: Workspace, corpus: Path, run) -> None:
    out = run("import", corpus / "declared_layout_budget_annex.xlsx", workspace=dws, lang="en")
    assert out.exit_code == 0, out.stdout
    assert "layout declared in 15-CTr/HU" in out.stdout
    detected = run("import", corpus / "wrong_year_columns.xlsx", workspace=dws, lang="en")
    assert "layout detected" in detected.stdout


# -- what a title really says; files that are not submissions ---------------------------------------------
def test_joint_title_is_settled_by_the_file_name_only(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    by_name = import_one(dws, corpus / "HHA_2022_joint_title.xlsx")
    assert (by_name.outcome, by_name.unit) == (Outcome.IMPORTED, "HHA")
    renamed = tmp_path / "joint_title.xlsx"
    renamed.write_bytes((corpus / "HHA_2022_joint_title.xlsx").read_bytes())
    refused = import_one(district_workspace(tmp_path / "other"), renamed)
    assert [(p.code, p.params) for p in refused.problems] == [("submission.ambiguous_unit", {"candidates": "HHA, HTK"})]


def test_addressee_and_legal_basis_lines_never_name_the_sender(dws: Workspace, corpus: Path) -> None:
    result = import_one(dws, corpus / "addressee_and_legal_basis.xlsx")
    assert (result.outcome, result.unit) == (Outcome.IMPORTED, "HHA")  # not SNV (Kính gửi) nor SYT (Căn cứ)


@pytest.mark.parametrize("name, reason", [
    ("list_of_people.xlsx", ("table.list_of_people", "B4", "Họ và tên")),
    ("payroll_not_a_submission.xlsx", ("table.list_of_people", "B4", "Họ và tên")),
    ("template_placeholders.xlsx", ("file.template_placeholders", "D10", "<#KH_1>")),
])
def test_refusal_names_what_the_file_is(dws: Workspace, corpus: Path, name: str, reason: tuple) -> None:
    result = import_one(dws, corpus / name)
    assert result.outcome is Outcome.REJECTED
    said = [(p.code, p.location.cell, p.params["found"]) for p in result.problems if p.code == reason[0]]
    assert said == [reason]
    assert reason[2] in result.problems[-1].message("vi")


def test_plain_formulas_without_results_are_calculated_others_refused(dws: Workspace, corpus: Path) -> None:
    result = import_one(dws, corpus / "formula_without_cached_value.xlsx")
    assert result.outcome is Outcome.IMPORTED
    [note] = [n for n in result.notes if n.code == "value.formula_calculated"]
    assert (note.location.cell, note.params["cells"]) == ("E11", "E11, F11")
    with dws.open_store() as store:
        raw = {(v.indicator, v.measure): (v.value, v.cell) for v in store.values(result.submission_id)}
    assert raw[("LC-TONG", "actual")] == (80, "E11")  # =E12+E13: 64 + 16
    refused = import_one(dws, corpus / "formula_not_plain.xlsx")
    assert [(p.code, p.location.cell) for p in refused.problems] == [("value.formula_no_value", "E11")]


def test_formula_grammar_is_references_arithmetic_and_sum_only() -> None:
    from hrplan.reading.formulas import calculate_formulas
    from hrplan.workbooks import RawSheet

    grid = [["", 10, "1.297", "", "", "", ""]]
    sheet = RawSheet("S", True, grid, formulas_without_value={
        (0, 3): "=SUM(B1:C1)", (0, 4): "=$D$1*2-(B1/4)", (0, 5): "=F1+1", (0, 6): "=ROUND(B1,0)"})
    assert calculate_formulas(sheet) == ["D1", "E1"]
    assert grid[0][3:5] == [1307, 2611.5]
    assert set(sheet.formulas_without_value) == {(0, 5), (0, 6)}  # circular; not arithmetic: left to be refused


def test_value_blocks_of_different_kinds_are_read_by_path(dws: Workspace, corpus: Path) -> None:
    result = import_one(dws, corpus / "value_blocks_by_kind.xlsx")
    assert result.problems == []
    assert [n.params["count"] for n in result.notes if n.code == "rows.not_in_program"] == [3]  # once, not per block
    assert (result.outcome, result.program, result.unit, result.period) == (Outcome.IMPORTED, "16-CTr/HU", "HHA", "2022")
    assert stored(dws, result.submission_id) == figures(SL_LUA=(6500, 6600), GT_LUA=(52000, 54120))
    with dws.open_store() as store:
        cells = {(v.indicator, v.measure): v.cell for v in store.values(result.submission_id)}
    assert (cells[("SL-LUA", "actual")], cells[("GT-LUA", "actual")]) == ("D11", "F11")


# -- captions built by formulas (="TH "&$J$1) in files never calculated ------------------------------------
def test_formula_built_captions_are_evaluated_from_their_year_cell(dws: Workspace, corpus: Path) -> None:
    import openpyxl

    sheet = openpyxl.load_workbook(corpus / "formula_built_captions.xlsx").active
    assert sheet["F9"].value == '="TH "&$J$1'  # what the file holds: a formula, no stored caption
    result = import_one(dws, corpus / "formula_built_captions.xlsx")
    assert (result.outcome, result.period) == (Outcome.IMPORTED, "2022")
    with dws.open_store() as store:
        cells = {(v.indicator, v.measure): (v.value, v.cell) for v in store.values(result.submission_id)}
    # ="TH "&$J$1 is 'TH 2022' (F), not ="TH "&($J$1-1) (D); =CONCATENATE("KH năm ",$J$1) is the plan (E).
    assert cells[("LC-TONG", "actual")] == (80, "F10") and cells[("LC-TONG", "plan")] == (90, "E10")
    [context] = [n for n in result.notes if n.code == "columns.context"]
    assert "D9 'TH 2021'" in context.params["columns"] and "G9 'KH 2023'" in context.params["columns"]


def test_a_caption_formula_that_cannot_be_calculated_refuses_at_its_cell(dws: Workspace, corpus: Path,
                                                                          tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "formula_built_captions.xlsx")
    book.active["F9"] = '="TH "&YEAR(TODAY())'  # a function the reader does not calculate
    changed = tmp_path / "caption_not_plain.xlsx"
    book.save(changed)
    result = import_one(dws, changed)
    assert result.outcome is Outcome.REJECTED
    assert [(p.code, p.location.cell, p.params) for p in result.problems] == [
        ("caption.formula_no_value", "F9", {"found": '="TH "&YEAR(TODAY())'})]
    assert "Open the file in Excel" in result.problems[0].message("en")
    with dws.open_store() as store:
        assert store.counts() == {"current": 0, "superseded": 0, "values": 0}


def test_formula_grammar_joins_text_with_excel_precedence() -> None:
    from hrplan.reading.formulas import calculate_formulas
    from hrplan.workbooks import RawSheet

    grid = [[2022, "", "", "", "", "", ""]]
    sheet = RawSheet("S", True, grid, formulas_without_value={
        (0, 1): '="TH "&$A$1', (0, 2): '=CONCATENATE("KH năm ";A1)', (0, 3): '="KH "&$A$1+1',
        (0, 4): "=\"TH \"&'Tham số'!B2", (0, 5): '=CONCAT("ƯTH ",A1-1)', (0, 6): '="TH "&"x"+1'})
    params = RawSheet("Tham số", True, [["", ""], ["Năm", 2021]])
    assert calculate_formulas(sheet, [sheet, params]) == ["B1", "C1", "D1", "E1", "F1"]
    assert grid[0][1:6] == ["TH 2022", "KH năm 2022", "KH 2023", "TH 2021", "ƯTH 2021"]
    assert set(sheet.formulas_without_value) == {(0, 6)}  # arithmetic on words: left to be refused


# -- "Loại số liệu: TH Năm": what the figures are, said once above the table ----------------------------------
COMMUNE_1 = figures(LD_VL=(None, 121), BO=(None, 310), SDH_H=(None, 4), LLCT_H=(None, 5), SDH_X=(None, 7),
                    LLCT_X=(None, 8))


@pytest.mark.parametrize("name", ["data_kind_line.xlsx", "data_kind_line.ods"])
def test_data_kind_line_gives_the_role_of_a_generic_column(dws: Workspace, corpus: Path, name: str) -> None:
    result = import_one(dws, corpus / name)
    assert errors_of(result) == []
    assert (result.outcome, result.program, result.unit, result.period) == (Outcome.IMPORTED, DISTRICT, "XHV", "2022")
    assert stored(dws, result.submission_id) == COMMUNE_1  # 'Số liệu' read as the actual, as the line says
    [said] = [n for n in result.notes if n.code == "data_kind.read"]
    assert (said.location.cell, said.params["kind"], said.params["columns"]) == ("B4", "TH Năm", "D7 'Số liệu'")
    assert said.message("vi").startswith("Dòng loại số liệu 'TH Năm' đã được đọc: số liệu là số thực hiện, kỳ 2022")


def _with_kind(corpus: Path, tmp_path: Path, kind: str, period: str | None = None) -> Path:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "data_kind_line.xlsx")
    book.active["B4"] = kind
    if period:
        book.active["A5"], book.active["B5"] = "Kỳ báo cáo:", period
    out = tmp_path / "data_kind_changed.xlsx"
    book.save(out)
    return out


def test_data_kind_line_decides_the_measure_and_the_span(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    estimate = import_one(dws, _with_kind(corpus, tmp_path, "ƯTH Năm"))
    assert estimate.outcome is Outcome.IMPORTED
    assert stored(dws, estimate.submission_id) == {(code, "estimate"): v for (code, _), v in COMMUNE_1.items()}
    half = import_one(district_workspace(tmp_path / "h"), _with_kind(corpus, tmp_path, "TH 6 tháng đầu năm"))
    assert (half.outcome, half.period) == (Outcome.IMPORTED, "2022-H1")  # 'Năm: 2022' refined by the line


def test_data_kind_line_contradicting_the_title_refuses_at_its_cell(dws: Workspace, corpus: Path,
                                                                   tmp_path: Path) -> None:
    result = import_one(dws, _with_kind(corpus, tmp_path, "TH Năm", period="6 tháng đầu năm 2022"))
    assert result.outcome is Outcome.REJECTED
    [(code, cell, params)] = [(p.code, p.location.cell, p.params) for p in result.problems if p.is_error]
    assert (code, cell, params) == ("data_kind.period_differs", "B4",
                                    {"kind": "TH Năm", "kind_period": "2022", "period": "2022-H1"})
    assert "Make the data-kind line and the reporting period agree" in result.problems[0].message("en")


def test_data_kind_line_not_understood_is_said(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    result = import_one(dws, _with_kind(corpus, tmp_path, "Chính thức"))
    assert result.outcome is Outcome.REJECTED  # no column says what the figures are
    assert ("data_kind.not_understood", "B4", {"found": "Chính thức"}) in [
        (p.code, p.location.cell, p.params) for p in result.problems]


# -- one row per unit, the figures in named columns --------------------------------------------------------------
def per_row(k: int, plan: bool = False) -> dict:
    """What commune k reports in the per-row summaries: actuals (and in the two-row one, plans 3 and 5 above)."""
    ld, bo = 120 + k, 300 + 10 * k
    if plan:
        return figures(LD_VL=(ld + 3, ld), BO=(bo + 5, bo))
    return figures(LD_VL=(None, ld), BO=(None, bo), SDH_X=(None, 6 + k), LLCT_X=(None, 7 + k))


def test_one_row_per_unit_gives_one_submission_per_unit(dws: Workspace, corpus: Path) -> None:
    result = import_one(dws, corpus / "unit_per_row_summary.xlsx")
    assert result.outcome is Outcome.IMPORTED and errors_of(result) == [] and result.problems == []
    assert [(p.unit, p.period, p.outcome) for p in result.parts] == [
        (unit, "2022", Outcome.IMPORTED) for unit in ("XHV", "XBL", "XDL")]
    assert {p.unit: stored(dws, p.submission_id) for p in result.parts} == {
        "XHV": per_row(1), "XBL": per_row(2), "XDL": per_row(3)}
    with dws.open_store() as store:  # every value traceable to its cell: Xã Bình Long is row 11
        cells = {(v.indicator, v.measure): v.cell for v in store.values(result.parts[1].submission_id)}
    assert cells == {("LD-VL", "actual"): "C11", ("BO", "actual"): "D11", ("SDH-X", "actual"): "F11",
                     ("LLCT-X", "actual"): "G11"}
    notes = {n.code: n for n in result.notes}
    assert notes["unit_rows.columns_not_in_program"].params["columns"] == "E9 'Trồng rừng mới (ha)'"
    assert notes["unit_rows.no_figures"].params["units"] == "Xã Nam Tuấn (B13)"
    assert notes["data_kind.read"].params["kind"] == "TH Năm"


def test_one_row_per_unit_reads_the_period_columns_under_each_indicator(dws: Workspace, corpus: Path) -> None:
    result = import_one(dws, corpus / "unit_per_row_plan_actual.xls")
    assert result.outcome is Outcome.IMPORTED and errors_of(result) == []
    assert {p.unit: stored(dws, p.submission_id) for p in result.parts} == {
        unit: per_row(k, plan=True) for k, unit in enumerate(("XHV", "XBL", "XDL", "XNT"), start=1)}
    with dws.open_store() as store:
        cells = {(v.indicator, v.measure): v.cell for v in store.values(result.parts[0].submission_id)}
    assert cells == {("LD-VL", "plan"): "D11", ("LD-VL", "actual"): "E11", ("BO", "plan"): "G11",
                     ("BO", "actual"): "H11"}
    [context] = [n for n in result.notes if n.code == "columns.context"]
    assert "C9 'Lao động nông thôn được giải quyết việc làm TH 2021'" in context.params["columns"]
    again = import_one(dws, corpus / "unit_per_row_plan_actual.xls")
    assert again.outcome is Outcome.UNCHANGED


def test_one_row_per_unit_is_all_or_nothing(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "unit_per_row_summary.xlsx")
    book.active["B12"] = "Xã Không Có"  # instead of Xã Đức Long
    book.active["C14"] = 999  # and the total of the first column no longer adds up
    changed = tmp_path / "per_row_unknown_unit.xlsx"
    book.save(changed)
    result = import_one(dws, changed)
    assert result.outcome is Outcome.REJECTED
    assert [(p.code, p.location.cell, p.params) for p in result.problems if p.is_error] == [
        ("unit_rows.unit_not_found", "B12", {"found": "Xã Không Có"})]
    assert "no row of the file is stored" in result.problems[0].message("en")
    with dws.open_store() as store:
        assert store.counts() == {"current": 0, "superseded": 0, "values": 0}


def test_one_row_per_unit_total_is_checked_not_stored(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "unit_per_row_summary.xlsx")
    book.active["D14"] = 961  # the communes add up to 960
    changed = tmp_path / "per_row_total.xlsx"
    book.save(changed)
    result = import_one(dws, changed)
    assert result.outcome is Outcome.IMPORTED
    assert [(p.code, p.location.cell, p.params) for p in result.problems] == [
        ("table.total_mismatch", "D14", {"found": "961", "found_vi": "961", "expected": "960", "expected_vi": "960"})]


def test_one_row_per_unit_without_a_data_kind_refuses_naming_the_column(dws: Workspace, corpus: Path,
                                                                       tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "unit_per_row_summary.xlsx")
    book.active["A8"] = None  # no 'Loại số liệu' line: nothing says what the figures are
    changed = tmp_path / "per_row_no_kind.xlsx"
    book.save(changed)
    result = import_one(dws, changed)
    assert result.outcome is Outcome.REJECTED
    assert [(p.code, p.location.cell) for p in result.problems] == [
        ("unit_rows.role_unknown", c) for c in ("C9", "D9", "F9", "G9")]
    assert "Loại số liệu: TH Năm" in result.problems[0].message("en")


def test_declared_per_row_layout_reads_what_detection_cannot(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "unit_per_row_summary.xlsx")
    book.active["B9"] = "ten_dv"  # an app's machine caption for the unit column: detection cannot be sure
    changed = tmp_path / "HHA_theo_xa_2022.xlsx"
    book.save(changed)
    assert [p.code for p in import_one(dws, changed).problems] == ["table.not_found"]
    config = dws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + (
        "layouts:\n"
        "  - files: '^HHA_theo_xa'\n"
        "    units: per_row\n"
        "    header_row: 9\n"
        "    label_column: B\n"), encoding="utf-8")
    result = import_one(Workspace(dws.root), changed)
    assert result.outcome is Outcome.IMPORTED and errors_of(result) == []
    assert {p.unit: stored(dws, p.submission_id) for p in result.parts} == {
        "XHV": per_row(1), "XBL": per_row(2), "XDL": per_row(3)}
    [said] = [n for n in result.notes if n.code == "layout.declared"]
    assert said.params == {"source": "hrplan.yaml", "sheet": "Tổng hợp theo xã", "row": 9}


def test_declared_data_kind_key(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "unit_per_row_summary.xlsx")
    book.active["A8"] = "Kiểu số liệu: ƯTH Năm"  # an app's own wording for the data-kind line
    changed = tmp_path / "HHA_uoc_2022.xlsx"
    book.save(changed)
    config = dws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + (
        "layouts:\n"
        "  - files: '^HHA_uoc'\n"
        "    units: per_row\n"
        "    header_row: 9\n"
        "    label_column: B\n"
        "    parameters: {kind: Kiểu số liệu}\n"), encoding="utf-8")
    result = import_one(Workspace(dws.root), changed)
    assert result.outcome is Outcome.IMPORTED and errors_of(result) == []
    assert stored(dws, result.parts[0].submission_id) == {(c, "estimate"): v for (c, _), v in per_row(1).items()}
    [said] = [n for n in result.notes if n.code == "layout.declared"]
    assert said.params == {"source": "hrplan.yaml", "sheet": "Tổng hợp theo xã", "row": 9}


def test_declared_per_block_takes_every_block_for_a_unit(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    copy = tmp_path / "HHA_khoi_2022.xlsx"
    copy.write_bytes((corpus / "value_blocks_by_kind.xlsx").read_bytes())
    assert import_one(dws, copy).outcome is Outcome.IMPORTED  # detected: blocks of kinds of figures
    other = district_workspace(tmp_path / "declared")
    config = other.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + (
        "layouts:\n"
        "  - files: '^HHA_khoi'\n"
        "    units: per_block\n"
        "    header_row: 9\n"
        "    header_rows: 2\n"
        "    label_column: B\n"), encoding="utf-8")
    result = import_one(Workspace(other.root), copy)
    # Declared one block per unit: 'SẢN LƯỢNG (tấn)' must then name a unit, and it does not.
    assert [(p.code, p.location.cell) for p in result.problems] == [
        ("block.unit_not_found", "C9"), ("block.unit_not_found", "E9")]


def test_a_row_naming_the_parent_unit_is_their_total(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "unit_per_row_summary.xlsx")
    book.active["B14"] = "Huyện Hòa An"  # the district's own row instead of 'Tổng cộng' (366 | 960 | ...)
    book.active["D14"] = 950  # the communes' herds add up to 960
    changed = tmp_path / "per_row_parent_total.xlsx"
    book.save(changed)
    result = import_one(dws, changed)
    assert result.outcome is Outcome.IMPORTED
    assert [p.unit for p in result.parts] == ["XHV", "XBL", "XDL"]  # HHA not stored beside its communes
    assert [(p.code, p.location.cell, p.params) for p in result.problems] == [
        ("table.total_mismatch", "D14", {"found": "950", "found_vi": "950", "expected": "960", "expected_vi": "960"})]
    assert [(n.location.cell, n.params) for n in result.notes if n.code == "unit_rows.parent_total"] == [
        ("B14", {"unit": "HHA"})]


def test_a_list_of_people_with_their_commune_is_not_a_table_per_unit(dws: Workspace, tmp_path: Path) -> None:
    from test_messy_workbooks import _builder

    build = _builder()
    rows = [["UBND HUYỆN HÒA AN"], ["DANH SÁCH CÁN BỘ ĐI HỌC NĂM 2022"], [],
            ["STT", "Họ và tên", "Đơn vị", "Đàn bò"],  # even a column named like an indicator
            [1, "Nông Văn Bình", "Xã Hồng Việt", 1], [2, "Hoàng Thị Lan", "Xã Bình Long", 2],
            [3, "Lương Văn Tú", "Xã Đức Long", 3]]
    path = build.write(tmp_path / "danh_sach.xlsx", [build.Sheet("DS", rows)])
    result = import_one(dws, path)
    assert [(p.code, p.location.cell) for p in result.problems] == [("table.not_found", None),
                                                                   ("table.list_of_people", "B4")]


def test_one_row_per_unit_with_unit_option_reads_that_row_only(dws: Workspace, corpus: Path) -> None:
    result = import_one(dws, corpus / "unit_per_row_summary.xlsx", unit="XBL")
    assert result.outcome is Outcome.IMPORTED
    assert {p.unit: stored(dws, p.submission_id) for p in result.parts} == {"XBL": per_row(2)}


def test_sheets_are_read_in_order_whatever_their_kind_of_table(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "program_rows_only.xlsx")  # the district's own table, first
    summary = openpyxl.load_workbook(corpus / "unit_per_row_summary.xlsx").active
    second = book.create_sheet("Theo xã")  # and its communes' summary after it
    for row in summary.iter_rows():
        for cell in row:
            second.cell(cell.row, cell.column, cell.value)
    both = tmp_path / "two_sheets.xlsx"
    book.save(both)
    result = import_one(dws, both)
    assert (result.outcome, result.unit, result.parts) == (Outcome.IMPORTED, "HHA", [])
    assert [n.params["sheet"] for n in result.notes if n.code == "table.used"] == ["Biểu 01"]


def test_a_table_per_unit_on_a_hidden_sheet_only_is_said_so(dws: Workspace, corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(corpus / "unit_per_row_summary.xlsx")
    book.create_sheet("Hướng dẫn")["A1"] = "Xem trang tổng hợp."
    book.active.sheet_state = "hidden"
    book.active = 1
    hidden = tmp_path / "hidden_summary.xlsx"
    book.save(hidden)
    result = import_one(dws, hidden)
    assert [(p.code, p.params) for p in result.problems] == [("table.only_hidden", {"sheet": "Tổng hợp theo xã"})]
