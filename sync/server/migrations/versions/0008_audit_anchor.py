"""The counters' audit chains, anchored here: each device's links as pushed, and its acknowledged head.

Revision ID: s0008
Revises: s0007

A link is what the chain check needs and no personal data: seq, the previous entry's digest, the entry's
digest, and when, what and by whom of the staff. Links are append-only, as the counters' log is.
"""

import sqlalchemy as sa
from alembic import op

revision = "s0008"
down_revision = "s0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_links",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("prev", sa.String(length=64), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("staff_id", sa.String(length=20), nullable=True),
        sa.Column("authorized_by", sa.String(length=20), nullable=True),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq"),
    )
    op.create_table(
        "audit_heads",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("acknowledged_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("device_id"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_links_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit links are append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_links_append_only BEFORE UPDATE OR DELETE ON audit_links "
            "FOR EACH ROW EXECUTE FUNCTION audit_links_append_only()"
        )
    else:
        op.execute(
            "CREATE TRIGGER audit_links_no_update BEFORE UPDATE ON audit_links BEGIN SELECT RAISE(ABORT, 'audit links are append-only'); END"
        )
        op.execute(
            "CREATE TRIGGER audit_links_no_delete BEFORE DELETE ON audit_links BEGIN SELECT RAISE(ABORT, 'audit links are append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_links_append_only ON audit_links")
        op.execute("DROP FUNCTION IF EXISTS audit_links_append_only()")
    op.drop_table("audit_heads")
    op.drop_table("audit_links")
