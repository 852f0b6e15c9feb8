"""Shared test set-up: offscreen Qt, a temporary desk on a real SQLite file, a fixed clock, synchronous tasks."""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import faulthandler
import io
import logging
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from contextlib import closing
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from argon2 import PasswordHasher

from counter_app import i18n
from counter_app.db import keys
from counter_app.db.store import STORE_FILE, open_store
from counter_app.domain.members import RegistrationForm
from counter_app.services import auth
from counter_app.services.desk import Desk, open_desk

# Tests sign in hundreds of times: a cheap Argon2 setting keeps that quick. The desk's own setting
# is checked by test_staff.py; hashes carry their parameters, so verification works either way.
auth.PIN_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
ADMIN, ADMIN_PIN = "ADMIN", "135790"

CHINA = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 11, 23, 10, 30, tzinfo=CHINA)
ROOT = Path(__file__).resolve().parent.parent


SERVER_FIXTURES = {"server", "sqlite_server"}
SLOW_NEEDS = ("server", "pg", "cli", "realwin")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Markers read off what each test uses, so that none is forgotten: `gui` for widgets, `server` for a real
    server process, `pg` for PostgreSQL; and `slow`, keeping it out of the fast tier, for anything that needs a
    server, PostgreSQL or a child process."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        callspec = getattr(item, "callspec", None)
        params = callspec.params if callspec is not None else {}
        if used & {"qtbot", "qapp"}:
            item.add_marker(pytest.mark.gui)
        if used & SERVER_FIXTURES or "backend" in params:
            item.add_marker(pytest.mark.server)
        if "postgresql" in params.values():
            item.add_marker(pytest.mark.pg)
        if any(item.get_closest_marker(need) for need in SLOW_NEEDS):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """Each phase's report kept on the test, so that a fixture's teardown knows whether the test failed (the
    real-window suite keeps its screenshots then)."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _language():
    i18n.set_language("en")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(autouse=True)
def _scanner_off_unless_tested(request, monkeypatch):
    """QTest types every key at once, as fast as a handheld scanner: outside the scanner's own tests
    (marked `scanner`), the desk's typing tests would be scans. The wedge is off for them."""
    if request.node.get_closest_marker("scanner") is None and "PySide6" in sys.modules:
        from counter_app.gui.scanner import KeyboardWedge

        monkeypatch.setattr(KeyboardWedge, "enabled_by_default", False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "desk-data"


_template: Path | None = None


def _migrated_template() -> Path:
    """One empty store per test process, migrated once: the migrations cost 1–3 s a store, a copy 0.04 s."""
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="desk-template-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        open_store(folder).close()
        _template = folder
    return _template


def new_store(data_dir: Path) -> Path:
    """A new, empty store in `data_dir`, copied from the migrated template, with a data key of its own as
    every new store gets (two counters in one test never share a key)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(_migrated_template() / STORE_FILE, data_dir / STORE_FILE)
    account, master = str(uuid.uuid4()), secrets.token_bytes(32)
    keys.save_key(data_dir, account, master)
    with closing(sqlite3.connect(data_dir / STORE_FILE)) as connection, connection:
        connection.executemany(
            "UPDATE store_meta SET value = ? WHERE key = ?",
            [(account, "key_account"), (keys.fingerprint_of(master), "key_fingerprint")],
        )
    return data_dir


def signed_in_desk(data_dir: Path, clock=lambda: NOW) -> Desk:
    """A desk with its first administrator created and signed in; a new folder starts from the template store."""
    if not (data_dir / STORE_FILE).exists():
        new_store(data_dir)
    opened = open_desk(data_dir, clock=clock)
    if not auth.has_staff(opened):
        auth.create_first_admin(opened, ADMIN, "系统管理员", ADMIN_PIN)
    auth.sign_in(opened, ADMIN, ADMIN_PIN)
    return opened


def checked_in_at_event(desk: Desk, ref: str, code: str) -> None:
    """The member checked in at an event that is on now and gives no points of its own, so that
    points.award_activity gives the rules' check-in points as it did before events had to exist."""
    from counter_app.domain.staff import Actor
    from counter_app.services import member_events

    # As the desk's first administrator, whom an enrolled desk's server knows: an event made by an account the
    # server does not know is refused there, and so are its check-ins and points.
    with desk.acting_as(Actor(ADMIN, "系统管理员", "admin")):
        if code.upper() not in {event.code for event in member_events.list_events(desk)}:
            now = desk.now()
            member_events.create_event(desk, code, code, now - dt.timedelta(hours=1), now + dt.timedelta(hours=1), 0)
        member_events.check_in(desk, ref, code)


def present(desk: Desk, ref: str):
    """The member of `ref` shown to be at the desk, as a spend needs (services/presence.py): the code their phone
    shows now, scanned here. On an enrolled desk the central server signs it, so the server must be up."""
    from counter_app.services import member_codes

    return member_codes.prove_presence(desk, member_codes.member_code(desk, ref))


def phone_code(data_dir: Path, ref: str) -> str:
    """What the member's phone shows now (`counter-app member code`), for a CLI spend's --code."""
    import json

    shown = cli_main("member", "code", ref, "--json", data_dir=data_dir)
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)["code"]


def vouched(reason: str = "member known to the manager; ID checked at the desk"):
    """A manager's override of the presence rule, for a desk signed in as a manager or administrator."""
    from counter_app.domain.presence import Presence

    return Presence.override(reason)


@pytest.fixture
def desk(data_dir: Path) -> Desk:
    opened = signed_in_desk(data_dir)
    yield opened
    opened.close()


def form(**overrides: object) -> RegistrationForm:
    values = {"phone": "13800138000", "name": "张三丰", "consent": True}
    values.update(overrides)
    return RegistrationForm(**values)  # type: ignore[arg-type]


def _cli_command(args: tuple[str, ...], data_dir: Path, lang: str | None, staff: str | None) -> list[str]:
    """The command line after `counter-app`: the test's data folder, language and staff member, then `args`."""
    command = ["--data-dir", str(data_dir)]
    if lang:
        command += ["--lang", lang]
    if staff is not None:
        if staff == ADMIN and not (data_dir / ".test-admin").exists():
            signed_in_desk(data_dir).close()
            (data_dir / ".test-admin").touch()
        command += ["--staff", staff]
    return [*command, *args]


def run_cli(
    *args: str,
    data_dir: Path,
    env: dict[str, str] | None = None,
    lang: str | None = "en",
    staff: str | None = ADMIN,
    pin: str = ADMIN_PIN,
) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process, as a script or a support engineer runs it;
    signed in as the store's administrator (made on first use) unless `staff` is None."""
    command = [sys.executable, "-m", "counter_app", *_cli_command(args, data_dir, lang, staff)]
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTER_PIN": pin, **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, env=full_env, timeout=120, cwd=ROOT)


def cli_main(
    *args: str,
    data_dir: Path,
    env: dict[str, str] | None = None,
    lang: str | None = "en",
    staff: str | None = ADMIN,
    pin: str = ADMIN_PIN,
) -> subprocess.CompletedProcess[str]:
    """`run_cli` in this process: `counter_app.cli.main` with the same arguments, environment and result
    (exit code, stdout, stderr as text), without a Python start-up per command.

    What a child process would have thrown away is put back afterwards: os.environ, the working folder,
    stdin, the language, the log handlers the command set up (and faulthandler, which they point to a file)."""
    from counter_app import cli

    command = _cli_command(args, data_dir, lang, staff)
    stdout, stderr = io.StringIO(), io.StringIO()
    saved_env, saved_cwd, saved_stdin = dict(os.environ), os.getcwd(), sys.stdin
    saved_language = i18n.language()
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    faults_on = faulthandler.is_enabled()
    os.environ.update({"QT_QPA_PLATFORM": "offscreen", "COUNTER_PIN": pin, **(env or {})})
    os.chdir(ROOT)
    sys.stdin = io.StringIO()  # no terminal: a PIN not in the environment is refused, as in a pipe
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = cli.main(command)
            except SystemExit as done:  # argparse: --help, --version, a usage mistake
                if done.code is None or isinstance(done.code, int):
                    code = done.code or 0
                else:
                    stderr.write(f"{done.code}\n")
                    code = 1
    finally:
        sys.stdin = saved_stdin
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        i18n.set_language(saved_language)
        for handler in [h for h in root.handlers if h not in saved_handlers]:
            root.removeHandler(handler)
            handler.close()
        for handler in saved_handlers:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(saved_level)
        if faults_on:
            faulthandler.enable(file=sys.__stderr__)  # pytest's own crash reports, as before
        else:
            faulthandler.disable()
    return subprocess.CompletedProcess(["counter-app", *command], code, stdout.getvalue(), stderr.getvalue())
