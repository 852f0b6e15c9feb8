"""The gift catalog with stock, coupon types, and coupons.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TS = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "gift_catalog",
        sa.Column("sku", sa.String(20), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("stock", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.CheckConstraint("stock >= 0", name="ck_gift_stock_never_negative"),
        sa.CheckConstraint("points > 0", name="ck_gift_points_positive"),
    )
    op.create_table(
        "coupon_types",
        sa.Column("type_code", sa.String(20), primary_key=True),
        sa.Column("title", sa.String(60), nullable=False),
        sa.Column("value_fen", sa.Integer, nullable=False),
        sa.Column("min_spend_fen", sa.Integer, nullable=False),
        sa.Column("valid_days", sa.Integer, nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    )
    op.create_table(
        "coupons",
        sa.Column("code", sa.String(20), primary_key=True),
        sa.Column("type_code", sa.String(20), sa.ForeignKey("coupon_types.type_code"), nullable=False),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
        sa.Column("value_fen", sa.Integer, nullable=False),
        sa.Column("min_spend_fen", sa.Integer, nullable=False),
        sa.Column("valid_until", sa.Date, nullable=False),
        sa.Column("issued_at", TS, nullable=False),
        sa.Column("issued_entry_id", sa.String(36)),
        sa.Column("status", sa.String(12), nullable=False, server_default="issued"),
        sa.Column("used_at", TS),
        sa.Column("used_counter", sa.String(36)),
        sa.Column("used_staff", sa.String(20)),
        sa.Column("used_spend_fen", sa.Integer),
    )
    op.create_index("ix_coupons_member_id", "coupons", ["member_id"])


def downgrade() -> None:
    for table in ("coupons", "coupon_types", "gift_catalog"):
        op.drop_table(table)
