"""The nightly job checks the period of a file that arrives late, not only the current period, and says what it found.

Found by running the nightly job as cron does: a district's late 2024-Q3 file (400 trained against a plan of 20)
went through with exit 0 and nothing in the log, since the job checks and reports only each program's current
period.
"""
from __future__ import annotations

import json
import os
import shutil

from inbox_builder import consolidate
from rule_workbooks import GOOD, PROGRAM, add_program, workbook


def _send(run, ws, tmp_path, unit: str, period: str, figures: dict, stamp: int) -> None:
    made = workbook(run, ws, tmp_path, unit, period, figures)
    dest = ws.root / "inbox" / made.name
    shutil.copyfile(made, dest)
    os.utime(dest, (stamp, stamp))


def test_a_late_quarters_findings_are_in_the_log_and_the_summary(sample_ws, run, tmp_path):
    add_program(sample_ws)
    for unit in ("SYT", "HHA"):
        _send(run, sample_ws, tmp_path, unit, "2023-Q2", GOOD, 1_700_000_000)
    assert consolidate(sample_ws).returncode == 0
    _send(run, sample_ws, tmp_path, "HHA", "2023-Q1", {**GOOD, "BD": (20, 400)}, 1_700_000_100)  # late, with a typo
    night = consolidate(sample_ws, "--json")
    assert night.returncode == 0, night.stderr
    late = json.loads(night.stdout)["late"]
    assert [(x["program"], x["period"], x["units"]) for x in late] == [(PROGRAM, "2023-Q1", ["HHA"])]
    assert late[0]["findings"]["warning"] + late[0]["findings"]["error"] >= 1
    log = (sample_ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    line = next(x for x in log.splitlines() if " late " in x)
    assert f"{PROGRAM} 2023-Q1 (tệp đến muộn của HHA" in line and f"hrplan check -p {PROGRAM} --period 2023-Q1" in line


def test_the_late_line_is_in_the_runs_language_not_the_reports(sample_ws, run, tmp_path):
    # consolidate.report_lang is vi (the default): the reports' language. The log is the run's (--lang en); the late
    # line stayed Vietnamese.
    add_program(sample_ws)
    _send(run, sample_ws, tmp_path, "SYT", "2023-Q2", GOOD, 1_700_000_000)
    assert consolidate(sample_ws, "--lang", "en").returncode == 0
    _send(run, sample_ws, tmp_path, "HHA", "2023-Q1", {**GOOD, "BD": (20, 400)}, 1_700_000_100)
    assert consolidate(sample_ws, "--lang", "en").returncode == 0
    log = (sample_ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    line = next(x for x in log.splitlines() if " late " in x)
    assert f"{PROGRAM} 2023-Q1 (a late file from HHA, not the current period" in line, line


def test_a_late_quarter_stored_by_a_killed_run_is_checked_by_the_next_run(sample_ws, run, tmp_path):
    # A run killed after storing two late Q1 files: one it had filed in done/, one still in the inbox (the next run
    # finds it `unchanged`). The next run never imported either itself; its late line must cover Q1 for both.
    import subprocess

    from hrplan.jobs.runlog import mark_running, now_text
    from inbox_builder import EXE

    add_program(sample_ws)
    for unit in ("SYT", "HHA"):
        _send(run, sample_ws, tmp_path, unit, "2023-Q2", GOOD, 1_700_000_000)
    assert consolidate(sample_ws).returncode == 0
    _send(run, sample_ws, tmp_path, "HHA", "2023-Q1", {**GOOD, "BD": (20, 400)}, 1_700_000_100)  # a typo
    _send(run, sample_ws, tmp_path, "SYT", "2023-Q1", GOOD, 1_700_000_200)
    mark_running(sample_ws.root / "logs", now_text())  # what the killed run left: its mark, no summary
    inbox = sample_ws.root / "inbox"
    hha, syt = sorted(inbox.glob("*2023-Q1*"), key=lambda p: "SYT" in p.name)
    stored = subprocess.run([EXE, "-w", str(sample_ws.root), "import", str(hha), str(syt)], capture_output=True,
                            text=True)
    assert stored.returncode == 0, stored.stderr
    (sample_ws.root / "done" / "2023-Q1").mkdir(parents=True)
    hha.rename(sample_ws.root / "done" / "2023-Q1" / hha.name)  # filed by the killed run; SYT's still in the inbox
    night = consolidate(sample_ws, "--json")
    assert night.returncode == 0, night.stderr
    data = json.loads(night.stdout)
    assert data["interrupted"] and [f["outcome"] for f in data["files"]] == ["unchanged"]
    assert [(x["program"], x["period"], x["units"]) for x in data["late"]] == [(PROGRAM, "2023-Q1", ["HHA", "SYT"])]
    assert data["late"][0]["findings"]["warning"] + data["late"][0]["findings"]["error"] >= 1
    log = (sample_ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert any(f"{PROGRAM} 2023-Q1 (tệp đến muộn của HHA, SYT" in x for x in log.splitlines() if " late " in x)
