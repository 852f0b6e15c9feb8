"""Durable earn and redeem speed on a store of a million members; prints its figures as JSON.

    python bench/points.py                      build 1,000,000 demo members in a temporary folder, then measure
    python bench/points.py --data-dir DIR       reuse (and keep) a store, building it only if empty

Each operation is one transaction with its ledger entry, lots, outbox entry and audit entry,
committed with synchronous=FULL, through the service layer as the desk calls it.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchdesk import demo_desk, percentile

from counter_app.services import member_codes, points


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(samples), 3),
        "p99_ms": round(percentile(samples, 0.99), 3),
        "max_ms": round(max(samples), 3),
        "n": len(samples),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--operations", type=int, default=1000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="desk-points-"))
    desk, built = demo_desk(folder, args.members, args.seed)
    rng = random.Random(args.seed)
    figures: dict[str, object] = {"data_dir": str(folder)}
    if built is not None:
        figures["build_seconds"] = built
    try:
        with desk.store.read() as connection:
            total = connection.exec_driver_sql("SELECT max(id) FROM members").scalar()
            numbers = [
                connection.exec_driver_sql("SELECT member_no FROM members WHERE id = ?", (i,)).scalar()
                for i in rng.sample(range(1, total + 1), args.operations)
            ]
        figures["members"] = total
        earn, redeem = [], []
        for n, member_no in enumerate(numbers):
            started = time.perf_counter_ns()
            amount = f"{rng.randint(100, 5000)}.{rng.randint(0, 99):02d}"  # at least 80 points: the redemption below always fits
            points.earn_from_slip(desk, member_no, amount, f"BENCH-{args.seed}-{n}")
            earn.append((time.perf_counter_ns() - started) / 1e6)
        for member_no in numbers:
            # The member's scanned code is made outside the timing: the figure is the redemption's own.
            here = member_codes.prove_presence(desk, member_codes.member_code(desk, member_no))
            started = time.perf_counter_ns()
            points.redeem_cash(desk, member_no, 80, presence=here)
            redeem.append((time.perf_counter_ns() - started) / 1e6)
        figures["durable_earn"] = summary(earn)
        figures["durable_cash_redeem"] = summary(redeem)
    finally:
        desk.close()
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
