"""The earlier submission a value was read from, when a newer file kept it because that file has no row for it.

Offices send two tables (annexes) for one period: a budget annex with only the 'Kinh phí' row, then the
people table. The second file replaces the figures of the indicators it has rows for and keeps the current
version's figures of the others; each kept value still names its own file and cell, through `source_id`
(NULL: read from its own submission's file).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("submission_values", sa.Column("source_id", sa.Integer))
    op.add_column("submission_blanks", sa.Column("source_id", sa.Integer))
    # The few kept values are found through this index, not by reading every current value (check, report).
    op.create_index("submission_values_kept", "submission_values", ["source_id"],
                    sqlite_where=sa.text("source_id IS NOT NULL"), postgresql_where=sa.text("source_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("submission_values_kept", "submission_values")
    for table in ("submission_blanks", "submission_values"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("source_id")
