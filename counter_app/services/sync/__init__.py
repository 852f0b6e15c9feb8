"""Sync with the central server: enrol, push the outbox, pull the change feed, bound offline redemption.

The work is done in the modules of this package, one concern each; the names the GUI, the command line and the
tests use are here. Services import from the modules themselves."""

from __future__ import annotations

from counter_app.services.sync.change_feed import apply_change
from counter_app.services.sync.enrolment import EnrolResult, central_client, enroll, is_enrolled
from counter_app.services.sync.redemptions import OfflineLimits, check_offline_redemption
from counter_app.services.sync.review import (
    REVIEW_OUTCOMES,
    ReviewLine,
    ReviewResolution,
    resolve_review_item,
    review_list,
    review_sentence,
)
from counter_app.services.sync.rounds import next_delay, sync_once
from counter_app.services.sync.status import SKEW_WARNING, SyncReport, SyncStatus, sync_status

# The tests reach these by their old names: a client with this desk's token, one change applied.
_client = central_client
_apply_change = apply_change

__all__ = [
    "REVIEW_OUTCOMES",
    "SKEW_WARNING",
    "EnrolResult",
    "OfflineLimits",
    "ReviewLine",
    "ReviewResolution",
    "SyncReport",
    "SyncStatus",
    "apply_change",
    "central_client",
    "check_offline_redemption",
    "enroll",
    "is_enrolled",
    "next_delay",
    "resolve_review_item",
    "review_list",
    "review_sentence",
    "sync_once",
    "sync_status",
]
