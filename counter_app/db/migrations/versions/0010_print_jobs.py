"""The print queue: receipts kept until printed or cancelled, so none is lost to a printer or a restart.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("printer_uri", sa.String(300), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("copy_no", sa.Integer, nullable=False, server_default="0"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reached_printer", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("last_state", sa.String(20)),
        sa.Column("last_error", sa.Text),
        sa.Column("next_attempt_at", sa.String(32), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("printed_at", sa.String(32)),
        sa.Column("staff_id", sa.String(20)),
        sa.Column("cancelled_by", sa.String(20)),
    )
    op.create_index("ix_print_jobs_waiting", "print_jobs", ["status", "id"])
    op.create_index("ix_print_jobs_reference", "print_jobs", ["reference"])


def downgrade() -> None:
    op.drop_table("print_jobs")
