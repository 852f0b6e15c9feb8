"""Staff are known to the server: forged pushes with real device tokens, two stores, a central disable, on
SQLite and PostgreSQL, against a real `counter-server` over HTTP."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest

from counter_app import i18n
from counter_app.domain.staff import Actor
from counter_app.services import auth, members, points, sync, voids
from counter_app.services.auth import NotSignedIn
from sync.client import SyncClient
from sync.protocol import Op
from tests.conftest import ADMIN, NOW, form, signed_in_desk
from tests.sync_harness import (  # noqa: F401
    Server,
    balances,
    enrolled_counter,
    server,
    server_balances,
    sqlite_server,
)

OTHER_STORE = "大悦城"
PINS = {"cashier": "482913", "clerk": "573024", "manager": "664135"}


def counter_of(folder: Path, running: Server, store: str):
    desk = signed_in_desk(folder)
    sync.enroll(desk, running.url, running.enroll_code(store))
    return desk


def token_client(desk, running: Server) -> SyncClient:
    """What a dishonest clerk or a stolen PC has: the counter's own device token."""
    return SyncClient(running.url, sync._client(desk).session.headers["Authorization"].split()[1])


def forged(
    op_type: str, payload: dict, staff_id: str | None, authorised_by: str | None = None, at: dt.datetime = NOW
) -> Op:
    return Op(
        op_id=str(uuid.uuid4()),
        seq=900,
        type=op_type,
        at=at,
        payload=payload,
        staff_id=staff_id,
        authorised_by=authorised_by,
    )


def refusal(client: SyncClient, op: Op) -> tuple[str, dict]:
    [result] = client.push([op]).results
    assert result.status == "rejected", result
    return result.code or "", result.params or {}


def test_forged_staff_and_authorisers_are_refused_and_nothing_is_applied(server, tmp_path):
    east = counter_of(tmp_path / "east", server, "万达广场")
    west = counter_of(tmp_path / "west", server, OTHER_STORE)
    for staff_id, name, role in (
        ("C001", "收银员小王", "cashier"),
        ("K001", "服务台小李", "clerk"),
        ("M001", "张经理", "manager"),
    ):
        auth.add_staff(east, staff_id, name, role, PINS[role])
    auth.add_staff(west, "M900", "西店经理", "manager", PINS["manager"])
    card = members.register_member(east, form())
    earned = points.earn_from_slip(east, card.member_no, "500.00", "S-1")
    assert sync.sync_once(east).rejected == 0 and sync.sync_once(west).rejected == 0
    # Each store's accounts are at the server under that store; two first-run administrators share an ID.
    assert sorted(server.rows("SELECT store, staff_id, role FROM staff")) == sorted(
        [
            ("万达广场", ADMIN, "admin"),
            ("万达广场", "C001", "cashier"),
            ("万达广场", "K001", "clerk"),
            ("万达广场", "M001", "manager"),
            (OTHER_STORE, ADMIN, "admin"),
            (OTHER_STORE, "M900", "manager"),
        ]
    )
    member_uid = server.scalar("SELECT member_uid FROM members")
    before = (server_balances(server), server.scalar("SELECT COUNT(*) FROM ledger"))
    client = token_client(east, server)
    earn = {"member_uid": member_uid, "kind": "earn", "delta": 1_000_000, "amount_fen": 100}
    void = {"member_uid": member_uid, "kind": "reversal", "delta": -earned.points, "reverses": earned.op_id}
    minted = {"staff_id": "M666", "name": "假经理", "role": "manager", "pin_hash": "$argon2id$v=19$x", "active": True}
    attacks = [
        (forged("points.earned", earn, "NOBODY"), "unknown_staff", {"staff": "NOBODY", "store": "万达广场"}),
        (forged("points.earned", earn, None), "staff_missing", {}),
        (forged("points.voided", void, "K001", authorised_by="C001"), "not_authorised", {"staff": "C001"}),
        (forged("points.voided", void, "K001"), "not_authorised", {"staff": "K001", "role": "clerk"}),
        (forged("points.voided", void, "K001", authorised_by="M900"), "authoriser_other_store", {"staff": "M900"}),
        (forged("points.voided", void, "M900"), "staff_other_store", {"staff": "M900"}),
        (forged("member.erased", {"member_uid": member_uid}, "C001"), "not_authorised", {"role": "cashier"}),
        (forged("staff.saved", minted, "M666"), "unknown_staff", {"staff": "M666"}),  # the store is not new
        (forged("staff.saved", minted, "K001"), "not_authorised", {"permission": "manage_staff"}),
        (forged("staff.saved", minted, "M001"), "not_authorised", {"role": "manager"}),  # only admins add staff
        (forged("staff.saved", {**minted, "joining": True}, "C001"), "not_authorised", {"staff": "C001"}),
    ]
    for op, code, params in attacks:
        got, said = refusal(client, op)
        assert got == code and params.items() <= said.items(), (op.type, op.staff_id, op.authorised_by, got, said)
    # Disabled at head office: refused from then on, though the counter has not heard yet.
    assert server.command("staff", "disable", "C001", "--store", "万达广场").returncode == 0
    assert refusal(client, forged("points.earned", {**earn, "delta": 5}, "C001"))[0] == "staff_disabled"
    assert (server_balances(server), server.scalar("SELECT COUNT(*) FROM ledger")) == before
    assert server.scalar("SELECT COUNT(*) FROM staff WHERE staff_id = 'M666'") == 0
    assert server.scalar("SELECT erased_at FROM members") is None
    # A real manager of the store authorises the same void: it applies.
    [done] = client.push([forged("points.voided", void, "K001", authorised_by="M001")]).results
    assert done.status == "applied", done
    client.close()
    east.close()
    west.close()


def test_an_operation_a_counter_made_for_staff_the_server_refuses_goes_to_its_review_list(server, tmp_path):
    east = counter_of(tmp_path / "east", server, "万达广场")
    auth.add_staff(east, "M001", "张经理", "manager", PINS["manager"])
    card = members.register_member(east, form())
    earned = points.earn_from_slip(east, card.member_no, "500.00", "S-1")
    sync.sync_once(east)
    # A tampered desk invents a manager the chain never made, and voids with it.
    with east.acting_as(Actor("GHOST", "假经理", "manager")):
        voids.void_operation(east, earned.op_id, "forged")
    # A real manager, disabled at head office while this desk had not pulled yet, voids too.
    assert server.command("staff", "disable", "M001").returncode == 0
    second = points.earn_from_slip(east, card.member_no, "100.00", "S-2")
    with east.acting_as(Actor(ADMIN, "系统管理员", "clerk", authorized_by="M001", authorizer_role="manager")):
        voids.void_operation(east, second.op_id, "disabled manager")
    report = sync.sync_once(east)
    assert report.rejected == 2
    assert server.scalar("SELECT COUNT(*) FROM ledger WHERE reverses IS NOT NULL") == 0
    # Refused voids are undone here as well: the desk and the server agree on the balance.
    assert balances(east) == server_balances(server)
    lines = [line for line in sync.review_list(east) if line.source == "rejected"]
    assert [line.kind for line in lines] == ["points.voided", "points.voided"]
    assert (
        lines[0].details == "The server knows no staff member GHOST at store 万达广场; the operation was not applied."
    )
    assert lines[1].details == "The authorising account M001 is disabled; the operation was not applied."
    i18n.set_language("zh_CN")
    try:
        chinese = [line.details for line in sync.review_list(east) if line.source == "rejected"]
    finally:
        i18n.set_language("en")
    assert chinese == ["服务器上门店 万达广场 没有员工 GHOST；该操作未生效。", "授权账号 M001 已停用；该操作未生效。"]
    east.close()


def test_accounts_reach_the_stores_counters_only_and_a_central_disable_ends_a_session(server, tmp_path):
    east = counter_of(tmp_path / "east", server, "万达广场")
    north = counter_of(tmp_path / "north", server, "万达广场")
    west = counter_of(tmp_path / "west", server, OTHER_STORE)
    auth.add_staff(east, "M001", "张经理", "manager", PINS["manager"])
    server.add_staff("HQ01", "manager", store=None, pin="975310")  # head office, chain-wide
    for desk in (east, north, west, east, north, west):
        sync.sync_once(desk)
    # A manager made at one counter signs in at another counter of the same store, with the same PIN.
    assert auth.sign_in(north, "M001", PINS["manager"]).role == "manager"
    card = members.register_member(north, form())
    # The other store's counter never holds the store's PIN hashes; it holds head office's account.
    with west.store.read() as connection:
        west_staff = {row[0] for row in connection.exec_driver_sql("SELECT staff_id FROM staff")}
    assert west_staff == {ADMIN, "HQ01"}
    assert sync.sync_status(west).cursor == server.scalar("SELECT seq FROM feed_head")  # passed over, not stuck
    # Head office's chain-wide manager authorises at any store.
    auth.sign_in(west, "HQ01", "975310")
    west_card = members.register_member(west, form(phone="13700137000"))
    earned = points.earn_from_slip(west, west_card.member_no, "100.00", "W-1")
    voids.void_operation(west, earned.op_id, "wrong slip")
    assert sync.sync_once(west).rejected == 0
    assert server.scalar("SELECT COUNT(*) FROM ledger WHERE reverses IS NOT NULL") == 1
    # Disabled centrally: on the next pull, disabled at every counter of the store, and the session ends.
    done = server.command("staff", "disable", "M001", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["active"] is False
    sync.sync_once(north)
    with pytest.raises(NotSignedIn, match="M001 is disabled"):
        members.find_member(north, card.member_no)
    assert north.session is None
    with pytest.raises(auth.NotPermitted, match="Unknown staff ID or wrong PIN"):
        auth.sign_in(north, "M001", PINS["manager"])
    sync.sync_once(east)
    with east.store.read() as connection:
        assert connection.exec_driver_sql("SELECT active FROM staff WHERE staff_id = 'M001'").scalar() == 0
    # Enabled again, it works again after the next pull.
    assert server.command("staff", "enable", "M001").returncode == 0
    sync.sync_once(north)
    assert auth.sign_in(north, "M001", PINS["manager"]).staff_id == "M001"
    for desk in (east, north, west):
        desk.close()


def test_old_outbox_entries_without_staff_pass_only_until_the_counter_names_its_staff(sqlite_server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", sqlite_server)
    members.register_member(desk, form())
    sync.sync_once(desk)
    member_uid = sqlite_server.scalar("SELECT member_uid FROM members")
    client = token_client(desk, sqlite_server)
    slips = iter(range(1, 10))

    def earn() -> dict:
        # A ¥10 slip, earned by the rules: the server's rules checks are not what this test is about.
        return {
            "member_uid": member_uid,
            "kind": "earn",
            "delta": 10,
            "amount_fen": 1000,
            "slip_no": f"S-{next(slips)}",
        }

    # A device enrolled since the server knew staff must always name them.
    assert refusal(client, forged("points.earned", earn(), None))[0] == "staff_missing"
    # One enrolled before (as migration s0007 marks them) has older entries naming nobody: they pass ...
    with sqlite_server.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE devices SET accepts_unstaffed = 1")
    [old] = client.push([forged("points.earned", earn(), None)]).results
    assert old.status == "applied"
    # ... until its first entry that names somebody; from then on, none without.
    [named] = client.push([forged("points.earned", earn(), ADMIN)]).results
    assert named.status == "applied"
    assert refusal(client, forged("points.earned", earn(), None))[0] == "staff_missing"
    assert sqlite_server.scalar("SELECT accepts_unstaffed FROM devices") == 0
    client.close()
    desk.close()


def test_counter_server_staff_commands(sqlite_server):
    run = sqlite_server.command
    pin = {"COUNTER_PIN": "246813"}
    added = run("staff", "add", "hq01", "--name", "总部经理", "--role", "manager", "--chain-wide", "--json", env=pin)
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout) | {"updated_at": None} == {
        "staff_id": "HQ01",
        "name": "总部经理",
        "role": "manager",
        "store": None,
        "chain_wide": True,
        "active": True,
        "updated_at": None,
        "updated_by": "server",
    }
    assert (
        run("staff", "add", "S001", "--name", "店长", "--role", "admin", "--store", "万达广场", env=pin).returncode == 0
    )
    # A store's account may not take a chain-wide ID; the same ID twice at a store is a conflict.
    clash = run("staff", "add", "HQ01", "--name", "别人", "--role", "clerk", "--store", "万达广场", env=pin)
    assert clash.returncode == 5 and "exists already (chain-wide)" in clash.stderr
    again = run("staff", "add", "S001", "--name", "别人", "--role", "clerk", "--store", "万达广场", env=pin)
    assert again.returncode == 5 and "at store 万达广场" in again.stderr
    for bad, why in (
        (("--role", "clerk", "--store", "万达广场", "--name", "x"), "A PIN has 4 to 12 digits"),
        (("--role", "clerk", "--name", "x"), "--store"),
    ):
        done = run("staff", "add", "S002", *bad, env={"COUNTER_PIN": "12"})
        assert done.returncode == 2 and why in done.stderr and "Traceback" not in done.stderr, done.stderr
    bad_id = run("staff", "add", "!", "--name", "x", "--role", "clerk", "--store", "万达广场", env=pin)
    assert bad_id.returncode == 2 and "A staff ID is 2 to 20" in bad_id.stderr
    listed = json.loads(run("staff", "list", "--json").stdout)
    assert [(row["staff_id"], row["store"], row["active"]) for row in listed] == [
        ("HQ01", None, True),
        ("S001", "万达广场", True),
    ]
    assert "PIN" not in run("staff", "list").stdout and "argon2" not in run("staff", "list", "--json").stdout
    disabled = run("staff", "disable", "S001")
    assert disabled.returncode == 0 and "disabled" in disabled.stdout
    assert run("staff", "disable", "NOBODY").returncode == 4
    assert json.loads(run("staff", "enable", "S001", "--json").stdout)["active"] is True
    # Each change reached the feed for its store only; the chain-wide account for everyone.
    assert sqlite_server.rows("SELECT kind, key, store FROM change_log ORDER BY seq") == [
        ("staff", "HQ01", None),
        ("staff", "S001", "万达广场"),
        ("staff", "S001", "万达广场"),
        ("staff", "S001", "万达广场"),
    ]


def test_a_counter_enrolled_before_accounts_travelled_sends_them_after_its_older_entries(sqlite_server, tmp_path):
    from counter_app.db import staff as staff_rows
    from counter_app.services.sync.enrolment import set_sync_value

    desk = enrolled_counter(tmp_path / "desk", sqlite_server)
    sync.sync_once(desk)
    # As the desk was before the upgrade: an account the server never heard of, an entry naming nobody.
    with desk.store.write() as connection:
        set_sync_value(connection, "staff_sent", None)
        staff_rows.insert_staff(connection, "K009", "老员工", "clerk", auth.PIN_HASHER.hash(PINS["clerk"]), NOW)
    members.register_member(desk, form())
    with desk.store.write() as connection:
        connection.exec_driver_sql("UPDATE outbox SET staff_id = NULL WHERE status = 'pending'")
    with sqlite_server.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE devices SET accepts_unstaffed = 1")
    report = sync.sync_once(desk)
    assert (report.applied, report.rejected) == (3, 0)  # the registration, then ADMIN (known) and K009
    assert sqlite_server.rows("SELECT staff_id, role FROM staff ORDER BY staff_id") == [
        (ADMIN, "admin"),
        ("K009", "clerk"),
    ]
    assert sqlite_server.scalar("SELECT accepts_unstaffed FROM devices") == 0
    assert sync.sync_once(desk).pushed == 0  # sent once
    desk.close()


def test_a_limit_published_while_the_server_runs_holds_for_the_next_push(server, tmp_path):
    """The approval limit is read from the rules in force at each push, not once per database connection:
    a chain lowering it with `counter-server rules` is obeyed by a server already running, for operations made
    after it took effect (an earlier one keeps the limit of its own time)."""
    east = counter_of(tmp_path / "east", server, "万达广场")
    auth.add_staff(east, "K001", "服务台小李", "clerk", PINS["clerk"])
    card = members.register_member(east, form())
    points.earn_from_slip(east, card.member_no, "500.00", "S-1")
    assert sync.sync_once(east).rejected == 0
    member_uid = server.scalar("SELECT member_uid FROM members")
    client = token_client(east, server)
    cash = {"member_uid": member_uid, "kind": "cash", "delta": -80, "note": "¥1"}
    for _ in range(3):  # the pool's connections have all answered a push under the shipped limit (40,000 points)
        [spent] = client.push([forged("points.cash", cash, "K001")]).results
        assert spent.status == "applied", spent
    shipped = (Path(__file__).resolve().parents[1] / "resources" / "rules.toml").read_text(encoding="utf-8")
    lowered = tmp_path / "rules.toml"
    lowered.write_text(shipped.replace("redeem_points_over = 40000", "redeem_points_over = 50"), encoding="utf-8")
    assert server.command("rules", str(lowered)).returncode == 0
    before = server_balances(server)
    after_it = dt.datetime.now(dt.UTC)  # the rules in force at an operation's time decide: one made after publishing
    for _ in range(3):
        code, said = refusal(client, forged("points.cash", cash, "K001", at=after_it))
        assert code == "not_authorised" and said["staff"] == "K001", said
    assert server_balances(server) == before
    # Made before the new limit took effect, by the rules the counter had then: applied.
    [earlier] = client.push([forged("points.cash", cash, "K001")]).results
    assert earlier.status == "applied", earlier
    client.close()
    east.close()
