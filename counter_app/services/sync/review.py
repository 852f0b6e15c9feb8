"""The review list: operations the server refused and items it opened, in the clerk's language; a manager
resolves an item here and the resolution reaches every counter."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from counter_app import i18n
from counter_app.db import outbox, sync_state
from counter_app.domain.coupons import display as display_coupon
from counter_app.domain.coupons import looks_like_coupon
from counter_app.domain.errors import Conflict, InvalidInput, NotFound
from counter_app.domain.ledger import KIND_LABELS
from counter_app.domain.staff import Permission
from counter_app.domain.tiers import TIER_LABELS
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit import record
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk


@dataclass(frozen=True)
class ReviewLine:
    source: str  # "rejected": an operation the server refused; "server": an item the server opened
    ref: str  # the operation's id, or the server's item number
    kind: str
    what: str  # the kind, in the clerk's language
    at: str
    details: str  # in the clerk's language


# What the review list calls each operation and each server finding, and how it explains them.
WHAT = {
    "member.registered": QT_TRANSLATE_NOOP("Review", "Registration"),
    "member.updated": QT_TRANSLATE_NOOP("Review", "Profile change"),
    "member.erased": QT_TRANSLATE_NOOP("Review", "Erasure of personal data"),
    "member.tier": QT_TRANSLATE_NOOP("Review", "Tier change"),
    "points.earned": QT_TRANSLATE_NOOP("Review", "Points from a slip"),
    "points.cash": QT_TRANSLATE_NOOP("Review", "Points as cash"),
    "points.redeem-gift": QT_TRANSLATE_NOOP("Review", "Gift redemption"),
    "points.redeem-coupon": QT_TRANSLATE_NOOP("Review", "Coupon for points"),
    "points.gift-out": QT_TRANSLATE_NOOP("Review", "Points given"),
    "points.gift-in": QT_TRANSLATE_NOOP("Review", "Points received"),
    "points.birthday": QT_TRANSLATE_NOOP("Review", "Birthday gift"),
    "points.activity": QT_TRANSLATE_NOOP("Review", "Event points"),
    "points.referral": QT_TRANSLATE_NOOP("Review", "Referral points"),
    "points.expired": QT_TRANSLATE_NOOP("Review", "Expiry"),
    "points.voided": QT_TRANSLATE_NOOP("Review", "Void"),
    "coupon.issued": QT_TRANSLATE_NOOP("Review", "Coupon issued"),
    "coupon.written_off": QT_TRANSLATE_NOOP("Review", "Coupon write-off"),
    "overdraw": QT_TRANSLATE_NOOP("Review", "Overdraw"),
    "double_write_off": QT_TRANSLATE_NOOP("Review", "Coupon used twice"),
    "duplicate_slip": QT_TRANSLATE_NOOP("Review", "Slip earned twice"),
    "profile_conflict": QT_TRANSLATE_NOOP("Review", "Profile edited at two counters"),
    "replayed_code": QT_TRANSLATE_NOOP("Review", "Member code shown twice"),
    "code.used": QT_TRANSLATE_NOOP("Review", "Member code scanned"),
    "complaint.event": QT_TRANSLATE_NOOP("Review", "Complaint"),
    "points.compensation": QT_TRANSLATE_NOOP("Review", "Compensation points"),
    "double_compensation": QT_TRANSLATE_NOOP("Review", "Compensation decided twice"),
    "review.resolved": QT_TRANSLATE_NOOP("Review", "Review item resolved"),
    "event.created": QT_TRANSLATE_NOOP("Review", "Event set up"),
    "event.checked_in": QT_TRANSLATE_NOOP("Review", "Event check-in"),
    "staff.saved": QT_TRANSLATE_NOOP("Review", "Staff account"),
    "audit_break": QT_TRANSLATE_NOOP("Review", "Audit log broken"),
}
WHY = {
    "unknown_member": QT_TRANSLATE_NOOP(
        "Review", "The server has no such member; the operation refers to a member it never received."
    ),
    "unknown_coupon": QT_TRANSLATE_NOOP("Review", "The server has no coupon {code}."),
    "coupon_exists": QT_TRANSLATE_NOOP("Review", "The coupon code {code} exists already at the server."),
    "unknown_entry": QT_TRANSLATE_NOOP("Review", "The voided operation is not in the server's ledger."),
    "already_voided": QT_TRANSLATE_NOOP("Review", "The operation was voided already."),
    "reused_id": QT_TRANSLATE_NOOP("Review", "The server had an operation with the same id and another content."),
    "unknown_type": QT_TRANSLATE_NOOP(
        "Review", "The server does not know this kind of operation ({type}); update the server."
    ),
    "malformed": QT_TRANSLATE_NOOP("Review", "The server found the operation malformed ({field}: {problem})."),
    "invalid": QT_TRANSLATE_NOOP("Review", "The server refused a value ({field}: {problem})."),
    "unknown_complaint": QT_TRANSLATE_NOOP("Review", "The server has no such complaint; its opening never reached it."),
    "complaint_exists": QT_TRANSLATE_NOOP("Review", "The server has this complaint opened already."),
    "unknown_request": QT_TRANSLATE_NOOP("Review", "The server has no such compensation request for this complaint."),
    "double_compensation": QT_TRANSLATE_NOOP(
        "Review",
        "Complaint {ticket_no}: compensation request {request} was decided again at counter {counter_no} ({again_at}), after a first decision ({first_at}); check for a double compensation.",
    ),
    "unknown_review": QT_TRANSLATE_NOOP("Review", "The server has no review item {review_id}."),
    "staff_missing": QT_TRANSLATE_NOOP(
        "Review", "The operation does not say which staff member made it; the server takes none without."
    ),
    "unknown_staff": QT_TRANSLATE_NOOP(
        "Review", "The server knows no staff member {staff} at store {store}; the operation was not applied."
    ),
    "staff_disabled": QT_TRANSLATE_NOOP("Review", "Staff account {staff} is disabled; the operation was not applied."),
    "staff_other_store": QT_TRANSLATE_NOOP(
        "Review", "Staff member {staff} works at another store, not at {store}; the operation was not applied."
    ),
    "unknown_authoriser": QT_TRANSLATE_NOOP(
        "Review", "The server knows no manager {staff} at store {store} to have authorised this."
    ),
    "authoriser_disabled": QT_TRANSLATE_NOOP(
        "Review", "The authorising account {staff} is disabled; the operation was not applied."
    ),
    "authoriser_other_store": QT_TRANSLATE_NOOP(
        "Review", "{staff} is a manager of another store and cannot authorise at {store}."
    ),
    "not_authorised": QT_TRANSLATE_NOOP(
        "Review", "{staff} ({role}) may not authorise this operation; it needs a manager of this store."
    ),
    "chain_wide_account": QT_TRANSLATE_NOOP("Review", "{staff} is a head-office account; only head office changes it."),
    # The server's own reading of an operation by the rules (sync/server/validate.py).
    "wrong_points": QT_TRANSLATE_NOOP(
        "Review",
        "By the rules at the slip's time the server counts {expected} points for ¥{amount} ({tier} member), not {got}; the points were not added.",
    ),
    "earn_without_slip": QT_TRANSLATE_NOOP("Review", "Points from a slip need the slip's amount and number."),
    "slip_out_of_time": QT_TRANSLATE_NOOP(
        "Review", "The slip's time {at} is more than {days} days back, or ahead of the counter's clock."
    ),
    "spend_adds_points": QT_TRANSLATE_NOOP(
        "Review", "A redemption can only take points; this one would have added {got}."
    ),
    "cash_not_in_steps": QT_TRANSLATE_NOOP("Review", "Points become cash in steps of {step}; {points} is not one."),
    "wrong_cash": QT_TRANSLATE_NOOP("Review", "Those points are {expected} in cash, not {got}."),
    "gift_unmatched": QT_TRANSLATE_NOOP(
        "Review", "{got} points received without a gift of as many points given just before at this counter."
    ),
    "wrong_void": QT_TRANSLATE_NOOP(
        "Review", "A void takes back exactly what the operation moved: {expected} points, not {got}."
    ),
    "not_voidable": QT_TRANSLATE_NOOP("Review", "A {kind} entry cannot be voided."),
    "void_other_member": QT_TRANSLATE_NOOP("Review", "The voided operation belongs to another member."),
    "void_too_late": QT_TRANSLATE_NOOP(
        "Review", "The operation is from {when}; only the last {days} days can be voided."
    ),
    "tier_not_earned": QT_TRANSLATE_NOOP(
        "Review", "Tiers follow the spend the server counts: the member holds {expected} there, not {got}."
    ),
    "unknown_kind": QT_TRANSLATE_NOOP("Review", "The server knows no kind of points entry {kind}."),
    "unknown_rules": QT_TRANSLATE_NOOP("Review", "The server never published rules version {version}."),
    "old_rules": QT_TRANSLATE_NOOP(
        "Review",
        "Rules version {version} was no longer in force at the operation's time (version {in_force} was); the counter had not pulled the new rules for too long.",
    ),
    # Granted points the server could not account for (sync/server/grants.py).
    "unknown_event": QT_TRANSLATE_NOOP(
        "Review", "The server has no event {event} set up at this counter; it gives no activity points for it."
    ),
    "event_exists": QT_TRANSLATE_NOOP("Review", "This counter set up event {event} at the server already."),
    "event_points_over": QT_TRANSLATE_NOOP(
        "Review", "Event {event} gives {points} points for a check-in; the chain's rules allow at most {limit}."
    ),
    "outside_event_hours": QT_TRANSLATE_NOOP(
        "Review", "The check-in at {at} is outside event {event}'s hours ({starts_at} to {ends_at})."
    ),
    "not_checked_in": QT_TRANSLATE_NOOP(
        "Review",
        "The server has no check-in of member {member_no} at {event} from this counter; activity points come with the check-in.",
    ),
    "activity_given": QT_TRANSLATE_NOOP(
        "Review", "Member {member_no} was given the points for {event} already; they are given once per event."
    ),
    "grant_points": QT_TRANSLATE_NOOP(
        "Review", "By the chain's rules these are {expected} points; the operation gave {delta}."
    ),
    "not_birthday_month": QT_TRANSLATE_NOOP(
        "Review",
        "Member {member_no}'s birthday on file at the server is not in month {month}; no birthday gift is due.",
    ),
    "birthday_changed": QT_TRANSLATE_NOOP(
        "Review",
        "Member {member_no}'s birthday was changed on {when}; a birthday changed this year gives its gift from next year.",
    ),
    "birthday_given": QT_TRANSLATE_NOOP("Review", "Member {member_no} was given the birthday gift of {year} already."),
    "not_referred": QT_TRANSLATE_NOOP(
        "Review",
        "Member {member_no} neither registered with a referrer nor referred anyone; no referral points are due.",
    ),
    "referral_given": QT_TRANSLATE_NOOP("Review", "Member {member_no} was given the referral points due already."),
    "compensation_not_approved": QT_TRANSLATE_NOOP(
        "Review", "The server has no approved compensation request {request} for these points; they are not due."
    ),
    "compensation_paid": QT_TRANSLATE_NOOP(
        "Review", "Compensation request {request} was paid already; it is not paid twice."
    ),
    "compensation_member": QT_TRANSLATE_NOOP(
        "Review", "Compensation request {request} is for another member's complaint, not member {member_no}."
    ),
    "compensation_points": QT_TRANSLATE_NOOP(
        "Review", "Compensation request {request} was approved for {expected} points; the operation gave {delta}."
    ),
    "overdraw": QT_TRANSLATE_NOOP(
        "Review", "Member {member_no} spent more than the balance: {balance_before} → {balance_after} points ({delta})."
    ),
    "double_write_off": QT_TRANSLATE_NOOP(
        "Review", "Coupon {code} was written off again at {again_at}; first used at {first_used_at}."
    ),
    "duplicate_slip": QT_TRANSLATE_NOOP("Review", "Slip {slip_no} earned points at two counters (member {member_no})."),
    "profile_conflict": QT_TRANSLATE_NOOP(
        "Review",
        "Member {member_no}: {fields} changed at another counter first; that value stands, check it with the member.",
    ),
    "replayed_code": QT_TRANSLATE_NOOP(
        "Review",
        "Member {member_no}'s code was scanned at counter {counter_no} at {again_at}, but counter {first_counter_no} had scanned it at {first_at}: one was a copy.",
    ),
    "audit_break": QT_TRANSLATE_NOOP(
        "Review",
        "Counter {counter_no}'s audit log does not continue at entry {seq} the entries the server acknowledged (up to {acknowledged_seq}): entries there were cut or rewritten.",
    ),
}


def _readable(key: str, value: Any) -> Any:
    """Times to the minute, coupon codes in groups, as the clerk sees them elsewhere."""
    if value is None:
        return "—"
    if key.endswith("_at") and isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return value
    if key == "code" and isinstance(value, str) and looks_like_coupon(value):
        return display_coupon(value)
    if isinstance(value, str) and value in TIER_LABELS:  # the server names tiers and kinds by their codes
        return i18n.translate("Tiers", TIER_LABELS[value])
    if key == "kind" and isinstance(value, str) and value in KIND_LABELS:
        return i18n.translate("PointsKinds", KIND_LABELS[value])
    return value


def _explain(code: str | None, params: dict[str, Any], fallback: str) -> str:
    template = WHY.get(code or "")
    if template is None:
        return fallback
    try:
        return i18n.translate("Review", template).format(
            **{key: _readable(key, value) for key, value in params.items()}
        )
    except (KeyError, IndexError, ValueError):
        return fallback


def review_list(desk: Desk) -> list[ReviewLine]:
    """Operations the server refused and items it opened: nothing is dropped silently."""
    authorize(desk, Permission.LOOKUP, "sync.review")
    with desk.store.read() as connection:
        refused = outbox.rejected_ops(connection)
        items = sync_state.open_review_items(connection)
    lines = []
    for row in refused:
        try:
            reason = json.loads(row.reason or "{}")
        except ValueError:
            reason = {"text": row.reason}
        lines.append(
            ReviewLine(
                "rejected",
                row.op_id,
                row.op_type,
                i18n.translate("Review", WHAT.get(row.op_type, row.op_type)),
                str(row.answered_at or ""),
                _explain(reason.get("code"), reason.get("params") or {}, reason.get("text") or ""),
            )
        )
    for row in items:
        details = json.loads(row.details)
        lines.append(
            ReviewLine(
                "server",
                str(row.id),
                row.kind,
                i18n.translate("Review", WHAT.get(row.kind, row.kind)),
                str(row.created_at),
                _explain(row.kind, details, row.details),
            )
        )
    return lines


def review_sentence(kind: str, details: dict[str, Any], fallback: str = "") -> str:
    """What a server review item says, in the desk's language, as the review list shows it."""
    return _explain(kind, details, fallback)


REVIEW_OUTCOMES = ("accepted", "rejected")  # accepted: the finding stands as the reason says; rejected: it was wrong


@dataclass(frozen=True)
class ReviewResolution:
    review_id: int
    kind: str
    outcome: str
    reason: str | None
    resolved_by: str
    resolved_at: str


def resolve_review_item(desk: Desk, review_id: int | str, outcome: str, reason: str | None = None) -> ReviewResolution:
    """A manager closes an item the server opened (overdraw, coupon used twice, ...): who, when, the outcome and
    why are kept with it, and pushed, so the item closes at every counter; a rejection needs its reason."""
    actor = authorize(desk, Permission.APPROVE, "review.resolve", f"review:{review_id}"[:40])
    if outcome not in REVIEW_OUTCOMES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "A review item is accepted or rejected; {outcome} is neither."),
            outcome=str(outcome)[:20],
        )
    try:
        number = int(str(review_id).strip())
    except ValueError:
        number = 0
    if number < 1:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "A review item is named by its number, as in the review list (e.g. review:12).")
        )
    note = " ".join((reason or "").split())[:500] or None
    if outcome == "rejected" and note is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Give a reason for rejecting the review item; it goes into the audit log.")
        )
    now = desk.now()
    with desk.store.write() as connection:
        row = sync_state.review_item(connection, number)
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "There is no review item {review_id}; sync the desk, or check the number in the review list.",
                ),
                review_id=number,
            )
        if row.status != "open":
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "Review item {review_id} was resolved already ({by}, {when}); nothing was changed."
                ),
                review_id=number,
                by=row.resolved_by or "—",
                when=(row.resolved_at or "")[:16].replace("T", " ") or "—",
            )
        sync_state.mark_review_resolved(connection, number, actor.staff_id, now, outcome, note)
        outbox.append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "review.resolved",
            {"review_id": number, "outcome": outcome, "reason": note, "resolved_by": actor.staff_id},
            now,
        )
        record(
            desk,
            connection,
            actor,
            "review.resolve",
            f"review:{number}",
            before={"status": "open"},
            after={"status": "resolved", "outcome": outcome},
            details=f"{row.kind}: {outcome}" + (f": {note}" if note else ""),
        )
    return ReviewResolution(number, row.kind, outcome, note, actor.staff_id, now.isoformat(timespec="seconds"))
