"""The first server schema: devices, applied operations, registry, ledger, coupons, review, change feed.

Revision ID: s0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "applied_ops",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("applied_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("op_id"),
    )
    op.create_table(
        "catalog",
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "code"),
    )
    op.create_table(
        "change_log",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("counter_uid", sa.String(length=36), nullable=False),
        sa.Column("store", sa.String(length=40), nullable=False),
        sa.Column("counter_name", sa.String(length=40), nullable=False),
        sa.Column("counter_no", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("enrolled_at", sa.String(length=40), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("device_id"),
        sa.UniqueConstraint("counter_no"),
        sa.UniqueConstraint("counter_uid"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "enroll_codes",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("store", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("expires_at", sa.String(length=40), nullable=False),
        sa.Column("used_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("code_hash"),
    )
    op.create_table(
        "feed_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "members",
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("member_no", sa.String(length=13), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=True),
        sa.Column("birthday", sa.String(length=10), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("referrer_uid", sa.String(length=36), nullable=True),
        sa.Column("tier", sa.String(length=10), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("consent_version", sa.String(length=20), nullable=True),
        sa.Column("consented_at", sa.String(length=40), nullable=True),
        sa.Column("registered_at", sa.String(length=40), nullable=False),
        sa.Column("counter_uid", sa.String(length=36), nullable=False),
        sa.Column("erased_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("member_uid"),
        sa.UniqueConstraint("member_no"),
        sa.UniqueConstraint("phone"),
    )
    op.create_table(
        "review_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=True),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("counter_uid", sa.String(length=36), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ux_review_op_kind", "review_items", ["op_id", "kind"], unique=True)
    op.create_table(
        "server_meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "coupons",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("type_code", sa.String(length=20), nullable=False),
        sa.Column("value_fen", sa.BigInteger(), nullable=True),
        sa.Column("min_spend_fen", sa.BigInteger(), nullable=True),
        sa.Column("valid_until", sa.String(length=10), nullable=True),
        sa.Column("issued_at", sa.String(length=40), nullable=False),
        sa.Column("issued_entry_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("used_at", sa.String(length=40), nullable=True),
        sa.Column("used_counter", sa.String(length=36), nullable=True),
        sa.Column("write_offs", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_uid"],
            ["members.member_uid"],
        ),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_index(op.f("ix_coupons_member_uid"), "coupons", ["member_uid"], unique=False)
    op.create_table(
        "ledger",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("delta", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("counter_uid", sa.String(length=36), nullable=False),
        sa.Column("reverses", sa.String(length=36), nullable=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("slip_no", sa.String(length=40), nullable=True),
        sa.Column("shop", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("item", sa.String(length=20), nullable=True),
        sa.Column("qty", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_uid"],
            ["members.member_uid"],
        ),
        sa.PrimaryKeyConstraint("entry_id"),
        sa.UniqueConstraint("reverses"),
    )
    op.create_index(op.f("ix_ledger_member_uid"), "ledger", ["member_uid"], unique=False)
    op.create_table(
        "member_aliases",
        sa.Column("alias_uid", sa.String(length=36), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_uid"],
            ["members.member_uid"],
        ),
        sa.PrimaryKeyConstraint("alias_uid"),
    )

    op.execute("INSERT INTO feed_head (id, seq) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_table("member_aliases")
    op.drop_table("ledger")
    op.drop_table("coupons")
    op.drop_table("server_meta")
    op.drop_table("review_items")
    op.drop_table("members")
    op.drop_table("feed_head")
    op.drop_table("enroll_codes")
    op.drop_table("devices")
    op.drop_table("change_log")
    op.drop_table("catalog")
    op.drop_table("applied_ops")
