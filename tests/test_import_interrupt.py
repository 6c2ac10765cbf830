"""Ctrl-C during `hrplan import`: exit 130 and a true statement of what was stored.

A real `hrplan import` process, a real SQLite store. To land the interrupt during a commit every
time, another connection holds the database's write lock while the import wants to commit; Ctrl-C
(SIGINT) arrives then; the lock is released. The file in hand is committed whole, the run stops,
and what the import says it stored is exactly what the store holds.
"""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import SAMPLE, make_sample_workspace

FILES = sorted((SAMPLE / "submissions").glob("12-CTr-TU_*.xlsx"))[:4]
EXE = str(Path(sys.executable).with_name("hrplan"))


def _stored_files(store: Path) -> list[str]:
    db = sqlite3.connect(store)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in db.execute("SELECT file_path FROM submissions ORDER BY id")]
    finally:
        db.close()


def test_ctrl_c_during_a_commit_stores_that_file_whole_then_stops_with_130(tmp_path):
    ws = make_sample_workspace(tmp_path / "ws")
    store = ws.root / "hrplan.sqlite"
    blocker = sqlite3.connect(store, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # the import's first commit must wait for this
    proc = subprocess.Popen([EXE, "-w", str(ws.root), "import", "--format", "json", *map(str, FILES)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_until_waiting_for_the_lock(store, proc)
        proc.send_signal(signal.SIGINT)  # Ctrl-C while the first file's commit is waiting
        time.sleep(0.5)
        blocker.execute("ROLLBACK")
        out, err = proc.communicate(timeout=60)
    finally:
        blocker.close()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, (out, err)
    report = json.loads(out)
    assert report["interrupted"] is True
    said_stored = [r["file"] for r in report["results"] if r["outcome"] in ("imported", "updated")]
    assert [str(Path(p).resolve()) for p in said_stored] == [str(Path(p).resolve()) for p in _stored_files(store)]
    assert len(said_stored) == 1, (report, err)  # the file in hand was committed, whole; nothing after it
    assert len(report["not_imported"]) == len(FILES) - 1
    assert "Traceback" not in err and "cannot rollback" not in err
    # the statement on stderr says the same
    assert "1 tệp" in err
    # and a rerun finishes the job
    again = subprocess.run([EXE, "-w", str(ws.root), "import", *map(str, FILES)], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert len(_stored_files(store)) == len(FILES)


def _wait_until_waiting_for_the_lock(store: Path, proc: subprocess.Popen) -> None:
    """Wait until the import has read its first file and is blocked on the database (its -wal is opened)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        # The import opens the store before reading; its first commit then waits on BEGIN IMMEDIATE.
        # Give the readers time to finish the first file (small sample files: well under a few seconds).
        time.sleep(0.2)
        if _has_open_reader(proc.pid):
            time.sleep(8.0)
            return
    raise AssertionError("the import did not start")


def _has_open_reader(pid: int) -> bool:
    """True once the import process holds the store open (it then reads files in its workers)."""
    try:
        return any("hrplan.sqlite" in str(Path(f"/proc/{pid}/fd/{fd}").resolve())
                   for fd in (p.name for p in Path(f"/proc/{pid}/fd").iterdir()))
    except OSError:
        return False
