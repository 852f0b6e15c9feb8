"""Ledger entries record what they reverse (a manager's void) and what a redemption bought.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ledger", sa.Column("reverses", sa.String(36)))
    op.add_column("ledger", sa.Column("item", sa.String(20)))
    op.add_column("ledger", sa.Column("qty", sa.Integer))
    # An operation is voided at most once.
    op.create_index(
        "ux_ledger_reverses", "ledger", ["reverses"], unique=True, sqlite_where=sa.text("reverses IS NOT NULL")
    )


def downgrade() -> None:
    op.drop_index("ux_ledger_reverses", "ledger")
    with op.batch_alter_table("ledger") as batch:
        batch.drop_column("qty")
        batch.drop_column("item")
        batch.drop_column("reverses")
