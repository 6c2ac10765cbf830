"""What reading a file gave, remembered by its bytes: a re-import of an unchanged file need not parse it again.

Reading is a function of the file's bytes, its path as named (problems are located by it, the
file-name pattern reads its name), the `ReadContext` (programs, units, limits, layouts and the
run's --program/--unit/--period/--hidden-sheets) and the code that reads. `ReadMemo` keeps, for
each file read successfully, a summary of what reading it gave (program, unit, period, how many
values, the content hash, its warnings and notes, its units' parts), keyed by all of these:

* `read_fingerprint(definitions, ...)`: the SHA-256 of every file the programs and units are read from
  (their bytes, named by path: the workspace gives them), the rest of the context as data (limits,
  layouts, the run's options), and hrplan's own source files, python-calamine's and Python's versions.
  Changing a program, a targets table or the units registry, an option, or the code is a miss. Keyed
  by the definitions' bytes rather than by the programs as loaded, a re-import that finds every file
  remembered need not load a program at all (a national targets table: 0.7 s).
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
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from hrplan.problems import Location, Problem, Severity
from hrplan.reading.submission import ParsedSubmission

if TYPE_CHECKING:
    from hrplan.definitions import DeclaredLayout
    from hrplan.workbooks import ReadLimits

MEMO_NAME = ".hrplan-reads.sqlite"
_FORMAT = 2  # bump when the summary's or the fingerprint's shape changes


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
                   parsed.sealed_content_hash(), list(parsed.problems), list(parsed.notes),
                   [cls.of(part) for part in parsed.parts])


def read_fingerprint(definitions: Mapping[str, str], limits: ReadLimits, layouts: list[DeclaredLayout],
                options: list[Any]) -> str:
    """Give a hash of everything besides the file that reading it depends on (see the module's text):
    `definitions` maps each definitions file to the SHA-256 of its bytes; `options` are the run's own."""
    data = {
        "format": _FORMAT,
        "code": _code_fingerprint(),
        "definitions": sorted(definitions.items()),
        "limits": limits.model_dump(mode="json"),
        "layouts": [layout.model_dump(mode="json") for layout in layouts],
        "options": options,
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

    def __init__(self, path: Path, fingerprint: str | None, max_bytes: int):
        """`fingerprint`: the context's (see `read_fingerprint`); None: recall nothing and remember nothing."""
        self.path = path
        self.fingerprint = fingerprint
        self.max_bytes = max_bytes
        self._new: dict[str, tuple[str, str, str]] = {}
        self._sources: list[str] | None = None

    def definition_sources(self) -> list[str]:
        """Give the definitions files besides the program files and the registry (the targets tables)
        that the last run which loaded the programs named: hashed before loading any program, so that a
        run that need not load them can still tell whether they changed."""
        if not self.path.is_file():
            return []
        try:
            with _connect(self.path) as db:
                row = db.execute("SELECT files FROM sources WHERE name = 'definitions'").fetchone()
            files = json.loads(row[0]) if row else []
        except (sqlite3.Error, OSError, ValueError):
            return []
        return [f for f in files if isinstance(f, str)] if isinstance(files, list) else []

    def note_definition_sources(self, files: list[str]) -> None:
        """Say which definitions files (see `definition_sources`) the programs were loaded from this run."""
        self._sources = sorted(files)

    def recall(self, paths: Iterable[Path]) -> dict[Path, tuple[str, ReadSummary]]:
        """Give, for each file whose bytes and context are those of a remembered read, (its hash, the summary)."""
        named = {str(p.absolute()): p for p in paths}
        if not named or self.fingerprint is None or not self.path.is_file():
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
        if not parsed.ok or self.fingerprint is None:
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
        if not self._new and self._sources is None:
            return
        try:
            with _connect(self.path) as db:
                db.executemany("INSERT OR REPLACE INTO reads (abs_path, file_hash, context, summary) VALUES (?, ?, ?, ?)",
                               [(k, *v) for k, v in self._new.items()])
                if self._sources is not None:
                    db.execute("INSERT OR REPLACE INTO sources (name, files) VALUES ('definitions', ?)",
                               (json.dumps(self._sources, ensure_ascii=False),))
            self._new.clear()
            self._sources = None
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
            self.db.execute("CREATE TABLE IF NOT EXISTS sources (name TEXT PRIMARY KEY, files TEXT NOT NULL)")
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
