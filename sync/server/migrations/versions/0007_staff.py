"""Staff known to the server, the change feed's store scope, and the devices that may still send unstaffed ops.

Revision ID: s0007
Revises: s0006
"""

import sqlalchemy as sa
from alembic import op

revision = "s0007"
down_revision = "s0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("store", sa.String(length=40), primary_key=True),
        sa.Column("staff_id", sa.String(length=20), primary_key=True),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("updated_by", sa.String(length=60), nullable=False),
    )
    op.create_index("ix_staff_id", "staff", ["staff_id"])
    op.add_column("change_log", sa.Column("store", sa.String(length=40), nullable=True))
    op.add_column("devices", sa.Column("accepts_unstaffed", sa.Boolean(), nullable=True))
    # Counters enrolled until now have outbox entries that name no staff; they are believed as before until
    # each sends its first operation that does. Devices enrolled from now on must always name their staff.
    op.execute(sa.text("UPDATE devices SET accepts_unstaffed = :yes").bindparams(yes=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("accepts_unstaffed")
    with op.batch_alter_table("change_log") as batch:
        batch.drop_column("store")
    op.drop_index("ix_staff_id", table_name="staff")
    op.drop_table("staff")
