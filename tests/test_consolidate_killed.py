"""SIGKILL `hrplan consolidate` at many moments of a night's run, run it again, and the store and the
folders are those of a run never interrupted: no file imported twice, none lost, none half-moved."""
from __future__ import annotations

import os
import sqlite3
import signal
import time
from pathlib import Path

import pytest

from inbox_builder import GROWING, Copier, consolidate, folders_state, night_workspace, start, store_state


def _reference(tmp_path: Path, good: int) -> tuple[dict, dict, float]:
    ws = night_workspace(tmp_path / "reference", good=good)
    with Copier(ws.root / "inbox" / GROWING):
        began = time.monotonic()
        run = consolidate(ws)
        took = time.monotonic() - began
    assert run.returncode == 3, run.stderr
    return store_state(ws.root), folders_state(ws.root), took


def _progress(root: Path) -> tuple[int, int, int]:
    """Give (submissions stored, files filed away, reports written) as another process sees them."""
    stored = 0
    if (root / "hrplan.sqlite").exists():
        try:
            db = sqlite3.connect(f"file:{root / 'hrplan.sqlite'}?mode=ro", uri=True, timeout=1)
            stored = db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
            db.close()
        except sqlite3.OperationalError:
            pass  # the schema is being created
    filed = sum(1 for top in ("done", "rejected") if (root / top).exists() for p in (root / top).rglob("*") if p.is_file())
    reports = sum(1 for p in (root / "reports").glob("[!.]*") if p.is_file())
    return stored, filed, reports


def _kill_and_rerun(tmp_path: Path, name: str, good: int, point: tuple[int, int, int], expected: tuple[dict, dict]):
    """Start a run, SIGKILL it as soon as it has got at least as far as `point`, run again, compare; give where it died."""
    ws = night_workspace(tmp_path / name, good=good)
    with Copier(ws.root / "inbox" / GROWING):
        proc = start(ws)
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if all(seen >= wanted for seen, wanted in zip(_progress(ws.root), point)):
                break
            time.sleep(0.002)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        landed = _progress(ws.root)
        rerun = consolidate(ws)
        assert rerun.returncode in (0, 3, 5), rerun.stdout + rerun.stderr
    assert store_state(ws.root) == expected[0], (name, point, landed)
    assert folders_state(ws.root) == expected[1], (name, point, landed)
    return landed


def _kill_at(tmp_path: Path, good: int, points: list[tuple[int, int, int]]) -> None:
    store, folders, _ = _reference(tmp_path, good)
    final = (len(store["submissions"]), sum(1 for k in folders if k.startswith(("done/", "rejected/"))),
             sum(1 for k in folders if k.startswith("reports/") and not k.startswith("reports/.")))
    landed = [_kill_and_rerun(tmp_path, f"killed-{i}", good, p, (store, folders)) for i, p in enumerate(points)]
    mid_run = {p for p in landed if p != (0, 0, 0) and p != final}
    # The kills must really land inside the work, at different moments (not all before it starts or after it ends).
    assert len(mid_run) >= max(2, len(points) - 2), (landed, final)


def test_killed_at_a_few_points_then_rerun_equals_an_uninterrupted_run(tmp_path: Path):
    # good=6: 7 submissions stored, 14 files filed, 2 reports. Kept small: each run starts a Python process.
    _kill_at(tmp_path, good=6, points=[(2, 0, 0), (7, 9, 0)])


@pytest.mark.slow
def test_killed_at_ten_points_then_rerun_equals_an_uninterrupted_run(tmp_path: Path):
    # good=17: 18 submissions, 25 files filed, 8 reports (4 programs x html, json)
    points = [(1, 0, 0), (3, 2, 0), (6, 5, 0), (9, 8, 0), (12, 11, 0), (15, 14, 0), (18, 17, 0), (18, 20, 0),
              (18, 23, 0), (18, 25, 1), (18, 25, 3), (18, 25, 6)]
    _kill_at(tmp_path, good=17, points=points)


def test_status_after_a_killed_run_says_it_did_not_finish_and_what_it_took_and_so_does_the_next_run(tmp_path, run):
    ws = night_workspace(tmp_path / "ws", good=17)
    proc = start(ws)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline and _lines_of(ws.root, proc.pid) < 3:
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGSTOP)  # paused, the lock still held: running
    try:
        log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8").splitlines()
        taken = [line.split(" ", 3)[3].split(" → ")[0] for line in log if f"[{proc.pid}]" in line]
        assert len(taken) >= 3 and not any(" run " in line for line in log)
        paused = " ".join(run("status", workspace=ws, lang="en").output.split())
        assert f"Running now: the run started at" in paused and f"(process {proc.pid}, holding the lock)" in paused
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8").splitlines()
    taken = [line.split(" ", 3)[3].split(" → ")[0] for line in log if f"[{proc.pid}]" in line]
    shown = run("status", workspace=ws, lang="en").output
    flat = " ".join(shown.split())
    assert "has not run in this workspace yet" not in flat  # was: "never ran", with 17 files in done/
    assert f"(process {proc.pid}) did not finish (killed: it no longer holds the lock and wrote no summary);" in flat
    assert f"it took {len(taken)} files" in flat
    assert all(Path(f).name in shown for f in taken)
    rerun = consolidate(ws, "--lang", "en")
    assert rerun.returncode == 3, rerun.stderr
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8").splitlines()
    assert any(f" interrupted the run started at" in line and f"(process {proc.pid}) did not finish" in line
               for line in log)
    after = " ".join(run("status", workspace=ws, lang="en").output.split())
    assert "Running now" not in after and "no longer holds the lock" not in after
    assert f"Before it, the run started at" in after and f"(process {proc.pid}) did not finish (killed); it had taken {len(taken)} files:" in after


def _lines_of(root: Path, pid: int) -> int:
    path = root / "logs" / "consolidate.log"
    return path.read_text(encoding="utf-8").count(f"[{pid}]") if path.exists() else 0
