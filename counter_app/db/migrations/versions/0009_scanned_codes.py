"""Scanned member codes: the nonces already seen here or at other counters, so a replay is refused.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "used_codes",
        sa.Column("nonce", sa.String(16), primary_key=True),  # hex of the code's 8 random bytes
        sa.Column("member_uid", sa.String(36), nullable=False),
        sa.Column("step", sa.Integer, nullable=False),  # the minute the code was made for
        sa.Column("seen_at", sa.String(32), nullable=False),
        sa.Column("counter_uid", sa.String(36)),  # where it was scanned; NULL: learnt from the server
    )
    # Nonces older than a code can live are dropped by step, so this index keeps that cheap.
    op.create_index("ix_used_codes_step", "used_codes", ["step"])


def downgrade() -> None:
    op.drop_table("used_codes")
