"""The chain's gift catalog, coupon kinds and members' coupons as the central server's change feed brings them;
every call runs on a caller's connection."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text


def save_gift(connection: Connection, sku: str, name: str, points: int, stock: int, active: bool) -> None:
    """The server's word on a gift: added, or its name, points, stock and state replaced."""
    connection.execute(
        text(
            "INSERT INTO gift_catalog (sku, name, points, stock, active) VALUES (:sku, :name, :points, :stock, :active) "
            "ON CONFLICT(sku) DO UPDATE SET name = excluded.name, points = excluded.points, stock = excluded.stock, "
            "active = excluded.active"
        ),
        {"sku": sku, "name": name, "points": points, "stock": stock, "active": active},
    )


def save_coupon_type(connection: Connection, values: dict[str, Any]) -> None:
    """The server's word on a coupon kind (type_code, title, value_fen, min_spend_fen, valid_days, points, active)."""
    connection.execute(
        text(
            "INSERT INTO coupon_types (type_code, title, value_fen, min_spend_fen, valid_days, points, active) "
            "VALUES (:type_code, :title, :value_fen, :min_spend_fen, :valid_days, :points, :active) "
            "ON CONFLICT(type_code) DO UPDATE SET title = excluded.title, value_fen = excluded.value_fen, "
            "min_spend_fen = excluded.min_spend_fen, valid_days = excluded.valid_days, points = excluded.points, "
            "active = excluded.active"
        ),
        values,
    )


def keep_unknown_coupon_type(connection: Connection, type_code: str, value_fen: int, min_spend_fen: int) -> None:
    """A coupon kind this counter has not heard of, inactive and not for points: its coupons can be shown and used.
    A kind known already stays as it is."""
    connection.execute(
        text(
            "INSERT OR IGNORE INTO coupon_types (type_code, title, value_fen, min_spend_fen, valid_days, points, active) "
            "VALUES (:type_code, :type_code, :value_fen, :min_spend_fen, 0, 0, 0)"
        ),
        {"type_code": type_code, "value_fen": value_fen, "min_spend_fen": min_spend_fen},
    )


def coupon_status(connection: Connection, code: str) -> str | None:
    """The coupon's status here (issued, written_off, ...), or None when this counter has no such coupon."""
    status: str | None = connection.execute(
        text("SELECT status FROM coupons WHERE code = :code"), {"code": code}
    ).scalar()
    return status


def insert_pulled_coupon(connection: Connection, values: dict[str, Any]) -> None:
    """A coupon made at another counter, times as the server's text: code, type_code, member_id, value_fen,
    min_spend_fen, valid_until, issued_at, issued_entry_id, status, used_at, used_counter."""
    connection.execute(
        text(
            "INSERT INTO coupons (code, type_code, member_id, value_fen, min_spend_fen, valid_until, issued_at, "
            "issued_entry_id, status, used_at, used_counter) "
            "VALUES (:code, :type_code, :member_id, :value_fen, :min_spend_fen, :valid_until, :issued_at, "
            ":issued_entry_id, :status, :used_at, :used_counter)"
        ),
        values,
    )


def mark_coupon_written_off(connection: Connection, code: str, used_at: str | None, used_counter: str | None) -> None:
    """Written off at another counter (used_at as the server's text)."""
    connection.execute(
        text(
            "UPDATE coupons SET status = 'written_off', used_at = :used_at, used_counter = :used_counter WHERE code = :code"
        ),
        {"used_at": used_at, "used_counter": used_counter, "code": code},
    )
