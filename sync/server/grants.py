"""Points granted rather than earned from a slip (event check-in, birthday, referral, compensation), re-checked at the server against what it knows."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

from sqlalchemy import Connection, insert, select

from counter_app.domain.complaints import parse_compensation
from counter_app.domain.errors import DeskError
from counter_app.domain.rules import Rules, parse_rules
from counter_app.paths import resources_dir
from sync.protocol import EventCheckedIn, EventCreated, LedgerOp, Op
from sync.server.apply import Rejected, resolve
from sync.server.schema import (
    birthday_changes,
    complaint_events,
    event_check_ins,
    grant_claims,
    member_aliases,
    member_events,
    members,
)
from sync.server.store import get_meta

GRANT_KINDS = ("activity", "birthday", "referral", "compensation")
# A check-in is stamped a moment after the desk found the event open; a counter's clock may run a little
# behind or ahead of the one that set the event up. Within this, a check-in at the edge of the hours stands.
CHECK_IN_SLACK = dt.timedelta(minutes=5)


# ---- the rules ------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _parsed(text: str) -> Rules:
    return parse_rules(text)


@functools.cache
def _default_rules_text() -> str:
    """What a counter applies before the chain publishes rules: the rules file it ships with."""
    return (resources_dir() / "rules.toml").read_text(encoding="utf-8")


def rules_at(connection: Connection, at: dt.datetime) -> Rules:
    """The rules a grant made at `at` is checked by: the published ones (else the shipped default).
    One place, so that the rules' history can answer instead of the current version."""
    del at  # the current rules until the server keeps their history
    return _parsed(get_meta(connection, "rules") or _default_rules_text())


# ---- events and check-ins ---------------------------------------------------------------------------------


def apply_event_op(
    connection: Connection, device: Any, op: Op, payload: EventCreated | EventCheckedIn, now: dt.datetime
) -> dict[str, Any]:
    """event.created and event.checked_in: the server learns of an event and of who checked in at it."""
    if isinstance(payload, EventCreated):
        _create_event(connection, device, op, payload)
        return {}
    return _check_in(connection, device, op, payload)


def _create_event(connection: Connection, device: Any, op: Op, payload: EventCreated) -> None:
    limit = rules_at(connection, op.at).activity_points
    if payload.points > limit:
        raise Rejected(
            "event_points_over",
            f"Event {payload.code} gives {payload.points} points for a check-in; the rules allow at most {limit}.",
            event=payload.code,
            points=payload.points,
            limit=limit,
        )
    if payload.ends_at <= payload.starts_at:
        raise Rejected(
            "invalid", "ends_at: the event must end after it starts", field="ends_at", problem="not after starts_at"
        )
    known = connection.execute(
        select(member_events.c.op_id).where(
            member_events.c.code == payload.code, member_events.c.counter_uid == device.counter_uid
        )
    ).first()
    if known is not None:
        raise Rejected("event_exists", f"This counter set up event {payload.code} already.", event=payload.code)
    connection.execute(
        insert(member_events).values(
            code=payload.code,
            counter_uid=device.counter_uid,
            title=payload.title,
            starts_at=payload.starts_at.isoformat(),
            ends_at=payload.ends_at.isoformat(),
            points=payload.points,
            capacity=payload.capacity,
            created_by=payload.created_by,
            op_id=op.op_id,
        )
    )


def _event(connection: Connection, code: str, counter_uid: str) -> Any:
    return connection.execute(
        select(member_events).where(member_events.c.code == code, member_events.c.counter_uid == counter_uid)
    ).first()


def _unknown_event(code: str) -> Rejected:
    return Rejected(
        "unknown_event",
        f"The server has no event {code} set up at this counter; it gives no activity points.",
        event=code,
    )


def _check_in(connection: Connection, device: Any, op: Op, payload: EventCheckedIn) -> dict[str, Any]:
    event = _event(connection, payload.code, device.counter_uid)
    if event is None:
        raise _unknown_event(payload.code)
    member_uid = _registered(connection, payload.member_uid)
    starts, ends = dt.datetime.fromisoformat(event.starts_at), dt.datetime.fromisoformat(event.ends_at)
    if not starts - CHECK_IN_SLACK <= op.at <= ends + CHECK_IN_SLACK:
        raise Rejected(
            "outside_event_hours",
            f"A check-in at {op.at.isoformat()} is outside event {payload.code}'s hours ({event.starts_at} to {event.ends_at}).",
            event=payload.code,
            at=op.at.isoformat(),
            starts_at=event.starts_at,
            ends_at=event.ends_at,
        )
    connection.execute(
        insert(event_check_ins).values(
            op_id=op.op_id,
            code=payload.code,
            member_uid=member_uid,
            counter_uid=device.counter_uid,
            at=op.at.isoformat(),
        )
    )
    return {}


def _registered(connection: Connection, member_uid: str) -> str:
    found = resolve(connection, member_uid)
    if found is None:
        raise Rejected(
            "unknown_member",
            f"No member {member_uid} in the registry; the operation refers to a member the server never received.",
            member=member_uid,
        )
    return found


# ---- granted points ----------------------------------------------------------------------------------------


def is_grant(op: Op, payload: LedgerOp) -> bool:
    return payload.kind in GRANT_KINDS or op.type.removeprefix("points.") in GRANT_KINDS


def check_grant(connection: Connection, device: Any, op: Op, payload: LedgerOp, member_uid: str) -> None:
    """Refuse granted points the server cannot account for; else claim the grant, so it is given once.
    `member_uid`: the registry's id of the member credited. Called after every other refusal of the op:
    the claim it writes is the op's first effect."""
    kind = payload.kind
    if op.type != f"points.{kind}":
        raise Rejected(
            "invalid",
            f"kind: {kind} does not match the operation type {op.type}",
            field="kind",
            problem="not the type's",
        )
    if payload.reverses is not None:
        raise Rejected(
            "invalid", f"reverses: {kind} points void nothing", field="reverses", problem="not for this kind"
        )
    rules = rules_at(connection, op.at)
    check = {"activity": _activity, "birthday": _birthday, "referral": _referral, "compensation": _compensation}[kind]
    ref = check(connection, device, op, payload, member_uid, rules)
    connection.execute(insert(grant_claims).values(entry_id=op.op_id, kind=ref[0], member_uid=member_uid, ref=ref[1]))


def _claimed(connection: Connection, kind: str, member_uid: str, ref: str | None = None) -> Any:
    query = select(grant_claims.c.entry_id).where(grant_claims.c.kind == kind, grant_claims.c.member_uid == member_uid)
    if ref is not None:
        query = query.where(grant_claims.c.ref == ref)
    return connection.execute(query).first()


def _figure(payload: LedgerOp, expected: int, what: str) -> None:
    if payload.delta != expected:
        raise Rejected(
            "grant_points",
            f"{what} are {expected} points by the rules; the operation gives {payload.delta}.",
            kind=payload.kind,
            expected=expected,
            delta=payload.delta,
        )


def _member_no(connection: Connection, member_uid: str) -> str:
    return str(connection.execute(select(members.c.member_no).where(members.c.member_uid == member_uid)).scalar())


def _activity(
    connection: Connection, device: Any, op: Op, payload: LedgerOp, member_uid: str, rules: Rules
) -> tuple[str, str]:
    """A real event at this counter, the member checked in at it here, its award (or the rules' check-in
    points, which `points activity` gives for an event worth none), once per member per event code."""
    code = payload.item or ""
    event = _event(connection, code, device.counter_uid) if code else None
    if event is None:
        raise _unknown_event(code or "—")
    checked_in = connection.execute(
        select(event_check_ins.c.at).where(
            event_check_ins.c.code == code,
            event_check_ins.c.member_uid == member_uid,
            event_check_ins.c.counter_uid == device.counter_uid,
        )
    ).first()
    if checked_in is None:
        raise Rejected(
            "not_checked_in",
            f"Member {_member_no(connection, member_uid)} has not checked in at {code} at this counter; activity points come with the check-in.",
            member_no=_member_no(connection, member_uid),
            event=code,
        )
    allowed = {points for points in (event.points, rules.activity_points) if points > 0}
    if payload.delta not in allowed:
        _figure(payload, event.points or rules.activity_points, f"Event {code}'s points")
    if _claimed(connection, "activity", member_uid, code) is not None:
        raise Rejected(
            "activity_given",
            f"Member {_member_no(connection, member_uid)} was given {code}'s points already.",
            member_no=_member_no(connection, member_uid),
            event=code,
        )
    return "activity", code


def _birthday(
    connection: Connection, device: Any, op: Op, payload: LedgerOp, member_uid: str, rules: Rules
) -> tuple[str, str]:
    """rules.birthday_points, in the birthday month of the desk's calendar (the op's own offset), once a year,
    and not for a birthday moved into this month this year."""
    _figure(payload, rules.birthday_points, "The birthday gift's points")
    birthday = connection.execute(select(members.c.birthday).where(members.c.member_uid == member_uid)).scalar()
    member_no = _member_no(connection, member_uid)
    today = op.at.date()
    if not birthday or dt.date.fromisoformat(birthday).month != today.month:
        raise Rejected(
            "not_birthday_month",
            f"Member {member_no}'s birthday ({birthday or 'none on file'}) is not in {today:%Y-%m}.",
            member_no=member_no,
            month=today.month,
        )
    for changed_at, old_month in connection.execute(
        select(birthday_changes.c.changed_at, birthday_changes.c.old_month).where(
            birthday_changes.c.member_uid == member_uid
        )
    ):
        when = dt.datetime.fromisoformat(changed_at).astimezone(op.at.tzinfo)
        if when.year == today.year and old_month != today.month:
            raise Rejected(
                "birthday_changed",
                f"Member {member_no}'s birthday was changed on {when.date()}; a birthday changed this year gives its gift from next year.",
                member_no=member_no,
                when=when.date().isoformat(),
            )
    year = str(today.year)
    if _claimed(connection, "birthday", member_uid, year) is not None:
        raise Rejected(
            "birthday_given",
            f"Member {member_no} was given the birthday gift of {year} already.",
            member_no=member_no,
            year=year,
        )
    return "birthday", year


def _referral(
    connection: Connection, device: Any, op: Op, payload: LedgerOp, member_uid: str, rules: Rules
) -> tuple[str, str]:
    """Each referral (a newcomer registered with a referrer) pays the newcomer once (rules.newcomer_points) and
    the referrer once (rules.referrer_points). Which referral an entry pays is the server's to find."""
    member_no = _member_no(connection, member_uid)
    referrer = connection.execute(select(members.c.referrer_uid).where(members.c.member_uid == member_uid)).scalar()
    referrer_uid = resolve(connection, referrer) if referrer else None
    # The newcomer's side first: a member both referred and referring is paid as a newcomer once.
    if (
        referrer_uid is not None
        and payload.delta == rules.newcomer_points
        and _claimed(connection, "referral-newcomer", member_uid) is None
    ):
        return "referral-newcomer", referrer_uid
    newcomers = list(
        connection.execute(
            select(members.c.member_uid)
            .where(members.c.referrer_uid.in_([member_uid, *_aliases(connection, member_uid)]))
            .order_by(members.c.registered_at, members.c.member_uid)
        ).scalars()
    )
    if newcomers and payload.delta == rules.referrer_points:
        for newcomer in newcomers:
            if _claimed(connection, "referral-referrer", member_uid, newcomer) is None:
                return "referral-referrer", newcomer
    if referrer_uid is None and not newcomers:
        raise Rejected(
            "not_referred",
            f"Member {member_no} neither registered with a referrer nor referred anyone; no referral points are due.",
            member_no=member_no,
        )
    if payload.delta not in (
        *((rules.newcomer_points,) if referrer_uid is not None else ()),
        *((rules.referrer_points,) if newcomers else ()),
    ):
        _figure(
            payload, rules.newcomer_points if referrer_uid is not None else rules.referrer_points, "Referral points"
        )
    raise Rejected(
        "referral_given", f"Member {member_no} was given the referral points due already.", member_no=member_no
    )


def _aliases(connection: Connection, member_uid: str) -> list[str]:
    return list(
        connection.execute(
            select(member_aliases.c.alias_uid).where(member_aliases.c.member_uid == member_uid)
        ).scalars()
    )


def _compensation(
    connection: Connection, device: Any, op: Op, payload: LedgerOp, member_uid: str, rules: Rules
) -> tuple[str, str]:
    """The request's approval (a compensation_decided event, approve true) names this entry; the request was for
    this member's complaint and for these points, within the rules' limit."""
    member_no = _member_no(connection, member_uid)
    events = complaint_events.c
    request = (
        connection.execute(
            select(events.complaint_uid, events.data).where(
                events.event_id == payload.request_id, events.kind == "compensation_requested"
            )
        ).first()
        if payload.request_id
        else None
    )
    if request is None:
        raise Rejected(
            "compensation_not_approved",
            f"No compensation request {payload.request_id or '(none named)'} at the server for these points.",
            member_no=member_no,
            request=(payload.request_id or "—")[:8],
        )
    request_id = str(payload.request_id)
    decisions = [
        (event_id, json.loads(data))
        for event_id, data in connection.execute(
            select(events.event_id, events.data).where(
                events.request_id == request_id, events.kind == "compensation_decided"
            )
        )
    ]
    approvals = [(event_id, data) for event_id, data in decisions if data.get("approve") is True]
    if not approvals:
        raise Rejected(
            "compensation_not_approved",
            f"Compensation request {request_id[:8]} was not approved at the server; its points are not due.",
            member_no=member_no,
            request=request_id[:8],
        )
    mine = [event_id for event_id, data in approvals if data.get("entry_id") == op.op_id]
    if not mine:
        # Each approval names the one entry that carries it out: any other entry would pay it again.
        raise Rejected(
            "compensation_paid",
            f"Compensation request {request_id[:8]} was approved for another ledger entry; it is not paid twice.",
            member_no=member_no,
            request=request_id[:8],
        )
    opening = connection.execute(
        select(events.data).where(events.complaint_uid == request.complaint_uid, events.kind == "opened")
    ).scalar()
    owner = json.loads(opening or "{}").get("member_uid")
    if owner is None or resolve(connection, owner) != member_uid:
        raise Rejected(
            "compensation_member",
            f"Compensation request {request_id[:8]} is for another member's complaint, not member {member_no}.",
            member_no=member_no,
            request=request_id[:8],
        )
    asked = json.loads(request.data)
    try:
        offer = parse_compensation(asked.get("kind"), asked.get("value"), rules.compensation_max_points)
    except DeskError as error:
        raise Rejected(
            "compensation_points",
            f"Compensation request {request_id[:8]} cannot be paid in points: {error.message('en')}",
            request=request_id[:8],
            expected=0,
            delta=payload.delta,
        ) from None
    if offer.points != payload.delta:
        raise Rejected(
            "compensation_points",
            f"Compensation request {request_id[:8]} was approved for {offer.points or 0} points; the operation gives {payload.delta}.",
            request=request_id[:8],
            expected=offer.points or 0,
            delta=payload.delta,
        )
    if _claimed(connection, "compensation", member_uid, mine[0]) is not None:
        raise Rejected(
            "compensation_paid",
            f"Compensation request {request_id[:8]} was paid already.",
            member_no=member_no,
            request=request_id[:8],
        )
    return "compensation", mine[0]


# ---- profile changes the grants depend on ------------------------------------------------------------------


def note_birthday_change(
    connection: Connection, member_uid: str, before: str | None, after: str | None, at: dt.datetime
) -> None:
    """A birthday change applied to the registry: when, and from which month."""
    if (before or None) == (after or None):
        return
    old_month = dt.date.fromisoformat(before).month if before else None
    connection.execute(
        insert(birthday_changes).values(member_uid=member_uid, changed_at=at.isoformat(), old_month=old_month)
    )
