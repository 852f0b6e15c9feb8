"""The outbox pushed to the central server in batches, in order; what it refuses is undone here and kept for review."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import Connection

from counter_app.db import outbox
from counter_app.db import points as ledger
from counter_app.services.desk import Desk
from counter_app.services.sync.change_feed import book
from counter_app.services.sync.redemptions import SPENDING_KINDS
from counter_app.services.sync.status import SyncReport
from sync.client import SyncClient, skew
from sync.protocol import MAX_BATCH, Op

# Older outbox entries carry no signed delta: the sign by kind.
_DEBITS = frozenset({*SPENDING_KINDS, "expire", "expired"})


def _wire(entry: outbox.OutboxEntry) -> Op:
    payload = dict(entry.payload)
    if entry.op_type.startswith("points.") and "delta" not in payload:
        kind = entry.op_type.split(".", 1)[1]
        payload["kind"] = {"earned": "earn", "expired": "expire", "voided": "reversal"}.get(kind, kind)
        points = int(payload.get("points") or 0)
        payload["delta"] = -points if kind in _DEBITS else points
    return Op(
        op_id=entry.op_id,
        seq=entry.seq,
        type=entry.op_type,
        at=entry.created_at,
        payload=payload,
        staff_id=entry.staff_id,
        authorised_by=entry.authorised_by,
    )


def push_outbox(desk: Desk, client: SyncClient, report: SyncReport) -> None:
    """Batch after batch until the outbox is empty or the server holds the queue ("retry")."""
    while True:
        with desk.store.read() as connection:
            batch = outbox.pending(connection, desk.store.keys, MAX_BATCH)
        if not batch:
            return
        sent = desk.now()
        answer = client.push([_wire(entry) for entry in batch])
        report.skew_seconds = skew(answer.server_time, sent, desk.now()).total_seconds()
        report.pushed += len(batch)
        by_id = {entry.op_id: entry for entry in batch}
        with desk.store.write() as connection:
            for result in answer.results:
                entry = by_id.get(result.op_id)
                if entry is None:
                    continue
                if result.status == "retry":
                    # Only "retry" holds the queue: what follows waits, in order.
                    report.held += 1
                    break
                reason = (
                    json.dumps(
                        {"code": result.code, "params": result.params or {}, "text": result.reason}, ensure_ascii=False
                    )
                    if result.status == "rejected"
                    else None
                )
                outbox.answer(connection, entry.seq, result.status, reason, desk.now())
                if result.status == "applied":
                    report.applied += 1
                else:
                    report.rejected += 1
                    report.rejections.append(
                        {"op_id": entry.op_id, "type": entry.op_type, "reason": result.reason or ""}
                    )
                    _undo_refused(desk, connection, entry)
        if report.held or len(batch) < MAX_BATCH:
            return


def _undo_refused(desk: Desk, connection: Connection, entry: outbox.OutboxEntry) -> None:
    """The server will never count a refused ledger operation: undo it here too, so balances agree.
    The undo is local (pulled) and the refusal stays in the review list."""
    if not entry.op_type.startswith("points."):
        return
    local = ledger.entry_points(connection, entry.op_id)
    if local is None or local.points == 0:
        return
    book(
        desk,
        connection,
        local.member_id,
        str(uuid.uuid5(uuid.NAMESPACE_URL, f"refused:{entry.op_id}")),
        "refused",
        -local.points,
        desk.now(),
        note=f"refused by the server: {entry.op_id}",
    )
