"""Member events (a mall's activities with check-in points): the states of an event, and the words for each."""

from __future__ import annotations

import enum

from counter_app.i18n import QT_TRANSLATE_NOOP


class EventState(enum.StrEnum):
    """Where an event stands against the clock: check-in opens at its start and closes at its end."""

    UPCOMING = "upcoming"
    OPEN = "open"
    ENDED = "ended"


EVENT_STATE_LABELS: dict[str, str] = {
    EventState.UPCOMING: QT_TRANSLATE_NOOP("MemberEvents", "not started yet"),
    EventState.OPEN: QT_TRANSLATE_NOOP("MemberEvents", "check-in open"),
    EventState.ENDED: QT_TRANSLATE_NOOP("MemberEvents", "ended"),
}
