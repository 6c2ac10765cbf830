"""Store URLs: where a workspace keeps its store, and how to show that without a password.

    hrplan.sqlite                       a plain path (old workspaces): an SQLite file, relative to the workspace
    sqlite:///hrplan.sqlite             the same, as a URL (the default for new workspaces)
    sqlite:////srv/hrplan/store.sqlite  an absolute path (four slashes)
    postgresql://analyst@db.tinh.vn/hrplan   a PostgreSQL server (password from ~/.pgpass or PGPASSWORD)

A password written in the URL works but is never shown: `masked()` replaces it with '***'
in every message, log line and `store info`, and shows a server as the user writes it ('postgresql://',
without the driver hrplan connects through).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from hrplan.problems import HrplanError, Problem

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

DEFAULT_STORE = "sqlite:///hrplan.sqlite"
_PSYCOPG = "postgresql+psycopg"  # what 'postgresql://' connects with; messages show the URL without it
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
# An SQLite URL with nothing but a path (the usual case): read without SQLAlchemy, which takes a good part of a
# second to import and which `hrplan status` does not otherwise need. Anything else goes through SQLAlchemy's parser.
_PLAIN_SQLITE = re.compile(r"^sqlite(?:\+\w+)?:///(?P<database>[^?]*)$")


@dataclass(frozen=True)
class StoreUrl:
    """A resolved store location: which backend, the SQLite file, and the SQLAlchemy URL to connect with.

    `parsed` is the SQLAlchemy URL when the text needed SQLAlchemy's parser (a server, an SQLite URL with
    options); for a plain SQLite file it is None and `url` makes it when a connection needs it.
    """

    backend: str  # 'sqlite' or 'postgresql'
    file: Path | None = None  # SQLite: the file
    parsed: URL | None = field(default=None, repr=False)

    @property
    def url(self) -> URL:
        """Give the SQLAlchemy URL (with its password: for connecting only)."""
        if self.parsed is not None:
            return self.parsed
        from sqlalchemy.engine import URL

        return URL.create("sqlite", database=str(self.file))

    @property
    def is_server(self) -> bool:
        return self.backend != "sqlite"

    @property
    def path(self) -> Path | None:
        """Give the SQLite file, or None for a server."""
        return self.file

    def masked(self) -> str:
        """Give the URL as text with any password replaced by '***' (safe for messages and logs)."""
        if self.parsed is not None:
            return _masked(self.parsed)
        return "sqlite:///" + quote(str(self.file), safe=" +/")  # as SQLAlchemy renders it

    def __str__(self) -> str:
        return self.masked()

    def __repr__(self) -> str:
        return f"StoreUrl({self.masked()!r})"


def parse_store_url(text: str | Path, base: Path | None = None) -> StoreUrl:
    """Give the store named by `text`: a URL or a plain path; relative SQLite paths are taken from `base`."""
    raw = str(text).strip()
    plain = _PLAIN_SQLITE.match(raw)
    if not _SCHEME.match(raw) or plain:  # a plain path, as old workspaces write it, or an SQLite URL of a path
        database = raw if plain is None else unquote(plain["database"])
        if plain is not None and database in ("", ":memory:"):
            raise HrplanError(Problem("store.bad_url", params={"url": mask_text(raw)}))
        path = Path(database).expanduser()
        return StoreUrl("sqlite", path if path.is_absolute() or base is None else base / path)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    _refuse_unencoded_password(raw)
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError):
        raise HrplanError(Problem("store.bad_url", params={"url": mask_text(raw)})) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise HrplanError(Problem("store.bad_url", params={"url": mask_text(raw)}))
        path = Path(url.database).expanduser()
        if not path.is_absolute() and base is not None:
            path = base / path
        return StoreUrl("sqlite", path, url.set(drivername="sqlite", database=str(path)))
    if backend == "postgresql":
        if url.drivername in ("postgresql", "postgres"):  # the plain form users write: use psycopg 3
            url = url.set(drivername=_PSYCOPG)
        return StoreUrl("postgresql", None, url)
    raise HrplanError(Problem("store.unsupported", params={"url": _masked(url), "backend": backend}))


def _masked(url: URL) -> str:
    """Give the URL as the user writes it ('postgresql://', not the driver hrplan connects with), password hidden."""
    if url.drivername == _PSYCOPG:
        url = url.set(drivername="postgresql")
    return url.render_as_string(hide_password=True)


def mask_text(text: str) -> str:
    """Hide the password of any URL inside `text` ('user:secret@host' -> 'user:***@host'), up to the LAST '@' of
    the URL: a password typed with an '@' of its own ('An@lyst') is hidden whole."""
    return re.sub(r"(://[^:/@\s]*:)\S*@", r"\1***@", text)


_UNENCODED = set("@#/?:")


def _refuse_unencoded_password(raw: str) -> None:
    """Refuse, before any connection, a URL whose password holds '@', '#', '/', '?' or ':' as typed: the URL parser
    would take part of it for the host (and look that up in the DNS) or the path. The password is never shown."""
    rest = raw.split("://", 1)[1] if "://" in raw else raw
    at = rest.rfind("@")
    if at < 0:
        return
    user, colon, password = rest[:at].partition(":")
    if colon and (_UNENCODED & set(password)):
        shown = raw.split("://", 1)[0] + "://" + user + ":***@" + rest[at + 1:]
        raise HrplanError(Problem("store.password_not_encoded", params={"url": shown}))


def unreachable(url: StoreUrl, exc: Exception) -> HrplanError:
    """Say the store could not be opened, without the password (neither from the URL nor the driver's text)."""
    orig = getattr(exc, "orig", None) or exc
    reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if url.path is not None:  # a file: say what is wrong with the path, not with a server
        path = url.path
        return HrplanError(Problem(_path_trouble(path), params={"path": str(path), "found": mask_text(reason)}))
    if url.url.password:
        reason = reason.replace(str(url.url.password), "***")
    return HrplanError(Problem("store.unreachable", params={"url": url.masked(), "found": mask_text(reason)}))


def _path_trouble(path: Path) -> str:
    """Give the problem code of what stands in the way of an SQLite file at `path`."""
    if path.is_dir():
        return "store.file_is_folder"
    if not path.parent.is_dir():
        return "store.file_folder_missing"
    return "store.file_unusable"
