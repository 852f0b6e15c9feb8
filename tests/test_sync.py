"""Counters and the central server over real HTTP: enrolment, push, pull, aliases, overdraws, refusals."""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid

import pytest
import requests

from counter_app.domain.errors import InvalidInput, StoreUnavailable
from counter_app.services import members, points, rewards, sync
from sync.client import SyncClient
from sync.protocol import Op
from tests.conftest import ADMIN, NOW, cli_main, form, vouched
from tests.sync_harness import (  # noqa: F401
    BACKENDS,
    Clock,
    Server,
    balances,
    database_for,
    enrolled_counter,
    server,
    server_balances,
    sqlite_server,
)


def test_two_counters_and_the_server_agree_after_sync(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    card = members.register_member(east, form(phone="13800138000", name="张伟"))
    points.earn_from_slip(east, card.member_no, "1000.00", "S-1", "ZARA")
    sync.sync_once(east)
    report = sync.sync_once(west)
    assert report.pulled >= 2
    seen = members.find_member(west, "13800138000")
    assert seen.member_no == card.member_no and seen.points == 1000
    points.redeem_cash(west, card.member_no, "320", presence=vouched())
    sync.sync_once(west)
    sync.sync_once(east)
    assert balances(east) == balances(west) == server_balances(server) == {card.member_no: 680}
    assert server.scalar("SELECT SUM(delta) FROM ledger") == 680
    # Each counter got a number of its own from the server, part of every member number it makes.
    assert {east.settings.counter_no, west.settings.counter_no} == {1, 2}
    east.close()
    west.close()


def test_a_repeated_push_returns_the_stored_result_and_another_body_is_refused(server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", server)
    card = members.register_member(desk, form())
    points.earn_from_slip(desk, card.member_no, "100.00", "S-1")
    sync.sync_once(desk)
    token = sync._client(desk).session.headers["Authorization"].split()[1]
    client = SyncClient(server.url, token)
    member_uid = server.scalar("SELECT member_uid FROM members")
    op = Op(
        op_id=str(uuid.uuid4()),
        seq=99,
        type="points.cash",  # a spend: granted points (activity, birthday, ...) need facts the server checks
        at=NOW,
        payload={"member_uid": member_uid, "kind": "cash", "delta": -80, "points": 80},
        staff_id=ADMIN,  # the desk's administrator, whom its enrolment made known to the server
    )
    first = client.push([op]).results[0]
    again = client.push([op]).results[0]
    assert first.status == again.status == "applied" and first.result == again.result == {"balance": 20}
    other = op.model_copy(update={"payload": {"member_uid": member_uid, "kind": "cash", "delta": -160, "points": 160}})
    refused = client.push([other]).results[0]
    assert refused.status == "rejected" and "different content" in refused.reason
    assert server.scalar("SELECT points FROM members") == 20
    assert server.scalar("SELECT COUNT(*) FROM ledger") == 2
    client.close()
    desk.close()


def test_offline_registrations_of_one_phone_become_one_member(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    first = members.register_member(east, form(phone="13900139000", name="李娜"))
    second = members.register_member(west, form(phone="13900139000", name="李娜"))
    points.earn_from_slip(east, first.member_no, "200.00", "E-1")
    points.earn_from_slip(west, second.member_no, "300.00", "W-1")
    sync.sync_once(east)
    report = sync.sync_once(west)
    assert report.applied == 3 and report.rejected == 0  # with the desk's administrator, who came with enrolment
    assert server.scalar("SELECT COUNT(*) FROM members") == 1
    assert server.scalar("SELECT COUNT(*) FROM member_aliases") == 1
    sync.sync_once(east)
    # West's provisional member became the registry's; its earning followed it.
    merged = members.find_member(west, "13900139000")
    assert merged.member_no == first.member_no and merged.points == 500
    assert balances(east) == balances(west) == server_balances(server) == {first.member_no: 500}
    with west.store.read() as connection:
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM members").scalar() == 1
        assert (
            connection.exec_driver_sql(
                "SELECT COUNT(*) FROM ledger l LEFT JOIN members m ON m.id = l.member_id WHERE m.id IS NULL"
            ).scalar()
            == 0
        )
    east.close()
    west.close()


def test_two_offline_counters_overdraw_at_most_the_cap_and_open_one_review_item(server, tmp_path):
    east_clock, west_clock = Clock(NOW), Clock(NOW)
    east = enrolled_counter(tmp_path / "east", server, east_clock)
    west = enrolled_counter(tmp_path / "west", server, west_clock)
    card = members.register_member(east, form(phone="13700137000"))
    points.earn_from_slip(east, card.member_no, "8000.00", "E-1")
    sync.sync_once(east)
    sync.sync_once(west)
    # The network goes down for both; hours later each spends the same points.
    east_clock.now = west_clock.now = NOW + dt.timedelta(hours=3)
    cap = east.rules.offline_member_points
    step = east.rules.cash_points_per_yuan
    spend = cap // step * step  # as much as the cap allows, in whole yuan
    with pytest.raises(InvalidInput, match=f"at most {cap} points"):
        points.redeem_cash(east, card.member_no, str(spend + step), presence=vouched())
    points.redeem_cash(east, card.member_no, str(spend), presence=vouched())
    points.redeem_cash(west, card.member_no, str(spend), presence=vouched())
    assert sync.sync_status(east).offline is not None
    sync.sync_once(east)
    sync.sync_once(west)
    sync.sync_once(east)
    balance = 8000 - 2 * spend
    assert server_balances(server) == balances(east) == balances(west) == {card.member_no: balance}
    assert -balance <= cap
    items = server.rows("SELECT r.kind, m.member_no FROM review_items r JOIN members m ON m.member_uid = r.member_uid")
    assert items == [("overdraw", card.member_no)]
    [overdraw] = [line for line in sync.review_list(east) if line.source == "server"]
    assert overdraw.what == "Overdraw"
    assert (
        overdraw.details
        == f"Member {card.member_no} spent more than the balance: {8000 - spend} → {balance} points ({-spend})."
    )
    assert sync.sync_status(west).review_open == 1
    east.close()
    west.close()


def test_an_operation_the_server_refuses_is_listed_and_undone_locally(server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", server)
    card = members.register_member(desk, form())
    points.earn_from_slip(desk, card.member_no, "500.00", "S-1")
    sync.sync_once(desk)
    # A write-off of a coupon the server never issued (made here before enrolment, say).
    with desk.store.write() as connection:
        from counter_app.db.outbox import append_op

        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "coupon.written_off",
            {"code": "CPNOSUCH0000", "spend_fen": 100},
            NOW,
        )
        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "points.activity",
            {"member_uid": str(uuid.uuid4()), "kind": "activity", "delta": 5},
            NOW,
        )
    report = sync.sync_once(desk)
    assert report.rejected == 2
    lines = sync.review_list(desk)
    assert [line.kind for line in lines] == ["coupon.written_off", "points.activity"]
    assert lines[0].details.startswith("The server has no coupon CP")
    assert lines[1].what == "Event points" and "has no such member" in lines[1].details
    assert sync.sync_status(desk).rejected == 2
    assert balances(desk) == server_balances(server)
    desk.close()


def test_offline_redemption_is_bounded_in_time_and_by_the_counter_budget(sqlite_server, tmp_path):
    clock = Clock(NOW)
    desk = enrolled_counter(tmp_path / "desk", sqlite_server, clock)
    many = [members.register_member(desk, form(phone=f"1380013{i:04d}", name="王芳")) for i in range(12)]
    for i, card in enumerate(many):
        points.earn_from_slip(desk, card.member_no, "6000.00", f"S-{i}")
    sync.sync_once(desk)
    assert sync.sync_status(desk).online and sync.sync_status(desk).offline is None
    sqlite_server.stop()
    clock.now = NOW + dt.timedelta(minutes=10)
    with pytest.raises(StoreUnavailable):
        sync.sync_once(desk)
    status = sync.sync_status(desk)
    assert not status.online and status.last_error
    assert (
        status.offline.per_member == desk.rules.offline_member_points
        and status.offline.counter_left == desk.rules.offline_counter_points
    )
    budget = desk.rules.offline_counter_points
    spent = 0
    for card in many:
        step = desk.rules.cash_points_per_yuan
        amount = min(desk.rules.offline_member_points, budget - spent) // step * step
        if amount <= 0:
            break
        points.redeem_cash(desk, card.member_no, str(amount), presence=vouched())
        spent += amount
    with pytest.raises(InvalidInput, match=f"this counter may redeem {budget - spent} more points"):
        points.redeem_cash(desk, many[-1].member_no, "160", presence=vouched())
    clock.now = NOW + dt.timedelta(hours=desk.rules.offline_max_hours + 1)
    with pytest.raises(InvalidInput, match="redemption waits until it syncs again"):
        points.redeem_cash(desk, many[0].member_no, "80", presence=vouched())
    # Earning goes on offline, whatever the limits.
    points.earn_from_slip(desk, many[0].member_no, "10.00", "S-late")
    sqlite_server.start()
    sync.sync_once(desk)
    assert sync.sync_status(desk).offline is None and sync.sync_status(desk).pending == 0
    desk.close()


def test_requests_without_a_valid_token_or_too_large_are_refused_with_a_reason(sqlite_server):
    url = sqlite_server.url
    answer = requests.get(f"{url}/v1/changes")
    assert answer.status_code == 401 and "device token" in answer.json()["detail"]
    answer = requests.get(f"{url}/v1/changes", headers={"Authorization": "Bearer forged"})
    assert answer.status_code == 401 and "unknown or revoked" in answer.json()["detail"]
    answer = requests.post(
        f"{url}/v1/push",
        data=b"x" * (3 * 1024 * 1024),
        headers={"Authorization": "Bearer forged", "Content-Type": "application/json"},
    )
    assert answer.status_code == 413 and "larger than" in answer.json()["detail"]
    code = sqlite_server.enroll_code()
    body = {"code": code, "counter_uid": str(uuid.uuid4())}
    assert requests.post(f"{url}/v1/enroll", json=body).status_code == 200
    again = requests.post(f"{url}/v1/enroll", json={**body, "counter_uid": str(uuid.uuid4())})
    assert again.status_code == 403 and "used or expired" in again.json()["detail"]
    assert requests.get(f"{url}/openapi.json").json()["paths"].keys() >= {"/v1/push", "/v1/changes", "/v1/enroll"}


def test_the_command_line_enrols_syncs_and_reports(sqlite_server, tmp_path):
    data = tmp_path / "cli-desk"
    code = sqlite_server.enroll_code("大悦城")
    done = cli_main("enroll", "--server", sqlite_server.url, "--code", code, "--json", data_dir=data)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["store"] == "大悦城"
    assert (
        cli_main(
            "member", "register", "--phone", "13600136000", "--name", "赵敏", "--consent", data_dir=data
        ).returncode
        == 0
    )
    status = json.loads(cli_main("sync", "status", "--json", data_dir=data).stdout)
    assert status["enrolled"] and status["pending"] >= 1
    done = cli_main("sync", "--once", "--json", data_dir=data)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["applied"] >= 1
    status = json.loads(cli_main("sync", "status", "--json", data_dir=data).stdout)
    assert status["pending"] == 0 and status["online"]
    assert sqlite_server.scalar("SELECT name FROM members") == "赵敏"
    sqlite_server.stop()
    offline = cli_main("sync", "--once", data_dir=data)
    assert offline.returncode == 2 and "cannot be reached" in offline.stderr
    refused = cli_main("enroll", "--server", "ftp://x", "--code", "ABCD-EFGH", data_dir=data)
    assert refused.returncode == 2 and "http://" in refused.stderr


def test_the_server_alone_expires_points_and_the_counters_follow(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    card = members.register_member(east, form())
    points.earn_from_slip(east, card.member_no, "500.00", "S-1")
    points.earn_from_slip(east, card.member_no, "100.00", "S-2")
    points.redeem_cash(east, card.member_no, "160", presence=vouched())
    sync.sync_once(east)
    sync.sync_once(west)
    # Counters leave expiry to the server: two counters expiring one lot would take it twice.
    assert points.expire_points(east) == 0
    lapse = server.scalar("SELECT MAX(expires_on) FROM points_lots")
    day_after = (dt.date.fromisoformat(lapse) + dt.timedelta(days=1)).isoformat()
    done = server.command("expire", "--today", day_after)
    assert done.returncode == 0 and done.stdout.startswith("2 lots expired"), done.stderr
    assert server.command("expire", "--today", day_after).stdout.startswith("0 lots expired")
    sync.sync_once(east)
    sync.sync_once(west)
    assert balances(east) == balances(west) == server_balances(server) == {card.member_no: 0}
    assert [line.kind for line in points.history(west, card.member_no)].count("expire") == 2
    assert server.command("expire", "--today", "23/11/2026").returncode == 2
    east.close()
    west.close()


def test_a_slip_earned_at_two_counters_applies_once_each_and_opens_a_review_item(sqlite_server, tmp_path):
    east = enrolled_counter(tmp_path / "east", sqlite_server)
    west = enrolled_counter(tmp_path / "west", sqlite_server)
    card = members.register_member(east, form())
    sync.sync_once(east)
    sync.sync_once(west)
    points.earn_from_slip(east, card.member_no, "100.00", "DUP-1")
    points.earn_from_slip(west, card.member_no, "100.00", "DUP-1")
    sync.sync_once(east)
    sync.sync_once(west)
    sync.sync_once(east)
    assert balances(east) == balances(west) == server_balances(sqlite_server) == {card.member_no: 200}
    [item] = [line for line in sync.review_list(east) if line.source == "server"]
    assert (
        item.what == "Slip earned twice"
        and item.details == f"Slip DUP-1 earned points at two counters (member {card.member_no})."
    )
    east.close()
    west.close()


def test_the_same_field_edited_at_two_counters_keeps_the_servers_value_and_says_so(sqlite_server, tmp_path):
    east = enrolled_counter(tmp_path / "east", sqlite_server)
    west = enrolled_counter(tmp_path / "west", sqlite_server)
    card = members.register_member(east, form(name="张三丰"))
    sync.sync_once(east)
    sync.sync_once(west)
    members.edit_member(east, card.member_no, members.ProfileEdit(name="张三峰", gender="M"))
    members.edit_member(west, card.member_no, members.ProfileEdit(name="张山丰", birthday="1990-05-01"))
    sync.sync_once(east)
    sync.sync_once(west)
    sync.sync_once(east)
    # East changed the name first: it stands. West's other field, untouched elsewhere, applies.
    for desk in (east, west):
        seen = members.find_member(desk, card.member_no)
        assert (seen.name, seen.gender, seen.birthday) == ("张三峰", "M", "1990-05-01")
    assert sqlite_server.scalar("SELECT name FROM members") == "张三峰"
    [item] = [line for line in sync.review_list(west) if line.source == "server"]
    assert item.what == "Profile edited at two counters" and item.details.startswith(
        f"Member {card.member_no}: name changed at another counter first"
    )
    east.close()
    west.close()


def test_an_operation_the_database_cannot_take_now_is_retried_in_order(sqlite_server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", sqlite_server)
    rewards.define_coupon(desk, "C10", "¥10 券", "10", "50", 30, "100")
    card = members.register_member(desk, form())
    points.earn_from_slip(desk, card.member_no, "500.00", "S-1")
    rewards.redeem_coupon(desk, card.member_no, "C10", presence=vouched())
    points.earn_from_slip(desk, card.member_no, "100.00", "S-2")
    with sqlite_server.engine.begin() as connection:  # the coupon table is away for a moment
        connection.exec_driver_sql("ALTER TABLE coupons RENAME TO coupons_away")
    report = sync.sync_once(desk)
    assert (report.applied, report.held, report.rejected) == (0, 1, 0)  # the batch waits, whole and in order
    assert sync.sync_status(desk).pending == 6  # with the administrator's account, sent at enrolment
    assert (
        sqlite_server.scalar("SELECT COUNT(*) FROM applied_ops") == 0
        and sqlite_server.scalar("SELECT COUNT(*) FROM ledger") == 0
    )
    with sqlite_server.engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE coupons_away RENAME TO coupons")
    report = sync.sync_once(desk)
    assert (report.applied, report.held) == (6, 0) and sync.sync_status(desk).pending == 0
    assert sqlite_server.scalar("SELECT COUNT(*) FROM coupons") == 1
    assert balances(desk) == server_balances(sqlite_server)
    desk.close()


def test_a_coupon_written_off_at_two_offline_counters_opens_one_review_item(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    rewards.define_coupon(east, "C10", "¥10 券", "10", "50", 30, "100")
    card = members.register_member(east, form())
    points.earn_from_slip(east, card.member_no, "500.00", "S-1")
    coupon = rewards.redeem_coupon(east, card.member_no, "C10", presence=vouched()).coupon
    sync.sync_once(east)
    sync.sync_once(west)
    rewards.write_off_coupon(east, coupon.code, "80")
    rewards.write_off_coupon(west, coupon.code, "60")
    for desk in (east, west, east):
        sync.sync_once(desk)
    assert server.rows("SELECT kind FROM review_items") == [("double_write_off",)]
    assert server.scalar("SELECT write_offs FROM coupons") == 2
    [item] = [line for line in sync.review_list(east) if line.source == "server"]
    assert (
        item.what == "Coupon used twice"
        and item.details
        == f"Coupon {coupon.code} was written off again at 2026-11-23 10:30; first used at 2026-11-23 10:30."
    )
    assert rewards.show_coupon(west, coupon.code).status == "written_off"
    east.close()
    west.close()


def test_a_clock_more_than_five_minutes_off_is_warned(sqlite_server, tmp_path):
    clock = Clock(dt.datetime.now().astimezone())
    desk = enrolled_counter(tmp_path / "desk", sqlite_server, clock)
    report = sync.sync_once(desk)
    assert abs(report.skew_seconds) < 60 and not sync.sync_status(desk).skew_warning
    clock.now = dt.datetime.now().astimezone() - dt.timedelta(minutes=7)
    report = sync.sync_once(desk)
    assert 400 < report.skew_seconds < 440
    assert sync.sync_status(desk).skew_warning
    desk.close()


def test_a_flood_of_requests_gets_429_with_the_seconds_to_wait(tmp_path):
    from sync.server.app import RateLimit

    limit = RateLimit(rate=2.0, burst=3)
    assert [limit.wait_for("counter-1") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert 0 < limit.wait_for("counter-1") <= 0.5
    assert limit.wait_for("counter-2") == 0.0  # each counter has its own bucket


def test_demo_members_never_reach_the_chain(sqlite_server, tmp_path):
    from counter_app.services import demo
    from tests.conftest import signed_in_desk

    standalone = signed_in_desk(tmp_path / "demo")
    demo.make_demo_members(standalone, 5, seed=1)
    with pytest.raises(InvalidInput, match="holds demo members"):
        sync.enroll(standalone, sqlite_server.url, sqlite_server.enroll_code())
    enrolled = enrolled_counter(tmp_path / "enrolled", sqlite_server)
    with pytest.raises(InvalidInput, match="demo members are only for a desk on its own"):
        demo.make_demo_members(enrolled, 5, seed=1)
    standalone.close()
    enrolled.close()


def test_online_a_redemption_holds_the_points_at_the_server_so_another_counter_cannot_spend_them(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    card = members.register_member(east, form())
    points.earn_from_slip(east, card.member_no, "1000.00", "S-1")
    sync.sync_once(east)
    sync.sync_once(west)
    points.earn_from_slip(east, card.member_no, "200.00", "S-2")  # not pushed yet: the hold counts it
    points.redeem_cash(east, card.member_no, "1120", presence=vouched())  # 1,200 here, 1,000 at the server
    assert server.scalar("SELECT points FROM holds") == 1120
    # West still shows the old balance, but the server says what may be spent now: east's earning
    # is not there yet, its hold is.
    with pytest.raises(InvalidInput, match="The central server shows 0 points this member may spend now"):
        points.redeem_cash(west, card.member_no, "800", presence=vouched())
    sync.sync_once(east)
    assert server.scalar("SELECT COUNT(*) FROM holds") == 0  # spent: the operation released it
    points.redeem_cash(west, card.member_no, "80", presence=vouched())  # west has not pulled yet; the server knows
    for desk in (east, west, east):
        sync.sync_once(desk)
    assert server.scalar("SELECT COUNT(*) FROM holds") == 0  # spent: the operations released them
    assert server.scalar("SELECT COUNT(*) FROM review_items") == 0
    assert balances(east) == balances(west) == server_balances(server) == {card.member_no: 0}
    east.close()
    west.close()


def test_while_a_redemption_waits_for_the_servers_hold_another_write_at_the_desk_goes_ahead(
    sqlite_server, tmp_path, monkeypatch
):
    """The hold is asked before the redemption's transaction opens: a slow server never keeps the
    store's write lock, so a registration at the same desk finishes while the redemption still waits."""
    desk = enrolled_counter(tmp_path / "east", sqlite_server)
    card = members.register_member(desk, form())
    points.earn_from_slip(desk, card.member_no, "1000.00", "S-1")
    sync.sync_once(desk)
    asked, answer_now = threading.Event(), threading.Event()
    real_hold = SyncClient.hold

    def slow_hold(client, *args, **kwargs):
        asked.set()
        answer_now.wait()  # the server "answers" only when the test says so
        return real_hold(client, *args, **kwargs)

    monkeypatch.setattr(SyncClient, "hold", slow_hold)
    redeemed: list[object] = []
    redemption = threading.Thread(
        target=lambda: redeemed.append(points.redeem_cash(desk, card.member_no, "320", presence=vouched()))
    )
    redemption.start()
    registered: list[object] = []
    registration = threading.Thread(
        target=lambda: registered.append(members.register_member(desk, form(phone="13900139000", name="李四")))
    )
    try:
        assert asked.wait(30)
        registration.start()
        registration.join(30)  # a guard against a hang, not a measurement: it returns at once
        assert registered and not answer_now.is_set()  # written while the redemption still waited
        assert redemption.is_alive() and not redeemed
    finally:
        answer_now.set()
        redemption.join()
        if registration.is_alive():
            registration.join()
    assert redeemed and redeemed[0].points == 320
    assert sqlite_server.scalar("SELECT points FROM holds") == 320  # the hold was kept for the entry written
    assert sqlite_server.scalar("SELECT hold_id FROM holds") == redeemed[0].op_id
    sync.sync_once(desk)
    assert sqlite_server.scalar("SELECT COUNT(*) FROM holds") == 0
    assert balances(desk) == server_balances(sqlite_server)
    desk.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_several_server_processes_serve_one_database(backend, tmp_path):
    folder = tmp_path / "server"
    folder.mkdir()
    url, drop = database_for(backend, folder)
    running = Server(url, folder, workers=2)
    try:
        running.start()
        desks = [enrolled_counter(tmp_path / f"c{i}", running) for i in range(3)]
        for i, desk in enumerate(desks):
            card = members.register_member(desk, form(phone=f"1381234000{i}"))
            for n in range(20):
                points.earn_from_slip(desk, card.member_no, "10.00", f"W{i}-{n}")
        for desk in desks + desks:
            sync.sync_once(desk)
        assert running.scalar("SELECT COUNT(*) FROM ledger") == 60
        assert all(balances(desk) == server_balances(running) for desk in desks)
        for desk in desks:
            desk.close()
    finally:
        running.close()
        drop()


def test_the_chains_catalog_reaches_every_counter_and_a_new_version_replaces_it(sqlite_server, tmp_path):
    """Gifts and coupon kinds published at the server arrive whole at a counter, and a later publication
    replaces every field, stock and withdrawal included, while the counter's own coupon kinds stay."""
    desk = enrolled_counter(tmp_path / "east", sqlite_server)
    rewards.define_coupon(desk, "LOCAL5", "本店 5 元券", "5", "50", 30, 400)
    first = {
        "gifts": [{"sku": "G-UMB", "name": "雨伞", "points": 1200, "stock": 30}],
        "coupon_types": [
            {
                "type_code": "C20",
                "title": "20 元券",
                "value_fen": 2000,
                "min_spend_fen": 20000,
                "valid_days": 30,
                "points": 1600,
            }
        ],
    }
    published = tmp_path / "catalog.json"
    published.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    assert sqlite_server.command("catalog", str(published)).returncode == 0
    sync.sync_once(desk)
    assert [(g.sku, g.name, g.points, g.stock) for g in rewards.gift_catalog(desk)] == [("G-UMB", "雨伞", 1200, 30)]
    assert {(k.type_code, k.title, k.value, k.min_spend, k.points) for k in rewards.coupon_kinds(desk)} == {
        ("C20", "20 元券", "20.00", "200.00", 1600),
        ("LOCAL5", "本店 5 元券", "5.00", "50.00", 400),
    }
    second = {
        "gifts": [{"sku": "G-UMB", "name": "折叠雨伞", "points": 1500, "stock": 5, "active": False}],
        "coupon_types": [{**first["coupon_types"][0], "title": "满 300 减 20", "min_spend_fen": 30000}],
    }
    published.write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
    assert sqlite_server.command("catalog", str(published)).returncode == 0
    sync.sync_once(desk)
    assert rewards.gift_catalog(desk) == []  # withdrawn centrally: no longer offered
    assert {(k.type_code, k.title, k.min_spend) for k in rewards.coupon_kinds(desk)} == {
        ("C20", "满 300 减 20", "300.00"),
        ("LOCAL5", "本店 5 元券", "50.00"),
    }
    desk.close()
