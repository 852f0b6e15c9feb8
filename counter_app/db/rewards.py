"""Queries on what points buy: the gift catalog and its stock, coupon kinds, and the coupons issued."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, insert, select, text, update

from counter_app.db.models import Coupon, CouponType, Gift, table_of

gifts = table_of(Gift)
coupon_types = table_of(CouponType)
coupons = table_of(Coupon)


def gift_by_sku(connection: Connection, sku: str, *, active_only: bool = False) -> Row[Any] | None:
    query = select(gifts).where(gifts.c.sku == sku)
    if active_only:
        query = query.where(gifts.c.active)
    return connection.execute(query).first()


def insert_gift(connection: Connection, sku: str, name: str, points: int, stock: int) -> None:
    connection.execute(insert(gifts).values(sku=sku, name=name, points=points, stock=stock))


def update_gift(connection: Connection, sku: str, values: dict[str, object]) -> None:
    connection.execute(update(gifts).where(gifts.c.sku == sku).values(**values))


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


def active_coupon_types(connection: Connection) -> list[Row[Any]]:
    return list(connection.execute(select(coupon_types).where(coupon_types.c.active).order_by(coupon_types.c.points)))


def active_coupon_type(connection: Connection, type_code: str) -> Row[Any] | None:
    return connection.execute(
        select(coupon_types).where(coupon_types.c.type_code == type_code, coupon_types.c.active)
    ).first()


def save_coupon_type(connection: Connection, type_code: str, values: dict[str, object]) -> None:
    """Define a coupon kind, or change the one of that code."""
    known = connection.execute(select(coupon_types.c.type_code).where(coupon_types.c.type_code == type_code)).first()
    if known:
        connection.execute(update(coupon_types).where(coupon_types.c.type_code == type_code).values(**values))
    else:
        connection.execute(insert(coupon_types).values(type_code=type_code, **values))


def insert_coupon(connection: Connection, **values: Any) -> None:
    connection.execute(insert(coupons).values(**values))


def coupon_by_code(connection: Connection, code: str) -> Row[Any] | None:
    """A coupon with its kind's title."""
    return connection.execute(
        select(coupons, coupon_types.c.title).join(coupon_types).where(coupons.c.code == code)
    ).first()


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


def write_off(connection: Connection, code: str, **values: Any) -> None:
    connection.execute(update(coupons).where(coupons.c.code == code).values(status="written_off", **values))


def coupon_bought_by(connection: Connection, entry_id: str) -> Row[Any] | None:
    """The coupon a redemption entry paid for (code, status)."""
    return connection.execute(
        text("SELECT code, status FROM coupons WHERE issued_entry_id = :e"), {"e": entry_id}
    ).first()


def revoke_coupon(connection: Connection, code: str) -> None:
    connection.execute(text("UPDATE coupons SET status = 'revoked' WHERE code = :code"), {"code": code})
