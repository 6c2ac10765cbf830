"""`hrplan consolidate` run as cron runs it (a separate process, no terminal) on a night's real inbox."""
from __future__ import annotations

import json
import time
from pathlib import Path

from inbox_builder import GROWING, SYT, Copier, consolidate, folders_state, night_workspace, start, store_state


def test_three_nights(tmp_path: Path, run):
    """A night with everything, a night with nothing new, a night with one new file (each run a separate process)."""
    ws = night_workspace(tmp_path / "ws", good=9)
    _first_night_files_everything_and_says_why(ws)
    _status_shows_the_morning_digest(ws, run)
    (ws.root / "inbox" / GROWING).unlink()  # that copy was cancelled
    _second_night_on_unchanged_inbox_changes_nothing(ws)
    _third_night_rewrites_only_the_reports_of_the_program_that_changed(ws)


def _first_night_files_everything_and_says_why(ws):
    root = ws.root
    with Copier(root / "inbox" / GROWING):
        run = consolidate(ws, "--lang", "en")
    assert run.returncode == 3, run.stderr  # done, with rejected files
    assert "\x1b[" not in run.stdout + run.stderr  # no colour, no progress bar when not on a terminal
    done = root / "done" / "2016_to_2019-05"
    # The correction supersedes the first version; both files are kept and neither overwrites the other.
    assert (done / SYT).read_bytes() != (done / SYT.replace(".xlsx", " (2).xlsx")).read_bytes()
    subs = store_state(root)["submissions"]
    syt = [s for s in subs if s[2] == "SYT"]
    assert len(syt) == 2 and syt[0][6] == syt[1][0] and syt[1][6] is None  # first superseded by the correction
    # The duplicate is stored once and still filed.
    assert (done / "HHA gui lai.xlsx").exists()
    assert sum(1 for s in subs if s[2] == "HHA") == 1
    # Refused files move with a reason beside them: what, which cell, what to do, in Vietnamese and English.
    rejected = sorted(p.name for p in (root / "rejected").iterdir())
    assert rejected == ["HHA_2023-H1_sai.xlsx", "HHA_2023-H1_sai.xlsx.reason.txt", "bao_cao.zip",
                        "bao_cao.zip.reason.txt", "scan bao cao.pdf", "scan bao cao.pdf.reason.txt"]
    reason = (root / "rejected" / "HHA_2023-H1_sai.xlsx.reason.txt").read_text(encoding="utf-8")
    assert "BC 6 thang › E12" in reason and "Ô chứa 'khoảng 60'" in reason and "The cell holds 'khoảng 60'" in reason
    assert "Hãy sửa ô này" in reason and "save it and send it again" in reason
    pdf_reason = (root / "rejected" / "scan bao cao.pdf.reason.txt").read_text(encoding="utf-8")
    assert "không phải bảng tính" in pdf_reason and "is not a workbook" in pdf_reason
    # Lock files, empty files and a file still being copied stay for the next run.
    assert sorted(p.name for p in (root / "inbox").iterdir() if p.is_file()) == sorted([f"~${SYT}", "empty.xlsx", GROWING])
    assert not any((root / "inbox" / "huyen").iterdir())
    # Reports of each program's current period, in the formats of the settings.
    assert (root / "reports" / "12-CTr-TU_2016_to_2019-05.html").exists()
    assert json.loads((root / "reports" / "12-CTr-TU_2016_to_2019-05.json").read_text())["period"]["label"] == "2016..2019-05"
    log = (root / "logs" / "consolidate.log").read_text(encoding="utf-8").splitlines()
    per_file = [line for line in log if line.split()[2] in ("imported", "updated", "unchanged", "rejected", "waiting")]
    assert len(per_file) == 9 + 2 + 3 + 3  # 10 workbooks (SYT twice) + duplicate, 3 refused, 3 waiting
    assert "E12" in next(line for line in log if "HHA_2023-H1_sai.xlsx" in line)
    assert log[-1].split()[2] == "run" and "rejected 3" in log[-1]


def test_two_runs_at_once_one_runs_the_other_exits_4(tmp_path: Path):
    ws = night_workspace(tmp_path / "ws", settle=1.0, good=6)
    first, second = start(ws, "--json"), start(ws, "--json")
    codes = sorted([first.wait(60), second.wait(60)])
    assert codes == [3, 4], (first.stderr.read(), second.stderr.read())
    summaries = sorted((json.loads(p.stdout.read()) for p in (first, second)), key=lambda d: d["exit_code"])
    assert [d["status"] for d in summaries] == ["rejected", "locked"]
    assert summaries[1]["problems"][0]["code"] == "workspace.locked"
    subs = store_state(ws.root)["submissions"]
    hashes = [s[5] for s in subs]
    assert len(hashes) == len(set(hashes)) == 6 + 1  # each file stored once (SYT twice: two versions)
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert log.count(" locked ") == 1
    # --wait lets the second one queue behind the first instead.
    (ws.root / "inbox" / "empty.xlsx").unlink()
    sample = Path(__file__).resolve().parents[1] / "sample_data" / "submissions"
    (ws.root / "inbox" / "late.xlsx").write_bytes((sample / "12-CTr-TU_TCT_2016_to_2019-05.xlsx").read_bytes())
    first, waiting = start(ws, "--wait", "30"), start(ws, "--wait", "30")
    # Whichever gets the lock takes the file (it holds the lock while the file settles, 1 s); the other waits for
    # it, then finds nothing to do. Neither is refused.
    assert sorted([first.wait(60), waiting.wait(60)]) == [0, 5]
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert log.count(" locked ") == 1 and "late.xlsx" in log


def test_could_not_run_takes_nothing(tmp_path: Path):
    ws = night_workspace(tmp_path / "ws", good=2)
    config = ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("formats: [html, json]", "formats: [html, pdf]"))
    run = consolidate(ws, "--lang", "en", "--json")
    assert run.returncode == 2 and "consolidate.formats[1]" in run.stderr
    assert json.loads(run.stdout)["status"] == "could_not_run"
    assert "could not run" in (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert len(list((ws.root / "inbox").glob("*.xlsx"))) == 6  # nothing was taken (2 good, 1 twice, 1 bad, ~$, empty)
    config.write_text(config.read_text(encoding="utf-8").replace("formats: [html, pdf]", "formats: [html]\n  period: 2023-Q5"))
    run = consolidate(ws, "--lang", "en")
    assert run.returncode == 2 and "consolidate.period" in run.stderr and "'2023-Q5'" in run.stderr


def _status_shows_the_morning_digest(ws, run):
    result = run("status", workspace=ws, lang="en")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Last nightly consolidation" in out and "done, some files rejected" in out
    assert "Rejected: HHA_2023-H1_sai.xlsx" in out and "rejected/HHA_2023-H1_sai.xlsx.reason.txt" in out
    lines = out.splitlines()
    # Who is still missing for each program's current period (its latest in the store).
    assert "06-ĐA/TU period 2021: still missing SNV-BT." in lines
    assert "12-CTr/TU period 2016..2019-05: every unit has reported." in lines
    assert "08-CTr/TU: nothing received yet." in lines
    data = json.loads(run("status", "--format", "json", workspace=ws).output)
    assert data["consolidate"]["last"]["status"] == "rejected"


def _second_night_on_unchanged_inbox_changes_nothing(ws):
    before_store, before_files = store_state(ws.root), folders_state(ws.root)
    reports = sorted((ws.root / "reports").glob("*.*"))
    stamps = {p: p.stat().st_mtime_ns for p in reports}
    log_before = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8").splitlines()
    run = consolidate(ws, "--lang", "en")
    assert run.returncode == 5, run.stdout + run.stderr  # nothing to do
    assert store_state(ws.root) == before_store and folders_state(ws.root) == before_files
    assert {p: p.stat().st_mtime_ns for p in reports} == stamps  # no report rewritten
    log_after = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8").splitlines()
    assert log_after[:len(log_before)] == log_before and len(log_after) == len(log_before) + 1
    assert "nothing to do" in log_after[-1] and "no report written" in log_after[-1]


def _third_night_rewrites_only_the_reports_of_the_program_that_changed(ws):
    nas = ws.root / "reports" / "NA-LC-2011-2016_2011_to_2016-08.json"
    old = {p.name: p.stat().st_mtime_ns for p in (ws.root / "reports").glob("[!.]*.json")}
    assert len(old) == 2 and nas.name not in old  # 12-CTr/TU and 06-ĐA/TU so far
    sample = Path(__file__).resolve().parents[1] / "sample_data" / "submissions"
    (ws.root / "inbox" / "na.xlsx").write_bytes((sample / "NA-LC-2011-2016_BTCTU-NA_2011_to_2016-08.xlsx").read_bytes())
    time.sleep(0.4)  # older than the settle time
    run = consolidate(ws, "--json")
    summary = json.loads(run.stdout)
    assert run.returncode == 0 and summary["exit_code"] == 0 and summary["status"] == "done"
    assert summary["counts"]["imported"] == 1 and summary["counts"]["reports"] == 1
    assert [f["moved_to"] for f in summary["files"]] == ["done/2011_to_2016-08/na.xlsx"]
    assert nas.exists()
    assert {p.name: p.stat().st_mtime_ns for p in (ws.root / "reports").glob("[!.]*.json") if p.name in old} == old


def test_a_refusal_made_good_in_the_same_run_is_shown_where_it_went(sample_ws, run):
    # A refused file and, later in the same inbox, the unit's good file for the same program, unit and period: the
    # good one moved both to rejected/settled/, but consolidate printed "→ rejected/x.xlsx" and status "reason
    # written in rejected/x.xlsx.reason.txt", paths that no longer existed.
    import os
    import shutil

    from openpyxl import load_workbook

    from conftest import SAMPLE
    from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET

    root = sample_ws.root
    config = root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("settle_seconds: 2", "settle_seconds: 0.2"),
                      encoding="utf-8")
    good = SAMPLE / "submissions" / "12-CTr-TU_HHA_2016_to_2019-05.xlsx"
    bad = root / "inbox" / "HHA_sai.xlsx"
    shutil.copyfile(good, bad)
    wb = load_workbook(bad)
    wb[MAIN_SHEET].cell(HEADER_ROW + 3, 6).value = "khoảng 60"  # DT-THS, actual
    wb.save(bad)
    shutil.copyfile(good, root / "inbox" / good.name)
    os.utime(bad, (1_700_000_000, 1_700_000_000))  # the refused one first, then its correction
    os.utime(root / "inbox" / good.name, (1_700_000_100, 1_700_000_100))
    night = run("consolidate", workspace=sample_ws, lang="en")
    assert night.exit_code == 3, night.output  # a file was refused: still exit 3, as documented
    assert not (root / "rejected" / "HHA_sai.xlsx").exists() and (root / "rejected" / "settled" / "HHA_sai.xlsx").is_file()
    out = night.stdout.splitlines()
    assert "Rejected: inbox/HHA_sai.xlsx → rejected/settled/HHA_sai.xlsx" in out
    assert (f"    Made good by done/2016_to_2019-05/{good.name} in the same run: the file and its reason were moved to "
            "rejected/settled/; nothing to send back to the unit.") in out
    record = json.loads((root / "logs" / "consolidate-last.json").read_text(encoding="utf-8"))["last"]
    refused = next(f for f in record["files"] if f["outcome"] == "rejected")
    assert refused["settled_by"] == f"done/2016_to_2019-05/{good.name}"
    assert (root / refused["moved_to"]).is_file() and (root / refused["reason_file"]).is_file()
    status = run("status", workspace=sample_ws, lang="en").stdout
    assert (f"made good by {good.name} in the same run; the file and its reason are in "
            "rejected/settled/HHA_sai.xlsx.reason.txt.") in status
    assert "rejected/HHA_sai.xlsx" not in status
    log = (root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert " settled rejected/HHA_sai.xlsx → rejected/settled/HHA_sai.xlsx: made good by done/2016_to_2019-05/" in log
