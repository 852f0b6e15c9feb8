"""The outbox: operations this counter made, in a gap-free sequence, waiting for the sync client."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

from counter_app.db.models import OutboxOp

outbox = OutboxOp.__table__


def append_op(connection: Connection, counter_uid: str, op_type: str, payload: dict[str, Any], when: dt.datetime, op_id: str | None = None) -> tuple[int, str]:
    """Append in the caller's transaction: the operation and its outbox entry commit or vanish together."""
    # The sequence lives in the counter row, not max(seq)+1, so pruning synced entries never reuses a number.
    seq = connection.execute(text("UPDATE counter SET last_outbox_seq = last_outbox_seq + 1 WHERE id = 1 RETURNING last_outbox_seq")).scalar_one()
    op_id = op_id or str(uuid.uuid4())
    connection.execute(
        insert(outbox).values(
            seq=seq,
            op_id=op_id,
            counter_uid=counter_uid,
            op_type=op_type,
            payload=json.dumps(payload, ensure_ascii=False, sort_keys=True, default=_json_default),
            created_at=when,
        )
    )
    return seq, op_id


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in an outbox payload")


def pending_count(connection: Connection) -> int:
    return connection.execute(select(func.count()).select_from(outbox).where(outbox.c.status == "pending")).scalar_one()


def entries(connection: Connection, after_seq: int = 0, limit: int = 1000) -> list[Any]:
    return list(connection.execute(select(outbox).where(outbox.c.seq > after_seq).order_by(outbox.c.seq).limit(limit)))
