"""Two and four `hrplan import` processes on one workspace at once store exactly what one serial run stores.

Real processes, a real SQLite store, the sample's files (a first version and its correction among
them) given to every process in a different order: nothing is stored twice, no stale file is
current, and the final store equals a serial run's.
"""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE, make_sample_workspace

EXE = str(Path(sys.executable).with_name("hrplan"))


def _inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    first = SAMPLE / "earlier_submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"
    shutil.copy(first, folder / "12-CTr-TU_SYT_lan1.xlsx")
    os.utime(folder / "12-CTr-TU_SYT_lan1.xlsx", (1_600_000_000, 1_600_000_000))  # arrived before the correction
    for i, path in enumerate(sorted((SAMPLE / "submissions").glob("*.xlsx"))):
        shutil.copy(path, folder / path.name)
        os.utime(folder / path.name, (1_600_000_100 + i, 1_600_000_100 + i))
    return folder


def _state(root: Path) -> list[tuple]:
    """What the store holds, independent of ids: per file its key, whether current, and its values."""
    db = sqlite3.connect(root / "hrplan.sqlite")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute(
            "SELECT s.file_name, s.program, s.unit, s.period, s.superseded_by IS NULL, v.indicator, v.measure, v.value"
            " FROM submissions s JOIN submission_values v ON v.submission_id = s.id").fetchall()
        return sorted(rows)
    finally:
        db.close()


@pytest.mark.parametrize("processes", [2, 4])
def test_concurrent_imports_equal_a_serial_run(tmp_path, processes):
    inbox = _inbox(tmp_path)
    serial = make_sample_workspace(tmp_path / "serial")
    subprocess.run([EXE, "-w", str(serial.root), "import", str(inbox)], check=True, capture_output=True)
    expected = _state(serial.root)
    assert any(not row[4] for row in expected)  # the first version is in history, not current

    ws = make_sample_workspace(tmp_path / "concurrent")
    files = sorted(inbox.iterdir())
    procs = []
    for n in range(processes):
        order = files[:]
        random.Random(n).shuffle(order)  # each process names the files in another order; arrival still decides
        procs.append(subprocess.Popen([EXE, "-w", str(ws.root), "import", "--wait", "300", "--workers", "1",
                                       *map(str, order)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    assert _state(ws.root) == expected
    db = sqlite3.connect(ws.root / "hrplan.sqlite")
    try:
        (doubles,) = db.execute("SELECT COUNT(*) FROM (SELECT file_hash FROM submissions GROUP BY file_hash"
                                " HAVING COUNT(*) > 1)").fetchone()
    finally:
        db.close()
    assert doubles == 0
