"""The store: submissions and their values, with history, in SQLite or PostgreSQL (one module owns the queries).

Every import of one file is one transaction: all of its values or none. A newer submission
for the same program, unit and period supersedes the current one, which stays in history
(`superseded_by` points at its successor); the new one keeps the current one's figures of the indicators its
file has no row for (`source_id` names the submission they were read from). Every value keeps the file, sheet
and cell it came from.

Queries are SQLAlchemy Core, run unchanged by both backends (a file's rows are inserted with the driver's
executemany, the statement compiled by SQLAlchemy for the backend at hand). Writers take turns: on SQLite
with BEGIN IMMEDIATE (WAL, synchronous=FULL), on PostgreSQL with a transaction-scoped advisory
lock, so that the check "is this file already stored?" and the insert see the same store.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlalchemy import (BigInteger, Connection, Table, Text, and_, bindparam, case, cast, create_engine, event, func,
                        insert, not_, or_, select, true, update)
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import NullPool

from hrplan.problems import HrplanError, Problem, Severity
from hrplan.reading import BlankCell, StoredValue
from hrplan.store import migrate
from hrplan.store.lock import WRITE_LOCK
from hrplan.store.lost import connection_lost
from hrplan.store.migrate import SCHEMA_VERSION
from hrplan.store.notices import announce
from hrplan.store.records import SubmissionRecord
from hrplan.store.schema import submission_blanks, submission_problems, submission_values, submissions
from hrplan.store.urls import StoreUrl, parse_store_url, unreachable


class AlreadyStored(Exception):
    """add_submission found, inside its write transaction, that the store already holds this submission.

    Another import (another analyst, the nightly job) stored the same file or the same figures
    between this import's first look and its write. `same_as` is the id of the stored one.
    """

    def __init__(self, same_as: int):
        super().__init__(f"already stored as submission {same_as}")
        self.same_as = same_as


# The statements every stored file runs, built once: building a statement cost more than running it
# (SQLAlchemy then finds their compiled form in its cache).
_s = submissions.c
_SEEN = select(submissions).where(
    _s.unit == bindparam("unit"), _s.program == bindparam("program"), _s.period == bindparam("period"),
    (_s.file_hash == bindparam("file_hash")) | (_s.content_hash == bindparam("content_hash"))).order_by(_s.id).limit(1)
_BY_FILE_HASH = select(submissions).where(_s.file_hash == bindparam("file_hash")).order_by(_s.id).limit(1)
_BY_FILE_HASH_FOR_UNIT = select(submissions).where(
    _s.file_hash == bindparam("file_hash"), _s.unit == bindparam("unit")).order_by(_s.id).limit(1)
_CURRENT = select(submissions).where(_s.program == bindparam("program"), _s.unit == bindparam("unit"),
                                     _s.period == bindparam("period"), _s.superseded_by.is_(None))
_INSERT_SUBMISSION = insert(submissions)
# The submission a kept value was read from (`source_id`): its file name is the value's, not the current one's.
_SOURCE = submissions.alias("source")


def _source_file(s):
    """Give the file name a value or blank cell was read from: its source's when kept from an earlier version."""
    return func.coalesce(_SOURCE.c.file_name, s.file_name)


# The columns a file's rows give, in the order of the tuples `add_submission` makes of them.
_VALUE_COLUMNS = ("submission_id", "indicator", "measure", "value", "uom", "sheet", "cell", "raw", "note")
_BLANK_COLUMNS = ("submission_id", "indicator", "measure", "sheet", "cell", "note")
_PROBLEM_COLUMNS = ("submission_id", "code", "severity", "sheet", "cell", "params")


class Store:
    """An open store. Use as a context manager or call close().

    `where` is a store URL (`sqlite:///...`, `postgresql://...`), a `StoreUrl` or a plain path of an
    SQLite file. An empty database is given the tables. `upgrade`: None migrates an SQLite store on
    open and refuses an older server store until `hrplan store upgrade`; True always upgrades; False never.
    """

    def __init__(self, where: str | Path | StoreUrl, *, upgrade: bool | None = None):
        self.url = where if isinstance(where, StoreUrl) else parse_store_url(where)
        self.backend = self.url.backend
        self.engine = _engine(self.url)
        self._insert_sql: dict[tuple[str, tuple[str, ...]], tuple[str, list[int] | None]] = {}  # _insert_many
        self.backup: Path | None = None  # the copy made before migrating this SQLite store in place (`upgrade`)
        try:
            self.conn = self.engine.connect()
        except DatabaseError as exc:  # a server that cannot be reached; an SQLite file that is no database
            self.engine.dispose()
            raise unreachable(self.url, exc) from None
        try:
            self._open(upgrade)
        except BaseException as exc:
            self.close()  # a refused store (newer schema) is not left open
            if isinstance(exc, Exception) and connection_lost(exc):  # gone between the connect and the first read
                raise unreachable(self.url, exc) from None
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            if self.conn.in_transaction():
                self.conn.rollback()
            self.conn.close()
        except Exception as exc:
            if not connection_lost(exc):
                raise
            # The store went away: nothing of the open transaction was committed, and the error that
            # stopped the work (a lost store too) is the one to tell, not this one.
        self.engine.dispose()

    @property
    def db(self):
        """The raw sqlite3 connection of an SQLite store (for PRAGMAs in tests); None on a server."""
        return self.conn.connection.dbapi_connection if self.backend == "sqlite" else None

    # -- transactions ---------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Connection]:
        """Run the block as one write transaction; only one writer at a time (all or nothing)."""
        if self.conn.in_transaction():  # already inside the caller's write transaction
            yield self.conn
            return
        self.conn.info["write"] = True
        try:
            with self.conn.begin():
                if self.backend == "postgresql":
                    self.conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))
                yield self.conn
        finally:
            self.conn.info["write"] = False

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """Read everything in the block as of one moment: an import committing meanwhile is not seen."""
        if self.conn.in_transaction():
            yield self.conn
            return
        with self.conn.begin():
            if self.backend == "postgresql":
                self.conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield self.conn

    # -- schema ---------------------------------------------------------------------------
    def _open(self, upgrade: bool | None) -> None:
        with self.snapshot():
            version = migrate.stored_version(self.conn)
            current = migrate.is_current(self.conn)
        migrate.refuse_newer(version)
        if current or (upgrade is False and version != 0):
            return  # the usual open takes no write lock; an empty database is always given the tables
        if upgrade is None and self.url.is_server and version != 0:
            raise HrplanError(Problem("store.needs_upgrade", params={"url": self.url.masked(), "found": version,
                                                                      "expected": SCHEMA_VERSION}))
        self.upgrade()

    def upgrade(self) -> tuple[int | str, int]:
        """Migrate the store to this hrplan's schema (one transaction; other openers wait); give (from, to).

        An SQLite store at an older schema is first copied beside itself ('hrplan.sqlite.bak-schema1'), the
        way back for an office that must return to the older hrplan (which refuses the migrated store);
        `backup` then names the copy, and the listeners of `notices.tell_store_notices_to` are told."""
        with self.write():  # the version is read again under the writers' lock: two openers never both migrate
            before = migrate.stored_version(self.conn)
            if self.backend == "sqlite" and isinstance(before, int) and 0 < before < SCHEMA_VERSION \
                    and self.url.path is not None:
                self.backup = migrate.backup_sqlite(self.url.path, before)
            done = migrate.upgrade(self.conn)
        if self.backup is not None:
            announce(Problem("store.migrated", Severity.INFO, params={
                "store": self.url.path.name, "found": before, "expected": SCHEMA_VERSION, "backup": self.backup.name,
                "folder": str(self.backup.parent)}))
        return done

    def schema_version(self) -> int | str:
        """Give the schema version the store is at."""
        with self.snapshot():
            return migrate.stored_version(self.conn)

    # -- writing --------------------------------------------------------------------------
    def find_by_file_hash(self, file_hash: str, unit: str | None = None) -> SubmissionRecord | None:
        """Give the earliest submission imported from a file with these exact bytes (for that unit), if any.

        A district's sheet with a block of columns per commune is one file holding several units'
        submissions: asking for one unit tells whether that unit's part of the file is stored.
        """
        with self.snapshot():
            row = self.conn.execute(_BY_FILE_HASH, {"file_hash": file_hash}).first() if unit is None else \
                self.conn.execute(_BY_FILE_HASH_FOR_UNIT, {"file_hash": file_hash, "unit": unit}).first()
        return _record(row) if row else None

    def current(self, program: str, unit: str, period: str) -> SubmissionRecord | None:
        """Give the submission now in force for a program, unit and period, if any."""
        with self.snapshot():
            row = self.conn.execute(_CURRENT, {"program": program, "unit": unit, "period": period}).first()
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
        blanks: Iterable[BlankCell] = (),
        check_stored: bool = True,
        rows: Iterable[str] | None = None,
    ) -> tuple[int, int | None]:
        """Store a submission in one transaction; give (new id, id of the one it superseded or None).

        `rows`: the indicators the file has a row for (`ParsedSubmission.rows`). When given, the figures of the
        current submission's indicators the file has NO row for are kept in the new one (a unit's second table for
        the same period, e.g. the people table after the budget annex), each still naming the file and cell it was
        read from (`source_id`); `kept` says which. None (a restore) stores exactly the values given.

        Raises AlreadyStored when, under the writers' lock, the same file bytes are already stored or
        the current submission has the same figures: two imports of one file at once store it once.
        `check_stored=False` skips that check: the caller made a wider one in the same transaction
        (`add_unless_seen`), or stores an earlier version's figures again on purpose (`restore`).
        """
        with self.write() as conn:
            # The file's other units' parts may be stored already: only this unit's part counts.
            known = self.find_by_file_hash(file_hash, unit) if check_stored else None
            previous = self.current(program, unit, period)
            if check_stored and (known is not None or (previous is not None and previous.content_hash == content_hash)):
                raise AlreadyStored(known.id if known is not None else previous.id)
            if previous is not None:
                # Free the 'current' slot first (pointing at itself keeps the foreign key valid);
                # the successor's id is set right after the insert, in the same transaction.
                conn.execute(update(submissions).where(submissions.c.id == previous.id)
                             .values(superseded_by=submissions.c.id))
            new_id = conn.execute(_INSERT_SUBMISSION, {
                "program": program, "unit": unit, "period": period, "file_name": file_name, "file_path": file_path,
                "file_hash": file_hash, "content_hash": content_hash, "file_mtime": file_mtime,
                "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "sheet": sheet,
                "header_row": header_row, "notes": json.dumps(notes or [], ensure_ascii=False),
            }).inserted_primary_key[0]
            if previous is not None:
                conn.execute(update(submissions).where(submissions.c.id == previous.id).values(superseded_by=new_id))
            values, blanks = list(values), list(blanks)
            self._insert_many(submission_values, _VALUE_COLUMNS, [
                (new_id, v.indicator, v.measure, str(v.value), v.uom, v.sheet, v.cell, v.raw, v.note) for v in values])
            self._insert_many(submission_blanks, _BLANK_COLUMNS, [
                (new_id, b.indicator, b.measure, b.sheet, b.cell, b.note) for b in blanks])
            if previous is not None and rows is not None:
                has = {*rows, *(v.indicator for v in values), *(b.indicator for b in blanks)}
                self._keep_rows(conn, previous.id, new_id, has)
            self._insert_many(submission_problems, _PROBLEM_COLUMNS, [
                (new_id, p.code, p.severity.value, p.location.sheet, p.location.cell,
                 json.dumps({k: str(v) for k, v in p.params.items()}, ensure_ascii=False)) for p in problems])
        return new_id, previous.id if previous else None

    def _keep_rows(self, conn: Connection, previous_id: int, new_id: int, has: set[str]) -> None:
        """Copy into `new_id` the values and blank cells of `previous_id` whose indicator is not in `has`, each
        naming the submission it was read from (the earlier one's own, or the one it had kept it from)."""
        for table, columns in ((submission_values, _VALUE_COLUMNS), (submission_blanks, _BLANK_COLUMNS)):
            t = table.c
            kept = [(new_id, *row[1:-1], row[-1] if row[-1] is not None else previous_id)
                    for row in conn.execute(select(*(t[c] for c in columns), t.source_id)
                                            .where(t.submission_id == previous_id))
                    if row[1] not in has]
            self._insert_many(table, (*columns, "source_id"), kept)

    def kept(self, submission_id: int) -> list[tuple[int, str, list[str]]]:
        """Give what a submission kept from earlier versions because its file has no row for it: (id of the
        submission the figures were read from, its file name, the indicators), oldest source first."""
        return self._indicators_by_source(submission_id, kept_only=True)

    def would_keep(self, program: str, unit: str, period: str, has: Iterable[str]) -> list[tuple[int, str, list[str]]]:
        """Give what a new file for the program, unit and period with rows for `has` would keep of the current
        submission (see `add_submission`), as `kept` gives it; [] when nothing is current (for --dry-run)."""
        current = self.current(program, unit, period)
        return [] if current is None else self._indicators_by_source(current.id, kept_only=False, skip=set(has))

    def _indicators_by_source(self, submission_id: int, kept_only: bool, skip: set[str] = frozenset()
                              ) -> list[tuple[int, str, list[str]]]:
        """Give a submission's indicators (values and blank cells) grouped by the submission they were read from
        (its own, or the earlier one it kept them from), with that one's file name: only the kept ones with
        `kept_only`, none of `skip`."""
        s = submissions.c
        out: dict[int, tuple[str, set[str]]] = {}
        with self.snapshot():
            for table in (submission_values, submission_blanks):
                c = table.c
                query = (select(func.coalesce(c.source_id, submission_id), _source_file(s), c.indicator)
                         .select_from(table.join(submissions, s.id == c.submission_id)
                                      .outerjoin(_SOURCE, _SOURCE.c.id == c.source_id))
                         .where(c.submission_id == submission_id))
                if kept_only:
                    query = query.where(c.source_id.is_not(None))
                for source, name, indicator in self.conn.execute(query):
                    if indicator not in skip:
                        out.setdefault(source, (name, set()))[1].add(indicator)
        return [(source, name, sorted(codes)) for source, (name, codes) in sorted(out.items())]

    def _insert_many(self, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Insert rows, each a tuple of the values of `columns` in that order, in the current transaction, through
        the driver's executemany: SQLAlchemy's own executemany makes each row's parameters anew, which cost more
        than the insert itself (a file's values are one such list)."""
        if not rows:
            return
        made = self._insert_sql.get((table.name, columns))
        if made is None:
            compiled = insert(table).compile(dialect=self.conn.dialect, column_keys=list(columns))
            # Positional marks ("?", SQLite) take the values in the order the statement names them; named marks
            # (psycopg's %(name)s) take them by name.
            order = [columns.index(n) for n in compiled.positiontup] if compiled.positiontup is not None else None
            made = self._insert_sql[(table.name, columns)] = (str(compiled), order)
        sql, order = made
        if order is None:
            params: list = [dict(zip(columns, row)) for row in rows]
        elif order == list(range(len(columns))):
            params = rows
        else:
            params = [tuple(row[i] for i in order) for row in rows]
        self.conn.exec_driver_sql(sql, params)

    def seen(self, program: str, unit: str, period: str, file_hash: str, content_hash: str) -> SubmissionRecord | None:
        """Give the earliest submission this file repeats for the same program, unit and period, current or
        superseded: the same bytes (a district's sheet with a block per commune holds several units' parts), or
        the same content. None when the file is new (the same bytes read for another period are new there)."""
        with self.snapshot():
            row = self.conn.execute(_SEEN, {"unit": unit, "file_hash": file_hash, "program": program,
                                            "period": period, "content_hash": content_hash}).first()
        return _record(row) if row else None

    def seen_many(self, wanted: list[tuple[str, str, str, str, str]]) -> list[int | None]:
        """Give, for each (program, unit, period, file hash, content hash), the id `seen` gives for it (or None),
        in a few queries for the whole list (a re-import asks this for every file it need not read again)."""
        s = submissions.c
        hashes = sorted({w[3] for w in wanted})
        contents = sorted({w[4] for w in wanted})
        rows: set[tuple] = set()
        step = 400  # bound parameters per query, well inside every backend's limit
        with self.snapshot():
            for i in range(0, max(len(hashes), len(contents)), step):
                query = select(s.id, s.program, s.unit, s.period, s.file_hash, s.content_hash).where(
                    s.file_hash.in_(hashes[i:i + step]) | s.content_hash.in_(contents[i:i + step]))
                rows.update(tuple(r) for r in self.conn.execute(query))
        by_file: dict[tuple[str, str], int] = {}
        by_content: dict[tuple[str, str, str, str], int] = {}
        for id_, program, unit, period, file_hash, content_hash in rows:
            key = (program, unit, period, file_hash)
            by_file[key] = min(id_, by_file.get(key, id_))
            key2 = (program, unit, period, content_hash)
            by_content[key2] = min(id_, by_content.get(key2, id_))
        out: list[int | None] = []
        for program, unit, period, file_hash, content_hash in wanted:
            if None in (program, unit, period, file_hash, content_hash):  # SQL's NULL matches nothing
                out.append(None)
                continue
            found = [i for i in (by_file.get((program, unit, period, file_hash)),
                                 by_content.get((program, unit, period, content_hash)))
                     if i is not None]
            out.append(min(found) if found else None)
        return out

    def add_unless_seen(self, **submission: Any) -> tuple[int | None, int | None, int | None]:
        """Store a submission unless `seen` finds it, both in ONE write transaction (two importers never both
        store the same file, and an old version never becomes current again). Give (new id, superseded id,
        id of the submission it repeats): (None, None, seen id) when nothing was stored."""
        with self.write():
            earlier = self.seen(submission["program"], submission["unit"], submission["period"],
                                submission["file_hash"], submission["content_hash"])
            if earlier is not None:
                return None, None, earlier.id
            new_id, old_id = self.add_submission(**submission, check_stored=False)  # `seen` was the wider check
            return new_id, old_id, None

    def restore(self, submission_id: int) -> tuple[int | None, int | None]:
        """Make an earlier submission current again, deliberately: its values are stored as a new submission
        that supersedes the current one (history only grows). Give (new id, superseded id); (None, None) when
        it is already current, (None, id of the current one) when the current one has the same figures: a restore
        run twice adds no empty version. Raise HrplanError 'store.no_submission' for an unknown id."""
        s = submissions.c
        with self.write() as conn:
            row = conn.execute(select(submissions).where(s.id == submission_id)).first()
            if row is None:
                raise HrplanError(Problem("store.no_submission", params={"id": submission_id}))
            old = _record(row)
            if old.superseded_by is None:
                return None, None
            current = self.current(old.program, old.unit, old.period)
            if current is not None and current.content_hash == old.content_hash:
                return None, current.id  # its figures are already the current ones (restored before, or resent)
            kept = conn.execute(select(submission_problems).where(submission_problems.c.submission_id == old.id)
                                ).mappings().all()
            new_id, superseded = self.add_submission(
                program=old.program, unit=old.unit, period=old.period, file_name=old.file_name,
                file_path=row._mapping["file_path"], file_hash=old.file_hash, content_hash=old.content_hash,
                file_mtime=old.file_mtime, sheet=old.sheet, header_row=old.header_row, values=(), check_stored=False,
                notes=[*json.loads(row._mapping["notes"] or "[]"), f"restored from submission #{old.id}"])
            # Exactly its values and blank cells, each still naming the file it was read from (`source_id`).
            for table, columns in ((submission_values, _VALUE_COLUMNS), (submission_blanks, _BLANK_COLUMNS)):
                t = table.c
                self._insert_many(table, (*columns, "source_id"), [
                    (new_id, *r[1:]) for r in conn.execute(select(*(t[c] for c in columns), t.source_id)
                                                           .where(t.submission_id == old.id))])
            if kept:
                conn.execute(insert(submission_problems), [{**dict(p), "submission_id": new_id} for p in kept])
            return new_id, superseded

    # -- reading --------------------------------------------------------------------------
    def submissions(self, program: str | None = None, unit: str | None = None, period: str | None = None,
                    include_superseded: bool = False) -> list[SubmissionRecord]:
        """Give submissions matching the filters, oldest first."""
        query = select(submissions)
        for column, value in (("program", program), ("unit", unit), ("period", period)):
            if value is not None:
                query = query.where(submissions.c[column] == value)
        if not include_superseded:
            query = query.where(submissions.c.superseded_by.is_(None))
        with self.snapshot():
            return [_record(r) for r in self.conn.execute(query.order_by(submissions.c.id))]

    def values(self, submission_id: int) -> list[StoredValue]:
        """Give one submission's values with their cells."""
        v = submission_values.c
        with self.snapshot():
            rows = self.conn.execute(select(submission_values).where(v.submission_id == submission_id)
                                     .order_by(*self._text_order(v.indicator, v.measure))).mappings().all()
        return [StoredValue(r["indicator"], r["measure"], Decimal(r["value"]), r["uom"], r["sheet"], r["cell"], r["raw"],
                            r["note"]) for r in rows]

    def blanks(self, submission_id: int) -> list[BlankCell]:
        """Give the input cells one submission left blank on its indicator rows."""
        b = submission_blanks.c
        with self.snapshot():
            rows = self.conn.execute(select(submission_blanks).where(b.submission_id == submission_id)
                                     .order_by(*self._text_order(b.indicator, b.measure))).mappings().all()
        return [BlankCell(r["indicator"], r["measure"], r["sheet"], r["cell"], r["note"]) for r in rows]

    def current_blanks(self, program: str) -> list[dict[str, Any]]:
        """Give the blank input cells of the program's current submissions, one dict each with its source."""
        s, b = submissions.c, submission_blanks.c
        query = (select(s.unit, s.period, _source_file(s).label("file_name"), b.indicator, b.measure, b.sheet, b.cell,
                        b.note)
                 .select_from(submission_blanks.join(submissions, s.id == b.submission_id)
                              .outerjoin(_SOURCE, _SOURCE.c.id == b.source_id))
                 .where(s.program == program, s.superseded_by.is_(None))
                 .order_by(*self._text_order(s.unit, s.period, b.indicator)))
        with self.snapshot():
            return [dict(r) for r in self.conn.execute(query).mappings()]

    def current_periods(self, program: str) -> list[str]:
        """Give the labels of the periods the program's current submissions report on."""
        s = submissions.c
        query = select(s.period).where(s.program == program, s.superseded_by.is_(None)).distinct()
        with self.snapshot():
            return sorted(r[0] for r in self.conn.execute(query))

    def current_unit_periods(self, program: str) -> dict[str, set[str]]:
        """Give, per unit, the periods of its current submissions that hold at least one value."""
        s, v = submissions.c, submission_values.c
        has_value = select(v.submission_id).where(v.submission_id == s.id).exists()
        query = select(s.unit, s.period).where(s.program == program, s.superseded_by.is_(None), has_value)
        out: dict[str, set[str]] = {}
        with self.snapshot():
            for unit, label in self.conn.execute(query):
                out.setdefault(unit, set()).add(label)
        return out

    def current_unit_indicators(self, program: str, units: Iterable[str]) -> dict[str, set[str]]:
        """Give, per unit of `units` with a current submission of the program (any period), the indicators those
        submissions hold a value for or left blank with a note beside ('Chưa quyết toán'): what the unit reports.
        A unit with a current submission that holds neither has an empty set; one with none is not in the dict."""
        s, v, b = submissions.c, submission_values.c, submission_blanks.c
        units = list(units)
        out: dict[str, set[str]] = {}
        with self.snapshot():
            for start in range(0, len(units), 900):  # a bounded IN list on every SQLite build
                chunk = units[start:start + 900]
                current = [s.program == program, s.superseded_by.is_(None), s.unit.in_(chunk)]
                for (unit,) in self.conn.execute(select(s.unit).where(*current).distinct()):
                    out.setdefault(unit, set())
                valued = (select(s.unit, v.indicator).select_from(submission_values.join(submissions,
                                                                                         s.id == v.submission_id))
                          .where(*current).distinct())
                noted = (select(s.unit, b.indicator).select_from(submission_blanks.join(submissions,
                                                                                        s.id == b.submission_id))
                         .where(*current, b.note.is_not(None), b.note != "").distinct())
                for query in (valued, noted):
                    for unit, indicator in self.conn.execute(query):
                        out.setdefault(unit, set()).add(indicator)
        return out

    def current_values(self, program: str, periods: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Give every value of the program's current submissions (only those for `periods` when given),
        one dict per value with its source."""
        keys, rows = self.current_value_rows(program, periods)
        return [dict(zip(keys, row)) for row in rows]

    def current_value_rows(self, program: str, periods: Iterable[str] | None = None,
                           measures: Iterable[str] | None = None) -> tuple[list[str], list[tuple]]:
        """Give the same as `current_values` as column names and plain tuples: for whole-table work
        (a national store holds millions of values; a dict per row through the mapping API cost
        most of a `check`). `measures` keeps only those measures (e.g. the actuals a history needs)."""
        s, v = submissions.c, submission_values.c
        query = (select(s.id.label("submission_id"), s.unit, s.period, _source_file(s).label("file_name"), v.indicator,
                        v.measure, v.value, v.uom, v.sheet, v.cell, v.note)
                 .select_from(submission_values.join(submissions, s.id == v.submission_id)
                              .outerjoin(_SOURCE, _SOURCE.c.id == v.source_id))
                 .where(s.program == program, s.superseded_by.is_(None))
                 .order_by(*self._text_order(s.unit, s.period, v.indicator, v.measure)))
        if periods is not None:
            query = query.where(s.period.in_(list(periods)))
        if measures is not None:
            query = query.where(v.measure.in_(list(measures)))
        with self.snapshot():
            return self._plain_rows(query)

    def current_values_by_unit(self, program: str, periods: Iterable[str],
                               units: Iterable[str] | None = None) -> Iterator[tuple[str, list[tuple]]]:
        """Yield (unit, rows) for each unit with values of the program's current submissions for `periods`, units
        in code-point order; each row is a plain tuple (period, file_name, indicator, measure, value, uom, sheet,
        cell, note), in (period, indicator, measure) order. `units` keeps only those units.

        For whole-table work on a national store (a range is millions of values): only one unit's rows are held
        at a time, and the texts a figure keeps for each cell (file name, period, sheet, cell address) are one
        object shared by every row that has them, not a copy per row."""
        s, v = submissions.c, submission_values.c
        periods = list(periods)
        if not periods:
            return
        current = [s.program == program, s.superseded_by.is_(None), s.period.in_(periods)]
        if units is not None:
            current.append(s.unit.in_(list(units)))
        subs = select(s.id, s.unit, s.period, s.file_name).where(*current)
        values = (select(v.submission_id, v.indicator, v.measure, v.value, v.uom, v.sheet, v.cell, v.note, v.source_id)
                  .select_from(submission_values.join(submissions, s.id == v.submission_id))
                  .where(*current)
                  .order_by(*self._text_order(s.unit, s.period, v.indicator, v.measure)))
        # The files of earlier versions whose figures a submission kept (its file has no row for them): the few
        # kept values through their own index, never the millions of current ones (a name too many costs nothing).
        sources = select(_SOURCE.c.id, _SOURCE.c.file_name).where(_SOURCE.c.id.in_(
            select(v.source_id).where(v.source_id.is_not(None))))
        with self.snapshot():
            _, sub_rows = self._plain_rows(subs)
            of = {sid: (unit, period, name) for sid, unit, period, name in sub_rows}
            source_name = dict(self._plain_rows(sources)[1])
            share: dict[Any, Any] = {}
            keep = share.setdefault
            cursor = self._driver_cursor(values)
            try:
                unit, rows = None, []
                while chunk := cursor.fetchmany(20_000):
                    for sid, indicator, measure, value, uom, sheet, cell, note, source in chunk:
                        owner, period, name = of[sid]
                        if owner != unit:
                            if rows:
                                yield unit, rows
                            unit, rows = owner, []
                        if source is not None:
                            name = source_name[source]
                        rows.append((period, name, indicator, measure, value, uom, keep(sheet, sheet), keep(cell, cell),
                                     note))
                if rows:
                    yield unit, rows
            finally:
                cursor.close()

    def current_sums(self, program: str, periods: Iterable[str], uoms: dict[str, str | None]) -> list[tuple]:
        """Give, per unit and indicator, the program's current plans and actuals for `periods` added up by the
        database: a national range is two million values, and taking each into Python cost most of its figures'
        time. One tuple each, in (unit, indicator) code-point order: (unit, indicator, actual, plan, rows, others).

        The sums stand only for values written as whole numbers ('120', not '0120', '120.5', '-3' or '1e3'), of
        the measures plan and actual, with no note beside them and no unit of measure other than the indicator's
        (`uoms`: indicator -> unit of measure): `others` counts the rows that are not, and where it is not 0 the
        sums mean nothing and the caller takes the rows one by one (`current_values_by_unit`). `rows` counts every
        row. On PostgreSQL the sums are exact (numeric); on SQLite they are TOTAL()s, floats that never raise an
        overflow error and are exact below 2**53, which the caller checks (no value is negative, so no value
        is larger than the sum)."""
        s, v = submissions.c, submission_values.c
        periods = list(periods)
        if not periods:
            return []
        if self.backend == "postgresql":
            plain = v.value.bool_op("~")(r"^(0|[1-9][0-9]{0,14})$")
            summed = {m: func.sum(case((and_(v.measure == m, plain), cast(v.value, BigInteger))))
                      for m in ("actual", "plan")}
        else:  # SQLite reads '0120' as 120 too; only the text written back the same way is plain (cheaper than GLOB)
            plain = and_(v.value >= "0", cast(cast(v.value, BigInteger), Text) == v.value)
            summed = {m: func.total(case((v.measure == m, cast(v.value, BigInteger)))) for m in ("actual", "plan")}
        if len(set(uoms.values())) == 1:  # the usual program: one unit of measure (a comparison, not a CASE a row)
            expected = next(iter(uoms.values()))
        else:
            expected = case(*((v.indicator == code, uom) for code, uom in uoms.items()), else_=None)
        other_uom = and_(v.uom.is_not(None), v.uom.is_distinct_from(expected))
        others = func.sum(case((or_(not_(plain), v.note.is_not(None), v.measure.not_in(["plan", "actual"]), other_uom),
                                1), else_=0))
        query = (select(s.unit, v.indicator, summed["actual"], summed["plan"], func.count(), others)
                 .select_from(submission_values.join(submissions, s.id == v.submission_id))
                 .where(s.program == program, s.superseded_by.is_(None), s.period.in_(periods))
                 .group_by(s.unit, v.indicator)
                 .order_by(*self._text_order(s.unit, v.indicator)))
        with self.snapshot():
            return self._plain_rows(query)[1]

    def current_period_values(self, program: str, period: str, units: Iterable[str],
                              measures: Iterable[str] | None = None,
                              indicators: Iterable[str] | None = None) -> list[tuple]:
        """Give the values of the units' current submissions for `period` (only `measures` and `indicators` when
        given) with where each was read: (unit, indicator, measure, file_name, value, sheet, cell) tuples."""
        s, v = submissions.c, submission_values.c
        units = list(units)
        where = [s.program == program, s.superseded_by.is_(None), s.period == period]
        if measures is not None:
            where.append(v.measure.in_(list(measures)))
        if indicators is not None:
            where.append(v.indicator.in_(list(indicators)))
        out: list[tuple] = []
        with self.snapshot():
            for start in range(0, len(units), 900):  # a bounded IN list on every SQLite build
                query = (select(s.unit, v.indicator, v.measure, _source_file(s), v.value, v.sheet, v.cell)
                         .select_from(submission_values.join(submissions, s.id == v.submission_id)
                                      .outerjoin(_SOURCE, _SOURCE.c.id == v.source_id))
                         .where(*where, s.unit.in_(units[start:start + 900])))
                out += self._plain_rows(query)[1]
        return out

    def _plain_rows(self, query) -> tuple[list[str], list[tuple]]:
        """Run a SELECT on the driver's own cursor, inside the current transaction, and give its column names and
        rows as plain tuples: for the bulk reads of whole-table work, where building SQLAlchemy rows one by one
        cost as much as the query (texts only: no type processing is skipped for these columns)."""
        cursor = self._driver_cursor(query)
        try:
            keys = [d[0] for d in cursor.description]
            return keys, cursor.fetchall()
        finally:
            cursor.close()

    def _driver_cursor(self, query):
        """Give the driver's own cursor with `query` executed on it, inside the current transaction."""
        compiled = query.compile(dialect=self.conn.dialect, compile_kwargs={"render_postcompile": True})
        params = compiled.params
        if compiled.positiontup is not None:  # SQLite's "?" marks: the values in the order they appear
            params = tuple(params[name] for name in compiled.positiontup)
        cursor = self.conn.connection.cursor()
        try:
            cursor.execute(str(compiled), params)
        except BaseException:
            cursor.close()
            raise
        return cursor

    def submission_problems(self, program: str) -> list[dict[str, Any]]:
        """Give the problems kept with the program's current submissions (e.g. stated ratios that differ)."""
        s, p = submissions.c, submission_problems.c
        query = (select(s.unit, s.period, s.file_name, p.code, p.severity, p.sheet, p.cell, p.params)
                 .select_from(submission_problems.join(submissions, s.id == p.submission_id))
                 .where(s.program == program, s.superseded_by.is_(None))
                 .order_by(*self._text_order(s.unit, p.sheet, p.cell, p.code)))
        with self.snapshot():
            rows = self.conn.execute(query).mappings().all()
        return [{**dict(r), "params": json.loads(r["params"])} for r in rows]

    def _text_order(self, *columns):
        """Order text by code point on both backends (a server's locale would sort 'DT-YT' after 'DTTS')."""
        return [c.collate("C") for c in columns] if self.backend == "postgresql" else list(columns)

    def counts(self, programs: list[str] | None = None) -> dict[str, int]:
        """Give how many submissions (current and superseded) and values the store holds, of `programs` only
        when given."""
        s = submissions.c
        mine = s.program.in_(programs) if programs is not None else true()
        values = select(func.count()).select_from(submission_values)
        if programs is not None:
            values = values.where(submission_values.c.submission_id.in_(select(s.id).where(mine)))
        with self.snapshot():
            current = self.conn.execute(select(func.count()).where(s.superseded_by.is_(None), mine)).scalar_one()
            old = self.conn.execute(select(func.count()).where(s.superseded_by.is_not(None), mine)).scalar_one()
            values = self.conn.execute(values).scalar_one()
        return {"current": current, "superseded": old, "values": values}

    def last_import(self) -> str | None:
        """Give when the newest submission was imported (ISO time, UTC), or None for an empty store."""
        with self.snapshot():
            return self.conn.execute(select(func.max(submissions.c.imported_at))).scalar()


def _engine(url: StoreUrl):
    """Give an engine for the store: SQLite in WAL with explicit BEGINs, or PostgreSQL through psycopg."""
    if url.backend == "sqlite":
        url.path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url.url, poolclass=NullPool, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record) -> None:
            dbapi_conn.isolation_level = None  # hrplan sends BEGIN itself (below), so writers can take the lock first
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
                dbapi_conn.execute(f"PRAGMA {pragma}")

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

        return engine
    return create_engine(url.url, poolclass=NullPool, connect_args={"connect_timeout": 15, "application_name": "hrplan"})


def _record(row) -> SubmissionRecord:
    r = row._mapping
    return SubmissionRecord(r["id"], r["program"], r["unit"], r["period"], r["file_name"], r["file_hash"],
                            r["content_hash"], r["imported_at"], r["superseded_by"], r["sheet"],
                            r["header_row"], r["file_mtime"], r["file_path"])
