"""Complaint events at the server: checked, kept append-only, sent to every counter in the feed; a complaint's state is their fold, as at the counters."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, insert, select

from counter_app.domain.complaints import ComplaintEvent, ComplaintState, fold
from sync.protocol import COMPLAINT_DATA, ComplaintEventOp, ComplaintOpened, Op
from sync.server import personal
from sync.server.apply import Rejected, open_review, resolve
from sync.server.schema import complaint_events
from sync.server.store import emit


def apply_complaint_event(
    connection: Connection, device: Any, op: Op, payload: ComplaintEventOp, now: dt.datetime
) -> dict[str, Any]:
    try:
        facts = COMPLAINT_DATA[payload.kind].model_validate(payload.data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(("data", *map(str, first["loc"])))
        raise Rejected(
            "malformed", f"Malformed {op.type}: {field}: {first['msg']}", field=field, problem=first["msg"]
        ) from None
    if payload.counter_uid != device.counter_uid:
        raise Rejected(
            "invalid",
            "counter_uid: a counter sends only its own complaint events",
            field="counter_uid",
            problem="not this counter's",
        )
    data = facts.model_dump(mode="json", exclude_none=True)
    data["counter_no"] = device.counter_no  # the counter's number as the server gave it: conflicts name counters by it
    opened = connection.execute(
        select(complaint_events.c.event_id).where(
            complaint_events.c.complaint_uid == payload.complaint_uid, complaint_events.c.kind == "opened"
        )
    ).first()
    if payload.kind == "opened":
        if opened is not None:
            raise Rejected(
                "complaint_exists",
                f"Complaint {payload.complaint_uid} was opened already.",
                complaint=payload.complaint_uid,
            )
        if isinstance(facts, ComplaintOpened) and facts.member_uid is not None:  # always the opening's model here
            member_uid = resolve(connection, facts.member_uid)
            if member_uid is None:
                raise Rejected(
                    "unknown_member",
                    f"No member {facts.member_uid} in the registry; the complaint refers to a member the server never received.",
                    member=facts.member_uid,
                )
            data["member_uid"] = member_uid  # an offline duplicate's complaint belongs to the member it became
    elif opened is None:
        raise Rejected(
            "unknown_complaint",
            f"No complaint {payload.complaint_uid} at the server; its opening never arrived.",
            complaint=payload.complaint_uid,
        )
    request_id = (
        op.op_id
        if payload.kind == "compensation_requested"
        else data.get("request_id")
        if payload.kind == "compensation_decided"
        else None
    )
    if payload.kind == "compensation_decided":
        _check_decision(connection, device, op, payload, request_id, now)
    # A walk-in's contact is sealed under the server's key; its row's data and the feed keep only its masked form.
    contact_sealed = personal.sealed_contact(connection.info["keys"], payload.complaint_uid, data)
    row = {
        "event_id": op.op_id,
        "complaint_uid": payload.complaint_uid,
        "kind": payload.kind,
        "at": payload.at.isoformat(),
        "staff_id": payload.staff_id,
        "counter_uid": payload.counter_uid,
        "request_id": request_id,
        "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
        "received_at": now.isoformat(),
    }
    connection.execute(insert(complaint_events).values(**row, contact_sealed=contact_sealed))
    emit(connection, "complaint", op.op_id, change(row))
    return {}


def _check_decision(
    connection: Connection, device: Any, op: Op, payload: ComplaintEventOp, request_id: str | None, now: dt.datetime
) -> None:
    """Both counters' decisions are kept (each may have given points already); a second one opens a review item."""
    events = complaint_events.c
    request = connection.execute(
        select(events.complaint_uid).where(events.event_id == request_id, events.kind == "compensation_requested")
    ).first()
    if request is None or request.complaint_uid != payload.complaint_uid:
        raise Rejected(
            "unknown_request",
            f"No compensation request {request_id} for complaint {payload.complaint_uid}.",
            request=request_id or "",
        )
    earlier = connection.execute(
        select(events.event_id, events.counter_uid, events.at).where(
            events.request_id == request_id, events.kind == "compensation_decided"
        )
    ).first()
    if earlier is None:
        return
    opening = connection.execute(
        select(events.data).where(events.complaint_uid == payload.complaint_uid, events.kind == "opened")
    ).scalar_one()
    facts = json.loads(opening)
    open_review(
        connection,
        "double_compensation",
        facts.get("member_uid"),
        op.op_id,
        device.counter_uid,
        {
            "ticket_no": facts.get("ticket_no"),
            "request": (request_id or "")[:8],
            "first_at": earlier.at,
            "again_at": payload.at.isoformat(),
            "counter_no": device.counter_no,
        },
        now,
    )


def change(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored event (its complaint_events row) as the feed carries it."""
    return {
        "event_id": row["event_id"],
        "complaint_uid": row["complaint_uid"],
        "kind": row["kind"],
        "at": row["at"],
        "staff_id": row["staff_id"],
        "counter_uid": row["counter_uid"],
        "data": json.loads(row["data"]),
    }


def complaint_state(connection: Connection, complaint_uid: str) -> ComplaintState | None:
    """The complaint as the server's events add up (what every counter shows once synced); None if unknown."""
    rows = connection.execute(select(complaint_events).where(complaint_events.c.complaint_uid == complaint_uid)).all()
    if not rows:
        return None
    return fold(
        ComplaintEvent(
            row.event_id,
            row.complaint_uid,
            row.kind,
            dt.datetime.fromisoformat(row.at),
            row.counter_uid,
            row.staff_id,
            json.loads(row.data),
        )
        for row in rows
    )
