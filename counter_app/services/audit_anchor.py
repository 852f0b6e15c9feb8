"""`audit verify` against the central server: the chain here, and the head the server acknowledged, asked now."""

from __future__ import annotations

import logging

from counter_app.domain.errors import DeskError
from counter_app.domain.staff import Permission
from counter_app.services import audit
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk
from counter_app.services.sync.audit_push import head_at_server
from counter_app.services.sync.enrolment import central_client, is_enrolled
from sync.client import SyncError

log = logging.getLogger(__name__)


def verify(desk: Desk, online: bool = True) -> audit.AuditReport:
    """An enrolled desk asks the server which entry it acknowledged last (a read-only call, no write lock held);
    offline, or with ONLINE False, it checks against the head recorded at its last sync and says so."""
    authorize(desk, Permission.AUDIT, "audit.verify")
    with desk.store.read() as connection:
        enrolled = is_enrolled(connection)
    at_server = None
    if enrolled and online:
        try:
            client = central_client(desk)
        except DeskError:
            client = None
        if client is not None:
            try:
                head = head_at_server(desk, client)
                at_server = audit.ServerHead(
                    head.seq, head.digest, head.acknowledged_at.isoformat() if head.acknowledged_at else None
                )
            except SyncError as error:
                log.info("the audit head could not be asked of the server: %s", error)
            finally:
                client.close()
    return audit.verify(desk, at_server, asked=enrolled)
