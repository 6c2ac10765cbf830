"""Submissions, their values and their problems: the hand-rolled migration 1 of hrplan before Alembic.

A store made by that code already has these tables; it is stamped at this revision, never re-created.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not sa.inspect(op.get_bind()).has_table("schema_version"):  # hrplan's own version table (see migrate.py)
        op.create_table("schema_version", sa.Column("version", sa.Integer, nullable=False))
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("program", sa.Text, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("file_path", sa.Text),
        sa.Column("file_hash", sa.Text, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("file_mtime", sa.Text),
        sa.Column("imported_at", sa.Text, nullable=False),
        sa.Column("sheet", sa.Text),
        sa.Column("header_row", sa.Integer),
        sa.Column("notes", sa.Text, nullable=False, server_default="[]"),
        sa.Column("superseded_by", sa.Integer, sa.ForeignKey("submissions.id")),
    )
    op.create_index("submissions_key", "submissions", ["program", "period", "unit"])
    op.create_index("submissions_file_hash", "submissions", ["file_hash"])
    op.create_index("submissions_current", "submissions", ["program", "unit", "period"], unique=True,
                    sqlite_where=sa.text("superseded_by IS NULL"), postgresql_where=sa.text("superseded_by IS NULL"))
    op.create_table(
        "submission_values",
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("indicator", sa.Text, nullable=False),
        sa.Column("measure", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("uom", sa.Text),
        sa.Column("sheet", sa.Text),
        sa.Column("cell", sa.Text),
        sa.Column("raw", sa.Text),
        sa.PrimaryKeyConstraint("submission_id", "indicator", "measure"),
    )
    op.create_table(
        "submission_problems",
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("severity", sa.Text, nullable=False),
        sa.Column("sheet", sa.Text),
        sa.Column("cell", sa.Text),
        sa.Column("params", sa.Text, nullable=False, server_default="{}"),
    )


def downgrade() -> None:
    for table in ("submission_problems", "submission_values", "submissions"):
        op.drop_table(table)
