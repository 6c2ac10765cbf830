"""A stored submission's identity and provenance, as both readers of the store give it (light: no SQLAlchemy)."""
from __future__ import annotations

from dataclasses import dataclass


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
    file_path: str | None = None  # where it was imported from (absolute), for the feedback workbook
