"""Writing the audit trail: an entry for each thing done at the desk, in the transaction that did it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from counter_app.db import audit as audit_rows
from counter_app.domain.staff import Actor
from counter_app.services.desk_state import Desk


def record(
    desk: Desk,
    connection: Connection,
    actor: Actor | None,
    action: str,
    subject: str | None = None,
    *,
    before: Any = None,
    after: Any = None,
    outcome: str = "done",
    details: str | None = None,
) -> int:
    """One audit entry in the caller's transaction: it commits with the change it describes, or not at all."""
    return audit_rows.append_entry(
        connection,
        desk.store.keys,
        at=desk.now(),
        staff_id=actor.staff_id if actor else None,
        role=actor.role if actor else None,
        authorized_by=actor.authorized_by if actor else None,
        counter_uid=desk.counter_uid,
        action=action,
        subject=subject,
        outcome=outcome,
        before=before,
        after=after,
        details=details,
    )


def record_alone(desk: Desk, actor: Actor | None, action: str, subject: str | None = None, **fields: Any) -> None:
    """For what has no transaction of its own: refusals, failed sign-ins."""
    with desk.store.write() as connection:
        record(desk, connection, actor, action, subject, **fields)
