"""Sync: what the server answered for each outbox entry, which ledger entries came from the server,
and the server's review items.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

TS = sa.String(32)

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("reason", sa.Text))
        batch.add_column(sa.Column("answered_at", TS))
    with op.batch_alter_table("ledger") as batch:
        # Entries made at another counter (or undoing one the server refused): never pushed again,
        # never counted against this counter's offline budget.
        batch.add_column(sa.Column("pulled", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_index("ix_ledger_at", "ledger", ["at"])
    op.create_table(
        "review_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),  # the server's number
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("member_uid", sa.String(36)),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("counter_uid", sa.String(36), nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_review_items_status", "review_items", ["status"])


def downgrade() -> None:
    op.drop_index("ix_review_items_status", "review_items")
    op.drop_table("review_items")
    op.drop_index("ix_ledger_at", "ledger")
    with op.batch_alter_table("ledger") as batch:
        batch.drop_column("pulled")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("answered_at")
        batch.drop_column("reason")
