"""The manager's queue: the kinds of item that wait there for a decision, and the words for each."""

from __future__ import annotations

import enum

from counter_app.i18n import QT_TRANSLATE_NOOP


class QueueKind(enum.StrEnum):
    """What waits for a manager, in the queue's order of kinds."""

    APPROVAL = "approval"  # an operation parked for a manager's approval
    COMPENSATION = "compensation"  # compensation asked for a complaint
    REVIEW = "review"  # a conflict the central server found at sync


# The context is the one the catalogs have held these words in.
QUEUE_KIND_LABELS: dict[str, str] = {
    QueueKind.APPROVAL: QT_TRANSLATE_NOOP("ManagerQueueModel", "Approval"),
    QueueKind.COMPENSATION: QT_TRANSLATE_NOOP("ManagerQueueModel", "Compensation"),
    QueueKind.REVIEW: QT_TRANSLATE_NOOP("ManagerQueueModel", "Review"),
}
