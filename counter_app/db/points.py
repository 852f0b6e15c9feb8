"""Queries on the points ledger, its lots and the draws on them; every call on a caller's connection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, func, insert, literal_column, select, text, update

from counter_app.db.models import LedgerEntry, LotDraw, Member, PointsLot, TierChange, table_of

ledger = table_of(LedgerEntry)
lots = table_of(PointsLot)
draws = table_of(LotDraw)
tier_changes = table_of(TierChange)
members = table_of(Member)


def add_entry(connection: Connection, **values: Any) -> None:
    connection.execute(insert(ledger).values(**values))


def add_lot(
    connection: Connection,
    member_id: int,
    entry_id: str,
    earned_at: dt.datetime,
    expires_on: dt.date | None,
    points: int,
) -> None:
    connection.execute(
        insert(lots).values(
            member_id=member_id,
            entry_id=entry_id,
            earned_at=earned_at,
            expires_on=expires_on,
            points_initial=points,
            points_left=points,
        )
    )


def open_lots(connection: Connection, member_id: int) -> list[tuple[int, int]]:
    """(lot id, points left), soonest expiry first, lots that never expire last: the FIFO order."""
    return [
        (row.id, row.points_left)
        for row in connection.execute(
            text(
                "SELECT id, points_left FROM points_lots WHERE member_id = :member AND points_left > 0 ORDER BY expires_on IS NULL, expires_on, id"
            ),
            {"member": member_id},
        )
    ]


def draw(connection: Connection, entry_id: str, taken: list[tuple[int, int]]) -> None:
    for lot_id, points in taken:
        connection.execute(update(lots).where(lots.c.id == lot_id).values(points_left=lots.c.points_left - points))
    if taken:
        connection.execute(
            insert(draws), [{"entry_id": entry_id, "lot_id": lot_id, "points": points} for lot_id, points in taken]
        )


def entry_by_slip(connection: Connection, slip_no: str) -> Row[Any] | None:
    return connection.execute(select(ledger).where(ledger.c.slip_no == slip_no)).first()


def earn_count_between(connection: Connection, member_id: int, start: dt.datetime, end: dt.datetime) -> int:
    found: int = connection.execute(
        text("SELECT count(*) FROM ledger WHERE member_id = :m AND kind = 'earn' AND at >= :start AND at < :end"),
        {
            "m": member_id,
            "start": start.isoformat(timespec="microseconds"),
            "end": end.isoformat(timespec="microseconds"),
        },
    ).scalar_one()
    return found


def spend_since(connection: Connection, member_id: int, since: dt.datetime) -> int:
    found: int = connection.execute(
        text(
            "SELECT coalesce(sum(amount_fen), 0) FROM ledger WHERE member_id = :m AND kind = 'earn' AND at >= :since "
            "AND entry_id NOT IN (SELECT reverses FROM ledger WHERE member_id = :m AND reverses IS NOT NULL)"
        ),
        {"m": member_id, "since": since.isoformat(timespec="microseconds")},
    ).scalar_one()
    return found


def set_member_points(connection: Connection, member_id: int, **values: Any) -> None:
    connection.execute(update(members).where(members.c.id == member_id).values(**values))


def add_tier_change(connection: Connection, member_id: int, old: str, new: str, at: dt.datetime, reason: str) -> None:
    connection.execute(
        insert(tier_changes).values(member_id=member_id, old_tier=old, new_tier=new, at=at, reason=reason)
    )


def history(connection: Connection, member_id: int, limit: int) -> list[Row[Any]]:
    # Entries made in the same instant keep the order they were written in (SQLite's rowid).
    return list(
        connection.execute(
            select(ledger)
            .where(ledger.c.member_id == member_id)
            .order_by(ledger.c.at.desc(), literal_column("rowid").desc())
            .limit(limit)
        )
    )


def expiring(connection: Connection, member_id: int, today: dt.date, until: dt.date) -> list[Row[Any]]:
    return list(
        connection.execute(
            text(
                "SELECT expires_on, sum(points_left) AS points FROM points_lots WHERE member_id = :m AND points_left > 0 "
                "AND expires_on >= :today AND expires_on <= :until GROUP BY expires_on ORDER BY expires_on"
            ),
            {"m": member_id, "today": today.isoformat(), "until": until.isoformat()},
        )
    )


def lapsed_lots(connection: Connection, today: dt.date, limit: int) -> list[Row[Any]]:
    """Lots whose last day has passed and still hold points: what the expiry job turns into entries."""
    return list(
        connection.execute(
            text(
                "SELECT id, member_id, points_left, expires_on FROM points_lots WHERE expires_on < :today AND points_left > 0 ORDER BY member_id, id LIMIT :limit"
            ),
            {"today": today.isoformat(), "limit": limit},
        )
    )


def balance_from_entries(connection: Connection, member_id: int) -> int:
    found: int = connection.execute(
        text("SELECT coalesce(sum(points), 0) FROM ledger WHERE member_id = :m"), {"m": member_id}
    ).scalar_one()
    return found


def balance_from_lots(connection: Connection, member_id: int) -> int:
    found: int = connection.execute(
        text("SELECT coalesce(sum(points_left), 0) FROM points_lots WHERE member_id = :m"), {"m": member_id}
    ).scalar_one()
    return found


def has_earned(connection: Connection, member_id: int) -> bool:
    """Whether the member earned from a slip before: the first purchase is what a referral may wait for."""
    found = connection.execute(
        text("SELECT 1 FROM ledger WHERE member_id = :m AND kind = 'earn' LIMIT 1"), {"m": member_id}
    ).first()
    return found is not None


def member_points(connection: Connection, member_id: int) -> int:
    """The member's cached balance, as the ledger's writes keep it."""
    points: int = connection.execute(text("SELECT points FROM members WHERE id = :m"), {"m": member_id}).scalar_one()
    return points


def member_account(connection: Connection, member_id: int) -> Row[Any]:
    """The member a ledger entry or lot belongs to: id, member_uid, member_no and points."""
    return connection.execute(
        text("SELECT id, member_uid, member_no, points FROM members WHERE id = :m"), {"m": member_id}
    ).one()


def redeemed_since(connection: Connection, member_id: int, since: dt.datetime) -> int:
    """Points the member spent (cash, gifts, coupons, gifts to friends) from `since` on, as a positive number."""
    spent: int = connection.execute(
        text(
            "SELECT COALESCE(SUM(points), 0) FROM ledger WHERE member_id = :m "
            "AND kind IN ('cash', 'redeem-gift', 'redeem-coupon', 'gift-out') AND at >= :since"
        ),
        {"m": member_id, "since": since.isoformat(timespec="microseconds")},
    ).scalar_one()
    return -spent


def gifted_since(connection: Connection, member_id: int, since: dt.datetime) -> int:
    """Points the member gave to friends from `since` on, as a positive number."""
    given: int = connection.execute(
        text("SELECT coalesce(sum(points), 0) FROM ledger WHERE member_id = :m AND kind = 'gift-out' AND at >= :since"),
        {"m": member_id, "since": since.isoformat(timespec="microseconds")},
    ).scalar_one()
    return -given


def lot_expiries(connection: Connection, lot_ids: Sequence[int]) -> dict[int, dt.date | None]:
    """The last day of each of these lots (None: the lot never expires)."""
    if not lot_ids:
        return {}
    found = connection.execute(select(lots.c.id, lots.c.expires_on).where(lots.c.id.in_(lot_ids)))
    return {lot_id: expiry for lot_id, expiry in found}


def last_entry_at(
    connection: Connection, member_id: int, kind: str, *, since: dt.date | None = None, item: str | None = None
) -> str | None:
    """When the member's latest entry of `kind` (from `since` on, or for `item`) was made, as stored; None if never."""
    conditions = ["member_id = :m", "kind = :kind"]
    if since is not None:
        conditions.append("at >= :since")
    if item is not None:
        conditions.append("item = :item")
    at: str | None = connection.execute(
        text(f"SELECT at FROM ledger WHERE {' AND '.join(conditions)} ORDER BY at DESC LIMIT 1"),
        {"m": member_id, "kind": kind, "since": since.isoformat() if since else None, "item": item},
    ).scalar()
    return at


def tier_review_candidates(connection: Connection) -> list[Row[Any]]:
    """Members above the first tier, with when they last changed tier (or registered): the anniversary review's list."""
    return list(
        connection.execute(
            text(
                "SELECT m.id, m.member_no, m.member_uid, m.tier, "
                "coalesce((SELECT max(t.at) FROM tier_changes t WHERE t.member_id = m.id), m.registered_at) AS since "
                "FROM members m WHERE m.tier != 'regular' AND m.erased_at IS NULL"
            )
        )
    )


def recent_tier_changes(connection: Connection, member_id: int, limit: int) -> list[Row[Any]]:
    """The member's latest real tier changes (not the reviews that kept a tier), newest first."""
    return list(
        connection.execute(
            text(
                "SELECT old_tier, new_tier, at, reason FROM tier_changes WHERE member_id = :m AND old_tier != new_tier "
                "ORDER BY id DESC LIMIT :limit"
            ),
            {"m": member_id, "limit": limit},
        )
    )


def entry_by_id(connection: Connection, entry_id: str) -> Row[Any] | None:
    """A ledger entry as stored (times as text), for a void to read."""
    return connection.execute(text("SELECT * FROM ledger WHERE entry_id = :e"), {"e": entry_id}).first()


def reversal_of(connection: Connection, entry_id: str) -> Row[Any] | None:
    """The entry that voided `entry_id` (entry_id, at as text), if one did."""
    return connection.execute(text("SELECT entry_id, at FROM ledger WHERE reverses = :e"), {"e": entry_id}).first()


def lots_made_by(connection: Connection, entry_id: str) -> list[Row[Any]]:
    """The lots an entry put points into (id, points_left)."""
    return list(
        connection.execute(text("SELECT id, points_left FROM points_lots WHERE entry_id = :e"), {"e": entry_id})
    )


def draws_by(connection: Connection, entry_id: str) -> list[Row[Any]]:
    """What an entry took from each lot: points, with the lot's expires_on and earned_at as text."""
    return list(
        connection.execute(
            text(
                "SELECT d.points, l.expires_on, l.earned_at FROM lot_draws d JOIN points_lots l ON l.id = d.lot_id "
                "WHERE d.entry_id = :e"
            ),
            {"e": entry_id},
        )
    )


def entry_points(connection: Connection, entry_id: str) -> Row[Any, Any] | None:
    """member_id and points of one ledger entry, or None when the ledger has no such entry."""
    return connection.execute(select(ledger.c.member_id, ledger.c.points).where(ledger.c.entry_id == entry_id)).first()


def has_entry(connection: Connection, entry_id: str) -> bool:
    return connection.execute(select(ledger.c.entry_id).where(ledger.c.entry_id == entry_id)).first() is not None


def unsent_points(connection: Connection, member_id: int) -> int:
    """The sum of the member's entries still waiting in the outbox: what the server has not heard of yet."""
    points: int = connection.execute(
        text(
            "SELECT COALESCE(SUM(l.points), 0) FROM ledger l JOIN outbox o ON o.op_id = l.entry_id "
            "WHERE l.member_id = :m AND o.status = 'pending'"
        ),
        {"m": member_id},
    ).scalar_one()
    return points


def spent_here_since(
    connection: Connection, kinds: Sequence[str], since: dt.datetime, member_id: int | None = None
) -> int:
    """Points spent at this counter (entries made here, not pulled) of these kinds from `since` on, as a positive
    number; of one member, or of everyone."""
    statement = select(func.coalesce(-func.sum(ledger.c.points), 0)).where(
        ledger.c.pulled.is_(False), ledger.c.kind.in_(kinds), ledger.c.at >= since
    )
    if member_id is not None:
        statement = statement.where(ledger.c.member_id == member_id)
    spent: int = connection.execute(statement).scalar_one()
    return spent
