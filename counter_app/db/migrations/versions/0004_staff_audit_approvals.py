"""Staff accounts, the chained audit log, and the manager's approval queue.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("staff_id", sa.String(20), nullable=False, unique=True),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("pin_hash", sa.String(200), nullable=False),
        sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", TS),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("staff_id", sa.String(20)),
        sa.Column("role", sa.String(10)),
        sa.Column("authorized_by", sa.String(20)),
        sa.Column("counter_uid", sa.String(36), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(40)),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("details", sa.Text),
        sa.Column("digest", sa.String(64), nullable=False),
    )
    # Append-only at the SQL level too: the desk never updates or deletes an entry.
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(40)),
        sa.Column("params_sealed", sa.LargeBinary, nullable=False),
        sa.Column("requested_by", sa.String(20), nullable=False),
        sa.Column("requested_at", TS, nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
        sa.Column("decided_by", sa.String(20)),
        sa.Column("decided_at", TS),
        sa.Column("reason", sa.Text),
    )
    op.create_index("ix_approvals_status", "approvals", ["status"])
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("erased_at", TS))  # personal data erased on request (PIPL)


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("erased_at")
    op.drop_table("approvals")
    op.execute("DROP TRIGGER audit_log_no_update")
    op.execute("DROP TRIGGER audit_log_no_delete")
    op.drop_table("audit_log")
    op.drop_table("staff")
