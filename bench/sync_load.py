"""Sync speed against a real central server: a 10,000-operation push, a first pull of many members, 50 counters at once.

    python bench/sync.py                                       all three: the pull with 100,000 members,
                                                               the 50 counters on SQLite and on PostgreSQL
    python bench/sync.py --parts pull --members 1000000        the first pull at the size its goal is set for
    python bench/sync.py --parts concurrent --concurrent-dbs sqlite   the 50 counters on SQLite only
    python bench/sync.py --server-db postgresql                the push and the pull against PostgreSQL

The server is `python -m sync.server` (uvicorn, one worker) in a child process on 127.0.0.1, on
a fresh database: a SQLite file, or a new database on the PostgreSQL server COUNTER_TEST_PG_URL
names (when unset, `bash installer/postgres-for-tests.sh` provides one). Counters are real desks
(signed in, enrolled, their outbox sealed) for the push and the pull; for the 50 counters, threads
with a SyncClient and a device token each. Prints a table of the figures beside their goals.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
# This script shares its name with the `sync` package, and Python puts the script's own folder
# first on the path, where `import sync` would find this file: the project root goes before it.
sys.path.insert(0, str(ROOT))

import requests
from argon2 import PasswordHasher
from benchdesk import BENCH_PIN, BENCH_STAFF, percentile
from faker.providers.person.zh_CN import Provider as ChineseNames
from sqlalchemy import create_engine, insert, select, text, update

from counter_app.db import outbox
from counter_app.domain.members import RegistrationForm, format_member_no
from counter_app.domain.points import points_for
from counter_app.domain.rules import parse_rules
from counter_app.services import auth, members, points, sync
from counter_app.services.desk import Desk, open_desk
from counter_app.services.sync import change_feed
from sync.client import SyncClient, SyncError
from sync.protocol import Op
from sync.server import personal
from sync.server.app import new_enroll_code, token_hash
from sync.server.apply import member_change
from sync.server.schema import change_log, devices, feed_head
from sync.server.schema import members as server_members
from sync.server.store import ServerStore, utc_now

# Every desk here hashes and checks a PIN on set-up: a cheap Argon2 setting, as the tests use, keeps that
# short; hashes carry their parameters, so nothing else changes.
auth.PIN_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

PG_URL_ENV = "COUNTER_TEST_PG_URL"
STORE = "基准商场"
# The rules the server checks the counters' earnings by, when none were published.
SHIPPED_RULES = parse_rules((ROOT / "resources" / "rules.toml").read_text(encoding="utf-8"))
REGISTRY_COUNTER = 9999  # the number the preloaded members carry, apart from every enrolled counter's
LOAD_CHUNK = 50_000

PUSH_GOAL = 10_000 / 5  # ops/s: 10,000 queued operations in 5 s
PULL_GOAL = 1_000_000 / 60  # members/s: a million in a minute
CONCURRENT_GOAL = 2_000  # ops/s over 50 counters
P99_GOAL_MS = 200


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pg_admin_url() -> str:
    url = os.environ.get(PG_URL_ENV)
    if url:
        return url
    done = subprocess.run(
        ["bash", str(ROOT / "installer" / "postgres-for-tests.sh")], check=False, capture_output=True, text=True
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(
            f"no PostgreSQL: set {PG_URL_ENV}, or see why installer/postgres-for-tests.sh failed:\n{done.stderr[-2000:]}"
        )
    url = done.stdout.strip().splitlines()[-1]
    os.environ[PG_URL_ENV] = url  # asked once, not for every part
    return url


@contextlib.contextmanager
def fresh_database(kind: str, folder: Path) -> Iterator[str]:
    """A SQLite file in FOLDER, or a new PostgreSQL database dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'server.db'}"
        return
    admin_url = pg_admin_url()
    name = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def running_server(db_url: str, folder: Path, workers: int = 1) -> Iterator[str]:
    """`counter-server` as an administrator runs it; yields its base URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = folder / "server.log"
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "sync.server", "--db", db_url, "--port", str(port), "--workers", str(workers)],
            cwd=ROOT,
            stdout=log,
            stderr=log,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"counter-server exited: {log_path.read_text(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("counter-server did not start in 30 s")
            try:
                if requests.get(f"{url}/v1/info", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def signed_in_desk(folder: Path) -> Desk:
    desk = open_desk(folder)
    auth.create_first_admin(desk, BENCH_STAFF, "基准测试", BENCH_PIN)
    auth.sign_in(desk, BENCH_STAFF, BENCH_PIN)
    return desk


class Names:
    """Chinese names as the demo data makes them: the pulled members' search index costs what it would."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.surnames = list(ChineseNames.last_names.keys())
        self.given = list(ChineseNames.first_names_female) + list(ChineseNames.first_names_male)

    def __call__(self) -> str:
        return self.rng.choice(self.surnames) + self.rng.choice(self.given)


def bench_push(kind: str, folder: Path, operations: int, seed: int) -> dict[str, float]:
    """One counter with OPERATIONS queued, made through the services as the desk makes them."""
    rng = random.Random(seed)
    name = Names(rng)
    with fresh_database(kind, folder) as db_url:
        store = ServerStore(db_url)
        code = new_enroll_code(store, STORE)
        store.close()
        with running_server(db_url, folder) as server_url:
            desk = signed_in_desk(folder / "counter")
            try:
                sync.enroll(desk, server_url, code)
                # A member in fifty operations: a registration, then earnings from slips.
                registered = [
                    members.register_member(
                        desk, RegistrationForm(phone=f"138{n:08d}", name=name(), gender=rng.choice("FM"), consent=True)
                    ).member_no
                    for n in range(max(1, operations // 50))
                ]
                made = 0
                with desk.store.read() as connection:
                    queued = outbox.pending_count(connection)
                while queued < operations:
                    points.earn_from_slip(
                        desk,
                        registered[made % len(registered)],
                        f"{rng.randint(20, 800)}.{rng.randint(0, 99):02d}",
                        f"SYNC-{made:07d}",
                    )
                    made += 1
                    queued += 1
                pull_started: list[float] = []
                pull = change_feed.pull_changes

                def stamped_pull(*args: object) -> None:
                    pull_started.append(time.perf_counter())
                    pull(*args)

                # sync_once pushes, then pulls back what the push made on the server: the moment
                # the pull begins ends the push phase.
                with mock.patch.object(change_feed, "pull_changes", stamped_pull):
                    started = time.perf_counter()
                    report = sync.sync_once(desk)
                    finished = time.perf_counter()
            finally:
                desk.close()
    push_seconds = pull_started[0] - started
    return {
        "queued": queued,
        "pushed": report.pushed,
        "applied": report.applied,
        "rejected": report.rejected,
        "held": report.held,
        "push_seconds": push_seconds,
        "push_rate": report.applied / push_seconds,
        "pulled_back": report.pulled,
        "sync_seconds": finished - started,
    }


def load_members(store: ServerStore, count: int, seed: int) -> None:
    """COUNT registered members straight into the server's tables, each with the change
    apply.py would have emitted for it, and the feed head moved past them."""
    rng = random.Random(seed)
    name = Names(rng)
    registry_counter = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    registered_at = utc_now() - dt.timedelta(days=30)
    with store.write() as connection:
        head = connection.execute(select(feed_head.c.seq).where(feed_head.c.id == 1)).scalar_one()
        for first in range(0, count, LOAD_CHUNK):
            rows, changes = [], []
            for n in range(first, min(count, first + LOAD_CHUNK)):
                at = (registered_at + dt.timedelta(seconds=n)).isoformat()
                row = {
                    "member_uid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "member_no": format_member_no(REGISTRY_COUNTER, n + 1),
                    "name": name(),
                    "gender": rng.choice("FM"),
                    "birthday": (dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 20_000))).isoformat(),
                    "id_number_sealed": None,
                    "referrer_uid": None,
                    "tier": "regular",
                    "points": 0,
                    "consent_version": "2026-01",
                    "consented_at": at,
                    "registered_at": at,
                    "counter_uid": registry_counter,
                    "erased_at": None,
                }
                row.update(personal.sealed_phone_columns(store.keys, row["member_uid"], f"139{n:08d}"))
                rows.append(row)
                change = personal.without_counter_uids(store.keys, member_change(store.keys, SimpleNamespace(**row)))
                data = json.dumps(change, ensure_ascii=False, separators=(",", ":"))
                changes.append({"seq": head + n + 1, "kind": "member", "key": row["member_uid"], "data": data})
            connection.execute(insert(server_members), rows)
            connection.execute(insert(change_log), changes)
        connection.execute(update(feed_head).where(feed_head.c.id == 1).values(seq=head + count))


def bench_pull(kind: str, folder: Path, count: int, seed: int) -> dict[str, float]:
    """A counter enrolled today on a server that has COUNT members: its first sync, every page."""
    with fresh_database(kind, folder) as db_url:
        store = ServerStore(db_url)
        started = time.perf_counter()
        load_members(store, count, seed)
        load_seconds = time.perf_counter() - started
        code = new_enroll_code(store, STORE)
        store.close()
        with running_server(db_url, folder) as server_url:
            desk = signed_in_desk(folder / "new-counter")
            try:
                sync.enroll(desk, server_url, code)
                started = time.perf_counter()
                report = sync.sync_once(desk)
                seconds = time.perf_counter() - started
                with desk.store.read() as connection:
                    local = connection.exec_driver_sql("SELECT count(*) FROM members").scalar_one()
            finally:
                desk.close()
    return {
        "load_seconds": load_seconds,
        "pulled": report.pulled,
        "local_members": local,
        "pull_seconds": seconds,
        "pull_rate": local / seconds,
    }


def enrol_devices(store: ServerStore, count: int) -> list[tuple[int, str]]:
    """COUNT devices written as POST /v1/enroll writes them: that endpoint lets one address enrol
    ten counters quickly and then one every two seconds, which is not what is measured here."""
    tokens = [secrets.token_urlsafe(32) for _ in range(count)]
    now = utc_now().isoformat()
    with store.write() as connection:
        connection.execute(
            insert(devices),
            [
                {
                    "device_id": secrets.token_hex(8),
                    "counter_uid": str(uuid.uuid4()),
                    "store": STORE,
                    "counter_name": f"基准 {n + 1}",
                    "counter_no": n + 1,
                    "token_hash": token_hash(token),
                    "enrolled_at": now,
                    "revoked": False,
                }
                for n, token in enumerate(tokens)
            ],
        )
    return [(n + 1, token) for n, token in enumerate(tokens)]


class Counter(threading.Thread):
    """One counter pushing small batches: a member's registration, then earnings. Back to back
    (interval 0: what the server can take), or one push every INTERVAL seconds (a given load)."""

    def __init__(
        self,
        server_url: str,
        counter_no: int,
        token: str,
        batch: int,
        start: threading.Barrier,
        window: dict[str, float],
        interval: float = 0.0,
    ) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.phase = random.Random(counter_no).uniform(0, interval)  # counters do not all push on the same tick
        self.client = SyncClient(server_url, token)
        self.counter_no, self.batch, self.start_line, self.window = counter_no, batch, start, window
        self.latencies: list[float] = []
        self.applied = self.rejected = self.failed = 0
        self.seq = 0
        self.finished = 0.0

    def op(self, op_type: str, payload: dict[str, object]) -> Op:
        self.seq += 1
        return Op(op_id=str(uuid.uuid4()), seq=self.seq, type=op_type, at=utc_now(), payload=payload)

    def next_batch(self, member: int) -> list[Op]:
        member_uid = str(uuid.uuid4())
        registration = self.op(
            "member.registered",
            {
                "member_uid": member_uid,
                "member_no": format_member_no(self.counter_no, member),
                "name": "林晓雯",
                "phone": f"13{self.counter_no:04d}{member:05d}",
                "consent_version": "2026-01",
                "consented_at": utc_now().isoformat(),
            },
        )
        # Earnings as a counter makes them: the server recomputes each one's points from its slip.
        earns = []
        for n in range(self.batch - 1):
            amount_fen, at = (10 + n) * 100, utc_now()
            earns.append(
                self.op(
                    "points.earned",
                    {
                        "member_uid": member_uid,
                        "kind": "earn",
                        "delta": points_for(amount_fen, "regular", at.date(), SHIPPED_RULES),
                        "amount_fen": amount_fen,
                        "slip_no": f"C{self.counter_no}-{member}-{n}",
                        "at": at.isoformat(),
                    },
                )
            )
        return [registration, *earns]

    def run(self) -> None:
        member = 1
        ops = self.next_batch(member)
        self.start_line.wait()
        due = self.window["start"] + self.phase
        try:
            while time.perf_counter() < self.window["end"]:
                if self.interval:
                    time.sleep(max(0.0, due - time.perf_counter()))
                    due += self.interval
                sent = time.perf_counter()
                try:
                    answer = self.client.push(ops)
                except SyncError:
                    answer = None
                self.latencies.append(time.perf_counter() - sent)
                if answer is None:
                    self.failed += 1
                else:
                    applied = sum(1 for result in answer.results if result.status == "applied")
                    self.applied += applied
                    self.rejected += len(answer.results) - applied
                member += 1
                ops = self.next_batch(member)
        finally:
            self.client.close()
            self.finished = time.perf_counter()


def bench_concurrent(
    kind: str, folder: Path, counters: int, seconds: float, batch: int, offered: float = 0.0, workers: int = 1
) -> dict[str, float]:
    """COUNTERS enrolled counters pushing at once for SECONDS: throughput and each request's latency.
    OFFERED ops/s in all, spread evenly over the counters; 0: each pushes again as soon as answered."""
    interval = counters * batch / offered if offered else 0.0
    with fresh_database(kind, folder) as db_url:
        store = ServerStore(db_url)
        tokens = enrol_devices(store, counters)
        store.close()
        with running_server(db_url, folder, workers) as server_url:
            window: dict[str, float] = {}

            def open_window() -> None:
                window["start"] = time.perf_counter()
                window["end"] = window["start"] + seconds

            start = threading.Barrier(counters, action=open_window)
            threads = [
                Counter(server_url, counter_no, token, batch, start, window, interval) for counter_no, token in tokens
            ]
            cpu = time.process_time()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            cpu = time.process_time() - cpu
    # Requests still under way when the window closed are counted, so the window runs to the last answer.
    elapsed = max(thread.finished for thread in threads) - window["start"]
    latencies = [sample * 1000 for thread in threads for sample in thread.latencies]
    applied = sum(thread.applied for thread in threads)
    return {
        "requests": len(latencies),
        "applied": applied,
        "rejected": sum(thread.rejected for thread in threads),
        "failed": sum(thread.failed for thread in threads),
        "seconds": elapsed,
        "rate": applied / elapsed,
        "p50_ms": statistics.median(latencies),
        "p99_ms": percentile(latencies, 0.99),
        "max_ms": max(latencies),
        "client_cpu_share": cpu / elapsed,
    }


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    header = ("figure", "measured", "goal", "met")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * width for width in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def verdict(ok: bool) -> str:
    return "yes" if ok else "NO"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--parts", default="push,pull,concurrent", help="which to run, comma-separated (default: all three)"
    )
    parser.add_argument(
        "--operations", type=int, default=10_000, help="operations queued at one counter for the push (default 10,000)"
    )
    parser.add_argument(
        "--members",
        type=int,
        default=100_000,
        help="members a new counter pulls (default 100,000; the goal is for 1,000,000)",
    )
    parser.add_argument(
        "--server-db",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the server's database for the push and the pull",
    )
    parser.add_argument(
        "--concurrent-dbs", default="sqlite,postgresql", help="the server's databases for the counters at once"
    )
    parser.add_argument("--counters", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="how long the counters push at once")
    parser.add_argument("--batch", type=int, default=20, help="operations in each of their pushes")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes for the counters at once (counter-server --workers)"
    )
    args = parser.parse_args()
    parts = {part.strip() for part in args.parts.split(",")}
    concurrent_dbs = [kind.strip() for kind in args.concurrent_dbs.split(",")]
    if parts - {"push", "pull", "concurrent"} or set(concurrent_dbs) - {"sqlite", "postgresql"}:
        parser.error("--parts takes push, pull, concurrent; --concurrent-dbs takes sqlite, postgresql")

    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="desk-sync-bench-") as temporary:
        folder = Path(temporary)
        if "push" in parts:
            print(
                f"push: queueing {args.operations:,} operations at one counter ({args.server_db} server) …",
                file=sys.stderr,
            )
            (folder / "push").mkdir()
            push = bench_push(args.server_db, folder / "push", args.operations, args.seed)
            print(f"push: {push}", file=sys.stderr)
            rows += [
                (
                    f"push {push['pushed']:,} queued ops, one counter ({args.server_db})",
                    f"{push['push_seconds']:.2f} s",
                    f"{args.operations / PUSH_GOAL:.1f} s",
                    verdict(push["push_rate"] >= PUSH_GOAL),
                ),
                (
                    "  push rate",
                    f"{push['push_rate']:,.0f} ops/s",
                    f">= {PUSH_GOAL:,.0f} ops/s",
                    verdict(push["push_rate"] >= PUSH_GOAL),
                ),
                (
                    "  applied / rejected / held",
                    f"{push['applied']:,} / {push['rejected']:,} / {push['held']:,}",
                    f"{push['queued']:,} / 0 / 0",
                    verdict(push["applied"] == push["queued"]),
                ),
                (
                    f"  whole sync_once (pulls back {push['pulled_back']:,} changes)",
                    f"{push['sync_seconds']:.2f} s",
                    "",
                    "",
                ),
            ]
        if "pull" in parts:
            print(f"pull: loading {args.members:,} members into a {args.server_db} server …", file=sys.stderr)
            (folder / "pull").mkdir()
            pull = bench_pull(args.server_db, folder / "pull", args.members, args.seed)
            print(f"pull: {pull}", file=sys.stderr)
            rows += [
                (
                    f"first pull of {args.members:,} members, new counter ({args.server_db})",
                    f"{pull['pull_seconds']:.1f} s",
                    f"{args.members / PULL_GOAL:.1f} s",
                    verdict(pull["pull_rate"] >= PULL_GOAL),
                ),
                (
                    "  pull rate",
                    f"{pull['pull_rate']:,.0f} members/s",
                    f">= {PULL_GOAL:,.0f} members/s",
                    verdict(pull["pull_rate"] >= PULL_GOAL),
                ),
                (
                    "  members at the counter afterwards",
                    f"{pull['local_members']:,}",
                    f"{args.members:,}",
                    verdict(pull["local_members"] == args.members),
                ),
                ("  loading the server (bulk insert, not timed above)", f"{pull['load_seconds']:.1f} s", "", ""),
            ]
        if "concurrent" in parts:
            for kind in concurrent_dbs:
                print(f"concurrent: {args.counters} counters for {args.seconds:g} s against {kind} …", file=sys.stderr)
                (folder / kind).mkdir()
                many = bench_concurrent(
                    kind, folder / kind, args.counters, args.seconds, args.batch, workers=args.workers
                )
                print(f"concurrent {kind}: {many}", file=sys.stderr)
                (folder / f"{kind}-paced").mkdir()
                paced = bench_concurrent(
                    kind,
                    folder / f"{kind}-paced",
                    args.counters,
                    args.seconds,
                    args.batch,
                    offered=CONCURRENT_GOAL,
                    workers=args.workers,
                )
                print(f"concurrent {kind} at {CONCURRENT_GOAL:,} ops/s: {paced}", file=sys.stderr)
                rows += [
                    (
                        f"{args.counters} counters back to back, {args.batch} ops a push ({kind})",
                        f"{many['rate']:,.0f} ops/s",
                        f">= {CONCURRENT_GOAL:,} ops/s",
                        verdict(many["rate"] >= CONCURRENT_GOAL),
                    ),
                    (
                        "  request latency p50 / p99 (queueing at saturation)",
                        f"{many['p50_ms']:.0f} / {many['p99_ms']:.0f} ms",
                        "",
                        "",
                    ),
                    (
                        "  requests / rejected ops / failed requests",
                        f"{many['requests']:,} / {many['rejected']:,} / {many['failed']:,}",
                        "- / 0 / 0",
                        verdict(not many["rejected"] and not many["failed"]),
                    ),
                    ("  load generator's CPU (share of one core)", f"{many['client_cpu_share']:.0%}", "", ""),
                    (
                        f"{args.counters} counters offering {CONCURRENT_GOAL:,} ops/s in all ({kind})",
                        f"{paced['rate']:,.0f} ops/s",
                        f">= {CONCURRENT_GOAL:,} ops/s",
                        verdict(paced["rate"] >= CONCURRENT_GOAL * 0.97),
                    ),
                    (
                        "  request latency p50 / p99",
                        f"{paced['p50_ms']:.0f} / {paced['p99_ms']:.0f} ms",
                        f"p99 <= {P99_GOAL_MS} ms",
                        verdict(paced["p99_ms"] <= P99_GOAL_MS),
                    ),
                    (
                        "  requests / rejected ops / failed requests",
                        f"{paced['requests']:,} / {paced['rejected']:,} / {paced['failed']:,}",
                        "- / 0 / 0",
                        verdict(not paced["rejected"] and not paced["failed"]),
                    ),
                ]
    print(
        f"\nsync benchmark, {os.cpu_count()} CPUs, server: uvicorn on 127.0.0.1, {args.workers} worker(s) for the counters at once\n"
    )
    print_table(rows)


if __name__ == "__main__":
    main()
