"""Complaint events from the counters: append-only, as at the counters; a correction is a new event.

Revision ID: s0005
Revises: s0004
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaint_events",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("complaint_uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("staff_id", sa.String(length=20), nullable=True),
        sa.Column("counter_uid", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index(op.f("ix_complaint_events_complaint_uid"), "complaint_events", ["complaint_uid"])
    op.create_index(op.f("ix_complaint_events_request_id"), "complaint_events", ["request_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION complaint_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'complaint events are append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER complaint_events_append_only BEFORE UPDATE OR DELETE ON complaint_events "
            "FOR EACH ROW EXECUTE FUNCTION complaint_events_append_only()"
        )
    else:
        op.execute(
            "CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END"
        )
        op.execute(
            "CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS complaint_events_append_only ON complaint_events")
        op.execute("DROP FUNCTION IF EXISTS complaint_events_append_only()")
    op.drop_index(op.f("ix_complaint_events_request_id"), "complaint_events")
    op.drop_index(op.f("ix_complaint_events_complaint_uid"), "complaint_events")
    op.drop_table("complaint_events")
