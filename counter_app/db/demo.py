"""Bulk writes of made-up demo data: the members' opening balances, their tiers, and a small catalog."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

# (entry_id, member_id, kind, points, at, note), times as ISO text
LedgerRow = tuple[str, int, str, int, str, str]
# (member_id, entry_id, earned_at, expires_on, points_initial, points_left)
LotRow = tuple[int, str, str, str, int, int]
# (member_id, old_tier, new_tier, at, reason)
TierRow = tuple[int, str, str, str, str]
# (sku, name, points, stock)
GiftRow = tuple[str, str, int, int]
# (type_code, title, value_fen, min_spend_fen, valid_days, points)
CouponTypeRow = tuple[str, str, int, int, int, int]


def insert_opening_balances(connection: Connection, ledger_rows: list[LedgerRow], lot_rows: list[LotRow]) -> None:
    """Each balance as a ledger entry and the open lot it made, many at once."""
    connection.exec_driver_sql(
        "INSERT INTO ledger (entry_id, member_id, kind, points, at, note) VALUES (?, ?, ?, ?, ?, ?)",
        ledger_rows,
    )
    connection.exec_driver_sql(
        "INSERT INTO points_lots (member_id, entry_id, earned_at, expires_on, points_initial, points_left) VALUES (?, ?, ?, ?, ?, ?)",
        lot_rows,
    )


def insert_tier_changes(connection: Connection, tier_rows: list[TierRow]) -> None:
    connection.exec_driver_sql(
        "INSERT INTO tier_changes (member_id, old_tier, new_tier, at, reason) VALUES (?, ?, ?, ?, ?)",
        tier_rows,
    )


def add_catalog(connection: Connection, gifts: Sequence[GiftRow], coupon_types: Sequence[CouponTypeRow]) -> None:
    """Active gifts and coupon kinds; any of the same code already there is left alone."""
    connection.exec_driver_sql(
        "INSERT OR IGNORE INTO gift_catalog (sku, name, points, stock, active) VALUES (?, ?, ?, ?, 1)", list(gifts)
    )
    connection.exec_driver_sql(
        "INSERT OR IGNORE INTO coupon_types (type_code, title, value_fen, min_spend_fen, valid_days, points, active) VALUES (?, ?, ?, ?, ?, ?, 1)",
        list(coupon_types),
    )
