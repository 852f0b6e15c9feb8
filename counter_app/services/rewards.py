"""What points buy: gifts from the catalog (with stock) and coupons, and writing coupons off at the till."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy import Connection, Row

from counter_app.db import rewards as reward_rows
from counter_app.db.outbox import append_op
from counter_app.domain.coupons import display, new_code, parse_code
from counter_app.domain.errors import Conflict, FieldError, InvalidInput, NotFound, form_invalid
from counter_app.domain.points import parse_amount, parse_points
from counter_app.domain.presence import Presence
from counter_app.domain.staff import Actor, NeedsManager, Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import presence as presence_check
from counter_app.services.audit import record, record_alone
from counter_app.services.auth import authorize
from counter_app.services.balances import debit_points, hold_for, points_balance
from counter_app.services.desk import Desk
from counter_app.services.members import require_member

MAX_QTY = 99


@dataclass(frozen=True)
class GiftItem:
    sku: str
    name: str
    points: int
    stock: int


@dataclass(frozen=True)
class CouponItem:
    code: str
    title: str
    value: str
    min_spend: str
    valid_until: str
    status: str
    used_at: str | None


@dataclass(frozen=True)
class Redemption:
    op_id: str
    member_no: str
    points: int
    balance: int
    sku: str | None = None
    qty: int | None = None
    stock_left: int | None = None
    coupon: CouponItem | None = None


def _clean_text(value: str, limit: int, field: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", value or "").split())
    if not text or len(text) > limit:
        raise form_invalid(
            {field: FieldError(QT_TRANSLATE_NOOP("Errors", "Give a name of 1 to {limit} characters."), limit=limit)}
        )
    return text


def _sku(value: str) -> str:
    sku = unicodedata.normalize("NFKC", value or "").strip().upper()
    if not sku or len(sku) > 20 or not all(c.isalnum() or c in "-_" for c in sku):
        raise form_invalid(
            {"sku": FieldError(QT_TRANSLATE_NOOP("Errors", "A code is 1 to 20 letters, digits, - or _."))}
        )
    return sku


def stock_gift(
    desk: Desk, sku: str, name: str | None = None, points: int | str | None = None, add: int = 0
) -> GiftItem:
    """Add a gift to the catalog, change its price, or add stock (an administrator's rules work)."""
    actor = authorize(desk, Permission.RULES, "gift.stock")
    sku = _sku(sku)
    if add < 0 or add > 100_000:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Add between 0 and 100000 to the stock; stock is never taken away here.")
        )
    with desk.store.write() as connection:
        row = reward_rows.gift_by_sku(connection, sku)
        if row is None:
            if name is None or points is None:
                raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "A new gift needs a name and its points."))
            reward_rows.insert_gift(connection, sku, _clean_text(name, 60, "name"), parse_points(points), add)
        else:
            values: dict[str, object] = {"stock": row.stock + add}
            if name is not None:
                values["name"] = _clean_text(name, 60, "name")
            if points is not None:
                values["points"] = parse_points(points)
            reward_rows.update_gift(connection, sku, values)
        item = reward_rows.gift_by_sku(connection, sku)
        assert item is not None  # stored just now
        record(
            desk,
            connection,
            actor,
            "gift.stock",
            sku,
            after={"name": item.name, "points": item.points, "stock": item.stock},
        )
        return GiftItem(item.sku, item.name, item.points, item.stock)


def gift_catalog(desk: Desk) -> list[GiftItem]:
    authorize(desk, Permission.LOOKUP, "gift.list")
    with desk.store.read() as connection:
        return [GiftItem(r.sku, r.name, r.points, r.stock) for r in reward_rows.active_gifts(connection)]


def _needs_manager_over_limit(desk: Desk, actor: Actor, points: int, action: str) -> None:
    limit = desk.rules.redeem_approval_over
    if points > limit and not actor.may(Permission.APPROVE):
        record_alone(desk, actor, action, None, outcome="refused", details=f"{points} points over the {limit} limit")
        raise NeedsManager(
            QT_TRANSLATE_NOOP("Errors", "Redeeming more than {limit} points needs a manager."), limit=limit
        )


def redeem_gift(desk: Desk, ref: str, sku: str, qty: int = 1, presence: Presence | None = None) -> Redemption:
    """Points for a gift: stock goes down in the same transaction, and never below zero; `presence`: the proof
    that the member is at the desk."""
    actor = authorize(desk, Permission.REDEEM, "gift.redeem")
    proof = presence_check.proof_for(ref, presence)
    sku = _sku(sku)
    if not 1 <= int(qty) <= MAX_QTY:
        raise form_invalid(
            {"qty": FieldError(QT_TRANSLATE_NOOP("Errors", "Redeem 1 to {limit} at a time."), limit=MAX_QTY)}
        )
    with desk.store.read() as connection:
        item = reward_rows.gift_by_sku(connection, sku, active_only=True)
    if item is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors", "There is no gift {sku} in the catalog; check the code (counter-app gift list)."
            ),
            sku=sku,
        )
    _needs_manager_over_limit(desk, actor, item.points * qty, "gift.redeem")
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
        # Refused here too, before the server is asked: a hold for a gift out of stock would keep the
        # member's points at the server until it lapsed.
        if reward_rows.gift_stock(connection, sku) < qty:
            _out_of_stock(connection, sku, item.name)
    hold = hold_for(desk, row, "redeem-gift", item.points * qty, proof=proof)
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        if not reward_rows.take_stock(connection, sku, qty):
            _out_of_stock(connection, sku, item.name)
        entry_id, _ = debit_points(
            desk,
            connection,
            row,
            "redeem-gift",
            item.points * qty,
            actor,
            note=f"{sku} × {qty}",
            item=sku,
            qty=qty,
            proof=proof,
            hold=hold,
        )
        stock_left = reward_rows.gift_stock(connection, sku)
        return Redemption(
            entry_id,
            row.member_no,
            item.points * qty,
            points_balance(connection, row.id),
            sku=sku,
            qty=qty,
            stock_left=stock_left,
        )


def _out_of_stock(connection: Connection, sku: str, name: str) -> NoReturn:
    raise InvalidInput(
        QT_TRANSLATE_NOOP("Errors", "Only {stock} of {name} left; choose fewer or another gift."),
        stock=reward_rows.gift_stock(connection, sku),
        name=name,
    )


@dataclass(frozen=True)
class CouponKind:
    type_code: str
    title: str
    value: str
    min_spend: str
    points: int


def coupon_kinds(desk: Desk) -> list[CouponKind]:
    authorize(desk, Permission.LOOKUP, "coupon.kinds")
    with desk.store.read() as connection:
        return [
            CouponKind(r.type_code, r.title, f"{r.value_fen / 100:.2f}", f"{r.min_spend_fen / 100:.2f}", r.points)
            for r in reward_rows.active_coupon_types(connection)
        ]


def define_coupon(
    desk: Desk, type_code: str, title: str, value: str, min_spend: str, valid_days: int, points: int | str
) -> None:
    actor = authorize(desk, Permission.RULES, "coupon.define")
    type_code = _sku(type_code)
    value_fen, min_fen = parse_amount(value), parse_amount(min_spend)
    if min_fen < value_fen:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "The minimum spend must be at least the coupon's value."))
    if not 1 <= int(valid_days) <= 3650:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "A coupon is valid for 1 to 3650 days."))
    with desk.store.write() as connection:
        values = dict(
            title=_clean_text(title, 60, "title"),
            value_fen=value_fen,
            min_spend_fen=min_fen,
            valid_days=int(valid_days),
            points=parse_points(points),
        )
        reward_rows.save_coupon_type(connection, type_code, values)
        record(desk, connection, actor, "coupon.define", type_code, after={k: v for k, v in values.items()})


def _stored_coupon(connection: Connection, code: str) -> Row[Any]:
    """A coupon this transaction just wrote."""
    coupon = reward_rows.coupon_by_code(connection, code)
    if coupon is None:
        raise RuntimeError(f"coupon {code} was written but cannot be read back")
    return coupon


def _coupon_item(row: Row[Any]) -> CouponItem:
    return CouponItem(
        display(row.code),
        row.title if hasattr(row, "title") else row.type_code,
        f"{row.value_fen / 100:.2f}",
        f"{row.min_spend_fen / 100:.2f}",
        row.valid_until.isoformat(),
        row.status,
        row.used_at.isoformat(timespec="minutes") if row.used_at else None,
    )


def redeem_coupon(desk: Desk, ref: str, type_code: str, presence: Presence | None = None) -> Redemption:
    """Points for a coupon: its code is issued in the same transaction as the points go; `presence`: the proof
    that the member is at the desk."""
    actor = authorize(desk, Permission.REDEEM, "coupon.redeem")
    proof = presence_check.proof_for(ref, presence)
    type_code = _sku(type_code)
    with desk.store.read() as connection:
        kind = reward_rows.coupon_type(connection, type_code, active_only=True)
    if kind is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "There is no coupon {type_code}; check the code."), type_code=type_code
        )
    _needs_manager_over_limit(desk, actor, kind.points, "coupon.redeem")
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
    hold = hold_for(desk, row, "redeem-coupon", kind.points, proof=proof)
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        entry_id, _ = debit_points(
            desk,
            connection,
            row,
            "redeem-coupon",
            kind.points,
            actor,
            note=type_code,
            item=type_code,
            qty=1,
            proof=proof,
            hold=hold,
        )
        coupon = issue_coupon(desk, connection, row, kind, entry_id)
        return Redemption(entry_id, row.member_no, kind.points, points_balance(connection, row.id), coupon=coupon)


def issue_coupon(desk: Desk, connection: Connection, row: Row[Any], kind: Row[Any], entry_id: str | None) -> CouponItem:
    """A coupon of `kind` (a coupon_types row) for the member `row`, with its outbox entry, in the caller's
    transaction; `entry_id` is the ledger entry that paid for it (None: given, e.g. as a complaint's compensation)."""
    now = desk.now()
    code = new_code()
    valid_until = now.date() + dt.timedelta(days=kind.valid_days)
    reward_rows.insert_coupon(
        connection,
        code=code,
        type_code=kind.type_code,
        member_id=row.id,
        value_fen=kind.value_fen,
        min_spend_fen=kind.min_spend_fen,
        valid_until=valid_until,
        issued_at=now,
        issued_entry_id=entry_id,
    )
    append_op(
        connection,
        desk.store.keys,
        desk.counter_uid,
        "coupon.issued",
        {
            "member_uid": row.member_uid,
            "code": code,
            "type": kind.type_code,
            "value_fen": kind.value_fen,
            "min_spend_fen": kind.min_spend_fen,
            "valid_until": valid_until,
            "issued_entry_id": entry_id,
        },
        now,
    )
    return _coupon_item(_stored_coupon(connection, code))


def member_coupons(desk: Desk, ref: str) -> list[CouponItem]:
    authorize(desk, Permission.LOOKUP, "coupon.list")
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
        return [_coupon_item(c) for c in reward_rows.coupons_of_member(connection, row.id)]


def show_coupon(desk: Desk, code: str) -> CouponItem:
    authorize(desk, Permission.LOOKUP, "coupon.show")
    code = _parse(code)
    with desk.store.read() as connection:
        coupon = reward_rows.coupon_by_code(connection, code)
    if coupon is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors", "No coupon has the code {code}; check it, or it was issued at another counter not yet synced."
            ),
            code=display(code),
        )
    return _coupon_item(coupon)


def _parse(code: str) -> str:
    try:
        return parse_code(code)
    except FieldError as error:
        raise form_invalid({"code": error}) from None


def write_off_coupon(desk: Desk, code: str, spend: str | None = None) -> CouponItem:
    """Use a coupon at the till: once, within its dates, on at least its minimum spend."""
    actor = authorize(desk, Permission.WRITE_OFF_COUPON, "coupon.write_off")
    code = _parse(code)
    spend_fen = parse_amount(spend) if spend else None
    now = desk.now()
    with desk.store.write() as connection:
        coupon = reward_rows.coupon_by_code(connection, code)
        if coupon is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "No coupon has the code {code}; check it, or it was issued at another counter not yet synced.",
                ),
                code=display(code),
            )
        if coupon.status == "written_off":
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "Coupon {code} was used already on {when} at counter {counter} by {staff}."
                ),
                code=display(code),
                when=coupon.used_at.strftime("%Y-%m-%d %H:%M"),
                counter=(coupon.used_counter or "")[:8],
                staff=coupon.used_staff or "—",
            )
        if coupon.status != "issued":
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Coupon {code} was withdrawn ({status}); it cannot be used."),
                code=display(code),
                status=coupon.status,
            )
        if now.date() > coupon.valid_until:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "Coupon {code} expired on {date}."),
                code=display(code),
                date=coupon.valid_until.isoformat(),
            )
        if spend_fen is not None and spend_fen < coupon.min_spend_fen:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors", "Coupon {code} needs a spend of at least ¥{minimum}; this one is ¥{spend}."
                ),
                code=display(code),
                minimum=f"{coupon.min_spend_fen / 100:.2f}",
                spend=f"{spend_fen / 100:.2f}",
            )
        reward_rows.write_off(
            connection,
            code,
            used_at=now,
            used_counter=desk.counter_uid,
            used_staff=actor.staff_id,
            used_spend_fen=spend_fen,
        )
        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "coupon.written_off",
            {"code": code, "spend_fen": spend_fen},
            now,
        )
        record(
            desk,
            connection,
            actor,
            "coupon.write_off",
            display(code),
            details=f"spend ¥{spend_fen / 100:.2f}" if spend_fen is not None else None,
        )
        return _coupon_item(_stored_coupon(connection, code))
