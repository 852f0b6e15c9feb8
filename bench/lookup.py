"""Lookup and registration speed on a store of a million members; prints its figures as JSON.

    python bench/lookup.py                      build 1,000,000 demo members in a temporary folder, then measure
    python bench/lookup.py --members 100000     a smaller store
    python bench/lookup.py --data-dir DIR       measure (and keep) a store in DIR, building it only if empty

Every figure goes through the service layer, as the desk's search box and CLI use it: signed in,
with phone numbers sealed and found through blind indexes, and each write audited.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import namedtuple
from pathlib import Path

from benchdesk import demo_desk, percentile

from counter_app.db.sealing import phone_context, unseal
from counter_app.domain.members import RegistrationForm
from counter_app.domain.search import pinyin_initials
from counter_app.services import members
from counter_app.services.demo import MOBILE_PREFIXES


def timed(fn, inputs) -> list[float]:
    """Milliseconds per call."""
    results = []
    for item in inputs:
        start = time.perf_counter_ns()
        fn(item)
        results.append((time.perf_counter_ns() - start) / 1e6)
    return results


def summary(samples: list[float], high: float) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(samples), 4),
        f"p{int(high * 100)}_ms": round(percentile(samples, high), 4),
        "max_ms": round(max(samples), 4),
        "n": len(samples),
    }


def rss_mb() -> dict[str, float]:
    current = 0.0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    return {
        "rss_mb": round(current, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--registrations", type=int, default=500)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="desk-bench-"))
    desk, built = demo_desk(folder, args.members, args.seed)
    figures: dict[str, object] = {"data_dir": str(folder)}
    if built is not None:
        figures["build_seconds"] = built
    rng = random.Random(args.seed)
    try:
        with desk.store.read() as connection:
            figures["members"] = connection.exec_driver_sql("SELECT count(*) FROM members").scalar()
        desk.store.checkpoint()
        figures["store_mb"] = round(desk.store.path.stat().st_size / 2**20, 1)
        with desk.store.read() as connection:
            total = connection.exec_driver_sql("SELECT max(id) FROM members").scalar()
            ids = rng.sample(range(1, total + 1), min(args.samples, total))
            stored = [
                connection.exec_driver_sql(
                    "SELECT member_uid, phone_sealed, member_no, name FROM members WHERE id = ?", (i,)
                ).one()
                for i in ids
            ]
        Sample = namedtuple("Sample", "phone member_no name")
        rows = [
            Sample(unseal(desk.store.keys, r.phone_sealed, phone_context(r.member_uid)), r.member_no, r.name)
            for r in stored
        ]
        phones = [row.phone for row in rows]
        numbers = [row.member_no for row in rows]
        names = [row.name for row in rows]
        given_names = [row.name[1:] for row in rows]  # a fragment: the given name, one or two characters
        initials = [pinyin_initials(row.name)[0] for row in rows]
        tails = [row.phone[-4:] for row in rows]

        timed(lambda p: members.find_member(desk, p), phones[:200])  # warm the page cache and the pools
        figures["lookup_by_phone"] = summary(timed(lambda p: members.find_member(desk, p), phones), 0.99)
        figures["lookup_by_member_no"] = summary(timed(lambda n: members.find_member(desk, n), numbers), 0.99)
        figures["search_box_whole_phone"] = summary(timed(lambda p: members.search_members(desk, p), phones), 0.99)
        figures["search_name_full"] = summary(timed(lambda n: members.search_members(desk, n), names), 0.95)
        figures["search_name_fragment"] = summary(timed(lambda n: members.search_members(desk, n), given_names), 0.95)
        figures["search_pinyin_initials"] = summary(timed(lambda i: members.search_members(desk, i), initials), 0.95)
        figures["search_phone_tail"] = summary(timed(lambda t: members.search_members(desk, t), tails), 0.95)
        surname_tails = [f"{row.name[0]} {row.phone[-4:]}" for row in rows]  # "张 8000": the commonest surnames too
        figures["search_surname_with_tail"] = summary(
            timed(lambda q: members.search_members(desk, q), surname_tails), 0.95
        )

        taken = set(phones)
        new_phones = []
        while len(new_phones) < args.registrations:
            phone = f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**8):08d}"
            if phone not in taken:
                taken.add(phone)
                new_phones.append(phone)
        registered = []

        def register(phone: str) -> None:
            try:
                registered.append(
                    members.register_member(
                        desk, RegistrationForm(phone=phone, name="林晓雯", gender="F", consent=True)
                    )
                )
            except Exception as error:  # a demo member may own the phone already: counted, not timed apart
                registered.append(error)

        figures["durable_registration"] = summary(timed(register, new_phones), 0.99)
        figures["registration_conflicts"] = sum(1 for r in registered if isinstance(r, Exception))
        figures.update(rss_mb())
    finally:
        desk.close()
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
