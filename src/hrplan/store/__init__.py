"""The store: every submission and its values, with history, in one database (SQLite or PostgreSQL).

Entry points: `Store` (one transaction per file; `SubmissionRecord`s that supersede each other),
`submission_history` and `workspace_status` (what each unit sent, and who is missing),
`parse_store_url` (where a workspace keeps its store), `store_info` and `copy_store` (moving an office),
`workspace_lock` (one writer at a time: every command that writes the store holds it).
"""
from __future__ import annotations

from hrplan.reading import StoredValue
from hrplan.store.admin import CopyResult, copy_store, fingerprint, store_info
from hrplan.store.database import AlreadyStored, Store, SubmissionRecord
from hrplan.store.history import submission_history, workspace_status
from hrplan.store.lock import DEFAULT_WAIT, lock_path, workspace_lock
from hrplan.store.migrate import SCHEMA_VERSION
from hrplan.store.urls import DEFAULT_STORE, StoreUrl, parse_store_url

__all__ = ["AlreadyStored", "StoredValue", "submission_history", "workspace_status", "SCHEMA_VERSION", "Store", "SubmissionRecord",
           "DEFAULT_STORE", "StoreUrl", "parse_store_url", "CopyResult", "copy_store", "fingerprint", "store_info",
           "DEFAULT_WAIT", "lock_path", "workspace_lock"]
