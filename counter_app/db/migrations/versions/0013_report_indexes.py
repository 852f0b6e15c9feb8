"""Manager reports: two covering indexes on the ledger, so a year's report over a million members reads index pages only.

ix_ledger_kind_at     (kind, at, points)                points issued and spent per kind and month: one range per kind and month
ix_ledger_kind_member (kind, member_id, at, amount_fen) earns per member in member order: activity and RFM group without sorting

Without them each report reads every ledger row of its range from the table and sorts it (5-25 s at 1 M
members, measured by bench/reports.py); with them 0.5-3 s. Building both on such a store takes about 10 s.

Revision ID: 0013
Revises: 0012
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ledger_kind_at", "ledger", ["kind", "at", "points"])
    op.create_index("ix_ledger_kind_member", "ledger", ["kind", "member_id", "at", "amount_fen"])


def downgrade() -> None:
    op.drop_index("ix_ledger_kind_member", "ledger")
    op.drop_index("ix_ledger_kind_at", "ledger")
