"""The local store on real SQLite files: durability settings, migrations, and files it must not harm."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from counter_app.db.outbox import entries
from counter_app.db.store import STORE_FILE, _alembic_config, open_store
from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.staff import Actor
from counter_app.services import members
from counter_app.services.desk import open_desk
from tests.conftest import NOW, form, signed_in_desk


def test_store_runs_wal_full_sync_and_foreign_keys(desk):
    with desk.store.read() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == "0018"


def test_a_new_store_gets_a_counter_identity_that_stays(data_dir):
    first = open_desk(data_dir)
    uid = first.counter_uid
    first.close()
    second = open_desk(data_dir)
    assert second.counter_uid == uid
    second.close()


def _store_at(data_dir: Path, revision: str) -> Path:
    data_dir.mkdir(parents=True)
    path = data_dir / STORE_FILE
    engine = create_engine(f"sqlite:///{path}")
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()
    return path


def test_an_old_store_upgrades_itself_seals_its_personal_data_and_keeps_its_members(data_dir):
    path = _store_at(data_dir, "0001")
    stamp = "2026-01-01T00:00:00+08:00"
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO counter (id, counter_uid, last_outbox_seq, last_member_seq, created_at) VALUES (1, 'c-1', 1, 1, ?)",
            (stamp,),
        )
        db.execute(
            "INSERT INTO members (member_uid, member_no, phone, phone_tail, name, id_number, consent_version, consented_at, registered_at, updated_at, counter_uid)"
            " VALUES ('m-1', 'M000100000017', '13900001111', '1111', '欧阳娜娜', '11010519491231002X', '2025-01', ?, ?, ?, 'c-1')",
            (stamp, stamp, stamp),
        )
        db.execute(
            "INSERT INTO member_changes (member_id, op_id, field, old_value, new_value, changed_at) VALUES (1, 'op-0', 'name', '欧阳', '欧阳娜娜', ?)",
            (stamp,),
        )
        db.execute(
            "INSERT INTO outbox (seq, op_id, counter_uid, op_type, payload, created_at) VALUES (1, 'op-1', 'c-1', 'member.registered', ?, ?)",
            ('{"phone": "13900001111", "id_number": "11010519491231002X"}', stamp),
        )
    desk = signed_in_desk(data_dir)
    try:
        assert [m.member_no for m in members.search_members(desk, "娜娜").members] == ["M000100000017"]
        assert [m.name for m in members.search_members(desk, "oyn").members] == ["欧阳娜娜"]
        card = members.find_member(desk, "13900001111")
        assert (card.name, card.phone, card.id_number) == ("欧阳娜娜", "139****1111", "110***********002X")
        assert [m.name for m in members.search_members(desk, "1111").members] == ["欧阳娜娜"]
        assert members.profile_history(desk, "13900001111")[0].new == "欧阳娜娜"
        with desk.store.read() as connection:
            [entry] = entries(connection, desk.store.keys)
        assert entry.payload == {"phone": "13900001111", "id_number": "11010519491231002X"}
    finally:
        desk.close()
    raw = path.read_bytes()
    assert b"13900001111" not in raw and b"11010519491231002X" not in raw
    # The pre-upgrade copy held the numbers in clear: it is removed once the upgrade has committed.
    assert list((data_dir / "backups").glob("*.sqlite3")) == []


def test_a_store_from_a_newer_desk_is_refused_untouched(data_dir, desk):
    desk.close()
    path = data_dir / STORE_FILE
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(StoreUnavailable) as caught:
        open_store(data_dir)
    assert "newer version" in caught.value.message("en")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"this is not a database at all" * 100, b"\x00\xff" * 4096, b"SQLite format 3\x00" + b"\x13" * 8000]
)
def test_a_damaged_store_is_reported_and_left_untouched(data_dir, content):
    data_dir.mkdir(parents=True)
    path = data_dir / STORE_FILE
    path.write_bytes(content)
    with pytest.raises(StoreUnavailable) as caught:
        open_store(data_dir)
    message = caught.value.message("en")
    assert "damaged" in message and str(path) in message
    assert "损坏" in caught.value.message("zh_CN")
    assert path.read_bytes() == content
    assert sorted(p.name for p in data_dir.iterdir()) == [STORE_FILE]


def _make_read_only(path: Path) -> bool:
    """Root ignores file modes, so as root the file is made immutable instead."""
    if os.geteuid() == 0:
        if (
            shutil.which("chattr") is None
            or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0
        ):
            return False
    else:
        path.chmod(0o444)
        path.parent.chmod(0o555)
    try:
        with path.open("ab"):
            pass
    except OSError:
        return True
    return False


def _make_writable(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    else:
        path.parent.chmod(0o755)
        path.chmod(0o644)


def test_a_read_only_store_is_reported_and_left_untouched(data_dir):
    desk = signed_in_desk(data_dir)
    members.register_member(desk, form())
    desk.close()
    path = data_dir / STORE_FILE
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    before = path.read_bytes()
    if not _make_read_only(path):
        pytest.skip("this machine cannot make a file read-only for the test user")
    try:
        with pytest.raises(StoreUnavailable) as caught:
            desk = open_desk(data_dir, clock=lambda: NOW)
            desk.session = Actor("ADMIN", "admin", "admin")  # signing in writes too: the store refuses it first
            try:
                members.register_member(desk, form(phone="13900139000", name="李四"))
            finally:
                desk.close()
        assert "read-only" in caught.value.message("en")
        assert "只读" in caught.value.message("zh_CN")
        assert path.read_bytes() == before
    finally:
        _make_writable(path)


def test_an_unwritable_data_folder_is_reported(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(StoreUnavailable) as caught:
        open_store(blocker / "data")
    assert "cannot be created" in caught.value.message("en")


def test_a_failed_write_leaves_nothing_half_written(desk):
    # A real fault inside the transaction: the outbox refuses the insert, as a full disk would.
    with desk.store.write() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
            )
        )

    with pytest.raises(StoreUnavailable) as caught:
        members.register_member(desk, form())
    assert "full" in caught.value.message("en")
    with desk.store.read() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM members").scalar() == 0
        assert connection.exec_driver_sql("SELECT count(*) FROM member_search").scalar() == 0
        assert connection.exec_driver_sql("SELECT last_outbox_seq, last_member_seq FROM counter").one() == (0, 0)


def test_the_schema_head_constant_matches_the_migrations():
    from alembic.script import ScriptDirectory

    from counter_app.db.store import SCHEMA_HEAD

    assert ScriptDirectory.from_config(_alembic_config()).get_current_head() == SCHEMA_HEAD


def test_search_index_merges_happen_off_the_clerks_path(desk):
    with desk.store.read() as connection:
        assert connection.exec_driver_sql("SELECT v FROM member_search_config WHERE k = 'automerge'").scalar() == 0
    for i in range(40):
        members.register_member(desk, form(phone=f"139{i:08d}", name=f"张{'一二三四五六七八九十'[i % 10]}丰"))
    with desk.store.read() as connection:
        before = connection.exec_driver_sql("SELECT count(*) FROM member_search_data").scalar()
    assert desk.store._housekeeper is not None and desk.store._housekeeper.is_alive()
    desk.store.run_housekeeping()
    with desk.store.read() as connection:
        after = connection.exec_driver_sql("SELECT count(*) FROM member_search_data").scalar()
    assert after < before
    found = members.search_members(desk, "zsf", limit=100).members
    assert {m.name for m in found} == {"张三丰", "张四丰", "张十丰"} and len(found) == 12
    assert len(members.search_members(desk, "丰", limit=100).members) == 40
    housekeeper = desk.store._housekeeper
    desk.close()
    assert not housekeeper.is_alive()


def test_the_wal_is_checkpointed_by_housekeeping(desk):
    desk.store.housekeeping_interval = 3600  # this test runs housekeeping itself
    members.register_member(desk, form())
    desk.store.run_housekeeping()
    settled = desk.store.path.read_bytes()
    for i in range(30):
        members.register_member(desk, form(phone=f"139{i:08d}", name="李四"))
    with desk.store.read() as connection:
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 10_000
    assert desk.store.path.read_bytes() == settled  # commits went to the WAL only
    desk.store.run_housekeeping()
    assert desk.store.path.read_bytes() != settled  # and housekeeping copied them into the file


WRITER = """
import sys
from pathlib import Path
from counter_app.services.desk import open_desk
from counter_app.services.members import register_member
from counter_app.domain.members import RegistrationForm
from counter_app.services.auth import sign_in
desk = open_desk(Path(sys.argv[1]))
sign_in(desk, "ADMIN", "135790")
for i in range(15):
    register_member(desk, RegistrationForm(phone=f"13{sys.argv[2]}{i:08d}", name="王五", consent=True))
desk.close()
"""


def test_desks_in_several_processes_write_one_at_a_time_without_gaps(data_dir):
    signed_in_desk(data_dir).close()
    workers = [subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), digit]) for digit in "5678"]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0, 0, 0]
    with sqlite3.connect(data_dir / STORE_FILE) as db:
        assert db.execute("SELECT count(*) FROM members").fetchone() == (60,)
        assert [seq for (seq,) in db.execute("SELECT seq FROM outbox ORDER BY seq")] == list(range(1, 61))
        assert db.execute("SELECT last_member_seq FROM counter").fetchone() == (60,)
        assert db.execute("SELECT count(DISTINCT member_no) FROM members").fetchone() == (60,)


BUSY_WRITER = """
import sys
from pathlib import Path
from counter_app.services.desk import open_desk
from counter_app.services.members import register_member
from counter_app.services.points import earn_from_slip
from counter_app.domain.members import RegistrationForm
from counter_app.services.auth import sign_in
desk = open_desk(Path(sys.argv[1]))
sign_in(desk, "ADMIN", "135790")
for i in range(15):
    card = register_member(desk, RegistrationForm(phone=f"13{sys.argv[2]}{i:08d}", name="赵六", consent=True))
    earn_from_slip(desk, card.member_no, "88.00", f"S{sys.argv[2]}-{i:03d}")
desk.close()
"""


@pytest.mark.slow
def test_desks_writing_at_once_on_a_busy_machine_never_find_the_store_locked(data_dir):
    """What a write needs is loaded before its transaction begins (pypinyin for the name index takes a
    second, more on a loaded machine): no desk holds the one write lock long enough for another to give up."""
    signed_in_desk(data_dir).close()
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 1)]
    try:
        workers = [
            subprocess.Popen(
                [sys.executable, "-c", BUSY_WRITER, str(data_dir), digit], stderr=subprocess.PIPE, text=True
            )
            for digit in "5678"
        ]
        results = [(worker.wait(timeout=300), worker.stderr.read()) for worker in workers]
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    assert not [
        errors for _, errors in results if "Another program is writing" in errors or "StoreUnavailable" in errors
    ]
    assert [code for code, _ in results] == [0, 0, 0, 0], [errors for _, errors in results]
    with sqlite3.connect(data_dir / STORE_FILE) as db:
        assert db.execute("SELECT count(*) FROM members").fetchone() == (60,)
        assert db.execute("SELECT count(*) FROM ledger WHERE kind = 'earn'").fetchone() == (60,)
        assert [seq for (seq,) in db.execute("SELECT seq FROM outbox ORDER BY seq")] == list(range(1, 121))


def test_our_own_bugs_are_not_dressed_up_as_store_trouble(desk):
    from sqlalchemy.exc import IntegrityError

    members.register_member(desk, form())
    with pytest.raises(IntegrityError), desk.store.write() as connection:
        connection.exec_driver_sql(
            "INSERT INTO outbox (seq, op_id, counter_uid, op_type, payload_sealed, created_at) VALUES (1, 'x', 'c', 't', X'00', 'now')"
        )
