"""What the desk keeps about its sync with the central server: enrolment, cursor and last round, review items, codes
scanned at other counters; every call runs on a caller's connection."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, func, select, text

from counter_app.db import meta as store_meta
from counter_app.db.models import ReviewItem

_PREFIX = "sync."  # sync's facts share the store's key/value table with the others

review_items = ReviewItem.__table__


def get_state(connection: Connection, key: str) -> str | None:
    """One fact of the sync (server, token, cursor, last_ok, ...); an emptied one reads as ""."""
    return store_meta.get_meta(connection, _PREFIX + key)


def set_state(connection: Connection, key: str, value: str | float | None) -> None:
    """None empties the fact: it is kept as "" (the key stays, as it always did)."""
    store_meta.set_meta(connection, _PREFIX + key, "" if value is None else str(value))


def store_time(iso: str) -> str:
    """The store's text form of a time (as AwareDateTime writes it), so times sort as text."""
    return dt.datetime.fromisoformat(iso).isoformat(timespec="microseconds")


def save_review_item(connection: Connection, values: dict[str, Any]) -> None:
    """A review item as the server sends it (times as text). A resolution made here stands until the server's
    arrives: an item resolved here stays resolved when the feed still shows it open."""
    connection.execute(
        text(
            "INSERT INTO review_items (id, kind, member_uid, op_id, counter_uid, details, status, created_at, "
            "resolved_by, resolved_at, resolution, resolution_reason) "
            "VALUES (:id, :kind, :member_uid, :op_id, :counter_uid, :details, :status, :created_at, "
            ":resolved_by, :resolved_at, :resolution, :resolution_reason) "
            "ON CONFLICT(id) DO UPDATE SET details = excluded.details, "
            "status = CASE WHEN review_items.status = 'resolved' AND excluded.status = 'open' THEN review_items.status ELSE excluded.status END, "
            "resolved_by = coalesce(excluded.resolved_by, review_items.resolved_by), resolved_at = coalesce(excluded.resolved_at, review_items.resolved_at), "
            "resolution = coalesce(excluded.resolution, review_items.resolution), resolution_reason = coalesce(excluded.resolution_reason, review_items.resolution_reason)"
        ),
        values,
    )


def open_review_count(connection: Connection) -> int:
    count: int = connection.execute(
        select(func.count()).select_from(review_items).where(review_items.c.status == "open")
    ).scalar_one()
    return count


def open_review_items(connection: Connection) -> list[Row[Any]]:
    """id, kind, created_at (as text) and details (JSON text) of the open items, oldest first."""
    return list(
        connection.execute(
            text("SELECT id, kind, created_at, details FROM review_items WHERE status = 'open' ORDER BY id")
        )
    )


def review_item(connection: Connection, review_id: int) -> Row[Any] | None:
    """id, kind, status, resolved_by and resolved_at (as text) of one item."""
    return connection.execute(
        text("SELECT id, kind, status, resolved_by, resolved_at FROM review_items WHERE id = :id"), {"id": review_id}
    ).first()


def mark_review_resolved(
    connection: Connection, review_id: int, resolved_by: str, resolved_at: dt.datetime, outcome: str, reason: str | None
) -> None:
    connection.execute(
        text(
            "UPDATE review_items SET status = 'resolved', resolved_by = :by, resolved_at = :at, resolution = :outcome, "
            "resolution_reason = :reason WHERE id = :id"
        ),
        {
            "by": resolved_by,
            "at": store_time(resolved_at.isoformat()),
            "outcome": outcome,
            "reason": reason,
            "id": review_id,
        },
    )


def note_code_scanned_elsewhere(
    connection: Connection, nonce: str, member_uid: str, step: int, seen_at: dt.datetime, counter_uid: str | None
) -> None:
    """A member code another counter scanned: a copy of it shown here is a replay. Known already: kept as it was."""
    connection.execute(
        text(
            "INSERT OR IGNORE INTO used_codes (nonce, member_uid, step, seen_at, counter_uid) "
            "VALUES (:nonce, :member_uid, :step, :seen_at, :counter_uid)"
        ),
        {
            "nonce": nonce,
            "member_uid": member_uid,
            "step": step,
            "seen_at": seen_at.isoformat(),
            "counter_uid": counter_uid,
        },
    )
