"""Points lots on the server, so that the server alone expires points (each counter doing it
would take the same points twice); slips indexed, to find one earned at two counters.

Revision ID: s0002
Revises: s0001
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "points_lots",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("expires_on", sa.String(length=10), nullable=True),
        sa.Column("points_left", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["member_uid"], ["members.member_uid"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_points_lots_member", "points_lots", ["member_uid", "expires_on"])
    op.create_index("ix_points_lots_expiry", "points_lots", ["expires_on"])
    op.create_index(op.f("ix_ledger_slip_no"), "ledger", ["slip_no"])


def downgrade() -> None:
    op.drop_index(op.f("ix_ledger_slip_no"), "ledger")
    op.drop_index("ix_points_lots_expiry", "points_lots")
    op.drop_index("ix_points_lots_member", "points_lots")
    op.drop_table("points_lots")
