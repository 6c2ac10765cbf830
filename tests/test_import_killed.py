"""Killing `hrplan import` at any moment leaves every file either wholly stored or not at all,
and running it again finishes the job with the same store an uninterrupted run gives."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import SAMPLE, make_sample_workspace

FILES = sorted((SAMPLE / "submissions").glob("*.xlsx"))


def _state(root: Path) -> tuple[list, list]:
    db = sqlite3.connect(root / "hrplan.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    subs = db.execute("SELECT id, file_name FROM submissions ORDER BY id").fetchall()
    counts = db.execute("SELECT s.file_name, COUNT(v.indicator) FROM submissions s "
                        "LEFT JOIN submission_values v ON v.submission_id = s.id GROUP BY s.id").fetchall()
    values = sorted(db.execute("SELECT s.file_name, v.indicator, v.measure, v.value, v.cell FROM submission_values v "
                               "JOIN submissions s ON s.id = v.submission_id").fetchall())
    db.close()
    return subs, counts, values


def test_kill_at_several_moments_then_rerun(tmp_path: Path):
    reference = make_sample_workspace(tmp_path / "reference")
    exe = str(Path(sys.executable).with_name("hrplan"))
    subprocess.run([exe, "-w", str(reference.root), "import", *map(str, FILES)], check=True, capture_output=True)
    _, full_counts, full_values = _state(reference.root)
    expected = dict(full_counts)
    partial_runs = 0
    for kill_after in (1, 6, 12):  # submissions stored when the kill lands
        ws = make_sample_workspace(tmp_path / f"killed-{kill_after}")
        proc = subprocess.Popen([exe, "-w", str(ws.root), "import", *map(str, FILES)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_submissions(ws.root / "hrplan.sqlite", kill_after, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        _, counts, _ = _state(ws.root)
        partial_runs += len(counts) < len(FILES)
        for name, n in counts:  # whatever got in, got in whole
            assert n == expected[name], (kill_after, name, n)
        subprocess.run([exe, "-w", str(ws.root), "import", *map(str, FILES)], check=True, capture_output=True)
        _, counts, values = _state(ws.root)
        assert sorted(counts) == sorted(full_counts)
        assert values == full_values
    assert partial_runs >= 2, "the kills must land while the import is running"


def _wait_for_submissions(path: Path, n: int, proc: subprocess.Popen) -> None:
    """Poll the store (read-only, as another process would) until it holds n submissions."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            try:
                db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
                count = db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
                db.close()
                if count >= n:
                    return
            except sqlite3.OperationalError:
                pass  # the schema is being created
        time.sleep(0.002)
