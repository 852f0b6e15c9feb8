"""Complaints: append-only events (synced like every operation) and the per-complaint state they add up to.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("complaint_uid", sa.String(36), nullable=False, unique=True),
        sa.Column("ticket_no", sa.String(24), nullable=False, unique=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id")),
        sa.Column("walk_in_name", sa.String(40)),
        sa.Column("contact_sealed", sa.LargeBinary),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("shop", sa.String(40)),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("state", sa.String(14), nullable=False),
        sa.Column("assigned_to", sa.String(20)),
        sa.Column("root_cause", sa.String(20)),
        sa.Column("rating", sa.Integer),
        sa.Column("opened_at", sa.String(32), nullable=False),
        sa.Column("due_at", sa.String(32), nullable=False),
        sa.Column("answered_at", sa.String(32)),
        sa.Column("resolved_at", sa.String(32)),
        sa.Column("closed_at", sa.String(32)),
        sa.Column("conflict", sa.Text),
        sa.Column("counter_uid", sa.String(36), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_complaints_state_due", "complaints", ["state", "due_at"])
    op.create_index("ix_complaints_opened", "complaints", ["opened_at"])
    op.create_index("ix_complaints_member", "complaints", ["member_id"])
    op.create_table(
        "complaint_events",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("complaint_uid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("staff_id", sa.String(20)),
        sa.Column("counter_uid", sa.String(36), nullable=False),
        sa.Column("pulled", sa.Boolean, nullable=False, server_default=sa.text("0")),
    )
    op.create_index("ix_complaint_events_complaint", "complaint_events", ["complaint_uid", "at"])
    # Append-only, as the audit log: a correction is a new event.
    op.execute(
        "CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END"
    )


def downgrade() -> None:
    op.drop_table("complaint_events")
    op.drop_table("complaints")
