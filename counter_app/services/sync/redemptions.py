"""What a redemption may spend: online, the server holds the member's points for it; offline, the offline limits
bound it per member, per counter and in time."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Connection

from counter_app.db import points as ledger
from counter_app.domain.errors import InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.desk import Desk
from counter_app.services.sync.enrolment import client_for, is_enrolled, sync_value
from sync.client import SyncError

log = logging.getLogger(__name__)

ONLINE_WINDOW = dt.timedelta(minutes=2)  # synced this recently: a redemption asks the server to hold its points
# Redemptions a clerk makes; these are what the offline limits bound.
SPENDING_KINDS = ("cash", "gift-out", "redeem-gift", "redeem-coupon")


@dataclass(frozen=True)
class OfflineLimits:
    """What a clerk may still redeem while the server is out of reach; shown on screen."""

    since: str
    until: str
    per_member: int
    counter_left: int
    expired: bool


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def offline_limits(desk: Desk, connection: Connection, assume_offline: bool = False) -> OfflineLimits | None:
    """None while the counter is standalone or online; otherwise what it may still redeem."""
    if not is_enrolled(connection):
        return None
    last_ok = _time(sync_value(connection, "last_ok") or None)
    now = desk.now()
    if last_ok is not None and now - last_ok <= ONLINE_WINDOW and not assume_offline:
        return None
    since = last_ok or _time(sync_value(connection, "enrolled_at")) or now
    rules = desk.rules
    until = since + dt.timedelta(hours=rules.offline_max_hours)
    spent = ledger.spent_here_since(connection, SPENDING_KINDS, since)
    return OfflineLimits(
        since=since.isoformat(timespec="minutes"),
        until=until.isoformat(timespec="minutes"),
        per_member=rules.offline_member_points,
        counter_left=max(0, rules.offline_counter_points - spent),
        expired=now > until,
    )


def reserve_redemption(
    desk: Desk, connection: Connection, member_id: int, member_uid: str, points: int, op_id: str
) -> None:
    """Online, the server keeps the points for this redemption (another counter cannot spend them
    meanwhile); offline, or when the server does not answer at once, the offline limits apply.
    Called inside the redemption's transaction, before anything is written."""
    if not is_enrolled(connection):
        return
    if offline_limits(desk, connection) is None:
        unsent = ledger.unsent_points(connection, member_id)
        client = client_for(desk, connection, retries=0)
        try:
            answer = client.hold(op_id, member_uid, points, unsent)
        except SyncError as error:
            log.info("no hold for %s: %s; offline limits apply", op_id, error)
        else:
            if answer.held:
                return
            if answer.known:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The central server shows {available} points this member may spend now (another counter redeemed some); {points} cannot be redeemed.",
                    ),
                    available=answer.available,
                    points=points,
                )
        finally:
            client.close()
    check_offline_redemption(desk, connection, member_id, points, offline=True)


def check_offline_redemption(
    desk: Desk, connection: Connection, member_id: int, points: int, offline: bool = False
) -> None:
    """Offline, a redemption is bounded per member, per counter and in time, so an overdraw found at
    sync can never exceed the cap. `offline`: the server just failed to answer, whatever the time
    since the last sync."""
    limits = offline_limits(desk, connection, assume_offline=offline)
    if limits is None:
        return
    if limits.expired:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This counter has been offline since {since}; after {hours} hours redemption waits until it syncs again.",
            ),
            since=limits.since.replace("T", " "),
            hours=desk.rules.offline_max_hours,
        )
    member_spent = ledger.spent_here_since(
        connection, SPENDING_KINDS, dt.datetime.fromisoformat(limits.since), member_id
    )
    if member_spent + points > limits.per_member:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Offline, a member may redeem at most {cap} points until the desk syncs; {left} are left for this member.",
            ),
            cap=limits.per_member,
            left=max(0, limits.per_member - member_spent),
        )
    if points > limits.counter_left:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Offline, this counter may redeem {left} more points until it syncs."),
            left=limits.counter_left,
        )
