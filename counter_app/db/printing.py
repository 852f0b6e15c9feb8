"""Queries for receipts: the print queue's jobs, and the ledger entries a receipt is built from (its gifts and coupons
come from `counter_app.db.rewards`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from counter_app.db.models import Coupon, LedgerEntry, PrintJob, table_of

jobs = table_of(PrintJob)
coupons = table_of(Coupon)
ledger = table_of(LedgerEntry)

WAITING = ("queued", "printing")


# ---- what a receipt is built from ---------------------------------------------------------------


def ledger_entry(connection: Connection, entry_id: str) -> Row[Any] | None:
    return connection.execute(select(ledger).where(ledger.c.entry_id == entry_id)).first()


def ledger_entries_starting(connection: Connection, prefix: str, limit: int) -> list[Row[Any]]:
    """Entries whose id starts with `prefix` (lower-case hex and dashes), at most `limit` of them."""
    return list(
        connection.execute(
            select(ledger).where(ledger.c.entry_id >= prefix, ledger.c.entry_id < prefix + "g").limit(limit)
        ).all()
    )


# ---- the day summary ------------------------------------------------------------------------------


def ledger_by_kind(connection: Connection, start: dt.datetime, end: dt.datetime) -> list[Row[Any]]:
    """This counter's own entries in [start, end) by kind: kind, n, points, fen (pulled entries left out)."""
    return list(
        connection.exec_driver_sql(
            "SELECT kind, count(*) AS n, coalesce(sum(points), 0) AS points, coalesce(sum(amount_fen), 0) AS fen FROM ledger "
            "WHERE at >= ? AND at < ? AND pulled = 0 GROUP BY kind",
            (start.isoformat(timespec="microseconds"), end.isoformat(timespec="microseconds")),
        )
    )


def registrations_between(connection: Connection, start: dt.datetime, end: dt.datetime) -> int:
    """Members registered at this counter in [start, end), as its outbox has them."""
    registered: int | None = connection.exec_driver_sql(
        "SELECT count(*) FROM outbox WHERE op_type = 'member.registered' AND created_at >= ? AND created_at < ?",
        (start.isoformat(timespec="microseconds"), end.isoformat(timespec="microseconds")),
    ).scalar()
    return registered or 0


def written_off_values(connection: Connection, counter_uid: str, start: dt.datetime, end: dt.datetime) -> list[int]:
    """The value (fen) of each coupon this counter wrote off in [start, end)."""
    return list(
        connection.execute(
            select(coupons.c.value_fen).where(
                coupons.c.status == "written_off",
                coupons.c.used_counter == counter_uid,
                coupons.c.used_at >= start,
                coupons.c.used_at < end,
            )
        )
        .scalars()
        .all()
    )


# ---- the queue ----------------------------------------------------------------------------------


def insert_job(connection: Connection, **values: Any) -> int:
    """A new print job; its id."""
    key = connection.execute(insert(jobs).values(**values)).inserted_primary_key
    if key is None:
        raise RuntimeError("the print job was stored without an id")
    job_id: int = key[0]
    return job_id


def job_by_id(connection: Connection, job_id: int) -> Row[Any] | None:
    return connection.execute(select(jobs).where(jobs.c.id == job_id)).first()


def jobs_of_reference(connection: Connection, reference: str) -> list[Row[Any]]:
    """Every job of one receipt, oldest first."""
    return list(connection.execute(select(jobs).where(jobs.c.reference == reference).order_by(jobs.c.id)).all())


def latest_jobs(connection: Connection, waiting_only: bool, limit: int) -> list[Row[Any]]:
    """The latest jobs first; with `waiting_only`, those still queued or being printed."""
    query = select(jobs).order_by(jobs.c.id.desc()).limit(limit)
    if waiting_only:
        query = query.where(jobs.c.status.in_(WAITING))
    return list(connection.execute(query).all())


def update_job(connection: Connection, job_id: int, **values: Any) -> None:
    connection.execute(update(jobs).where(jobs.c.id == job_id).values(**values))


def update_job_if_printing(connection: Connection, job_id: int, **values: Any) -> None:
    """Change a job only while it is being printed: a manager may have cancelled it meanwhile."""
    connection.execute(update(jobs).where(jobs.c.id == job_id, jobs.c.status == "printing").values(**values))


def make_queued_due(connection: Connection, now: dt.datetime) -> int:
    """Every queued job is due at `now`; how many there are."""
    return connection.execute(update(jobs).where(jobs.c.status == "queued").values(next_attempt_at=now)).rowcount


def requeue_stale(connection: Connection, stale: dt.datetime) -> int:
    """Jobs marked printing since before `stale` go back to the queue as maybe printed; how many."""
    return connection.execute(
        update(jobs)
        .where(jobs.c.status == "printing", jobs.c.next_attempt_at <= stale)
        .values(status="queued", reached_printer=True)
    ).rowcount


def next_due_job_id(connection: Connection, now: dt.datetime) -> int | None:
    """The oldest queued job due by `now` with no earlier job waiting for the same printer (in order per printer)."""
    row = connection.exec_driver_sql(
        "SELECT j.id FROM print_jobs j WHERE j.status = 'queued' AND j.next_attempt_at <= ? AND NOT EXISTS ("
        " SELECT 1 FROM print_jobs e WHERE e.printer_uri = j.printer_uri AND e.status IN ('queued', 'printing') AND e.id < j.id"
        ") ORDER BY j.id LIMIT 1",
        (now.isoformat(timespec="microseconds"),),
    ).first()
    return None if row is None else int(row.id)


def last_copy_no(connection: Connection, reference: str) -> int:
    """The highest copy number printed or queued for a receipt; 0 when none."""
    copy_no: int | None = connection.exec_driver_sql(
        "SELECT max(copy_no) FROM print_jobs WHERE reference = ?", (reference,)
    ).scalar()
    return copy_no or 0


def waiting_count(connection: Connection) -> int:
    waiting: int | None = connection.exec_driver_sql(
        "SELECT count(*) FROM print_jobs WHERE status IN ('queued', 'printing')"
    ).scalar()
    return waiting or 0


def last_printer_state(connection: Connection) -> str | None:
    """What the printer said last, as the latest job that heard from it recorded."""
    state: str | None = connection.exec_driver_sql(
        "SELECT last_state FROM print_jobs WHERE last_state IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).scalar()
    return state


def next_attempt_due(connection: Connection) -> dt.datetime | None:
    """When the soonest queued job is due."""
    due: str | None = connection.exec_driver_sql(
        "SELECT min(next_attempt_at) FROM print_jobs WHERE status = 'queued'"
    ).scalar()
    return None if due is None else dt.datetime.fromisoformat(due)
