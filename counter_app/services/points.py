"""Points: earning from a purchase slip, points as cash, the history, and the expiry job."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row

from counter_app.db import member_events as event_rows
from counter_app.db import members as member_rows
from counter_app.db import points as ledger
from counter_app.db.outbox import append_op
from counter_app.domain.errors import Conflict, DeskError, FieldError, InvalidInput, NotFound, form_invalid
from counter_app.domain.points import (
    BACKDATE_DAYS,
    SLIP_AHEAD,
    expires_on,
    normalize_slip_no,
    parse_amount,
    parse_points,
    points_for,
    tier_for_spend,
)
from counter_app.domain.presence import Presence
from counter_app.domain.staff import HeldForApproval, NeedsManager, Permission
from counter_app.domain.tiers import ROLLING_DAYS, TIERS
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import approval_requests
from counter_app.services import presence as presence_check
from counter_app.services.audit import record, record_alone
from counter_app.services.auth import authorize
from counter_app.services.balances import award_referral as award_referral
from counter_app.services.balances import credit_points as credit_points
from counter_app.services.balances import debit_points as debit_points
from counter_app.services.balances import hold_for
from counter_app.services.balances import points_balance as points_balance
from counter_app.services.desk import Desk
from counter_app.services.members import require_member
from counter_app.services.sync.enrolment import is_enrolled
from counter_app.services.sync.redemptions import Hold

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


def _earn_inputs(
    desk: Desk, amount: str, slip_no: str, shop: str | None, at: dt.datetime | None
) -> tuple[int, str, str | None, dt.datetime]:
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
        errors["at"] = FieldError(
            QT_TRANSLATE_NOOP("Errors", "Give the slip's time with its UTC offset, e.g. 2026-11-23T14:05+08:00.")
        )
    elif when > now + SLIP_AHEAD:
        errors["at"] = FieldError(
            QT_TRANSLATE_NOOP("Errors", "The slip's time is in the future; check the date and the counter's clock.")
        )
    elif when < now - dt.timedelta(days=BACKDATE_DAYS):
        errors["at"] = FieldError(
            QT_TRANSLATE_NOOP("Errors", "The slip is older than {days} days; it cannot earn points any more."),
            days=BACKDATE_DAYS,
        )
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


def earn_from_slip(
    desk: Desk, ref: str, amount: str, slip_no: str, shop: str | None = None, at: dt.datetime | str | None = None
) -> EarnResult:
    """points = floor(amount × rate × tier × promotion); one slip earns once; risky earns wait for a manager."""
    actor = authorize(desk, Permission.EARN, "points.earn")
    if isinstance(at, str):
        try:
            at = dt.datetime.fromisoformat(at)
        except ValueError:
            raise form_invalid(
                {"at": FieldError(QT_TRANSLATE_NOOP("Errors", "Give the slip's time as 2026-11-23T14:05+08:00."))}
            ) from None
    amount_fen, slip, shop_name, when = _earn_inputs(desk, amount, slip_no, shop, at)
    if not actor.may(Permission.APPROVE):
        reason = _risk_hold(desk, ref, amount_fen, slip, shop_name, when)
        if reason:
            params = {
                "ref": ref,
                "amount": f"{amount_fen / 100:.2f}",
                "slip_no": slip,
                "shop": shop_name,
                "at": when.isoformat(),
            }
            approval_id = approval_requests.request(desk, "points.earn", slip, params, details=reason)
            raise HeldForApproval(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Held for a manager's check ({reason}) as request {approval_id}; no points are added until a manager approves.",
                ),
                reason=reason,
                approval_id=approval_id,
            )
    rules = desk.rules
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        if row.erased_at is not None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "Member {member_no}'s data was erased; they cannot earn points."),
                member_no=row.member_no,
            )
        earlier = ledger.entry_by_slip(connection, slip)
        if earlier is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Slip {slip} earned points already on {when} (operation {op_id})."),
                slip=slip,
                when=earlier.at.strftime("%Y-%m-%d %H:%M"),
                op_id=earlier.entry_id,
            )
        first_purchase = rules.referral_when == "first_purchase" and not ledger.has_earned(connection, row.id)
        points = points_for(amount_fen, row.tier, when.date(), rules)
        entry_id = str(uuid.uuid4())
        ledger.add_entry(
            connection,
            entry_id=entry_id,
            member_id=row.id,
            kind="earn",
            points=points,
            amount_fen=amount_fen,
            slip_no=slip,
            shop=shop_name,
            at=when,
            staff_id=actor.staff_id,
        )
        lapses = expires_on(when.date(), rules)
        if points:
            ledger.add_lot(connection, row.id, entry_id, when, lapses, points)
        spend = ledger.spend_since(connection, row.id, desk.now() - dt.timedelta(days=ROLLING_DAYS))
        earned_tier = tier_for_spend(spend, rules)
        # Upgrades come the moment a threshold is crossed; downgrades only at the tier's anniversary.
        tier = max(row.tier, earned_tier, key=TIERS.index)
        if tier != row.tier:
            ledger.add_tier_change(connection, row.id, row.tier, tier, when, "spend")
        balance = row.points + points
        ledger.set_member_points(
            connection, row.id, points=balance, spend_12m_cents=spend, tier=tier, updated_at=desk.now()
        )
        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "points.earned",
            {
                "member_uid": row.member_uid,
                "kind": "earn",
                "delta": points,
                "expires_on": lapses,
                "points": points,
                "amount_fen": amount_fen,
                "slip_no": slip,
                "shop": shop_name,
                "at": when.isoformat(),
                "tier": tier,
                "rules_version": rules.version,
            },
            desk.now(),
            op_id=entry_id,
        )
        record(
            desk,
            connection,
            actor,
            "points.earn",
            row.member_no,
            after={"points": points, "balance": balance, "tier": tier},
            details=f"slip {slip} ¥{amount_fen / 100:.2f}",
        )
        # A slip earns once: a request parked for it is carried out by this earn.
        approval_requests.close_carried_out(
            desk, connection, "points.earn", lambda params: normalize_slip_no(str(params["slip_no"])) == slip, entry_id
        )
        if first_purchase:
            award_referral(desk, connection, row, actor)
            balance = points_balance(connection, row.id)
        return EarnResult(entry_id, row.member_no, points, balance, tier, tier != row.tier)


def redeem_cash(
    desk: Desk,
    ref: str,
    points: int | str,
    presence: Presence | dict[str, Any] | None = None,
    *,
    hold: Hold | None = None,
) -> CashResult:
    """Points as cash, in whole yuan at the rules' ratio, spent from the soonest-expiring lots; `presence`: the
    proof that the member is at the desk (a scan's, or a manager's override), parked with the request if it waits.
    `hold`: cash_hold's answer, for a caller that runs this inside a write transaction of its own (an approval)."""
    actor = authorize(desk, Permission.REDEEM, "points.cash")
    proof = presence_check.proof_for(ref, presence)
    rules = desk.rules
    wanted = _cash_points(points)
    ratio = rules.cash_points_per_yuan
    if wanted % ratio:
        lower, upper = wanted // ratio * ratio, (wanted // ratio + 1) * ratio
        raise form_invalid(
            {
                "points": FieldError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Points become cash in steps of {ratio} (¥1); {points} is not one: {lower} or {upper}?",
                    ),
                    ratio=ratio,
                    points=wanted,
                    lower=lower,
                    upper=upper,
                )
            }
        )
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
    # Before the manager's limit: a request parked for approval is one the member was shown to be here for.
    presence_check.require(desk, row, "cash", wanted, proof)
    if wanted > rules.redeem_approval_over and not actor.may(Permission.APPROVE):
        record_alone(
            desk,
            actor,
            "points.cash",
            None,
            outcome="refused",
            details=f"{wanted} points over the {rules.redeem_approval_over} limit",
        )
        raise NeedsManager(
            QT_TRANSLATE_NOOP("Errors", "Redeeming more than {limit} points needs a manager."),
            limit=rules.redeem_approval_over,
        )
    if hold is None:
        hold = hold_for(desk, row, "cash", wanted, proof=proof)
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        yuan = wanted // ratio
        entry_id, _ = debit_points(
            desk, connection, row, "cash", wanted, actor, note=f"¥{yuan}", proof=proof, hold=hold
        )

        def same_cash(params: dict[str, Any]) -> bool:
            # The same payout: the same member (by any reference) and the same points.
            return (
                parse_points(params["points"]) == wanted
                and require_member(desk, connection, str(params["ref"])).id == row.id
            )

        approval_requests.close_carried_out(desk, connection, "points.cash", same_cash, entry_id)
        return CashResult(entry_id, row.member_no, wanted, f"{yuan}.00", points_balance(connection, row.id), row.tier)


def cash_hold(desk: Desk, ref: str, points: int | str, presence: Presence | dict[str, Any] | None = None) -> Hold:
    """redeem_cash's hold at the central server, asked outside any transaction (the network may be slow); the
    member's presence is checked first, as redeem_cash checks it."""
    proof = presence_check.proof_for(ref, presence)
    wanted = _cash_points(points)
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
    return hold_for(desk, row, "cash", wanted, proof=proof)


def _cash_points(points: int | str) -> int:
    try:
        return parse_points(points)
    except FieldError as error:
        raise form_invalid({"points": error}) from None


def history(desk: Desk, ref: str, limit: int = 100) -> list[HistoryLine]:
    authorize(desk, Permission.LOOKUP, "points.history")
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
        return [
            HistoryLine(
                e.entry_id,
                e.kind,
                e.points,
                e.at.isoformat(timespec="seconds"),
                f"{e.amount_fen / 100:.2f}" if e.amount_fen is not None else None,
                e.slip_no,
                e.shop,
                e.staff_id,
                e.note,
            )
            for e in ledger.history(connection, row.id, limit)
        ]


def expire_points(desk: Desk) -> int:
    """Turn every lot whose last day has passed into an 'expire' entry. Idempotent: a lot emptied
    once has nothing left to expire. Runs at start and daily; returns the points expired."""
    today = desk.today()
    total = 0
    with desk.store.read() as connection:
        if is_enrolled(connection):
            # The server expires an enrolled counter's points: each counter expiring the same lot
            # would take it twice. Its expiry entries arrive with the change feed.
            return 0
    while True:
        with desk.store.write() as connection:
            lapsed = ledger.lapsed_lots(connection, today, EXPIRY_BATCH)
            if not lapsed:
                return total
            for lot in lapsed:
                entry_id = str(uuid.uuid4())
                member = ledger.member_account(connection, lot.member_id)
                ledger.add_entry(
                    connection,
                    entry_id=entry_id,
                    member_id=lot.member_id,
                    kind="expire",
                    points=-lot.points_left,
                    at=desk.now(),
                    note=f"expired {lot.expires_on}",
                )
                ledger.draw(connection, entry_id, [(lot.id, lot.points_left)])
                ledger.set_member_points(connection, lot.member_id, points=member.points - lot.points_left)
                append_op(
                    connection,
                    desk.store.keys,
                    desk.counter_uid,
                    "points.expired",
                    {
                        "member_uid": member.member_uid,
                        "kind": "expire",
                        "delta": -lot.points_left,
                        "points": lot.points_left,
                        "expires_on": str(lot.expires_on),
                    },
                    desk.now(),
                    op_id=entry_id,
                )
                record(
                    desk,
                    connection,
                    None,
                    "points.expire",
                    member.member_no,
                    after={"points": -lot.points_left},
                    details=f"lot {lot.id} ended {lot.expires_on}",
                )
                total += lot.points_left


@dataclass(frozen=True)
class GiftResult:
    op_id: str  # the giver's entry: the receipt's reference
    from_member_no: str
    to_member_no: str
    points: int
    from_balance: int
    to_balance: int


def _gift_parties(
    desk: Desk, connection: Connection, from_ref: str, to_ref: str, wanted: int
) -> tuple[Row[Any], Row[Any]]:
    """The giver and the receiver of a gift of points, if the rules let this one be made."""
    rules = desk.rules
    giver = require_member(desk, connection, from_ref)
    receiver = require_member(desk, connection, to_ref)
    if giver.id == receiver.id:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "A member cannot give points to themselves; scan the friend's code.")
        )
    if receiver.erased_at is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Member {member_no}'s data was erased; they cannot receive points."),
            member_no=receiver.member_no,
        )
    start = desk.now().replace(hour=0, minute=0, second=0, microsecond=0)
    given_today = ledger.gifted_since(connection, giver.id, start)
    if given_today + wanted > rules.gift_max_points_per_day:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Member {member_no} may give {left} more points today (limit {limit} a day)."),
            member_no=giver.member_no,
            left=max(0, rules.gift_max_points_per_day - given_today),
            limit=rules.gift_max_points_per_day,
        )
    return giver, receiver


def gift_points(
    desk: Desk, from_ref: str, to_ref: str, points_: int | str, presence: Presence | None = None
) -> GiftResult:
    """A member gives points to another (积分赠予好友) within the rules' limits; the received points
    keep the expiry dates of the lots they came from, so gifting never stretches a lot's life.
    `presence`: the proof that the giver is at the desk."""
    actor = authorize(desk, Permission.REDEEM, "points.gift")
    proof = presence_check.proof_for(from_ref, presence)
    rules = desk.rules
    try:
        wanted = parse_points(points_)
    except FieldError as error:
        raise form_invalid({"points": error}) from None
    if wanted > rules.gift_max_points:
        raise form_invalid(
            {
                "points": FieldError(
                    QT_TRANSLATE_NOOP("Errors", "One gift is at most {limit} points."), limit=rules.gift_max_points
                )
            }
        )
    # The parties are checked before the server is asked, so that a mistyped friend's code keeps no
    # points at the server, and again in the write, against the data as it is then.
    with desk.store.read() as connection:
        giver, receiver = _gift_parties(desk, connection, from_ref, to_ref, wanted)
    hold = hold_for(desk, giver, "gift-out", wanted, proof=proof)
    with desk.store.write() as connection:
        giver, receiver = _gift_parties(desk, connection, from_ref, to_ref, wanted)
        entry_id, taken = debit_points(
            desk,
            connection,
            giver,
            "gift-out",
            wanted,
            actor,
            note=f"to {receiver.member_no}",
            proof=proof,
            hold=hold,
        )
        expiries = ledger.lot_expiries(connection, [lot for lot, _ in taken])
        for lot_id, amount in taken:
            credit_points(
                desk,
                connection,
                receiver,
                "gift-in",
                amount,
                actor,
                expires=expiries[lot_id],
                note=f"from {giver.member_no}",
            )
        return GiftResult(
            entry_id,
            giver.member_no,
            receiver.member_no,
            wanted,
            points_balance(connection, giver.id),
            points_balance(connection, receiver.id),
        )


def _same_month(birthday: str | None, month: int) -> bool:
    try:
        return birthday is not None and dt.date.fromisoformat(birthday).month == month
    except ValueError:
        return False


def claim_birthday(desk: Desk, ref: str) -> EarnResult:
    """The birthday gift: once a year, in the birthday month."""
    actor = authorize(desk, Permission.EARN, "points.birthday")
    today = desk.today()
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        if row.birthday is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "Member {member_no} has no birthday on file; add it to the profile first."),
                member_no=row.member_no,
            )
        if row.birthday.month != today.month:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors", "The birthday gift is claimed in the birthday month ({month}); come back then."
                ),
                month=row.birthday.month,
            )
        # A birthday moved into this month this year does not unlock this year's gift: else an edit of
        # the profile would give the gift at once, to anyone. A day corrected within the month does.
        zone = desk.now().tzinfo
        for change in member_rows.change_history(connection, row.id):
            if change.field != "birthday" or change.changed_at.astimezone(zone).year != today.year:
                continue
            if not _same_month(change.old_value, today.month):
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Member {member_no}'s birthday was changed on {when}; a birthday changed this year gives its gift from next year.",
                    ),
                    member_no=row.member_no,
                    when=change.changed_at.astimezone(zone).date().isoformat(),
                )
        claimed = ledger.last_entry_at(connection, row.id, "birthday", since=dt.date(today.year, 1, 1))
        if claimed:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "This year's birthday gift was given on {when}."), when=claimed[:10]
            )
        entry_id = credit_points(
            desk, connection, row, "birthday", desk.rules.birthday_points, actor, note=str(today.year)
        )
        return EarnResult(
            entry_id, row.member_no, desk.rules.birthday_points, points_balance(connection, row.id), row.tier, False
        )


def award_activity(desk: Desk, ref: str, event: str, points_: int | None = None) -> EarnResult:
    """Points for checking in at an event (活动积分), once per member per event; `points_` is the
    event's own award (member_events.check_in), else the rules' check-in points."""
    actor = authorize(desk, Permission.EARN, "points.activity")
    event = " ".join((event or "").split()).upper()
    if not event or len(event) > 20:
        raise form_invalid(
            {
                "event": FieldError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "An event code is 1 to 20 characters, as on the event's check-in sheet."
                    )
                )
            }
        )
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        # Points for an event that is on the desk's list, to a member checked in at it; a made-up code gets none.
        if event_rows.event_by_code(connection, event) is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors", "There is no event {event}; activity points are given for an event on the list only."
                ),
                event=event,
            )
        signup = event_rows.signup_of(connection, event, row.id)
        if signup is None or not signup.checked_in_at:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Member {member_no} has not checked in at {event}; activity points come with the check-in.",
                ),
                member_no=row.member_no,
                event=event,
            )
        earlier = ledger.last_entry_at(connection, row.id, "activity", item=event)
        if earlier:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Member {member_no} checked in at {event} already, on {when}."),
                member_no=row.member_no,
                event=event,
                when=earlier[:16].replace("T", " "),
            )
        awarded = desk.rules.activity_points if points_ is None else points_
        entry_id = credit_points(desk, connection, row, "activity", awarded, actor, note=event, item=event)
        return EarnResult(entry_id, row.member_no, awarded, points_balance(connection, row.id), row.tier, False)


def review_tiers(desk: Desk) -> int:
    """Downgrades happen only at a tier's anniversary: a year after the member reached it, the tier
    follows the rolling 12-month spend again. Idempotent; runs with the expiry job. Returns how many changed."""
    now = desk.now()
    changed = 0
    with desk.store.write() as connection:
        candidates = ledger.tier_review_candidates(connection)
        for member in candidates:
            since = dt.datetime.fromisoformat(member.since)
            if now - since < dt.timedelta(days=ROLLING_DAYS):
                continue
            spend = ledger.spend_since(connection, member.id, now - dt.timedelta(days=ROLLING_DAYS))
            due = tier_for_spend(spend, desk.rules)
            if TIERS.index(due) < TIERS.index(member.tier):
                ledger.add_tier_change(connection, member.id, member.tier, due, now, "anniversary")
                ledger.set_member_points(connection, member.id, tier=due, spend_12m_cents=spend, updated_at=now)
                append_op(
                    connection,
                    desk.store.keys,
                    desk.counter_uid,
                    "member.tier",
                    {
                        "member_uid": member.member_uid,
                        "tier": due,
                        "reason": "anniversary",
                        "rules_version": desk.rules.version,
                    },
                    now,
                )
                record(
                    desk,
                    connection,
                    None,
                    "member.tier",
                    member.member_no,
                    before={"tier": member.tier},
                    after={"tier": due},
                    details="anniversary",
                )
                changed += 1
            elif due == member.tier:
                # Kept at the anniversary: the next review is a year from now.
                ledger.add_tier_change(connection, member.id, member.tier, due, now, "anniversary kept")
    return changed


def daily_jobs(desk: Desk) -> tuple[int, int]:
    """What the desk runs at start and every day: the expiry of lapsed lots and the tier review."""
    return expire_points(desk), review_tiers(desk)
