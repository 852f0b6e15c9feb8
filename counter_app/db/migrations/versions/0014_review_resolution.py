"""Review items a manager resolved: who, when, the outcome and the reason, kept with the item.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"  # 0013 (the report indexes) came in beside it: one line of migrations
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_items") as table:
        table.add_column(sa.Column("resolved_by", sa.String(20)))
        table.add_column(sa.Column("resolved_at", sa.String(32)))
        table.add_column(sa.Column("resolution", sa.String(10)))  # accepted | rejected
        table.add_column(sa.Column("resolution_reason", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("review_items") as table:
        table.drop_column("resolution_reason")
        table.drop_column("resolution")
        table.drop_column("resolved_at")
        table.drop_column("resolved_by")
