"""How long each manager report takes over a million members and a year of activity; prints its figures as JSON.

    python bench/reports.py                          build 1,000,000 demo members and a year of activity in a temporary folder, then measure
    python bench/reports.py --members 100000         a smaller store
    python bench/reports.py --data-dir DIR           reuse (and keep) a store, building what it lacks

Demo members come with an opening balance only; the year of activity is added here with bulk inserts,
in time order as a desk writes it: about 2 earns per member (a third of members earn nothing), cash,
gift and coupon redemptions, birthday and referral points, expiry at New Year, coupons written off or
withdrawn, and about 20,000 complaints (per million members) with answers, root causes and ratings.
Reports run over the last 365 days, through the service layer as the desk calls them; goal ≤ 5 s each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

from benchdesk import demo_desk

from counter_app.db.meta import get_meta, set_meta
from counter_app.domain import complaints as complaint_rules
from counter_app.services import reports
from counter_app.services.desk import Desk

GOAL_SECONDS = 5.0
BATCH = 100_000
EARNS_PER_MEMBER = (0, 1, 2, 3, 4, 5, 6, 7, 8)
EARN_WEIGHTS = (30, 22, 16, 11, 8, 5, 4, 2, 2)  # mean ≈ 2 a year
COUPONS = {
    "C10": (1000, 10000, 30, 800),
    "C50": (5000, 50000, 60, 3800),
}  # value, minimum spend (fen), days valid, points
CATEGORIES = tuple(complaint_rules.CATEGORIES)  # attitude, response, after_sales, quality, price, environment, other
CATEGORY_WEIGHTS = (25, 15, 20, 18, 8, 9, 5)
ROOT_CAUSES = tuple(complaint_rules.ROOT_CAUSES)


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def add_year_of_activity(desk: Desk, seed: int) -> dict[str, int]:
    """Ledger entries, coupons and complaints for the year up to now; member balances follow."""
    rng = random.Random(seed + 1)
    now = desk.now()
    year_ago = now - dt.timedelta(days=365)
    span = int((now - year_ago).total_seconds())
    new_year = now.replace(month=1, day=1, hour=0, minute=0, second=5, microsecond=0)
    with desk.store.read() as connection:
        members = connection.exec_driver_sql("SELECT id, tier, points FROM members ORDER BY id").all()
        staff = connection.exec_driver_sql("SELECT staff_id FROM staff LIMIT 1").scalar()
    ledger: list[tuple] = []
    coupons: list[tuple] = []
    balances: list[tuple[int, int]] = []

    def moment_after(start: dt.datetime) -> dt.datetime:
        room = max(1, int((now - start).total_seconds()))
        return start + dt.timedelta(seconds=rng.randrange(room), microseconds=rng.randrange(1_000_000))

    for member_id, tier, opening in members:
        balance = opening
        double = 2 if tier in ("gold", "diamond") else 1
        first: dt.datetime | None = None
        for _ in range(rng.choices(EARNS_PER_MEMBER, EARN_WEIGHTS)[0]):
            at = year_ago + dt.timedelta(seconds=rng.randrange(span), microseconds=rng.randrange(1_000_000))
            fen = max(100, int(rng.lognormvariate(10.2, 1.0)))  # a median slip of about ¥270
            points = fen // 100 * double
            first = at if first is None or at < first else first
            ledger.append(
                (
                    _uid(rng),
                    member_id,
                    "earn",
                    points,
                    fen,
                    f"B{seed}-{len(ledger)}",
                    _stamp(at),
                    staff,
                    None,
                    None,
                    None,
                )
            )
            balance += points
        if rng.random() < 0.08:
            ledger.append(
                (
                    _uid(rng),
                    member_id,
                    "birthday",
                    188,
                    None,
                    None,
                    _stamp(moment_after(year_ago)),
                    staff,
                    None,
                    None,
                    None,
                )
            )
            balance += 188
        if rng.random() < 0.02:
            ledger.append(
                (
                    _uid(rng),
                    member_id,
                    "referral",
                    100,
                    None,
                    None,
                    _stamp(moment_after(year_ago)),
                    staff,
                    None,
                    None,
                    None,
                )
            )
            balance += 100
        if opening and year_ago < new_year and rng.random() < 0.04:
            lapsed = max(1, opening // 5)
            ledger.append(
                (_uid(rng), member_id, "expire", -lapsed, None, None, _stamp(new_year), None, None, None, None)
            )
            balance -= lapsed
        if first is not None and balance >= 800 and rng.random() < 0.15:
            points = min(balance // 800, 3) * 800
            ledger.append(
                (
                    _uid(rng),
                    member_id,
                    "cash",
                    -points,
                    None,
                    None,
                    _stamp(moment_after(first)),
                    staff,
                    None,
                    None,
                    None,
                )
            )
            balance -= points
        if first is not None and rng.random() < 0.10:
            type_code = "C50" if balance >= 3800 and rng.random() < 0.3 else "C10"
            value, minimum, days, points = COUPONS[type_code]
            if balance >= points:
                at = moment_after(first)
                entry_id = _uid(rng)
                ledger.append(
                    (
                        entry_id,
                        member_id,
                        "redeem-coupon",
                        -points,
                        None,
                        None,
                        _stamp(at),
                        staff,
                        type_code,
                        type_code,
                        1,
                    )
                )
                balance -= points
                status, used_at, spend = "issued", None, None
                draw = rng.random()
                if draw < 0.55:
                    used = at + dt.timedelta(seconds=rng.randrange(days * 86_400))
                    if used < now:
                        status, used_at, spend = "written_off", _stamp(used), minimum + rng.randrange(50_000)
                elif draw < 0.57:
                    status = "revoked"
                code = "".join(rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", k=16))
                coupons.append(
                    (
                        code,
                        type_code,
                        member_id,
                        value,
                        minimum,
                        (at.date() + dt.timedelta(days=days)).isoformat(),
                        _stamp(at),
                        entry_id,
                        status,
                        used_at,
                        desk.counter_uid if used_at else None,
                        staff if used_at else None,
                        spend,
                    )
                )
        if first is not None and balance >= 1500 and rng.random() < 0.03:
            ledger.append(
                (
                    _uid(rng),
                    member_id,
                    "redeem-gift",
                    -1500,
                    None,
                    None,
                    _stamp(moment_after(first)),
                    staff,
                    "G-UMB",
                    "G-UMB",
                    1,
                )
            )
            balance -= 1500
        if balance != opening:
            balances.append((balance, member_id))
    ledger.sort(key=lambda row: row[6])  # a desk writes its ledger in time order
    coupons.sort(key=lambda row: row[6])
    complaints = _complaints(desk, rng, [m[0] for m in members], year_ago, now, staff)
    for first_row in range(0, max(len(ledger), len(balances), len(coupons)), BATCH):
        with desk.store.write() as connection:
            if ledger[first_row : first_row + BATCH]:
                connection.exec_driver_sql(
                    "INSERT INTO ledger (entry_id, member_id, kind, points, amount_fen, slip_no, at, staff_id, note, item, qty) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ledger[first_row : first_row + BATCH],
                )
            if coupons[first_row : first_row + BATCH]:
                connection.exec_driver_sql(
                    "INSERT INTO coupons (code, type_code, member_id, value_fen, min_spend_fen, valid_until, issued_at, issued_entry_id, status, used_at, used_counter, used_staff, used_spend_fen) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    coupons[first_row : first_row + BATCH],
                )
            if balances[first_row : first_row + BATCH]:
                connection.exec_driver_sql(
                    "UPDATE members SET points = ? WHERE id = ?", balances[first_row : first_row + BATCH]
                )
    with desk.store.write() as connection:
        connection.exec_driver_sql(
            "INSERT INTO complaints (complaint_uid, ticket_no, member_id, walk_in_name, category, severity, description, state, root_cause, rating, "
            "opened_at, due_at, answered_at, resolved_at, closed_at, counter_uid, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            complaints,
        )
        set_meta(connection, "bench.activity", "true")
    return {"ledger_entries_added": len(ledger), "coupons_added": len(coupons), "complaints_added": len(complaints)}


def _complaints(
    desk: Desk, rng: random.Random, member_ids: list[int], since: dt.datetime, now: dt.datetime, staff: str | None
) -> list[tuple]:
    """About 20,000 a year per million members: most answered within the 24-hour promise, some late."""
    count = max(10, len(member_ids) // 50)
    rows = []
    per_day: dict[str, int] = {}
    span = int((now - since).total_seconds())
    for _ in range(count):
        opened = since + dt.timedelta(seconds=rng.randrange(span))
        severity = rng.choices(("low", "normal", "high"), (20, 65, 15))[0]
        due = opened + dt.timedelta(hours=12 if severity == "high" else 24)
        answered = opened + dt.timedelta(hours=rng.lognormvariate(1.8, 0.9))  # a median of about 6 hours
        if answered > now or rng.random() < 0.02:
            answered = None
        state, cause, rating, resolved, closed = (
            ("open" if answered is None else "acknowledged"),
            None,
            None,
            None,
            None,
        )
        if answered is not None:
            resolved = answered + dt.timedelta(hours=rng.lognormvariate(2.5, 1.0))
            if resolved < now and rng.random() < 0.9:
                state = "resolved"
                closed = resolved + dt.timedelta(hours=rng.uniform(1, 72))
                if closed < now and rng.random() < 0.85:
                    state, cause = "closed", rng.choice(ROOT_CAUSES)
                    rating = rng.choices((1, 2, 3, 4, 5), (5, 7, 18, 35, 35))[0] if rng.random() < 0.7 else None
                else:
                    closed = None
            else:
                resolved = None
                state = rng.choice(("acknowledged", "in_progress", "escalated"))
        day = opened.strftime("%Y%m%d")
        per_day[day] = per_day.get(day, 0) + 1
        member = rng.choice(member_ids) if rng.random() < 0.8 else None
        rows.append(
            (
                _uid(rng),
                f"C-{day}-{desk.settings.counter_no:04d}-{per_day[day]:03d}",
                member,
                None if member else "散客",
                rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0],
                severity,
                "基准测试投诉",
                state,
                cause,
                rating,
                _stamp(opened),
                _stamp(due),
                _stamp(answered) if answered else None,
                _stamp(resolved) if resolved else None,
                _stamp(closed) if closed else None,
                desk.counter_uid,
                _stamp(closed or resolved or answered or opened),
            )
        )
    rows.sort(key=lambda row: row[10])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument(
        "--rounds", type=int, default=2, help="runs of each report; the first may read the file from disk"
    )
    args = parser.parse_args()
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="desk-reports-"))
    desk, built = demo_desk(folder, args.members, args.seed)
    figures: dict[str, object] = {"data_dir": str(folder), "goal_seconds": GOAL_SECONDS}
    if built is not None:
        figures["build_members_seconds"] = built
    try:
        with desk.store.read() as connection:
            has_activity = get_meta(connection, "bench.activity") == "true"
        if not has_activity:
            started = time.perf_counter()
            figures.update(add_year_of_activity(desk, args.seed))
            figures["build_activity_seconds"] = round(time.perf_counter() - started, 1)
        with desk.store.read() as connection:
            for table in ("members", "ledger", "coupons", "complaints"):
                figures[f"{table}_rows"] = connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            figures["store_mb"] = round((folder / "desk.sqlite3").stat().st_size / 2**20)
        end = desk.today()
        start = end - dt.timedelta(days=364)
        figures["range"] = [start.isoformat(), end.isoformat()]
        timings: dict[str, dict[str, object]] = {}
        for name, report in reports.REPORTS.items():
            seconds = []
            for _ in range(max(1, args.rounds)):
                began = time.perf_counter()
                result = report(desk, start, end)
                seconds.append(round(time.perf_counter() - began, 3))
            export_dir = Path(tempfile.mkdtemp(prefix="report-export-"))
            began = time.perf_counter()
            reports.export_report(result, export_dir / f"{name}.xlsx")
            exported = round(time.perf_counter() - began, 3)
            timings[name] = {
                "seconds": seconds,
                "worst": max(seconds),
                "met_goal": max(seconds) <= GOAL_SECONDS,
                "xlsx_export_seconds": exported,
            }
        figures["reports"] = timings
    finally:
        desk.close()
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
