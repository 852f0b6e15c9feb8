"""`counter-app screenshot PAGE`: render a desk page offscreen to a PNG, for docs and review.

Pages with member data (main, card, register, receipt, printqueue) need a signed-in staff member: --staff, PIN in COUNTER_PIN.
The receipt and print-queue pages show what the desk holds; on a desk of demo data they first make a
sample earn and a few print jobs (to a printer address that refuses, so nothing prints). The manager's pages
(reports, queue, complaints, complaint, checkin) likewise first give a demo desk three months of trade,
complaints in every state, an event and requests waiting for a manager.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication

from counter_app.domain import complaints as complaint_rules
from counter_app.domain.errors import DeskError, NotFound
from counter_app.domain.staff import Actor, Permission
from counter_app.gui import first_run as wizard_pages
from counter_app.gui import settings_dialog, support, tasks
from counter_app.gui.camera import PREVIEW_WIDTH
from counter_app.gui.complaint_dialogs import ComplaintIntakeDialog, ComplaintsDialog
from counter_app.gui.event_checkin import EventCheckInDialog
from counter_app.gui.main_window import MainWindow
from counter_app.gui.manager_queue import ManagerQueueDialog
from counter_app.gui.override_dialog import OverrideDialog
from counter_app.gui.points_dialogs import EarnDialog, HistoryDialog, RedeemDialog
from counter_app.gui.presence_dialog import PresenceDialog
from counter_app.gui.print_queue import PrintQueueDialog
from counter_app.gui.receipt_preview import ReceiptPreviewDialog
from counter_app.gui.register_dialog import RegisterDialog
from counter_app.gui.reports_page import ReportsDialog
from counter_app.gui.sync_status import ReviewDialog
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.screens import MANAGER_PAGES, MEMBER_PAGES, SETUP_PAGES, WIZARD_PAGES
from counter_app.services import (
    approvals,
    auth,
    complaints,
    member_codes,
    member_events,
    members,
    points,
    printing,
    rewards,
)
from counter_app.services.desk import Desk, desk_status

WINDOW_SIZE = (1280, 800)
REFUSING_PRINTER = "tcp://127.0.0.1:9"  # the discard port: nothing listens, a connection is refused at once
RECEIPT_KINDS = ("earn", "birthday", "activity", "referral")


_T = TypeVar("_T")


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _phone_in_view(payload: str):
    """What the counter camera sees: a phone showing the member code, held over the counter top."""
    code = cv2.resize(cv2.QRCodeEncoder.create().encode(payload), None, fx=2, fy=2, interpolation=cv2.INTER_NEAREST)
    height = PREVIEW_WIDTH * 3 // 4
    frame = np.full((height, PREVIEW_WIDTH, 3), (96, 110, 122), np.uint8)
    phone_left, phone_width = PREVIEW_WIDTH // 4, PREVIEW_WIDTH // 2
    cv2.rectangle(frame, (phone_left, 8), (phone_left + phone_width, height - 4), (30, 30, 30), -1)  # the phone
    cv2.rectangle(
        frame, (phone_left + 6, 22), (phone_left + phone_width - 6, height - 16), (255, 255, 255), -1
    )  # its screen
    size = phone_width - 20
    code = cv2.resize(code, (size, size), interpolation=cv2.INTER_AREA)
    top, left = 22 + (height - 38 - size) // 2, phone_left + 10
    frame[top : top + size, left : left + size] = cv2.cvtColor(code, cv2.COLOR_GRAY2BGR)
    rgb = np.ascontiguousarray(frame[:, :, ::-1])
    return QPixmap.fromImage(
        QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888).copy()
    )


def _earn_receipt(desk: Desk, member_ref: str) -> str:
    """The member's latest receipt for points earned; a desk of demo data earns a sample first."""
    for line in points.history(desk, member_ref):
        if line.kind in RECEIPT_KINDS:
            return line.op_id
    if not desk_status(desk).demo_data:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This member has earned no points yet, so there is no receipt to show; give --member of one who has.",
            )
        )
    card = members.find_member(desk, member_ref)
    return points.earn_from_slip(
        desk, card.member_no, "1288.00", f"UQ-{desk.today():%Y%m%d}-{card.member_no[-4:]}", "优衣库 UNIQLO"
    ).op_id


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
    others = [
        member
        for member in members.recent_members(desk, 4)
        if member.member_no != members.find_member(desk, member_ref).member_no
    ]
    if others:
        second = points.earn_from_slip(
            desk,
            others[0].member_no,
            "356.00",
            f"ST-{desk.today():%Y%m%d}-{others[0].member_no[-4:]}",
            "星巴克 Starbucks",
        )
        job = printing.queue_receipt(desk, second.op_id, REFUSING_PRINTER)
        if (actor := desk.actor()) is not None and actor.may(Permission.APPROVE):
            printing.cancel_job(
                desk, job.id, QCoreApplication.translate("Screenshot", "The member did not want a receipt")
            )
        newest = others[-1].member_no
    else:
        newest = members.find_member(desk, member_ref).member_no
    printing.queue_receipt(desk, newest, REFUSING_PRINTER)  # a registration slip
    printing.print_next(desk, retry_after=lambda attempts: 60.0)  # refused at once: it waits, saying why
    printing.queue_test_page(desk, REFUSING_PRINTER)


SAMPLE_SHOPS = (
    "优衣库 UNIQLO",
    "星巴克 Starbucks",
    "海底捞火锅",
    "屈臣氏 Watsons",
    "Apple 专卖店",
    "无印良品 MUJI",
    "周大福",
    "万达影城",
    "盒马鲜生",
    "耐克 Nike",
)
SAMPLE_DAYS = 95
DEMO_EVENT = "WINTER-FAIR"


@contextlib.contextmanager
def _desk_clock_at(desk: Desk, moment: dt.datetime) -> Iterator[None]:
    """The desk's clock stands at `moment` meanwhile: sample trade back-dated on a demo desk, for its pictures."""
    clock = desk.clock
    desk.clock = lambda: moment
    try:
        yield
    finally:
        desk.clock = clock


def _quietly(work: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | None:
    """A sample operation the rules refuse (a velocity limit, a balance too low) is left out, not fatal."""
    try:
        return work(*args, **kwargs)
    except DeskError:
        return None


def _at_the_desk(desk: Desk, member_no: str):
    """The sample member's phone code, scanned: a spend needs the member there, in the samples too."""
    return member_codes.prove_presence(desk, member_codes.member_code(desk, member_no))


def _sample_trade(desk: Desk, rng: random.Random, pool: list, now: dt.datetime) -> None:
    """Purchases every day for three months (more at weekends), some cash redemptions, coupons redeemed and used."""
    rules = desk.rules
    issued: list[str] = []
    for days_back in range(SAMPLE_DAYS, -1, -1):
        day = (now - dt.timedelta(days=days_back)).date()
        for n in range(rng.randint(5, 10) + (7 if day.weekday() >= 5 else 0)):
            moment = dt.datetime.combine(day, dt.time(rng.randint(10, 21), rng.randint(0, 59)), now.tzinfo)
            if moment >= now:
                continue
            member = rng.choice(pool)
            amount = min(18_000.0, round(rng.lognormvariate(5.7, 0.9), 2))
            with _desk_clock_at(desk, moment):
                _quietly(
                    points.earn_from_slip,
                    desk,
                    member.member_no,
                    f"{amount:.2f}",
                    f"DM-{day:%Y%m%d}-{n:03d}",
                    rng.choice(SAMPLE_SHOPS),
                )
        moment = dt.datetime.combine(day, dt.time(rng.randint(11, 20), rng.randint(0, 59)), now.tzinfo)
        if moment >= now:
            continue
        with _desk_clock_at(desk, moment):
            rich = [m for m in pool if m.points >= 2000]
            if rich and rng.random() < 0.5:
                member = rng.choice(rich)
                _quietly(
                    points.redeem_cash,
                    desk,
                    member.member_no,
                    rules.cash_points_per_yuan * rng.choice((10, 20, 25)),
                    presence=_at_the_desk(desk, member.member_no),
                )
            if rich and rng.random() < 0.45:
                member = rng.choice(rich)
                redeemed = _quietly(
                    rewards.redeem_coupon,
                    desk,
                    member.member_no,
                    rng.choice(("C10", "C10", "C50")),
                    presence=_at_the_desk(desk, member.member_no),
                )
                if redeemed is not None and redeemed.coupon is not None:
                    issued.append(redeemed.coupon.code)
        if issued and rng.random() < 0.4:
            with _desk_clock_at(desk, moment + dt.timedelta(minutes=30)):
                _quietly(rewards.write_off_coupon, desk, issued.pop(0), "888.00")


def _sample_complaints(desk: Desk, rng: random.Random, pool: list, now: dt.datetime) -> None:
    """Closed complaints over the months (most answered in time, rated), and today's open ones in every state."""
    said = {
        "attitude": "收银员态度冷淡，结账时一直在看手机。",
        "response": "服务台排队二十分钟没有人处理退货。",
        "after_sales": "上周买的电饭煲坏了，店铺说要等两周才能修好。",
        "quality": "新买的羽绒服穿了一次就跑绒。",
        "price": "货架标价和收银价格不一致，多收了 30 元。",
        "environment": "B2 停车场照明太暗，找不到车。",
        "other": "会员积分到账太慢。",
    }
    weights = {"attitude": 6, "response": 5, "after_sales": 4, "quality": 4, "price": 3, "environment": 2, "other": 1}
    causes = list(complaint_rules.ROOT_CAUSES)
    for _ in range(36):
        opened = now - dt.timedelta(days=rng.randint(3, SAMPLE_DAYS), hours=rng.randint(0, 8))
        category = rng.choices(list(weights), list(weights.values()))[0]
        member = rng.choice(pool)
        with _desk_clock_at(desk, opened):
            info = _quietly(
                complaints.open_complaint,
                desk,
                member.member_no,
                category,
                said[category],
                rng.choice(("low", "normal", "normal", "high")),
                rng.choice(SAMPLE_SHOPS),
            )
        if info is None:
            continue
        ticket = info.ticket_no  # named once: a lambda does not see that info is set
        late = rng.random() < 0.12
        answered = opened + dt.timedelta(hours=rng.uniform(26, 40) if late else rng.uniform(0.3, 6))
        with _desk_clock_at(desk, answered):
            _quietly(complaints.acknowledge, desk, ticket, "已电话联系顾客，说明处理进度。")
        with _desk_clock_at(desk, answered + dt.timedelta(hours=2)):
            _quietly(complaints.start_progress, desk, ticket)
        with _desk_clock_at(desk, answered + dt.timedelta(hours=rng.uniform(4, 30))):
            _quietly(complaints.resolve, desk, ticket, rng.choice(causes[:6]), "已与店铺协调处理。")
        if rng.random() < 0.85:
            with _desk_clock_at(desk, answered + dt.timedelta(hours=rng.uniform(31, 60))):
                _quietly(complaints.close, desk, ticket, rng.choices((5, 4, 3, 2, 1), (45, 30, 12, 8, 5))[0])
    # Today's: on track, nearly due, late, escalated, in progress with notes, resolved waiting for the rating, a walk-in.
    today = [
        (2, "normal", "quality", None),
        (21, "normal", "attitude", None),
        (30, "normal", "response", None),
        (1, "high", "after_sales", "escalate"),
        (5, "normal", "price", "progress"),
        (26, "low", "environment", "resolved"),
        (3, "normal", "other", "walk_in"),
    ]
    for hours, severity, category, step in today:
        member = rng.choice(pool)
        with _desk_clock_at(desk, now - dt.timedelta(hours=hours)):
            if step == "walk_in":
                info = _quietly(
                    complaints.open_complaint,
                    desk,
                    None,
                    category,
                    "停车缴费机不找零，顾客多付了 20 元。",
                    severity,
                    "B2 停车场",
                    walk_in_name="陈女士",
                    contact="13912345678",
                )
            else:
                info = _quietly(
                    complaints.open_complaint,
                    desk,
                    member.member_no,
                    category,
                    said[category],
                    severity,
                    rng.choice(SAMPLE_SHOPS),
                    contact=None,
                )
        if info is None or step in (None, "walk_in"):
            continue
        ticket = info.ticket_no
        with _desk_clock_at(desk, now - dt.timedelta(hours=hours) + dt.timedelta(minutes=40)):
            if step == "escalate":
                _quietly(complaints.escalate, desk, ticket, "顾客要求店铺经理当面答复。")
                _quietly(
                    complaints.request_compensation, desk, ticket, "points", "500", "维修期间无法使用，给予积分补偿。"
                )
            else:
                _quietly(complaints.acknowledge, desk, ticket, "已告知顾客 24 小时内答复。")
                _quietly(complaints.start_progress, desk, ticket)
                _quietly(complaints.add_note, desk, ticket, "已联系店铺核对收银记录，差价确认属实。")
        if step == "resolved":
            with _desk_clock_at(desk, now - dt.timedelta(hours=2)):
                _quietly(complaints.resolve, desk, ticket, "facility", "已增加照明，并安排保安巡查。")


def _sample_manager_desk(desk: Desk) -> None:
    """Once, on a desk of demo data only: three months of trade and complaints, an event running today with
    its first check-ins, and requests waiting for a manager. Nothing prints (receipts are not queued)."""
    rules = desk.rules
    if not desk_status(desk).demo_data or complaints.list_complaints(desk, limit=1):
        return
    rng = random.Random(20261123)
    pool = members.recent_members(desk, 400)
    if len(pool) < 10:
        return
    now = desk.now()
    _sample_trade(desk, rng, pool, now)
    _sample_complaints(desk, rng, pool, now)
    if (actor := desk.actor()) is not None and actor.may(Permission.APPROVE):
        start = now.replace(hour=9, minute=0, second=0, microsecond=0)
        event = _quietly(
            member_events.create_event,
            desk,
            DEMO_EVENT,
            "冬季会员嘉年华",
            start,
            start + dt.timedelta(days=3, hours=12),
            rules.activity_points,
            300,
        )
        if event is not None and now >= start:
            for member in pool[:5]:
                _quietly(member_events.sign_up, desk, DEMO_EVENT, member.member_no)
            for member in pool[:3]:
                _quietly(member_events.check_in, desk, member.member_no, DEMO_EVENT)
    rich = [m for m in members.recent_members(desk, 400) if m.points >= 4000]
    if rich:
        ratio = rules.cash_points_per_yuan
        approvals.request(
            desk,
            "points.cash",
            rich[0].member_no,
            {"ref": rich[0].member_no, "points": str(ratio * 50)},
            details="large redemption",
        )
    member = pool[7]
    slip = f"UQ-{now:%Y%m%d}-8801"
    params = {"ref": member.member_no, "amount": "68000.00", "slip_no": slip, "shop": "周大福", "at": now.isoformat()}
    approvals.request(desk, "points.earn", slip, params, details="large amount ¥68000.00")


def _shown_member(desk: Desk, member_ref: str | None) -> str:
    """The member a member's page shows: the one named, else the newest; a desk without members says what to do."""
    if member_ref:
        return member_ref
    newest = members.recent_members(desk, 1)
    if not newest:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors", "This page shows a member, and the desk has none yet: register one, or run demo-data first."
            )
        )
    return newest[0].member_no


def take_screenshot(
    desk: Desk, page: str, out: Path, member_ref: str | None, font_warning: str | None, staff: str | None
) -> int:
    tasks.run_synchronously(True)  # every result is on screen before the picture is taken
    try:
        if staff:
            auth.sign_in(desk, staff, os.environ.get("COUNTER_PIN", ""))
        elif page in MEMBER_PAGES:
            raise auth.NotSignedIn(
                QT_TRANSLATE_NOOP("Errors", "This page shows member data: give --staff, with the PIN in COUNTER_PIN.")
            )
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
            ref = _shown_member(desk, member_ref)
            card = members.find_member(desk, ref)
            dialog = {"earn": EarnDialog, "redeem": RedeemDialog, "history": HistoryDialog}[page](desk, card, window)
            if page == "earn":
                dialog.amount_edit.setText("1288.00")
                dialog.slip_edit.setText("UQ-20261123-0042")
                dialog.shop_edit.setText("优衣库 UNIQLO")
            elif page == "redeem":
                dialog.tabs.setCurrentIndex(0)  # the gifts, as F4 opens it
            dialog.show()
            dialog.adjustSize()
            _settle()
            picture = dialog.grab()
        elif page == "scan":
            # The camera panel with a member's phone held up, and the card opened from a printed card code.
            ref = _shown_member(desk, member_ref)
            window.camera.setVisible(True)
            window.camera.preview.setPixmap(_phone_in_view(member_codes.member_code(desk, ref)))
            window.handle_scan(member_codes.member_code(desk, ref, static=True))
            _settle()
            picture = window.grab()
        elif page in ("receipt", "receipt58"):
            reference = _earn_receipt(desk, _shown_member(desk, member_ref))
            if not desk.settings.printer_uri:
                desk.settings = desk.settings.with_value(
                    "printer_uri", REFUSING_PRINTER
                )  # for this picture; never saved
            dialog = ReceiptPreviewDialog(desk, reference, parent=window, paper_mm=58 if page == "receipt58" else 80)
            dialog.show()
            _settle()
            # The whole slip in the picture, as a reviewer wants to read it.
            paper = dialog.scroll_area.widget()
            assert paper is not None, "the preview holds its slip"
            dialog.resize(
                dialog.width(),
                dialog.height() + paper.sizeHint().height() - dialog.scroll_area.viewport().height() + 2,
            )
            _settle()
            picture = dialog.grab()
        elif page == "printqueue":
            _sample_print_jobs(desk, _shown_member(desk, member_ref))
            window.printer.refresh()
            dialog = PrintQueueDialog(desk, window, printer=window.printer)
            dialog.show()
            _settle()
            dialog.select_row(1)
            _settle()
            picture = dialog.grab()
        elif page in MANAGER_PAGES:
            picture = _manager_page(desk, window, page, member_ref)
        elif page in SETUP_PAGES:
            picture = _setup_page(desk, window, page)
        elif page == "review":
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
        elif page == "presence":
            # A member looked up by phone, about to be paid out: the desk asks for their code first.
            card = members.find_member(desk, _shown_member(desk, member_ref))
            dialog = PresenceDialog(desk, card, "points.cash", parent=window)
            dialog.show()
            dialog.manager_edit.setText("M001")
            dialog.adjustSize()
            _settle()
            picture = dialog.grab()
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
        sys.stderr.write(
            QApplication.translate(
                "DeskApp", "Could not write %1; check the folder exists and can be written."
            ).replace("%1", str(out))
            + "\n"
        )
        return 2
    return 0


def _setup_page(desk: Desk, window: MainWindow, page: str):
    """The wizard, settings and support windows draw their own pictures: each knows what to fill in."""
    if page in WIZARD_PAGES:
        return wizard_pages.screenshot_page(desk, window, page)
    if page == "settings":
        return settings_dialog.screenshot_page(desk, window, page)
    return support.screenshot_page(desk, window, page)


def _manager_page(desk: Desk, window: MainWindow, page: str, member_ref: str | None):
    """The reports, the manager's queue, the complaints, the intake for the member on the card, event check-in."""
    _sample_manager_desk(desk)
    window.refresh_queue_count()
    if page in ("reports", "reportcomplaints"):
        reports_dialog = ReportsDialog(desk, window)
        reports_dialog.resize(1280, 900)
        reports_dialog.show()
        reports_dialog.apply_preset("this_year")
        if page == "reportcomplaints":
            reports_dialog.tabs.setCurrentIndex(3)
        _settle()
        return reports_dialog.grab()
    if page == "queue":
        queue_dialog = ManagerQueueDialog(desk, window)
        queue_dialog.show()
        _settle()
        return queue_dialog.grab()
    if page == "complaints":
        complaints_dialog = ComplaintsDialog(desk, window)
        complaints_dialog.show()
        _settle()
        # The one being worked on, with its notes, as a manager opens it.
        for row in range(complaints_dialog.model.rowCount()):
            if complaints_dialog.model.complaint(row).state == "in_progress":
                complaints_dialog.select_row(row)
                break
        _settle()
        return complaints_dialog.grab()
    if page == "checkin":
        checkin_dialog = EventCheckInDialog(desk, window)
        checkin_dialog.show()
        _settle()
        signed = [m for m in members.recent_members(desk, 8)][5:6]
        if signed and checkin_dialog.events:
            checkin_dialog.take_scan(signed[0].member_no)
        _settle()
        return checkin_dialog.grab()
    newest = members.recent_members(desk, 1)
    ref = member_ref or (newest[0].member_no if newest else None)
    card = members.find_member(desk, ref) if ref else None  # a desk without members: a walk-in's complaint
    intake_dialog = ComplaintIntakeDialog(desk, card, window)
    intake_dialog.category_combo.setCurrentIndex(3)
    intake_dialog.shop_edit.setText("优衣库 UNIQLO 3F")
    intake_dialog.description_edit.setPlainText("上周买的羽绒服穿了一次就跑绒，店员说要等厂家检测，顾客希望尽快退换。")
    intake_dialog.contact_edit.setText("139 1234 5678")
    intake_dialog.show()
    intake_dialog.adjustSize()
    _settle()
    return intake_dialog.grab()
