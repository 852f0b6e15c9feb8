"""The points ledger, its lots (FIFO, with expiry), the draws on them, and tier changes.

Revision ID: 0005
Revises: 0004

Existing balances (demo members made before the ledger) become one opening entry and lot each,
so that balance = sum of entries = sum of open lots holds from the first day.
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "ledger",
        sa.Column("entry_id", sa.String(36), primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("amount_fen", sa.Integer),
        sa.Column("slip_no", sa.String(40)),
        sa.Column("shop", sa.String(40)),
        sa.Column("at", TS, nullable=False),
        sa.Column("staff_id", sa.String(20)),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_ledger_member_at", "ledger", ["member_id", "at"])
    op.create_index("ux_ledger_slip", "ledger", ["slip_no"], unique=True, sqlite_where=sa.text("slip_no IS NOT NULL"))
    op.create_table(
        "points_lots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
        sa.Column("entry_id", sa.String(36), sa.ForeignKey("ledger.entry_id"), nullable=False),
        sa.Column("earned_at", TS, nullable=False),
        sa.Column("expires_on", sa.Date),
        sa.Column("points_initial", sa.Integer, nullable=False),
        sa.Column("points_left", sa.Integer, nullable=False),
    )
    op.create_index("ix_points_lots_open", "points_lots", ["member_id", "expires_on", "id"])
    op.create_table(
        "lot_draws",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.String(36), sa.ForeignKey("ledger.entry_id"), nullable=False),
        sa.Column("lot_id", sa.Integer, sa.ForeignKey("points_lots.id"), nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
    )
    op.create_index("ix_lot_draws_entry_id", "lot_draws", ["entry_id"])
    op.create_table(
        "tier_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
        sa.Column("old_tier", sa.String(10), nullable=False),
        sa.Column("new_tier", sa.String(10), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
    )
    op.create_index("ix_tier_changes_member_id", "tier_changes", ["member_id"])
    connection = op.get_bind()
    opening = connection.execute(sa.text("SELECT id, points, registered_at FROM members WHERE points > 0")).all()
    entries, lots = [], []
    for member_id, points, registered_at in opening:
        entry_id = str(uuid.uuid4())
        entries.append({"entry_id": entry_id, "member_id": member_id, "points": points, "at": registered_at})
        lots.append({"member_id": member_id, "entry_id": entry_id, "earned_at": registered_at, "points": points})
    if entries:
        connection.execute(
            sa.text(
                "INSERT INTO ledger (entry_id, member_id, kind, points, at, note) VALUES (:entry_id, :member_id, 'adjust', :points, :at, 'opening balance')"
            ),
            entries,
        )
        # Opening balances carry no expiry: their earning dates are unknown.
        connection.execute(
            sa.text(
                "INSERT INTO points_lots (member_id, entry_id, earned_at, expires_on, points_initial, points_left) VALUES (:member_id, :entry_id, :earned_at, NULL, :points, :points)"
            ),
            lots,
        )


def downgrade() -> None:
    for table in ("tier_changes", "lot_draws", "points_lots", "ledger"):
        op.drop_table(table)
