"""The audit log's rows: appended in the caller's transaction, chained by a keyed digest."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from counter_app.db.keys import DataKeys
from counter_app.db.meta import get_meta, set_meta
from counter_app.db.models import AuditEntry, table_of
from counter_app.domain.audit import GENESIS, digest

audit_log = table_of(AuditEntry)
HEAD_KEY = "audit_head"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def append_entry(connection: Connection, keys: DataKeys, **fields: Any) -> int:
    """Append one entry after the last; the writer lock makes 'the last' well defined."""
    last = connection.execute(
        select(audit_log.c.seq, audit_log.c.digest).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    seq, previous = (last.seq + 1, last.digest) if last else (1, GENESIS)
    entry = {
        "seq": seq,
        "at": fields["at"].isoformat(timespec="microseconds"),
        "staff_id": fields.get("staff_id"),
        "role": fields.get("role"),
        "authorized_by": fields.get("authorized_by"),
        "counter_uid": fields["counter_uid"],
        "action": fields["action"],
        "subject": fields.get("subject"),
        "outcome": fields.get("outcome", "done"),
        "before": _text(fields.get("before")),
        "after": _text(fields.get("after")),
        "details": fields.get("details"),
    }
    entry_digest = digest(keys.audit, previous, entry)
    connection.execute(insert(audit_log).values(**entry, digest=entry_digest))
    # The head names the newest entry, so one appended behind the desk's back stands out as inserted.
    set_meta(connection, HEAD_KEY, f"{seq}:{entry_digest}")
    return seq


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    kind: str  # "edited", "deleted" (entries missing before seq), "inserted"


def verify_chain(connection: Connection, keys: DataKeys) -> tuple[int, ChainProblem | None]:
    """Walk the chain in order; returns how many entries were checked and the first problem."""
    head = get_meta(connection, HEAD_KEY)
    head_seq = int(head.split(":", 1)[0]) if head else 0
    previous = GENESIS
    expected_seq = 1
    checked = 0
    for row in connection.execute(select(audit_log).order_by(audit_log.c.seq)):
        entry = {column: getattr(row, column) for column in row._fields if column != "digest"}
        if row.seq > head_seq:
            return checked, ChainProblem(row.seq, "inserted")
        if row.seq != expected_seq:
            # A gap: entries were deleted, unless this row's digest fits the previous one (a renumbering).
            kind = "deleted" if row.seq > expected_seq else "inserted"
            return checked, ChainProblem(expected_seq if kind == "deleted" else row.seq, kind)
        if row.digest != digest(keys.audit, previous, entry):
            # Its own content no longer matches: edited. Content that chains to an older link: inserted.
            return checked, ChainProblem(
                row.seq, "edited" if _chains_after_next(connection, keys, row, previous) else "inserted"
            )
        previous = row.digest
        expected_seq += 1
        checked += 1
    if expected_seq <= head_seq:
        return checked, ChainProblem(expected_seq, "deleted")  # the newest entries are gone
    return checked, None


def _chains_after_next(connection: Connection, keys: DataKeys, row: Any, previous: str) -> bool:
    """An edited entry still has its successor chained to its stored digest; an inserted one does not."""
    following = connection.execute(select(audit_log).where(audit_log.c.seq == row.seq + 1)).first()
    if following is None:
        return True
    entry = {column: getattr(following, column) for column in following._fields if column != "digest"}
    chained: bool = following.digest == digest(keys.audit, row.digest, entry)
    return chained


def recent_entries(connection: Connection, limit: int) -> list[Any]:
    return list(connection.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(limit)))
