"""Devices: when each was revoked and last seen, for `counter-server device list | revoke`.

Revision ID: s0006
Revises: s0005
"""

import sqlalchemy as sa
from alembic import op

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("devices", sa.Column("revoked_at", sa.String(length=40), nullable=True))
    op.add_column("devices", sa.Column("last_seen_at", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("last_seen_at")
        batch.drop_column("revoked_at")
