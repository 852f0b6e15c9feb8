"""`counter-app screenshot PAGE`: render a desk page offscreen to a PNG, for docs and review.

Pages with member data (main, card, register, receipt, printqueue) need a signed-in staff member: --staff, PIN in COUNTER_PIN.
The receipt and print-queue pages show what the desk holds; on a desk of demo data they first make a
sample earn and a few print jobs (to a printer address that refuses, so nothing prints).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from counter_app.domain.errors import DeskError, NotFound
from counter_app.domain.staff import Actor, Permission
from counter_app.gui import tasks
from counter_app.gui.main_window import MainWindow
from counter_app.gui.override_dialog import OverrideDialog
from counter_app.gui.register_dialog import RegisterDialog
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import auth, members, points, printing
from counter_app.services.desk import Desk, desk_status

WINDOW_SIZE = (1280, 800)
PAGES = ("main", "card", "register", "login", "lock", "override", "earn", "redeem", "history", "review", "scan", "receipt", "receipt58", "printqueue")
MEMBER_PAGES = ("main", "card", "register", "override", "earn", "redeem", "history", "review", "scan", "receipt", "receipt58", "printqueue")
REFUSING_PRINTER = "tcp://127.0.0.1:9"  # the discard port: nothing listens, a connection is refused at once
RECEIPT_KINDS = ("earn", "birthday", "activity", "referral")


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _phone_in_view(payload: str):
    """What the counter camera sees: a phone showing the member code, held over the counter top."""
    import cv2
    import numpy as np
    from PySide6.QtGui import QImage, QPixmap

    from counter_app.gui.camera import PREVIEW_WIDTH

    code = cv2.resize(cv2.QRCodeEncoder.create().encode(payload), None, fx=2, fy=2, interpolation=cv2.INTER_NEAREST)
    height = PREVIEW_WIDTH * 3 // 4
    frame = np.full((height, PREVIEW_WIDTH, 3), (96, 110, 122), np.uint8)
    phone_left, phone_width = PREVIEW_WIDTH // 4, PREVIEW_WIDTH // 2
    cv2.rectangle(frame, (phone_left, 8), (phone_left + phone_width, height - 4), (30, 30, 30), -1)  # the phone
    cv2.rectangle(frame, (phone_left + 6, 22), (phone_left + phone_width - 6, height - 16), (255, 255, 255), -1)  # its screen
    size = phone_width - 20
    code = cv2.resize(code, (size, size), interpolation=cv2.INTER_AREA)
    top, left = 22 + (height - 38 - size) // 2, phone_left + 10
    frame[top:top + size, left:left + size] = cv2.cvtColor(code, cv2.COLOR_GRAY2BGR)
    rgb = np.ascontiguousarray(frame[:, :, ::-1])
    return QPixmap.fromImage(QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888).copy())


def _earn_receipt(desk: Desk, member_ref: str) -> str:
    """The member's latest receipt for points earned; a desk of demo data earns a sample first."""
    for line in points.history(desk, member_ref):
        if line.kind in RECEIPT_KINDS:
            return line.op_id
    if not desk_status(desk).demo_data:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "This member has earned no points yet, so there is no receipt to show; give --member of one who has."))
    card = members.find_member(desk, member_ref)
    return points.earn_from_slip(desk, card.member_no, "1288.00", f"UQ-{desk.today():%Y%m%d}-{card.member_no[-4:]}", "优衣库 UNIQLO").op_id


def _sample_print_jobs(desk: Desk, member_ref: str) -> None:
    """A queue in several states, on a desk of demo data only, and only once: two printed (the original and a
    stamped copy), one a manager cancelled, one that met a printer that was not there, one behind it."""
    if not desk.settings.printer_uri:
        desk.settings = desk.settings.with_value("printer_uri", REFUSING_PRINTER)  # for this picture; never saved
    if printing.list_jobs(desk) or not desk_status(desk).demo_data:
        return
    earned = _earn_receipt(desk, member_ref)
    with tempfile.TemporaryDirectory() as folder:
        paper = "file://" + (Path(folder) / "receipts.bin").as_posix()  # a printer that always takes the job
        printing.queue_receipt(desk, earned, paper)
        printing.print_next(desk)
        printing.reprint(desk, earned, paper)
        printing.print_next(desk)
    others = [member for member in members.recent_members(desk, 4) if member.member_no != members.find_member(desk, member_ref).member_no]
    if others:
        second = points.earn_from_slip(desk, others[0].member_no, "356.00", f"ST-{desk.today():%Y%m%d}-{others[0].member_no[-4:]}", "星巴克 Starbucks")
        job = printing.queue_receipt(desk, second.op_id, REFUSING_PRINTER)
        if desk.actor() is not None and desk.actor().may(Permission.APPROVE):
            printing.cancel_job(desk, job.id, QCoreApplication.translate("Screenshot", "The member did not want a receipt"))
        newest = others[-1].member_no
    else:
        newest = members.find_member(desk, member_ref).member_no
    printing.queue_receipt(desk, newest, REFUSING_PRINTER)  # a registration slip
    printing.print_next(desk, retry_after=lambda attempts: 60.0)  # refused at once: it waits, saying why
    printing.queue_test_page(desk, REFUSING_PRINTER)


def take_screenshot(desk: Desk, page: str, out: Path, member_ref: str | None, font_warning: str | None, staff: str | None) -> int:
    tasks.run_synchronously(True)  # every result is on screen before the picture is taken
    try:
        if staff:
            auth.sign_in(desk, staff, os.environ.get("COUNTER_PIN", ""))
        elif page in MEMBER_PAGES:
            raise auth.NotSignedIn(QT_TRANSLATE_NOOP("Errors", "This page shows member data: give --staff, with the PIN in COUNTER_PIN."))
        window = MainWindow(desk, font_warning, print_in_background=False)  # a picture prints nothing
        window.resize(*WINDOW_SIZE)
        window.show()
        if desk.session is not None and page != "login":
            window._signed_in(desk.session)
        _settle()
        if page in ("main", "card"):
            card = members.find_member(desk, member_ref) if member_ref else None
            recent = members.recent_members(desk, 1)
            if card is None and recent:
                card = members.find_member(desk, recent[0].member_no)
            if card is not None:
                # A surname lists a page of members, as a cashier's search would.
                window.search_box.setText(card.name[0])
                window.run_search()
                if page == "card":
                    window.open_member(card.member_no)
            _settle()
            picture = window.grab()
        elif page in ("earn", "redeem", "history"):
            from counter_app.gui.points_dialogs import EarnDialog, HistoryDialog, RedeemDialog

            ref = member_ref or members.recent_members(desk, 1)[0].member_no
            card = members.find_member(desk, ref)
            dialog = {"earn": EarnDialog, "redeem": RedeemDialog, "history": HistoryDialog}[page](desk, card, window)
            if page == "earn":
                dialog.amount_edit.setText("1288.00")
                dialog.slip_edit.setText("UQ-20261123-0042")
                dialog.shop_edit.setText("优衣库 UNIQLO")
            elif page == "redeem":
                dialog.tabs.setCurrentIndex(1)
            dialog.show()
            dialog.adjustSize()
            _settle()
            picture = dialog.grab()
        elif page == "scan":
            # The camera panel with a member's phone held up, and the card opened from a printed card code.
            from counter_app.services import member_codes

            ref = member_ref or members.recent_members(desk, 1)[0].member_no
            window.camera.setVisible(True)
            window.camera.preview.setPixmap(_phone_in_view(member_codes.member_code(desk, ref)))
            window.handle_scan(member_codes.member_code(desk, ref, static=True))
            _settle()
            picture = window.grab()
        elif page in ("receipt", "receipt58"):
            from counter_app.gui.receipt_preview import ReceiptPreviewDialog

            reference = _earn_receipt(desk, member_ref or members.recent_members(desk, 1)[0].member_no)
            if not desk.settings.printer_uri:
                desk.settings = desk.settings.with_value("printer_uri", REFUSING_PRINTER)  # for this picture; never saved
            dialog = ReceiptPreviewDialog(desk, reference, parent=window, paper_mm=58 if page == "receipt58" else 80)
            dialog.show()
            _settle()
            # The whole slip in the picture, as a reviewer wants to read it.
            dialog.resize(dialog.width(), dialog.height() + dialog.scroll.widget().sizeHint().height() - dialog.scroll.viewport().height() + 2)
            _settle()
            picture = dialog.grab()
        elif page == "printqueue":
            from counter_app.gui.print_queue import PrintQueueDialog

            _sample_print_jobs(desk, member_ref or members.recent_members(desk, 1)[0].member_no)
            window.printer.refresh()
            dialog = PrintQueueDialog(desk, window, printer=window.printer)
            dialog.show()
            _settle()
            dialog.select_row(1)
            _settle()
            picture = dialog.grab()
        elif page == "review":
            from counter_app.gui.sync_status import ReviewDialog

            dialog = ReviewDialog(desk, window)
            dialog.show()
            _settle()
            picture = dialog.grab()
        elif page == "login":
            window.show_login()
            _settle()
            picture = window.grab()
        elif page == "lock":
            window.lock() if desk.session else window.show_login(locked_by=Actor("S012", "林晓雯", "clerk"))
            _settle()
            picture = window.grab()
        elif page == "override":
            dialog = OverrideDialog(desk, "member.edit", Permission.EDIT_MEMBER, parkable=True, parent=window)
            dialog.show()
            dialog.manager_edit.setText("M001")
            dialog.adjustSize()
            _settle()
            picture = dialog.grab()
        else:
            dialog = RegisterDialog(desk, window)
            dialog.ui.phoneEdit.setText("139 1234 567")
            dialog.ui.nameEdit.setText("林晓雯")
            dialog.ui.genderCombo.setCurrentIndex(1)
            dialog.ui.birthdayEdit.setText("1992-08-16")
            dialog.show()
            dialog.ui.phoneEdit.editingFinished.emit()  # leaving the phone field checks it, as a clerk would see
            dialog.adjustSize()
            _settle()
            picture = dialog.grab()
    except DeskError as error:
        sys.stderr.write(error.message() + "\n")
        return error.exit_code
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        saved = picture.save(str(out), "PNG")
    except OSError:
        saved = False
    if not saved:
        sys.stderr.write(QApplication.translate("DeskApp", "Could not write %1; check the folder exists and can be written.").replace("%1", str(out)) + "\n")
        return 2
    return 0
