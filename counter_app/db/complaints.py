"""Complaint events (append-only) and the per-complaint cache row rebuilt from them; every call on a caller's connection."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from counter_app.db.keys import DataKeys
from counter_app.db.models import Complaint, Member, table_of
from counter_app.db.models import ComplaintEvent as ComplaintEventRow
from counter_app.db.sealing import seal
from counter_app.domain.complaints import ComplaintEvent, ComplaintState, fold
from counter_app.domain.members import mask_phone

complaints = table_of(Complaint)
events = table_of(ComplaintEventRow)
members = table_of(Member)


def contact_context(complaint_uid: str) -> str:
    return f"complaints.contact:{complaint_uid}"


def seal_contact(keys: DataKeys, complaint_uid: str, contact: str) -> str:
    """The contact as an event row keeps it here: sealed under this store's keys, as text for the JSON payload."""
    return base64.b64encode(seal(keys, contact, contact_context(complaint_uid))).decode("ascii")


def insert_event(connection: Connection, event: ComplaintEvent, pulled: bool = False) -> None:
    connection.execute(
        insert(events).values(
            event_id=event.event_id,
            complaint_uid=event.complaint_uid,
            kind=event.kind,
            payload=json.dumps(dict(event.data), ensure_ascii=False, sort_keys=True, default=_json),
            at=event.at,
            staff_id=event.staff_id,
            counter_uid=event.counter_uid,
            pulled=pulled,
        )
    )


def _json(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in a complaint event")


def has_event(connection: Connection, event_id: str) -> bool:
    return connection.execute(select(events.c.event_id).where(events.c.event_id == event_id)).first() is not None


def events_of(connection: Connection, complaint_uid: str) -> list[ComplaintEvent]:
    rows = connection.execute(select(events).where(events.c.complaint_uid == complaint_uid))
    return [
        ComplaintEvent(
            row.event_id, row.complaint_uid, row.kind, row.at, row.counter_uid, row.staff_id, json.loads(row.payload)
        )
        for row in rows
    ]


def events_of_many(connection: Connection, complaint_uids: list[str]) -> dict[str, list[ComplaintEvent]]:
    found: dict[str, list[ComplaintEvent]] = {uid: [] for uid in complaint_uids}
    for start in range(0, len(complaint_uids), 500):
        chunk = complaint_uids[start : start + 500]
        for row in connection.execute(select(events).where(events.c.complaint_uid.in_(chunk))):
            found[row.complaint_uid].append(
                ComplaintEvent(
                    row.event_id,
                    row.complaint_uid,
                    row.kind,
                    row.at,
                    row.counter_uid,
                    row.staff_id,
                    json.loads(row.payload),
                )
            )
    return found


def store_pulled_event(connection: Connection, keys: DataKeys, change: dict[str, Any]) -> bool:
    """An event from the change feed: kept unless this store has it (made here, or pulled before), then the
    complaint's cache row folded again. A walk-in's contact arrives masked (contact_masked) and is kept so; a
    server from before s0013 sends it in clear: only its masked form is kept here (it is another counter's)."""
    if has_event(connection, change["event_id"]):
        return False
    data = {key: value for key, value in (change.get("data") or {}).items() if key != "contact_sealed"}
    contact = data.pop("contact", None)
    if change["kind"] == "opened" and contact:
        data["contact_masked"] = mask_phone(str(contact))
    event = ComplaintEvent(
        change["event_id"],
        change["complaint_uid"],
        change["kind"],
        dt.datetime.fromisoformat(change["at"]),
        change["counter_uid"],
        change.get("staff_id"),
        data,
    )
    insert_event(connection, event, pulled=True)
    rebuild(connection, event.complaint_uid)
    return True


def complaint_by_ticket(connection: Connection, ticket_no: str) -> Row[Any] | None:
    return connection.execute(select(complaints).where(complaints.c.ticket_no == ticket_no)).first()


def complaint_by_uid(connection: Connection, complaint_uid: str) -> Row[Any] | None:
    return connection.execute(select(complaints).where(complaints.c.complaint_uid == complaint_uid)).first()


def last_ticket_number(connection: Connection, prefix: str) -> int:
    """The highest NNN handed out under C-YYYYMMDD-CCCC- (tickets of that counter that day)."""
    found = connection.execute(
        select(complaints.c.ticket_no).where(complaints.c.ticket_no >= prefix, complaints.c.ticket_no < prefix + "~")
    ).scalars()
    numbers = [int(ticket[len(prefix) :]) for ticket in found if ticket[len(prefix) :].isdigit()]
    return max(numbers, default=0)


def rebuild(connection: Connection, complaint_uid: str) -> ComplaintState | None:
    """The cache row from the events: after every event made here or pulled. None while the opening
    has not arrived (it always comes first in the feed; this is only for safety)."""
    found = events_of(connection, complaint_uid)
    if not any(event.kind == "opened" for event in found):
        return None
    state = fold(found)
    current = complaint_by_uid(connection, complaint_uid)
    member_id = None
    if state.member_uid:
        member_id = connection.execute(select(members.c.id).where(members.c.member_uid == state.member_uid)).scalar()
    if member_id is None and current is not None:
        member_id = current.member_id  # the member took the registry's id here since (an offline duplicate merged)
    values = {
        "member_id": member_id,
        "walk_in_name": state.walk_in_name,
        "contact_sealed": base64.b64decode(state.contact_sealed) if state.contact_sealed else None,
        "contact_masked": state.contact_masked,
        "category": state.category,
        "severity": state.severity,
        "shop": state.shop,
        "description": state.description,
        "state": state.state,
        "assigned_to": state.assigned_to,
        "root_cause": state.root_cause,
        "rating": state.rating,
        "opened_at": state.opened_at,
        "due_at": state.due_at,
        "answered_at": state.answered_at,
        "resolved_at": state.resolved_at,
        "closed_at": state.closed_at,
        "conflict": state.conflict,
        "updated_at": state.updated_at,
    }
    if current is None:
        ticket_no = state.ticket_no
        holder = complaint_by_ticket(connection, ticket_no)
        if holder is not None and holder.complaint_uid != complaint_uid:
            # Two desks numbered alike before they enrolled: the later one keeps a told-apart number.
            ticket_no = f"{ticket_no}-{complaint_uid[:4].upper()}"
        connection.execute(
            insert(complaints).values(
                complaint_uid=complaint_uid, ticket_no=ticket_no, counter_uid=state.counter_uid, **values
            )
        )
    else:
        connection.execute(update(complaints).where(complaints.c.id == current.id).values(**values))
    return state


def complaints_with_undecided_requests(connection: Connection) -> list[str]:
    """Complaints with a compensation request no decision names yet (the manager's queue folds only these)."""
    return list(
        connection.exec_driver_sql(
            "SELECT DISTINCT r.complaint_uid FROM complaint_events r WHERE r.kind = 'compensation_requested' AND NOT EXISTS ("
            " SELECT 1 FROM complaint_events d WHERE d.complaint_uid = r.complaint_uid AND d.kind = 'compensation_decided'"
            " AND json_extract(d.payload, '$.request_id') = r.event_id)"
        ).scalars()
    )


def complaint_rows(
    connection: Connection, *, state: str | None = None, unanswered_only: bool = False, latest: int | None = None
) -> list[Row[Any]]:
    """Cache rows of complaints: in one `state`; with `unanswered_only`, those not answered and neither resolved
    nor closed; `latest`, the latest taken or received first, at most that many."""
    query = select(complaints)
    if state is not None:
        query = query.where(complaints.c.state == state)
    if unanswered_only:
        query = query.where(complaints.c.answered_at.is_(None), complaints.c.state.notin_(("closed", "resolved")))
    if latest is not None:
        query = query.order_by(complaints.c.id.desc()).limit(latest)
    return list(connection.execute(query).all())


def compensation_requests(
    connection: Connection, *, request_id: str | None = None, id_prefix: str | None = None, limit: int = 2
) -> list[Row[Any]]:
    """Compensation-request events by their id, or by the first characters of it (at most `limit` of those)."""
    query = select(events).where(events.c.kind == "compensation_requested")
    if request_id is not None:
        query = query.where(events.c.event_id == request_id)
    if id_prefix is not None:
        query = query.where(events.c.event_id >= id_prefix, events.c.event_id < id_prefix + "g").limit(limit)
    return list(connection.execute(query).all())
