"""The audit log's rows: appended in the caller's transaction, chained by a keyed digest, its head keyed too."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select

from counter_app.db.keys import DataKeys
from counter_app.db.meta import get_meta, set_meta
from counter_app.db.models import AuditEntry, table_of
from counter_app.domain.audit import GENESIS, acknowledged_seal, digest, head_seal, seal_matches

audit_log = table_of(AuditEntry)
HEAD_KEY = "audit_head"  # "seq:digest:seal", the seal an HMAC under the anchor key (migration 0016)
HEAD_MISMATCH = "audit.head_mismatch"  # the entry an append writes when it finds the head not naming the last entry
ACKNOWLEDGED_KEY = "audit_acknowledged"  # "seq:digest:at:seal": the newest head the central server acknowledged


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def append_entry(connection: Connection, keys: DataKeys, **fields: Any) -> int:
    """Append one entry after the last; the writer lock makes 'the last' well defined.

    A head that does not name the last entry under the desk's key means the log was cut or the head moved
    behind the desk's back. Sealing a new head over it would hide that, so a sealed entry saying what was
    found goes in first: removing it again is one more cut, which the next head shows."""
    last: Any = connection.execute(
        select(audit_log.c.seq, audit_log.c.digest).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    head = read_head(connection, keys)
    whole = (head is None and last is None) or (
        head is not None and head.sealed and last is not None and (head.seq, head.digest) == (last.seq, last.digest)
    )
    if not whole:
        last = _append(
            connection,
            keys,
            last,
            {
                "at": fields["at"],
                "counter_uid": fields["counter_uid"],
                "action": HEAD_MISMATCH,
                "subject": str(head.seq) if head else None,
                "outcome": "found",
                "before": {"head": head.seq if head else None, "sealed": bool(head and head.sealed)},
                "after": {"last": last.seq if last else 0},
                "details": "the head record did not name the last entry under the desk's key",
            },
        )
    return _append(connection, keys, last, fields).seq


def _append(connection: Connection, keys: DataKeys, last: Any, fields: dict[str, Any]) -> _Link:
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
    set_meta(connection, HEAD_KEY, head_record(keys, seq, entry_digest))
    return _Link(seq, entry_digest)


@dataclass(frozen=True)
class _Link:
    seq: int
    digest: str


def head_record(keys: DataKeys, seq: int, entry_digest: str) -> str:
    return f"{seq}:{entry_digest}:{head_seal(keys.anchor, seq, entry_digest)}"


@dataclass(frozen=True)
class Head:
    seq: int
    digest: str
    sealed: bool  # False: the record was written without the desk's key (or is missing its seal)


def _parse_head(value: str) -> tuple[int, str, str] | None:
    parts = value.split(":")
    if len(parts) != 3 or not parts[0].isdigit():
        return None
    return int(parts[0]), parts[1], parts[2]


def read_head(connection: Connection, keys: DataKeys) -> Head | None:
    """The head record as stored; None when there is none (a log never written to)."""
    value = get_meta(connection, HEAD_KEY)
    if value is None:
        return None
    parsed = _parse_head(value)
    if parsed is None:
        claimed = value.split(":", 1)[0]
        return Head(int(claimed) if claimed.isdigit() else 0, "", False)
    head_seq, entry_digest, seal = parsed
    return Head(head_seq, entry_digest, seal_matches(head_seal(keys.anchor, head_seq, entry_digest), seal))


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    kind: str  # "edited", "deleted" (entries missing before seq), "inserted", "head_forged"


def verify_chain(connection: Connection, keys: DataKeys) -> tuple[int, ChainProblem | None]:
    """Walk the chain in order; returns how many entries were checked and the first problem."""
    head = read_head(connection, keys)
    if head is not None and not head.sealed:
        # Whoever wrote it had no key: the seq it names proves nothing, so neither does a walk measured by it.
        return 0, ChainProblem(head.seq, "head_forged")
    if head is None and last_seq(connection):
        return 0, ChainProblem(0, "head_forged")  # entries, but the record of the newest one is gone
    head_seq = head.seq if head else 0
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
        if row.action == HEAD_MISMATCH:
            return checked, _mismatch_found(row)
        if head is not None and row.seq == head_seq and row.digest != head.digest:
            return checked, ChainProblem(row.seq, "edited")  # the newest entry is not the one the head names
        previous = row.digest
        expected_seq += 1
        checked += 1
    if expected_seq <= head_seq:
        return checked, ChainProblem(expected_seq, "deleted")  # the newest entries are gone
    return checked, None


def _mismatch_found(row: Any) -> ChainProblem:
    """What the desk found when it wrote the entry ROW: a head not sealed with its key, or one naming a newer entry."""
    try:
        head = json.loads(row.before or "{}")
        last = int(json.loads(row.after or "{}").get("last") or 0)
    except (ValueError, TypeError, AttributeError):
        return ChainProblem(row.seq, "head_forged")
    if not head.get("sealed"):
        return ChainProblem(int(head.get("head") or 0), "head_forged")
    if int(head.get("head") or 0) > last:
        return ChainProblem(last + 1, "deleted")
    return ChainProblem(row.seq, "inserted")


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


def last_seq(connection: Connection) -> int:
    seq: int | None = connection.execute(select(func.max(audit_log.c.seq))).scalar()
    return seq or 0


def digest_at(connection: Connection, seq: int) -> str | None:
    found: str | None = connection.execute(select(audit_log.c.digest).where(audit_log.c.seq == seq)).scalar()
    return found


def links_after(connection: Connection, after: int, limit: int) -> list[dict[str, Any]]:
    """Entries after seq AFTER as the central server checks them: the link (seq, previous digest, digest) and
    what is no personal data (when, what, by whom of the staff, outcome); subject, before, after, details stay here."""
    rows = connection.execute(
        select(
            audit_log.c.seq,
            audit_log.c.at,
            audit_log.c.action,
            audit_log.c.outcome,
            audit_log.c.staff_id,
            audit_log.c.authorized_by,
            audit_log.c.digest,
        )
        .where(audit_log.c.seq >= max(after, 1))
        .order_by(audit_log.c.seq)
        .limit(limit + 1)
    ).all()
    previous = GENESIS
    links = []
    for row in rows:
        if row.seq <= after:
            previous = row.digest
            continue
        links.append({**row._asdict(), "prev": previous})
        previous = row.digest
    return links[:limit]


@dataclass(frozen=True)
class Acknowledged:
    seq: int
    digest: str
    at: str
    sealed: bool  # False: changed without the desk's key


def acknowledged(connection: Connection, keys: DataKeys) -> Acknowledged | None:
    """The newest head the central server acknowledged, as recorded here; None before the first."""
    value = get_meta(connection, ACKNOWLEDGED_KEY)
    if not value:
        return None
    parts = value.split(":", 2)
    at_and_seal = parts[2].rsplit(":", 1) if len(parts) == 3 else []
    if len(parts) != 3 or not parts[0].isdigit() or len(at_and_seal) != 2:
        return Acknowledged(int(parts[0]) if parts[0].isdigit() else 0, "", "", False)
    seq, entry_digest, (at, seal) = int(parts[0]), parts[1], at_and_seal
    return Acknowledged(
        seq, entry_digest, at, seal_matches(acknowledged_seal(keys.anchor, seq, entry_digest, at), seal)
    )


def set_acknowledged(connection: Connection, keys: DataKeys, seq: int, entry_digest: str, at: str) -> None:
    seal = acknowledged_seal(keys.anchor, seq, entry_digest, at)
    set_meta(connection, ACKNOWLEDGED_KEY, f"{seq}:{entry_digest}:{at}:{seal}")
