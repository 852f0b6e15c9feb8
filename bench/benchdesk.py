"""What the benchmarks share: a signed-in desk on a demo store of N members, and percentiles."""

from __future__ import annotations

import time
from pathlib import Path

from counter_app.services import auth
from counter_app.services.demo import make_demo_members
from counter_app.services.desk import Desk, open_desk

BENCH_STAFF, BENCH_PIN = "BENCH", "20261123"


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def demo_desk(folder: Path, members: int, seed: int) -> tuple[Desk, float | None]:
    """Open (signed in as an administrator) and fill with `members` demo members if empty;
    returns the desk and how many seconds the filling took (None when it was full already)."""
    desk = open_desk(folder)
    if not auth.has_staff(desk):
        auth.create_first_admin(desk, BENCH_STAFF, "基准测试", BENCH_PIN)
    auth.sign_in(desk, BENCH_STAFF, BENCH_PIN)
    with desk.store.read() as connection:
        existing = connection.exec_driver_sql("SELECT count(*) FROM members").scalar()
    if existing:
        return desk, None
    start = time.perf_counter()
    make_demo_members(desk, members, seed=seed)
    return desk, round(time.perf_counter() - start, 1)
