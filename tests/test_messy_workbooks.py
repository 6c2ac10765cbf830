"""Importing the workbooks offices really send (issue 4): the messy corpus in tests/corpus/.

The corpus is rebuilt by tests/corpus/build_corpus.py into a temporary folder for each run, so
these tests also prove the script regenerates it. Each file is named by its defect; each test
asserts what an analyst would check: the figures stored with their measure, or the exact
problem code and cell, and that a refused file stores nothing.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hrplan.importer import FileResult, ImportOptions, Outcome, import_files
from hrplan.messages import MESSAGES
from hrplan.workspace import Workspace, init_workspace

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
SAMPLE = HERE.parent / "sample_data"
PROGRAM = "08-CTr/TU"

# An amount indicator for the money case, added to the test workspace only (not to sample_data).
MONEY_INDICATOR = ('  - {code: KP-DT, section: "Kinh phí", name: "Kinh phí đào tạo, bồi dưỡng cán bộ, công chức, '
                   'viên chức", name_en: Training budget, uom: triệu đồng, accumulation: per_period}\n')


def _builder():
    spec = importlib.util.spec_from_file_location("build_corpus", CORPUS_DIR / "build_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    _builder().build(out)
    return out


def make_workspace(root: Path) -> Workspace:
    init_workspace(root)
    for source in (SAMPLE / "programs").iterdir():
        shutil.copy(source, root / "programs" / source.name)
    shutil.copy(SAMPLE / "units.yaml", root / "units.yaml")
    bt = root / "programs" / "06-DA-TU.yaml"
    text = bt.read_text(encoding="utf-8")
    assert "\ntargets:\n" in text
    bt.write_text(text.replace("\ntargets:\n", "\n" + MONEY_INDICATOR + "targets:\n", 1), encoding="utf-8")
    return Workspace(root)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return make_workspace(tmp_path / "ws")


def import_one(ws: Workspace, path: Path, **options) -> FileResult:
    [result] = import_files(ws, [path], ImportOptions(**options))
    return result


def stored(ws: Workspace, submission_id: int) -> dict[tuple[str, str], Decimal]:
    with ws.open_store() as store:
        return {(v.indicator, v.measure): v.value for v in store.values(submission_id)}


def errors(result: FileResult) -> list[tuple[str, str | None]]:
    return [(p.code, p.location.cell) for p in result.problems if p.is_error]


def warnings(result: FileResult) -> list[tuple[str, str | None]]:
    return [(p.code, p.location.cell) for p in result.problems if not p.is_error]


def figures(**by_indicator: tuple) -> dict[tuple[str, str], Decimal]:
    """figures(LC_TONG=(90, 80)) -> {('LC-TONG', 'plan'): 90, ('LC-TONG', 'actual'): 80}; None: absent."""
    out = {}
    for key, values in by_indicator.items():
        for measure, value in zip(("plan", "actual", "estimate", "stated_ratio"), values):
            if value is not None:
                out[(key.replace("_", "-"), measure)] = Decimal(str(value))
    return out


# The district's half-year report every layout variant below carries (units: người, hội nghị, lượt người).
HHA = figures(LC_TONG=(90, 80), LC_HUYEN=(70, 64), LC_XA=(20, 16), TT_HN=(10, 12), TT_NGUOI=(1000, 1297))
HHA_KEY = (PROGRAM, "HHA", "2023-H1")

HHA_2022 = (PROGRAM, "HHA", "2022")
LC_2022 = figures(LC_TONG=(90, 80), LC_HUYEN=(70, 64), LC_XA=(20, 16))

# file -> ((program, unit, period), figures stored, (sheet used, header row))
IMPORTED = {
    "title_block_unit_period.xlsx": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "swapped_columns.xlsx": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "two_row_header.xlsx": (HHA_KEY, HHA, ("Sheet1", 9)),
    "two_row_header_no_merge.xlsx": (HHA_KEY, HHA, ("Sheet1", 9)),
    "column_codes_row.xlsx": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "caption_line_breaks.xlsx": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "no_diacritics_headers.xlsx": (HHA_KEY, HHA, ("Sheet1", 9)),
    "english_headers.xlsx": (HHA_KEY, HHA, ("Report", 7)),
    "abbreviations_and_aliases.xlsx": (("12-CTr/TU", "SYT", "2018"),
                                       figures(DT_YT=(41, 117, None, "2.85"), CCLLCT=(181, 430, None, "2.38")),
                                       ("Sheet1", 9)),
    "section_rows_and_numbering.xlsx": (HHA_KEY, HHA, ("Sheet1", 9)),
    "decomposed_unicode.xlsx": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "tcvn3_vntime.xlsx": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "vni_times.xlsx": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "tcvn3_old_format.xls": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "hidden_old_sheet.xlsx": (HHA_KEY, HHA, ("2023", 9)),
    "sheet_name_stray_spaces.xlsx": (HHA_KEY, HHA, (" Báo cáo  ", 9)),
    "old_format.xls": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "libreoffice.ods": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "macro_enabled.xlsm": (HHA_KEY, HHA, ("BC 6 thang", 9)),
    "stated_percent_wrong.xlsx": (HHA_KEY, {**HHA, **figures(TT_HN=(10, 12, None, "1.61"))}, ("BC 6 thang", 9)),
    "title_block_department_year.xlsx": ((PROGRAM, "SYT", "2022"), figures(BD_NGUON=(25, 27)), ("Sheet1", 9)),
    "title_block_quarter.xlsx": ((PROGRAM, "BTCTU", "2023-Q2"), figures(QH_SO=(600, 655)), ("Sheet1", 9)),
    "title_block_cumulative.xlsx": ((PROGRAM, "TPCB", "2021..2023-05"),
                                    figures(LC_TONG=(60, 60), LC_HUYEN=(50, 48), LC_XA=(10, 12)), ("Sheet1", 9)),
    "SYT_2023-Q2.xlsx": ((PROGRAM, "SYT", "2023-Q2"), figures(BD_NGUON=(12, 9)), ("Sheet1", 4)),
    "parameter_block.xlsx": ((PROGRAM, "HTK", "2023-H1"), figures(LC_TONG=(80, 77), LC_HUYEN=(60, 61), LC_XA=(20, 16)),
                             ("Tổng hợp", 7)),
    "total_row.xlsx": ((PROGRAM, "BTCTU", "2023-H1"),
                       figures(CB_DIEUDONG=(40, 45), CB_LUANCHUYEN=(10, 12), CB_BONHIEM=(10, 9),
                               CB_BONHIEMLAI=(40, 42), CB_GIOITHIEU=(100, 102)), ("Sheet1", 9)),
    "vietnamese_number_text.xlsx": ((PROGRAM, "BTCTU", "2023-H1"),
                                    figures(QH_BCH=(53, 61, None, "1.15"), QH_BTV=(15, 21, None, "1.4"),
                                            TT_NGUOI=(15000, 15185, None, "1.012"), BD_NGUON=(None, 1297)),
                                    ("Sheet1", 9)),
    "estimate_column.xlsx": (HHA_KEY, figures(LC_TONG=(90, 70, 80), TT_HN=(10, 9, 12)), ("Sheet1", 9)),
    "estimate_instead_of_actual.xlsx": (HHA_KEY, figures(LC_TONG=(90, None, 85)), ("Sheet1", 9)),
    "uom_note_trieu_dong.xlsx": (("06-ĐA/TU", "SNV-BT", "2022"), figures(KP_DT=(250000, 261951), DT_CCVC=(400, 429)),
                                 ("Sheet1", 8)),
    # Issue 13: only the columns of the report's own period are read ("TH 2021" is not the 2022 actual).
    "wrong_year_columns.xlsx": (HHA_2022, LC_2022, ("Sheet1", 9)),
    # Captions built by formulas on a year cell (="TH "&$J$1), never calculated: evaluated, then chosen by year.
    "formula_built_captions.xlsx": (HHA_2022, LC_2022, ("Sheet1", 9)),
    "years_in_second_header_row.xlsx": (HHA_2022, LC_2022, ("Sheet1", 9)),
    "half_year_words_columns.xlsx": ((PROGRAM, "TPCB", "2023-H1"), LC_2022, ("Sheet1", 9)),
    "addressee_and_legal_basis.xlsx": (HHA_2022, LC_2022, ("Sheet1", 11)),
    "HHA_2022_joint_title.xlsx": (HHA_2022, LC_2022, ("Sheet1", 9)),
    "machine_parameter_rows.xlsx": (HHA_2022, LC_2022, ("Data", 4)),
    # Issue 13: a formula that only adds up cells (=E12+E13) is calculated; so is its ratio (=E11/D11*100).
    "formula_without_cached_value.xlsx": (HHA_KEY, {**HHA, ("LC-TONG", "stated_ratio"): Decimal(80) / Decimal(90)},
                                          ("BC 6 thang", 9)),
    "period_range_columns.xlsx": (("12-CTr/TU", "SYT", "2016-2020"), figures(DT_YT=(41, 117)), ("Sheet1", 9)),
}
# Warnings kept with an imported file: (code, cell).
WARNINGS = {
    "total_row.xlsx": [("table.total_mismatch", "E15")],
    "stated_percent_wrong.xlsx": [("stated_ratio.differs", "F15")],
    # Sở Y tế is not among 08-CTr/TU's reporters: stored, and said (the unit's cell, or the file name's unit).
    "title_block_department_year.xlsx": [("submission.unexpected_reporter", "A2")],
    "SYT_2023-Q2.xlsx": [("submission.unexpected_reporter", None)],
}

# Read with the district program of tests/test_office_layouts.py, where their expected figures are.
OFFICE_LAYOUTS = {"program_rows_only.xlsx", "row_resembles_indicator.xlsx", "office_total_wordings.xlsx",
                  "district_blocks_per_commune.xlsx", "declared_layout_budget_annex.xlsx",
                  "value_blocks_by_kind.xlsx", "data_kind_line.xlsx", "data_kind_line.ods",
                  "unit_per_row_summary.xlsx", "unit_per_row_plan_actual.xls"}

# file -> the errors that refuse it, exactly: (code, cell or None when the whole file is at fault).
REJECTED = {
    "text_in_number_cell.xlsx": [("value.not_number", "E12")],
    "negative_count.xlsx": [("value.negative", "E13")],
    "formula_not_plain.xlsx": [("value.formula_no_value", "E11")],
    "unknown_indicator.xlsx": [("indicator.unknown", "B12"), ("indicator.unknown", "B14")],
    "figures_without_a_name.xlsx": [("row.unnamed", "B17")],
    "ambiguous_unit.xlsx": [("submission.ambiguous_unit", None)],
    "two_actual_columns_same_year.xlsx": [("columns.ambiguous", "A9")],
    "template_placeholders.xlsx": [("file.template_placeholders", "D10")],
    "list_of_people.xlsx": [("table.not_found", None)],
    "form_without_figures.xlsx": [("submission.empty", None)],
    "table_on_hidden_sheet.xlsx": [("table.only_hidden", None)],
    "payroll_not_a_submission.xlsx": [("table.not_found", None)],
    "corrupt.xlsx": [("file.unreadable", None)],
    "truncated.xlsx": [("file.unreadable", None)],
    "not_a_workbook.xlsx": [("file.unreadable", None)],
    "zip_bomb.xlsx": [("file.zip_bomb", None)],
    "password_protected.xlsx": [("file.password", None)],
}


# -- each file on its own ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(IMPORTED))
def test_messy_file_is_imported_with_its_figures(ws: Workspace, corpus: Path, name: str) -> None:
    key, expected, (sheet, header_row) = IMPORTED[name]
    result = import_one(ws, corpus / name)
    assert errors(result) == []
    assert result.outcome is Outcome.IMPORTED
    assert (result.program, result.unit, result.period) == key
    assert stored(ws, result.submission_id) == expected
    assert warnings(result) == WARNINGS.get(name, [])
    used = [n for n in result.notes if n.code == "table.used"]
    assert [(n.params["sheet"], n.params["row"]) for n in used] == [(sheet, header_row)]
    with ws.open_store() as store:
        [record] = store.submissions()
    assert (record.sheet, record.header_row) == (sheet, header_row)


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_bad_file_is_refused_at_its_cell_and_stores_nothing(ws: Workspace, corpus: Path, name: str) -> None:
    result = import_one(ws, corpus / name)
    assert result.outcome is Outcome.REJECTED
    assert errors(result) == REJECTED[name]
    for problem in result.problems:
        assert problem.location.file == str(corpus / name)
        if problem.location.cell:
            assert problem.location.sheet
    with ws.open_store() as store:
        assert store.counts() == {"current": 0, "superseded": 0, "values": 0}


def test_every_corpus_file_has_an_expected_outcome(corpus: Path) -> None:
    built = {p.name for p in corpus.iterdir()}
    checked_elsewhere = {"same_content_other_name.xlsx", "same_content_resaved.xlsx",
                         "revision_a.xlsx", "revision_b.xlsx", "revision_c.xlsx"} | OFFICE_LAYOUTS
    assert built == set(IMPORTED) | set(REJECTED) | checked_elsewhere
    committed = {p.name for p in CORPUS_DIR.iterdir() if p.suffix in (".xlsx", ".xlsm", ".xls", ".ods")}
    assert committed == built, "rebuild the committed corpus: python tests/corpus/build_corpus.py"


def test_corpus_script_rebuilds_it_byte_for_byte(tmp_path: Path, corpus: Path) -> None:
    again = tmp_path / "again"
    subprocess.run([sys.executable, str(CORPUS_DIR / "build_corpus.py"), str(again)], check=True, capture_output=True)
    for path in corpus.iterdir():
        if path.name != "password_protected.xlsx":  # encryption salts are random by design
            assert (again / path.name).read_bytes() == path.read_bytes(), path.name


# -- what the problems say ----------------------------------------------------------------------------
def test_unknown_indicator_names_the_closest_indicators(ws: Workspace, corpus: Path) -> None:
    result = import_one(ws, corpus / "unknown_indicator.xlsx")
    first = result.problems[0]
    assert first.params["found"] == "Cán bộ cấp huyện được điều động về xã"
    assert first.params["closest"].startswith("LC-HUYEN (Cán bộ cấp huyện được luân chuyển)")
    assert first.location.sheet == "BC 6 thang"


def test_ambiguous_unit_lists_candidates_and_unit_option_settles_it(ws: Workspace, corpus: Path) -> None:
    refused = import_one(ws, corpus / "ambiguous_unit.xlsx")
    assert refused.problems[0].params == {"candidates": "SGDDT, SYT"}
    result = import_one(ws, corpus / "ambiguous_unit.xlsx", unit="SYT")
    assert (result.outcome, result.unit, result.period) == (Outcome.IMPORTED, "SYT", "2023-H1")
    assert stored(ws, result.submission_id) == figures(BD_NGUON=(40, 42))


def test_unit_and_period_options_win_over_the_workbook(ws: Workspace, corpus: Path) -> None:
    from_title = import_one(ws, corpus / "title_block_unit_period.xlsx", unit="TPCB", period="2023-Q2")
    assert (from_title.unit, from_title.period) == ("TPCB", "2023-Q2")
    from_block = import_one(ws, corpus / "parameter_block.xlsx", unit="HHA", period="2023")
    assert (from_block.unit, from_block.period) == ("HHA", "2023")
    from_name = import_one(ws, corpus / "SYT_2023-Q2.xlsx", unit="SGDDT")
    assert (from_name.unit, from_name.period) == ("SGDDT", "2023-Q2")
    assert stored(ws, from_name.submission_id) == figures(BD_NGUON=(12, 9))


def test_hidden_sheet_is_read_only_when_asked(ws: Workspace, corpus: Path) -> None:
    result = import_one(ws, corpus / "hidden_old_sheet.xlsx", read_hidden=True)
    assert (result.outcome, result.unit, result.period) == (Outcome.IMPORTED, "HHA", "2022-H2")
    assert stored(ws, result.submission_id) == figures(LC_TONG=(60, 55))
    only_hidden = import_one(ws, corpus / "table_on_hidden_sheet.xlsx", read_hidden=True)
    assert (only_hidden.outcome, only_hidden.period) == (Outcome.IMPORTED, "2023-H1")
    assert stored(ws, only_hidden.submission_id) == HHA


def test_total_row_is_cross_checked_not_stored(ws: Workspace, corpus: Path) -> None:
    result = import_one(ws, corpus / "total_row.xlsx")
    [warning] = result.problems
    assert (warning.code, warning.location.cell, warning.params) == (
        "table.total_mismatch", "E15", {"found": "212", "found_vi": "212", "expected": "210", "expected_vi": "210"})
    with ws.open_store() as store:
        kept = store.submission_problems(PROGRAM)
    assert [(p["code"], p["cell"]) for p in kept] == [("table.total_mismatch", "E15")]


def test_stated_percentage_that_differs_is_kept_and_check_shows_it(ws: Workspace, corpus: Path) -> None:
    from hrplan.checks import run_checks

    result = import_one(ws, corpus / "stated_percent_wrong.xlsx")
    [warning] = result.problems
    assert warning.params == {"stated": "161%", "stated_vi": "161%", "computed": "120%", "computed_vi": "120%",
                              "indicator": "TT-HN", "name": "Vocational-education communication conferences",
                              "name_vi": "Hội nghị truyền thông về giáo dục nghề nghiệp"}
    findings = [f for f in run_checks(ws, [PROGRAM], "2023-H1") if f.code == "stated_ratio.differs"]
    assert [(f.unit, f.location.file, f.location.sheet, f.location.cell) for f in findings] == [
        ("HHA", "stated_percent_wrong.xlsx", "BC 6 thang", "F15")]
    # the line says for which indicator (the report's appendix lists it under the unit's name only)
    assert findings[0].message("vi") == ("Hội nghị truyền thông về giáo dục nghề nghiệp: tỷ lệ ghi trong báo cáo là"
                                         " 161%, tính lại được 120%.")


@pytest.mark.parametrize("name, notes", [
    ("tcvn3_vntime.xlsx", [("text.legacy_converted", {"encoding": "TCVN3", "sheet": "BC 6 thang"})]),
    ("tcvn3_old_format.xls", [("text.legacy_converted", {"encoding": "TCVN3", "sheet": "BC 6 thang"})]),
    ("vni_times.xlsx", [("text.legacy_converted", {"encoding": "VNI", "sheet": "BC 6 thang"})]),
    ("decomposed_unicode.xlsx", [("text.decomposed_normalised", {"sheet": "BC 6 thang"})]),
    ("title_block_unit_period.xlsx", []),
])
def test_import_notes_say_how_text_was_converted(ws: Workspace, corpus: Path, name: str, notes: list) -> None:
    result = import_one(ws, corpus / name)
    said = [(n.code, n.params) for n in result.notes if n.code.startswith("text.")]
    assert said == notes
    with ws.open_store() as store:
        kept = store.db.execute("SELECT notes FROM submissions").fetchone()[0]
    for code, params in notes:
        assert params["sheet"] in kept


def test_legacy_text_reaches_the_store_as_unicode(ws: Workspace, corpus: Path) -> None:
    result = import_one(ws, corpus / "tcvn3_vntime.xlsx")
    with ws.open_store() as store:
        raw = {v.cell: v.raw for v in store.values(result.submission_id)}
    assert raw["E16"] == "1.297"  # typed as text, kept as typed
    assert result.unit == "HHA"  # found in '.VnTimeH' capitals: "HUYỆN HÒA AN"


def test_amount_note_above_the_table_converts_to_the_indicator_unit(ws: Workspace, corpus: Path) -> None:
    result = import_one(ws, corpus / "uom_note_trieu_dong.xlsx")
    notes = [n for n in result.notes if n.code == "value.uom_converted"]
    assert [(n.location.cell, n.params["value_vi"], n.params["converted_vi"]) for n in notes] == [
        ("D9", "250", "250.000"), ("E9", "261,951", "261.951")]
    assert notes[1].message("vi") == "Đã đổi 261,951 Tỷ đồng thành 261.951 triệu đồng."  # the unit as the file wrote it
    assert notes[1].message("en") == "Converted 261.951 billion VND to 261,951 million VND."
    with ws.open_store() as store:
        rows = store.db.execute("SELECT measure, value, uom FROM submission_values WHERE indicator = 'KP-DT'"
                                " ORDER BY measure").fetchall()
    assert [tuple(r) for r in rows] == [("actual", "261951", "triệu đồng"), ("plan", "250000", "triệu đồng")]


# -- several files in one run ------------------------------------------------------------------------
def test_same_content_under_another_name_is_not_stored_twice(ws: Workspace, corpus: Path) -> None:
    first, same_bytes, same_figures = import_files(ws, [corpus / "title_block_unit_period.xlsx"]) + import_files(
        ws, [corpus / "same_content_other_name.xlsx"]) + import_files(ws, [corpus / "same_content_resaved.xlsx"])
    assert first.outcome is Outcome.IMPORTED
    assert (same_bytes.outcome, same_bytes.same_as) == (Outcome.UNCHANGED, first.submission_id)
    assert (same_figures.outcome, same_figures.same_as) == (Outcome.UNCHANGED, first.submission_id)
    with ws.open_store() as store:
        assert store.counts() == {"current": 1, "superseded": 0, "values": len(HHA)}


def test_files_for_the_same_report_apply_by_mtime_then_name(ws: Workspace, corpus: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, mtime in [("revision_a.xlsx", 2_000_000_000), ("revision_b.xlsx", 1_900_000_000),
                        ("revision_c.xlsx", 2_000_000_000)]:
        shutil.copy(corpus / name, inbox / name)
        os.utime(inbox / name, (mtime, mtime))
    results = import_files(ws, [inbox])
    assert [(r.path.name, r.outcome) for r in results] == [
        ("revision_b.xlsx", Outcome.IMPORTED), ("revision_a.xlsx", Outcome.UPDATED), ("revision_c.xlsx", Outcome.UPDATED)]
    b, a, c = (r.submission_id for r in results)
    with ws.open_store() as store:
        history = {s.id: (s.file_name, s.superseded_by) for s in store.submissions(include_superseded=True)}
        [current] = store.submissions(PROGRAM, "HTK", "2023-H1")
    assert history == {b: ("revision_b.xlsx", a), a: ("revision_a.xlsx", c), c: ("revision_c.xlsx", None)}
    assert current.id == c
    assert stored(ws, c) == figures(LC_HUYEN=(60, 58))
    assert stored(ws, b) == figures(LC_HUYEN=(60, 55))


def test_refused_files_do_not_stop_the_others(ws: Workspace, corpus: Path) -> None:
    names = ["corrupt.xlsx", "title_block_unit_period.xlsx", "negative_count.xlsx", "SYT_2023-Q2.xlsx", "zip_bomb.xlsx"]
    results = {r.path.name: r for r in import_files(ws, [corpus / n for n in names])}
    assert {n: r.outcome for n, r in results.items()} == {
        "corrupt.xlsx": Outcome.REJECTED, "title_block_unit_period.xlsx": Outcome.IMPORTED,
        "negative_count.xlsx": Outcome.REJECTED, "SYT_2023-Q2.xlsx": Outcome.IMPORTED, "zip_bomb.xlsx": Outcome.REJECTED}
    with ws.open_store() as store:
        files = sorted(s.file_name for s in store.submissions(include_superseded=True))
    assert files == ["SYT_2023-Q2.xlsx", "title_block_unit_period.xlsx"]


def test_every_problem_has_a_code_both_messages_and_a_location(ws: Workspace, corpus: Path) -> None:
    results = import_files(ws, [corpus])
    assert len(results) == len(list(corpus.iterdir()))
    seen = set()
    for result in results:
        for problem in result.problems + result.notes:
            seen.add(problem.code)
            assert problem.code in MESSAGES
            for lang in ("vi", "en"):
                text = problem.message(lang)
                assert text and "{" not in text and "Traceback" not in text, (problem.code, text)
            assert problem.location.file == str(result.path)
            if problem.code.startswith(("value.", "indicator.", "stated_ratio.", "table.total")):
                assert problem.location.sheet and problem.location.cell, problem
    assert {"value.not_number", "value.negative", "value.formula_no_value", "indicator.unknown",
            "stated_ratio.differs", "table.total_mismatch", "table.used", "text.legacy_converted",
            "file.password", "file.zip_bomb", "file.unreadable", "table.not_found"} <= seen


def _value_table(ws: Workspace) -> list[tuple]:
    with sqlite3.connect(ws.store_path) as db:
        return db.execute(
            "SELECT s.program, s.unit, s.period, s.file_name, s.superseded_by IS NULL, v.indicator, v.measure, v.value,"
            " v.sheet, v.cell FROM submission_values v JOIN submissions s ON s.id = v.submission_id"
            " ORDER BY 1, 2, 3, 4, 6, 7").fetchall()


def test_importing_the_corpus_twice_stores_what_once_does(corpus: Path, tmp_path: Path) -> None:
    once, twice = make_workspace(tmp_path / "once"), make_workspace(tmp_path / "twice")
    import_files(once, [corpus])
    import_files(twice, [corpus])
    again = import_files(twice, [corpus])
    assert {r.outcome for r in again} <= {Outcome.UNCHANGED, Outcome.REJECTED}
    assert _value_table(twice) == _value_table(once)
    assert len(_value_table(once)) > 50
