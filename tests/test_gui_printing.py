"""Receipts from the desk window: printed after operations on a real (emulated) ESC/POS printer, the status bar's
printer, the history's preview and reprint, and the print queue with a manager's cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from counter_app.devices.printer_emulator import PrinterEmulator
from counter_app.gui import printer_status, tasks
from counter_app.gui.app import install_translations
from counter_app.gui.override_dialog import OverrideDialog
from counter_app.gui.points_dialogs import HistoryDialog
from counter_app.gui.print_queue import PrintQueueDialog
from counter_app.gui.receipt_preview import ReceiptPreviewDialog
from counter_app.services import auth, member_codes, members, points, printing, rewards
from counter_app.services.desk import change_setting
from tests.conftest import form, present
from tests.test_gui import open_window

QStandardPaths.setTestModeEnabled(True)
WAIT_MS = 10_000
PAPER_OUT = "Printer out of paper: load a new roll; waiting receipts then print by themselves."


@pytest.fixture
def printer():
    with PrinterEmulator() as emulator:
        yield emulator


@pytest.fixture
def retry_at_once(monkeypatch):
    # Retries wait for their backoff (up to a minute); the tests retry at once instead.
    monkeypatch.setattr(printer_status, "retry_after", lambda attempts: 0.0)


@pytest.fixture
def window(qtbot, qapp, desk, printer, retry_at_once):
    change_setting(desk, "printer_uri", printer.uri)
    shown = open_window(qtbot, qapp, desk)
    yield shown
    shown.close()  # the print worker stops before the desk closes
    tasks.run_synchronously(False)


@pytest.fixture
def no_printer_window(qtbot, qapp, desk):
    shown = open_window(qtbot, qapp, desk)
    yield shown
    shown.close()
    tasks.run_synchronously(False)


def open_card(qtbot, window, phone="13800138000"):
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, phone)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.card.card is not None


def indicator_shows(window, state, waiting=None):
    text = window.printer_status.text()
    if window.printer_status.state != state:
        return False
    return ("waiting to print" not in text) if waiting is None else (f"{waiting} waiting to print" in text)


def test_earning_in_the_dialog_prints_the_receipt(qtbot, window, desk, printer):
    card = members.register_member(desk, form())
    open_card(qtbot, window)

    def fill_in():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.amount_edit, "1288.5")
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.slip_edit, "UQ-42")
        qtbot.keyClick(dialog.slip_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.search_message.text() == "1,288 points earned; balance 1,288, Regular."  # told first, then printed
    assert printer.wait_for(1, timeout=10)
    receipt = printer.receipts[0]
    op_id = points.history(desk, card.member_no)[0].op_id
    assert receipt.cut and receipt.qr_payloads == [op_id]
    assert any("+1,288" in line for line in receipt.lines) and any(card.member_no in line for line in receipt.lines)
    assert "REPRINT" not in receipt.text
    qtbot.waitUntil(
        lambda: indicator_shows(window, "ready") and window.printer_status.text() == "● Printer ready", timeout=WAIT_MS
    )
    assert [job.status for job in printing.list_jobs(desk)] == ["printed"]


def test_paper_out_shows_the_advice_and_the_waiting_count_then_drains(qtbot, window, desk, printer):
    card = members.register_member(desk, form())
    printer.mode = "paper_out"
    earned = points.earn_from_slip(desk, card.member_no, "100", "P-1")
    window.printer.queue_receipt(earned.op_id)
    qtbot.waitUntil(lambda: indicator_shows(window, "paper_out", waiting=1), timeout=WAIT_MS)
    assert window.printer_status.text() == "● Printer out of paper  ·  1 waiting to print"
    assert window.printer_status.property("state") == "paper_out" and PAPER_OUT in window.printer_status.toolTip()
    assert (
        window.printer_banner.isVisible() and PAPER_OUT in window.printer_banner.text()
    )  # what to do, across the desk
    assert "1 waiting to print." in window.printer_banner.text()
    assert printer.receipts == []

    printer.mode = "ready"
    window.printer.wake()
    assert printer.wait_for(1, timeout=10)
    qtbot.waitUntil(lambda: indicator_shows(window, "ready"), timeout=WAIT_MS)
    assert window.printer_status.text() == "● Printer ready" and not window.printer_banner.isVisible()
    assert printer.receipts[0].qr_payloads == [earned.op_id]
    assert "REPRINT" not in printer.receipts[0].text  # nothing came out before: the original, unstamped


def test_redeeming_writing_off_and_registering_each_print_their_receipt(qtbot, window, desk, printer):
    from counter_app.gui.register_dialog import RegisterDialog

    card = members.register_member(desk, form())
    points.earn_from_slip(desk, card.member_no, "5000", "R-1")
    rewards.stock_gift(desk, "G-UMB", "晴雨伞", 1500, add=1)
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 800)
    coupon = rewards.redeem_coupon(desk, card.member_no, "C10", presence=present(desk, card.member_no)).coupon
    window.handle_scan(member_codes.member_code(desk, card.member_no))  # the member is here: their code opens the card
    assert window.card.card is not None

    def pick_gift():
        dialog = QApplication.activeModalWidget()
        dialog.tabs.setCurrentIndex(1)
        dialog.gift_buttons["G-UMB"].click()

    QTimer.singleShot(0, pick_gift)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert printer.wait_for(1, timeout=10)
    assert "晴雨伞" in printer.receipts[0].text

    def confirm():
        dialog = QApplication.activeModalWidget()
        dialog.spend_edit.setText("150")
        dialog.submit()

    QTimer.singleShot(0, confirm)
    window.write_off(coupon.code)
    assert window.search_message.text().startswith(f"Coupon {coupon.code} written off")
    assert printer.wait_for(2, timeout=10)

    def register():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RegisterDialog)
        dialog.ui.phoneEdit.setText("13900139000")
        dialog.ui.nameEdit.setText("林晓雯")
        dialog.ui.consentCheck.setChecked(True)
        dialog.submit()

    QTimer.singleShot(0, register)
    window.register_member()
    newcomer = members.find_member(desk, "13900139000")
    assert printer.wait_for(3, timeout=10)
    assert newcomer.member_no in printer.receipts[2].text
    assert [job.kind for job in reversed(printing.list_jobs(desk))] == ["gift", "write_off", "registration"]


def test_a_receipt_that_cannot_be_queued_says_so_in_the_status_bar_and_the_operation_stays(qtbot, window, desk):
    card = members.register_member(desk, form())
    open_card(qtbot, window)
    desk.settings = desk.settings.with_value("printer_uri", "bogus://printer")  # an address that no longer parses

    def fill_in():
        dialog = QApplication.activeModalWidget()
        dialog.amount_edit.setText("100")
        dialog.slip_edit.setText("B-1")
        dialog.submit()

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.search_message.text() == "100 points earned; balance 100, Regular."
    assert window.statusBar().currentMessage().startswith("The receipt was not queued:")
    assert "operation itself is saved" in window.statusBar().currentMessage()
    assert members.find_member(desk, card.member_no).points == 100
    assert printing.list_jobs(desk) == []


def test_the_history_previews_and_reprints_a_stamped_copy(qtbot, window, desk, printer):
    card = members.register_member(desk, form())
    earned = points.earn_from_slip(desk, card.member_no, "300", "H-1")
    open_card(qtbot, window)
    seen = {}

    def reprint():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HistoryDialog)
        dialog.select_line(0)
        assert dialog.selected_line().op_id == earned.op_id
        dialog.reprint_button.click()
        seen["notice"] = dialog.notice.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes

    QTimer.singleShot(0, reprint)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert seen["notice"].startswith("Reprint sent to the printer as job 1")
    assert printer.wait_for(1, timeout=10)
    assert "REPRINT" in printer.receipts[0].text
    assert printer.receipts[0].qr_payloads == [earned.op_id]


def test_the_preview_shows_the_receipt_and_switches_paper(qtbot, window, desk, printer):
    card = members.register_member(desk, form())
    earned = points.earn_from_slip(desk, card.member_no, "300", "V-1")
    dialog = ReceiptPreviewDialog(desk, earned.op_id, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.picture.pixmap().isNull()
    wide = dialog.pixmap_width()
    assert dialog.paper_buttons.checkedId() == 80 and wide > 400
    dialog.paper_buttons.button(58).click()
    narrow = dialog.pixmap_width()
    assert 0 < narrow < wide
    assert dialog.print_button.text() == "Print" and dialog.print_button.isEnabled()  # never printed: the original
    queued = []
    dialog.job_queued.connect(queued.append)
    dialog.job_queued.connect(window.printer.queued)
    dialog.print_button.click()
    assert queued and queued[0].copy_no == 0 and dialog.print_button.text() == "Reprint"
    assert printer.wait_for(1, timeout=10)
    assert "REPRINT" not in printer.receipts[0].text
    dialog.print_button.click()  # a second copy is stamped
    assert printer.wait_for(2, timeout=10)
    assert "REPRINT" in printer.receipts[1].text
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_job_previews_with_its_copy_stamp(qtbot, window, desk, printer):
    card = members.register_member(desk, form())
    earned = points.earn_from_slip(desk, card.member_no, "300", "J-1")
    printer.mode = "paper_out"
    job = printing.reprint(desk, earned.op_id)
    dialog = ReceiptPreviewDialog(desk, earned.op_id, job.id, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.pixmap_width() > 0 and dialog.print_button.text() == "Reprint"
    plain = printing.preview(desk, earned.op_id)
    assert printing.preview(desk, job_id=job.id) != plain  # the stamp is on it


def _cancel_in_the_queue(qtbot, window, desk, printer, monkeypatch, authorise=None):
    # One failed attempt, then the job waits (an hour, on a clock that stands still): nothing races the cancel.
    monkeypatch.setattr(printer_status, "retry_after", lambda attempts: 3600.0)
    card = members.register_member(desk, form())
    printer.mode = "paper_out"
    earned = points.earn_from_slip(desk, card.member_no, "100", "C-1")
    job = printing.queue_receipt(desk, earned.op_id)
    window.printer.wake()
    qtbot.waitUntil(lambda: indicator_shows(window, "paper_out", waiting=1), timeout=WAIT_MS)
    dialog = PrintQueueDialog(desk, window, printer=window.printer)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1 and dialog.select_job(job.id)
    assert dialog.cancel_button.isEnabled()

    def give_reason():
        reason = QApplication.activeModalWidget()
        assert isinstance(reason, QInputDialog)
        if authorise is not None:
            QTimer.singleShot(0, authorise)
        reason.setTextValue("The member left without the receipt")
        reason.accept()

    QTimer.singleShot(0, give_reason)
    dialog.cancel_button.click()
    assert printing.list_jobs(desk)[0].status == "cancelled"
    assert dialog.model.text(dialog.model.job(0), "status") == "Cancelled"
    assert "cancelled" in dialog.notice.text()
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: window.printer.state is not None and window.printer.state.waiting == 0, timeout=WAIT_MS)
    return job


def test_a_manager_cancels_a_stuck_job_in_the_queue(qtbot, window, desk, printer, monkeypatch):
    auth.add_staff(desk, "M001", "张经理", "manager", "468035")
    auth.sign_in(desk, "M001", "468035")
    job = _cancel_in_the_queue(qtbot, window, desk, printer, monkeypatch)
    with desk.store.read() as connection:
        last = connection.exec_driver_sql(
            "SELECT staff_id, action, subject FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).one()
    assert tuple(last)[:2] == ("M001", "print.cancel") and job.reference in tuple(last)


def test_a_clerk_cancels_with_a_managers_authorisation(qtbot, window, desk, printer, monkeypatch):
    auth.add_staff(desk, "K001", "服务台小李", "clerk", "357924")
    auth.add_staff(desk, "M001", "张经理", "manager", "468035")
    auth.sign_in(desk, "K001", "357924")

    def authorise():
        override = QApplication.activeModalWidget()
        assert isinstance(override, OverrideDialog)
        override.manager_edit.setText("M001")
        override.pin_edit.setText("468035")
        override.authorise()

    _cancel_in_the_queue(qtbot, window, desk, printer, monkeypatch, authorise)
    with desk.store.read() as connection:
        last = connection.exec_driver_sql(
            "SELECT staff_id, authorized_by FROM audit_log WHERE action = 'print.cancel' AND outcome = 'done'"
        ).one()
    assert tuple(last) == ("K001", "M001")


def test_the_queue_prints_a_test_page_and_checks_the_printer(qtbot, window, desk, printer):
    dialog = PrintQueueDialog(desk, window, printer=window.printer)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.test_button.click()
    assert printer.wait_for(1, timeout=10)
    assert printer.receipts[0].cut
    printer.mode = "cover_open"
    dialog.check_button.click()
    assert "cover open" in dialog.notice.text()
    assert window.printer_status.state == "cover_open"
    printer.mode = "ready"
    dialog.check_button.click()
    assert dialog.notice.text() == "The printer says: Printer ready"
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.model.job(0).status == "printed", timeout=WAIT_MS)


def test_ctrl_p_and_a_click_on_the_printer_open_the_queue(qtbot, window):
    opened = []

    def look():
        dialog = QApplication.activeModalWidget()
        opened.append(type(dialog).__name__)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    QTimer.singleShot(0, look)
    qtbot.mouseClick(window.printer_status, Qt.MouseButton.LeftButton)
    assert opened == ["PrintQueueDialog", "PrintQueueDialog"]
    assert "Ctrl+P" in window.printer_status.toolTip()


def test_without_a_printer_the_desk_says_so_and_queues_nothing(qtbot, no_printer_window, desk):
    window = no_printer_window
    assert window.printer.worker is None
    assert window.printer_status.state == "none" and window.printer_status.text() == "○ No printer"
    card = members.register_member(desk, form())
    earned = points.earn_from_slip(desk, card.member_no, "100", "N-1")
    window.printer.queue_receipt(earned.op_id)
    assert printing.list_jobs(desk) == []
    dialog = ReceiptPreviewDialog(desk, earned.op_id, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.pixmap_width() > 0 and not dialog.print_button.isEnabled()  # the preview works without a printer


def test_screenshot_pages_of_receipts_and_the_queue(qtbot, qapp, desk, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from counter_app.gui.screenshot import take_screenshot
    from counter_app.services import demo
    from tests.conftest import ADMIN, ADMIN_PIN

    install_translations(qapp, "en")
    demo.make_demo_members(desk, 12, seed=3)
    monkeypatch.setenv("COUNTER_PIN", ADMIN_PIN)
    before = set(QApplication.topLevelWidgets())
    try:
        for page in ("receipt", "receipt58", "printqueue"):
            out = tmp_path / f"{page}.png"
            assert take_screenshot(desk, page, out, None, None, ADMIN) == 0
            assert QImage(str(out)).width() >= 400
        assert {job.status for job in printing.list_jobs(desk)} == {"printed", "cancelled", "queued"}
    finally:
        for widget in set(QApplication.topLevelWidgets()) - before:
            widget.close()
            widget.deleteLater()
        tasks.run_synchronously(False)
