"""A sync round: the outbox and the audit log pushed, then the change feed pulled; and the pause before the next round."""

from __future__ import annotations

import random
from collections.abc import Callable

from counter_app.domain.errors import Conflict, StoreUnavailable
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.desk import Desk
from counter_app.services.sync import audit_push, change_feed, outbox_push
from counter_app.services.sync.enrolment import (
    central_client,
    pin_code_key,
    revoked_refusal,
    send_accounts_once,
    set_sync_value,
    sync_value,
    was_revoked,
)
from counter_app.services.sync.status import SyncReport
from sync.client import SyncError


def next_delay(failures: int, interval: float) -> float:
    """The pause before the next round: the interval while all is well; after failures, doubling up
    to five minutes, with full jitter so fifty counters coming back online do not knock at once."""
    if failures == 0:
        return interval
    return random.uniform(0, min(300.0, interval * 2 ** min(failures, 10)))


def sync_once(desk: Desk, progress: Callable[[int, int], None] | None = None) -> SyncReport:
    """Push first, then pull, so the screen shows the server's state plus what is still pending here."""
    client = central_client(desk)
    report = SyncReport()
    try:
        try:
            with desk.store.read() as connection:
                pinned = sync_value(connection, "code_key")
            if not pinned:  # enrolled before member codes existed: trust the key of the server it enrolled with
                key = client.info().code_key
                with desk.store.write() as connection:
                    pin_code_key(connection, key)
            send_accounts_once(desk)
            # Looked up in their modules at each round, so a benchmark can time the phases.
            outbox_push.push_outbox(desk, client, report)
            audit_push.push_audit(desk, client, report)
            change_feed.pull_changes(desk, client, report, progress)
        except SyncError as error:
            with desk.store.write() as connection:
                set_sync_value(connection, "last_attempt", desk.now().isoformat())
                set_sync_value(connection, "last_error", str(error))
            if error.offline:
                raise StoreUnavailable(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The central server cannot be reached; the desk works offline and will sync when it is back.",
                    )
                ) from None
            if was_revoked(error):
                raise revoked_refusal() from None
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "The central server refused the sync: {reason}"), reason=str(error)
            ) from None
    finally:
        client.close()
    with desk.store.write() as connection:
        now = desk.now().isoformat()
        set_sync_value(connection, "last_attempt", now)
        set_sync_value(connection, "last_ok", now)
        set_sync_value(connection, "last_error", None)
        set_sync_value(connection, "skew", f"{report.skew_seconds:.1f}")
    return report
