"""The store's tables, as SQLAlchemy Core metadata both backends (SQLite, PostgreSQL) create and query.

The tables change only through a migration in `migrations/versions/`; this module describes the
schema at the newest revision, for queries. Values are kept as exact decimal text, never floats.
"""
from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, PrimaryKeyConstraint, Table, Text, text

metadata = MetaData()

submissions = Table(
    "submissions", metadata,
    Column("id", Integer, primary_key=True),
    Column("program", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("period", Text, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("file_path", Text),
    Column("file_hash", Text, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("file_mtime", Text),
    Column("imported_at", Text, nullable=False),
    Column("sheet", Text),
    Column("header_row", Integer),
    Column("notes", Text, nullable=False, server_default="[]"),
    Column("superseded_by", Integer, ForeignKey("submissions.id")),
)
Index("submissions_key", submissions.c.program, submissions.c.period, submissions.c.unit)
Index("submissions_file_hash", submissions.c.file_hash)
# One current submission per program, unit and period: the database refuses a second one.
Index("submissions_current", submissions.c.program, submissions.c.unit, submissions.c.period, unique=True,
      sqlite_where=text("superseded_by IS NULL"), postgresql_where=text("superseded_by IS NULL"))

submission_values = Table(
    "submission_values", metadata,
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("indicator", Text, nullable=False),
    Column("measure", Text, nullable=False),
    Column("value", Text, nullable=False),
    Column("uom", Text),
    Column("sheet", Text),
    Column("cell", Text),
    Column("raw", Text),
    Column("note", Text),  # the row's 'Ghi chú' (revision 0002)
    # The submission whose file and cell the value was read from when a newer file kept it (that file has no
    # row for its indicator); NULL: its own submission's file (revision 0003).
    Column("source_id", Integer),
    PrimaryKeyConstraint("submission_id", "indicator", "measure"),
)

# The few values kept from an earlier file: found without reading a national store's millions (revision 0003).
Index("submission_values_kept", submission_values.c.source_id, sqlite_where=text("source_id IS NOT NULL"),
      postgresql_where=text("source_id IS NOT NULL"))

# Input cells of indicator rows left blank (an actual missing against a plan), with the row's note (revision 0002).
submission_blanks = Table(
    "submission_blanks", metadata,
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("indicator", Text, nullable=False),
    Column("measure", Text, nullable=False),
    Column("sheet", Text),
    Column("cell", Text),
    Column("note", Text),
    Column("source_id", Integer),  # as submission_values.source_id (revision 0003)
    PrimaryKeyConstraint("submission_id", "indicator", "measure"),
)

submission_problems = Table(
    "submission_problems", metadata,
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("code", Text, nullable=False),
    Column("severity", Text, nullable=False),
    Column("sheet", Text),
    Column("cell", Text),
    Column("params", Text, nullable=False, server_default="{}"),
)

# The version table of the hand-rolled migrations (before Alembic), kept in step with the Alembic
# revision number so that an older hrplan still refuses a store it does not know.
schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

TABLES = (submissions, submission_values, submission_problems, submission_blanks)  # the data, in the order to copy it
