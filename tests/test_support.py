"""Crash safety and support: bugs logged with context and a friendly notice, the rotating log, the crash file,
the log viewer, copy diagnostics without secrets or members' data, `--version`, and the CLI's bug path."""

from __future__ import annotations

import faulthandler
import json
import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from counter_app import __version__, logs
from counter_app.cli import EXIT_UNEXPECTED
from counter_app.domain.errors import NotFound
from counter_app.gui import tasks
from counter_app.gui.support import CrashHandler, CrashNotice, LogViewerDialog, copy_diagnostics, install_crash_handler
from counter_app.services import diagnostics, members
from tests.conftest import ROOT, cli_main, form

KEY_LIBRARIES = (
    "PySide6",
    "SQLAlchemy",
    "alembic",
    "requests",
    "python-escpos",
    "pyzbar",
    "zxing-cpp",
    "opencv-python-headless",
    "Pillow",
    "cryptography",
    "argon2-cffi",
    "phonenumbers",
    "pypinyin",
    "openpyxl",
    "pydantic",
)


@pytest.fixture
def desk_log(desk):
    """The desk's log in its data folder, as the app sets it up; taken down again so other tests log nowhere."""
    path = logs.setup_logging(desk.data_dir)
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_desk_log", False)]:
        root.removeHandler(handler)
        handler.close()
    faulthandler.enable(file=sys.__stderr__)  # pytest's own crash reports, as before


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def _log_text(path: Path) -> str:
    _flush()
    return path.read_text(encoding="utf-8")


@pytest.fixture
def handler(qapp, desk, desk_log):
    crash = CrashHandler(qapp, desk, context=lambda: {"page": "member card"}).install()
    yield crash
    crash.uninstall()
    if crash.notice is not None:
        crash.notice.close()


def _raise_in_slot(qtbot, message: str = "the coupon table went away") -> None:
    def slot() -> None:
        raise RuntimeError(message)

    QTimer.singleShot(0, slot)
    qtbot.wait(20)


def _notices() -> list[CrashNotice]:
    return [
        widget for widget in QApplication.topLevelWidgets() if isinstance(widget, CrashNotice) and widget.isVisible()
    ]


def _visible_text(widget: QWidget) -> str:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    return "\n".join(
        [label.text() for label in widget.findChildren(QLabel)]
        + [button.text() for button in widget.findChildren(QAbstractButton)]
        + [widget.windowTitle()]
    )


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_is_logged_with_context_and_the_clerk_reads_a_sentence(qtbot, qapp, desk, desk_log, handler):
    front = QWidget()
    front.setObjectName("memberCard")
    front.setWindowTitle("Member M00012345")
    qtbot.addWidget(front)
    front.show()
    front.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is front)
    _raise_in_slot(qtbot)
    qtbot.waitUntil(lambda: handler.notice is not None)

    text = _log_text(desk_log)
    assert "ERROR counter_app.crash: unhandled RuntimeError: the coupon table went away" in text
    assert "Traceback (most recent call last)" in text and "in slot" in text
    for context in (
        "staff=ADMIN (admin)",
        f"app_version={__version__}",
        "page=member card",
        "thread=MainThread",
        "#memberCard",
        f"({desk.counter_uid})",
    ):
        assert context in text
    notice = handler.notice
    assert QApplication.activeModalWidget() is notice  # modal, yet the event loop went on (we are here)
    shown = _visible_text(notice)
    assert "Something unexpected went wrong at the desk." in shown
    assert "Your last completed operation is saved" in shown
    assert "Copy diagnostics" in shown and "Show log" in shown
    assert "Traceback" not in shown and "RuntimeError" not in shown and "coupon table" not in shown

    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().accept())
    qtbot.waitUntil(lambda: handler.notice is None)
    assert _notices() == []


@pytest.mark.qt_no_exception_capture
def test_a_storm_of_errors_shows_one_notice(qtbot, qapp, desk, desk_log, handler):
    for _ in range(2):
        _raise_in_slot(qtbot)
    qtbot.waitUntil(lambda: handler.handled == 2)
    assert len(_notices()) == 1
    assert "This happened 2 times" in handler.notice.repeats.text()
    assert _log_text(desk_log).count("unhandled RuntimeError") == 2

    handler.notice.accept()
    qtbot.waitUntil(lambda: handler.notice is None)
    # The same bug again at once (a timer's): logged, not another box in the clerk's way.
    _raise_in_slot(qtbot)
    qtbot.waitUntil(lambda: handler.handled == 3)
    assert handler.notice is None and _notices() == []
    assert _log_text(desk_log).count("unhandled RuntimeError") == 3
    # Another bug is news: it is shown.
    QTimer.singleShot(0, lambda: {}["missing"])
    qtbot.waitUntil(lambda: handler.notice is not None)
    assert len(_notices()) == 1
    handler.notice.accept()


@pytest.mark.qt_no_exception_capture
def test_a_notice_closed_with_its_window_does_not_silence_the_next_bug(qtbot, qapp, desk, desk_log, handler):
    front = QWidget()
    front.show()
    front.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is front)
    _raise_in_slot(qtbot)
    qtbot.waitUntil(lambda: handler.notice is not None)
    front.deleteLater()  # the dialog that failed is closed, and its notice with it
    qtbot.waitUntil(lambda: _notices() == [])
    QTimer.singleShot(0, lambda: {}["missing"])
    qtbot.waitUntil(lambda: len(_notices()) == 1)
    handler.notice.accept()


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_thread_is_logged_and_shown_on_the_gui_thread(qtbot, qapp, desk, desk_log, handler):
    def work() -> None:
        raise ValueError("printer answered garbage")

    worker = threading.Thread(target=work, name="print-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: handler.notice is not None)
    text = _log_text(desk_log)
    assert (
        "unhandled ValueError: printer answered garbage" in text
        and "thread=print-worker" in text
        and "Traceback" in text
    )
    handler.notice.accept()


@pytest.mark.qt_no_exception_capture
def test_the_notice_copies_diagnostics_and_opens_the_log(qtbot, qapp, desk, desk_log, handler):
    tasks.run_synchronously(True)
    try:
        _raise_in_slot(qtbot)
        qtbot.waitUntil(lambda: handler.notice is not None)
        notice = handler.notice
        notice.copy_button.click()
        assert notice.isVisible()  # copying leaves the notice open
        assert QApplication.clipboard().text().startswith(f"counter-app {__version__} diagnostics")
        assert "Diagnostics copied" in notice.status.text()
        notice.log_button.click()
        viewer = notice.viewer
        assert viewer.isVisible() and handler.notice is None
        assert any("unhandled RuntimeError" in entry.message for entry in viewer.shown_entries)
        viewer.close()
    finally:
        tasks.run_synchronously(False)


def test_install_crash_handler_replaces_the_hooks(qapp, desk, desk_log):
    before = (sys.excepthook, threading.excepthook)
    installed = install_crash_handler(qapp, desk)
    try:
        assert sys.excepthook == installed.excepthook and threading.excepthook == installed.thread_excepthook
    finally:
        installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_log_rotates_at_its_size(desk, desk_log):
    record = "x" * 999
    for _ in range(1200):  # about 1.2 MB
        logging.getLogger("counter_app.test").info(record)
    _flush()
    folder = desk_log.parent
    assert (folder / "desk.log.1").is_file()
    assert (folder / "desk.log").stat().st_size <= logs.MAX_BYTES
    assert (folder / "desk.log.1").stat().st_size <= logs.MAX_BYTES
    assert [path.name for path in logs.log_files(desk.data_dir)] == ["desk.log.1", "desk.log"]
    assert sum(entry.message == record for entry in logs.read_log(desk.data_dir)) == 1200


def test_setting_up_the_log_twice_adds_no_second_handler(desk, desk_log):
    assert logs.setup_logging(desk.data_dir) == desk_log
    ours = [handler for handler in logging.getLogger().handlers if getattr(handler, "_desk_log", False)]
    assert len(ours) == 1
    logging.getLogger("counter_app.test").warning("written once")
    assert _log_text(desk_log).count("written once") == 1


def test_faulthandler_writes_to_the_crash_file(desk, desk_log):
    assert faulthandler.is_enabled()
    assert logs.crash_file_path() == desk_log.parent / logs.CRASH_FILE


def test_a_hard_crash_leaves_a_trace_that_diagnostics_report(tmp_path, desk):
    child = tmp_path / "crashed-desk"
    script = f"from pathlib import Path; from counter_app import logs; logs.setup_logging(Path({str(child)!r})); import faulthandler; faulthandler._sigsegv()"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode != 0
    crash = (child / "logs" / logs.CRASH_FILE).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in crash
    report = diagnostics.diagnostics(None, child)
    assert report["crash"]["last_hard_crash"] and any("Segmentation fault" in line for line in report["crash"]["trace"])


def _write_day(logger_name: str = "counter_app.gui.printer_status") -> None:
    log = logging.getLogger(logger_name)
    log.info("printer ready")
    log.warning("printer check failed: tcp://192.168.1.50:9100 refused the connection")
    try:
        raise ConnectionError("the server did not answer")
    except ConnectionError:
        logging.getLogger("counter_app.gui.tasks").exception("background task SyncController._round failed")
    log.info("sync done; 3 operations pushed")
    _flush()


def test_the_log_viewer_lists_filters_and_searches(qtbot, desk, desk_log):
    _write_day()
    tasks.run_synchronously(True)
    try:
        viewer = LogViewerDialog(desk)
        qtbot.addWidget(viewer)
        viewer.show()
        messages = [entry.message for entry in viewer.shown_entries]
        assert messages.index("sync done; 3 operations pushed") < messages.index("printer ready")  # newest first
        assert "printer ready" in viewer.text.toPlainText()
        assert viewer.text.isReadOnly()

        viewer.level_combo.setCurrentIndex(2)  # errors
        assert [entry.level for entry in viewer.shown_entries] == ["ERROR"]
        assert "ConnectionError: the server did not answer" in viewer.text.toPlainText()  # with its traceback
        viewer.level_combo.setCurrentIndex(1)  # warnings and errors
        assert {entry.level for entry in viewer.shown_entries} == {"WARNING", "ERROR"}

        viewer.level_combo.setCurrentIndex(0)
        qtbot.keyClicks(viewer.search_edit, "REFUSED")
        assert [entry.message for entry in viewer.shown_entries] == [
            "printer check failed: tcp://192.168.1.50:9100 refused the connection"
        ]
        viewer.search_edit.setText("no such words")
        assert viewer.shown_entries == [] and "No entries match" in viewer.status.text()

        viewer.search_edit.clear()
        logging.getLogger("counter_app.test").error("a later error")
        _flush()
        viewer.refresh_button.click()
        assert viewer.shown_entries[0].message == "a later error"
    finally:
        tasks.run_synchronously(False)


def test_the_log_viewer_says_when_there_is_no_log(qtbot, tmp_path, desk):
    tasks.run_synchronously(True)
    try:
        viewer = LogViewerDialog(desk)  # the desk fixture's folder has no log set up
        qtbot.addWidget(viewer)
        assert viewer.shown_entries == []
        assert (
            "has not written a log yet" in viewer.status.text() and str(desk.data_dir / "logs") in viewer.status.text()
        )
    finally:
        tasks.run_synchronously(False)


def test_the_log_viewer_hides_members_data(qtbot, desk, desk_log):
    logging.getLogger("counter_app.test").error("insert failed for 13800138000 张三丰 id 11010119900307451X")
    _flush()
    tasks.run_synchronously(True)
    try:
        viewer = LogViewerDialog(desk)
        qtbot.addWidget(viewer)
        shown = viewer.text.toPlainText()
        assert "insert failed for [phone] [Chinese text] id [ID number]" in shown
        assert "13800138000" not in shown and "张三丰" not in shown
    finally:
        tasks.run_synchronously(False)


def test_copy_diagnostics_has_versions_and_no_secrets_or_members_data(qapp, desk, desk_log):
    card = members.register_member(desk, form(phone="13800138000", name="张三丰", id_number="110101199003074514"))
    log = logging.getLogger("counter_app.test")
    log.info("sign in ADMIN pin=135790")
    log.warning("sync refused: Authorization: Bearer tok-7f3a9c21e5")
    log.error("lookup of 138 0013 8000 failed for 张三丰, ID 110101199003074514")
    log.error(
        "enroll --code=K7Q-99X2 failed\n[parameters: ('13800138000', '张三丰', '$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA')]"
    )
    _flush()

    text = copy_diagnostics(desk)
    assert QApplication.clipboard().text() == text
    assert text.startswith(f"counter-app {__version__} diagnostics")
    for library in KEY_LIBRARIES:
        assert f"  {library}: " in text
    assert (
        f"counter uid: {desk.counter_uid}" in text and "schema version: " in text and "qt platform: offscreen" in text
    )
    assert "pending operations: 1" in text  # the registration waits to sync
    assert "sync refused" in text and "pin=[removed]" in text
    for secret in (
        "135790",
        "tok-7f3a9c21e5",
        "K7Q-99X2",
        "13800138000",
        "138 0013 8000",
        "张三丰",
        "110101199003074514",
        "$argon2id",
    ):
        assert secret not in text, secret
    assert card.member_no  # the member exists; only the number (not personal) may appear


@pytest.mark.parametrize(
    ("line", "scrubbed"),
    [
        ("call +86 139-1234-5678 now", "call [phone] now"),
        ("masked 139****5678 stays", "masked 139****5678 stays"),
        ("op 6f1c2d3e-1381-2345-6789-138123456789 stays", "op 6f1c2d3e-1381-2345-6789-138123456789 stays"),
        ("old id 110101900307451", "old id [ID number]"),
        ("printer tcp://admin:s3cret@10.0.0.5:9100", "printer tcp://[removed]@10.0.0.5:9100"),
        ("token: 'abc.def'", "token: '[removed]'"),
        ("mail li@example.com", "mail [email]"),
        (
            "2026-11-23 10:30:00,123 INFO x: member M00012345 done",
            "2026-11-23 10:30:00,123 INFO x: member M00012345 done",
        ),
    ],
)
def test_scrub(line, scrubbed):
    assert diagnostics.scrub(line) == scrubbed


def test_a_failed_background_task_is_logged_once_with_its_traceback(qtbot, desk, desk_log):
    owner = QWidget()
    qtbot.addWidget(owner)
    seen = []
    tasks.run_synchronously(True)
    try:

        def fail() -> int:
            return 1 // 0

        tasks.Op(owner, fail).failure(
            lambda error: (
                seen.append(error),
                logging.getLogger("counter_app.gui.test").error("showing it failed", exc_info=error),
            )
        ).run()
        tasks.Op(owner, lambda: (_ for _ in ()).throw(NotFound("No member {ref}.", ref="M404"))).failure(
            seen.append
        ).run()
    finally:
        tasks.run_synchronously(False)
    text = _log_text(desk_log)
    assert len(seen) == 2
    assert (
        "background task test_a_failed_background_task_is_logged_once_with_its_traceback.<locals>.fail (for QWidget) failed"
        in text
    )
    assert text.count("Traceback (most recent call last)") == 1 and "ZeroDivisionError" in text
    assert "showing it failed (ZeroDivisionError: traceback logged above)" in text
    assert "No member" not in text  # a refusal the widget explains is no bug


def test_version_lists_the_key_libraries(data_dir):
    done = cli_main("--version", data_dir=data_dir, staff=None)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"counter-app {__version__}\n")
    for library in KEY_LIBRARIES:
        line = next(line for line in done.stdout.splitlines() if line.strip().startswith(f"{library}:"))
        assert diagnostics.NOT_INSTALLED not in line
    assert "SQLite:" in done.stdout and "Python:" in done.stdout and "Platform:" in done.stdout
    assert not data_dir.exists()  # no desk was opened for it


def test_versions_come_from_the_module_where_metadata_is_missing():
    # A bundle that did not collect a package's dist-info still names its version, or says it is missing.
    import json as stdlib_json

    assert diagnostics._version(("no-such-distribution",), "json") == stdlib_json.__version__
    assert diagnostics._version(("no-such-distribution",), "no_such_module") == diagnostics.NOT_INSTALLED


def test_version_text_loads_no_qt():
    script = "import sys; from counter_app.services.diagnostics import version_text; version_text(); print('PySide6' in sys.modules, 'sqlalchemy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.stdout.split() == ["False", "False"], done.stderr


def test_diagnostics_command(data_dir):
    done = cli_main("diagnostics", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["versions"]["counter-app"] == __version__
    assert report["desk"]["schema_version"] == report["desk"]["schema_head"]
    assert report["sync"]["enrolled"] is False and report["printer"]["last_known_state"] == "none"
    assert "135790" not in done.stdout
    human = cli_main("diagnostics", data_dir=data_dir)
    assert human.returncode == 0 and "[versions]" in human.stdout and "[log: last " in human.stdout


def test_diagnostics_command_reports_when_the_store_will_not_open(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.json").write_text("{not json", encoding="utf-8")
    done = cli_main("diagnostics", "--json", data_dir=data_dir, staff=None)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["desk"]["store"].startswith("not open: The settings file")
    assert "settings.json" in report["settings"]["unavailable"]
    assert "  SQLAlchemy: " in cli_main("diagnostics", data_dir=data_dir, staff=None).stdout


BUGGY_DESK = """
import sys
from counter_app import cli
from counter_app.services import desk as desk_service

def desk_status(desk):
    raise RuntimeError("status table went away")

desk_service.desk_status = desk_status  # a bug in a service, as a real one would surface
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("as_json", [False, True])
def test_an_unexpected_cli_error_is_a_sentence_and_a_logged_traceback(data_dir, as_json):
    extra = ["--json"] if as_json else []
    done = subprocess.run(
        [sys.executable, "-c", BUGGY_DESK, "--data-dir", str(data_dir), "--lang", "en", "status", *extra],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == EXIT_UNEXPECTED
    assert "Traceback" not in done.stderr and "RuntimeError" not in done.stderr
    assert (
        done.stderr.strip()
        == f"Something unexpected went wrong; nothing more was changed. Details are in {data_dir / 'logs' / 'desk.log'}."
    )
    if as_json:
        assert json.loads(done.stdout)["error"]["kind"] == "Unexpected"
    else:
        assert done.stdout == ""
    text = (data_dir / "logs" / "desk.log").read_text(encoding="utf-8")
    assert "unhandled RuntimeError: status table went away" in text and "command=status" in text
    assert "Traceback (most recent call last)" in text and "in desk_status" in text
