"""Member events (活动): a manager sets one up, clerks sign members up and print tickets, a scan at the door checks in and awards the event's points once."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row

from counter_app.db import member_events as event_rows
from counter_app.db.outbox import append_op
from counter_app.domain import codes
from counter_app.domain.codes import CardCode, DynamicCode, EventTicket
from counter_app.domain.errors import Conflict, DeskError, FieldError, InvalidInput, NotFound, form_invalid
from counter_app.domain.staff import Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import member_codes, points
from counter_app.services.audit import record
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk
from counter_app.services.members import require_member

# An event's code is what the ledger keeps as the activity entry's item (20 characters), printed on posters.
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,18}[A-Z0-9]$")
TITLE_MAX = 60
CAPACITY_MAX = 100_000
# A ticket names its event by a UUID; derived from the code, so every counter of the chain that runs an
# event under that code reads the same ticket, as the ledger counts one activity entry per code.
_EVENT_NAMESPACE = uuid.UUID("5d0c36a4-8f0e-4b57-9a8e-2f1f8e6f0c11")


@dataclass(frozen=True)
class EventInfo:
    code: str
    title: str
    starts_at: str
    ends_at: str
    points: int
    capacity: int | None  # None: as many as come
    signed_up: int
    checked_in: int
    places_left: int | None
    state: str  # "upcoming", "open" (check-in now) or "ended"
    created_by: str | None


@dataclass(frozen=True)
class SignupResult:
    event_code: str
    member_no: str
    signed_up_at: str
    places_left: int | None


@dataclass(frozen=True)
class CheckInResult:
    event_code: str
    title: str
    member_no: str
    points: int
    balance: int
    checked_in_at: str
    op_id: str | None  # the activity points' ledger entry (None for an event worth 0 points)
    walk_in: bool  # signed up on the spot at the door
    via: str  # how the member was identified: "code" (dynamic), "card", "ticket" or "ref" (phone / member no.)


def event_uid(code: str) -> str:
    return str(uuid.uuid5(_EVENT_NAMESPACE, code))


def normalize_event_code(text: str) -> str:
    code = unicodedata.normalize("NFKC", text or "").strip().upper()
    if not _CODE.match(code):
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "An event code is 2 to 20 capital letters, digits or dashes, e.g. SPRING-FAIR.")
        )
    return code


_START_FORMAT = QT_TRANSLATE_NOOP(
    "Errors", "Give the start time as 2026-12-05T10:00 (or with its UTC offset, 2026-12-05T10:00+08:00)."
)
_END_FORMAT = QT_TRANSLATE_NOOP(
    "Errors", "Give the end time as 2026-12-05T18:00 (or with its UTC offset, 2026-12-05T18:00+08:00)."
)


def _moment(desk: Desk, value: dt.datetime | str, template: str) -> dt.datetime:
    """A time with its offset; one without is the desk's own local time, as a manager types it."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise FieldError(template) from None
    if not isinstance(value, dt.datetime):
        raise FieldError(template)
    if value.tzinfo is None:
        value = value.replace(tzinfo=desk.now().tzinfo)
    return value.astimezone(desk.now().tzinfo)


def _whole_number(value: int | str | None, minimum: int, maximum: int, template: str) -> int:
    text = unicodedata.normalize("NFKC", str(value)).strip()
    # The length first: int() of more than 4,300 digits is a ValueError, not a refusal.
    if isinstance(value, bool) or not text.isdigit() or len(text) > 18 or not minimum <= int(text) <= maximum:
        raise FieldError(template, minimum=minimum, maximum=maximum)
    return int(text)


def _minutes(stamp: str) -> str:
    return dt.datetime.fromisoformat(stamp).isoformat(timespec="minutes")


def _shown(moment: dt.datetime | str) -> str:
    return (dt.datetime.fromisoformat(moment) if isinstance(moment, str) else moment).strftime("%Y-%m-%d %H:%M")


def _clock_time(desk: Desk, moment: dt.datetime) -> str:
    """HH:MM for today, the date too for another day: what a clerk reads out to the member."""
    moment = moment.astimezone(desk.now().tzinfo)
    return moment.strftime("%H:%M") if moment.date() == desk.today() else moment.strftime("%Y-%m-%d %H:%M")


def _event_row(connection: Connection, code: str) -> Row[Any]:
    row = event_rows.event_by_code(connection, code)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors",
                "There is no event {code} on this desk; check the code on the event sheet (event list shows them).",
            ),
            code=code,
        )
    return row


def _taken(connection: Connection, code: str) -> int:
    return event_rows.places_taken(connection, code)


def _state(desk: Desk, row: Row[Any]) -> str:
    now = desk.now()
    if now < dt.datetime.fromisoformat(row.starts_at):
        return "upcoming"
    return "open" if now <= dt.datetime.fromisoformat(row.ends_at) else "ended"


def _info(desk: Desk, connection: Connection, row: Row[Any]) -> EventInfo:
    signed, checked = event_rows.signup_counts(connection, row.code)
    return EventInfo(
        row.code,
        row.title,
        _minutes(row.starts_at),
        _minutes(row.ends_at),
        row.points,
        row.capacity,
        signed,
        checked,
        None if row.capacity is None else max(0, row.capacity - signed),
        _state(desk, row),
        row.created_by,
    )


def create_event(
    desk: Desk,
    code: str,
    title: str,
    starts_at: dt.datetime | str,
    ends_at: dt.datetime | str,
    points: int | str,
    capacity: int | str | None = None,
) -> EventInfo:
    """A manager sets up an event. Its points are capped by the rules' check-in points ([activity]): a desk
    cannot mint more points through an event than the chain allows for a check-in."""
    actor = authorize(desk, Permission.APPROVE, "event.create", (code or "")[:20])
    limit = desk.rules.activity_points
    errors: dict[str, DeskError] = {}
    values: dict[str, Any] = {}
    checks = (
        ("code", lambda: normalize_event_code(code)),
        ("title", lambda: _title(title)),
        ("starts_at", lambda: _moment(desk, starts_at, _START_FORMAT)),
        ("ends_at", lambda: _moment(desk, ends_at, _END_FORMAT)),
        (
            "points",
            lambda: _whole_number(
                points,
                0,
                limit,
                QT_TRANSLATE_NOOP(
                    "Errors", "An event gives {minimum} to {maximum} points for checking in (the rules' limit)."
                ),
            ),
        ),
        (
            "capacity",
            lambda: (
                None
                if capacity in (None, "")
                else _whole_number(
                    capacity,
                    1,
                    CAPACITY_MAX,
                    QT_TRANSLATE_NOOP(
                        "Errors", "The capacity is {minimum} to {maximum} places, or none for an open event."
                    ),
                )
            ),
        ),
    )
    for field, check in checks:
        try:
            values[field] = check()
        except FieldError as error:
            errors[field] = error
    if "starts_at" in values and "ends_at" in values:
        if values["ends_at"] <= values["starts_at"]:
            errors["ends_at"] = FieldError(
                QT_TRANSLATE_NOOP("Errors", "The event must end after it starts; check the end time.")
            )
        elif values["ends_at"] <= desk.now():
            errors["ends_at"] = FieldError(
                QT_TRANSLATE_NOOP("Errors", "That end time has passed already; check the date.")
            )
    if errors:
        raise form_invalid(errors)
    with desk.store.write() as connection:
        earlier = event_rows.event_by_code(connection, values["code"])
        if earlier is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Event code {code} is taken already ({title}); choose another."),
                code=values["code"],
                title=earlier.title,
            )
        event_rows.insert_event(
            connection,
            values["code"],
            values["title"],
            _stamp(values["starts_at"]),
            _stamp(values["ends_at"]),
            values["points"],
            values["capacity"],
            _stamp(desk.now()),
            actor.staff_id,
        )
        # The server learns of the event: activity points it has not heard of are refused there.
        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "event.created",
            {
                "code": values["code"],
                "title": values["title"],
                "starts_at": _stamp(values["starts_at"]),
                "ends_at": _stamp(values["ends_at"]),
                "points": values["points"],
                "capacity": values["capacity"],
                "created_by": actor.staff_id,
            },
            desk.now(),
        )
        record(
            desk,
            connection,
            actor,
            "event.create",
            values["code"],
            after={
                "title": values["title"],
                "starts_at": values["starts_at"].isoformat(),
                "ends_at": values["ends_at"].isoformat(),
                "points": values["points"],
                "capacity": values["capacity"],
            },
        )
        return _info(desk, connection, _event_row(connection, values["code"]))


def _title(text: str) -> str:
    title = " ".join(unicodedata.normalize("NFKC", text or "").split())
    if not title or not title.isprintable():
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Give the event a title, as on its poster."))
    if len(title) > TITLE_MAX:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "An event title is at most {limit} characters."), limit=TITLE_MAX)
    return title


def _stamp(moment: dt.datetime) -> str:
    """As AwareDateTime writes it, so that times sort as text."""
    return moment.isoformat(timespec="microseconds")


def list_events(desk: Desk, include_ended: bool = True) -> list[EventInfo]:
    authorize(desk, Permission.LOOKUP, "event.list")
    with desk.store.read() as connection:
        rows = event_rows.all_events(connection)
        events = [_info(desk, connection, row) for row in rows]
    return [event for event in events if include_ended or event.state != "ended"]


def _code_argument(event_code: str) -> str:
    try:
        return normalize_event_code(event_code)
    except FieldError as error:
        raise form_invalid({"event": error}) from None


def _usable_member(connection: Connection, desk: Desk, ref: str) -> Row[Any]:
    row = require_member(desk, connection, ref)
    if row.erased_at is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Member {member_no}'s data was erased; they cannot take part in events."),
            member_no=row.member_no,
        )
    return row


def sign_up(desk: Desk, event_code: str, member_ref: str) -> SignupResult:
    """A member takes a place: once per event, while places are left and the event has not ended."""
    actor = authorize(desk, Permission.REGISTER, "event.sign_up", (event_code or "")[:20])
    code = _code_argument(event_code)
    with desk.store.read() as connection:
        event = _event_row(connection, code)
    if _state(desk, event) == "ended":
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{event} ended on {when}; sign-ups are closed."),
            event=code,
            when=_shown(event.ends_at),
        )
    ref = member_codes.identify(desk, member_ref)  # a dynamic code's nonce is spent here, once
    with desk.store.write() as connection:
        row = _usable_member(connection, desk, ref)
        earlier = event_rows.signup_of(connection, code, row.id)
        if earlier is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Member {member_no} is signed up for {event} already (since {when}); print their ticket again if it is lost.",
                ),
                member_no=row.member_no,
                event=code,
                when=_shown(earlier.signed_up_at),
            )
        taken = _taken(connection, code)
        if event.capacity is not None and taken >= event.capacity:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "{event} is full: all {capacity} places are taken."),
                event=code,
                capacity=event.capacity,
            )
        now = desk.now()
        event_rows.insert_signup(connection, code, row.id, _stamp(now))
        record(desk, connection, actor, "event.sign_up", row.member_no, details=code)
        left = None if event.capacity is None else event.capacity - taken - 1
        return SignupResult(code, row.member_no, now.isoformat(timespec="seconds"), left)


def ticket_for(desk: Desk, event_code: str, member_ref: str) -> str:
    """The EV1 payload to print or send to a signed-up member: the issuer's signature over event and member."""
    authorize(desk, Permission.REGISTER, "event.ticket", (event_code or "")[:20])
    code = _code_argument(event_code)
    ref = member_codes.identify(desk, member_ref)
    with desk.store.read() as connection:
        _event_row(connection, code)
        row = _usable_member(connection, desk, ref)
        signed = event_rows.signup_of(connection, code, row.id)
    if signed is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors", "Member {member_no} is not signed up for {event}; sign them up first, then print the ticket."
            ),
            member_no=row.member_no,
            event=code,
        )
    return member_codes.issue_event_ticket(desk, event_uid(code), row.member_uid, row.member_no)


def _event_of_ticket(connection: Connection, ticket: EventTicket, named: str | None) -> Row[Any]:
    if named is not None:
        event = _event_row(connection, named)
        if event_uid(event.code) != ticket.event_uid:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors", "This ticket is for another event, not {event}; check the event on the ticket."
                ),
                event=named,
            )
        return event
    for event in event_rows.all_events(connection):
        if event_uid(event.code) == ticket.event_uid:
            return event
    raise NotFound(
        QT_TRANSLATE_NOOP(
            "Errors", "This ticket is for an event this desk does not run; check the member in at the event's own desk."
        )
    )


def check_in(desk: Desk, scanned_text_or_ref: str, event_code: str | None = None) -> CheckInResult:
    """At the door: the member's scan (dynamic code, printed card or event ticket; a phone or member number
    typed in works too) checks in during the event's hours and awards its points once, in one transaction
    with the check-in. Walk-ins: a member who did not sign up is signed up on the spot while places are
    left; a ticket holder always has a place (the ticket is the sign-up, even one made at another counter).
    A member whose activity points for this event are in the ledger already (checked in at another counter,
    pulled at sync) is refused like a second scan here: points once per event, chain-wide."""
    actor = authorize(desk, Permission.EARN, "event.check_in", (event_code or "")[:20] or None)
    text = (scanned_text_or_ref or "").strip()
    if not text:
        raise form_invalid(
            {
                "member": FieldError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Scan the member's code or event ticket, or type their phone or member number."
                    )
                )
            }
        )
    parsed = codes.parse(text) if codes.looks_like_code(text) else None
    named = None if event_code in (None, "") else _code_argument(event_code)
    with desk.store.read() as connection:
        if isinstance(parsed, EventTicket):
            event = _event_of_ticket(connection, parsed, named)
        elif named is None:
            raise form_invalid(
                {
                    "event": FieldError(
                        QT_TRANSLATE_NOOP("Errors", "Name the event to check in to, or scan the member's event ticket.")
                    )
                }
            )
        else:
            event = _event_row(connection, named)
    # Checked before the member's code is read: a refused scan spends no nonce.
    state = _state(desk, event)
    if state == "upcoming":
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Check-in for {event} opens at {when}; ask the member to come back then."),
            event=event.code,
            when=_shown(event.starts_at),
        )
    if state == "ended":
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{event} ended at {when}; check-in is closed."),
            event=event.code,
            when=_shown(event.ends_at),
        )
    ref = member_codes.identify(desk, text)  # verifies the code; a dynamic code's nonce is spent here, once
    via = {DynamicCode: "code", CardCode: "card", EventTicket: "ticket"}.get(type(parsed), "ref")
    with desk.store.write() as connection:
        row = _usable_member(connection, desk, ref)
        signup = event_rows.signup_of(connection, event.code, row.id)
        earlier = (
            signup.checked_in_at
            if signup is not None and signup.checked_in_at
            else event_rows.first_activity_points_at(connection, row.id, event.code)
        )
        if earlier:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Member {member_no} already checked in at {event} at {when}; the event's points were given then.",
                ),
                member_no=row.member_no,
                event=event.code,
                when=_clock_time(desk, dt.datetime.fromisoformat(earlier)),
            )
        walk_in = signup is None
        now = desk.now()
        if walk_in:
            if via != "ticket" and event.capacity is not None and _taken(connection, event.code) >= event.capacity:
                raise Conflict(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{event} is full ({capacity} places) and member {member_no} has not signed up; they cannot be let in.",
                    ),
                    event=event.code,
                    capacity=event.capacity,
                    member_no=row.member_no,
                )
            event_rows.insert_signup(connection, event.code, row.id, _stamp(now))
        entry_id, balance = None, points.points_balance(connection, row.id)
        # Checked in first: activity points go only to a member checked in at the event (points.award_activity).
        event_rows.mark_checked_in(connection, event.code, row.id, _stamp(now), None)
        # Pushed before the points: the server gives activity points only to a member checked in at the event.
        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "event.checked_in",
            {"code": event.code, "member_uid": row.member_uid, "via": via, "walk_in": walk_in},
            now,
        )
        if event.points:
            earned = points.award_activity(desk, row.member_no, event.code, event.points)  # joins this transaction
            entry_id, balance = earned.op_id, earned.balance
            event_rows.mark_checked_in(connection, event.code, row.id, _stamp(now), entry_id)
        record(
            desk,
            connection,
            actor,
            "event.check_in",
            row.member_no,
            after={"points": event.points, "balance": balance},
            details=f"{event.code} via {via}" + (" (walk-in)" if walk_in else ""),
        )
        return CheckInResult(
            event.code,
            event.title,
            row.member_no,
            event.points,
            balance,
            now.isoformat(timespec="seconds"),
            entry_id,
            walk_in,
            via,
        )
