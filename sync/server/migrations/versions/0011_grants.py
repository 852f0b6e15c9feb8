"""Granted points checked at the server: member events and check-ins, birthday changes, one claim per grant.

Revision ID: s0011
Revises: s0010
"""

import sqlalchemy as sa
from alembic import op

revision = "s0011"
down_revision = "s0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_events",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("counter_uid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("starts_at", sa.String(length=40), nullable=False),
        sa.Column("ends_at", sa.String(length=40), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=20), nullable=True),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("code", "counter_uid"),
    )
    op.create_table(
        "event_check_ins",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("counter_uid", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("op_id"),
    )
    op.create_index("ix_event_check_ins_member", "event_check_ins", ["code", "member_uid"])
    op.create_table(
        "birthday_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("changed_at", sa.String(length=40), nullable=False),
        sa.Column("old_month", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_birthday_changes_member_uid"), "birthday_changes", ["member_uid"])
    op.create_table(
        "grant_claims",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("ref", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("entry_id"),
    )
    op.create_index("ux_grant_claims_once", "grant_claims", ["kind", "member_uid", "ref"], unique=True)
    # The grants already in the ledger count: an event's points or a year's birthday gift given before
    # this check existed is not given again. (Referrals and compensation are matched otherwise.)
    op.execute(
        "INSERT INTO grant_claims (entry_id, kind, member_uid, ref) "
        "SELECT MIN(entry_id), 'activity', member_uid, item FROM ledger "
        "WHERE kind = 'activity' AND item IS NOT NULL AND reverses IS NULL GROUP BY member_uid, item"
    )
    op.execute(
        "INSERT INTO grant_claims (entry_id, kind, member_uid, ref) "
        "SELECT MIN(entry_id), 'birthday', member_uid, SUBSTR(at, 1, 4) FROM ledger "
        "WHERE kind = 'birthday' AND reverses IS NULL GROUP BY member_uid, SUBSTR(at, 1, 4)"
    )


def downgrade() -> None:
    op.drop_index("ux_grant_claims_once", "grant_claims")
    op.drop_table("grant_claims")
    op.drop_index(op.f("ix_birthday_changes_member_uid"), "birthday_changes")
    op.drop_table("birthday_changes")
    op.drop_index("ix_event_check_ins_member", "event_check_ins")
    op.drop_table("event_check_ins")
    op.drop_table("member_events")
