"""Queries for the manager's queue: the server's review items still open, and whom they are about."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row


def open_review_items(connection: Connection) -> list[Row[Any]]:
    """id, kind, member_uid, details (JSON text) and created_at (as text) of the open items, oldest first."""
    return list(
        connection.exec_driver_sql(
            "SELECT id, kind, member_uid, details, created_at FROM review_items WHERE status = 'open' ORDER BY id"
        ).all()
    )


def member_no_of_uid(connection: Connection, member_uid: str) -> str | None:
    member_no: str | None = connection.exec_driver_sql(
        "SELECT member_no FROM members WHERE member_uid = ?", (member_uid,)
    ).scalar()
    return member_no
