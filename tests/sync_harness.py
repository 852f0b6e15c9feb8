"""Real central servers for the sync tests: uvicorn in a child process on 127.0.0.1, on SQLite or
on a PostgreSQL database of its own; and enrolled counters, each with its own data folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.conftest import ROOT

PG_URL_ENV = "COUNTER_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_for(backend: str, folder: Path) -> tuple[str, callable]:
    """A fresh database: a file for SQLite, a new database on the test PostgreSQL server."""
    if backend == "sqlite":
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / 'server.db'}", lambda: None
    admin_url = os.environ.get(PG_URL_ENV)
    if not admin_url:
        if os.environ.get("COUNTER_REQUIRE_PG"):
            pytest.fail(f"{PG_URL_ENV} is not set but COUNTER_REQUIRE_PG is: the PostgreSQL tests must run here.")
        pytest.skip(f"no PostgreSQL for the tests: set {PG_URL_ENV} (bash installer/postgres-for-tests.sh prints it)")
    name = f"desk_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return admin_url.rsplit("/", 1)[0] + f"/{name}", drop


class Server:
    """`counter-server` as an administrator runs it, with a handle on its database for checks."""

    def __init__(self, db_url: str, folder: Path, workers: int = 1, options: tuple[str, ...] = ()) -> None:
        self.db_url = db_url
        self.workers = workers
        self.options = options  # more `counter-server` options, e.g. ("--trusted-proxy", "127.0.0.1")
        self.folder = folder
        self.key_file = folder / "server.key"  # outside the database: on PostgreSQL too, one per test server
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.engine = create_engine(db_url)

    def start(self) -> Server:
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115 - the server writes to it while it runs
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server",
                "--db",
                self.db_url,
                "--key-file",
                str(self.key_file),
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
                *self.options,
            ],
            cwd=ROOT,
            stdout=log,
            stderr=log,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"counter-server exited: {(self.folder / 'server.log').read_text()[-2000:]}")
            try:
                if requests.get(f"{self.url}/v1/info", timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("counter-server did not start in 30 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def command(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sync.server", "--db", self.db_url, "--key-file", str(self.key_file), *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            env={**os.environ, **(env or {})},
        )

    def add_staff(self, staff_id: str, role: str, store: str | None = "万达广场", pin: str = "246813") -> None:
        """An account made at the server (`counter-server staff add`): of STORE, or chain-wide for None."""
        where = ("--store", store) if store is not None else ("--chain-wide",)
        done = self.command(
            "staff", "add", staff_id, "--name", "总部员工", "--role", role, *where, env={"COUNTER_PIN": pin}
        )
        assert done.returncode == 0, done.stderr

    def enroll_code(self, store: str = "万达广场") -> str:
        done = self.command("enroll-code", "--store", store)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def scalar(self, sql: str, **params: object) -> object:
        with self.engine.connect() as connection:
            return connection.execute(text(sql), params).scalar()

    def rows(self, sql: str, **params: object) -> list:
        with self.engine.connect() as connection:
            return connection.execute(text(sql), params).all()

    def close(self) -> None:
        self.stop()
        self.engine.dispose()


@pytest.fixture(params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path: Path):
    folder = tmp_path / "server"
    folder.mkdir()
    url, drop = database_for(request.param, folder)
    running = Server(url, folder)
    try:
        yield running.start()
    finally:
        running.close()
        drop()


@pytest.fixture
def sqlite_server(tmp_path: Path):
    folder = tmp_path / "server"
    folder.mkdir()
    url, _ = database_for("sqlite", folder)
    running = Server(url, folder)
    try:
        yield running.start()
    finally:
        running.close()


class Clock:
    """A counter's wall clock the test moves: offline limits depend on time since the last sync."""

    def __init__(self, now) -> None:
        self.now = now

    def __call__(self):
        return self.now


def enrolled_counter(folder: Path, server: Server, clock=None):
    from counter_app.services import sync
    from tests.conftest import NOW, signed_in_desk

    desk = signed_in_desk(folder, clock or (lambda: NOW))
    sync.enroll(desk, server.url, server.enroll_code())
    return desk


def balances(desk) -> dict[str, int]:
    with desk.store.read() as connection:
        return {
            row.member_no: row.points
            for row in connection.exec_driver_sql("SELECT member_no, points FROM members ORDER BY member_no")
        }


def server_balances(server: Server) -> dict[str, int]:
    return {
        row.member_no: row.points for row in server.rows("SELECT member_no, points FROM members ORDER BY member_no")
    }
