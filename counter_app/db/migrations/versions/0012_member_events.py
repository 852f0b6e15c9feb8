"""Member events: sign-ups and check-ins, each member checked in once.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_events",
        sa.Column("code", sa.String(20), primary_key=True),
        sa.Column("title", sa.String(60), nullable=False),
        sa.Column("starts_at", sa.String(32), nullable=False),
        sa.Column("ends_at", sa.String(32), nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("capacity", sa.Integer),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("created_by", sa.String(20)),
    )
    op.create_table(
        "event_signups",
        sa.Column("event_code", sa.String(20), sa.ForeignKey("member_events.code"), primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), primary_key=True),
        sa.Column("signed_up_at", sa.String(32), nullable=False),
        sa.Column("checked_in_at", sa.String(32)),
        sa.Column("entry_id", sa.String(36)),
    )


def downgrade() -> None:
    op.drop_table("event_signups")
    op.drop_table("member_events")
