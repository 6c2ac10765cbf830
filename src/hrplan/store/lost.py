"""A store that went away in the middle of a run: told apart from a bug in hrplan.

An IT restart of the server (`pg_ctl stop -m fast`), a network cut, or an SQLite file whose disk or share
vanished breaks the connection at any moment, not only when it opens. That is a store problem: the user is
told so in their language, without SQL, parameters or the driver's text, and the run stops at once (one
message, not one per file left). What hrplan's own SQL gets wrong (a syntax error, a constraint, a type)
stays a bug: only the errors below count as a lost store.
"""
from __future__ import annotations

from hrplan.problems import HrplanError, Problem

# The exit code of a store that cannot be reached or went away during the run: the one `store.unreachable`
# has always had (README "Exit codes": 2), whether the server was gone before the run or left in its middle.
EXIT_STORE = 2

# PostgreSQL states that mean the connection is gone or the server is going away: class 08 (connection
# exception), admin_shutdown, crash_shutdown, cannot_connect_now. A statement cancelled, a serialization
# failure, a full disk or a lock not available are OperationalErrors too, and are not a lost store.
_PG_GONE = ("57P01", "57P02", "57P03")
# SQLite: the file's disk or share went away (I/O error) or the file can no longer be opened.
_SQLITE_GONE = ("SQLITE_IOERR", "SQLITE_CANTOPEN")
_SQLITE_GONE_TEXT = ("disk i/o error", "unable to open database file")


def connection_lost(exc: BaseException) -> bool:
    """Tell whether `exc` (SQLAlchemy's or the driver's own) means the store went away, rather than a bug."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, HrplanError):
            return False  # already told as what it is (a store that cannot be reached, a bad path)
        seen.add(id(exc))
        if getattr(exc, "connection_invalidated", False):  # SQLAlchemy's dialect recognised a disconnect
            return True
        orig = getattr(exc, "orig", None)
        if _driver_lost(orig if orig is not None else exc):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _driver_lost(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    name = type(exc).__mro__
    if module.startswith("psycopg"):
        if not any(c.__name__ == "OperationalError" for c in name):
            return False
        state = getattr(exc, "sqlstate", None)
        return state is None or state.startswith("08") or state in _PG_GONE  # None: the socket closed under it
    if module == "sqlite3":
        if not any(c.__name__ == "OperationalError" for c in name):
            return False
        code = getattr(exc, "sqlite_errorname", "") or ""
        return code.startswith(_SQLITE_GONE) or str(exc).lower().startswith(_SQLITE_GONE_TEXT)
    return False


def store_lost(url: object) -> HrplanError:
    """Give the error that says the store `url` (a StoreUrl: shown masked) went away; nothing was half-written."""
    return HrplanError(Problem("store.lost", params={"url": _shown(url)}), exit_code=EXIT_STORE)


def _shown(url: object) -> str:
    masked = getattr(url, "masked", None)
    return masked() if callable(masked) else str(url or "")
