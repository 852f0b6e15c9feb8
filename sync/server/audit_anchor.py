"""The counters' audit chains, anchored at the server: each push must continue the chain it acknowledged.

The server has not the counters' keys, so it cannot recompute an entry's digest; it checks the links: sequence
numbers without a gap and each entry's previous digest equal to the digest of the entry before. What it
acknowledged it keeps, so a counter whose newest entries were cut (or rewritten with its own key) cannot
hide it: its next push does not continue the chain, and `audit verify` at the desk compares with the head here.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

from sqlalchemy import Connection, insert, select, update

from sync.protocol import AuditAnswer, AuditHead, AuditLink
from sync.server.apply import open_review
from sync.server.schema import audit_heads, audit_links, review_items

log = logging.getLogger("counter_server")

GENESIS = "0" * 64  # the previous digest of a chain's first entry, as the counters write it
BREAK = "audit_break"  # the review item's kind


class _Break(Exception):
    def __init__(self, code: str, seq: int, text: str) -> None:
        super().__init__(text)
        self.code, self.seq = code, seq


def acknowledged_head(connection: Connection, device_id: str) -> AuditHead:
    row = connection.execute(select(audit_heads).where(audit_heads.c.device_id == device_id)).first()
    if row is None:
        return AuditHead(seq=0, digest=GENESIS)
    return AuditHead(seq=row.seq, digest=row.digest, acknowledged_at=dt.datetime.fromisoformat(row.acknowledged_at))


def receive_links(connection: Connection, device: Any, links: list[AuditLink], now: dt.datetime) -> AuditAnswer:
    """In the caller's write transaction: the links that continue the device's chain are kept and its head
    moves on; links it has already are compared and skipped (a repeated push changes nothing); anything else
    refuses the whole push, keeps nothing of it, and opens one review item for the break."""
    head = acknowledged_head(connection, device.device_id)
    try:
        fresh = _continuing(connection, device.device_id, head, links)
    except _Break as problem:
        review_id = _open_break(connection, device, head, links, problem, now)
        log.warning(
            "audit chain of device %s refused at entry %d (%s): %s",
            device.device_id,
            problem.seq,
            problem.code,
            problem,
        )
        return AuditAnswer(
            status="refused",
            head=head,
            code=problem.code,
            reason=str(problem),
            seq=problem.seq,
            review_id=review_id,
            server_time=now,
        )
    if fresh:
        connection.execute(
            insert(audit_links),
            [{**link.model_dump(), "device_id": device.device_id, "received_at": now.isoformat()} for link in fresh],
        )
        newest = fresh[-1]
        values = {"seq": newest.seq, "digest": newest.digest, "acknowledged_at": now.isoformat()}
        if head.seq == 0:
            connection.execute(insert(audit_heads).values(device_id=device.device_id, **values))
        else:
            connection.execute(update(audit_heads).where(audit_heads.c.device_id == device.device_id).values(**values))
        head = AuditHead(seq=newest.seq, digest=newest.digest, acknowledged_at=now)
    return AuditAnswer(status="acknowledged", head=head, server_time=now)


def _continuing(connection: Connection, device_id: str, head: AuditHead, links: list[AuditLink]) -> list[AuditLink]:
    """The links after the head, checked link by link; those up to the head must be the ones kept."""
    kept = {
        row.seq: (row.prev, row.digest)
        for row in connection.execute(
            select(audit_links.c.seq, audit_links.c.prev, audit_links.c.digest).where(
                audit_links.c.device_id == device_id,
                audit_links.c.seq >= links[0].seq,
                audit_links.c.seq <= min(links[-1].seq, head.seq),
            )
        )
    }
    tip_seq, tip_digest = head.seq, head.digest
    fresh: list[AuditLink] = []
    for link in links:
        if link.seq <= head.seq:
            if kept.get(link.seq) != (link.prev, link.digest):
                raise _Break(
                    "fork",
                    link.seq,
                    f"entry {link.seq} differs from the one acknowledged before (acknowledged up to {head.seq})",
                )
            continue
        if link.seq != tip_seq + 1:
            raise _Break("gap", link.seq, f"entry {link.seq} follows entry {tip_seq}: entries are missing between")
        if link.prev != tip_digest:
            raise _Break("broken_link", link.seq, f"entry {link.seq} does not chain to entry {tip_seq}")
        fresh.append(link)
        tip_seq, tip_digest = link.seq, link.digest
    return fresh


def _open_break(
    connection: Connection, device: Any, head: AuditHead, links: list[AuditLink], problem: _Break, now: dt.datetime
) -> int:
    """One review item per break: the same refused push, sent again at every round, does not add another."""
    offending = next(link for link in links if link.seq == problem.seq)
    op_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"audit:{device.device_id}:{problem.seq}:{offending.digest}"))
    found = connection.execute(
        select(review_items.c.id).where(review_items.c.op_id == op_id, review_items.c.kind == BREAK)
    ).scalar()
    if found is None:
        details = {
            "counter_no": device.counter_no,
            "device_id": device.device_id,
            "store": device.store,
            "seq": problem.seq,
            "problem": problem.code,
            "acknowledged_seq": head.seq,
        }
        open_review(connection, BREAK, None, op_id, device.counter_uid, details, now)
        found = connection.execute(
            select(review_items.c.id).where(review_items.c.op_id == op_id, review_items.c.kind == BREAK)
        ).scalar_one()
    review_id: int = found
    return review_id
