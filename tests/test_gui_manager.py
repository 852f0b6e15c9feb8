"""The manager's pages through real widgets offscreen: reports with their figures and exports, the manager's queue,
complaints taken with the keyboard alone and worked through their states, the ticket printed, event check-in."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.gui import tasks
from counter_app.gui.complaint_dialogs import ComplaintIntakeDialog, ComplaintsDialog
from counter_app.gui.event_checkin import EventCheckInDialog
from counter_app.gui.main_window import MainWindow
from counter_app.gui.manager_queue import ManagerQueueDialog
from counter_app.gui.models import SLA_BACKGROUNDS, SLA_COLOURS, ComplaintsModel, format_figure
from counter_app.gui.reports_page import FigureTile, ReportsDialog, preset_range
from counter_app.services import approvals, auth, complaints, member_events, members, points, reports
from counter_app.services.desk import change_setting
from tests.conftest import NOW, form, present
from tests.test_gui import open_window
from tests.test_gui_printing import printer, retry_at_once  # noqa: F401 - fixtures

QStandardPaths.setTestModeEnabled(True)
WAIT_MS = 10_000
CLERK, CLERK_PIN = "K001", "357924"
MANAGER, MANAGER_PIN = "M001", "468035"
THIS_MONTH = (dt.date(2026, 11, 1), NOW.date())


@pytest.fixture
def window(qtbot, qapp, desk):
    shown = open_window(qtbot, qapp, desk)
    yield shown
    shown.close()
    tasks.run_synchronously(False)


def small_store(desk) -> tuple[members.MemberCard, members.MemberCard]:
    first = members.register_member(desk, form())
    second = members.register_member(desk, form(phone="13900139000", name="李四"))
    points.earn_from_slip(desk, first.member_no, "1288.50", "S-1", "优衣库")
    points.earn_from_slip(desk, second.member_no, "356.00", "S-2")
    return first, second


def open_reports(qtbot, window, desk) -> ReportsDialog:
    dialog = ReportsDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def tile_values(view) -> dict[str, str]:
    return {tile.caption.text(): tile.value.text() for tile in view.findChildren(FigureTile)}


class InputCounter(QObject):
    """Every key and mouse event the application delivers, counted while installed."""

    MOUSE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick)

    def __init__(self) -> None:
        super().__init__()
        self.keys = self.mouse = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.KeyPress:
            self.keys += 1
        elif event.type() in self.MOUSE:
            self.mouse += 1
        return False


def in_the_dialog(qtbot, work) -> list[BaseException]:
    """Run `work(dialog)` once the modal dialog about to open is up and has the keyboard; a failure closes it
    (never a hung test) and is handed back for the test to raise."""
    failures: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
            work(dialog)
        except BaseException as failure:
            failures.append(failure)
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return failures


def focused() -> QWidget:
    """What has the keyboard: the focus widget, or, while no window is active (offscreen, just after a dialog
    closed), the one the open dialog or the desk's window would give it to."""
    widget = QApplication.focusWidget()
    if widget is not None:
        return widget
    holder = QApplication.activeModalWidget() or next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    )
    return holder.focusWidget() or holder


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key to whatever has the focus, as a clerk's keyboard sends it."""
    qtbot.keyClick(focused(), key, modifier)


def type_keys(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


# ---- reports --------------------------------------------------------------------------------------------


def test_the_reports_page_shows_the_services_figures_and_exports_csv(qtbot, window, desk, tmp_path):
    small_store(desk)
    dialog = open_reports(qtbot, window, desk)
    assert dialog.range() == THIS_MONTH and dialog.preset_buttons["this_month"].isChecked()
    expected = reports.members_report(desk, *THIS_MONTH)
    view = dialog.views["members"]
    assert view.stack.currentWidget() is view.scroller and len(view.chart_views) == 2
    assert tile_values(view)["Members now"] == format_figure(expected.members) == "2"
    by_tier = view.table_views[0].model()
    regular = next(row for row in range(by_tier.rowCount()) if by_tier.data(by_tier.index(row, 0)) == "Regular")
    assert by_tier.data(by_tier.index(regular, 1)) == f"{expected.by_tier[0].members:,}"

    dialog.tabs.setCurrentIndex(1)  # points: computed when its tab opens
    expected_points = reports.points_report(desk, *THIS_MONTH)
    view = dialog.views["points"]
    assert tile_values(view)["Points issued"] == f"{expected_points.issued:,}" == "1,644"
    assert tile_values(view)["Outstanding now"] == f"{expected_points.outstanding:,}"
    by_month = view.table_views[0].model()
    assert by_month.data(by_month.index(0, 0)) == "2026-11"
    assert by_month.data(by_month.index(0, 1)) == f"{expected_points.months[0].issued:,}"

    path = tmp_path / "points.csv"
    dialog.export_csv(path)
    assert dialog.notice.text() == f"Saved as {path}"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Points", "2026-11-01", "2026-11-23"]
    assert ["Points issued", "1644"] in rows
    dialog.export_xlsx(tmp_path / "points.xlsx")
    assert (tmp_path / "points.xlsx").stat().st_size > 0


def test_progress_reaches_the_bar_through_a_signal_and_presets_set_the_range(qtbot, window, desk):
    small_store(desk)
    dialog = open_reports(qtbot, window, desk)
    steps = []
    dialog.relay.advanced.connect(lambda serial, done, total: steps.append((done, total)))
    dialog.apply_preset("last_7")
    assert dialog.range() == preset_range("last_7", NOW.date()) == (dt.date(2026, 11, 17), NOW.date())
    assert steps and steps[-1][0] == steps[-1][1] == 3  # the members report's three steps, each reported
    assert not dialog.progress.isVisible()
    assert dialog.subtitle.text().endswith("2026-11-17 to 2026-11-23 · 7 days")
    dialog.from_edit.setDate(dialog.to_edit.date().addDays(-40))
    dialog.from_edit.editingFinished.emit()  # Enter in the date: computed at once, no preset lit
    assert not any(button.isChecked() for button in dialog.preset_buttons.values())
    assert dialog.views["members"].report.start == "2026-10-14"
    dialog.set_range(dt.date(2026, 11, 20), dt.date(2026, 11, 10))
    assert dialog.error.isVisible()
    assert dialog.error.text() == "The report ends on 2026-11-10, before it starts on 2026-11-20; swap the dates."
    assert dialog.views["members"].placeholder_title.text() == "This range cannot be reported"
    assert not dialog.csv_button.isEnabled()


def test_an_empty_store_says_there_is_no_data_instead_of_empty_charts(qtbot, window, desk):
    dialog = open_reports(qtbot, window, desk)
    view = dialog.views["members"]
    assert view.stack.currentWidget() is view.placeholder
    assert view.placeholder_title.text() == "No data in this range"
    assert not view.chart_views
    dialog.tabs.setCurrentIndex(3)
    assert dialog.views["complaints"].placeholder_title.text() == "No data in this range"


def test_a_clerk_is_told_reports_are_for_managers_without_a_traceback(qtbot, window, desk, caplog):
    small_store(desk)
    auth.add_staff(desk, CLERK, "服务台小李", "clerk", CLERK_PIN)
    auth.sign_in(desk, CLERK, CLERK_PIN)
    dialog = open_reports(qtbot, window, desk)
    view = dialog.views["members"]
    assert view.placeholder_title.text() == "Reports are for managers"
    assert view.placeholder_hint.text() == "Your role may not do this; a manager can authorise it."
    assert not dialog.csv_button.isEnabled() and not dialog.xlsx_button.isEnabled()
    assert "Traceback" not in caplog.text


def test_ctrl_r_opens_the_reports_from_the_desk(qtbot, window):
    assert "Ctrl+R" in window.reports_button.toolTip()
    opened = []
    failures = in_the_dialog(qtbot, lambda dialog: (opened.append(type(dialog)), dialog.reject()))
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert not failures and opened == [ReportsDialog]


# ---- the manager's queue ------------------------------------------------------------------------------------


def park_a_cash_redemption(desk) -> tuple[members.MemberCard, int]:
    card = members.register_member(desk, form())
    points.earn_from_slip(desk, card.member_no, "1000", "S-1")
    # Parked as the redeem form parks it: with the scan that showed the member at the desk.
    params = {"ref": card.member_no, "points": "800", "presence": present(desk, card.member_no)}
    approval_id = approvals.request(desk, "points.cash", card.member_no, params)
    return card, approval_id


def test_approving_in_the_queue_runs_the_operation_and_the_item_disappears(qtbot, window, desk):
    card, approval_id = park_a_cash_redemption(desk)
    window.refresh_queue_count()
    assert window.queue_button.text() == "Approvals: 1" and window.queue_button.property("waiting")
    dialog = ManagerQueueDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1 and dialog.count_label.text() == "1 waiting"
    item = dialog.model.item(0)
    assert (item.kind, item.item_id, item.title, item.subject) == (
        "approval",
        str(approval_id),
        "Large redemption of points as cash",
        card.member_no,
    )
    assert dialog.model.data(dialog.model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None  # the urgency's dot
    decisions = []
    dialog.decided.connect(decisions.append)
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    assert dialog.notice.text() == f"Approved: Large redemption of points as cash · {card.member_no}"
    assert decisions and decisions[0].approved
    assert members.find_member(desk, card.member_no).points == 200
    window.refresh_queue_count()
    assert window.queue_button.text() == "Approvals"


def test_rejecting_asks_for_the_reason_and_a_clerk_decides_with_a_managers_pin(qtbot, window, desk, monkeypatch):
    card, approval_id = park_a_cash_redemption(desk)
    auth.add_staff(desk, CLERK, "服务台小李", "clerk", CLERK_PIN)
    auth.add_staff(desk, MANAGER, "张经理", "manager", MANAGER_PIN)
    auth.sign_in(desk, CLERK, CLERK_PIN)
    dialog = ManagerQueueDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (
        dialog.authorise_button.isVisible()
        and dialog.error.text() == "Your role may not do this; a manager can authorise it."
    )

    def authorise(override):
        override.manager_edit.setText(MANAGER)
        override.pin_edit.setText(MANAGER_PIN)
        override.authorise()

    failures = in_the_dialog(qtbot, authorise)
    dialog.authorise_button.click()
    assert not failures
    assert dialog.model.rowCount() == 1 and not dialog.authorise_button.isVisible()
    monkeypatch.setattr(dialog, "ask_reason", lambda item: "")
    dialog.reject_selected()
    assert dialog.error.text() == "Give the reason for the rejection; the requester will see it."
    monkeypatch.setattr(dialog, "ask_reason", lambda item: "The member left before paying")
    failures = in_the_dialog(qtbot, authorise)
    dialog.reject_selected()
    assert not failures
    assert dialog.notice.text().startswith("Rejected: ") and not dialog.error.isVisible()
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    with desk.store.read() as connection:
        row = connection.exec_driver_sql("SELECT status, reason FROM approvals WHERE id = ?", (approval_id,)).one()
        audited = connection.exec_driver_sql(
            "SELECT staff_id, authorized_by FROM audit_log WHERE action = 'approval.reject' ORDER BY seq DESC LIMIT 1"
        ).one()
    assert tuple(row) == ("rejected", "The member left before paying")
    assert tuple(audited) == (CLERK, MANAGER)  # the clerk decided with the manager's authority, both named
    assert members.find_member(desk, card.member_no).points == 1000


# ---- complaints ---------------------------------------------------------------------------------------------


def test_a_complaint_taken_with_the_keyboard_alone_shows_in_the_list_with_its_clock(qtbot, window, desk, qapp):
    members.register_member(desk, form())
    counter = InputCounter()
    qapp.installEventFilter(counter)
    try:
        type_keys(qtbot, "13800138000")  # the search box has the focus
        press(qtbot, Qt.Key.Key_Return)
        assert window.card.card is not None
        seen = {}

        def fill_in(dialog):
            seen["dialog"] = dialog
            assert QApplication.focusWidget() is dialog.category_combo
            for _ in range(3):
                press(qtbot, Qt.Key.Key_Down)  # Service attitude → … → Product quality
            press(qtbot, Qt.Key.Key_Tab)
            type_keys(qtbot, "UNIQLO 3F")
            press(qtbot, Qt.Key.Key_Tab)
            press(qtbot, Qt.Key.Key_Down)  # Normal → High
            press(qtbot, Qt.Key.Key_Tab)
            type_keys(qtbot, "The down jacket sheds feathers after one wear")
            press(qtbot, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is dialog.contact_edit
            type_keys(qtbot, "13912345678")
            press(qtbot, Qt.Key.Key_Return)

        failures = in_the_dialog(qtbot, fill_in)
        press(qtbot, Qt.Key.Key_F7)
        if failures:
            raise failures[0]
        assert isinstance(seen["dialog"], ComplaintIntakeDialog)
        [taken] = complaints.list_complaints(desk)
        assert (taken.category, taken.severity, taken.shop, taken.member_no) == (
            "quality",
            "high",
            "UNIQLO 3F",
            window.card.card.member_no,
        )
        assert taken.description == "The down jacket sheds feathers after one wear" and taken.contact == "139****5678"
        assert window.search_message.text().startswith(f"Complaint {taken.ticket_no} taken; the answer is promised by ")

        listed = {}

        def look(dialog):
            model = dialog.model
            row = model.row_of(taken.ticket_no)
            sla = model.index(row, ComplaintsModel.COLUMNS.index("sla"))
            listed.update(
                text=model.data(sla),
                status=model.data(sla, Qt.ItemDataRole.UserRole),
                background=model.data(sla, Qt.ItemDataRole.BackgroundRole),
                colour=model.data(sla, Qt.ItemDataRole.ForegroundRole),
                detail=dialog.detail.ticket_label.text(),
            )
            press(qtbot, Qt.Key.Key_Escape)

        # A desktop's window manager hands activation back to the desk when a dialog closes; offscreen has none.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
        assert QApplication.focusWidget() is window.search_box  # the intake gave the focus back to the search box
        failures = in_the_dialog(qtbot, look)
        press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        if failures:
            raise failures[0]
    finally:
        qapp.removeEventFilter(counter)
    assert listed["text"] == "8 h 00 min left"  # a high-severity complaint: answered within 8 hours
    assert listed["status"] == "on_track"
    assert listed["background"] == QColor(SLA_BACKGROUNDS["on_track"]) and listed["colour"] == QColor(
        SLA_COLOURS["on_track"]
    )
    assert listed["detail"] == taken.ticket_no
    assert counter.mouse == 0 and counter.keys > 20


def test_a_walk_in_complaint_needs_what_happened_and_says_so_at_the_field(qtbot, window, desk):
    dialog = ComplaintIntakeDialog(desk, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("陈女士")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.errors["text"].isVisible()
    assert dialog.errors["text"].text() == "Write down what happened, in the customer's words."
    assert dialog.focusWidget() is dialog.description_edit  # the field to fix, for the next keys
    qtbot.keyClicks(dialog.description_edit, "No change from the parking machine")
    qtbot.keyClick(dialog.description_edit, Qt.Key.Key_Return)
    [taken] = complaints.list_complaints(desk)
    assert taken.member_no is None and taken.walk_in_name == "陈女士" and taken.severity == "normal"


def test_the_ticket_prints_after_the_complaint_is_taken(qtbot, qapp, desk, printer, retry_at_once):
    change_setting(desk, "printer_uri", printer.uri)
    shown = open_window(qtbot, qapp, desk)
    try:
        members.register_member(desk, form())

        def fill_in(dialog):
            dialog.description_edit.setPlainText("Rude at the till")
            qtbot.keyClick(dialog.description_edit, Qt.Key.Key_Return)

        failures = in_the_dialog(qtbot, fill_in)
        shown.take_complaint(walk_in=True)
        assert not failures
        [taken] = complaints.list_complaints(desk)
        assert printer.wait_for(1, timeout=10)
        assert printer.receipts[0].qr_payloads == [taken.ticket_no]
    finally:
        shown.close()
        tasks.run_synchronously(False)


def test_acknowledging_updates_the_record_and_the_actions_then_resolve_and_close(qtbot, window, desk, monkeypatch):
    card = members.register_member(desk, form())
    opened = complaints.open_complaint(desk, card.member_no, "attitude", "The cashier was rude")
    dialog = ComplaintsDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.select_ticket(opened.ticket_no)
    detail = dialog.detail
    assert detail.state_badge.text() == "Open" and detail.timeline.rowCount() == 1
    assert detail.buttons["acknowledge"].isEnabled() and not detail.buttons["resolve"].isEnabled()
    assert detail.sla_badge.text() == "On track · 24 h 00 min left"

    qtbot.mouseClick(detail.buttons["acknowledge"], Qt.MouseButton.LeftButton)
    assert detail.state_badge.text() == "Acknowledged"
    assert detail.timeline.rowCount() == 2 and detail.timeline.item(0, 1).text() == "Acknowledged"  # newest on top
    assert detail.sla_badge.text() == "Answered in time"
    assert not detail.buttons["acknowledge"].isEnabled() and detail.buttons["progress"].isEnabled()
    assert detail.notice.text() == f"{opened.ticket_no} acknowledged: the customer has had the first answer."
    row = dialog.model.row_of(opened.ticket_no)
    assert dialog.model.data(dialog.model.index(row, ComplaintsModel.COLUMNS.index("state"))) == "Acknowledged"

    detail.buttons["progress"].click()
    monkeypatch.setattr(detail, "ask_resolution", lambda: ("staff_conduct", "Apologised; coaching for the cashier"))
    detail.buttons["resolve"].click()
    assert detail.state_badge.text() == "Resolved" and detail.values["outcome"].text() == "Staff conduct"
    assert detail.buttons["progress"].text() == "Reopen" and detail.buttons["close"].isEnabled()
    monkeypatch.setattr(detail, "ask_rating", lambda: (4, ""))
    detail.buttons["close"].click()
    assert detail.state_badge.text() == "Closed" and detail.values["outcome"].text() == "Staff conduct · ★★★★☆"
    assert not any(
        detail.buttons[key].isEnabled()
        for key in ("acknowledge", "progress", "resolve", "close", "escalate", "note", "assign", "compensate")
    )
    assert complaints.show_complaint(desk, opened.ticket_no).rating == 4


def test_a_refused_move_is_explained_and_a_conflict_shows_prominently(qtbot, window, desk, monkeypatch):
    card = members.register_member(desk, form())
    opened = complaints.open_complaint(desk, card.member_no, "price", "Charged twice")
    dialog = ComplaintsDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    detail = dialog.detail
    monkeypatch.setattr(detail, "ask_text", lambda *args, **kwargs: "")
    detail.buttons["escalate"].click()
    assert (
        detail.error.isVisible()
        and detail.error.text() == "Give the reason; it goes into the complaint's record and the audit log."
    )
    clash = dataclasses.replace(
        opened, conflict="Counter 0002: Resolved; counter 0001: Escalated — both from Acknowledged."
    )
    detail.show_complaint(clash)
    assert detail.conflict.isVisible() and "both from Acknowledged" in detail.conflict.text()


def test_compensation_asked_from_the_complaint_waits_in_the_managers_queue(qtbot, window, desk, monkeypatch):
    card = members.register_member(desk, form())
    opened = complaints.open_complaint(desk, card.member_no, "after_sales", "Repair takes two weeks")
    dialog = ComplaintsDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    detail = dialog.detail
    monkeypatch.setattr(detail, "ask_compensation", lambda: ("points", "300", "Two weeks without the cooker"))
    detail.buttons["compensate"].click()
    assert detail.notice.text() == f"Compensation for {opened.ticket_no} waits for a manager (Ctrl+M)."
    assert "waiting for a manager" in detail.compensation.text()
    queue = ManagerQueueDialog(desk, window)
    qtbot.addWidget(queue)
    assert queue.model.item(0).kind == "compensation"
    queue.approve_selected()
    assert queue.model.rowCount() == 0
    assert members.find_member(desk, card.member_no).points == 300


# ---- event check-in --------------------------------------------------------------------------------------------


def test_event_check_in_by_scan_shows_the_result_and_refuses_a_second_scan(qtbot, window, desk):
    card = members.register_member(desk, form())
    start = NOW - dt.timedelta(hours=1)
    member_events.create_event(desk, "WINTER-FAIR", "冬季会员嘉年华", start, start + dt.timedelta(hours=8), 20, 100)
    dialog = EventCheckInDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.event_combo.currentData() == "WINTER-FAIR" and dialog.focusWidget() is dialog.scan_edit
    dialog.take_scan(card.member_no)
    assert dialog.result_frame.property("tone") == "good"
    assert dialog.result_title.text() == f"✓ {card.member_no} checked in to 冬季会员嘉年华"
    assert dialog.result_detail.text().startswith("+20 points · balance 20")
    assert dialog.table.rowCount() == 1 and dialog.scan_edit.text() == "" and dialog.focusWidget() is dialog.scan_edit
    qtbot.keyClicks(dialog.scan_edit, card.member_no)
    qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)
    assert dialog.result_frame.property("tone") == "bad" and "already checked in" in dialog.result_detail.text()
    assert members.find_member(desk, card.member_no).points == 20
