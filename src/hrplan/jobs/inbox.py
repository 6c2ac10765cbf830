"""The inbox: which files are ready to take, which are still being written, which are not workbooks.

A file is taken only when it has settled: it is seen twice, `settle_seconds` apart, with the
same size and modification time, and it is not empty. Office lock files (`~$Báo cáo.xlsx`,
`.~lock.x.ods#`), hidden files and the temporary names of copy tools and browsers (`.tmp`,
`.part`, `.crdownload` ...) are never taken: the real file appears under its own name when the
copy ends. Everything else that has settled is taken, workbook or not, so that a PDF or a zip
sent by mistake is answered with a reason instead of lying in the inbox in silence.

A copy can also pause longer than `settle_seconds` (a network share, a mail fetcher): an .xlsx or .ods
(a ZIP container) that starts as one (or with the zeros a copy tool reserves the file with) but whose
end is not written yet (no end-of-central-directory record) and that was changed less than
`INCOMPLETE_GRACE` ago waits as 'incomplete'; were it taken, it would be refused as damaged while the
copy went on finishing it. Past the grace it is taken and refused with its reason. A file named .xlsx
that does not start as a ZIP at all (text, HTML, a PDF renamed) is no copy on its way: it is taken at
once and refused with what import says it is.
"""
from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from hrplan.names import arrival_order

TEMPORARY_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".filepart", ".swp", "~")
INCOMPLETE_GRACE = 15 * 60  # seconds a ZIP workbook without its end may still be on its way
_ZIP_WORKBOOKS = (".xlsx", ".xlsm", ".ods")
_ZIP_START = b"PK\x03\x04"  # a ZIP's first local file header: how every .xlsx and .ods begins
_ZIP_END = b"PK\x05\x06"  # the end-of-central-directory record, within the last 64 KiB + 22 bytes
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 file's first bytes (.xls, a password-protected .xlsx)
# Our own half-written files (a move across disks, a reason file) if a run was killed while writing them.
OWN_TEMPORARY = ".hrplan-tmp"


@dataclass(frozen=True)
class InboxFile:
    """A file found in the inbox and what the job does with it now."""

    path: Path
    size: int
    mtime_ns: int
    # why it is left for the next run: 'lock_file', 'temporary', 'empty', 'changing', 'incomplete', 'not_a_file'
    wait_reason: str | None = None

    @property
    def is_workbook(self) -> bool:
        from hrplan.workbooks import WORKBOOK_SUFFIXES  # not at the top: `status` reads OWN_TEMPORARY, not workbooks

        return self.path.suffix.lower() in WORKBOOK_SUFFIXES

    @property
    def ready(self) -> bool:
        return self.wait_reason is None


def temporary_reason(name: str) -> str | None:
    """Give why a file name marks a file that is not a submission yet ('lock_file', 'temporary'), or None."""
    lower = name.lower()
    if name.startswith("~$") or name.startswith(".~lock."):
        return "lock_file"  # Excel / LibreOffice: someone has the file open
    if name.startswith(".") or lower.endswith(TEMPORARY_SUFFIXES) or OWN_TEMPORARY in lower:
        return "temporary"
    return None


def _look(inbox: Path) -> dict[Path, tuple[int, int]]:
    """Give (size, mtime in ns) of every file under the inbox; a link or a special file (a FIFO, a socket) is never
    followed nor opened, and is given as (-1, 0): it waits, named, until someone puts the file itself there."""
    seen: dict[Path, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(inbox):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(folder) / name
            try:
                st = path.lstat()
            except OSError:
                continue  # gone between listing and looking: it is someone else's temporary file
            if stat.S_ISLNK(st.st_mode) or not stat.S_ISREG(st.st_mode):
                seen[path] = (-1, 0)
                continue
            seen[path] = (st.st_size, st.st_mtime_ns)
    return seen


def scan_inbox(inbox: Path, settle_seconds: float, sleep: Callable[[float], None] = time.sleep) -> list[InboxFile]:
    """Give every file in the inbox, ready ones first in the order they apply (time, then name)."""
    first = _look(inbox)
    if any(temporary_reason(p.name) is None and size > 0 for p, (size, _) in first.items()) and settle_seconds > 0:
        sleep(settle_seconds)
    second = _look(inbox)
    found: list[InboxFile] = []
    for path, (size, mtime) in second.items():
        reason = temporary_reason(path.name)
        if size < 0:
            reason = "not_a_file"  # a link or a FIFO: hrplan never follows nor opens one
        if reason is None and size == 0:
            reason = "empty"  # a copy that has created the file but written nothing yet
        if reason is None and first.get(path) != (size, mtime):
            reason = "changing"
        if reason is None and _unfinished_zip(path, mtime):
            reason = "incomplete"
        found.append(InboxFile(path, size, mtime, reason))
    return sorted(found, key=lambda f: (not f.ready, f.mtime_ns, arrival_order(f.path.name), str(f.path)))


def _unfinished_zip(path: Path, mtime_ns: int, now: float | None = None) -> bool:
    """Tell whether an .xlsx/.ods changed less than INCOMPLETE_GRACE ago lacks its ZIP end (a copy that paused)."""
    if path.suffix.lower() not in _ZIP_WORKBOOKS:
        return False
    if (now if now is not None else time.time()) - mtime_ns / 1e9 > INCOMPLETE_GRACE:
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head == _OLE2:  # a password-protected .xlsx is an OLE2 file, whole: refused at once, with why
                return False
            if not _ZIP_START.startswith(head[:4]) and head.strip(b"\0"):
                return False  # neither a ZIP's start nor a reserved file's zeros: no copy of a workbook on its way
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - (65536 + 22)))
            tail = fh.read()
    except OSError:
        return False  # the reader says what is wrong with it
    return _ZIP_END not in tail
