"""History never runs backwards: re-running a folder never makes an older file current again.

Real workbooks from the sample (a unit's first file and its correction), real SQLite stores,
the real CLI; `hrplan restore` is the one deliberate way back.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from hrplan.importer import Outcome, import_files

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
FIRST = SAMPLE / "earlier_submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"  # DT-YT 75 (mistaken)
CORRECTION = SAMPLE / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"  # DT-YT 80


def _current_dt_yt(ws) -> str:
    with ws.open_store() as store:
        (current,) = store.submissions(program="12-CTr/TU", unit="SYT")
        values = {(v.indicator, v.measure): v.value for v in store.values(current.id)}
        return str(values[("DT-YT", "actual")])


def _folder_with_first_and_correction(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(FIRST, folder / "SYT_lan1.xlsx")
    shutil.copy(CORRECTION, folder / "SYT_lan2.xlsx")
    os.utime(folder / "SYT_lan1.xlsx", (1_700_000_000, 1_700_000_000))  # arrived first
    os.utime(folder / "SYT_lan2.xlsx", (1_700_000_600, 1_700_000_600))
    return folder


def test_rerunning_the_same_folder_never_resurrects_the_first_file(sample_ws, run, tmp_path):
    folder = _folder_with_first_and_correction(tmp_path)
    first = run("import", folder, "--format", "json", workspace=sample_ws)
    assert first.exit_code == 0, first.output
    assert [r["outcome"] for r in json.loads(first.stdout)["results"]] == ["imported", "updated"]
    assert _current_dt_yt(sample_ws) == "80"
    for _ in range(2):
        again = run("import", folder, "--format", "json", workspace=sample_ws)
        assert again.exit_code == 0, again.output
        assert [r["outcome"] for r in json.loads(again.stdout)["results"]] == ["unchanged", "unchanged"]
        assert _current_dt_yt(sample_ws) == "80"
    with sample_ws.open_store() as store:
        assert store.counts()["current"] == 1 and store.counts()["superseded"] == 1


def test_the_first_file_resaved_under_another_name_is_already_seen(sample_ws, tmp_path):
    folder = _folder_with_first_and_correction(tmp_path)
    import_files(sample_ws, [folder])
    # The same content in other bytes: the first file resaved (an extra note) under a new name, touched today.
    import openpyxl

    resaved = tmp_path / "SYT_gui_lai.xlsx"
    wb = openpyxl.load_workbook(FIRST)
    wb.create_sheet("Ghi chú")["A1"] = "gửi lại"
    wb.save(resaved)
    (result,) = import_files(sample_ws, [resaved])
    assert result.outcome is Outcome.UNCHANGED
    with sample_ws.open_store() as store:
        first = store.submissions(program="12-CTr/TU", unit="SYT", include_superseded=True)[0]
    assert result.same_as == first.id
    assert _current_dt_yt(sample_ws) == "80"


def test_restore_is_the_deliberate_way_back_and_keeps_history(sample_ws, run, tmp_path):
    folder = _folder_with_first_and_correction(tmp_path)
    import_files(sample_ws, [folder])
    with sample_ws.open_store() as store:
        first, second = store.submissions(program="12-CTr/TU", unit="SYT", include_superseded=True)
    result = run("restore", first.id, workspace=sample_ws, lang="en")
    assert result.exit_code == 0, result.output
    assert f"Restored submission #{first.id}" in result.stdout
    assert _current_dt_yt(sample_ws) == "75"
    with sample_ws.open_store() as store:
        assert store.counts() == {"current": 1, "superseded": 2, "values": 3 * len(store.values(first.id))}
    history = run("history", "-p", "12-CTr/TU", "-u", "SYT", "--format", "json", workspace=sample_ws)
    assert [e["current"] for e in json.loads(history.stdout)] == [False, False, True]
    # the history says which version the restore brought back (it showed a third version and nothing else)
    assert [e["restored_from"] for e in json.loads(history.stdout)] == [None, None, first.id]
    table = run("history", "-p", "12-CTr/TU", "-u", "SYT", workspace=sample_ws)
    assert f"khôi phục bản #{first.id}" in table.stdout
    assert f"restored from #{first.id}" in run("history", "-p", "12-CTr/TU", "-u", "SYT", workspace=sample_ws,
                                               lang="en").stdout
    # and a re-import of the correction does not undo the deliberate restore
    (again,) = import_files(sample_ws, [CORRECTION])
    assert again.outcome is Outcome.UNCHANGED and _current_dt_yt(sample_ws) == "75"
    assert run("restore", 9999, workspace=sample_ws).exit_code == 2


def test_restore_run_again_changes_nothing(sample_ws, run, tmp_path):
    folder = _folder_with_first_and_correction(tmp_path)
    import_files(sample_ws, [folder])
    with sample_ws.open_store() as store:
        first, _ = store.submissions(program="12-CTr/TU", unit="SYT", include_superseded=True)
    assert run("restore", first.id, workspace=sample_ws).exit_code == 0
    with sample_ws.open_store() as store:
        before = store.counts()
        (restored,) = store.submissions(program="12-CTr/TU", unit="SYT")
    for _ in range(2):  # version #first's figures are the current ones now: no empty new version each time
        again = run("restore", first.id, workspace=sample_ws)
        assert again.exit_code == 0, again.output
        assert again.stdout.strip() == (f"Bản #{first.id} có cùng số liệu với bản hiện hành #{restored.id}; "
                                        "không có gì thay đổi.")
    with sample_ws.open_store() as store:
        assert store.counts() == before
    english = run("restore", first.id, workspace=sample_ws, lang="en")
    assert f"has the same figures as the current one, #{restored.id}; nothing changed" in english.stdout
    assert run("restore", restored.id, workspace=sample_ws).stdout.strip() == (
        f"Bản #{restored.id} đang là bản hiện hành; không có gì thay đổi.")


def test_an_older_copy_arriving_after_the_correction_is_said_with_the_way_back(sample_ws, run, tmp_path):
    # Arrival order decides (the README), but a file saved before the version it replaces is most likely an old copy
    # sent late: it used to replace the correction without a word.
    correction, late = tmp_path / "SYT_sua.xlsx", tmp_path / "SYT_cu.xlsx"
    shutil.copy(CORRECTION, correction)
    shutil.copy(FIRST, late)
    os.utime(correction, (1_700_000_600, 1_700_000_600))
    os.utime(late, (1_700_000_000, 1_700_000_000))  # saved ten minutes before the correction
    (first,) = import_files(sample_ws, [correction])
    assert first.problems == []  # the first version: nothing to say
    result = run("import", late, workspace=sample_ws)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert f"trước bản #{first.submission_id} (SYT_sua.xlsx" in text and f"hrplan restore {first.submission_id}" in text
    assert _current_dt_yt(sample_ws) == "75"  # arrival order still decides; the analyst is told
    # Run again, the late copy is unchanged: it replaced nothing this time, so nothing is said of it (the warning was
    # kept with the read the workspace remembers, and came back on every later run).
    again = run("import", late, "-f", "json", workspace=sample_ws)
    (outcome,) = json.loads(again.stdout)["results"]
    assert outcome["outcome"] == "unchanged" and outcome["problems"] == [], outcome


def test_the_nightly_log_says_an_old_copy_arrived_late(tmp_path):
    from inbox_builder import consolidate
    from conftest import make_sample_workspace

    ws = make_sample_workspace(tmp_path / "ws")
    inbox = ws.root / "inbox"
    shutil.copy(CORRECTION, inbox / "SYT_sua.xlsx")
    os.utime(inbox / "SYT_sua.xlsx", (1_700_000_600, 1_700_000_600))
    assert consolidate(ws).returncode == 0
    shutil.copy(FIRST, inbox / "SYT_cu.xlsx")
    os.utime(inbox / "SYT_cu.xlsx", (1_700_000_000, 1_700_000_000))
    night = consolidate(ws)
    assert night.returncode == 0, night.stderr
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert "SYT_cu.xlsx" in log and "có thể là bản cũ gửi muộn" in log and "hrplan restore" in log


def test_the_same_file_given_another_period_is_stored_for_it_not_called_unchanged(sample_ws, run, tmp_path):
    # A clerk typed the wrong year; the analyst imports the same file again with --period: it said 'unchanged,
    # same as #1' with the new period on its row, and stored nothing.
    sent = tmp_path / "SYT.xlsx"
    shutil.copy(CORRECTION, sent)
    assert run("import", "--period", "2018", sent, workspace=sample_ws).exit_code == 0
    again = run("import", "--period", "2019", sent, workspace=sample_ws)
    assert again.exit_code == 0, again.output
    with sample_ws.open_store() as store:
        current = sorted(s.period for s in store.submissions(program="12-CTr/TU", unit="SYT"))
    assert current == ["2018", "2019"]
    same = run("import", "--period", "2019", sent, workspace=sample_ws)  # the same file for the same period: seen
    assert "giống bản" in " ".join(same.output.split())
    with sample_ws.open_store() as store:
        assert len(store.submissions(program="12-CTr/TU", unit="SYT", include_superseded=True)) == 2


def test_a_correction_saved_at_the_same_moment_as_the_original_applies_last(sample_ws, tmp_path):
    # A mail fetcher stamps both attachments with the message's time; by plain name ' - ban sua' sorted before
    # '.xlsx' and the original replaced its correction.
    folder = tmp_path / "thu"
    folder.mkdir()
    shutil.copy(FIRST, folder / "SYT quy 2.xlsx")
    shutil.copy(CORRECTION, folder / "SYT quy 2 - ban sua.xlsx")
    for f in folder.iterdir():
        os.utime(f, (1_733_500_000, 1_733_500_000))
    results = import_files(sample_ws, [folder])
    assert [r.path.name for r in results] == ["SYT quy 2.xlsx", "SYT quy 2 - ban sua.xlsx"]
    assert _current_dt_yt(sample_ws) == "80"


def test_history_shows_a_stated_ratio_as_the_report_does(sample_ws, run, tmp_path):
    # A stated ratio is stored as a fraction (1.2 for 120%); history printed '1,2 → -' where the report says 120%,
    # and a planning ratio (candidates per seat) is '1,15 lần', never 115%.
    from openpyxl import load_workbook

    from hrplan.reports.submission_template import MAIN_SHEET

    name = "08-CTr-TU_HHA_2021_to_2023-05.xlsx"
    first, second = tmp_path / "HHA_lan1.xlsx", tmp_path / "HHA_lan2.xlsx"
    for path, stated in ((first, True), (second, False)):
        wb = load_workbook(SAMPLE / "submissions" / name)
        sheet = wb[MAIN_SHEET]
        rows = {sheet.cell(r, 2).value: r for r in range(1, sheet.max_row + 1)}
        for code, plan, actual, ratio in (("QH-BCH", 53, 61, 1.15), ("BD-NGUON", 100, 120, 1.2)):
            sheet.cell(rows[code], 5).value, sheet.cell(rows[code], 6).value = plan, actual
            sheet.cell(rows[code], 7).value = ratio if stated else None
        wb.save(path)
    os.utime(first, (1_700_000_000, 1_700_000_000))
    import_files(sample_ws, [first, second])
    vi = run("history", "-p", "08-CTr/TU", "-u", "HHA", workspace=sample_ws)
    assert vi.exit_code == 0, vi.output
    assert "BD-NGUON tỷ lệ ghi trong báo cáo: 120% → -" in vi.stdout
    assert "QH-BCH tỷ lệ ghi trong báo cáo: 1,15 lần → -" in vi.stdout
    en = run("history", "-p", "08-CTr/TU", "-u", "HHA", workspace=sample_ws, lang="en")
    assert "BD-NGUON stated ratio: 120% → -" in en.stdout and "QH-BCH stated ratio: 1.15 times → -" in en.stdout
    data = json.loads(run("history", "-p", "08-CTr/TU", "-u", "HHA", "-f", "json", workspace=sample_ws).stdout)
    assert {"indicator": "BD-NGUON", "measure": "stated_ratio", "before": 1.2, "after": None} in data[1]["changes"]


def _table_with_rows(run, ws, folder: Path, name: str, figures: dict[str, tuple]) -> Path:
    """Give HHA's 2024-Q1 template with only the rows of `figures` (plan, actual), the others deleted: an annex."""
    from openpyxl import load_workbook

    from rule_workbooks import workbook
    from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET

    path = workbook(run, ws, folder, "HHA", "2024-Q1", {k: v for k, v in figures.items()})
    book = load_workbook(path)
    sheet = book[MAIN_SHEET]
    for r in range(sheet.max_row, HEADER_ROW + 1, -1):
        code = sheet.cell(r, 2).value
        if code and code not in figures:
            sheet.delete_rows(r)
    book.save(folder / name)
    path.unlink()
    return folder / name


def test_a_units_second_table_for_the_period_keeps_the_first_ones_other_rows(sample_ws, run, tmp_path):
    # HBG sent its budget annex (only the 'Kinh phí' row), then its people table (no such row) for the same period:
    # the second file wiped the budget, and re-importing the annex was 'unchanged', so it could not come back.
    from rule_workbooks import add_program

    add_program(sample_ws)
    folder = tmp_path / "in"
    folder.mkdir()
    annex = _table_with_rows(run, sample_ws, folder, "HHA_2024-Q1_phu_luc.xlsx", {"BD": (40, 38)})
    people = _table_with_rows(run, sample_ws, folder, "HHA_2024-Q1_nhan_luc.xlsx",
                              {"PH": (20, 19), "QH": (10, 12), "QH-NU": (None, 4)})
    (first,) = import_files(sample_ws, [annex])
    (second,) = import_files(sample_ws, [people])
    assert second.outcome is Outcome.UPDATED and second.superseded_id == first.submission_id
    (kept,) = [n for n in second.notes if n.code == "import.kept_from_earlier"]
    assert kept.message("vi") == (f"giữ BD từ bản #{first.submission_id} (HHA_2024-Q1_phu_luc.xlsx) vì tệp này"
                                  " không có dòng đó")
    assert kept.message("en") == (f"kept BD from version #{first.submission_id} (HHA_2024-Q1_phu_luc.xlsx) as this"
                                  " file has no row for it")
    with sample_ws.open_store() as store:
        rows = {(r["indicator"], r["measure"]): (r["value"], r["file_name"], r["sheet"], r["cell"])
                for r in store.current_values("QT-01/KH", ["2024-Q1"])}
        annex_cells = {(v.indicator, v.measure): (str(v.value), v.sheet, v.cell) for v in store.values(first.submission_id)}
    # the budget stays, and still traces to the annex's own file and cell
    for key in (("BD", "plan"), ("BD", "actual")):
        value, sheet, cell = annex_cells[key]
        assert rows[key] == (value, "HHA_2024-Q1_phu_luc.xlsx", sheet, cell)
    assert rows[("BD", "actual")][0] == "38"
    assert rows[("PH", "actual")][:2] == ("19", "HHA_2024-Q1_nhan_luc.xlsx")
    # the history says it, in both languages, and shows no change of the kept row
    history = json.loads(run("history", "-p", "QT-01/KH", "-u", "HHA", "-f", "json", workspace=sample_ws).stdout)
    assert history[1]["kept"] == [{"from": first.submission_id, "file": "HHA_2024-Q1_phu_luc.xlsx",
                                   "indicators": ["BD"]}]
    assert not [c for c in history[1]["changes"] if c["indicator"] == "BD"]
    shown = run("history", "-p", "QT-01/KH", "-u", "HHA", workspace=sample_ws, lang="en").stdout
    assert f"kept BD from version #{first.submission_id}" in " ".join(shown.split())
    # re-importing either file changes nothing
    again = import_files(sample_ws, [annex, people])
    assert [r.outcome for r in again] == [Outcome.UNCHANGED, Outcome.UNCHANGED]
    with sample_ws.open_store() as store:
        assert {(r["indicator"], r["measure"]): r["value"] for r in store.current_values("QT-01/KH")}[("BD", "actual")] == "38"
        assert store.counts()["current"] == 1
    # a row present with blank cells is the clerk's new word: nothing of it is kept
    blank_bd = _table_with_rows(run, sample_ws, folder, "HHA_2024-Q1_nhan_luc_2.xlsx",
                                {"BD": (None, None), "PH": (20, 19), "QH": (10, 12), "QH-NU": (None, 4)})
    (third,) = import_files(sample_ws, [blank_bd])
    assert third.outcome is Outcome.UPDATED
    assert not [n for n in third.notes if n.code == "import.kept_from_earlier"]
    with sample_ws.open_store() as store:
        assert not [r for r in store.current_values("QT-01/KH") if r["indicator"] == "BD"]
    # restore still brings back exactly an earlier version: the annex alone
    assert run("restore", first.submission_id, workspace=sample_ws).exit_code == 0
    with sample_ws.open_store() as store:
        assert {(r["indicator"], r["measure"]): (r["value"], r["file_name"])
                for r in store.current_values("QT-01/KH")} == {
            ("BD", "plan"): ("40", "HHA_2024-Q1_phu_luc.xlsx"), ("BD", "actual"): ("38", "HHA_2024-Q1_phu_luc.xlsx")}
    # and restoring the people table brings back its kept budget, still traced to the annex
    assert run("restore", second.submission_id, workspace=sample_ws).exit_code == 0
    with sample_ws.open_store() as store:
        now = {(r["indicator"], r["measure"]): (r["value"], r["file_name"]) for r in store.current_values("QT-01/KH")}
    assert now[("BD", "actual")] == ("38", "HHA_2024-Q1_phu_luc.xlsx")
    assert now[("PH", "actual")] == ("19", "HHA_2024-Q1_nhan_luc.xlsx")
    # and its history says where the kept budget comes from, as the version restored did (table and JSON)
    history = json.loads(run("history", "-p", "QT-01/KH", "-u", "HHA", "-f", "json", workspace=sample_ws).stdout)
    restored = history[-1]
    assert restored["restored_from"] == second.submission_id
    assert restored["kept"] == [{"from": first.submission_id, "file": "HHA_2024-Q1_phu_luc.xlsx", "indicators": ["BD"]}]
    assert history[-2]["kept"] == []  # the annex restored alone kept nothing
    shown = " ".join(run("history", "-p", "QT-01/KH", "-u", "HHA", workspace=sample_ws, lang="en").stdout.split())
    assert shown.count(f"kept BD from version #{first.submission_id}") == 2
