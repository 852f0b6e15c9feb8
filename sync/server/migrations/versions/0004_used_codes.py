"""Used member codes: each scanned nonce once; a second scan of the same nonce is a replay to review.

Revision ID: s0004
Revises: s0003
"""

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "used_codes",
        sa.Column("nonce", sa.String(length=16), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("step", sa.BigInteger(), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("counter_uid", sa.String(length=36), nullable=False),
        sa.Column("seen_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("nonce"),
    )


def downgrade() -> None:
    op.drop_table("used_codes")
