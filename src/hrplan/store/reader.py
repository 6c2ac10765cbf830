"""Reading an up-to-date SQLite store with the standard sqlite3 module: `hrplan status` without SQLAlchemy.

SQLAlchemy and Alembic take most of a second to import, and `status` only counts submissions.
`open_reader` gives the light `SqliteReader` only when there is nothing to decide about the
store: an SQLite file that exists, stamped by Alembic at this hrplan's SCHEMA_VERSION with the
`schema_version` table at that version too. In every other case (no file yet, an older store to
migrate, a newer one to refuse, a server, a URL with options, a file sqlite3 cannot read) it gives
a full `Store`, which does what every other command does with such a store.

The reader answers the queries `status` asks with the same rows, in the same order, as `Store`.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator
from urllib.parse import quote

from hrplan.store.records import SubmissionRecord
from hrplan.store.urls import StoreUrl
from hrplan.store.version import SCHEMA_VERSION

if TYPE_CHECKING:
    from hrplan.store.database import Store

_COLUMNS = ("id, program, unit, period, file_name, file_hash, content_hash, imported_at, superseded_by, sheet,"
            " header_row, file_mtime, file_path")
_TABLES = {"alembic_version", "schema_version", "submissions", "submission_values"}


def open_reader(url: StoreUrl) -> SqliteReader | Store:
    """Give a read-only view of the store: the light reader on an up-to-date SQLite file, else a `Store`
    (which creates, migrates or refuses the store as it does for every command)."""
    reader = _light(url)
    if reader is not None:
        return reader
    from hrplan.store.database import Store

    return Store(url)


def _light(url: StoreUrl) -> SqliteReader | None:
    if url.backend != "sqlite" or url.parsed is not None or url.path is None or not url.path.is_file():
        return None
    try:
        # mode=rw: never create the file (a missing store is the full Store's to make, with its tables).
        conn = sqlite3.connect(f"file:{quote(str(url.path.absolute()))}?mode=rw", uri=True, timeout=30,
                               isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        if _up_to_date(conn):
            return SqliteReader(url, conn)
    except sqlite3.Error:  # not a database, unreadable: the full Store says so as it does everywhere
        pass
    conn.close()
    return None


def _up_to_date(conn: sqlite3.Connection) -> bool:
    """Tell whether the store is exactly at SCHEMA_VERSION (what `migrate.is_current` says, read strictly)."""
    conn.execute("BEGIN")
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not _TABLES <= tables:
            return False
        revisions = [r for (r,) in conn.execute("SELECT version_num FROM alembic_version")]
        (version,) = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return revisions == [f"{SCHEMA_VERSION:04d}"] and version == SCHEMA_VERSION
    finally:
        conn.execute("COMMIT")


class SqliteReader:
    """An open, read-only view of an up-to-date SQLite store (use as a context manager, or call close())."""

    backend = "sqlite"

    def __init__(self, url: StoreUrl, conn: sqlite3.Connection):
        self.url = url
        self.conn = conn

    def __enter__(self) -> SqliteReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self.conn.close()

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Read everything in the block as of one moment (WAL: an import committing meanwhile is not seen)."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("ROLLBACK")

    def submissions(self, program: str | None = None, unit: str | None = None, period: str | None = None,
                    include_superseded: bool = False) -> list[SubmissionRecord]:
        """Give submissions matching the filters, oldest first (as `Store.submissions`)."""
        where, params = [], []
        for column, value in (("program", program), ("unit", unit), ("period", period)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if not include_superseded:
            where.append("superseded_by IS NULL")
        query = f"SELECT {_COLUMNS} FROM submissions" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        with self.snapshot():
            return [SubmissionRecord(*row) for row in self.conn.execute(query, params)]

    def counts(self, programs: list[str] | None = None) -> dict[str, int]:
        """Give how many submissions (current and superseded) and values the store holds, of `programs` only
        when given (as `Store.counts`)."""
        mine, params = "", []
        if programs is not None:
            mine, params = f"program IN ({', '.join('?' * len(programs))})", list(programs)
        with self.snapshot():
            (current,) = self.conn.execute("SELECT COUNT(*) FROM submissions WHERE superseded_by IS NULL"
                                           + (f" AND {mine}" if mine else ""), params).fetchone()
            (old,) = self.conn.execute("SELECT COUNT(*) FROM submissions WHERE superseded_by IS NOT NULL"
                                       + (f" AND {mine}" if mine else ""), params).fetchone()
            (values,) = self.conn.execute("SELECT COUNT(*) FROM submission_values" + (
                f" WHERE submission_id IN (SELECT id FROM submissions WHERE {mine})" if mine else ""), params).fetchone()
        return {"current": current, "superseded": old, "values": values}
