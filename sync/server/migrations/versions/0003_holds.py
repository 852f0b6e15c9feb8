"""Holds: points kept at the server for an online redemption until its operation arrives.

Revision ID: s0003
Revises: s0002
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holds",
        sa.Column("hold_id", sa.String(length=36), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("expires_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["member_uid"], ["members.member_uid"]),
        sa.PrimaryKeyConstraint("hold_id"),
    )
    op.create_index(op.f("ix_holds_member_uid"), "holds", ["member_uid"])


def downgrade() -> None:
    op.drop_index(op.f("ix_holds_member_uid"), "holds")
    op.drop_table("holds")
