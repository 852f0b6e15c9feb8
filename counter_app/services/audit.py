"""The audit trail for a manager: checking that it was not altered, and reading its latest entries."""

from __future__ import annotations

import json
from dataclasses import dataclass

from counter_app.db import audit as audit_rows
from counter_app.db import sync_state
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
    # edited / deleted / inserted / head_forged (here); cut / rewritten (against the head the server
    # acknowledged); acknowledged_forged (the record of that head); refused (the server refused the chain)
    problem: str | None
    message: str
    last_entry: int = 0  # the newest entry here
    acknowledged_seq: int | None = None  # the newest entry the central server acknowledged; None: none known
    acknowledged_digest: str | None = None
    acknowledged_source: str | None = None  # "server": asked just now; "local": as recorded at the last sync
    acknowledged_at: str | None = None
    anchor_note: str | None = None  # where the acknowledged head came from, in the clerk's words


@dataclass(frozen=True)
class ServerHead:
    """The newest entry of this desk's chain the central server acknowledged, as it answered just now."""

    seq: int
    digest: str
    at: str | None


PROBLEMS = {
    "edited": QT_TRANSLATE_NOOP("Audit", "Audit entry {seq} was edited after it was written."),
    "deleted": QT_TRANSLATE_NOOP("Audit", "Audit entry {seq} was deleted."),
    "inserted": QT_TRANSLATE_NOOP("Audit", "Audit entry {seq} was inserted behind the desk's back."),
    "head_forged": QT_TRANSLATE_NOOP(
        "Audit",
        "The audit log's head record (naming entry {seq}) was written without the desk's key: the newest entries may have been cut.",
    ),
    "cut": QT_TRANSLATE_NOOP(
        "Audit",
        "The audit log ends at entry {last}, but the central server acknowledged entries up to {acknowledged}: the newest entries were cut.",
    ),
    "rewritten": QT_TRANSLATE_NOOP(
        "Audit",
        "Audit entry {seq} is not the entry the central server acknowledged: the log was rewritten.",
    ),
    "acknowledged_forged": QT_TRANSLATE_NOOP(
        "Audit",
        "The desk's record of what the central server acknowledged (entry {seq}) was written without the desk's key.",
    ),
    "refused": QT_TRANSLATE_NOOP(
        "Audit",
        "The central server refused this desk's audit log at entry {seq}: it does not continue the entries it acknowledged (up to {acknowledged}); review item {review_id}.",
    ),
}
NOTES = {
    "server": QT_TRANSLATE_NOOP("Audit", "The central server acknowledged entries up to {seq}."),
    "server_none": QT_TRANSLATE_NOOP("Audit", "The central server has acknowledged no entry of this desk yet."),
    "local": QT_TRANSLATE_NOOP(
        "Audit",
        "The central server could not be asked; checked here only. The last head it acknowledged, as known here: entry {seq} ({at}).",
    ),
    "local_none": QT_TRANSLATE_NOOP(
        "Audit", "The central server could not be asked; checked here only. It has acknowledged no entry yet."
    ),
}


def verify(desk: Desk, at_server: ServerHead | None = None, asked: bool = False) -> AuditReport:
    """Check the chain here, and against the head the central server acknowledged: AT_SERVER when it was asked
    just now, else the head recorded here at the last sync. ASKED: this desk is enrolled and tried to ask."""
    authorize(desk, Permission.AUDIT, "audit.verify")
    with desk.store.read() as connection:
        checked, problem = audit_rows.verify_chain(connection, desk.store.keys)
        last = audit_rows.last_seq(connection)
        recorded = audit_rows.acknowledged(connection, desk.store.keys)
        anchor = at_server or (
            ServerHead(recorded.seq, recorded.digest, recorded.at) if recorded and recorded.sealed else None
        )
        at_anchor = audit_rows.digest_at(connection, anchor.seq) if anchor and anchor.seq else None
        refused_text = sync_state.get_state(connection, "audit_refused")
    source = "server" if at_server is not None else ("local" if anchor is not None else None)
    note = _note(at_server, anchor, asked)
    found: tuple[str, int, dict[str, object]] | None = None
    if problem is not None:
        found = (problem.kind, problem.seq, {"seq": problem.seq})
    elif anchor is not None and anchor.seq > last:
        found = ("cut", last + 1, {"last": last, "acknowledged": anchor.seq})
    elif anchor is not None and anchor.seq and at_anchor != anchor.digest:
        found = ("rewritten", anchor.seq, {"seq": anchor.seq})
    elif recorded is not None and not recorded.sealed:
        found = ("acknowledged_forged", recorded.seq, {"seq": recorded.seq})
    elif refused_text:
        refusal = json.loads(refused_text)
        seq = int(refusal.get("seq") or 0)
        found = (
            "refused",
            seq,
            {"seq": seq, "acknowledged": refusal.get("acknowledged_seq"), "review_id": refusal.get("review_id")},
        )
    if found is None:
        message = translate("Audit", "The audit log is intact: {count} entries checked.").format(count=checked)
    else:
        message = translate("Audit", PROBLEMS[found[0]]).format(**found[2])
    return AuditReport(
        entries_checked=checked,
        intact=found is None,
        first_bad_entry=found[1] if found else None,
        problem=found[0] if found else None,
        message=f"{message} {note}" if note else message,
        last_entry=last,
        acknowledged_seq=anchor.seq if anchor else None,
        acknowledged_digest=anchor.digest if anchor else None,
        acknowledged_source=source,
        acknowledged_at=anchor.at if anchor else None,
        anchor_note=note,
    )


def _note(at_server: ServerHead | None, anchor: ServerHead | None, asked: bool) -> str | None:
    if at_server is not None:
        if at_server.seq:
            return translate("Audit", NOTES["server"]).format(seq=at_server.seq)
        return translate("Audit", NOTES["server_none"])
    if not asked:
        return None  # not enrolled: there is no server to anchor to
    if anchor is None:
        return translate("Audit", NOTES["local_none"])
    return translate("Audit", NOTES["local"]).format(seq=anchor.seq, at=(anchor.at or "")[:16].replace("T", " "))


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
