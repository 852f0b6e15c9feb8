"""Queries on the approval queue: operations parked for a manager, their sealed parameters and decisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from counter_app.db.models import Approval, table_of

approvals = table_of(Approval)


def add_request(
    connection: Connection, action: str, subject: str | None, requested_by: str, requested_at: dt.datetime
) -> int:
    """A pending request, its parameters still empty: they are sealed with its id (set_params)."""
    key = connection.execute(
        insert(approvals).values(
            action=action, subject=subject, params_sealed=b"", requested_by=requested_by, requested_at=requested_at
        )
    ).inserted_primary_key
    if key is None:
        raise RuntimeError("the approval request was stored without an id")
    approval_id: int = key[0]
    return approval_id


def set_params(connection: Connection, approval_id: int, sealed: bytes) -> None:
    connection.execute(update(approvals).where(approvals.c.id == approval_id).values(params_sealed=sealed))


def pending_requests(connection: Connection) -> list[Row[Any]]:
    """The queue, oldest first."""
    return list(connection.execute(select(approvals).where(approvals.c.status == "pending").order_by(approvals.c.id)))


def sealed_params(connection: Connection, approval_id: int) -> bytes | None:
    params: bytes | None = connection.execute(
        select(approvals.c.params_sealed).where(approvals.c.id == approval_id)
    ).scalar()
    return params


def request_by_id(connection: Connection, approval_id: int) -> Row[Any] | None:
    return connection.execute(select(approvals).where(approvals.c.id == approval_id)).first()


def decide(
    connection: Connection,
    approval_id: int,
    status: str,
    decided_by: str,
    decided_at: dt.datetime,
    reason: str | None = None,
) -> None:
    """Approved, rejected or failed: by whom, when, and (rejected, failed) why."""
    values: dict[str, object] = {"status": status, "decided_by": decided_by, "decided_at": decided_at}
    if reason is not None:
        values["reason"] = reason
    connection.execute(update(approvals).where(approvals.c.id == approval_id).values(**values))
