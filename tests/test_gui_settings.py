"""The settings dialog and the device checks, driven as an administrator or a clerk would: real widgets offscreen,
a printer emulator on a loopback port, a camera fed from a video file, a real central server."""

from __future__ import annotations

import json
import socket

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from counter_app import config
from counter_app.devices.printer_emulator import PrinterEmulator
from counter_app.domain.errors import InvalidInput
from counter_app.gui import tasks
from counter_app.gui.app import apply_style, install_translations
from counter_app.gui.device_checks import CameraCheck, PrinterCheck
from counter_app.gui.override_dialog import OverrideDialog
from counter_app.gui.settings_dialog import SettingsDialog
from counter_app.services import audit, auth, member_codes, members, printing
from counter_app.services.desk import change_settings
from tests.conftest import ADMIN, ADMIN_PIN, form
from tests.sync_harness import sqlite_server  # noqa: F401
from tests.test_gui import type_text
from tests.test_gui_scanning import qr_frame, write_video

WAIT_MS = 10_000


@pytest.fixture
def gui(qapp):
    tasks.run_synchronously(True)
    install_translations(qapp, "en")
    apply_style(qapp)
    yield qapp
    tasks.run_synchronously(False)


@pytest.fixture
def dialog(qtbot, gui, desk):
    opened = SettingsDialog(desk)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    opened.camera_check.stop()


def settings_file(desk) -> dict | None:
    path = desk.data_dir / config.SETTINGS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def setting_changes(desk) -> list[audit.AuditLine]:
    return [line for line in audit.recent(desk, 200) if line.action == "settings.change" and line.outcome == "done"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def replace_text(qtbot, widget, text: str) -> None:
    """Select what the field holds and type over it, as a person does."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def test_every_setting_is_on_its_groups_page_exactly_once(dialog):
    assert set(dialog.fields) == {setting.key for setting in config.SETTINGS}
    assert [dialog.page_list.item(row).text() for row in range(dialog.page_list.count())] == [
        title for _key, title in config.GROUPS
    ]
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    for setting in config.SETTINGS:
        field = dialog.fields[setting.key]
        assert field.page == setting.group
        assert dialog.pages[setting.group].isAncestorOf(field.widget), setting.key
        assert sum(dialog.pages[group].isAncestorOf(field.widget) for group in dialog.pages) == 1
        assert labels.count(setting.label) == 1, setting.label
        assert field.widget.toolTip() == setting.help
    # Choices by their human names, in their declared order.
    language = dialog.fields["language"].widget
    assert [language.itemText(i) for i in range(language.count())] == ["简体中文", "English"]
    theme = dialog.fields["ui_theme"].widget
    assert theme.itemText(1).startswith("High contrast")
    assert "next time the desk starts" in " ".join(labels)
    # The printer and camera pages carry their device checks, bound to their settings.
    assert dialog.fields["printer_uri"].widget is dialog.printer_check.uri_edit
    assert dialog.fields["printer_paper_mm"].widget is dialog.printer_check.paper_combo
    assert dialog.fields["camera"].widget is dialog.camera_check.source_edit
    assert not dialog.save_button.isEnabled()  # nothing changed yet


def test_bad_input_says_why_under_the_field_and_nothing_can_be_saved(qtbot, dialog, desk):
    replace_text(qtbot, dialog.fields["store_name"].widget, "万达广场")
    assert dialog.save_button.isEnabled()

    prefix = dialog.fields["scanner_prefix"]
    qtbot.keyClicks(prefix.widget, "ABCDE")
    assert (
        not prefix.error_label.isHidden()
        and "scanner_prefix" in prefix.error_label.text()
        and "ABCDE" in prefix.error_label.text()
    )
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(prefix.widget, Qt.Key.Key_Backspace)
    assert prefix.error_label.isHidden() and dialog.save_button.isEnabled()

    # Letters never get into a number; a number being typed below its range is said at once.
    gap = dialog.fields["scanner_max_gap_ms"]
    replace_text(qtbot, gap.widget, "abc")
    assert not any(char.isalpha() for char in gap.widget.text())
    assert not gap.error_label.isHidden() and not dialog.save_button.isEnabled()  # empty is not a number
    qtbot.keyClicks(gap.widget, "3")
    assert gap.widget.text() == "3" and "5-60" in gap.error_label.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(gap.widget, "0")
    assert gap.error_label.isHidden() and dialog.save_button.isEnabled()

    counter = dialog.fields["counter_no"]
    counter.widget.lineEdit().setText("12x")  # a paste that slipped past the number box
    assert not counter.error_label.isHidden() and "12x" in counter.error_label.text()
    assert not dialog.save_button.isEnabled()
    counter.widget.setValue(3)
    assert dialog.save_button.isEnabled()

    check = dialog.printer_check
    replace_text(qtbot, check.uri_edit, "tcp//192.168.1.50")
    assert "is not a printer address" in check.status_label.text()
    assert not dialog.save_button.isEnabled() and not check.print_button.isEnabled()
    assert dialog.page_list.item(1).foreground().color().name() == "#c62828"  # the page with the problem is marked

    dialog.save()  # also Ctrl+S: refused while a field is wrong
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert settings_file(desk) is None and desk.settings.store_name == "" and not setting_changes(desk)


def test_a_valid_change_is_saved_audited_once_per_key_and_announced(qtbot, dialog, desk):
    replace_text(qtbot, dialog.fields["store_name"].widget, "万达广场")
    replace_text(qtbot, dialog.fields["idle_lock_minutes"].widget, "15")
    theme = dialog.fields["ui_theme"].widget
    theme.setCurrentIndex(theme.findData("high_contrast"))
    dialog.printer_check.set_paper_mm(58)
    # Restore defaults puts one page back, on screen only.
    dialog.show_page("printer")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.printer_check.paper_mm() == 80
    assert "3 changed" in dialog.state_label.text()

    with qtbot.waitSignal(dialog.settings_changed, timeout=WAIT_MS) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].store_name == "万达广场" and saved.args[0].ui_theme == "high_contrast"
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    written = settings_file(desk)
    assert (
        written["store_name"] == "万达广场"
        and written["idle_lock_minutes"] == 15
        and written["ui_theme"] == "high_contrast"
    )
    assert config.load_settings(desk.data_dir).idle_lock_minutes == 15
    entries = setting_changes(desk)
    assert sorted(line.subject for line in entries) == ["idle_lock_minutes", "store_name", "ui_theme"]
    assert all(line.staff_id == ADMIN for line in entries)


def test_a_clerk_sees_the_settings_read_only_until_an_administrator_approves(qtbot, gui, desk):
    auth.add_staff(desk, "K001", "服务台小李", "clerk", "357924")
    auth.sign_in(desk, "K001", "357924")
    dialog = SettingsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.banner.isVisible() and "Only an administrator" in dialog.banner_label.text()
    assert not any(field.widget.isEnabled() for field in dialog.fields.values())
    assert not dialog.save_button.isEnabled() and not dialog.enrol_button.isEnabled()

    def authorise():
        override = QApplication.activeModalWidget()
        assert isinstance(override, OverrideDialog)
        # Settings are an administrator's: the dialog asks for one by name, not for a manager.
        assert override.windowTitle() == "Administrator authorisation"
        override.manager_edit.setText(ADMIN)
        override.pin_edit.setText(ADMIN_PIN)
        override.authorise()

    QTimer.singleShot(0, authorise)
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert dialog.fields["store_name"].widget.isEnabled()
    assert ADMIN in dialog.banner_label.text()
    replace_text(qtbot, dialog.fields["store_name"].widget, "万象城")
    with qtbot.waitSignal(dialog.settings_changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    auth.sign_in(desk, ADMIN, ADMIN_PIN)  # the audit log is an administrator's to read
    [entry] = setting_changes(desk)
    assert (entry.staff_id, entry.authorized_by, entry.subject) == ("K001", ADMIN, "store_name")
    dialog.camera_check.stop()


def test_change_settings_is_all_or_nothing(desk):
    with pytest.raises(InvalidInput) as refused:
        change_settings(desk, {"store_name": "万象城", "counter_no": 3, "idle_lock_minutes": 999})
    assert "idle_lock_minutes" in refused.value.message()
    assert settings_file(desk) is None and desk.settings.store_name == "" and not setting_changes(desk)

    change_settings(
        desk, {"store_name": "万象城", "counter_no": 3, "search_limit": 50}
    )  # search_limit is its default already
    assert settings_file(desk)["store_name"] == "万象城" and desk.settings.counter_no == 3
    assert sorted(line.subject for line in setting_changes(desk)) == ["counter_no", "store_name"]


def test_the_printer_check_prints_a_test_page_to_the_typed_address_before_it_is_saved(qtbot, gui, desk):
    tasks.run_synchronously(False)  # printing goes through the background runner, as at the counter
    check = PrinterCheck(desk)
    qtbot.addWidget(check)
    with PrinterEmulator() as printer:
        check.set_uri(printer.uri)
        check.set_paper_mm(58)
        with qtbot.waitSignal(check.printed, timeout=WAIT_MS) as printed:
            qtbot.mouseClick(check.print_button, Qt.MouseButton.LeftButton)
        assert printed.args == [True]
        assert printer.wait_for(1)
        text = printer.receipts[0].text
        assert "Printer test page" in text and "If you can read this" in text
        assert (
            "12345678901234567890123456789012" in text and "123456789012345678901234567890123" not in text
        )  # 58 mm: 32 columns
        assert "went out" in check.status_label.text()
        qtbot.mouseClick(check.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: check.status_label.text().startswith("Ready"), timeout=WAIT_MS)
    assert desk.settings.printer_uri == "" and settings_file(desk) is None  # tried, not saved


def test_a_printer_that_refuses_or_an_address_that_is_none_is_said(qtbot, gui, desk):
    check = PrinterCheck(desk)
    qtbot.addWidget(check)
    check.set_uri("tcp:/192.168.1.50")
    assert "is not a printer address" in check.status_label.text() and not check.check_button.isEnabled()
    uri = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    check.set_uri(uri)
    check.check_now()
    assert check.status_label.text().startswith(f"Cannot reach {uri}; check the cable and the address")
    with qtbot.waitSignal(check.printed, timeout=WAIT_MS) as printed:
        check.print_test_page()
    assert printed.args == [False]
    assert (
        f"Cannot reach {uri}" in check.status_label.text() and "print the test page again" in check.status_label.text()
    )
    # Tried outside the queue: a wrong address leaves nothing behind to retry for ever.
    assert printing.list_jobs(desk, waiting_only=True) == []


def test_the_camera_check_reads_a_code_held_up_and_says_only_its_kind(qtbot, gui, desk, tmp_path):
    card = members.register_member(desk, form())
    payload = member_codes.member_code(desk, card.member_no)
    blank = np.full((480, 640, 3), 90, np.uint8)
    video = write_video(tmp_path / "counter.avi", [blank] * 10 + [qr_frame(payload)] * 30)
    check = CameraCheck(desk)
    qtbot.addWidget(check)
    check.show()
    check.set_source(video)
    with qtbot.waitSignal(check.decoded, timeout=WAIT_MS) as decoded:
        qtbot.mouseClick(check.test_button, Qt.MouseButton.LeftButton)
    assert decoded.args == [payload]
    qtbot.waitUntil(lambda: "a member's code" in check.status_label.text(), timeout=WAIT_MS)
    assert payload[4:20] not in check.status_label.text()  # a member's code is a credential: never shown
    check.stop()
    assert not check.running() and not check.test_button.isChecked()


def test_a_missing_camera_is_said(qtbot, gui, desk, tmp_path):
    check = CameraCheck(desk)
    qtbot.addWidget(check)
    check.set_source(str(tmp_path / "no-such-camera.avi"))
    check.start()
    qtbot.waitUntil(lambda: "No camera at" in check.status_label.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not check.running(), timeout=WAIT_MS)
    check.stop()  # again, after it stopped by itself: harmless


def test_enrolment_from_the_server_page(qtbot, dialog, desk, sqlite_server):
    dialog.show_page("server")
    assert "Not enrolled" in dialog.sync_labels["server"].text()
    dialog.server_edit.setText(sqlite_server.url)
    dialog.code_edit.setText("WRONG-CODE")
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert dialog.enrol_message.text().startswith("The server refused the enrolment")
    assert "Not enrolled" in dialog.sync_labels["server"].text()

    dialog.code_edit.setText(sqlite_server.enroll_code("万达广场"))
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)  # Enter in the code field enrols, it does not save
    assert dialog.enrol_message.text().startswith("Enrolled with 万达广场 as counter")
    assert dialog.sync_labels["server"].text() == sqlite_server.url and dialog.sync_labels["store"].text() == "万达广场"
    # The counter number the server gave is on screen, so a later Save does not put the old one back.
    assert dialog.fields["counter_no"].widget.value() == desk.settings.counter_no
    assert dialog.isVisible() and not dialog.changes()
