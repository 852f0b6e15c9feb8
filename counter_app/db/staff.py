"""Queries on staff accounts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, update

from counter_app.db.models import Staff, table_of

staff = table_of(Staff)


def staff_by_id(connection: Connection, staff_id: str) -> Row[Any] | None:
    return connection.execute(select(staff).where(staff.c.staff_id == staff_id)).first()


def staff_count(connection: Connection) -> int:
    return connection.execute(select(func.count()).select_from(staff)).scalar_one()


def insert_staff(connection: Connection, staff_id: str, name: str, role: str, pin_hash: str, now: dt.datetime) -> None:
    connection.execute(
        insert(staff).values(staff_id=staff_id, name=name, role=role, pin_hash=pin_hash, created_at=now, updated_at=now)
    )


def update_staff(connection: Connection, staff_id: str, **values: Any) -> None:
    connection.execute(update(staff).where(staff.c.staff_id == staff_id).values(**values))


def all_staff(connection: Connection) -> list[Row[Any]]:
    return list(connection.execute(select(staff).order_by(staff.c.staff_id)))


def save_pulled_staff(connection: Connection, data: dict[str, Any], now: dt.datetime) -> None:
    """An account as the server keeps it (from the change feed): name, role, PIN hash and whether it is active;
    this desk's own lockout count stays as it is."""
    values = {"name": data["name"], "role": data["role"], "pin_hash": data["pin_hash"], "active": bool(data["active"])}
    if staff_by_id(connection, data["staff_id"]) is None:
        connection.execute(insert(staff).values(staff_id=data["staff_id"], **values, created_at=now, updated_at=now))
    else:
        update_staff(connection, data["staff_id"], **values, updated_at=now)
