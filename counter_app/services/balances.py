"""Points into and out of a member's balance, in the caller's transaction: the ledger entry, its lots,
the cached balance, the outbox and the audit; and the referral award, which registration and earning share."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Connection, Row

from counter_app.db import members as member_rows
from counter_app.db import points as ledger
from counter_app.db.outbox import append_op
from counter_app.domain.errors import InvalidInput
from counter_app.domain.points import draw_fifo, expires_on
from counter_app.domain.presence import Presence
from counter_app.domain.staff import Actor
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import presence
from counter_app.services.audit import record
from counter_app.services.desk import Desk
from counter_app.services.sync.redemptions import Hold, apply_hold, ask_hold


def credit_points(
    desk: Desk,
    connection: Connection,
    row: Row[Any],
    kind: str,
    points_: int,
    actor: Actor | None,
    *,
    expires: dt.date | None | str = "rules",
    note: str | None = None,
    item: str | None = None,
    entry_id: str | None = None,
    request_id: str | None = None,
) -> str:
    """Points in: a ledger entry, its lot, the cached balance, the outbox and the audit, in the caller's transaction.
    `entry_id`: when the entry's id was given out already (a compensation's decision names it); `request_id`: the
    compensation request the points carry out, for the server to check its approval."""
    now = desk.now()
    entry_id = entry_id or str(uuid.uuid4())
    ledger.add_entry(
        connection,
        entry_id=entry_id,
        member_id=row.id,
        kind=kind,
        points=points_,
        at=now,
        staff_id=actor.staff_id if actor else None,
        note=note,
        item=item,
    )
    lapses = expires_on(now.date(), desk.rules) if isinstance(expires, str) else expires
    ledger.add_lot(connection, row.id, entry_id, now, lapses, points_)
    balance = points_balance(connection, row.id) + points_
    ledger.set_member_points(connection, row.id, points=balance, updated_at=now)
    append_op(
        connection,
        desk.store.keys,
        desk.counter_uid,
        f"points.{kind}",
        {
            "member_uid": row.member_uid,
            "kind": kind,
            "delta": points_,
            "expires_on": lapses,
            "points": points_,
            "note": note,
            "item": item,
            "rules_version": desk.rules.version,
            **({"request_id": request_id} if request_id else {}),
        },
        now,
        op_id=entry_id,
    )
    record(
        desk,
        connection,
        actor,
        f"points.{kind}",
        row.member_no,
        after={"points": points_, "balance": balance},
        details=note,
    )
    return entry_id


def debit_points(
    desk: Desk,
    connection: Connection,
    row: Row[Any],
    kind: str,
    points_: int,
    actor: Actor | None,
    *,
    note: str | None = None,
    item: str | None = None,
    qty: int | None = None,
    proof: Presence | None,
    hold: Hold,
) -> tuple[str, list[tuple[int, int]]]:
    """Points out, first in first out; refuses a spend without the member shown to be here (`proof`, checked
    again and audited in this transaction), more than the balance, and beyond a static card's limits.
    `hold`: hold_for's answer, asked before the caller's transaction opened; its op id is the entry's."""
    presence.confirm(desk, connection, row, kind, points_, proof, actor)
    if presence.by_card(proof):
        _check_card_limits(desk, connection, row, kind, points_)
    balance = points_balance(connection, row.id)
    if points_ > balance:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Member {member_no} has {balance} points; {points} cannot be redeemed."),
            member_no=row.member_no,
            balance=balance,
            points=points_,
        )
    apply_hold(desk, connection, hold, row.id, points_)
    entry_id = hold.op_id
    now = desk.now()
    ledger.add_entry(
        connection,
        entry_id=entry_id,
        member_id=row.id,
        kind=kind,
        points=-points_,
        at=now,
        staff_id=actor.staff_id if actor else None,
        note=note,
        item=item,
        qty=qty,
    )
    taken = draw_fifo(ledger.open_lots(connection, row.id), points_)
    ledger.draw(connection, entry_id, taken)
    ledger.set_member_points(connection, row.id, points=balance - points_, updated_at=now)
    append_op(
        connection,
        desk.store.keys,
        desk.counter_uid,
        f"points.{kind}",
        {
            "member_uid": row.member_uid,
            "kind": kind,
            "delta": -points_,
            "points": points_,
            "note": note,
            "item": item,
            "qty": qty,
            "rules_version": desk.rules.version,
        },
        now,
        op_id=entry_id,
    )
    record(
        desk,
        connection,
        actor,
        f"points.{kind}",
        row.member_no,
        after={"points": -points_, "balance": balance - points_},
        details=note,
    )
    return entry_id, taken


def hold_for(desk: Desk, row: Row[Any], kind: str, points_: int, *, proof: Presence | None) -> Hold:
    """Before a redemption's write transaction: the server's hold for debit_points, asked outside any
    transaction so that no other write at this desk waits on the network. A spend without the member shown
    to be here is refused first (and audited), before the server is asked; one the desk itself will refuse
    otherwise (the balance, the card's limits) is not asked for; debit_points refuses it as before."""
    presence.require(desk, row, kind, points_, proof)
    with desk.store.read() as connection:
        try:
            if presence.by_card(proof):
                _check_card_limits(desk, connection, row, kind, points_)
            allowed = points_ <= points_balance(connection, row.id)
        except InvalidInput:
            allowed = False
    return ask_hold(desk, row.id, row.member_uid, points_, ask=allowed)


def _check_card_limits(desk: Desk, connection: Connection, row: Row[Any], kind: str, points_: int) -> None:
    """A static card code can be photocopied: on the card alone a member redeems less (rules [card])."""
    rules = desk.rules
    if kind == "cash" and not rules.card_cash:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Points as cash need the member's phone code or ID, not the printed card; ask for either, or redeem a gift instead.",
            )
        )
    start = dt.datetime.combine(desk.today(), dt.time(), desk.now().tzinfo)
    spent = ledger.redeemed_since(connection, row.id, start)
    if spent + points_ > rules.card_max_points_per_day:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "On the printed card alone a member redeems at most {limit} points a day ({spent} already today); ask for the phone code or ID for more.",
            ),
            limit=rules.card_max_points_per_day,
            spent=spent,
        )


def points_balance(connection: Connection, member_id: int) -> int:
    return ledger.member_points(connection, member_id)


def award_referral(desk: Desk, connection: Connection, newcomer: Row[Any], actor: Actor | None) -> None:
    """Referral points for both: the referrer (100) and the newcomer (50), by default at registration."""
    if newcomer.referrer_id is None:
        return
    referrer_row = member_rows.member_by(connection, id=newcomer.referrer_id)
    if referrer_row is None:
        return
    if desk.rules.referrer_points:
        credit_points(
            desk,
            connection,
            referrer_row,
            "referral",
            desk.rules.referrer_points,
            actor,
            note=f"referred {newcomer.member_no}",
        )
    if desk.rules.newcomer_points:
        credit_points(
            desk,
            connection,
            newcomer,
            "referral",
            desk.rules.newcomer_points,
            actor,
            note=f"referred by {referrer_row.member_no}",
        )
