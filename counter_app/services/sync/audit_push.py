"""The audit log anchored at the central server: its entries pushed after the outbox, the acknowledged head kept."""

from __future__ import annotations

import json

from counter_app.db import audit as audit_rows
from counter_app.services.desk import Desk
from counter_app.services.sync.enrolment import set_sync_value
from counter_app.services.sync.status import SyncReport
from sync.client import SyncClient, SyncError
from sync.protocol import MAX_AUDIT_BATCH, AuditHead, AuditLink

NOT_ANCHORING = 404  # a server from before the audit anchor: the round goes on without it


def push_audit(desk: Desk, client: SyncClient, report: SyncReport) -> None:
    """The entries after the acknowledged head, batch after batch; only the links travel (seq, digests, when,
    what, which staff): the entries' subject, before, after and details may name a member and stay here."""
    while True:
        with desk.store.read() as connection:
            known = audit_rows.acknowledged(connection, desk.store.keys)
            # A record changed without the key is no start: send all again, the server skips what it has.
            after = known.seq if known is not None and known.sealed else 0
            links = audit_rows.links_after(connection, after, MAX_AUDIT_BATCH)
        if not links:
            return
        try:
            answer = client.push_audit([AuditLink(**link) for link in links])
        except SyncError as error:
            if error.status == NOT_ANCHORING:
                return
            raise
        with desk.store.write() as connection:
            if answer.status == "refused":
                refusal = {
                    "seq": answer.seq,
                    "code": answer.code,
                    "acknowledged_seq": answer.head.seq,
                    "review_id": answer.review_id,
                    "at": desk.now().isoformat(),
                }
                set_sync_value(connection, "audit_refused", json.dumps(refusal))
                report.audit_refused_at = answer.seq
                return
            audit_rows.set_acknowledged(
                connection, desk.store.keys, answer.head.seq, answer.head.digest, desk.now().isoformat()
            )
            set_sync_value(connection, "audit_refused", None)
        report.audit_acknowledged = answer.head.seq
        if len(links) < MAX_AUDIT_BATCH or answer.head.seq <= after:
            return


def head_at_server(desk: Desk, client: SyncClient) -> AuditHead:
    """What the server acknowledged of this counter's chain, asked now (SyncError when it cannot be asked)."""
    return client.audit_head()
