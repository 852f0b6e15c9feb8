"""The outbox: operations this counter made, in a gap-free sequence, waiting for the sync client."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, text, update

from counter_app.db.keys import DataKeys
from counter_app.db.models import OutboxOp, table_of
from counter_app.db.sealing import seal_payload, unseal_payload

outbox = table_of(OutboxOp)


def append_op(
    connection: Connection,
    keys: DataKeys,
    counter_uid: str,
    op_type: str,
    payload: dict[str, Any],
    when: dt.datetime,
    op_id: str | None = None,
) -> tuple[int, str]:
    """Append in the caller's transaction: the operation and its outbox entry commit or vanish together.
    The payload is sealed: it carries phone and ID numbers."""
    # The sequence lives in the counter row, not max(seq)+1, so pruning synced entries never reuses a number.
    seq = connection.execute(
        text("UPDATE counter SET last_outbox_seq = last_outbox_seq + 1 WHERE id = 1 RETURNING last_outbox_seq")
    ).scalar_one()
    op_id = op_id or str(uuid.uuid4())
    staff_id, authorised_by = acting_staff(connection)
    connection.execute(
        insert(outbox).values(
            seq=seq,
            op_id=op_id,
            counter_uid=counter_uid,
            op_type=op_type,
            payload_sealed=seal_payload(keys, json.loads(json.dumps(payload, default=_json_default)), op_id),
            created_at=when,
            staff_id=staff_id,
            authorised_by=authorised_by,
        )
    )
    return seq, op_id


def acting_staff(connection: Connection) -> tuple[str | None, str | None]:
    """Who is doing the write on this connection, and the manager who authorised it: the store's write transaction
    asks the open desk (Store.who_acts), so every outbox entry carries them without each caller passing them."""
    who_acts = connection.info.get("who_acts")
    return who_acts() if who_acts is not None else (None, None)


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in an outbox payload")


def pending_count(connection: Connection) -> int:
    return connection.execute(select(func.count()).select_from(outbox).where(outbox.c.status == "pending")).scalar_one()


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    op_id: str
    counter_uid: str
    op_type: str
    payload: dict[str, Any]
    created_at: dt.datetime
    status: str
    staff_id: str | None = None
    authorised_by: str | None = None


def _entry(keys: DataKeys, row: Row[Any]) -> OutboxEntry:
    return OutboxEntry(
        row.seq,
        row.op_id,
        row.counter_uid,
        row.op_type,
        unseal_payload(keys, row.payload_sealed, row.op_id),
        row.created_at,
        row.status,
        row.staff_id,
        row.authorised_by,
    )


def entries(connection: Connection, keys: DataKeys, after_seq: int = 0, limit: int = 1000) -> list[OutboxEntry]:
    rows = connection.execute(select(outbox).where(outbox.c.seq > after_seq).order_by(outbox.c.seq).limit(limit))
    return [_entry(keys, row) for row in rows]


def pending(connection: Connection, keys: DataKeys, limit: int) -> list[OutboxEntry]:
    """The next operations to push, in sequence order."""
    rows = connection.execute(select(outbox).where(outbox.c.status == "pending").order_by(outbox.c.seq).limit(limit))
    return [_entry(keys, row) for row in rows]


def answer(connection: Connection, seq: int, status: str, reason: str | None, when: dt.datetime) -> None:
    connection.execute(update(outbox).where(outbox.c.seq == seq).values(status=status, reason=reason, answered_at=when))


def oldest_pending(connection: Connection) -> dt.datetime | None:
    return connection.execute(
        select(outbox.c.created_at).where(outbox.c.status == "pending").order_by(outbox.c.seq).limit(1)
    ).scalar()


def rejected_count(connection: Connection) -> int:
    count: int = connection.execute(
        select(func.count()).select_from(outbox).where(outbox.c.status == "rejected")
    ).scalar_one()
    return count


def rejected_ops(connection: Connection) -> list[Row[Any]]:
    """op_id, op_type, answered_at (as text) and reason (JSON text) of what the server refused, in sequence order."""
    return list(
        connection.execute(
            text("SELECT op_id, op_type, answered_at, reason FROM outbox WHERE status = 'rejected' ORDER BY seq")
        )
    )
