"""`hrplan import`: idempotent, all-or-nothing per file, superseding with history, JSON for scripts."""
from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from conftest import SAMPLE, sample_submissions
from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET
from hrplan.store.schema import submission_values

SYT = SAMPLE / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"


def _dump(ws) -> list[tuple]:
    with ws.open_store() as store:
        subs = [(s.program, s.unit, s.period, s.file_hash, s.superseded_by is None) for s in
                store.submissions(include_superseded=True)]
        with store.snapshot() as conn:
            vals = sorted(tuple(r) for r in conn.execute(select(submission_values)))
    return subs + vals


def _edit(src: Path, dst: Path, code: str, col: int, value) -> Path:
    shutil.copy(src, dst)
    wb = load_workbook(dst)
    ws = wb[MAIN_SHEET]
    row = next(r for r in range(HEADER_ROW + 2, ws.max_row + 1) if ws.cell(r, 2).value == code)
    ws.cell(row, col).value = value
    wb.save(dst)
    return dst


def test_import_of_the_sample_reports_each_file_and_a_second_run_changes_nothing(sample_ws, run):
    first = run("import", *sample_submissions()[:1], "--format", "json", workspace=sample_ws)
    assert first.exit_code == 0
    result = run("import", *sample_submissions()[1:], "--format", "json", workspace=sample_ws)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["imported"] == 16 and data["summary"]["updated"] == 1 and data["summary"]["rejected"] == 0
    before = _dump(sample_ws)
    again = json.loads(run("import", *sample_submissions(), "--format", "json", workspace=sample_ws).stdout)
    assert again["summary"]["unchanged"] == 18
    assert _dump(sample_ws) == before


def test_same_content_under_another_name_is_recognised(sample_ws, run, tmp_path):
    run("import", SYT, workspace=sample_ws)
    copy = tmp_path / "gui-lai-lan-2.xlsx"
    shutil.copy(SYT, copy)
    data = json.loads(run("import", copy, "--format", "json", workspace=sample_ws).stdout)
    assert data["results"][0]["outcome"] == "unchanged"
    with sample_ws.open_store() as store:
        assert len(store.submissions(include_superseded=True)) == 1


def test_a_newer_submission_supersedes_and_history_shows_what_changed(sample_ws, run, tmp_path):
    run("import", SYT, workspace=sample_ws)
    newer = _edit(SYT, tmp_path / "SYT-sua.xlsx", "DT-YT", 6, 81)
    data = json.loads(run("import", newer, "--format", "json", workspace=sample_ws).stdout)
    (res,) = data["results"]
    assert res["outcome"] == "updated" and res["superseded_id"] == 1
    hist = run("history", "-p", "12-CTr/TU", "-u", "SYT", "--period", "2016..2019-05", "--format", "json", workspace=sample_ws)
    entries = json.loads(hist.stdout)
    assert [(e["id"], e["current"]) for e in entries] == [(1, False), (2, True)]
    assert entries[0]["superseded_by"] == 2
    assert entries[1]["changes"] == [{"indicator": "DT-YT", "measure": "actual", "before": 80.0, "after": 81.0}]
    table = run("history", "-p", "12-CTr/TU", "-u", "SYT", workspace=sample_ws)
    assert "DT-YT thực hiện: 80 → 81" in table.stdout and ".actual" not in table.stdout  # in the user's words
    english = run("history", "-p", "12-CTr/TU", "-u", "SYT", workspace=sample_ws, lang="en")
    assert "DT-YT actual: 80 → 81" in english.stdout
    # the time as this machine's clock reads it, the year in full: '07/12/2026 16:12' (the JSON keeps the ISO text)
    local = datetime.fromisoformat(entries[1]["imported_at"]).astimezone().strftime("%d/%m/%Y %H:%M")
    assert local in table.stdout and entries[1]["imported_at"] not in table.stdout


def test_a_bad_file_is_refused_with_cell_and_stores_nothing_while_the_others_import(sample_ws, run, tmp_path):
    bad = _edit(SYT, tmp_path / "SYT-loi.xlsx", "DT-YT", 6, "khoảng 80")
    good = SAMPLE / "submissions" / "12-CTr-TU_SNV_2016_to_2019-05.xlsx"
    result = run("import", bad, good, "--format", "json", workspace=sample_ws)
    assert result.exit_code == 3
    by_file = {Path(r["file"]).name: r for r in json.loads(result.stdout)["results"]}
    refused = by_file["SYT-loi.xlsx"]
    assert refused["outcome"] == "rejected"
    (problem,) = refused["problems"]
    assert problem["code"] == "value.not_number"
    assert problem["location"] == {"file": str(bad), "sheet": "Báo cáo", "cell": problem["location"]["cell"]}
    assert problem["location"]["cell"].startswith("F")
    assert "khoảng 80" in problem["message"]
    assert by_file["12-CTr-TU_SNV_2016_to_2019-05.xlsx"]["outcome"] == "imported"
    with sample_ws.open_store() as store:
        assert [s.unit for s in store.submissions()] == ["SNV"]


def test_unknown_indicator_names_the_cell_and_the_closest_indicators(sample_ws, run, tmp_path):
    bad = _edit(SYT, tmp_path / "SYT-ma-sai.xlsx", "DT-YT", 2, "DT-YTE")
    wb = load_workbook(bad)
    ws = wb[MAIN_SHEET]
    row = next(r for r in range(HEADER_ROW + 2, ws.max_row + 1) if ws.cell(r, 2).value == "DT-YTE")
    ws.cell(row, 3).value = "Cử cán bộ y tế đi học"
    wb.save(bad)
    result = run("import", bad, workspace=sample_ws, lang="en")
    assert result.exit_code == 3
    assert f"B{row}" in result.stdout and "indicator.unknown" in result.stdout
    assert "Indicator 'DT-YTE' is not in program 12-CTr/TU" in result.stdout.replace("\n", " ")


def test_dry_run_reads_and_checks_but_stores_nothing(sample_ws, run):
    result = run("import", SYT, "--dry-run", "--format", "json", workspace=sample_ws)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"][0]["outcome"] == "would_import"
    with sample_ws.open_store() as store:
        assert store.counts() == {"current": 0, "superseded": 0, "values": 0}


def test_table_output_summarises_in_vietnamese_by_default(sample_ws, run):
    result = run("import", SYT, workspace=sample_ws)
    assert result.exit_code == 0
    assert "Nhập mới 1, cập nhật 0, không đổi 0, từ chối 0." in result.stdout


def test_a_missing_path_is_reported_not_crashed(sample_ws, run, tmp_path):
    result = run("import", tmp_path / "khong-co.xlsx", "--format", "json", workspace=sample_ws)
    assert result.exit_code == 3
    assert json.loads(result.stdout)["results"][0]["problems"][0]["code"] == "file.not_found"


def test_a_unit_outside_the_programs_scope_is_refused(sample_ws, run):
    # Nghệ An's Organization Board sending a Cao Bằng program's workbook would never count: say so.
    result = run("import", SYT, "--unit", "BTCTU-NA", "--format", "json", workspace=sample_ws)
    assert result.exit_code == 3
    (problem,) = json.loads(result.stdout)["results"][0]["problems"]
    assert problem["code"] == "submission.unit_outside_scope" and "CB" in problem["message"]


def test_the_table_says_which_sheet_and_header_row_were_read(sample_ws, run):
    result = run("import", SYT, workspace=sample_ws)
    assert "trang 'Báo cáo', dòng tiêu đề 12" in result.stdout


def test_a_file_that_cannot_be_read_is_refused_not_crashed(sample_ws, tmp_path):
    # Tests run as root in CI, where no file is unreadable; a folder named like a workbook
    # raises the same OSError when read as a file.
    from hrplan.importer import Outcome, import_files

    folder = tmp_path / "dang-chep.xlsx"
    folder.mkdir()
    (result,) = import_files(sample_ws, [folder])
    with sample_ws.open_store() as store:
        assert store.counts()["current"] == 0
    assert result.outcome is Outcome.REJECTED
    assert [p.code for p in result.problems] == ["file.unreadable"]
    assert "folder" in result.problems[0].message("en")


def _many(sample_ws, run, tmp_path) -> tuple[list[Path], Path]:
    """Import the earlier SYT file, then give the sample's other files and a bad copy of SYT (18 files)."""
    assert run("import", SAMPLE / "earlier_submissions", workspace=sample_ws).exit_code == 0
    bad = _edit(SYT, tmp_path / "SYT-loi.xlsx", "DT-YT", 6, "khoảng 80")
    return sorted((SAMPLE / "submissions").glob("*.xlsx")) + [bad], bad


def test_many_files_are_summarised_at_a_terminal_with_the_rejected_first(sample_ws, run, tmp_path, monkeypatch):
    # At national scale (thousands of files) a table of every file is unreadable; the sample is lowered into it.
    from hrplan.cli import cmd_import

    files, bad = _many(sample_ws, run, tmp_path)
    monkeypatch.setattr(cmd_import, "FULL_TABLE", 5)
    result = run("import", *files, workspace=sample_ws)
    out = result.stdout
    assert result.exit_code == 3
    assert "18 tệp: nhập mới 16, cập nhật 1, không đổi 0, từ chối 1." in out
    assert "Bị từ chối 1 tệp" in out and "  SYT-loi.xlsx\n" in out
    assert "Báo cáo › F" in out and "khoảng 80" in out  # its first error, with the cell
    assert "Cập nhật 1 tệp" in out and "12-CTr-TU_SYT_2016_to_2019-05.xlsx (SYT 2016..2019-05, thay bản #1)" in out
    assert "Danh sách đầy đủ 18 tệp: thêm --verbose, hoặc -f json." in out
    assert out.index("SYT-loi.xlsx") < out.index("12-CTr-TU_SYT_2016")  # the rejected before the updated
    assert "12-CTr-TU_SNV_2016_to_2019-05.xlsx" not in out  # an imported file is counted, not listed
    assert "┃" not in out and "│" not in out  # no table
    # reads at 80 columns: the lines hrplan writes (the test console is 200 wide, so the message is not wrapped here)
    assert all(len(line) <= 80 for line in out.splitlines() if "khoảng 80" not in line)


def test_verbose_prints_every_file_as_a_line_then_the_counts(sample_ws, run, tmp_path, monkeypatch):
    from hrplan.cli import cmd_import

    files, bad = _many(sample_ws, run, tmp_path)
    monkeypatch.setattr(cmd_import, "FULL_TABLE", 5)
    out = run("import", *files, "--verbose", "--lang", "en", workspace=sample_ws).stdout
    lines = out.splitlines()
    assert "rejected (fix them" not in out  # every file is listed already: not again in the summary
    for f in files:  # one line per file, naming its outcome
        (line,) = [x for x in lines if x.startswith(f"{f.name}: ")]
        assert line.split(": ", 1)[1].startswith("Rejected" if f == bad else
                                                 "Updated" if f.name.endswith("SYT_2016_to_2019-05.xlsx") else "Imported")
    assert any(x.startswith("    Error value.not_number") and "khoảng 80" in x for x in lines)
    assert out.index("SYT-loi.xlsx: ") < out.index("18 files: imported 16, updated 1, unchanged 0, rejected 1.")
    assert "The full list of 18 files: add --verbose, or -f json." in out
    assert "[bold]" not in out and "[/]" not in out and "\x1b" not in out


def test_up_to_the_threshold_the_table_is_as_before(sample_ws, run, tmp_path):
    from hrplan.cli import cmd_import

    files, bad = _many(sample_ws, run, tmp_path)
    assert len(files) <= cmd_import.FULL_TABLE
    out = run("import", *files, workspace=sample_ws).stdout
    assert "Tệp" in out and "Kết quả" in out and "│" in out  # the table, one row per file
    assert all(f.name in out for f in files)
    assert "Nhập mới 16, cập nhật 1, không đổi 0, từ chối 1." in out
    assert "Danh sách đầy đủ" not in out
