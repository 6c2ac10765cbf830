"""Schema versions and migrations (Alembic), the same on SQLite and PostgreSQL.

The schema version is the number of the newest Alembic revision applied ('0001' is version 1).
hrplan's own `schema_version` table is kept in step (one row per version) so that a store made
before Alembic is recognised, and so that an older hrplan still refuses a newer store.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, insert, inspect, select, text

from hrplan.problems import HrplanError, Problem
from hrplan.store.schema import metadata, schema_version
from hrplan.store.version import SCHEMA_VERSION

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
def backup_sqlite(path: Path, version: int) -> Path:
    """Copy the SQLite store at `path` beside it as it is now ('hrplan.sqlite.bak-schema1'; a free name with
    '.2', '.3' after it when that one is taken: an earlier copy is never overwritten); give the copy's path.

    The copy is consistent (SQLite's backup API, pages copied from one snapshot) and an older hrplan opens
    it: the way back from a migration. The caller holds the writers' lock, so nothing changes meanwhile."""
    target = path.with_name(f"{path.name}.bak-schema{version}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bak-schema{version}.{n}")
    source = sqlite3.connect(str(path), timeout=30)
    try:
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, whatever opens it next
        finally:
            copy.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    return target
# Alembic (0.1 s to import) loads only to migrate: opening an up-to-date store reads its version table directly.


def _script() -> ScriptDirectory:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def head_version() -> int:
    """Give the newest schema version the migration scripts know."""
    return int(_script().get_current_head())


def stored_version(conn: Connection) -> int | str:
    """Give the store's schema version: 0 for an empty database; text for a revision this hrplan does not know."""
    tables = set(inspect(conn).get_table_names())
    version: int | str = 0
    if "schema_version" in tables:
        version = conn.execute(select(func.max(schema_version.c.version))).scalar() or 0
    if "alembic_version" in tables:
        revision = _revision(conn)
        if revision is not None:
            known = revision.isdigit()
            if not known:
                return revision
            version = max(int(version), int(revision))
    return version


def is_current(conn: Connection) -> bool:
    """Tell whether the store is at SCHEMA_VERSION and stamped by Alembic (nothing to do on open)."""
    return stored_version(conn) == SCHEMA_VERSION and _revision(conn) is not None


def _revision(conn: Connection) -> str | None:
    """Give the Alembic revision the store is stamped with (None: not stamped), as Alembic itself reads it."""
    if "alembic_version" not in set(inspect(conn).get_table_names()):
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    if len(rows) > 1:  # several heads: let Alembic say what it says of them
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(conn).get_current_revision()
    return rows[0][0] if rows else None


def is_newer(version: int | str) -> bool:
    return isinstance(version, str) or version > SCHEMA_VERSION


def refuse_newer(version: int | str) -> None:
    """Raise store.newer_schema when the store was made by a newer hrplan."""
    if is_newer(version):
        raise HrplanError(Problem("store.newer_schema", params={"found": version, "expected": SCHEMA_VERSION}))


def upgrade(conn: Connection, to: int = SCHEMA_VERSION) -> tuple[int | str, int]:
    """Bring the store to SCHEMA_VERSION (or `to`, for tests) inside the caller's write transaction; give (from, to).

    A store made before Alembic (hand-rolled `schema_version` only) is stamped at its version
    first: its tables are kept as they are, rows and all.
    """
    from alembic.config import Config
    from alembic.runtime.environment import EnvironmentContext
    from alembic.runtime.migration import MigrationContext

    target = f"{to:04d}"
    before = stored_version(conn)
    refuse_newer(before)
    script = _script()
    context = MigrationContext.configure(conn)
    if before == to and context.get_current_revision() is not None:
        return before, before
    if before and context.get_current_revision() is None:
        context.stamp(script, f"{before:04d}")  # a store from before Alembic: its tables are revision N

    def steps(revision, _context):
        return script._upgrade_revs(target, revision)

    env = EnvironmentContext(Config(), script, fn=steps, destination_rev=target)
    with env:
        env.configure(connection=conn, target_metadata=metadata)
        env.run_migrations()
    have = {v for (v,) in conn.execute(select(schema_version.c.version))}
    missing = [{"version": v} for v in range(1, to + 1) if v not in have]
    if missing:
        conn.execute(insert(schema_version), missing)
    return before, to
