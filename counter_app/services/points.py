"""Points: earning from a purchase slip, points as cash, the history, and the expiry job."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from counter_app.db import points as ledger
from counter_app.db.outbox import append_op
from counter_app.domain.errors import Conflict, DeskError, FieldError, InvalidInput, form_invalid
from counter_app.domain.points import draw_fifo, expires_on, normalize_slip_no, parse_amount, parse_points, points_for, tier_for_spend
from counter_app.domain.staff import HeldForApproval, NeedsManager, Permission
from counter_app.domain.tiers import TIERS
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit import record, record_alone
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk
from counter_app.services.members import require_member

ROLLING_DAYS = 365
BACKDATE_DAYS = 90  # a slip older than this is not accepted at the desk
EXPIRY_BATCH = 500


@dataclass(frozen=True)
class EarnResult:
    op_id: str
    member_no: str
    points: int
    balance: int
    tier: str
    upgraded: bool


@dataclass(frozen=True)
class CashResult:
    op_id: str
    member_no: str
    points: int
    yuan: str
    balance: int
    tier: str


@dataclass(frozen=True)
class HistoryLine:
    op_id: str
    kind: str
    points: int
    at: str
    amount: str | None
    slip_no: str | None
    shop: str | None
    staff_id: str | None
    note: str | None


def _earn_inputs(desk: Desk, amount: str, slip_no: str, shop: str | None, at: dt.datetime | None) -> tuple[int, str, str | None, dt.datetime]:
    errors: dict[str, DeskError] = {}
    values: dict[str, object] = {}
    for field, check in (("amount", lambda: parse_amount(amount)), ("slip_no", lambda: normalize_slip_no(slip_no))):
        try:
            values[field] = check()
        except FieldError as error:
            errors[field] = error
    now = desk.now()
    when = at or now
    if when.tzinfo is None:
        errors["at"] = FieldError(QT_TRANSLATE_NOOP("Errors", "Give the slip's time with its UTC offset, e.g. 2026-11-23T14:05+08:00."))
    elif when > now + dt.timedelta(minutes=5):
        errors["at"] = FieldError(QT_TRANSLATE_NOOP("Errors", "The slip's time is in the future; check the date and the counter's clock."))
    elif when < now - dt.timedelta(days=BACKDATE_DAYS):
        errors["at"] = FieldError(QT_TRANSLATE_NOOP("Errors", "The slip is older than {days} days; it cannot earn points any more."), days=BACKDATE_DAYS)
    shop_name = " ".join((shop or "").split()) or None
    if shop_name and len(shop_name) > 40:
        errors["shop"] = FieldError(QT_TRANSLATE_NOOP("Errors", "The shop name is too long: at most 40 characters."))
    if errors:
        raise form_invalid(errors)
    return values["amount"], values["slip_no"], shop_name, when  # type: ignore[return-value]


def _risk_hold(desk: Desk, ref: str, amount_fen: int, slip: str, shop: str | None, when: dt.datetime) -> str | None:
    """Why this earn must wait for a manager (velocity, size), or None. Checked before the write."""
    rules = desk.rules
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
        start = when.replace(hour=0, minute=0, second=0, microsecond=0)
        today = ledger.earn_count_between(connection, row.id, start, start + dt.timedelta(days=1))
    if today >= rules.max_slips_per_member_per_day:
        return f"{today + 1} slips today (limit {rules.max_slips_per_member_per_day})"
    if amount_fen >= rules.large_earn_yuan * 100:
        return f"large amount ¥{amount_fen / 100:.2f}"
    return None


def earn_from_slip(desk: Desk, ref: str, amount: str, slip_no: str, shop: str | None = None, at: dt.datetime | str | None = None) -> EarnResult:
    """points = floor(amount × rate × tier × promotion); one slip earns once; risky earns wait for a manager."""
    actor = authorize(desk, Permission.EARN, "points.earn")
    if isinstance(at, str):
        try:
            at = dt.datetime.fromisoformat(at)
        except ValueError:
            raise form_invalid({"at": FieldError(QT_TRANSLATE_NOOP("Errors", "Give the slip's time as 2026-11-23T14:05+08:00."))}) from None
    amount_fen, slip, shop_name, when = _earn_inputs(desk, amount, slip_no, shop, at)
    if not actor.may(Permission.APPROVE):
        reason = _risk_hold(desk, ref, amount_fen, slip, shop_name, when)
        if reason:
            from counter_app.services import approvals

            params = {"ref": ref, "amount": f"{amount_fen / 100:.2f}", "slip_no": slip, "shop": shop_name, "at": when.isoformat()}
            approval_id = approvals.request(desk, "points.earn", slip, params, details=reason)
            raise HeldForApproval(
                QT_TRANSLATE_NOOP("Errors", "Held for a manager's check ({reason}) as request {approval_id}; no points are added until a manager approves."),
                reason=reason,
                approval_id=approval_id,
            )
    rules = desk.rules
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        if row.erased_at is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Member {member_no}'s data was erased; they cannot earn points."), member_no=row.member_no)
        earlier = ledger.entry_by_slip(connection, slip)
        if earlier is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Slip {slip} earned points already on {when} (operation {op_id})."),
                slip=slip,
                when=earlier.at.strftime("%Y-%m-%d %H:%M"),
                op_id=earlier.entry_id,
            )
        points = points_for(amount_fen, row.tier, when.date(), rules)
        entry_id = str(uuid.uuid4())
        ledger.add_entry(connection, entry_id=entry_id, member_id=row.id, kind="earn", points=points, amount_fen=amount_fen, slip_no=slip, shop=shop_name, at=when, staff_id=actor.staff_id)
        if points:
            ledger.add_lot(connection, row.id, entry_id, when, expires_on(when.date(), rules), points)
        spend = ledger.spend_since(connection, row.id, desk.now() - dt.timedelta(days=ROLLING_DAYS))
        earned_tier = tier_for_spend(spend, rules)
        # Upgrades come the moment a threshold is crossed; downgrades only at the tier's anniversary.
        tier = max(row.tier, earned_tier, key=TIERS.index)
        if tier != row.tier:
            ledger.add_tier_change(connection, row.id, row.tier, tier, when, "spend")
        balance = row.points + points
        ledger.set_member_points(connection, row.id, points=balance, spend_12m_cents=spend, tier=tier, updated_at=desk.now())
        append_op(
            connection, desk.store.keys, desk.counter_uid, "points.earned",
            {"member_uid": row.member_uid, "points": points, "amount_fen": amount_fen, "slip_no": slip, "shop": shop_name, "at": when.isoformat(), "tier": tier},
            desk.now(), op_id=entry_id,
        )
        record(desk, connection, actor, "points.earn", row.member_no, after={"points": points, "balance": balance, "tier": tier}, details=f"slip {slip} ¥{amount_fen / 100:.2f}")
        return EarnResult(entry_id, row.member_no, points, balance, tier, tier != row.tier)


def redeem_cash(desk: Desk, ref: str, points: int | str) -> CashResult:
    """Points as cash, in whole yuan at the rules' ratio, spent from the soonest-expiring lots."""
    actor = authorize(desk, Permission.REDEEM, "points.cash")
    rules = desk.rules
    try:
        wanted = parse_points(points)
    except FieldError as error:
        raise form_invalid({"points": error}) from None
    ratio = rules.cash_points_per_yuan
    if wanted % ratio:
        lower, upper = wanted // ratio * ratio, (wanted // ratio + 1) * ratio
        raise form_invalid({"points": FieldError(
            QT_TRANSLATE_NOOP("Errors", "Points become cash in steps of {ratio} (¥1); {points} is not one: {lower} or {upper}?"),
            ratio=ratio, points=wanted, lower=lower, upper=upper,
        )})
    if wanted > rules.redeem_approval_over and not actor.may(Permission.APPROVE):
        record_alone(desk, actor, "points.cash", None, outcome="refused", details=f"{wanted} points over the {rules.redeem_approval_over} limit")
        raise NeedsManager(QT_TRANSLATE_NOOP("Errors", "Redeeming more than {limit} points needs a manager."), limit=rules.redeem_approval_over)
    now = desk.now()
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        if wanted > row.points:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Member {member_no} has {balance} points; {points} cannot be redeemed."), member_no=row.member_no, balance=row.points, points=wanted)
        entry_id = str(uuid.uuid4())
        yuan = wanted // ratio
        ledger.add_entry(connection, entry_id=entry_id, member_id=row.id, kind="cash", points=-wanted, at=now, staff_id=actor.staff_id, note=f"¥{yuan}")
        ledger.draw(connection, entry_id, draw_fifo(ledger.open_lots(connection, row.id), wanted))
        balance = row.points - wanted
        ledger.set_member_points(connection, row.id, points=balance, updated_at=now)
        append_op(connection, desk.store.keys, desk.counter_uid, "points.cash", {"member_uid": row.member_uid, "points": wanted, "yuan": yuan}, now, op_id=entry_id)
        record(desk, connection, actor, "points.cash", row.member_no, after={"points": -wanted, "balance": balance}, details=f"¥{yuan}")
        return CashResult(entry_id, row.member_no, wanted, f"{yuan}.00", balance, row.tier)


def history(desk: Desk, ref: str, limit: int = 100) -> list[HistoryLine]:
    authorize(desk, Permission.LOOKUP, "points.history")
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
        return [
            HistoryLine(
                e.entry_id, e.kind, e.points, e.at.isoformat(timespec="seconds"),
                f"{e.amount_fen / 100:.2f}" if e.amount_fen is not None else None, e.slip_no, e.shop, e.staff_id, e.note,
            )
            for e in ledger.history(connection, row.id, limit)
        ]


def expire_points(desk: Desk) -> int:
    """Turn every lot whose last day has passed into an 'expire' entry. Idempotent: a lot emptied
    once has nothing left to expire. Runs at start and daily; returns the points expired."""
    today = desk.today()
    total = 0
    while True:
        with desk.store.write() as connection:
            lapsed = ledger.lapsed_lots(connection, today, EXPIRY_BATCH)
            if not lapsed:
                return total
            for lot in lapsed:
                entry_id = str(uuid.uuid4())
                member = connection.exec_driver_sql("SELECT member_uid, member_no, points FROM members WHERE id = ?", (lot.member_id,)).one()
                ledger.add_entry(connection, entry_id=entry_id, member_id=lot.member_id, kind="expire", points=-lot.points_left, at=desk.now(), note=f"expired {lot.expires_on}")
                ledger.draw(connection, entry_id, [(lot.id, lot.points_left)])
                ledger.set_member_points(connection, lot.member_id, points=member.points - lot.points_left)
                append_op(
                    connection, desk.store.keys, desk.counter_uid, "points.expired",
                    {"member_uid": member.member_uid, "points": lot.points_left, "expires_on": str(lot.expires_on)}, desk.now(), op_id=entry_id,
                )
                record(desk, connection, None, "points.expire", member.member_no, after={"points": -lot.points_left}, details=f"lot {lot.id} ended {lot.expires_on}")
                total += lot.points_left
