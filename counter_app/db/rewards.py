"""The one module of queries on what points buy: the gift catalog and its stock, coupon kinds, and the coupons
issued, whether made at this desk or brought by the server's change feed; every call runs on a caller's connection."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as upsert

from counter_app.db.models import Coupon, CouponType, Gift, table_of

gifts = table_of(Gift)
coupon_types = table_of(CouponType)
coupons = table_of(Coupon)


# ---- gifts --------------------------------------------------------------------------------------


def gift_by_sku(connection: Connection, sku: str, *, active_only: bool = False) -> Row[Any] | None:
    query = select(gifts).where(gifts.c.sku == sku)
    if active_only:
        query = query.where(gifts.c.active)
    return connection.execute(query).first()


def gift_name(connection: Connection, sku: str | None) -> str | None:
    """The gift's name, active or not; None when the catalog has no such gift."""
    name: str | None = connection.execute(select(gifts.c.name).where(gifts.c.sku == sku)).scalar()
    return name


def insert_gift(connection: Connection, sku: str, name: str, points: int, stock: int) -> None:
    connection.execute(insert(gifts).values(sku=sku, name=name, points=points, stock=stock))


def update_gift(connection: Connection, sku: str, values: dict[str, object]) -> None:
    connection.execute(update(gifts).where(gifts.c.sku == sku).values(**values))


def save_gift(connection: Connection, sku: str, name: str, points: int, stock: int, active: bool) -> None:
    """The server's word on a gift (from the change feed): added, or its name, points, stock and state replaced."""
    connection.execute(
        text(
            "INSERT INTO gift_catalog (sku, name, points, stock, active) VALUES (:sku, :name, :points, :stock, :active) "
            "ON CONFLICT(sku) DO UPDATE SET name = excluded.name, points = excluded.points, stock = excluded.stock, "
            "active = excluded.active"
        ),
        {"sku": sku, "name": name, "points": points, "stock": stock, "active": active},
    )


def active_gifts(connection: Connection) -> list[Row[Any]]:
    """The catalog as the desk offers it: cheapest first."""
    return list(connection.execute(select(gifts).where(gifts.c.active).order_by(gifts.c.points, gifts.c.sku)))


def take_stock(connection: Connection, sku: str, qty: int) -> bool:
    """Take `qty` from the stock if that many are there; False (and nothing taken) if not."""
    taken = connection.execute(
        update(gifts).where(gifts.c.sku == sku, gifts.c.stock >= qty).values(stock=gifts.c.stock - qty)
    )
    return taken.rowcount == 1


def return_stock(connection: Connection, sku: str | None, qty: int) -> None:
    """Put gifts back in stock (a voided redemption)."""
    connection.execute(text("UPDATE gift_catalog SET stock = stock + :qty WHERE sku = :sku"), {"qty": qty, "sku": sku})


def gift_stock(connection: Connection, sku: str) -> int:
    stock: int = connection.execute(select(gifts.c.stock).where(gifts.c.sku == sku)).scalar_one()
    return stock


# ---- coupon kinds -------------------------------------------------------------------------------


def active_coupon_types(connection: Connection) -> list[Row[Any]]:
    return list(connection.execute(select(coupon_types).where(coupon_types.c.active).order_by(coupon_types.c.points)))


def coupon_type(connection: Connection, type_code: str, *, active_only: bool = False) -> Row[Any] | None:
    query = select(coupon_types).where(coupon_types.c.type_code == type_code)
    if active_only:
        query = query.where(coupon_types.c.active)
    return connection.execute(query).first()


def save_coupon_type(connection: Connection, type_code: str, values: dict[str, object]) -> None:
    """Define a coupon kind, or change the fields in `values` of the one of that code (a kind defined here, or the
    server's word on one: then `values` holds them all, `active` too)."""
    statement = upsert(coupon_types).values(type_code=type_code, **values)
    connection.execute(statement.on_conflict_do_update(index_elements=[coupon_types.c.type_code], set_=values))


def keep_unknown_coupon_type(connection: Connection, type_code: str, value_fen: int, min_spend_fen: int) -> None:
    """A coupon kind this counter has not heard of (a pulled coupon's), inactive and not for points: its coupons can
    be shown and used. A kind known already stays as it is."""
    connection.execute(
        text(
            "INSERT OR IGNORE INTO coupon_types (type_code, title, value_fen, min_spend_fen, valid_days, points, active) "
            "VALUES (:type_code, :type_code, :value_fen, :min_spend_fen, 0, 0, 0)"
        ),
        {"type_code": type_code, "value_fen": value_fen, "min_spend_fen": min_spend_fen},
    )


# ---- coupons ------------------------------------------------------------------------------------


def insert_coupon(connection: Connection, **values: Any) -> None:
    """A coupon issued at this desk (dates and times as Python values)."""
    connection.execute(insert(coupons).values(**values))


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


def coupon_by_code(connection: Connection, code: str) -> Row[Any] | None:
    """A coupon with its kind's title."""
    return connection.execute(
        select(coupons, coupon_types.c.title).join(coupon_types).where(coupons.c.code == code)
    ).first()


def coupon_status(connection: Connection, code: str) -> str | None:
    """The coupon's status here (issued, written_off, ...), or None when this counter has no such coupon."""
    status: str | None = connection.execute(
        text("SELECT status FROM coupons WHERE code = :code"), {"code": code}
    ).scalar()
    return status


def coupons_of_member(connection: Connection, member_id: int) -> list[Row[Any]]:
    """All the member's coupons with their kinds' titles, soonest to lapse first."""
    return list(
        connection.execute(
            select(coupons, coupon_types.c.title)
            .join(coupon_types)
            .where(coupons.c.member_id == member_id)
            .order_by(coupons.c.valid_until)
        )
    )


def usable_coupons(connection: Connection, member_id: int, today: dt.date) -> list[Row[Any]]:
    """The member's coupons still to be used (title, code, valid_until as text), for the member's card."""
    return list(
        connection.execute(
            text(
                "SELECT t.title, c.code, c.valid_until FROM coupons c JOIN coupon_types t ON t.type_code = c.type_code "
                "WHERE c.member_id = :m AND c.status = 'issued' AND c.valid_until >= :today ORDER BY c.valid_until"
            ),
            {"m": member_id, "today": today.isoformat()},
        )
    )


def coupon_bought_by(connection: Connection, entry_id: str) -> Row[Any] | None:
    """The coupon a redemption entry paid for, with its kind's title."""
    return connection.execute(
        select(coupons, coupon_types.c.title).join(coupon_types).where(coupons.c.issued_entry_id == entry_id)
    ).first()


def write_off(connection: Connection, code: str, **values: Any) -> None:
    """Written off at this desk (used_at and the rest as Python values)."""
    connection.execute(update(coupons).where(coupons.c.code == code).values(status="written_off", **values))


def mark_written_off_elsewhere(
    connection: Connection, code: str, used_at: str | None, used_counter: str | None
) -> None:
    """Written off at another counter, as the change feed says (used_at as the server's text)."""
    connection.execute(
        text(
            "UPDATE coupons SET status = 'written_off', used_at = :used_at, used_counter = :used_counter WHERE code = :code"
        ),
        {"used_at": used_at, "used_counter": used_counter, "code": code},
    )


def revoke_coupon(connection: Connection, code: str) -> None:
    connection.execute(text("UPDATE coupons SET status = 'revoked' WHERE code = :code"), {"code": code})
