"""A night's inbox for the consolidate tests, from real workbooks: good files, a bad one, a correction,
a duplicate, a PDF, a zip, an Office lock file, an empty file and a file still being copied in."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

from conftest import REPO, SAMPLE, make_sample_workspace

EXE = str(Path(sys.executable).with_name("hrplan"))
CORPUS = REPO / "tests" / "corpus"
SYT = "12-CTr-TU_SYT_2016_to_2019-05.xlsx"
GROWING = "08-CTr-TU_TPCB_dang_chep.xlsx"


def night_workspace(root: Path, settle: float = 0.3, good: int = 17):
    """Give a sample workspace whose inbox holds one night's mixed arrivals (mtimes set, oldest first)."""
    ws = make_sample_workspace(root)
    config = ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("settle_seconds: 2", f"settle_seconds: {settle}"),
                      encoding="utf-8")
    inbox = ws.root / "inbox"
    t = 1_700_000_000
    # The first (mistaken) SYT file came a day earlier, into a district subfolder, under the same name as the correction.
    (inbox / "huyen").mkdir()
    _put(SAMPLE / "earlier_submissions" / SYT, inbox / "huyen" / SYT, t)
    # Always the SYT correction and HHA (sent twice), then the others: 12-CTr/TU first.
    names = sorted((SAMPLE / "submissions").glob("*.xlsx"), key=lambda p: (not p.name.startswith("12-"), p.name))
    first = [p for p in names if p.name in (SYT, "12-CTr-TU_HHA_2016_to_2019-05.xlsx")]
    goods = (first + [p for p in names if p not in first])[:good]
    for i, src in enumerate(goods, 1):
        _put(src, inbox / src.name, t + 100 * i)  # includes the SYT correction (same name, later)
    hha = SAMPLE / "submissions" / "12-CTr-TU_HHA_2016_to_2019-05.xlsx"
    _put(hha, inbox / "HHA gui lai.xlsx", t + 5000)  # the same bytes sent again under another name
    _put(CORPUS / "text_in_number_cell.xlsx", inbox / "HHA_2023-H1_sai.xlsx", t + 5100)  # a bad cell: E12
    (inbox / "scan bao cao.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    os.utime(inbox / "scan bao cao.pdf", (t + 5200, t + 5200))
    with zipfile.ZipFile(inbox / "bao_cao.zip", "w") as zf:
        zf.writestr(zipfile.ZipInfo("bao_cao.txt", date_time=(2023, 6, 1, 8, 0, 0)), "so lieu")
    os.utime(inbox / "bao_cao.zip", (t + 5300, t + 5300))
    (inbox / f"~${SYT}").write_bytes(b"\x0bNguyen Van A" + b" " * 150)  # Excel's owner file while SYT is open
    (inbox / "empty.xlsx").write_bytes(b"")
    return ws


def _put(src: Path, dest: Path, mtime: int) -> None:
    shutil.copyfile(src, dest)
    os.utime(dest, (mtime, mtime))


class Copier:
    """Keeps appending to a file in the inbox, as a slow network copy would, until stopped."""

    def __init__(self, path: Path, interval: float = 0.05):
        self.path, self.interval = path, interval
        self.source = (SAMPLE / "submissions" / "08-CTr-TU_TPCB_2021_to_2023-05.xlsx").read_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Copier:
        self.path.write_bytes(self.source[:100])
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        n = 100
        while not self._stop.wait(self.interval):
            with self.path.open("ab") as fh:
                fh.write(self.source[n % len(self.source):][:64] or b"\0")
            n += 64


def consolidate(ws, *args: str, check: bool = False, **kw) -> subprocess.CompletedProcess:
    """Run `hrplan consolidate` on the workspace as a separate process (as cron would)."""
    run = subprocess.run([EXE, "-w", str(ws.root), "consolidate", *args], capture_output=True, text=True, **kw)
    if check:
        assert run.returncode in (0, 3, 5), run.stderr + run.stdout
    return run


def start(ws, *args: str) -> subprocess.Popen:
    return subprocess.Popen([EXE, "-w", str(ws.root), "consolidate", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def store_state(root: Path) -> dict:
    """Give the store as a user would compare it: every submission, current or not, and every value with its cell."""
    db = sqlite3.connect(root / "hrplan.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    subs = db.execute("SELECT id, program, unit, period, file_name, file_hash, superseded_by FROM submissions"
                      " ORDER BY id").fetchall()
    values = db.execute("SELECT s.id, v.indicator, v.measure, v.value, v.cell FROM submission_values v"
                        " JOIN submissions s ON s.id = v.submission_id ORDER BY 1, 2, 3").fetchall()
    db.close()
    return {"submissions": subs, "values": values}


def folders_state(root: Path, growing: str = GROWING) -> dict:
    """Give every file of inbox/, done/, rejected/ and reports/ with a digest of its content."""
    out = {}
    for top in ("inbox", "done", "rejected", "reports"):
        for path in sorted((root / top).rglob("*")):
            if not path.is_file():
                continue
            rel = str(path.relative_to(root))
            if path.name == growing:
                out[rel] = "growing"
            elif path.suffix == ".json" and top == "reports" and not path.name.startswith("."):
                data = json.loads(path.read_text(encoding="utf-8"))
                data.pop("generated_at", None)
                out[rel] = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
            elif path.suffix == ".html" or path.name == ".consolidated.json":
                out[rel] = "present"  # the page carries its generation time
            else:
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out
