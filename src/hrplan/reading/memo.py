"""What reading a file gave, remembered by its bytes: a re-import of an unchanged file need not parse it again.

Reading is a function of the file's bytes, its path as named (problems are located by it, the
file-name pattern reads its name), the `ReadContext` (programs, units, limits, layouts and the
run's --program/--unit/--period/--hidden-sheets) and the code that reads. `ReadMemo` keeps, for
each file read successfully, a summary of what reading it gave (program, unit, period, how many
values, the content hash, its warnings and notes, its units' parts), keyed by all of these:

* `fingerprint(ctx)`: the context as data, and hrplan's own source files, python-calamine's and
  Python's versions. Changing a program or the units registry, an option, or the code is a miss.
* the path as named and the SHA-256 of the bytes (taken again before each use, never trusted from
  an older run): a changed file is a miss.

A miss, or a summary that cannot be kept exactly (a parameter of a type not round-tripped), means
the file is read as before; the memo never decides whether a file is stored, only spares the parse
of one whose outcome the store then decides exactly as it would have after reading it.

The memo is a small SQLite file in the workspace (one row per file path). Any failure to open,
read or write it is silent: it is only a cache, and a run without it reads every file.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from hrplan.problems import Location, Problem, Severity
from hrplan.reading.submission import ParsedSubmission
from hrplan.reading.types import ReadContext

MEMO_NAME = ".hrplan-reads.sqlite"
_FORMAT = 1  # bump when the summary's shape changes


@dataclass
class ReadSummary:
    """What reading one file (or one unit's part of it) gave, as much as its import's outcome shows."""

    path: str
    program: str | None
    unit: str | None
    period: str | None
    values: int
    content_hash: str
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    parts: list[ReadSummary] = field(default_factory=list)

    @classmethod
    def of(cls, parsed: ParsedSubmission) -> ReadSummary:
        return cls(str(parsed.path), parsed.program, parsed.unit, parsed.period, len(parsed.values),
                   parsed.content_hash(), list(parsed.problems), list(parsed.notes),
                   [cls.of(part) for part in parsed.parts])


def fingerprint(ctx: ReadContext) -> str:
    """Give a hash of everything besides the file that reading it depends on (see the module's text)."""
    data = {
        "format": _FORMAT,
        "code": _code_fingerprint(),
        "programs": [[code, program.model_dump(mode="json")] for code, program in ctx.programs.items()],
        "units": [unit.model_dump(mode="json") for unit in ctx.units.units.values()],
        "limits": ctx.limits.model_dump(mode="json"),
        "layouts": [layout.model_dump(mode="json") for layout in ctx.layouts],
        "options": [ctx.read_hidden, ctx.filename_pattern, ctx.program, ctx.unit, ctx.period],
    }
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, default=repr).encode()).hexdigest()


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Give a hash of hrplan's own files (an edited reader is a new reader) and its reader's versions."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(sys.version.encode())
    try:
        digest.update(version("python-calamine").encode())
    except PackageNotFoundError:
        digest.update(b"?")
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_hash(path: Path, max_bytes: int) -> str | None:
    """Give the SHA-256 of a regular file of at most `max_bytes` (as the reader's worker takes it), else None.

    Never blocks on a FIFO or device: those, folders, empty and too large files are left to the reader
    (which refuses them).
    """
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size <= max_bytes:
            return None
        fd = os.open(str(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    return digest.hexdigest()


class ReadMemo:
    """The workspace's memo of reads (see the module's text). Use `recall`, `remember`, then `save`."""

    def __init__(self, path: Path, ctx: ReadContext):
        self.path = path
        self.fingerprint = fingerprint(ctx)
        self.max_bytes = ctx.limits.max_file_bytes
        self._new: dict[str, tuple[str, str, str]] = {}

    def recall(self, paths: Iterable[Path]) -> dict[Path, tuple[str, ReadSummary]]:
        """Give, for each file whose bytes and context are those of a remembered read, (its hash, the summary)."""
        named = {str(p.absolute()): p for p in paths}
        if not named or not self.path.is_file():
            return {}
        rows: list[tuple[str, str, str, str]] = []
        try:
            with _connect(self.path) as db:
                keys = list(named)
                for i in range(0, len(keys), 500):
                    chunk = keys[i:i + 500]
                    rows += db.execute(f"SELECT abs_path, file_hash, context, summary FROM reads WHERE abs_path IN "
                                       f"({','.join('?' * len(chunk))})", chunk).fetchall()
        except (sqlite3.Error, OSError):
            return {}
        found: dict[Path, tuple[str, ReadSummary]] = {}
        for abs_path, stored_hash, context, text in rows:
            path = named[abs_path]
            if context != self.fingerprint:
                continue
            try:
                summary = _decode(json.loads(text))
            except (ValueError, KeyError, TypeError):
                continue
            if summary.path != str(path):  # named otherwise (relative, absolute): its problems say another path
                continue
            if file_hash(path, self.max_bytes) == stored_hash:
                found[path] = (stored_hash, summary)
        return found

    def remember(self, path: Path, file_hash: str, parsed: ParsedSubmission) -> None:
        """Note what reading a file gave, when it is a file the import would store or find unchanged."""
        if not parsed.ok:
            return
        summary = ReadSummary.of(parsed)
        try:
            encoded = _encode(summary)
            if _decode(json.loads(json.dumps(encoded))) != summary:
                return  # a parameter that does not come back the same: not kept
        except (_NotKept, TypeError, ValueError):
            return
        self._new[str(path.absolute())] = (file_hash, self.fingerprint, json.dumps(encoded, ensure_ascii=False))

    def save(self) -> None:
        """Write what was noted (silently nothing when the memo cannot be written)."""
        if not self._new:
            return
        try:
            with _connect(self.path) as db:
                db.executemany("INSERT OR REPLACE INTO reads (abs_path, file_hash, context, summary) VALUES (?, ?, ?, ?)",
                               [(k, *v) for k, v in self._new.items()])
            self._new.clear()
        except (sqlite3.Error, OSError):
            pass


class _connect:
    """A short-lived connection to the memo file, its table made when missing; commits on leaving."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        self.db = sqlite3.connect(str(self.path), timeout=5)
        try:
            self.db.execute("CREATE TABLE IF NOT EXISTS reads (abs_path TEXT PRIMARY KEY, file_hash TEXT NOT NULL, "
                            "context TEXT NOT NULL, summary TEXT NOT NULL)")
        except BaseException:
            self.db.close()
            raise
        return self.db

    def __exit__(self, kind, *exc: object) -> None:
        try:
            if kind is None:
                self.db.commit()
        finally:
            self.db.close()


# -- the summary as JSON, types kept exactly ---------------------------------------------------------------------

class _NotKept(Exception):
    """A value this encoding does not give back exactly."""


def _encode(s: ReadSummary) -> dict[str, Any]:
    return {"path": s.path, "program": s.program, "unit": s.unit, "period": s.period, "values": s.values,
            "content_hash": s.content_hash, "problems": [_problem(p) for p in s.problems],
            "notes": [_problem(n) for n in s.notes], "parts": [_encode(part) for part in s.parts]}


def _decode(d: dict[str, Any]) -> ReadSummary:
    return ReadSummary(d["path"], d["program"], d["unit"], d["period"], d["values"], d["content_hash"],
                       [_unproblem(p) for p in d["problems"]], [_unproblem(n) for n in d["notes"]],
                       [_decode(part) for part in d["parts"]])


def _problem(p: Problem) -> dict[str, Any]:
    loc = p.location
    return {"code": p.code, "severity": p.severity.value,
            "location": [loc.file, loc.sheet, loc.cell, loc.line, loc.field],
            "params": [[k, _value(v)] for k, v in p.params.items()]}


def _unproblem(d: dict[str, Any]) -> Problem:
    return Problem(d["code"], Severity(d["severity"]), Location(*d["location"]),
                   {k: _unvalue(v) for k, v in d["params"]})


def _value(v: Any) -> Any:
    """Tag each value with its type: JSON alone would turn a tuple into a list, a Decimal into text."""
    if v is None or type(v) in (str, bool):
        return ["=", v]
    if type(v) is int:
        return ["i", str(v)]
    if type(v) is float:
        return ["f", repr(v)]
    if type(v) is Decimal:
        return ["d", str(v)]
    if type(v) in (list, tuple):
        return ["l" if type(v) is list else "t", [_value(x) for x in v]]
    raise _NotKept(type(v).__name__)


def _unvalue(tagged: list) -> Any:
    tag, v = tagged
    if tag == "=":
        return v
    if tag == "i":
        return int(v)
    if tag == "f":
        return float(v)
    if tag == "d":
        return Decimal(v)
    if tag in ("l", "t"):
        items = [_unvalue(x) for x in v]
        return items if tag == "l" else tuple(items)
    raise ValueError(tag)
