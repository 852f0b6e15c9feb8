"""Opening the local store: SQLite in WAL with synchronous=FULL, one writer, migrations at start."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

from counter_app.db.keys import KEY_FILE, DataKeys, load_keys
from counter_app.db.members import tidy_search_index
from counter_app.domain.errors import StoreUnavailable
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.paths import create_owner_only_file, make_owner_only_folder, tighten_folder

if TYPE_CHECKING:  # Alembic is imported only when a schema is to be upgraded
    from alembic.config import Config

log = logging.getLogger(__name__)

STORE_FILE = "desk.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
WAL_AUTOCHECKPOINT_PAGES = 10_000
HOUSEKEEPING_SECONDS = 2.0  # how soon after writes index merges and WAL checkpoints run, off the clerk's path
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration. Checked against Alembic's own view by a test; lets a store that is
# up to date open without importing Alembic at all (a tenth of a second at every start).
SCHEMA_HEAD = "0018"
PERSONAL_DATA_SEALED_AT = "0003"  # stores older than this hold phone and ID numbers in clear
# What the desk keeps in its data folder, kept owner-only: the store and SQLite's companions, the key file,
# config's settings and rules (with their .tmp), the logs and the copies made before upgrades.
DESK_FILES = (
    *(STORE_FILE + suffix for suffix in ("", "-wal", "-shm", "-journal")),
    KEY_FILE,
    "desk.tmp",
    "settings.json",
    "settings.tmp",
    "rules.toml",
    "rules.tmp",
    "logs",
    "backups",
)


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def store_problem(error: BaseException, path: Path) -> StoreUnavailable | None:
    """Say in the clerk's words why SQLite refused, and what to do about it; None for our own bugs
    (a broken constraint, bad SQL), which must reach the log as what they are."""
    text = str(getattr(error, "orig", error)).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The desk cannot write its data file {path}: it is read-only. Ask IT to give the desk write access to that folder, or choose another data folder with --data-dir.",
            ),
            path=str(path),
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The data file {path} is damaged or is not a desk database. It was left untouched; restore it from a backup or choose another data folder with --data-dir.",
            ),
            path=str(path),
        )
    if "locked" in text or "busy" in text:
        return StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors", "Another program is writing to the desk's data file {path}; wait a moment and try again."
            ),
            path=str(path),
        )
    if "disk" in text and "full" in text:
        return StoreUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The disk holding {path} is full; free some space and try again."),
            path=str(path),
        )
    if "no such" in text or "no column" in text or "syntax error" in text:
        return None  # SQL that does not fit the schema is our bug, not the store's
    if isinstance(error, (OperationalError, sqlite3.OperationalError, OSError)):
        return StoreUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The desk's data file {path} could not be used ({reason})."),
            path=str(path),
            reason=text,
        )
    return None


def _raise_store_problem(error: BaseException, path: Path) -> None:
    problem = store_problem(error, path)
    if problem is None:
        raise error
    raise problem from error


class Store:
    """The open local store. Reads may run on any thread; writes take the one writer lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = create_engine(
            f"sqlite:///{path}",
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            pool_size=4,
            max_overflow=4,
        )
        self._writer = threading.Lock()
        self._local = threading.local()
        self._keys: DataKeys | None = None  # set by open_store before anything is read
        # Who is acting, as (staff ID, authorising manager), asked by outbox.append_op; the open desk sets it.
        self.who_acts: Callable[[], tuple[str | None, str | None]] = lambda: (None, None)
        event.listen(self.engine, "connect", _on_connect)
        event.listen(self.engine, "begin", _on_begin)
        # Work that writes may leave behind (index merges), done by one background thread so
        # that no clerk's commit pays for it. Each task takes a connection inside a write transaction.
        self.housekeeping: list[Callable[[Connection], None]] = []
        self.housekeeping_interval = HOUSEKEEPING_SECONDS
        self._writes_since_housekeeping = 0
        self._housekeeper: threading.Thread | None = None
        self._closing = threading.Event()

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as connection:
                yield connection
        except DBAPIError as error:
            _raise_store_problem(error, self.path)

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction, taken with BEGIN IMMEDIATE so it never fails half-way on a lock upgrade.
        Nested on the same thread, it joins the open transaction: an approval and the operation it
        releases commit together."""
        joined = getattr(self._local, "connection", None)
        if joined is not None:
            yield joined
            return
        with self._transaction() as connection:
            self._local.connection = connection
            try:
                yield connection
            finally:
                self._local.connection = None
        self._note_write()

    def writing(self) -> bool:
        """Whether this thread is inside a write transaction, holding the one writer lock."""
        return getattr(self._local, "connection", None) is not None

    @property
    def keys(self) -> DataKeys:
        """The store's data keys: open_store finds them before anything is read or written."""
        if self._keys is None:
            raise RuntimeError(f"the data keys of {self.path} were asked for before the store was opened")
        return self._keys

    @keys.setter
    def keys(self, keys: DataKeys) -> None:
        self._keys = keys

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Connection]:
        with self._writer:
            try:
                with self.engine.connect().execution_options(desk_write=True) as connection, connection.begin():
                    connection.info["who_acts"] = self.who_acts
                    yield connection
            except DBAPIError as error:
                _raise_store_problem(error, self.path)

    def _note_write(self) -> None:
        self._writes_since_housekeeping += 1
        if self._housekeeper is None and self.housekeeping and not self._closing.is_set():
            self._housekeeper = threading.Thread(target=self._housekeep_loop, name="store-housekeeping", daemon=True)
            self._housekeeper.start()

    def _housekeep_loop(self) -> None:
        while not self._closing.wait(self.housekeeping_interval):
            if self._writes_since_housekeeping:
                self._writes_since_housekeeping = 0
                self.run_housekeeping()

    def run_housekeeping(self) -> None:
        try:
            for task in self.housekeeping:
                with self._transaction() as connection:
                    task(connection)
            self.checkpoint()
        except Exception:  # housekeeping may wait for the next round; it must never stop the desk
            log.exception("store housekeeping failed")

    def checkpoint(self) -> None:
        """Copy the WAL into the database file; PASSIVE, so readers and the writer carry on meanwhile."""
        with self.engine.connect() as connection:
            # On the driver connection: outside any transaction, where SQLite allows a checkpoint.
            _driver(connection).execute("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        self._closing.set()
        if self._housekeeper is not None:
            self._housekeeper.join(timeout=30)
        self.engine.dispose()


def _driver(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a checked-out one, for what SQLite allows only outside a transaction."""
    driver = connection.connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError(f"the store is not on sqlite3 but on {type(driver).__name__}")
    return driver


def _on_connect(dbapi_connection: sqlite3.Connection, record: object) -> None:
    # pysqlite's own transaction handling would begin late and DEFERRED; we issue BEGIN ourselves.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        # SQLite answers with the old mode when it may not write the file: treat as read-only.
        raise sqlite3.OperationalError(f"attempt to write a readonly database (journal mode stays {mode})")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed: no personal data left in free space
    cursor.execute("PRAGMA synchronous = FULL")  # a committed redemption must survive power loss
    # Checkpoints cost ~7 ms with FULL sync; the housekeeper does them between clerks' commits. This
    # higher threshold only matters if housekeeping falls behind (or never runs, as in a bulk script).
    cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    cursor.close()


def _on_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get("desk_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _check_file(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite (or a migration) touches it."""
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        _raise_store_problem(error, path)
    if header and header != SQLITE_HEADER:
        _raise_store_problem(sqlite3.DatabaseError("file is not a database"), path)


def open_store(data_dir: Path) -> Store:
    """Open (creating if need be) the store in `data_dir` and bring its schema to this version."""
    try:
        make_owner_only_folder(data_dir)
    except OSError as error:
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors", "The data folder {path} cannot be created ({reason}); choose another one with --data-dir."
            ),
            path=str(data_dir),
            reason=error.strerror or str(error),
        ) from error
    path = data_dir / STORE_FILE
    _check_file(path)
    _keep_owner_only(data_dir, path)
    store = Store(path)
    store.housekeeping.append(tidy_search_index)
    try:
        _prepare(store)
    except BaseException:
        store.close()
        raise
    return store


def _keep_owner_only(data_dir: Path, path: Path) -> None:
    """The data folder 0700 and every file in it 0600, an older desk's 0644 files included.

    A new store file is made 0600 before SQLite opens it: SQLite gives its -wal and -shm files the main
    file's mode, so they follow. A folder whose modes cannot be changed (another owner's copy) still opens."""
    try:
        for changed in tighten_folder(data_dir, DESK_FILES):
            log.warning("%s was readable by other accounts; it is now owner-only", changed)
        if not path.exists():
            create_owner_only_file(path)
    except OSError as error:
        log.warning("the data folder %s could not be made owner-only: %s", data_dir, error)


def _prepare(store: Store) -> None:
    """Find the store's key (making one for a new store), then migrate the schema, key at hand."""
    try:
        with store.engine.connect() as connection:
            tables = {
                name for (name,) in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            current = (
                connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                if "alembic_version" in tables
                else None
            )
            recorded: dict[str, str] = (
                dict(
                    connection.exec_driver_sql(
                        "SELECT key, value FROM store_meta WHERE key IN ('key_account', 'key_fingerprint')"
                    ).all()
                )
                if "store_meta" in tables
                else {}
            )
            connection.rollback()
        if current is not None and current >= PERSONAL_DATA_SEALED_AT and "key_fingerprint" not in recorded:
            raise StoreUnavailable(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The data file {path} has lost the record of its data key; restore the file from a backup. Nothing was changed.",
                ),
                path=str(store.path),
            )
        account = recorded.get("key_account") or str(uuid.uuid4())
        store.keys, fresh = load_keys(store.path.parent, account, recorded.get("key_fingerprint"))
        if current == SCHEMA_HEAD and not fresh:
            return
        from alembic import command
        from alembic.script import ScriptDirectory

        config = _alembic_config()
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            raise StoreUnavailable(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The data file {path} was written by a newer version of the desk; install that version (or newer) to open it.",
                ),
                path=str(store.path),
            )
        backup = backup_before_upgrade(store, current) if current is not None and current != head else None
        with store.engine.connect().execution_options(desk_write=True) as connection:
            driver = _driver(connection)
            driver.execute("PRAGMA foreign_keys = OFF")  # table rebuilds must not trip over references
            try:
                with connection.begin():
                    if current != head:
                        config.attributes.update(connection=connection, keys=store.keys)
                        command.upgrade(config, "head")
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                        if broken:
                            raise RuntimeError(f"the upgrade broke references: {broken[:3]}")
                    if fresh:
                        connection.exec_driver_sql(
                            "INSERT OR REPLACE INTO store_meta (key, value) VALUES ('key_account', ?), ('key_fingerprint', ?)",
                            (account, store.keys.fingerprint),
                        )
            finally:
                driver.execute("PRAGMA foreign_keys = ON")
        if current != head:
            log.info("store %s upgraded from %s to %s", store.path, current, head)
        if backup is not None and current is not None and current < PERSONAL_DATA_SEALED_AT:
            # That copy holds phone and ID numbers in clear; kept, it would undo the sealing.
            backup.unlink()
            log.info("removed %s: it predates sealed personal data", backup)
    except DBAPIError as error:
        _raise_store_problem(error, store.path)


def backup_before_upgrade(store: Store, revision: str) -> Path:
    """Copy the store with SQLite's backup API (never a file copy) before changing its schema."""
    folder = store.path.parent / "backups"
    make_owner_only_folder(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"desk-before-upgrade-{revision}-{stamp}.sqlite3"
    create_owner_only_file(target)  # a copy of every member's data: 0600 before SQLite writes a page
    source = sqlite3.connect(store.path)
    try:
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
    finally:
        source.close()
    return target


def schema_version(connection: Connection) -> str | None:
    """The schema revision the store is at, as Alembic recorded it."""
    version: str | None = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return version
