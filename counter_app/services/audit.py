"""The audit trail for a manager: checking that it was not altered, and reading its latest entries."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.db import audit as audit_rows
from counter_app.domain.staff import Permission
from counter_app.i18n import QT_TRANSLATE_NOOP, translate
from counter_app.services.audit_trail import record as record
from counter_app.services.audit_trail import record_alone as record_alone
from counter_app.services.auth import authorize
from counter_app.services.desk_state import Desk


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
    authorize(desk, Permission.AUDIT, "audit.list")
    with desk.store.read() as connection:
        return [
            AuditLine(r.seq, r.at, r.staff_id, r.role, r.authorized_by, r.action, r.subject, r.outcome, r.details)
            for r in audit_rows.recent_entries(connection, limit)
        ]
