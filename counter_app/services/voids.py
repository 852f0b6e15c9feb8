"""A manager's void: an operation undone within the rules' days by compensating entries, never by deletion."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from counter_app.db import points as ledger
from counter_app.db import rewards as reward_rows
from counter_app.db.outbox import append_op
from counter_app.domain.errors import Conflict, InvalidInput, NotFound
from counter_app.domain.ledger import VOIDABLE
from counter_app.domain.points import draw_fifo
from counter_app.domain.staff import Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import approval_requests
from counter_app.services.audit import record
from counter_app.services.auth import authorize
from counter_app.services.balances import points_balance
from counter_app.services.desk import Desk


@dataclass(frozen=True)
class VoidResult:
    op_id: str
    voided: str
    member_no: str
    points: int  # the change the void made to the balance
    balance: int


def void_operation(desk: Desk, op_id: str, reason: str) -> VoidResult:
    actor = authorize(desk, Permission.VOID, "points.void", op_id[:36])
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Give the reason for the void; it goes into the audit log."))
    now = desk.now()
    with desk.store.write() as connection:
        entry = ledger.entry_by_id(connection, op_id.strip())
        if entry is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors", "There is no operation {op_id}; copy it from the receipt or the points history."
                ),
                op_id=op_id[:36],
            )
        member = ledger.member_account(connection, entry.member_id)
        if entry.kind not in VOIDABLE:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "A {kind} entry cannot be voided."), kind=entry.kind)
        earlier = ledger.reversal_of(connection, entry.entry_id)
        if earlier is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Operation {op_id} was voided already on {when}."),
                op_id=entry.entry_id,
                when=earlier.at[:16].replace("T", " "),
            )
        made = dt.datetime.fromisoformat(entry.at)
        if now - made > dt.timedelta(days=desk.rules.void_within_days):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors", "Operation {op_id} is from {when}; only the last {days} days can be voided."
                ),
                op_id=entry.entry_id,
                when=made.date().isoformat(),
                days=desk.rules.void_within_days,
            )
        void_id = str(uuid.uuid4())
        balance = points_balance(connection, member.id)
        if entry.points > 0:
            # Points that came in go out again: from the lot they made first, then first in, first out.
            if entry.points > balance:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The member has spent those points (balance {balance}, the operation gave {points}); it cannot be voided.",
                    ),
                    balance=balance,
                    points=entry.points,
                )
            own = ledger.lots_made_by(connection, entry.entry_id)
            others = [lot for lot in ledger.open_lots(connection, member.id) if lot[0] not in {o.id for o in own}]
            taken = draw_fifo([(o.id, o.points_left) for o in own if o.points_left] + others, entry.points)
            ledger.add_entry(
                connection,
                entry_id=void_id,
                member_id=member.id,
                kind="reversal",
                points=-entry.points,
                at=now,
                staff_id=actor.staff_id,
                note=reason,
                reverses=entry.entry_id,
            )
            ledger.draw(connection, void_id, taken)
        else:
            # Points that went out come back with the expiry dates they had.
            ledger.add_entry(
                connection,
                entry_id=void_id,
                member_id=member.id,
                kind="reversal",
                points=-entry.points,
                at=now,
                staff_id=actor.staff_id,
                note=reason,
                reverses=entry.entry_id,
            )
            for draw in ledger.draws_by(connection, entry.entry_id):
                expires = dt.date.fromisoformat(draw.expires_on) if draw.expires_on else None
                ledger.add_lot(connection, member.id, void_id, now, expires, draw.points)
            if entry.kind == "redeem-gift":
                reward_rows.return_stock(connection, entry.item, entry.qty or 0)
            if entry.kind == "redeem-coupon":
                coupon = reward_rows.coupon_bought_by(connection, entry.entry_id)
                if coupon is not None and coupon.status == "written_off":
                    raise InvalidInput(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "The coupon bought with these points was used already; the redemption cannot be voided.",
                        )
                    )
                if coupon is not None:
                    reward_rows.revoke_coupon(connection, coupon.code)
        new_balance = balance - entry.points
        ledger.set_member_points(connection, member.id, points=new_balance, updated_at=now)
        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "points.voided",
            {
                "member_uid": member.member_uid,
                "kind": "reversal",
                "delta": -entry.points,
                "reverses": entry.entry_id,
                "note": reason,
                "rules_version": desk.rules.version,
            },
            now,
            op_id=void_id,
        )
        record(
            desk,
            connection,
            actor,
            "points.void",
            member.member_no,
            before={"op": entry.entry_id, "kind": entry.kind, "points": entry.points},
            after={"balance": new_balance},
            details=reason,
        )
        # An operation is voided once: a request parked for its void is carried out by this one.
        approval_requests.close_carried_out(
            desk, connection, "points.void", lambda params: str(params["op_id"]).strip() == entry.entry_id, void_id
        )
        return VoidResult(void_id, entry.entry_id, member.member_no, -entry.points, new_balance)
