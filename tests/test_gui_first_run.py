"""The first-run wizard on a new data folder, driven with the keyboard: a printed test page, enrolment, bad input, cancel and resume."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QWizard

from counter_app import config, i18n
from counter_app.devices.printer_emulator import PrinterEmulator
from counter_app.domain.errors import DeskError
from counter_app.gui import tasks
from counter_app.gui.app import apply_style, install_translations
from counter_app.gui.first_run import FirstRunWizard
from counter_app.services import auth, first_run, sync
from counter_app.services.desk import open_desk
from tests.conftest import NOW
from tests.sync_harness import sqlite_server  # noqa: F401 (a fixture)
from tests.test_gui import type_text

QStandardPaths.setTestModeEnabled(True)
W = FirstRunWizard
PIN = "246813"


@pytest.fixture
def new_desk(data_dir):
    """A desk as a fresh machine first opens it: no staff, no settings file."""
    opened = open_desk(data_dir, clock=lambda: NOW)
    yield opened
    opened.close()


@pytest.fixture
def printer():
    with PrinterEmulator() as emulator:
        yield emulator


@pytest.fixture
def wizard_for(qtbot, qapp):
    tasks.run_synchronously(True)
    install_translations(qapp, "en")
    apply_style(qapp)
    made = []

    def make(desk) -> FirstRunWizard:
        wizard = FirstRunWizard(desk)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        wizard.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.camera_page.check.stop()
    tasks.run_synchronously(False)


def enter(qtbot, wizard, expect: int | None = None) -> None:
    """Enter where the focus is (Enter = Next), and, when given, wait for the page it leads to."""
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Return)
    if expect is not None:
        qtbot.waitUntil(lambda: wizard.currentId() == expect, timeout=10_000)


def type_into(qtbot, edit, text: str) -> None:
    edit.clear()
    type_text(qtbot, edit, text)


def shown(label) -> str:
    assert label.isVisible(), "the message is not on screen"
    return label.text()


def through_admin(qtbot, wizard, store="万象城", counter="1F 服务台") -> None:
    """Welcome, store and administrator pages, as an IT person types them."""
    assert wizard.currentId() == W.WELCOME
    enter(qtbot, wizard, W.STORE)
    assert wizard.store_page.store_edit.hasFocus()
    type_into(qtbot, wizard.store_page.store_edit, store)
    qtbot.keyClick(wizard.store_page.store_edit, Qt.Key.Key_Tab)
    assert wizard.store_page.counter_edit.hasFocus()
    type_into(qtbot, wizard.store_page.counter_edit, counter)
    enter(qtbot, wizard, W.ADMIN)
    page = wizard.admin_page
    assert page.staff_edit.hasFocus()
    for edit, text in (
        (page.staff_edit, "A001"),
        (page.name_edit, "王经理"),
        (page.pin_edit, PIN),
        (page.pin_again_edit, PIN),
    ):
        assert edit.hasFocus()
        type_text(qtbot, edit, text)
        if edit is not page.pin_again_edit:
            qtbot.keyClick(edit, Qt.Key.Key_Tab)
    enter(qtbot, wizard, W.SERVER)


def test_the_whole_wizard_with_the_keyboard_prints_a_test_page_and_saves_the_desk(
    qtbot, wizard_for, new_desk, data_dir, printer
):
    assert first_run.needs_setup(new_desk)
    wizard = wizard_for(new_desk)
    through_admin(qtbot, wizard)
    assert wizard.actor.staff_id == "A001" and wizard.actor.role == "admin"
    assert wizard.server_page.standalone_radio.isChecked()
    enter(qtbot, wizard, W.PRINTER)

    check = wizard.printer_page.check
    assert check.uri_edit.hasFocus()
    type_into(qtbot, check.uri_edit, printer.uri)
    qtbot.keyClick(check.print_button, Qt.Key.Key_Space)
    assert printer.wait_for(1)
    assert "If you can read this, the printer works." in printer.receipts[0].text
    assert "万象城" in printer.receipts[0].text  # the store's name saved on the admin page heads the test page
    assert "went out" in check.status_label.text()
    enter(qtbot, wizard, W.CAMERA)

    qtbot.keyClick(wizard.camera_page.skip_box, Qt.Key.Key_Space)
    assert wizard.camera_page.skip_box.isChecked()
    enter(qtbot, wizard, W.DONE)
    summary = wizard.done_page.summary.text()
    assert "万象城" in summary and printer.uri in summary and "standalone" in summary
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted)

    saved = config.load_settings(data_dir)
    assert (saved.store_name, saved.counter_name, saved.printer_uri, saved.camera, saved.language) == (
        "万象城",
        "1F 服务台",
        printer.uri,
        "",
        "en",
    )
    assert not first_run.needs_setup(new_desk)
    assert first_run.progress(new_desk).finished
    auth.sign_out(new_desk)
    assert auth.sign_in(new_desk, "a001", PIN).role == "admin"


def test_enrolment_with_a_wrong_code_is_refused_in_a_sentence_then_a_right_one_enrols(
    qtbot, wizard_for, new_desk, sqlite_server
):
    wizard = wizard_for(new_desk)
    through_admin(qtbot, wizard)
    page = wizard.server_page
    qtbot.keyClick(page.standalone_radio, Qt.Key.Key_Down)  # arrow keys move between the two choices
    assert page.enrol_radio.isChecked() and page.server_edit.isEnabled()
    qtbot.keyClick(page.enrol_radio, Qt.Key.Key_Tab)
    assert page.server_edit.hasFocus()
    type_text(qtbot, page.server_edit, sqlite_server.url)
    qtbot.keyClick(page.server_edit, Qt.Key.Key_Tab)
    type_text(qtbot, page.code_edit, "WRONG-CODE")
    enter(qtbot, wizard)
    assert wizard.currentId() == W.SERVER
    refusal = shown(page.message)
    assert refusal.startswith("The server refused the enrolment") and "Traceback" not in refusal
    assert not sync.sync_status(new_desk).enrolled

    type_into(qtbot, page.code_edit, sqlite_server.enroll_code("万达广场"))
    enter(qtbot, wizard)
    assert wizard.currentId() == W.SERVER  # the server's answer is shown before going on
    assert (
        "万达广场" in page.status_label.text()
        and f"counter number {new_desk.settings.counter_no}" in page.status_label.text()
    )
    assert sync.sync_status(new_desk).enrolled
    enter(qtbot, wizard, W.PRINTER)
    assert "server" in first_run.progress(new_desk).done


def test_an_unreachable_server_is_a_sentence(qtbot, wizard_for, new_desk):
    wizard = wizard_for(new_desk)
    through_admin(qtbot, wizard)
    page = wizard.server_page
    page.enrol_radio.setChecked(True)
    type_into(qtbot, page.server_edit, "http://127.0.0.1:9")
    type_into(qtbot, page.code_edit, "K7QX-M2PD")
    enter(qtbot, wizard)
    assert "cannot be reached" in shown(page.message)
    assert wizard.currentId() == W.SERVER


@pytest.mark.parametrize(
    ("store", "counter", "field", "words"),
    [
        ("", "1F", "store", "Enter the store's name"),
        ("万" * 41, "1F", "store", "at most 40 characters, this one has 41"),
        ("万象城", "柜" * 41, "counter", "at most 40"),
    ],
)
def test_a_store_without_a_name_or_with_a_long_one_stays_on_the_page(
    qtbot, wizard_for, new_desk, store, counter, field, words
):
    wizard = wizard_for(new_desk)
    enter(qtbot, wizard, W.STORE)
    page = wizard.store_page
    page.store_edit.setMaxLength(100)  # a pasted name longer than the field's limit still reaches the check
    page.counter_edit.setMaxLength(100)
    type_into(qtbot, page.store_edit, store)
    type_into(qtbot, page.counter_edit, counter)
    enter(qtbot, wizard)
    assert wizard.currentId() == W.STORE
    assert words in shown(page.store_error if field == "store" else page.counter_error)


@pytest.mark.parametrize(
    ("pin", "again", "field", "words"),
    [
        ("246813", "246812", "pin_again", "The two PINs differ"),
        ("1234", "1234", "pin", "too easy to guess"),
        ("12", "12", "pin", "4 to 12 digits"),
    ],
)
def test_bad_pins_keep_the_administrator_page_open_and_create_nobody(
    qtbot, wizard_for, new_desk, data_dir, pin, again, field, words
):
    wizard = wizard_for(new_desk)
    enter(qtbot, wizard, W.STORE)
    type_into(qtbot, wizard.store_page.store_edit, "万象城")
    enter(qtbot, wizard, W.ADMIN)
    page = wizard.admin_page
    type_into(qtbot, page.staff_edit, "A001")
    type_into(qtbot, page.name_edit, "王经理")
    type_into(qtbot, page.pin_edit, pin)
    type_into(qtbot, page.pin_again_edit, again)
    enter(qtbot, wizard)
    assert wizard.currentId() == W.ADMIN
    assert words in shown(page.errors[field])
    assert not auth.has_staff(new_desk)
    assert not first_run.progress(new_desk).started  # refused input leaves no mark behind
    assert not (data_dir / config.SETTINGS_FILE).exists()


def test_a_bad_staff_id_is_said_under_its_field(qtbot, wizard_for, new_desk):
    wizard = wizard_for(new_desk)
    enter(qtbot, wizard, W.STORE)
    type_into(qtbot, wizard.store_page.store_edit, "万象城")
    enter(qtbot, wizard, W.ADMIN)
    page = wizard.admin_page
    type_into(qtbot, page.staff_edit, "A 1 !")
    type_into(qtbot, page.name_edit, "王经理")
    type_into(qtbot, page.pin_edit, PIN)
    type_into(qtbot, page.pin_again_edit, PIN)
    enter(qtbot, wizard)
    assert "A staff ID is 2 to 20" in shown(page.errors["staff_id"])
    assert page.staff_edit.hasFocus() and not auth.has_staff(new_desk)


@pytest.mark.parametrize("address", ["", "printer-at-the-till", "ftp://10.0.0.9", "tcp://127.0.0.1:99999"])
def test_a_missing_or_bad_printer_address_stays_on_the_page(qtbot, wizard_for, new_desk, address):
    wizard = wizard_for(new_desk)
    through_admin(qtbot, wizard)
    enter(qtbot, wizard, W.PRINTER)
    check = wizard.printer_page.check
    type_into(qtbot, check.uri_edit, address)
    enter(qtbot, wizard)
    assert wizard.currentId() == W.PRINTER
    said = shown(wizard.printer_page.message)
    assert ("is not a printer address" in said) if address else ("Skip" in said)
    assert new_desk.settings.printer_uri == "" and "printer" not in first_run.progress(new_desk).done


def test_skipping_the_printer_and_camera_saves_no_devices(qtbot, wizard_for, new_desk, data_dir):
    wizard = wizard_for(new_desk)
    through_admin(qtbot, wizard)
    enter(qtbot, wizard, W.PRINTER)
    wizard.printer_page.skip_box.setFocus()
    qtbot.keyClick(wizard.printer_page.skip_box, Qt.Key.Key_Space)
    assert not wizard.printer_page.check.isEnabled()
    enter(qtbot, wizard, W.CAMERA)
    type_into(qtbot, wizard.camera_page.check.source_edit, "")
    enter(qtbot, wizard)
    assert "Skip" in shown(wizard.camera_page.message) and wizard.currentId() == W.CAMERA
    type_into(qtbot, wizard.camera_page.check.source_edit, "1")
    enter(qtbot, wizard, W.DONE)
    assert "Printer: none" in wizard.done_page.summary.text()
    saved = config.load_settings(data_dir)
    assert (saved.printer_uri, saved.camera) == ("", "1")


def test_cancel_before_the_administrator_leaves_nothing_behind(qtbot, wizard_for, new_desk, data_dir):
    wizard = wizard_for(new_desk)
    enter(qtbot, wizard, W.STORE)
    type_into(qtbot, wizard.store_page.store_edit, "万象城")
    qtbot.keyClick(wizard.store_page.store_edit, Qt.Key.Key_Escape)
    assert wizard.result() == QWizard.DialogCode.Rejected and not wizard.isVisible()
    assert wizard.actor is None
    assert not auth.has_staff(new_desk)
    assert not (data_dir / config.SETTINGS_FILE).exists()
    progress = first_run.progress(new_desk)
    assert not progress.started and progress.needed


def test_after_a_crash_mid_way_the_wizard_comes_back_signs_in_and_makes_no_second_admin(
    qtbot, wizard_for, new_desk, data_dir, printer
):
    wizard = wizard_for(new_desk)
    through_admin(qtbot, wizard)
    enter(qtbot, wizard, W.PRINTER)  # standalone saved; then the desk "crashes" on the printer page
    wizard.hide()
    new_desk.close()

    reopened = open_desk(data_dir, clock=lambda: NOW)
    try:
        assert reopened.session is None and first_run.needs_setup(reopened)
        again = wizard_for(reopened)
        assert again.currentId() == W.ADMIN
        page = again.admin_page
        assert not page.creating and not page.name_edit.isVisible() and not page.pin_again_edit.isVisible()
        assert page.staff_edit.text() == "A001"
        qtbot.waitUntil(page.pin_edit.hasFocus)
        assert again.button(QWizard.WizardButton.CommitButton).text().replace("&", "") == "Sign in"
        type_text(qtbot, page.pin_edit, "999999")
        enter(qtbot, again)
        assert "PIN" in shown(page.message) and again.currentId() == W.ADMIN
        type_text(qtbot, page.pin_edit, PIN)
        enter(qtbot, again, W.PRINTER)  # the server step was saved before the crash: on from the first unfinished one
        type_into(qtbot, again.printer_page.check.uri_edit, printer.uri)
        enter(qtbot, again, W.CAMERA)
        again.camera_page.skip_box.setChecked(True)
        enter(qtbot, again, W.DONE)
        enter(qtbot, again)
        qtbot.waitUntil(lambda: again.result() == QWizard.DialogCode.Accepted)
        assert not first_run.needs_setup(reopened)
        with pytest.raises(DeskError):
            auth.create_first_admin(reopened, "A002", "李四", PIN)
        auth.sign_in(reopened, "A001", PIN)
        assert [s.staff_id for s in auth.list_staff(reopened)] == ["A001"]
        assert config.load_settings(data_dir).store_name == "万象城"
    finally:
        reopened.close()


def test_an_admin_made_before_the_store_was_saved_resumes_at_the_start_and_signs_in(
    qtbot, wizard_for, new_desk, data_dir
):
    first_run.create_admin(new_desk, "A001", "王经理", PIN)  # the crash came before the store's names were saved
    auth.sign_out(new_desk)
    assert first_run.needs_setup(new_desk)
    wizard = wizard_for(new_desk)
    assert wizard.currentId() == W.WELCOME
    enter(qtbot, wizard, W.STORE)
    type_into(qtbot, wizard.store_page.store_edit, "万象城")
    enter(qtbot, wizard, W.ADMIN)
    assert not wizard.admin_page.creating and wizard.admin_page.staff_edit.text() == "A001"
    type_text(qtbot, wizard.admin_page.pin_edit, PIN)
    enter(qtbot, wizard, W.SERVER)
    assert config.load_settings(data_dir).store_name == "万象城"
    assert len(auth.list_staff(new_desk)) == 1


def test_a_desk_set_up_before_the_wizard_is_not_asked_again(desk):
    # The `desk` fixture's administrator was made from the command line: that desk is set up.
    assert not first_run.needs_setup(desk)


def test_switching_the_language_retranslates_the_wizard_at_once(qtbot, wizard_for, new_desk, qapp):
    wizard = wizard_for(new_desk)
    combo = wizard.welcome_page.language_combo
    events = []
    original = wizard.retranslate
    wizard.retranslate = lambda: (events.append(1), original())
    try:
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Up)  # zh_CN is listed first
        assert wizard.welcome_page.language() == "zh_CN" and i18n.language() == "zh_CN"
        assert events, "the wizard's texts were not rebuilt"
        # The printer and camera checks, made before the choice, speak the chosen language too; what was typed stays.
        assert wizard.printer_page.check.check_button.text() == "检查打印机(&C)"
        assert wizard.camera_page.check.test_button.text() != "Test ca&mera"
        wizard.printer_page.check.set_uri("tcp://127.0.0.1:9100")
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert wizard.printer_page.check.check_button.text() == "&Check printer"
        assert wizard.printer_page.check.uri() == "tcp://127.0.0.1:9100"
        assert wizard.welcome_page.language() == "en"
        assert wizard.welcome_page.plain_title == "Welcome to the Member Service Desk"
    finally:
        install_translations(qapp, "en")


# `counter-app` on a new machine, in a child process: run_gui ends in app.exec(), which a test process cannot
# run and then go on (queued deliveries stop after it returns). A timer drives the windows, as a person would.
START_DESK = r"""
import argparse, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from counter_app.gui import app as desk_app, tasks
from counter_app.gui.first_run import FirstRunWizard
from counter_app.gui.main_window import MainWindow

mode, data_dir = sys.argv[1], Path(sys.argv[2])
application = desk_app._application()
tasks.run_synchronously(True)

def top(kind):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)

def later(step):
    QTimer.singleShot(20, step)

def drive():
    wizard = top(FirstRunWizard)
    if wizard is None:
        return later(drive)
    print("WIZARD", wizard.currentId(), flush=True)
    if mode == "cancel":
        return wizard.reject()
    wizard.next()
    wizard.store_page.store_edit.setText("万象城")
    wizard.next()
    for edit, text in ((wizard.admin_page.staff_edit, "A001"), (wizard.admin_page.name_edit, "王经理"),
                       (wizard.admin_page.pin_edit, "246813"), (wizard.admin_page.pin_again_edit, "246813")):
        edit.setText(text)
    wizard.next()
    later(lambda: onwards(wizard))

def onwards(wizard):
    page = wizard.currentId()
    if page == FirstRunWizard.PRINTER:
        wizard.printer_page.skip_box.setChecked(True)
    if page == FirstRunWizard.CAMERA:
        wizard.camera_page.skip_box.setChecked(True)
    if page == FirstRunWizard.DONE:
        wizard.accept()
        return later(look)
    wizard.next()
    later(lambda: onwards(wizard))

def look():
    window = top(MainWindow)
    if window is None:
        return later(look)
    session = window.desk.session
    print("SIGNED_IN", session.staff_id if session else None, window.pages.currentWidget() is window.desk_page, flush=True)
    window.close()

QTimer.singleShot(0, drive)
QTimer.singleShot(30000, lambda: (print("GAVE UP", flush=True), QApplication.closeAllWindows(), application.exit(3)))
sys.exit(desk_app.run_gui(argparse.Namespace(command=None, data_dir=data_dir, lang="en")))
"""


def start_desk(data_dir, mode: str):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", START_DESK, mode, str(data_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_a_new_desk_starts_with_the_wizard_and_cancel_quits_with_nothing_stored(data_dir):
    done = start_desk(data_dir, "cancel")
    assert done.returncode == 0, done.stderr
    assert "WIZARD 0" in done.stdout  # the wizard came first, on its welcome page
    assert not (data_dir / config.SETTINGS_FILE).exists()
    desk = open_desk(data_dir)
    try:
        assert not auth.has_staff(desk) and first_run.needs_setup(desk)
    finally:
        desk.close()


def test_finishing_the_wizard_opens_the_desk_signed_in_as_its_administrator(data_dir):
    done = start_desk(data_dir, "finish")
    assert done.returncode == 0, done.stderr
    assert "SIGNED_IN A001 True" in done.stdout, done.stdout + done.stderr
    desk = open_desk(data_dir)
    try:
        assert not first_run.needs_setup(desk)
        assert config.load_settings(data_dir).store_name == "万象城"
    finally:
        desk.close()


def test_back_to_the_server_page_and_enrolling_after_all_enrols(qtbot, wizard_for, new_desk, sqlite_server):
    wizard = wizard_for(new_desk)
    through_admin(qtbot, wizard)
    enter(qtbot, wizard, W.PRINTER)  # standalone first
    wizard.back()
    assert wizard.currentId() == W.SERVER
    page = wizard.server_page
    page.enrol_radio.setChecked(True)
    type_into(qtbot, page.server_edit, sqlite_server.url)
    type_into(qtbot, page.code_edit, sqlite_server.enroll_code("万达广场"))
    enter(qtbot, wizard)
    assert wizard.currentId() == W.SERVER and sync.sync_status(new_desk).enrolled
