"""The store: every submission and its values, with history, in one database (SQLite or PostgreSQL).

Entry points: `Store` (one transaction per file; `SubmissionRecord`s that supersede each other),
`open_reader` (a read-only view for `status`: the standard sqlite3 module on an up-to-date SQLite
store, else a `Store`), `submission_history` and `workspace_status` (what each unit sent, and who
is missing), `parse_store_url` (where a workspace keeps its store), `store_info` and `copy_store`
(moving an office), `workspace_lock` (one writer at a time: every command that writes the store holds it),
`connection_lost` (a store that went away mid-run, told apart from a bug) and `store_lost` (its error),
`tell_store_notices_to` (who is told what the store did on its own: an SQLite store migrated, and its copy).

Each entry point's module loads when it is first asked for: SQLAlchemy and Alembic cost about a
second to import, and `hrplan status` on an up-to-date SQLite store needs neither.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.lazy import lazy_exports

if TYPE_CHECKING:
    from hrplan.reading import StoredValue
    from hrplan.store.admin import CopyResult, copy_store, fingerprint, store_info
    from hrplan.store.database import AlreadyStored, Store, SubmissionRecord
    from hrplan.store.history import submission_history, workspace_status
    from hrplan.store.lock import DEFAULT_WAIT, lock_path, workspace_lock
    from hrplan.store.lost import EXIT_STORE, connection_lost, store_lost
    from hrplan.store.notices import tell_store_notices_to
    from hrplan.store.reader import SqliteReader, open_reader
    from hrplan.store.urls import DEFAULT_STORE, StoreUrl, parse_store_url
    from hrplan.store.version import SCHEMA_VERSION

__all__ = ["AlreadyStored", "StoredValue", "submission_history", "workspace_status", "SCHEMA_VERSION", "Store", "SubmissionRecord",
           "DEFAULT_STORE", "StoreUrl", "parse_store_url", "CopyResult", "copy_store", "fingerprint", "store_info",
           "DEFAULT_WAIT", "lock_path", "workspace_lock", "open_reader", "SqliteReader",
           "EXIT_STORE", "connection_lost", "store_lost", "tell_store_notices_to"]

_HOMES = {"StoredValue": "hrplan.reading",
          "CopyResult": "hrplan.store.admin", "copy_store": "hrplan.store.admin", "fingerprint": "hrplan.store.admin",
          "store_info": "hrplan.store.admin",
          "AlreadyStored": "hrplan.store.database", "Store": "hrplan.store.database",
          "SubmissionRecord": "hrplan.store.database",
          "submission_history": "hrplan.store.history", "workspace_status": "hrplan.store.history",
          "DEFAULT_WAIT": "hrplan.store.lock", "lock_path": "hrplan.store.lock", "workspace_lock": "hrplan.store.lock",
          "EXIT_STORE": "hrplan.store.lost", "connection_lost": "hrplan.store.lost", "store_lost": "hrplan.store.lost",
          "tell_store_notices_to": "hrplan.store.notices",
          "open_reader": "hrplan.store.reader", "SqliteReader": "hrplan.store.reader",
          "DEFAULT_STORE": "hrplan.store.urls", "StoreUrl": "hrplan.store.urls", "parse_store_url": "hrplan.store.urls",
          "SCHEMA_VERSION": "hrplan.store.version"}


__getattr__ = lazy_exports(__name__, _HOMES)
