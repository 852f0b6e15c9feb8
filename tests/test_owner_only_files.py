"""The desk's and the server's data files are owner-only (folders 0700, files 0600), whatever the umask.

Attack: another account on a shared counter PC (or the server host) reads desk.sqlite3, the logs or server.db.
Before: under the usual umask 022 they were 0644 and the folders 0755. After: 0600 and 0700, and an older
folder left 0644 is tightened when the desk or the server opens it."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import sqlite3
import stat
import sys
from contextlib import closing
from pathlib import Path

import pytest

from counter_app import config, logs
from counter_app.db.store import STORE_FILE, backup_before_upgrade, open_store
from counter_app.services import auth, members
from counter_app.services.desk import change_setting
from sync.server.cli import database_url
from sync.server.store import ServerStore
from tests.conftest import form, signed_in_desk
from tests.test_store import _store_at

pytestmark = pytest.mark.skipif(os.name != "posix", reason="mode bits are POSIX's")


@pytest.fixture
def umask_022():
    """The usual umask, under which plain open() and mkdir() make 0644 files and 0755 folders."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def no_desk_log():
    """setup_logging points the root logger at a test's folder: taken down again so other tests log nowhere."""
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_desk_log", False)]:
        root.removeHandler(handler)
        handler.close()
    faulthandler.enable(file=sys.__stderr__)


def _modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for root, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            path = Path(root) / name
            found[str(path.relative_to(folder))] = stat.S_IMODE(path.stat().st_mode)
    return found


def _open_to_others(folder: Path) -> dict[str, str]:
    return {name: oct(mode) for name, mode in _modes(folder).items() if mode & 0o077}


def test_a_fresh_desk_keeps_every_file_owner_only(tmp_path, umask_022, no_desk_log):
    data_dir = tmp_path / "fresh" / "desk-data"
    store = open_store(data_dir)  # a store made from nothing: the full migration, as on a counter's first start
    store.close()
    logs.setup_logging(data_dir)
    desk = signed_in_desk(data_dir)
    try:
        members.register_member(desk, form())  # writes go through the WAL
        change_setting(desk, "language", "en")  # settings.json
        logging.getLogger("counter_app.test").warning("a line in the log")
        for handler in logging.getLogger().handlers:
            handler.flush()
        names = set(_modes(data_dir))
        assert {STORE_FILE, f"{STORE_FILE}-wal", f"{STORE_FILE}-shm", "logs/desk.log", "logs/crash.log"} <= names
        assert config.SETTINGS_FILE in names
        assert _open_to_others(data_dir) == {}
        assert _modes(data_dir)["."] == 0o700 and _modes(data_dir)["logs"] == 0o700
    finally:
        desk.close()


def test_the_log_stays_owner_only_across_a_rotation(tmp_path, umask_022, no_desk_log, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging(tmp_path / "desk-data")
    assert path is not None
    for _ in range(50):
        logging.getLogger("counter_app.test").info("x" * 200)
    assert (path.parent / "desk.log.1").is_file()
    assert _open_to_others(path.parent) == {}


def test_an_old_folder_left_0644_is_tightened_when_the_desk_opens_it(data_dir, umask_022, caplog):
    """An older desk's folder (0755, its store 0644, its logs 0644), at an old schema that the desk upgrades."""
    path = _store_at(data_dir, "0002")
    (data_dir / config.SETTINGS_FILE).write_text("{}", encoding="utf-8")
    (data_dir / "logs").mkdir()
    (data_dir / "logs" / "desk.log").write_text("old lines\n", encoding="utf-8")
    (data_dir / "notes.txt").write_text("someone else's file in the chosen folder\n", encoding="utf-8")
    os.chmod(data_dir, 0o755)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    with caplog.at_level(logging.WARNING, logger="counter_app.db.store"):
        desk = signed_in_desk(data_dir)
    try:
        assert _open_to_others(data_dir) == {"notes.txt": "0o644"}  # not the desk's: left as it was
    finally:
        desk.close()
    tightened = [record.getMessage() for record in caplog.records if "now owner-only" in record.getMessage()]
    assert any(STORE_FILE in line for line in tightened) and any("desk.log" in line for line in tightened)


def test_the_copy_before_an_upgrade_is_owner_only(desk, umask_022):
    """The store's copy before a schema change holds every member: 0600 in a 0700 folder."""
    backup = backup_before_upgrade(desk.store, "0013")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    with closing(sqlite3.connect(backup)) as copy:
        assert copy.execute("SELECT count(*) FROM staff").fetchone()[0] >= 1  # a real copy, not the empty file


def test_a_fresh_server_store_is_owner_only(tmp_path, umask_022):
    url = database_url(argparse.Namespace(db=None, data_dir=str(tmp_path / "server-data")))
    store = ServerStore(url)
    try:
        with store.write() as connection:
            connection.exec_driver_sql("SELECT 1")
        folder = tmp_path / "server-data"
        assert {"server.db", "server.db-wal", "server.db-shm"} <= set(_modes(folder))
        assert _open_to_others(folder) == {}
    finally:
        store.close()


def test_an_old_server_db_left_0644_is_tightened(tmp_path, umask_022, caplog):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    ServerStore(url).close()
    for name in ("server.db", "server.db-wal", "server.db-shm"):
        if (tmp_path / name).exists():
            os.chmod(tmp_path / name, 0o644)
    with caplog.at_level(logging.WARNING, logger="sync.server.store"):
        store = ServerStore(url)
    store.close()
    assert stat.S_IMODE((tmp_path / "server.db").stat().st_mode) == 0o600
    assert any("server.db" in record.getMessage() and "owner-only" in record.getMessage() for record in caplog.records)


def test_a_sign_in_on_a_tightened_desk_still_works(data_dir, umask_022):
    """Tightening changes modes only: the desk the same account opens works as before."""
    desk = signed_in_desk(data_dir)
    desk.close()
    for path in [data_dir, *data_dir.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    desk = signed_in_desk(data_dir)
    try:
        assert auth.has_staff(desk)
        assert _open_to_others(data_dir) == {}
    finally:
        desk.close()
