"""Complaints at the desk: taking one, moving it through its states, compensation for a manager to decide, lists on the answer promise's clock."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row

from counter_app.db import complaints as complaint_rows
from counter_app.db import members as member_rows
from counter_app.db import rewards as reward_rows
from counter_app.db import sealing
from counter_app.db import staff as staff_rows
from counter_app.db.outbox import append_op
from counter_app.domain import complaints as rules
from counter_app.domain.complaints import ComplaintEvent, ComplaintState, fold
from counter_app.domain.errors import Conflict, DeskError, FieldError, InvalidInput, NotFound, form_invalid
from counter_app.domain.members import mask_phone, normalize_name, normalize_phone
from counter_app.domain.receipts import ComplaintFacts
from counter_app.domain.staff import Actor, Permission, normalize_staff_id
from counter_app.i18n import QT_TRANSLATE_NOOP, translate
from counter_app.services.audit import record, record_alone
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk
from counter_app.services.members import require_member
from counter_app.services.points import credit_points
from counter_app.services.rewards import issue_coupon

OP_TYPE = "complaint.event"
LIST_LIMIT = 500
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_TICK = dt.timedelta(microseconds=1)


@dataclass(frozen=True)
class TimelineLine:
    event_id: str
    at: str
    kind: str
    what: str  # the kind, in the desk's language
    staff_id: str | None
    counter: str  # the counter's number (or the first characters of its id)
    text: str | None
    applied: bool  # False: a move ignored because another counter's came first (see `conflict`)


@dataclass(frozen=True)
class CompensationRequest:
    request_id: str  # the request's event id; `complaint decide` takes it (or its first 8 characters)
    ticket_no: str
    complaint_uid: str
    member_no: str | None
    kind: str  # points, coupon, gift
    value: str  # points, coupon type code, gift SKU
    points: int | None
    reason: str
    requested_at: str
    requested_by: str | None
    counter: str
    status: str  # pending, approved, rejected
    decided_by: str | None = None
    decided_at: str | None = None
    decision_reason: str | None = None
    entry_id: str | None = None  # the ledger entry of approved points
    coupon_code: str | None = None
    gift_sku: str | None = None


@dataclass(frozen=True)
class ComplaintInfo:
    ticket_no: str
    complaint_uid: str
    state: str
    state_label: str
    category: str
    category_label: str
    severity: str
    severity_label: str
    member_no: str | None  # None: a walk-in customer
    walk_in_name: str | None
    contact: str | None  # masked
    shop: str | None
    description: str
    opened_at: str
    opened_by: str | None
    due_at: str  # the answer promised by
    answered_at: str | None
    resolved_at: str | None
    closed_at: str | None
    assigned_to: str | None
    root_cause: str | None
    root_cause_label: str | None
    rating: int | None
    escalation_reason: str | None
    sla_status: str  # on_track, amber, breached, met
    sla_label: str
    minutes_left: int  # until the promise is due (negative: late); frozen at the answer
    overdue: bool
    due_for_escalation: bool
    conflict: str | None  # two counters moved it apart: in the desk's language, shown, never hidden
    counter_uid: str
    timeline: list[TimelineLine] = field(default_factory=list)
    compensations: list[CompensationRequest] = field(default_factory=list)


@dataclass(frozen=True)
class ComplaintReceiptFacts:
    """What printing needs for a complaint ticket: the facts, and whose ticket it is."""

    ticket_no: str
    member_id: int | None
    staff_id: str | None
    opened_at: dt.datetime
    facts: ComplaintFacts


# ---- reading ---------------------------------------------------------------------------------


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def _require(connection: Connection, ticket: str) -> Row[Any]:
    text = (ticket or "").strip()
    ticket_no = rules.parse_ticket_no(text)
    if ticket_no is not None:
        row = complaint_rows.complaint_by_ticket(connection, ticket_no)
    elif _UUID.match(text.lower()):
        row = complaint_rows.complaint_by_uid(connection, text.lower())
    else:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{ticket}” is not a complaint ticket number; it looks like C-20261123-0001-001 (on the customer's ticket).",
            ),
            ticket=text[:40],
        )
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No complaint has the ticket number {ticket}; check it (complaint list), or it was taken at another counter not yet synced.",
            ),
            ticket=(ticket_no or text)[:40],
        )
    return row


def _rebuilt(connection: Connection, complaint_uid: str) -> ComplaintState:
    """The state folded again after an event made here: its opening is in, so there is always one."""
    state = complaint_rows.rebuild(connection, complaint_uid)
    if state is None:
        raise RuntimeError(f"complaint {complaint_uid} lost its opening event")
    return state


def _cache_row(connection: Connection, complaint_uid: str) -> Row[Any]:
    """The cache row of a complaint rebuilt in this transaction."""
    row = complaint_rows.complaint_by_uid(connection, complaint_uid)
    if row is None:
        raise RuntimeError(f"complaint {complaint_uid} has no cache row")
    return row


def _masked_contact(desk: Desk, row: Row[Any]) -> str | None:
    """The contact as the desk shows it: this counter's own walk-in's opened from its seal, another counter's as
    the feed brought it (masked; the number itself never left the server)."""
    if not row.contact_sealed:
        masked: str | None = row.contact_masked
        return masked
    contact = sealing.unseal(desk.store.keys, row.contact_sealed, complaint_rows.contact_context(row.complaint_uid))
    return mask_phone(contact)


def _member_no(connection: Connection, member_id: int | None) -> str | None:
    if member_id is None:
        return None
    member = member_rows.member_by(connection, id=member_id)
    return member.member_no if member else None


def _request_dto(
    state: ComplaintState, ticket_no: str, member_no: str | None, request: rules.CompensationRequestFacts
) -> CompensationRequest:
    decision = request.decision
    status = "pending" if decision is None else "approved" if decision.approved else "rejected"
    return CompensationRequest(
        request.request_id,
        ticket_no,
        state.complaint_uid,
        member_no,
        request.kind,
        request.value,
        request.points,
        request.reason,
        _iso(request.requested_at) or "",
        request.requested_by,
        request.counter,
        status,
        decided_by=decision.decided_by if decision else None,
        decided_at=_iso(decision.decided_at) if decision else None,
        decision_reason=decision.reason if decision else None,
        entry_id=decision.entry_id if decision else None,
        coupon_code=decision.coupon_code if decision else None,
        gift_sku=decision.gift_sku if decision else None,
    )


def _info(desk: Desk, connection: Connection, row: Row[Any], state: ComplaintState) -> ComplaintInfo:
    clock = state.sla(desk.now(), desk.rules.complaint_amber_share)
    escalate_at = dt.timedelta(hours=float(desk.rules.complaint_escalate_when_left_hours))
    member_no = _member_no(connection, row.member_id)
    return ComplaintInfo(
        ticket_no=row.ticket_no,
        complaint_uid=state.complaint_uid,
        state=state.state,
        state_label=rules.label(rules.STATES, state.state),
        category=state.category,
        category_label=rules.label(rules.CATEGORIES, state.category),
        severity=state.severity,
        severity_label=rules.label(rules.SEVERITIES, state.severity),
        member_no=member_no,
        walk_in_name=state.walk_in_name,
        contact=_masked_contact(desk, row),
        shop=state.shop,
        description=state.description,
        opened_at=_iso(state.opened_at) or "",
        opened_by=state.opened_by,
        due_at=_iso(state.due_at) or "",
        answered_at=_iso(state.answered_at),
        resolved_at=_iso(state.resolved_at),
        closed_at=_iso(state.closed_at),
        assigned_to=state.assigned_to,
        root_cause=state.root_cause,
        root_cause_label=rules.label(rules.ROOT_CAUSES, state.root_cause) or None,
        rating=state.rating,
        escalation_reason=state.escalation_reason,
        sla_status=clock.status,
        sla_label=rules.label(rules.SLA_LABELS, clock.status),
        minutes_left=int(clock.time_left.total_seconds() // 60),
        overdue=clock.overdue,
        due_for_escalation=clock.due_for_escalation(escalate_at)
        and state.state not in ("escalated", "closed", "resolved"),
        conflict=state.conflict_text(),
        counter_uid=state.counter_uid,
        timeline=[
            TimelineLine(
                e.event_id,
                _iso(e.at) or "",
                e.kind,
                rules.label(rules.EVENT_LABELS, e.kind),
                e.staff_id,
                e.counter,
                e.text,
                e.applied,
            )
            for e in state.timeline
        ],
        compensations=[_request_dto(state, row.ticket_no, member_no, request) for request in state.compensations],
    )


def _state(connection: Connection, row: Row[Any]) -> ComplaintState:
    return fold(complaint_rows.events_of(connection, row.complaint_uid))


def show_complaint(desk: Desk, ticket: str) -> ComplaintInfo:
    authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.show")
    with desk.store.read() as connection:
        row = _require(connection, ticket)
        return _info(desk, connection, row, _state(connection, row))


def list_complaints(
    desk: Desk,
    overdue: bool = False,
    status: str | None = None,
    due_for_escalation: bool = False,
    limit: int = LIST_LIMIT,
) -> list[ComplaintInfo]:
    """Soonest due first. `overdue`: no answer yet and past the promise; `due_for_escalation`: no answer,
    not escalated, and less time left than the rules' escalate_when_left_hours (breached ones too)."""
    authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.list")
    if status is not None and status not in rules.STATES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "“{value}” is not a complaint state; choose one of: {allowed}."),
            value=status[:20],
            allowed=", ".join(rules.STATES),
        )
    # Only unanswered ones can be late; the time itself is compared as times, not as text (offsets may differ).
    late_only = overdue or due_for_escalation
    with desk.store.read() as connection:
        found = complaint_rows.complaint_rows(
            connection,
            state=status,
            unanswered_only=late_only,
            latest=limit if not late_only and status is None else None,  # everything: the latest taken or received
        )
        events = complaint_rows.events_of_many(connection, [row.complaint_uid for row in found])
        infos = [
            _info(desk, connection, row, fold(events[row.complaint_uid])) for row in found if events[row.complaint_uid]
        ]
    if overdue:
        infos = [info for info in infos if info.overdue]
    if due_for_escalation:
        infos = [info for info in infos if info.due_for_escalation]
    infos.sort(key=lambda info: (dt.datetime.fromisoformat(info.due_at).astimezone(dt.UTC), info.ticket_no))
    return infos[:limit]


def pending_compensations(desk: Desk) -> list[CompensationRequest]:
    """The manager's queue: requests not yet decided, from this counter and any synced from others, oldest first."""
    authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.compensations")
    with desk.store.read() as connection:
        uids = complaint_rows.complaints_with_undecided_requests(connection)
        events = complaint_rows.events_of_many(connection, uids)
        waiting = []
        for uid in uids:
            row = complaint_rows.complaint_by_uid(connection, uid)
            if row is None or not any(event.kind == "opened" for event in events[uid]):
                continue
            state = fold(events[uid])
            member_no = _member_no(connection, row.member_id)
            waiting += [
                _request_dto(state, row.ticket_no, member_no, request) for request in state.pending_compensations
            ]
    return sorted(waiting, key=lambda request: (request.requested_at, request.request_id))


def complaint_facts_for_receipt(
    desk: Desk, connection: Connection, reference: str, language: str
) -> ComplaintReceiptFacts | None:
    """The complaint ticket's facts when `reference` is a ticket number; None otherwise (printing tries other receipts)."""
    ticket_no = rules.parse_ticket_no(reference)
    if ticket_no is None:
        return None
    row = complaint_rows.complaint_by_ticket(connection, ticket_no)
    if row is None:
        return None
    state = _state(connection, row)
    promised = state.due_at.astimezone(desk.now().tzinfo)
    facts = ComplaintFacts(
        row.ticket_no,
        rules.label(rules.CATEGORIES, state.category, language),
        rules.label(rules.SEVERITIES, state.severity, language),
        state.shop or "",
        state.description,
        _masked_contact(desk, row) or "",
        promised,
    )
    return ComplaintReceiptFacts(row.ticket_no, row.member_id, state.opened_by, state.opened_at, facts)


# ---- writing: one event each ---------------------------------------------------------------------


def _append(
    desk: Desk,
    connection: Connection,
    actor: Actor,
    complaint_uid: str,
    kind: str,
    data: dict[str, Any],
    known: list[ComplaintEvent],
    wire: dict[str, Any] | None = None,
) -> ComplaintEvent:
    """One event: its row, its outbox entry (the event id is the op id), the rebuilt cache row. `wire`
    replaces data fields on the way to the server (the contact travels in clear, as a member's phone does; the
    server seals it and tells the other counters only its masked form)."""
    now = desk.now()
    latest = max((event.at for event in known), default=None)
    # After everything this counter knew of the complaint, even if another counter's clock runs ahead
    # (or two events fall in the same tick): the fold's order is then the order things happened here.
    at = now if latest is None or now > latest else (latest + _TICK).astimezone(now.tzinfo)
    data = {**data, "counter_no": desk.settings.counter_no}
    event = ComplaintEvent(str(uuid.uuid4()), complaint_uid, kind, at, desk.counter_uid, actor.staff_id, data)
    complaint_rows.insert_event(connection, event)
    sent = {key: value for key, value in data.items() if key != "contact_sealed"} | (wire or {})
    payload = {
        "complaint_uid": complaint_uid,
        "kind": kind,
        "at": at.isoformat(timespec="microseconds"),
        "staff_id": actor.staff_id,
        "counter_uid": desk.counter_uid,
        "data": sent,
    }
    append_op(connection, desk.store.keys, desk.counter_uid, OP_TYPE, payload, now, op_id=event.event_id)
    return event


def _invalid(field_name: str, error: FieldError) -> InvalidInput:
    return form_invalid({field_name: error})


def open_complaint(
    desk: Desk,
    ref: str | None,
    category: str,
    text: str,
    severity: str = "normal",
    shop: str | None = None,
    *,
    walk_in_name: str | None = None,
    contact: str | None = None,
) -> ComplaintInfo:
    """Take a complaint from a member (REF) or a walk-in customer (ref None: a name and a contact phone,
    both optional). The answer is promised by the rules' hours for its severity (24 h for normal)."""
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.open")
    errors: dict[str, DeskError] = {}
    values: dict[str, Any] = {}
    checks = (
        ("category", rules.check_category, category),
        ("severity", rules.check_severity, severity or "normal"),
        ("text", rules.check_description, text),
        ("shop", rules.check_shop, shop),
        (
            "name",
            lambda value: normalize_name(value) if (value or "").strip() else None,
            walk_in_name if ref is None else None,
        ),
        ("contact", lambda value: normalize_phone(value) if (value or "").strip() else None, contact),
    )
    for name, check, value in checks:
        try:
            values[name] = check(value)
        except FieldError as error:
            errors[name] = error
    if errors:
        raise form_invalid(errors)
    now = desk.now()
    due = rules.due_at(now, values["severity"], desk.rules.complaint_sla_hours)
    complaint_uid = str(uuid.uuid4())
    with desk.store.write() as connection:
        member = require_member(desk, connection, ref) if ref is not None else None
        prefix = rules.format_ticket_no(desk.today(), desk.settings.counter_no, 0)[:-3]
        ticket_no = f"{prefix}{complaint_rows.last_ticket_number(connection, prefix) + 1:03d}"
        data: dict[str, Any] = {
            "ticket_no": ticket_no,
            "member_uid": member.member_uid if member is not None else None,
            "walk_in_name": values["name"],
            "category": values["category"],
            "severity": values["severity"],
            "shop": values["shop"],
            "description": values["text"],
            "due_at": due.isoformat(),
        }
        if values["contact"]:
            data["contact_sealed"] = complaint_rows.seal_contact(desk.store.keys, complaint_uid, values["contact"])
        _append(desk, connection, actor, complaint_uid, "opened", data, [], wire={"contact": values["contact"]})
        state = _rebuilt(connection, complaint_uid)
        row = _cache_row(connection, complaint_uid)
        record(
            desk,
            connection,
            actor,
            "complaint.open",
            row.ticket_no,
            after={
                "category": values["category"],
                "severity": values["severity"],
                "member_no": member.member_no if member else None,
                "contact": mask_phone(values["contact"]) if values["contact"] else None,
                "due_at": due.isoformat(timespec="minutes"),
            },
        )
        return _info(desk, connection, row, state)


def _move(
    desk: Desk,
    actor: Actor,
    ticket: str,
    kind: str,
    data: dict[str, Any],
    check: Callable[[Row[Any], ComplaintState], None] | None = None,
) -> ComplaintInfo:
    with desk.store.write() as connection:
        row = _require(connection, ticket)
        known = complaint_rows.events_of(connection, row.complaint_uid)
        state = fold(known)
        rules.check_move(state.state, kind)
        if check is not None:
            check(row, state)
        _append(desk, connection, actor, row.complaint_uid, kind, {"from_state": state.state, **data}, known)
        after = _rebuilt(connection, row.complaint_uid)
        record(
            desk,
            connection,
            actor,
            f"complaint.{kind}",
            row.ticket_no,
            before={"state": state.state},
            after={"state": after.state, **{k: v for k, v in data.items() if k != "note"}},
        )
        return _info(desk, connection, _cache_row(connection, row.complaint_uid), after)


def _note(note: str | None) -> str | None:
    try:
        return rules.check_note(note)
    except FieldError as error:
        raise _invalid("note", error) from None


def acknowledge(desk: Desk, ticket: str, note: str | None = None) -> ComplaintInfo:
    """The customer is told the complaint was received: the first answer, which stops the promise's clock."""
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.acknowledged", (ticket or "")[:40])
    return _move(desk, actor, ticket, "acknowledged", {"note": _note(note)})


def start_progress(desk: Desk, ticket: str, note: str | None = None) -> ComplaintInfo:
    """Work on it starts (from acknowledged or escalated), or it is reopened after a resolution the customer did not accept."""
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.progress", (ticket or "")[:40])
    return _move(desk, actor, ticket, "progress", {"note": _note(note)})


def escalate(desk: Desk, ticket: str, reason: str) -> ComplaintInfo:
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.escalated", (ticket or "")[:40])
    try:
        why = rules.check_reason(reason)
    except FieldError as error:
        raise _invalid("reason", error) from None
    return _move(desk, actor, ticket, "escalated", {"reason": why})


def resolve(desk: Desk, ticket: str, root_cause: str | None, note: str | None = None) -> ComplaintInfo:
    """Resolved, with the root cause the chain's reports count (required)."""
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.resolved", (ticket or "")[:40])
    try:
        cause = rules.check_root_cause(root_cause)
    except FieldError as error:
        raise _invalid("root_cause", error) from None
    return _move(desk, actor, ticket, "resolved", {"root_cause": cause, "note": _note(note)})


def close(desk: Desk, ticket: str, rating: int | str | None, note: str | None = None) -> ComplaintInfo:
    """Closed with the customer's 1–5 rating; only a resolved complaint (with its root cause) closes."""
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.closed", (ticket or "")[:40])
    try:
        stars = rules.check_rating(rating)
    except FieldError as error:
        raise _invalid("rating", error) from None

    def has_root_cause(row: Row[Any], state: ComplaintState) -> None:
        if not state.root_cause:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors", "Complaint {ticket} has no root cause recorded; resolve it with its root cause first."
                ),
                ticket=row.ticket_no,
            )

    return _move(desk, actor, ticket, "closed", {"rating": stars, "note": _note(note)}, has_root_cause)


def _not_closed(row: Row[Any], state: ComplaintState) -> None:
    if state.state == "closed":
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Complaint {ticket} is closed; open a new complaint for anything further."),
            ticket=row.ticket_no,
        )


def _annotate(
    desk: Desk,
    actor: Actor,
    ticket: str,
    kind: str,
    data: dict[str, Any],
    check: Callable[[Connection, Row[Any], ComplaintState], None] | None = None,
) -> ComplaintInfo:
    """An event that changes no state: a note, an assignment."""
    with desk.store.write() as connection:
        row = _require(connection, ticket)
        known = complaint_rows.events_of(connection, row.complaint_uid)
        state = fold(known)
        if check is not None:
            check(connection, row, state)
        _append(desk, connection, actor, row.complaint_uid, kind, data, known)
        after = _rebuilt(connection, row.complaint_uid)
        record(
            desk,
            connection,
            actor,
            f"complaint.{kind}",
            row.ticket_no,
            after={k: v for k, v in data.items() if k != "note"} or None,
        )
        return _info(desk, connection, _cache_row(connection, row.complaint_uid), after)


def add_note(desk: Desk, ticket: str, note: str) -> ComplaintInfo:
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.note", (ticket or "")[:40])
    try:
        text = rules.check_note(note, required=True)
    except FieldError as error:
        raise _invalid("note", error) from None
    return _annotate(desk, actor, ticket, "note", {"note": text})


def assign(desk: Desk, ticket: str, staff_id: str, note: str | None = None) -> ComplaintInfo:
    """Hand the complaint to a staff member of this desk, who then answers for it."""
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.assigned", (ticket or "")[:40])
    try:
        assignee = normalize_staff_id(staff_id)
    except FieldError as error:
        raise _invalid("staff_id", error) from None
    text = _note(note)

    def known_staff(connection: Connection, row: Row[Any], state: ComplaintState) -> None:
        _not_closed(row, state)
        person = staff_rows.staff_by_id(connection, assignee)
        if person is None or not person.active:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors", "There is no active staff member {staff_id} at this desk; check the ID (staff list)."
                ),
                staff_id=assignee,
            )

    return _annotate(desk, actor, ticket, "assigned", {"assigned_to": assignee, "note": text}, known_staff)


# ---- compensation ------------------------------------------------------------------------------


def _check_compensation(desk: Desk, connection: Connection, state: ComplaintState, offer: rules.Compensation) -> None:
    """What the offer needs here: a member for points and coupons, a coupon type the rules allow, a gift in the catalog."""
    if state.member_uid is None and offer.kind in ("points", "coupon"):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This complaint is from a walk-in customer, who has no member account for points or coupons; offer a gift instead.",
            )
        )
    if offer.kind == "coupon":
        allowed = desk.rules.compensation_coupon_types
        if allowed and offer.value not in allowed:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Coupon type {type_code} is not allowed as compensation by the chain's rules; allowed: {allowed}.",
                ),
                type_code=offer.value,
                allowed=", ".join(allowed),
            )
        kind = reward_rows.coupon_type(connection, offer.value, active_only=True)
        if kind is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "There is no coupon {type_code}; check the code."), type_code=offer.value
            )
    if offer.kind == "gift":
        gift = reward_rows.gift_by_sku(connection, offer.value, active_only=True)
        if gift is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors", "There is no gift {sku} in the catalog; check the code (counter-app gift list)."
                ),
                sku=offer.value,
            )


def _offer(
    desk: Desk, actor: Actor, kind: str, value: str | int | None, action: str, subject: str | None
) -> rules.Compensation:
    try:
        return rules.parse_compensation(kind, value, desk.rules.compensation_max_points)
    except FieldError as error:
        if (kind or "").strip().lower() == "points" and str(value or "").strip().isdigit():
            # Over the limit: a refusal the audit keeps, as for redemptions over theirs.
            record_alone(
                desk,
                actor,
                action,
                subject,
                outcome="refused",
                details=f"{value} points over the {desk.rules.compensation_max_points} limit",
            )
        raise _invalid("compensation", error) from None


def compensation_offer(desk: Desk, text: str, ticket: str | None = None) -> rules.Compensation:
    """points:N, coupon:TYPE or gift:SKU as typed (the command line's --compensate), checked against the rules."""
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.compensation_requested", (ticket or "")[:40])
    kind, _, value = (text or "").partition(":")
    if not value.strip():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors", "Compensation is points:N, coupon:TYPE or gift:SKU; “{value}” is none of them."
            ),
            value=(text or "")[:40],
        )
    return _offer(desk, actor, kind, value, "complaint.compensation_requested", (ticket or "")[:40])


def request_compensation(desk: Desk, ticket: str, kind: str, value: str | int, reason: str) -> CompensationRequest:
    """A clerk asks for compensation (points, a coupon or a gift); a manager decides (decide_compensation)."""
    actor = authorize(desk, Permission.COMPLAINT_INTAKE, "complaint.compensation_requested", (ticket or "")[:40])
    offer = _offer(desk, actor, kind, value, "complaint.compensation_requested", (ticket or "")[:40])
    try:
        why = rules.check_reason(reason)
    except FieldError as error:
        raise _invalid("reason", error) from None
    with desk.store.write() as connection:
        row = _require(connection, ticket)
        known = complaint_rows.events_of(connection, row.complaint_uid)
        state = fold(known)
        _not_closed(row, state)
        _check_compensation(desk, connection, state, offer)
        event = _append(
            desk,
            connection,
            actor,
            row.complaint_uid,
            "compensation_requested",
            {"kind": offer.kind, "value": offer.value, "points": offer.points, "reason": why},
            known,
        )
        after = _rebuilt(connection, row.complaint_uid)
        record(
            desk,
            connection,
            actor,
            "complaint.compensation_requested",
            row.ticket_no,
            after={"kind": offer.kind, "value": offer.value, "request": event.event_id},
        )
        [request] = [r for r in after.compensations if r.request_id == event.event_id]
        return _request_dto(after, row.ticket_no, _member_no(connection, row.member_id), request)


def _request_event(connection: Connection, request_id: str) -> Row[Any]:
    """A request by its id, or by the first characters of it (at least 8, as lists show it)."""
    wanted = (request_id or "").strip().lower()
    if _UUID.match(wanted):
        found = complaint_rows.compensation_requests(connection, request_id=wanted)
    elif len(wanted) >= 8 and all(char in "0123456789abcdef-" for char in wanted):
        found = complaint_rows.compensation_requests(connection, id_prefix=wanted, limit=2)
    else:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{request}” is not a compensation request id; copy it from the list of compensations (at least 8 characters).",
            ),
            request=wanted[:40],
        )
    if len(found) != 1:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No compensation request has the id {request}; check it (complaint compensations), or sync first.",
            ),
            request=wanted[:40],
        )
    return found[0]


def decide_compensation(desk: Desk, request_id: str, approve: bool, reason: str) -> CompensationRequest:
    """A manager approves or rejects a compensation request. Approved points go into the ledger, a coupon is
    issued, or a gift leaves the stock, with the decision's event: all in one transaction."""
    actor = authorize(desk, Permission.COMPENSATE, "complaint.compensate", (request_id or "")[:36])
    try:
        # A rejection needs its reason (the clerk and the customer hear it); an approval may have one.
        why = rules.check_reason(reason) if not approve or (reason or "").strip() else None
    except FieldError as error:
        raise _invalid("reason", error) from None
    with desk.store.write() as connection:
        asked = _request_event(connection, request_id)
        row = complaint_rows.complaint_by_uid(connection, asked.complaint_uid)
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "No compensation request has the id {request}; check it (complaint compensations), or sync first.",
                ),
                request=asked.event_id[:8],
            )
        known = complaint_rows.events_of(connection, row.complaint_uid)
        state = fold(known)
        [request] = [r for r in state.compensations if r.request_id == asked.event_id]
        if request.decision is not None:
            verdict = translate(
                "Complaints",
                QT_TRANSLATE_NOOP("Complaints", "approved")
                if request.decision.approved
                else QT_TRANSLATE_NOOP("Complaints", "rejected"),
            )
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Compensation request {request} was {verdict} already by {staff} on {when}; it is not decided twice.",
                ),
                request=request.request_id[:8],
                verdict=verdict,
                staff=request.decision.decided_by or "—",
                when=request.decision.decided_at.strftime("%Y-%m-%d %H:%M"),
            )
        decided: dict[str, Any] = {"request_id": request.request_id, "approve": bool(approve), "reason": why}
        pay: Callable[[], None] | None = None
        if approve:
            given, pay = _give(desk, connection, actor, row, state, request)
            decided.update(given)
        _append(desk, connection, actor, row.complaint_uid, "compensation_decided", decided, known)
        if pay is not None:
            pay()  # after the decision in the outbox: the server pays points only against an approval it has
        after = _rebuilt(connection, row.complaint_uid)
        record(
            desk,
            connection,
            actor,
            "complaint.compensate",
            row.ticket_no,
            after={
                "request": request.request_id,
                "approve": bool(approve),
                "kind": request.kind,
                "value": request.value,
                **{key: decided[key] for key in ("entry_id", "coupon_code", "gift_sku") if decided.get(key)},
            },
            details=why,
        )
        [done] = [r for r in after.compensations if r.request_id == request.request_id]
        return _request_dto(after, row.ticket_no, _member_no(connection, row.member_id), done)


def _compensated_member(connection: Connection, state: ComplaintState, row: Row[Any]) -> Row[Any]:
    """The member a points or coupon compensation goes to, found by the complaint's member uid or local id."""
    member = member_rows.member_by(connection, member_uid=state.member_uid)
    if member is None and row.member_id is not None:
        member = member_rows.member_by(connection, id=row.member_id)
    if member is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "The complaint's member is not at this counter yet; sync, then decide again.")
        )
    return member


def _give(
    desk: Desk,
    connection: Connection,
    actor: Actor,
    row: Row[Any],
    state: ComplaintState,
    request: rules.CompensationRequestFacts,
) -> tuple[dict[str, Any], Callable[[], None] | None]:
    """Carry an approved compensation out, in the decision's transaction; what was given goes into the decision's
    event. Points are credited by the callable returned, once the decision (which names their entry) is appended."""
    # The rules here decide: the request may come from a counter with other limits.
    offer = rules.parse_compensation(request.kind, request.value, 10**9)
    if offer.kind == "points" and offer.points is not None and offer.points > desk.rules.compensation_max_points:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Compensation is at most {limit} points by the chain's rules; reject this request and ask for {limit} or less.",
            ),
            limit=desk.rules.compensation_max_points,
        )
    _check_compensation(desk, connection, state, offer)
    member = _compensated_member(connection, state, row) if offer.kind in ("points", "coupon") else None
    if offer.points is not None and member is not None:  # a points offer: the only kind that carries points
        entry_id, points_ = str(uuid.uuid4()), offer.points

        def pay() -> None:
            credit_points(
                desk,
                connection,
                member,
                "compensation",
                points_,
                actor,
                note=row.ticket_no,
                entry_id=entry_id,
                request_id=request.request_id,
            )

        return {"entry_id": entry_id}, pay
    if offer.kind == "coupon" and member is not None:
        kind = reward_rows.coupon_type(connection, offer.value)
        if kind is None:  # checked above: only a catalog changed under this transaction could get here
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "There is no coupon {type_code}; check the code."), type_code=offer.value
            )
        coupon = issue_coupon(desk, connection, member, kind, None)
        return {"coupon_code": coupon.code.replace("-", "")}, None
    if not reward_rows.take_stock(connection, offer.value, 1):
        name = reward_rows.gift_name(connection, offer.value) or offer.value
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is out of stock here; reject the request and ask for another gift, or add stock first.",
            ),
            name=name,
        )
    return {"gift_sku": offer.value}, None
