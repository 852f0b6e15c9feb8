"""Queries on the nonces of dynamic member codes already scanned: a code seen twice is a copy."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, text


def seen_nonce(connection: Connection, nonce: str) -> Row[Any] | None:
    """When and at which counter a nonce was first seen (seen_at as text), or None."""
    return connection.execute(
        text("SELECT seen_at, counter_uid FROM used_codes WHERE nonce = :nonce"), {"nonce": nonce}
    ).first()


def remember_nonce(
    connection: Connection, nonce: str, member_uid: str, step: int, seen_at: dt.datetime, counter_uid: str
) -> None:
    connection.execute(
        text(
            "INSERT INTO used_codes (nonce, member_uid, step, seen_at, counter_uid) "
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


def forget_nonces_before(connection: Connection, step: int) -> None:
    """Nonces of codes too old to be accepted anyway need not be kept."""
    connection.execute(text("DELETE FROM used_codes WHERE step < :step"), {"step": step})


def scan_of(connection: Connection, nonce: str) -> Row[Any] | None:
    """The scan that remembered a nonce: whose code, when (seen_at as text) and at which counter; or None."""
    return connection.execute(
        text("SELECT member_uid, seen_at, counter_uid FROM used_codes WHERE nonce = :nonce"), {"nonce": nonce}
    ).first()
