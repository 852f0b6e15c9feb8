"""Queries on member events and their sign-ups; times are read back as the text AwareDateTime wrote."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row


def event_by_code(connection: Connection, code: str) -> Row[Any] | None:
    return connection.exec_driver_sql("SELECT * FROM member_events WHERE code = ?", (code,)).first()


def all_events(connection: Connection) -> list[Row[Any]]:
    """Every event, the soonest to start first."""
    return list(connection.exec_driver_sql("SELECT * FROM member_events ORDER BY starts_at, code").all())


def insert_event(
    connection: Connection,
    code: str,
    title: str,
    starts_at: str,
    ends_at: str,
    points: int,
    capacity: int | None,
    created_at: str,
    created_by: str | None,
) -> None:
    connection.exec_driver_sql(
        "INSERT INTO member_events (code, title, starts_at, ends_at, points, capacity, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (code, title, starts_at, ends_at, points, capacity, created_at, created_by),
    )


def places_taken(connection: Connection, code: str) -> int:
    taken: int = connection.exec_driver_sql(
        "SELECT COUNT(*) FROM event_signups WHERE event_code = ?", (code,)
    ).scalar_one()
    return taken


def signup_counts(connection: Connection, code: str) -> tuple[int, int]:
    """(signed up, checked in) for one event."""
    signed, checked = connection.exec_driver_sql(
        "SELECT COUNT(*), COUNT(checked_in_at) FROM event_signups WHERE event_code = ?", (code,)
    ).one()
    return int(signed), int(checked)


def signup_of(connection: Connection, code: str, member_id: int) -> Row[Any] | None:
    """The member's sign-up for the event (signed_up_at, checked_in_at), if there is one."""
    return connection.exec_driver_sql(
        "SELECT signed_up_at, checked_in_at FROM event_signups WHERE event_code = ? AND member_id = ?",
        (code, member_id),
    ).first()


def insert_signup(connection: Connection, code: str, member_id: int, signed_up_at: str) -> None:
    connection.exec_driver_sql(
        "INSERT INTO event_signups (event_code, member_id, signed_up_at) VALUES (?, ?, ?)",
        (code, member_id, signed_up_at),
    )


def mark_checked_in(connection: Connection, code: str, member_id: int, at: str, entry_id: str | None) -> None:
    connection.exec_driver_sql(
        "UPDATE event_signups SET checked_in_at = ?, entry_id = ? WHERE event_code = ? AND member_id = ?",
        (at, entry_id, code, member_id),
    )


def first_activity_points_at(connection: Connection, member_id: int, code: str) -> str | None:
    """When the member was first given the event's activity points, at any counter of the chain (pulled too)."""
    at: str | None = connection.exec_driver_sql(
        "SELECT at FROM ledger WHERE member_id = ? AND kind = 'activity' AND item = ? ORDER BY at LIMIT 1",
        (member_id, code),
    ).scalar()
    return at
