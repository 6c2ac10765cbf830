"""Problems as data: every error or finding has a code, a severity, a location and parameters.

Readers and validators collect `Problem`s and return them; only the CLI decides how to show
them and which exit code they mean (frictionless-py style). The human text comes from the
message catalogue (`hrplan.messages`), keyed by the problem's code.
"""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any


class Severity(str, Enum):
    """How bad a problem is: an error refuses the file or fails the check; a warning informs."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: file, sheet and cell (A1 style), any of which may be unknown."""

    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    line: int | None = None  # for text files (program definitions, CSV)
    field: str | None = None  # a field path inside a structured file, e.g. "indicators[2].kind"
    # How many more cells the figure a finding is about adds up beside this one (a year of four quarter files:
    # its first quarter's cell 'và 3 ô khác'); the report's --sources JSON lists them all.
    more: int | None = None

    def describe(self, lang: str = "en") -> str:
        """Give the location as one readable string: 'file.xlsx › Sheet1 › D12', 'units.yaml › line 24' ('dòng 24' in vi)."""
        parts = []
        if self.file:
            parts.append(Path(self.file).name)
        if self.sheet:
            parts.append(self.sheet.strip() or repr(self.sheet))
        if self.cell:
            parts.append(self.cell)
            if self.more:
                from hrplan.messages import render

                parts[-1] += " " + render("location.more", lang, n=self.more)
        if self.line is not None:
            parts.append(f"{'dòng' if lang == 'vi' else 'line'} {self.line}")
        if self.field:
            parts.append(self.field)
        return " › ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Give the location as a JSON-ready dict without empty keys."""
        return {k: v for k in _LOCATION_FIELDS if (v := getattr(self, k)) is not None}


@dataclass(frozen=True)
class Problem:
    """One problem: a catalogue code, a severity, where it is and the values its message needs."""

    code: str
    severity: Severity = Severity.ERROR
    location: Location = field(default_factory=Location)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: str = "vi") -> str:
        """Give the human message in the language asked for."""
        from hrplan.messages import render

        return render(self.code, lang, **self.params)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """Give the problem as JSON-ready data (code, severity, message, location, params)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message(lang),
            "location": self.location.to_dict(),
            "params": {k: _jsonable(v) for k, v in self.params.items()},
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


class HrplanError(Exception):
    """Raised when work cannot continue at all (no workspace, unreadable program file...).

    Carries the problems that explain why; the CLI shows them and exits with `exit_code`.
    """

    def __init__(self, problems: Problem | list[Problem], exit_code: int = 2):
        self.problems = problems if isinstance(problems, list) else [problems]
        self.exit_code = exit_code
        super().__init__("; ".join(p.code for p in self.problems))


_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_PERMITTED = {errno.EACCES, errno.EPERM, errno.EROFS}


def environment_problem(exc: BaseException | None, where: Path | str | None = None) -> Problem | None:
    """Give the problem an IT person fixes that `exc` (or an exception under it) means, or None when it is none:
    a full disk (`os.disk_full`) or a folder hrplan may not write (`os.not_permitted`), naming the folder and the
    path. `where`: the file (or folder) being written, said when the error names no path (a write that fills the
    disk, SQLite's "database or disk is full")."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        full = isinstance(exc, OSError) and exc.errno in _DISK_FULL
        if full or (isinstance(exc, OSError) and exc.errno in _NOT_PERMITTED):
            named = Path(exc.filename) if exc.filename else None
            return Problem("os.disk_full" if full else "os.not_permitted",
                           params=_where(named or where, exc.strerror or str(exc)))
        if "database or disk is full" in str(exc).lower():  # SQLite's SQLITE_FULL (through SQLAlchemy or not)
            return Problem("os.disk_full", params=_where(where, "database or disk is full"))
        orig = getattr(exc, "orig", None)
        exc = orig if isinstance(orig, BaseException) and id(orig) not in seen else (exc.__cause__ or exc.__context__)
    return None


def _where(path: Path | str | None, error: str) -> dict[str, str]:
    if path is None:
        return {"folder": "?", "path": "?", "error": error, "user": _user()}
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    return {"folder": str(folder), "path": str(path), "error": error, "user": _user()}


def _user() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError, AttributeError, OSError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "?"


def cell_name(row: int, col: int) -> str:
    """Give the A1 name of a zero-based (row, col): (0, 0) -> 'A1', (11, 3) -> 'D12'."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


_LOCATION_FIELDS = ("file", "sheet", "cell", "line", "field", "more")  # Location's, in order (slots: no __dict__)
