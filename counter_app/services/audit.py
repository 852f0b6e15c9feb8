"""Recording what was done at the desk, and checking that the record was not altered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from counter_app.db import audit as audit_rows
from counter_app.domain.staff import Actor
from counter_app.i18n import QT_TRANSLATE_NOOP, translate
from counter_app.services.desk import Desk


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


@dataclass(frozen=True)
class AuditReport:
    entries_checked: int
    intact: bool
    first_bad_entry: int | None
    problem: str | None  # edited / deleted / inserted
    message: str


PROBLEMS = {
    "edited": QT_TRANSLATE_NOOP("Audit", "Audit entry {seq} was edited after it was written."),
    "deleted": QT_TRANSLATE_NOOP("Audit", "Audit entry {seq} was deleted."),
    "inserted": QT_TRANSLATE_NOOP("Audit", "Audit entry {seq} was inserted behind the desk's back."),
}


def verify(desk: Desk) -> AuditReport:
    from counter_app.domain.staff import Permission
    from counter_app.services.auth import authorize

    authorize(desk, Permission.AUDIT, "audit.verify")
    with desk.store.read() as connection:
        checked, problem = audit_rows.verify_chain(connection, desk.store.keys)
    if problem is None:
        message = translate("Audit", "The audit log is intact: {count} entries checked.").format(count=checked)
        return AuditReport(checked, True, None, None, message)
    return AuditReport(
        checked, False, problem.seq, problem.kind, translate("Audit", PROBLEMS[problem.kind]).format(seq=problem.seq)
    )


@dataclass(frozen=True)
class AuditLine:
    seq: int
    at: str
    staff_id: str | None
    role: str | None
    authorized_by: str | None
    action: str
    subject: str | None
    outcome: str
    details: str | None


def recent(desk: Desk, limit: int = 50) -> list[AuditLine]:
    from counter_app.domain.staff import Permission
    from counter_app.services.auth import authorize

    authorize(desk, Permission.AUDIT, "audit.list")
    with desk.store.read() as connection:
        return [
            AuditLine(r.seq, r.at, r.staff_id, r.role, r.authorized_by, r.action, r.subject, r.outcome, r.details)
            for r in audit_rows.recent_entries(connection, limit)
        ]
