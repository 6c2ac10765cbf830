"""The row's note ('Ghi chú') kept with each value, and the input cells left blank on indicator rows.

An actual missing against a plan is a finding that names the empty cell (`check.missing_value`),
and the unit's note ("Chưa quyết toán") usually explains exactly that gap, so both are stored.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("submission_values", sa.Column("note", sa.Text))
    op.create_table(
        "submission_blanks",
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("indicator", sa.Text, nullable=False),
        sa.Column("measure", sa.Text, nullable=False),
        sa.Column("sheet", sa.Text),
        sa.Column("cell", sa.Text),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("submission_id", "indicator", "measure"),
    )


def downgrade() -> None:
    op.drop_table("submission_blanks")
    with op.batch_alter_table("submission_values") as batch:
        batch.drop_column("note")
