"""Where the desk stands with the central server: what a sync round did, and what the status bar shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from counter_app.db import outbox, sync_state
from counter_app.services.desk import Desk
from counter_app.services.sync.enrolment import is_enrolled, sync_value
from counter_app.services.sync.redemptions import OfflineLimits, offline_limits

SKEW_WARNING = dt.timedelta(minutes=5)


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    rejected: int = 0
    held: int = 0  # answered "retry": still pending, in order
    pulled: int = 0
    cursor: int = 0
    head: int = 0
    skew_seconds: float = 0.0
    rejections: list[dict[str, str]] = field(default_factory=list)
    audit_acknowledged: int = 0  # the newest audit entry the server acknowledged in this round
    audit_refused_at: int | None = None  # the entry at which the server refused the audit chain


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server: str | None
    store: str | None
    online: bool
    pending: int
    oldest_pending_seconds: int | None
    last_sync: str | None
    last_error: str | None
    review_open: int
    rejected: int
    skew_seconds: float | None
    skew_warning: bool
    offline: OfflineLimits | None
    cursor: int
    head: int


def sync_status(desk: Desk) -> SyncStatus:
    with desk.store.read() as connection:
        enrolled = is_enrolled(connection)
        pending = outbox.pending_count(connection)
        oldest = outbox.oldest_pending(connection)
        review_open = sync_state.open_review_count(connection)
        rejected = outbox.rejected_count(connection)
        last_ok, last_error = sync_value(connection, "last_ok") or None, sync_value(connection, "last_error") or None
        skew_text = sync_value(connection, "skew") or None
        limits = offline_limits(desk, connection)
        cursor, head = int(sync_value(connection, "cursor") or 0), int(sync_value(connection, "head") or 0)
        server, store = sync_value(connection, "server") or None, sync_value(connection, "store") or None
    now = desk.now()
    skew_seconds = float(skew_text) if skew_text else None
    return SyncStatus(
        enrolled=enrolled,
        server=server,
        store=store,
        online=enrolled and limits is None and not last_error,
        pending=pending,
        oldest_pending_seconds=int((now - oldest).total_seconds()) if oldest else None,
        last_sync=last_ok,
        last_error=last_error,
        review_open=review_open,
        rejected=rejected,
        skew_seconds=skew_seconds,
        skew_warning=skew_seconds is not None and abs(skew_seconds) > SKEW_WARNING.total_seconds(),
        offline=limits,
        cursor=cursor,
        head=head,
    )
