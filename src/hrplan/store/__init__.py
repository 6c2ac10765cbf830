"""The store: every submission and its values, with history, in one database (SQLite today).

Entry points: `Store` (one transaction per file; `SubmissionRecord`s that supersede each other),
`submission_history` and `workspace_status` (what each unit sent, and who is missing).
"""
from __future__ import annotations

from hrplan.reading import StoredValue
from hrplan.store.history import submission_history, workspace_status
from hrplan.store.sqlite import SCHEMA_VERSION, Store, SubmissionRecord

__all__ = ["StoredValue", "submission_history", "workspace_status", "SCHEMA_VERSION", "Store", "SubmissionRecord"]
