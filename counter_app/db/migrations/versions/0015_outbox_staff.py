"""Who made each outbox entry and who authorised it, for the server to check against the staff it knows.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Entries already in the outbox keep NULL: they were made before staff travelled, and the server takes
    # them as such from a counter enrolled before it knew staff (sync/server/staff.py).
    with op.batch_alter_table("outbox") as table:
        table.add_column(sa.Column("staff_id", sa.String(20)))
        table.add_column(sa.Column("authorised_by", sa.String(20)))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as table:
        table.drop_column("authorised_by")
        table.drop_column("staff_id")
