"""Progress on long work: a bar on a terminal, a log line per tenth elsewhere (issue #15, item 3)."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from conftest import sample_submissions
from hrplan.cli.output import STATE
from hrplan.cli.progress import TenthLines
from hrplan.importer import import_files


def _lines(steps: int, seconds_per_step: float, quiet: str | None = None, monkeypatch=None) -> list[str]:
    now = [0.0]
    out: list[str] = []
    tell = TenthLines("Đang kiểm tra", clock=lambda: now[0], write=out.append)
    for done in range(1, steps + 1):
        now[0] += seconds_per_step
        tell(done, steps, "rule")
    return out


def test_long_work_logs_one_line_per_tenth_with_the_time_left():
    lines = _lines(24, 1.0)
    assert [line.split()[4] for line in lines] == [f"{p}%" for p in range(10, 101, 10)]
    assert lines[0] == "hrplan: Đang kiểm tra 10% (3/24), còn khoảng 21 giây"  # 3 s for 3 steps: 21 s for 21
    assert lines[-1] == "hrplan: Đang kiểm tra 100% (24/24)"


def test_short_work_logs_nothing_and_a_late_first_line_tells_the_tenths_reached_by_then():
    assert _lines(24, 0.01) == []  # 0.24 s in all: under the two seconds
    late = _lines(10, 0.5)  # 2 s are reached at the 4th step
    assert late[0].startswith("hrplan: Đang kiểm tra 40% (4/10)") and len(late) == 7


def test_under_a_second_left_is_not_said():
    lines = _lines(20, 0.5)  # 10 s in all: at 19/20, 0.5 s are left
    assert lines[-2] == "hrplan: Đang kiểm tra 90% (18/20), còn khoảng 1 giây"
    assert _lines(40, 0.1)[-2] == "hrplan: Đang kiểm tra 90% (36/40)"  # 0.4 s left


def test_english_and_minutes():
    STATE.lang = "en"
    try:
        lines = _lines(100, 10.0)
    finally:
        STATE.lang = "vi"
    assert lines[0] == "hrplan: Đang kiểm tra 10% (10/100), about 15 min 0 s left"


def test_check_report_and_import_log_progress_when_not_on_a_terminal(sample_ws, run, monkeypatch):
    monkeypatch.setenv("HRPLAN_PROGRESS_AFTER", "0")
    imported = run("import", *sample_submissions(), workspace=sample_ws)
    assert "hrplan: Đang nhập 100%" in imported.stderr
    checked = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "json", workspace=sample_ws)
    tenths = [line for line in checked.stderr.splitlines() if line.startswith("hrplan: Đang kiểm tra")]
    # the figures weigh as much as the rules together: done, they are half the work (one line for 10-50%)
    from hrplan.checks.registry import RULES
    n = len(RULES)
    assert tenths[0] == f"hrplan: Đang kiểm tra 50% ({n}/{2 * n})" and tenths[-1] == f"hrplan: Đang kiểm tra 100% ({2 * n}/{2 * n})"
    assert len(tenths) == 6
    assert checked.stdout.lstrip().startswith("{")  # stdout stays pure JSON
    reported = run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "json", workspace=sample_ws,
                   lang="en")
    assert "hrplan: Writing the report 100%" in reported.stderr


def test_without_the_variable_a_quick_check_logs_nothing(sample_ws, run, monkeypatch):
    monkeypatch.delenv("HRPLAN_PROGRESS_AFTER", raising=False)
    import_files(sample_ws, sample_submissions())
    checked = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "json", workspace=sample_ws)
    assert "hrplan:" not in checked.stderr


def test_on_a_terminal_a_bar_is_drawn(sample_ws):
    import_files(sample_ws, sample_submissions())
    main, child = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen([str(Path(sys.executable).with_name("hrplan")), "--workspace", str(sample_ws.root), "check", "-p",
                             "12-CTr/TU", "--period", "2016..2019-05", "-f", "json"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=child, env=env)
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=60)
    os.close(main)
    text = seen.decode("utf-8", "replace")
    assert "Đang kiểm tra" in text and "hrplan:" not in text  # the bar, not the log lines
