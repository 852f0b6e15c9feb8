"""Members' personal data at the central server, tried as an attacker would: the feed read with a real device
token, server.db read and copied, a second counter looking a typed phone up offline, "show full number"."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
import subprocess
import sys
import uuid
from contextlib import closing
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.staff import NotPermitted
from counter_app.i18n import set_language
from counter_app.services import auth, complaints, members, points, privacy, sync
from counter_app.services.members import ProfileEdit
from sync.client import SyncClient
from sync.server.personal import KeyProblem, opened_id_number, opened_phone
from sync.server.store import ServerStore
from tests.conftest import ROOT, form
from tests.sync_harness import Server, database_for, enrolled_counter, server  # noqa: F401

PHONE, OTHER_PHONE, ID_NUMBER = "13912345678", "13787654321", "11010519491231002X"
MANAGER, CLERK, PIN = "M-0001", "C-0001", "135790"


def device_token(desk) -> str:
    return sync._client(desk).session.headers["Authorization"].split()[1]


def whole_feed(server: Server, token: str) -> list[dict]:
    changes, after = [], 0
    while True:
        page = requests.get(
            f"{server.url}/v1/changes",
            params={"after": after},
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        ).json()
        changes += page["changes"]
        after = page["cursor"]
        if not page["more"]:
            return changes


def busy_chain(server: Server, tmp_path: Path):
    """East registers a member with phone and ID number and does what desks do (earn, coupon, complaint,
    edit); west is a second counter of the chain."""
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    card = members.register_member(east, form(phone=PHONE, name="张伟", id_number=ID_NUMBER, birthday="1949-12-31"))
    members.register_member(east, form(phone=OTHER_PHONE, name="李娜"))
    points.earn_from_slip(east, card.member_no, "2000.00", "S-1", "ZARA")
    complaints.open_complaint(east, card.member_no, "attitude", "店员态度不好")
    members.edit_member(east, card.member_no, ProfileEdit(name="张伟伟"))
    sync.sync_once(east)
    sync.sync_once(west)
    return east, west, card


def test_the_feed_carries_no_phone_id_number_or_counter_uid(server, tmp_path):
    east, west, card = busy_chain(server, tmp_path)
    try:
        feed = whole_feed(server, device_token(west))
        text_of_feed = json.dumps(feed, ensure_ascii=False)
        assert {change["kind"] for change in feed} >= {"member", "entry", "complaint"}
        for secret in (PHONE, OTHER_PHONE, ID_NUMBER, east.counter_uid, west.counter_uid):
            assert secret not in text_of_feed
        member = next(c["data"] for c in feed if c["kind"] == "member" and c["data"]["member_no"] == card.member_no)
        assert member["phone_masked"] == "139****5678" and member["id_number_masked"] == "110***********002X"
        assert len(member["phone_index"]) == 64 and "phone" not in member and "id_number" not in member
        # Counters are named by a pseudonym, the same in every change (complaints fold by it).
        pseudonyms = {c["data"]["counter_uid"] for c in feed if c["kind"] in ("member", "complaint")}
        assert len(pseudonyms) == 1 and east.counter_uid not in pseudonyms
    finally:
        east.close()
        west.close()


def test_server_db_holds_no_clear_phone_or_id_number_and_a_copy_without_the_key_yields_nothing(server, tmp_path):
    east, west, card = busy_chain(server, tmp_path)
    east.close()
    west.close()
    rows = server.rows("SELECT * FROM members")
    assert len(rows) == 2
    dumped = json.dumps([[str(value) for value in row] for row in rows], ensure_ascii=False)
    dumped += json.dumps([str(row) for row in server.rows("SELECT data FROM change_log")], ensure_ascii=False)
    for secret in (PHONE, OTHER_PHONE, ID_NUMBER):
        assert secret not in dumped
    assert "phone" not in {column for column in rows[0]._mapping} and "id_number" not in set(rows[0]._mapping)
    if server.db_url.startswith("sqlite"):
        server.stop()  # the WAL as it was: every byte on disk, none of it in clear
        database = Path(server.db_url.removeprefix("sqlite:///"))
        for path in database.parent.glob("server.db*"):
            raw = path.read_bytes()
            for secret in (PHONE, OTHER_PHONE, ID_NUMBER):
                assert secret.encode() not in raw, path
        # The data folder copied without its key: the server refuses it, and the columns are ciphertext.
        stolen = tmp_path / "stolen"
        stolen.mkdir()
        shutil.copy(database, stolen / "server.db")
        with pytest.raises(KeyProblem, match="missing"):
            ServerStore(f"sqlite:///{stolen / 'server.db'}")
        with closing(sqlite3.connect(stolen / "server.db")) as copy:
            sealed = copy.execute("SELECT phone_sealed, phone_index, id_number_sealed FROM members").fetchall()
        assert all(isinstance(row[0], bytes) and row[0][:1] == b"\x01" for row in sealed)
    assert stat.S_IMODE(server.key_file.stat().st_mode) == 0o600


def test_a_second_counter_finds_a_typed_phone_offline_and_shows_it_masked(server, tmp_path):
    east, west, card = busy_chain(server, tmp_path)
    try:
        server.stop()  # west is offline from here on
        found = members.find_member(west, PHONE)
        assert found.member_no == card.member_no and found.phone == "139****5678"
        assert found.id_number == "110***********002X"
        search = members.search_members(west, PHONE)
        assert search.exact is not None and search.exact.member_no == card.member_no
        assert [m.member_no for m in members.search_members(west, "5678").members] == [card.member_no]
        # The same phone registered again at west, offline, is refused as a duplicate.
        with pytest.raises(Exception, match=card.member_no):
            members.register_member(west, form(phone=PHONE, name="张伟"))
        # Nothing in west's store holds the phone or ID number, sealed or not: west never had them.
        with west.store.read() as connection:
            row = connection.exec_driver_sql(
                "SELECT phone_sealed, phone_index, id_number_sealed, phone_masked FROM members WHERE member_no = ?",
                (card.member_no,),
            ).one()
        assert row[:3] == (None, None, None) and row[3] == "139****5678"
        # East registered the member: it keeps its own sealed phone and opens it.
        assert privacy.reveal_personal_data(east, card.member_no).phone == PHONE
    finally:
        east.close()
        west.close()


def _staff(desk) -> None:
    auth.add_staff(desk, MANAGER, "王经理", "manager", PIN)
    auth.add_staff(desk, CLERK, "赵店员", "clerk", PIN)


def test_show_full_number_asks_the_server_for_a_manager_is_audited_and_refused_to_a_clerk(server, tmp_path):
    east, west, card = busy_chain(server, tmp_path)
    try:
        _staff(west)
        assert sync.sync_once(west).rejected == 0  # the accounts reach the server, which checks who asks
        auth.sign_in(west, CLERK, PIN)
        with pytest.raises(NotPermitted):
            privacy.reveal_personal_data(west, card.member_no)
        assert server.scalar("SELECT count(*) FROM reveals") == 0
        auth.sign_in(west, MANAGER, PIN)
        revealed = privacy.reveal_personal_data(west, PHONE)
        assert (revealed.phone, revealed.id_number) == (PHONE, ID_NUMBER)
        audit = server.rows("SELECT staff_id, counter_no, store, member_uid, at FROM reveals")
        assert [(row.staff_id, row.counter_no, row.store) for row in audit] == [
            (MANAGER, west.settings.counter_no, "万达广场")
        ]
        assert audit[0].member_uid == server.scalar(
            "SELECT member_uid FROM members WHERE member_no = :no", no=card.member_no
        )
        # Offline it says why, in the clerk's language.
        server.stop()
        with pytest.raises(StoreUnavailable) as offline:
            privacy.reveal_personal_data(west, card.member_no)
        assert "only at the central server" in offline.value.message("en")
        assert "总部服务器" in offline.value.message("zh_CN")
    finally:
        set_language("zh_CN")
        east.close()
        west.close()


def test_a_device_token_alone_cannot_reveal_an_unknown_member_and_the_endpoint_needs_a_token(server, tmp_path):
    east, west, card = busy_chain(server, tmp_path)
    try:
        _staff(west)
        assert sync.sync_once(west).rejected == 0  # a manager the server knows, asking for a member it does not
        url = f"{server.url}/v1/members/reveal"
        body = {"member_uid": str(uuid.uuid4()), "staff_id": MANAGER}
        assert requests.post(url, json=body, timeout=10).status_code == 401
        answer = requests.post(url, json=body, headers={"Authorization": f"Bearer {device_token(west)}"}, timeout=10)
        assert answer.status_code == 404 and "no such member" in answer.json()["detail"]
    finally:
        east.close()
        west.close()


def test_show_full_number_for_a_forged_or_disabled_manager_is_refused_and_shows_nothing(server, tmp_path):
    # Before: the server took the counter's word that STAFF_ID was a manager signed in there; a device token and
    # any made-up ID (or a clerk's) got the member's phone and ID number.
    east, west, card = busy_chain(server, tmp_path)
    try:
        _staff(west)
        assert sync.sync_once(west).rejected == 0
        member_uid = server.scalar("SELECT member_uid FROM members WHERE member_no = :no", no=card.member_no)
        url = f"{server.url}/v1/members/reveal"
        headers = {"Authorization": f"Bearer {device_token(west)}"}
        for staff_id in ("M999", CLERK):
            answer = requests.post(
                url, json={"member_uid": member_uid, "staff_id": staff_id}, headers=headers, timeout=10
            )
            assert answer.status_code == 403, (staff_id, answer.text)
            assert PHONE not in answer.text and ID_NUMBER not in answer.text
        # A manager disabled at head office: the counter that has not pulled yet still asks, the server says no.
        assert server.command("staff", "disable", MANAGER, "--store", "万达广场").returncode == 0
        auth.sign_in(west, MANAGER, PIN)
        with pytest.raises(NotPermitted) as refused:
            privacy.reveal_personal_data(west, card.member_no)
        assert f"does not know {MANAGER} as an active manager" in refused.value.message("en")
        assert MANAGER in refused.value.message("zh_CN") and "总部" in refused.value.message("zh_CN")
        assert server.scalar("SELECT count(*) FROM reveals") == 0
    finally:
        set_language("zh_CN")
        east.close()
        west.close()


def test_the_servers_record_of_applied_ops_gives_no_phone_away(server, tmp_path):
    # Before: applied_ops kept the SHA-256 of each pushed body; with every other field of member.registered in the
    # feed and ledger, a copy of server.db guessed the 11-digit phone by hashing candidates (minutes on a laptop).
    from counter_app.db import outbox
    from counter_app.services.sync.outbox_push import _wire

    east, west, card = busy_chain(server, tmp_path)
    try:
        with east.store.read() as connection:
            sent = [_wire(entry) for entry in outbox.entries(connection, east.store.keys)]
        registered = next(op for op in sent if op.type == "member.registered" and op.payload.get("phone") == PHONE)
        kept = {row.op_id: row.body_hash for row in server.rows("SELECT op_id, body_hash FROM applied_ops")}
        assert set(kept) >= {op.op_id for op in sent}
        plain = {op.body_hash() for op in sent}
        assert not plain & set(kept.values()), "a plain hash of a pushed body is kept"
        # The guess an attacker would check, for the right phone, matches nothing kept.
        assert registered.body_hash() not in kept.values()
        # The keyed record still knows a body again: the same op is an idempotent repeat, another body a conflict.
        client = SyncClient(server.url, device_token(east))
        [again] = client.push([registered]).results
        assert again.status == "applied"
        changed = registered.model_copy(update={"payload": {**registered.payload, "name": "王五"}})
        [reused] = client.push([changed]).results
        assert (reused.status, reused.code) == ("rejected", "reused_id")
        client.close()
    finally:
        east.close()
        west.close()


def test_key_backup_and_restore_round_trip(server, tmp_path):
    backup = tmp_path / "key-backup"
    done = server.command("key", "backup", "--out", str(backup))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    again = server.command("key", "backup", "--out", str(backup))
    assert again.returncode == 2 and "exists already" in again.stderr
    server.stop()
    server.key_file.unlink()
    refused = server.command("enroll-code", "--store", "万达广场")
    assert refused.returncode == 2 and "key backup" in refused.stderr and "Traceback" not in refused.stderr
    wrong = tmp_path / "wrong-key"
    wrong.write_text("A" * 43 + "=\n")
    mismatch = server.command("key", "restore", str(wrong))
    assert mismatch.returncode == 5 and "another database" in mismatch.stderr
    restored = server.command("key", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert stat.S_IMODE(server.key_file.stat().st_mode) == 0o600
    server.start()
    desk = enrolled_counter(tmp_path / "after", server)
    members.register_member(desk, form(phone=PHONE))
    assert sync.sync_once(desk).rejected == 0
    desk.close()


def test_the_upgrade_seals_clear_rows_and_rewrites_the_feed(tmp_path, request):
    """A server database from before s0012, with members and their feed in clear, upgraded."""
    for backend in ("sqlite", "postgresql"):
        folder = tmp_path / backend
        url, drop = database_for(backend, folder)
        request.addfinalizer(drop)
        _old_server_with_clear_rows(url)
        key_file = folder / "server.key"
        store = ServerStore(url, key_file=key_file)
        try:
            with store.read() as connection:
                rows = connection.execute(text("SELECT * FROM members ORDER BY member_no")).all()
                feed = [row[0] for row in connection.execute(text("SELECT data FROM change_log ORDER BY seq"))]
            assert [row.phone_index is not None for row in rows] == [True, True]
            assert [opened_phone(store.keys, row) for row in rows] == [PHONE, OTHER_PHONE]
            assert opened_id_number(store.keys, rows[0]) == ID_NUMBER
            joined = "".join(feed)
            for secret in (PHONE, OTHER_PHONE, ID_NUMBER, OLD_COUNTER):
                assert secret not in joined
            assert "139****5678" in joined
        finally:
            store.close()
        if backend == "sqlite":
            for path in folder.glob("server.db*"):
                assert PHONE.encode() not in path.read_bytes(), path


OLD_COUNTER = str(uuid.uuid4())


def _old_server_with_clear_rows(url: str) -> None:
    """Migrated to s0006 (the schema before sealing) and filled as that server filled it."""
    subprocess.run(
        [sys.executable, "-c", _OLD_SCHEMA, url],
        check=True,
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    engine = create_engine(url)
    with engine.begin() as connection:
        for n, (phone, id_number) in enumerate(((PHONE, ID_NUMBER), (OTHER_PHONE, None)), start=1):
            uid = str(uuid.uuid4())
            row = {
                "member_uid": uid,
                "member_no": f"M00010000{n:03d}8",
                "phone": phone,
                "name": "张伟",
                "id_number": id_number,
                "tier": "regular",
                "points": 0,
                "registered_at": "2026-01-01T10:00:00+08:00",
                "counter_uid": OLD_COUNTER,
            }
            connection.execute(
                text(
                    "INSERT INTO members (member_uid, member_no, phone, name, id_number, tier, points, registered_at, "
                    "counter_uid) VALUES (:member_uid, :member_no, :phone, :name, :id_number, :tier, :points, "
                    ":registered_at, :counter_uid)"
                ),
                row,
            )
            data = json.dumps({**row, "points": None}, ensure_ascii=False)
            connection.execute(
                text("INSERT INTO change_log (seq, kind, key, data) VALUES (:seq, 'member', :key, :data)"),
                {"seq": n, "key": uid, "data": data},
            )
        connection.execute(text("UPDATE feed_head SET seq = 2"))
    engine.dispose()


# Alembic up to s0006 only, in a child process: the tables as a server of before this change left them.
_OLD_SCHEMA = """
import sys
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sync.server.store import MIGRATIONS
engine = create_engine(sys.argv[1])
config = Config()
config.set_main_option("script_location", str(MIGRATIONS))
with engine.begin() as connection:
    config.attributes["connection"] = connection
    command.upgrade(config, "s0006")
"""


def test_pulled_members_lose_the_phone_a_counter_had_in_clear_and_a_member_registered_here_keeps_it(server, tmp_path):
    """An edit elsewhere moves the phone: the registering counter drops its sealed copy, keeps the masked one."""
    east, west, card = busy_chain(server, tmp_path)
    try:
        _staff(west)
        auth.sign_in(west, MANAGER, PIN)
        members.edit_member(west, card.member_no, ProfileEdit(phone="13600001111"))
        sync.sync_once(west)
        sync.sync_once(east)
        moved = members.find_member(east, "13600001111")
        assert moved.member_no == card.member_no and moved.phone == "136****1111"
        with pytest.raises(Exception, match="13912345678|No member"):
            members.find_member(east, PHONE)
    finally:
        east.close()
        west.close()
