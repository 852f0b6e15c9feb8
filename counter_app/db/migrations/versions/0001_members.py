"""Counter identity, members, their change history, the outbox and store facts.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "counter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("counter_uid", sa.String(36), nullable=False, unique=True),
        sa.Column("last_outbox_seq", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_member_seq", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_uid", sa.String(36), nullable=False, unique=True),
        sa.Column("member_no", sa.String(13), nullable=False, unique=True),
        sa.Column("phone", sa.String(11), nullable=False, unique=True),
        sa.Column("phone_tail", sa.String(4), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("gender", sa.String(1)),
        sa.Column("birthday", sa.Date),
        sa.Column("id_number", sa.String(18)),
        sa.Column("referrer_id", sa.Integer, sa.ForeignKey("members.id")),
        sa.Column("tier", sa.String(10), nullable=False, server_default="regular"),
        sa.Column("points", sa.Integer, nullable=False, server_default="0"),
        sa.Column("spend_12m_cents", sa.Integer, nullable=False, server_default="0"),
        sa.Column("consent_version", sa.String(20), nullable=False),
        sa.Column("consented_at", TS, nullable=False),
        sa.Column("registered_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("counter_uid", sa.String(36), nullable=False),
    )
    op.create_index("ix_members_phone_tail", "members", ["phone_tail"])
    op.create_table(
        "member_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(20), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("changed_at", TS, nullable=False),
    )
    op.create_index("ix_member_changes_member", "member_changes", ["member_id", "id"])
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("op_id", sa.String(36), nullable=False, unique=True),
        sa.Column("counter_uid", sa.String(36), nullable=False),
        sa.Column("op_type", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
    )
    op.create_index("ix_outbox_status", "outbox", ["status"])
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("store_meta", "outbox", "member_changes", "members", "counter"):
        op.drop_table(table)
