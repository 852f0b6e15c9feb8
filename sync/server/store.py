"""The server's database: SQLite in its data folder by default, PostgreSQL by URL; Alembic keeps it current."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, create_engine, event, insert, select, update
from sqlalchemy.engine import Engine, make_url

from counter_app.paths import create_owner_only_file, tighten
from sync.server import personal
from sync.server.schema import change_log, feed_head, server_meta

MIGRATIONS = Path(__file__).with_name("migrations")
log = logging.getLogger(__name__)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ServerStore:
    """Writers take the feed head first (one row, locked until commit): sequence numbers then become
    visible in order, on SQLite by BEGIN IMMEDIATE and on PostgreSQL by the row lock."""

    def __init__(self, url: str, upgrade: bool = True, key_file: Path | None = None) -> None:
        self.url = url
        self.sqlite = url.startswith("sqlite")
        self.key_file = key_file or personal.default_key_file(make_url(url).database if self.sqlite else None)
        self._keys: personal.ServerKeys | None = None
        if self.sqlite:
            _keep_owner_only(url)
            self.engine: Engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        else:
            self.engine = create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)
        self._sqlite_writer = threading.Lock()  # one writer in this process; SQLite allows no more
        if upgrade:
            self.upgrade()

    def upgrade(self) -> None:
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            config.attributes["server_keys"] = self.keys_for
            command.upgrade(config, "head")
        if self.sqlite and config.attributes.get("personal_data_sealed"):
            # The clear phones the migration sealed are gone from the rows; VACUUM and a truncated WAL
            # take them out of the file's free pages and old WAL frames too.
            raw = self.engine.raw_connection()  # outside SQLAlchemy's transaction: VACUUM refuses to run in one
            try:
                raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
            finally:
                raw.close()
        self.keys_for(None)

    def keys_for(self, connection: Connection | None) -> personal.ServerKeys:
        """The server's keys, checked against the fingerprint the database recorded (read on CONNECTION, e.g.
        a migration's, or on a connection of its own); the first time, the fingerprint is recorded."""
        if self._keys is not None:
            return self._keys
        if connection is None:
            with self.engine.begin() as own:
                return self.keys_for(own)
        expected = get_meta(connection, personal.FINGERPRINT_META)
        keys = personal.load_keys(self.key_file, expected)
        if expected is None:
            set_meta(connection, personal.FINGERPRINT_META, keys.fingerprint)
        self._keys = keys
        return keys

    @property
    def keys(self) -> personal.ServerKeys:
        return self.keys_for(None)

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        keys = self.keys  # before the lock: the first time, it reads (and records) the key's fingerprint
        lock = self._sqlite_writer if self.sqlite else contextlib.nullcontext()
        with lock, self.engine.connect().execution_options(server_write=True) as connection, connection.begin():
            # Taking the head locks it until commit; the transaction then numbers its changes in
            # memory, and writes them and the head once, at the end.
            start = connection.execute(_LOCK_HEAD).scalar_one()
            connection.info["keys"] = keys
            connection.info["feed_seq"] = start
            connection.info["feed_rows"] = []
            try:
                yield connection
                if connection.info["feed_rows"]:
                    connection.execute(_ADD_CHANGE, connection.info["feed_rows"])
                    connection.execute(_SET_HEAD, {"seq": connection.info["feed_seq"]})
            finally:
                connection.info.pop("feed_seq", None)
                connection.info.pop("feed_rows", None)
                connection.info.pop("keys", None)

    @contextlib.contextmanager
    def write_aside(self) -> Iterator[Connection | None]:
        """A small write that is no change for the feed (a device's last-seen time): it does not take the
        feed head, and on SQLite, when another writer of this process is busy, it yields None: skip it."""
        if self.sqlite and not self._sqlite_writer.acquire(blocking=False):
            yield None
            return
        try:
            with self.engine.connect().execution_options(server_write=True) as connection, connection.begin():
                yield connection
        finally:
            if self.sqlite:
                self._sqlite_writer.release()

    def close(self) -> None:
        self.engine.dispose()


def _keep_owner_only(url: str) -> None:
    """server.db (and so its -wal and -shm, which SQLite makes with its mode) is 0600, made so before SQLite
    opens it; an older one left 0644 is tightened, and so are its -wal and -shm."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if not path.parent.is_dir():
        return  # SQLite will say the folder is missing; nothing of ours to protect yet
    if not path.exists():
        create_owner_only_file(path)
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if tighten(companion):
            log.warning("%s was readable by other accounts; it is now owner-only", companion)


def _sqlite_connect(dbapi_connection: sqlite3.Connection, record: object) -> None:
    dbapi_connection.isolation_level = None  # we say BEGIN ourselves: IMMEDIATE for writers
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA secure_delete = ON")  # a sealed-over or erased value leaves no copy in free pages
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get("server_write") else "BEGIN")


_LOCK_HEAD = update(feed_head).where(feed_head.c.id == 1).values(seq=feed_head.c.seq).returning(feed_head.c.seq)
_SET_HEAD = update(feed_head).where(feed_head.c.id == 1).values(seq=bindparam("seq"))
_ADD_CHANGE = insert(change_log)


def emit(connection: Connection, kind: str, key: str, data: dict[str, Any], store: str | None = None) -> int:
    """Append to the change feed in the caller's transaction (a ServerStore.write, holding the head).
    STORE: only that store's counters receive the change (the others' cursors pass over it); None: every counter.
    The counter_uids in DATA go out as pseudonyms (see personal.without_counter_uids)."""
    data = personal.without_counter_uids(connection.info["keys"], data)
    seq: int = connection.info["feed_seq"] + 1  # the head ServerStore.write locked, counted on from there
    connection.info["feed_seq"] = seq
    connection.info["feed_rows"].append(
        {
            "seq": seq,
            "kind": kind,
            "key": key,
            "data": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
            "store": store,
        }
    )
    return seq


def get_meta(connection: Connection, key: str) -> str | None:
    return connection.execute(select(server_meta.c.value).where(server_meta.c.key == key)).scalar()


def set_meta(connection: Connection, key: str, value: str) -> None:
    if get_meta(connection, key) is None:
        connection.execute(insert(server_meta).values(key=key, value=value))
    else:
        connection.execute(update(server_meta).where(server_meta.c.key == key).values(value=value))
