"""The store: submissions and their values, with history, in SQLite (one module owns all SQL).

Every import of one file is one transaction: all of its values or none. A newer submission
for the same program, unit and period supersedes the current one, which stays in history
(`superseded_by` points at its successor). Every value keeps the sheet and cell it came from.
The schema is versioned (`schema_version` table) and migrated forward on open; the SQL is
plain enough to run on PostgreSQL later.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from hrplan.problems import HrplanError, Problem
from hrplan.reading import StoredValue

MIGRATIONS: list[str] = [
    # 1: submissions, values, per-submission problems
    """
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        program TEXT NOT NULL,
        unit TEXT NOT NULL,
        period TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_path TEXT,
        file_hash TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        file_mtime TEXT,
        imported_at TEXT NOT NULL,
        sheet TEXT,
        header_row INTEGER,
        notes TEXT NOT NULL DEFAULT '[]',
        superseded_by INTEGER REFERENCES submissions(id)
    );
    CREATE INDEX submissions_key ON submissions(program, period, unit);
    CREATE INDEX submissions_file_hash ON submissions(file_hash);
    CREATE UNIQUE INDEX submissions_current ON submissions(program, unit, period) WHERE superseded_by IS NULL;
    CREATE TABLE submission_values (
        submission_id INTEGER NOT NULL REFERENCES submissions(id),
        indicator TEXT NOT NULL,
        measure TEXT NOT NULL,
        value TEXT NOT NULL,
        uom TEXT,
        sheet TEXT,
        cell TEXT,
        raw TEXT,
        PRIMARY KEY (submission_id, indicator, measure)
    );
    CREATE TABLE submission_problems (
        submission_id INTEGER NOT NULL REFERENCES submissions(id),
        code TEXT NOT NULL,
        severity TEXT NOT NULL,
        sheet TEXT,
        cell TEXT,
        params TEXT NOT NULL DEFAULT '{}'
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class SubmissionRecord:
    """A stored submission's identity and provenance."""

    id: int
    program: str
    unit: str
    period: str
    file_name: str
    file_hash: str
    content_hash: str
    imported_at: str
    superseded_by: int | None
    sheet: str | None
    header_row: int | None
    file_mtime: str | None


class Store:
    """An open store. Use as a context manager or call close()."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        try:
            self._migrate()
        except BaseException:
            self.db.close()  # a refused store (newer schema) is not left open
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        if self._stored_version() == SCHEMA_VERSION:
            return  # the usual open takes no write lock
        # Read the version again inside the write transaction: two processes opening a new store
        # at once must not both run the same migration.
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self._stored_version()
            if current > SCHEMA_VERSION:
                raise HrplanError(Problem("store.newer_schema", params={"found": current, "expected": SCHEMA_VERSION}))
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version - 1].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _stored_version(self) -> int:
        try:
            return self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
        except sqlite3.OperationalError:  # a new file: no schema_version table yet
            return 0

    def schema_version(self) -> int:
        """Give the schema version the store is at."""
        return self._stored_version()

    # -- writing --------------------------------------------------------------------------
    def find_by_file_hash(self, file_hash: str) -> SubmissionRecord | None:
        """Give the earliest submission imported from a file with these exact bytes, if any."""
        row = self.db.execute("SELECT * FROM submissions WHERE file_hash = ? ORDER BY id LIMIT 1", (file_hash,)).fetchone()
        return _record(row) if row else None

    def current(self, program: str, unit: str, period: str) -> SubmissionRecord | None:
        """Give the submission now in force for a program, unit and period, if any."""
        row = self.db.execute(
            "SELECT * FROM submissions WHERE program = ? AND unit = ? AND period = ? AND superseded_by IS NULL",
            (program, unit, period),
        ).fetchone()
        return _record(row) if row else None

    def add_submission(
        self,
        *,
        program: str,
        unit: str,
        period: str,
        file_name: str,
        file_path: str | None,
        file_hash: str,
        content_hash: str,
        file_mtime: str | None,
        sheet: str | None,
        header_row: int | None,
        values: Iterable[StoredValue],
        problems: Iterable[Problem] = (),
        notes: list[str] | None = None,
    ) -> tuple[int, int | None]:
        """Store a submission in one transaction; give (new id, id of the one it superseded or None)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            previous = self.current(program, unit, period)
            if previous is not None:
                # Free the 'current' slot first (pointing at itself keeps the foreign key valid);
                # the successor's id is set right after the insert, in the same transaction.
                self.db.execute("UPDATE submissions SET superseded_by = id WHERE id = ?", (previous.id,))
            cur = self.db.execute(
                "INSERT INTO submissions (program, unit, period, file_name, file_path, file_hash, content_hash,"
                " file_mtime, imported_at, sheet, header_row, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (program, unit, period, file_name, file_path, file_hash, content_hash, file_mtime,
                 datetime.now(timezone.utc).isoformat(timespec="seconds"), sheet, header_row,
                 json.dumps(notes or [], ensure_ascii=False)),
            )
            new_id = cur.lastrowid
            if previous is not None:
                self.db.execute("UPDATE submissions SET superseded_by = ? WHERE id = ?", (new_id, previous.id))
            self.db.executemany(
                "INSERT INTO submission_values (submission_id, indicator, measure, value, uom, sheet, cell, raw)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(new_id, v.indicator, v.measure, str(v.value), v.uom, v.sheet, v.cell, v.raw) for v in values],
            )
            self.db.executemany(
                "INSERT INTO submission_problems (submission_id, code, severity, sheet, cell, params) VALUES (?,?,?,?,?,?)",
                [(new_id, p.code, p.severity.value, p.location.sheet, p.location.cell,
                  json.dumps({k: str(v) for k, v in p.params.items()}, ensure_ascii=False)) for p in problems],
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return new_id, previous.id if previous else None

    # -- reading --------------------------------------------------------------------------
    def submissions(self, program: str | None = None, unit: str | None = None, period: str | None = None,
                    include_superseded: bool = False) -> list[SubmissionRecord]:
        """Give submissions matching the filters, oldest first."""
        sql, args = "SELECT * FROM submissions WHERE 1=1", []
        for column, value in (("program", program), ("unit", unit), ("period", period)):
            if value is not None:
                sql += f" AND {column} = ?"
                args.append(value)
        if not include_superseded:
            sql += " AND superseded_by IS NULL"
        return [_record(r) for r in self.db.execute(sql + " ORDER BY id", args)]

    def values(self, submission_id: int) -> list[StoredValue]:
        """Give one submission's values with their cells."""
        rows = self.db.execute(
            "SELECT * FROM submission_values WHERE submission_id = ? ORDER BY indicator, measure", (submission_id,)
        )
        return [StoredValue(r["indicator"], r["measure"], Decimal(r["value"]), r["uom"], r["sheet"], r["cell"], r["raw"])
                for r in rows]

    def current_values(self, program: str) -> list[dict[str, Any]]:
        """Give every value of the program's current submissions, one dict per value with its source."""
        rows = self.db.execute(
            "SELECT s.id AS submission_id, s.unit, s.period, s.file_name, v.indicator, v.measure, v.value, v.uom,"
            " v.sheet, v.cell FROM submission_values v JOIN submissions s ON s.id = v.submission_id"
            " WHERE s.program = ? AND s.superseded_by IS NULL ORDER BY s.unit, s.period, v.indicator",
            (program,),
        )
        return [dict(r) for r in rows]

    def submission_problems(self, program: str) -> list[dict[str, Any]]:
        """Give the problems kept with the program's current submissions (e.g. stated ratios that differ)."""
        rows = self.db.execute(
            "SELECT s.unit, s.period, s.file_name, p.code, p.severity, p.sheet, p.cell, p.params"
            " FROM submission_problems p JOIN submissions s ON s.id = p.submission_id"
            " WHERE s.program = ? AND s.superseded_by IS NULL ORDER BY s.unit, p.sheet, p.cell",
            (program,),
        )
        return [{**dict(r), "params": json.loads(r["params"])} for r in rows]

    def counts(self) -> dict[str, int]:
        """Give how many submissions (current and superseded) and values the store holds."""
        row = self.db.execute(
            "SELECT (SELECT COUNT(*) FROM submissions WHERE superseded_by IS NULL),"
            " (SELECT COUNT(*) FROM submissions WHERE superseded_by IS NOT NULL),"
            " (SELECT COUNT(*) FROM submission_values)"
        ).fetchone()
        return {"current": row[0], "superseded": row[1], "values": row[2]}


def _record(row: sqlite3.Row) -> SubmissionRecord:
    return SubmissionRecord(row["id"], row["program"], row["unit"], row["period"], row["file_name"], row["file_hash"],
                            row["content_hash"], row["imported_at"], row["superseded_by"], row["sheet"],
                            row["header_row"], row["file_mtime"])
