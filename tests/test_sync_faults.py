"""Fault tests: lost and duplicated requests, a server restart, counters killed mid-write, offline
clashes. Each prints its figures (pytest -s shows them)."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from counter_app.db.store import STORE_FILE
from counter_app.domain.errors import DeskError
from counter_app.services import members, points, rewards, sync
from tests.conftest import ADMIN, ADMIN_PIN, ROOT, checked_in_at_event, form, vouched
from tests.lossy_proxy import Faults, LossyProxy
from tests.sync_harness import Server, balances, database_for, enrolled_counter, server, server_balances, sqlite_server  # noqa: F401

OPS_PER_COUNTER = int(os.environ.get("COUNTER_FAULT_OPS", "3000"))
KILLS = int(os.environ.get("COUNTER_FAULT_KILLS", "100"))


def random_operation(desk, rng: random.Random, phones: list[str], tag: str, n: int) -> bool:
    """One desk operation of the kinds clerks do most; False when the desk refused it (as it should)."""
    try:
        with desk.store.read() as connection:
            known = [
                row[0]
                for row in connection.exec_driver_sql(
                    "SELECT member_no FROM members WHERE erased_at IS NULL ORDER BY id DESC LIMIT 50"
                )
            ]
        roll = rng.random()
        if roll < 0.15 or not known:
            members.register_member(desk, form(phone=rng.choice(phones), name="测试会员"))
        elif roll < 0.75:
            points.earn_from_slip(desk, rng.choice(known), f"{rng.randint(1, 2000)}.00", f"{tag}-{n}")
        elif roll < 0.95:
            ref = rng.choice(known)
            balance = members.find_member(desk, ref).points
            step = desk.rules.cash_points_per_yuan
            if balance < step:
                return False
            points.redeem_cash(desk, ref, str(rng.randint(1, min(balance, 4000) // step) * step), presence=vouched())
        else:
            ref = rng.choice(known)
            # Each counter its own events: the server gives an event's points once to a member (members registered
            # at two counters offline become one), so a shared code would be a real second claim.
            event = f"EV{tag}-{n}"
            checked_in_at_event(desk, ref, event)
            points.award_activity(desk, ref, event)
        return True
    except DeskError:
        return False


def settle(desks, rounds: int = 20) -> None:
    """Sync every counter until nothing is pending anywhere and each has pulled everything."""
    for _ in range(rounds):
        for desk in desks:
            with contextlib.suppress(DeskError):
                sync.sync_once(desk)
        for desk in desks:
            with contextlib.suppress(DeskError):
                sync.sync_once(desk)
        states = [sync.sync_status(desk) for desk in desks]
        if all(s.pending == 0 and s.cursor == s.head and not s.last_error for s in states):
            return
    raise AssertionError(f"no quiescence: {[(s.pending, s.cursor, s.head, s.last_error) for s in states]}")


def check_agreement(server: Server, desks) -> dict[str, int]:
    made = 0
    refused = 0
    local_entries = 0
    for desk in desks:
        with desk.store.read() as connection:
            made += connection.exec_driver_sql("SELECT COUNT(*) FROM outbox").scalar()
            refused += connection.exec_driver_sql("SELECT COUNT(*) FROM outbox WHERE status = 'rejected'").scalar()
            why = connection.exec_driver_sql(
                "SELECT op_type, substr(reason, 1, 120), COUNT(*) FROM outbox WHERE status = 'rejected' GROUP BY 1, 2 LIMIT 5"
            ).all()
            assert not why, f"an honest counter's operations were refused: {why}"
            local_entries += connection.exec_driver_sql("SELECT COUNT(*) FROM ledger WHERE pulled = 0").scalar()
            assert (
                connection.exec_driver_sql(
                    "SELECT COUNT(*) FROM ledger l LEFT JOIN members m ON m.id = l.member_id WHERE m.id IS NULL"
                ).scalar()
                == 0
            )
            assert (
                connection.exec_driver_sql(
                    "SELECT COUNT(*) FROM members m WHERE points != (SELECT COALESCE(SUM(points), 0) FROM ledger WHERE member_id = m.id)"
                ).scalar()
                == 0
            )
    applied = server.scalar("SELECT COUNT(*) FROM applied_ops")
    assert applied == made, "every operation reached the server exactly once"
    assert refused == 0
    assert server.scalar("SELECT COUNT(*) FROM ledger") == local_entries, "no ledger entry lost or doubled"
    assert (
        server.scalar(
            "SELECT COUNT(*) FROM members WHERE points != (SELECT COALESCE(SUM(delta), 0) FROM ledger WHERE ledger.member_uid = members.member_uid)"
        )
        == 0
    )
    truth = server_balances(server)
    for desk in desks:
        assert balances(desk) == truth
    return {"operations": made, "ledger entries": local_entries, "members": len(truth)}


def test_lost_duplicated_and_delayed_requests_and_a_server_restart_lose_and_double_nothing(sqlite_server, tmp_path):
    faults = Faults()
    proxy = LossyProxy(sqlite_server.port, faults, seed=7)
    proxied = type("Proxied", (), {"url": proxy.url, "enroll_code": sqlite_server.enroll_code})()
    desks = [enrolled_counter(tmp_path / f"c{i}", proxied) for i in range(3)]
    faults.drop_request, faults.lose_response, faults.duplicate, faults.delay = 0.05, 0.20, 0.05, 0.05
    rng = random.Random(42)
    phones = [f"139{n:08d}" for n in rng.sample(range(10**8), 400)]
    started = time.monotonic()
    accepted = [0, 0, 0]
    failed_rounds = 0
    n = 0
    restarted = False
    while min(accepted) < OPS_PER_COUNTER:
        n += 1
        for i, desk in enumerate(desks):
            if accepted[i] < OPS_PER_COUNTER:
                accepted[i] += random_operation(desk, rng, phones, f"C{i}", n)
        if n % 50 == 0:
            for desk in desks:
                try:
                    sync.sync_once(desk)
                except DeskError:
                    failed_rounds += 1
        if not restarted and sum(accepted) >= 3 * OPS_PER_COUNTER // 2:
            sqlite_server.restart()
            restarted = True
    faults.drop_request = faults.lose_response = faults.duplicate = faults.delay = 0.0
    settle(desks)
    figures = check_agreement(sqlite_server, desks)
    print(
        f"\nlossy sync: {figures}, {accepted} operations per counter, proxy {faults.counts}, "
        f"{failed_rounds} failed sync rounds, {time.monotonic() - started:.1f} s"
    )
    assert faults.counts["lost"] > 0 and faults.counts["duplicated"] > 0 and faults.counts["dropped"] > 0
    for desk in desks:
        desk.close()
    proxy.close()


WORKER = r"""
import random, sys
from argon2 import PasswordHasher
from counter_app.services import auth, sync
from counter_app.services.desk import open_desk
from tests.test_sync_faults import random_operation
from counter_app.db.store import STORE_FILE
from counter_app.domain.errors import DeskError
auth.PIN_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
desk = open_desk(__import__("pathlib").Path(sys.argv[1]))
auth.sign_in(desk, sys.argv[2], sys.argv[3])
print("READY", flush=True)
rng = random.Random(int(sys.argv[4]))
phones = [f"137{n:08d}" for n in range(300)]
n = 0
while True:
    n += 1
    if random_operation(desk, rng, phones, f"K{sys.argv[4]}", n):
        with desk.store.read() as c:
            op_id = c.exec_driver_sql("SELECT op_id FROM outbox ORDER BY seq DESC LIMIT 1").scalar()
        print("ACK", op_id, flush=True)  # the clerk would hear "done" now
    if n % 5 == 0:
        try:
            sync.sync_once(desk)
        except DeskError:
            pass
"""


def test_a_counter_killed_at_random_points_keeps_every_acknowledged_operation(sqlite_server, tmp_path):
    folder = tmp_path / "killed"
    desk = enrolled_counter(folder, sqlite_server)
    desk.close()
    rng = random.Random(3)
    acknowledged: set[str] = set()
    started = time.monotonic()
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(folder), ADMIN, ADMIN_PIN, str(kill)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        # Killed while it works, not while it signs in: a sign-in killed half-way counts as a wrong PIN (else
        # killing the process would give unlimited guesses), and five of those in a row lock the account.
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
        time.sleep(rng.uniform(0.1, 1.1))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        acknowledged |= {
            line.split()[1] for line in output.splitlines() if line.startswith("ACK ") and len(line.split()) == 2
        }
        with sqlite3.connect(folder / STORE_FILE) as check:
            assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    elapsed = time.monotonic() - started
    from tests.conftest import signed_in_desk

    desk = signed_in_desk(folder)
    with desk.store.read() as connection:
        kept = {row[0] for row in connection.exec_driver_sql("SELECT op_id FROM outbox")}
    assert acknowledged <= kept, f"{len(acknowledged - kept)} acknowledged operations lost"
    settle([desk])
    at_server = {row[0] for row in sqlite_server.rows("SELECT op_id FROM applied_ops")}
    assert acknowledged <= at_server
    check_agreement(sqlite_server, [desk])
    print(
        f"\nkill -9: {KILLS} kills, {len(acknowledged)} acknowledged operations, all kept and at the server; integrity ok each time; {elapsed:.0f} s"
    )
    desk.close()


def test_offline_registrations_with_duplicate_phones_leave_no_orphans(server, tmp_path):
    desks = [enrolled_counter(tmp_path / f"c{i}", server) for i in range(4)]
    rewards.define_coupon(desks[0], "C10", "¥10 券", "10", "50", 30, "100")
    rng = random.Random(5)
    phones = [f"135{n:08d}" for n in rng.sample(range(10**8), 150)]
    plan = [(phone, i % 4) for i, phone in enumerate(phones)]
    for phone in rng.sample(phones, 50):
        home = next(c for p, c in plan if p == phone)
        plan.append((phone, (home + rng.randint(1, 3)) % 4))
    rng.shuffle(plan)
    for n, (phone, counter) in enumerate(plan):
        desk = desks[counter]
        card = members.register_member(desk, form(phone=phone, name="重复会员"))
        points.earn_from_slip(desk, card.member_no, "300.00", f"R{n}")
        if counter == 0 and n % 3 == 0:
            rewards.redeem_coupon(desk, card.member_no, "C10", presence=vouched())
    assert len(plan) == 200
    settle(desks)
    assert server.scalar("SELECT COUNT(*) FROM members") == 150
    assert server.scalar("SELECT COUNT(*) FROM member_aliases") == 50
    assert (
        server.scalar(
            "SELECT COUNT(*) FROM ledger l LEFT JOIN members m ON m.member_uid = l.member_uid WHERE m.member_uid IS NULL"
        )
        == 0
    )
    assert (
        server.scalar(
            "SELECT COUNT(*) FROM coupons c LEFT JOIN members m ON m.member_uid = c.member_uid WHERE m.member_uid IS NULL"
        )
        == 0
    )
    for desk in desks:
        with desk.store.read() as connection:
            assert connection.exec_driver_sql("SELECT COUNT(*) FROM members").scalar() == 150
            assert (
                connection.exec_driver_sql(
                    "SELECT COUNT(*) FROM coupons c LEFT JOIN members m ON m.id = c.member_id WHERE m.id IS NULL"
                ).scalar()
                == 0
            )
    figures = check_agreement(server, desks)
    print(f"\nduplicates: 200 registrations, 50 duplicate phones → {figures['members']} members, {figures}")
    for desk in desks:
        desk.close()
