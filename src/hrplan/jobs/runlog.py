"""The nightly job's log: one line per file and one summary line per run, rotated by size.

    logs/consolidate.log          the current log (consolidate.log.1 ... .N: older ones)
    logs/consolidate-last.json    the last run and the last run that took files (for `hrplan status`), and the
                                  run taking files now ('running', gone when it finishes: left by a killed run)

Each line starts with the time, the process id and a fixed English keyword (imported, updated,
unchanged, rejected, settled, waiting, failed, report, check, unmatched, interrupted, run) so that `grep` finds
things whatever the message language; the rest is the message in the run's language.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from hrplan.jobs.inbox import OWN_TEMPORARY

LOG_NAME = "consolidate.log"
LAST_RUN_NAME = "consolidate-last.json"


def now_text() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


class RunLog:
    """Appends lines to the workspace's log; rotates it first when it has grown past the limit."""

    def __init__(self, folder: Path, max_bytes: int = 1 << 20, keep: int = 5):
        self.folder, self.max_bytes, self.keep = folder, max_bytes, keep
        self.path = folder / LOG_NAME
        # A log that cannot be written (a full disk, a folder hrplan may not write) never stops the run's account of
        # itself: the first error is kept, and every line not written, for the caller to say elsewhere (stderr).
        self.failure: OSError | None = None
        self.unwritten: list[str] = []

    def rotate_if_due(self) -> None:
        """Shift consolidate.log to .1, .1 to .2 ... dropping the oldest (only the lock holder calls this)."""
        try:
            self._rotate()
        except OSError as exc:
            self.failure = self.failure or exc

    def _rotate(self) -> None:
        try:
            if self.path.stat().st_size < self.max_bytes:
                return
        except FileNotFoundError:
            return
        if self.keep == 0:
            self.path.unlink(missing_ok=True)
            return
        for n in range(self.keep - 1, 0, -1):
            older = self.folder / f"{LOG_NAME}.{n}"
            if older.exists():
                older.replace(self.folder / f"{LOG_NAME}.{n + 1}")
        self.path.replace(self.folder / f"{LOG_NAME}.1")

    def line(self, keyword: str, text: str) -> str:
        """Append one line and give it (without the newline); a line that cannot be written is kept in `unwritten`
        and the error in `failure` (never raised: what the run did is still told, on stderr by the caller)."""
        entry = f"{now_text()} [{os.getpid()}] {keyword} {text}".replace("\n", " ")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # One write per line on a file opened for appending: lines of two processes never interleave.
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(entry + "\n")
        except OSError as exc:
            self.failure = self.failure or exc
            self.unwritten.append(entry)
        return entry

    def record(self, summary: dict[str, Any]) -> None:
        """`write_last_run`, its failure kept as a line's is."""
        try:
            write_last_run(self.folder, summary)
        except OSError as exc:
            self.failure = self.failure or exc


def write_last_run(folder: Path, summary: dict[str, Any]) -> None:
    """Record the run for `hrplan status`: always as 'last', and as 'last_with_files' when it took files (the
    'running' mark of `mark_running` goes: the run finished)."""
    previous = read_last_run(folder) or {}
    record = {"last": summary, "last_with_files": previous.get("last_with_files")}
    if summary.get("files"):
        record["last_with_files"] = summary
    _write_record(folder, record)


def mark_running(folder: Path, started: str) -> None:
    """Record that this process's run started taking files ('running': its start and process id), so that a run
    killed before its summary is still seen: by `hrplan status`, and by the next run (`interrupted_run`)."""
    record = read_last_run(folder) or {}
    record["running"] = {"started": started, "pid": os.getpid()}
    _write_record(folder, record)


def _write_record(folder: Path, record: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LAST_RUN_NAME
    tmp = folder / f".{LAST_RUN_NAME}{OWN_TEMPORARY}"
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    tmp.replace(path)


FILE_KEYWORDS = ("imported", "updated", "unchanged", "rejected", "failed")


def lines_of_run(folder: Path, pid: int, started: str) -> list[dict[str, str]]:
    """Give the per-file lines a run (its process id, from its start) wrote in the log and its rotated copies:
    [{outcome, file, line}] in order; what a killed run did, told by its own log."""
    out = []
    for path in sorted(folder.glob(f"{LOG_NAME}.*"), key=lambda p: -_rotation(p)) + [folder / LOG_NAME]:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            parts = line.split(" ", 3)
            if len(parts) < 4 or parts[1] != f"[{pid}]" or parts[0] < started or parts[2] not in FILE_KEYWORDS:
                continue
            out.append({"outcome": parts[2], "file": parts[3].split(" → ")[0].split(": ")[0], "line": line})
    return out


def _rotation(path: Path) -> int:
    suffix = path.name.rsplit(".", 1)[-1]
    return int(suffix) if suffix.isdigit() else 0


def read_last_run(folder: Path) -> dict[str, Any] | None:
    """Give what `write_last_run` recorded, or None when the job never ran (or the record is unreadable)."""
    try:
        return json.loads((folder / LAST_RUN_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
