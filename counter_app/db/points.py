"""Queries on the points ledger, its lots and the draws on them; every call on a caller's connection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, func, insert, literal_column, select, text, update

from counter_app.db.models import LedgerEntry, LotDraw, Member, PointsLot, TierChange

ledger = LedgerEntry.__table__
lots = PointsLot.__table__
draws = LotDraw.__table__
tier_changes = TierChange.__table__
members = Member.__table__


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
    return connection.execute(
        text("SELECT count(*) FROM ledger WHERE member_id = :m AND kind = 'earn' AND at >= :start AND at < :end"),
        {
            "m": member_id,
            "start": start.isoformat(timespec="microseconds"),
            "end": end.isoformat(timespec="microseconds"),
        },
    ).scalar_one()


def spend_since(connection: Connection, member_id: int, since: dt.datetime) -> int:
    return connection.execute(
        text(
            "SELECT coalesce(sum(amount_fen), 0) FROM ledger WHERE member_id = :m AND kind = 'earn' AND at >= :since "
            "AND entry_id NOT IN (SELECT reverses FROM ledger WHERE member_id = :m AND reverses IS NOT NULL)"
        ),
        {"m": member_id, "since": since.isoformat(timespec="microseconds")},
    ).scalar_one()


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
    return connection.execute(
        text("SELECT coalesce(sum(points), 0) FROM ledger WHERE member_id = :m"), {"m": member_id}
    ).scalar_one()


def balance_from_lots(connection: Connection, member_id: int) -> int:
    return connection.execute(
        text("SELECT coalesce(sum(points_left), 0) FROM points_lots WHERE member_id = :m"), {"m": member_id}
    ).scalar_one()


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
