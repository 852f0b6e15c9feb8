"""What a redemption may spend: online, the server holds the member's points for it; offline, the offline limits
bound it per member, per counter and in time."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from typing import Literal

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


@dataclass(frozen=True)
class Hold:
    """The server's answer for one redemption, asked before its write transaction opens, so that no
    clerk's write waits on the network. `op_id` is the ledger entry the redemption will write."""

    op_id: str
    member_id: int
    points: int
    outcome: Literal["standalone", "held", "refused", "unasked"]  # unasked: offline, or no answer
    available: int | None = None  # refused: what the server says the member may spend now


def ask_hold(desk: Desk, member_id: int, member_uid: str, points: int, *, ask: bool = True) -> Hold:
    """Online, ask the server to keep the points for this redemption (another counter cannot spend them
    meanwhile); `ask` False: the desk itself will refuse it, so the server is not troubled. Reads in its
    own transaction and calls the server outside any: apply_hold uses the answer inside the write."""
    op_id = str(uuid.uuid4())
    with desk.store.read() as connection:
        if not is_enrolled(connection):
            return Hold(op_id, member_id, points, "standalone")
        if not ask or offline_limits(desk, connection) is not None:
            return Hold(op_id, member_id, points, "unasked")
        unsent = ledger.unsent_points(connection, member_id)
        client = client_for(desk, connection, retries=0)
    try:
        answer = client.hold(op_id, member_uid, points, unsent)
    except SyncError as error:
        log.info("no hold for %s: %s; offline limits apply", op_id, error)
        return Hold(op_id, member_id, points, "unasked")
    finally:
        client.close()
    if answer.held:
        return Hold(op_id, member_id, points, "held")
    if answer.known:
        return Hold(op_id, member_id, points, "refused", answer.available)
    return Hold(op_id, member_id, points, "unasked")


def apply_hold(desk: Desk, connection: Connection, hold: Hold, member_id: int, points: int) -> None:
    """Inside the redemption's transaction, before anything is written: a refusal refuses; without a
    hold the offline limits apply, checked against the data as it is now."""
    if (hold.member_id, hold.points) != (member_id, points):
        raise RuntimeError(f"hold {hold.op_id} was asked for other points than this redemption spends")
    if hold.outcome == "held":
        return
    if hold.outcome == "refused":
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The central server shows {available} points this member may spend now (another counter redeemed some); {points} cannot be redeemed.",
            ),
            available=hold.available,
            points=points,
        )
    if hold.outcome == "standalone" and not is_enrolled(connection):
        return
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
