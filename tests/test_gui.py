"""The desk window driven through real widgets offscreen, with the keyboard as a clerk uses it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from counter_app.gui import tasks
from counter_app.gui.app import apply_fonts, apply_style, install_translations
from counter_app.gui.main_window import MainWindow
from counter_app.gui.register_dialog import RegisterDialog
from counter_app.services import auth, member_codes, members
from counter_app.services.desk import desk_status
from tests.conftest import form, present

QStandardPaths.setTestModeEnabled(True)  # window geometry goes to a test settings folder, not the user's


def open_window(qtbot, qapp, desk) -> MainWindow:
    """The desk's window, shown, in English, with tasks run at once; signed in as the desk fixture's staff."""
    tasks.run_synchronously(True)
    install_translations(qapp, "en")
    apply_style(qapp)
    shown = MainWindow(desk)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown._signed_in(desk.session)  # the desk fixture signed in already; the login page is tested on its own
    return shown


@pytest.fixture
def window(qtbot, qapp, desk):
    yield open_window(qtbot, qapp, desk)
    tasks.run_synchronously(False)


def type_text(qtbot, widget, text):
    """Keys for ASCII; Chinese arrives as an input method's commit, as it does from a real IME."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_and_enter(qtbot, widget, text):
    widget.clear()
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_the_search_box_has_the_focus_from_the_start(window):
    assert window.search_box.hasFocus()
    assert window.card.currentIndex() == 0


def test_a_whole_phone_and_enter_opens_the_card(qtbot, window, desk):
    members.register_member(desk, form(gender="F"))
    type_and_enter(qtbot, window.search_box, "13800138000")
    assert window.card.currentIndex() == 1
    assert window.card.name_label.text() == "张三丰"
    assert window.card.values["phone"].text() == "138****8000"
    assert window.card.points_value.text() == "0"
    assert window.search_box.hasFocus()  # ready for the next scan


def test_a_surname_lists_members_and_a_row_opens_one(qtbot, window, desk):
    members.register_member(desk, form())
    members.register_member(desk, form(phone="13900139000", name="张三"))
    type_and_enter(qtbot, window.search_box, "张")
    assert window.results_model.rowCount() == 2
    assert window.search_message.text() == "2 members found"
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert window.results.hasFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert window.card.name_label.text() == window.results_model.member(1).name
    qtbot.keyClick(window.results, Qt.Key.Key_Escape)
    assert window.search_box.hasFocus()


def test_typing_searches_after_a_pause(qtbot, window, desk):
    members.register_member(desk, form())
    qtbot.keyClicks(window.search_box, "zsf")
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 1, timeout=2000)
    assert window.card.name_label.text() == "张三丰"  # one match opens at once


def test_input_the_box_cannot_search_is_explained_inline(qtbot, window):
    type_and_enter(qtbot, window.search_box, "12")
    assert "last 4 digits" in window.search_message.text()
    type_and_enter(qtbot, window.search_box, "13311112222")
    assert "No member found" in window.search_message.text()


def test_stale_results_never_overwrite_newer_ones(window, desk):
    members.register_member(desk, form())
    window._search_serial = 5
    window._show_results(4, members.search_members(desk, "张"))
    assert window.results_model.rowCount() == 0


def test_registering_with_the_keyboard(qtbot, window, desk):
    dialog = RegisterDialog(desk, window)
    qtbot.addWidget(dialog)
    saved = []
    dialog.member_saved.connect(saved.append)
    qtbot.keyClicks(dialog.ui.phoneEdit, "+86 139-1234-5678")
    qtbot.keyClick(dialog.ui.phoneEdit, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.ui.nameEdit, "林晓雯")
    dialog.ui.idNumberEdit.setText("11010519491231002X")
    dialog.ui.consentCheck.setChecked(True)
    dialog.submit()
    assert len(saved) == 1 and saved[0].birthday == "1949-12-31"
    assert desk_status(desk).pending_ops == 1


def test_inline_messages_for_each_bad_field_and_nothing_saved(qtbot, window, desk):
    dialog = RegisterDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.phoneEdit.setText("010-12345678")
    dialog.ui.phoneEdit.editingFinished.emit()
    assert "landline" in dialog.ui.phoneError.text() and dialog.ui.phoneError.isVisible()
    qtbot.keyClicks(dialog.ui.phoneEdit, "9")  # typing again clears the old message
    assert not dialog.ui.phoneError.isVisible()
    dialog.ui.nameEdit.setText("<b>张三</b>")
    dialog.ui.birthdayEdit.setText("2099-01-01")
    dialog.submit()
    assert (
        "landline" in dialog.ui.phoneError.text()
        or "not a mainland" in dialog.ui.phoneError.text()
        or "digits" in dialog.ui.phoneError.text()
    )
    assert dialog.ui.nameError.text() == "A name may contain only letters, spaces and · . ' -; remove “<”."
    assert dialog.ui.nameError.textFormat() == Qt.TextFormat.PlainText
    assert "future" in dialog.ui.birthdayError.text()
    assert "privacy notice" in dialog.ui.consentError.text()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert desk_status(desk).pending_ops == 0


def test_a_known_phone_offers_to_open_that_member(qtbot, window, desk):
    existing = members.register_member(desk, form())
    dialog = RegisterDialog(desk, window)
    qtbot.addWidget(dialog)
    opened = []
    dialog.open_member.connect(opened.append)
    dialog.ui.phoneEdit.setText("138 0013 8000")
    dialog.ui.nameEdit.setText("李四")
    dialog.ui.consentCheck.setChecked(True)
    dialog.submit()
    assert existing.member_no in dialog.ui.phoneError.text()
    dialog.ui.phoneError.linkActivated.emit("open")
    assert opened == [existing.member_no]


def test_editing_from_the_card(qtbot, window, desk):
    members.register_member(desk, form())
    type_and_enter(qtbot, window.search_box, "13800138000")
    dialog = RegisterDialog(desk, window, editing=window.card.card)
    qtbot.addWidget(dialog)
    dialog.member_saved.connect(window._member_saved)
    assert dialog.ui.nameEdit.text() == "张三丰" and dialog.ui.phoneEdit.text() == ""
    assert not dialog.ui.consentCheck.isVisibleTo(dialog)
    dialog.ui.nameEdit.setText("张君宝")
    dialog.ui.genderCombo.setCurrentIndex(2)
    dialog.submit()
    assert window.card.name_label.text() == "张君宝"
    assert window.card.values["gender"].text() == "Male"
    assert members.find_member(desk, "13800138000").phone == "138****8000"  # empty phone kept it


def test_an_empty_desk_offers_demo_members(qtbot, window, desk):
    assert window.demo_banner.isVisible()
    window.create_demo_members()
    assert not window.demo_banner.isVisible()
    assert window.demo_status.isVisible()
    assert desk_status(desk).has_members


def test_status_bar_shows_counter_store_and_pending(window, desk):
    members.register_member(desk, form())
    window.refresh_status()
    assert window.counter_status.text() == "Store not named yet · Counter 1"
    assert window.pending_status.text() == "Waiting to sync: 1"


def test_the_desk_speaks_chinese_by_default(qtbot, qapp, desk):
    tasks.run_synchronously(True)
    install_translations(qapp, "zh_CN")
    try:
        shown = MainWindow(desk)
        qtbot.addWidget(shown)
        assert shown.windowTitle() == "会员服务台"
        assert shown.register_button.text() == "新会员登记  F2"
        dialog = RegisterDialog(desk, shown)
        qtbot.addWidget(dialog)
        assert dialog.ui.titleLabel.text() == "新会员登记"
        dialog.ui.phoneEdit.setText("abc")
        dialog.ui.phoneEdit.editingFinished.emit()
        assert dialog.ui.phoneError.text() == "手机号只能包含数字；请删除字母或符号。"
    finally:
        install_translations(qapp, "en")
        tasks.run_synchronously(False)


def test_a_chinese_font_is_found(qapp):
    assert apply_fonts(qapp) is None, "install fonts-noto-cjk: Chinese would render as boxes"


def test_background_tasks_deliver_on_the_gui_thread(qtbot, qapp):
    from PySide6.QtCore import QObject, QThread

    owner = QObject()
    seen = []

    def work():
        seen.append(("worker", QThread.currentThread() is qapp.thread()))
        return 42

    tasks.Op(owner, work).success(
        lambda value: seen.append(("done", value, QThread.currentThread() is qapp.thread()))
    ).run()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen == [("worker", False), ("done", 42, True)]

    errors = []
    tasks.Op(owner, lambda: 1 / 0).failure(errors.append).run()
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_the_card_shows_recent_profile_changes(qtbot, window, desk):
    members.register_member(desk, form())
    type_and_enter(qtbot, window.search_box, "13800138000")
    assert window.card.history_label.text() == "None since registration"
    members.edit_member(desk, "13800138000", members.ProfileEdit(name="张君宝"))
    type_and_enter(qtbot, window.search_box, "13800138000")
    assert window.card.history_label.text() == "2026-11-23  Name: 张三丰 → 张君宝"


def test_the_list_starts_with_the_members_registered_last(qtbot, qapp, desk):
    tasks.run_synchronously(True)
    members.register_member(desk, form())
    members.register_member(desk, form(phone="13900139000", name="李四"))
    shown = MainWindow(desk)
    qtbot.addWidget(shown)
    shown._signed_in(desk.session)
    assert [shown.results_model.member(row).name for row in range(2)] == ["李四", "张三丰"]
    assert shown.search_message.text() == "Registered most recently"
    type_and_enter(qtbot, shown.search_box, "张")
    assert shown.results_model.rowCount() == 1
    shown.search_box.clear()
    shown.run_search()
    assert shown.results_model.rowCount() == 2
    tasks.run_synchronously(False)


def test_f2_registers_a_member_with_the_keyboard_alone(qtbot, window, desk):
    from PySide6.QtCore import QTimer

    type_and_enter(qtbot, window.search_box, "13912345678")  # nobody has it yet
    assert "No member found" in window.search_message.text()
    seen = {}

    def fill_in():
        dialog = QApplication.activeModalWidget()
        seen["phone"] = dialog.ui.phoneEdit.text()  # the number searched for is carried over
        qtbot.keyClick(dialog.ui.phoneEdit, Qt.Key.Key_Tab)
        type_text(qtbot, dialog.focusWidget(), "林晓雯")
        dialog.ui.consentCheck.setFocus()
        qtbot.keyClick(dialog.ui.consentCheck, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.ui.consentCheck, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert seen["phone"] == "13912345678"
    assert window.card.name_label.text() == "林晓雯"
    assert window.card.values["phone"].text() == "139****5678"
    assert window.focusWidget() is window.search_box  # ready for the next member
    assert members.find_member(desk, "13912345678").name == "林晓雯"


def test_the_desk_starts_at_the_login_screen_and_signs_in_with_the_keyboard(qtbot, qapp, desk):
    from tests.conftest import ADMIN, ADMIN_PIN

    tasks.run_synchronously(True)
    install_translations(qapp, "en")
    auth.sign_out(desk)
    shown = MainWindow(desk)
    qtbot.addWidget(shown)
    shown.show()
    assert shown.pages.currentWidget() is shown.login_page
    assert not shown.login_page.name_edit.isVisibleTo(shown.login_page)  # staff exist: sign in, not first admin
    qtbot.keyClicks(shown.login_page.staff_edit, ADMIN)
    qtbot.keyClicks(shown.login_page.pin_edit, "000000")
    qtbot.keyClick(shown.login_page.pin_edit, Qt.Key.Key_Return)
    assert shown.login_page.message.text() == "Unknown staff ID or wrong PIN; try again."
    assert shown.pages.currentWidget() is shown.login_page
    qtbot.keyClicks(shown.login_page.pin_edit, ADMIN_PIN)
    qtbot.keyClick(shown.login_page.pin_edit, Qt.Key.Key_Return)
    assert shown.pages.currentWidget() is shown.desk_page
    assert shown.staff_status.text() == "系统管理员 · Administrator"
    tasks.run_synchronously(False)


def test_a_new_desk_asks_for_its_first_administrator(qtbot, qapp, tmp_path):
    from counter_app.services.desk import open_desk

    tasks.run_synchronously(True)
    fresh = open_desk(tmp_path / "new-desk")
    try:
        shown = MainWindow(fresh)
        qtbot.addWidget(shown)
        page = shown.login_page
        assert page.first_admin and page.name_edit.isVisibleTo(page)
        page.staff_edit.setText("A001")
        page.name_edit.setText("王经理")
        page.pin_edit.setText("864209")
        page.pin_again_edit.setText("864208")
        page.submit()
        assert "differ" in page.message.text() and not auth.has_staff(fresh)
        page.pin_edit.setText("864209")
        page.pin_again_edit.setText("864209")
        page.submit()
        assert shown.pages.currentWidget() is shown.desk_page and fresh.session.role == "admin"
    finally:
        fresh.close()
        tasks.run_synchronously(False)


def test_ctrl_l_and_idle_time_lock_the_desk_and_clear_the_member(qtbot, window, desk):
    members.register_member(desk, form())
    type_and_enter(qtbot, window.search_box, "13800138000")
    assert window.card.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.login_page
    assert desk.session is None and window.card.card is None and window.results_model.rowCount() == 0
    assert window.login_page.title.text() == "Desk locked"
    assert window.login_page.staff_edit.text() == "ADMIN"
    from tests.conftest import ADMIN_PIN

    window.login_page.pin_edit.setText(ADMIN_PIN)
    window.login_page.submit()
    assert window.pages.currentWidget() is window.desk_page
    assert window._idle_timer.isActive() and window._idle_timer.interval() == 5 * 60_000
    window._idle_timer.timeout.emit()  # five quiet minutes
    assert window.pages.currentWidget() is window.login_page and desk.session is None


def test_a_manager_authorises_a_reveal_in_the_override_dialog(qtbot, window, desk):
    from PySide6.QtCore import QTimer

    members.register_member(desk, form(id_number="11010519491231002X"))
    auth.add_staff(desk, "K001", "服务台小李", "clerk", "357924")
    auth.add_staff(desk, "M001", "张经理", "manager", "468035")
    auth.sign_in(desk, "K001", "357924")
    type_and_enter(qtbot, window.search_box, "13800138000")
    assert window.card.values["phone"].text() == "138****8000"

    def authorise():
        dialog = QApplication.activeModalWidget()
        dialog.manager_edit.setText("M001")
        dialog.pin_edit.setText("468035")
        dialog.authorise()

    QTimer.singleShot(0, authorise)
    window.card.reveal_button.click()
    assert window.card.values["phone"].text() == "13800138000"
    assert window.card.values["id_number"].text() == "11010519491231002X"
    with desk.store.read() as connection:
        last = connection.exec_driver_sql(
            "SELECT staff_id, authorized_by, action FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).one()
    assert tuple(last) == ("K001", "M001", "member.reveal")


def test_earning_from_the_card_with_the_keyboard(qtbot, window, desk):
    from PySide6.QtCore import QTimer

    members.register_member(desk, form())
    type_and_enter(qtbot, window.search_box, "13800138000")

    def fill_in():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.amount_edit, "1288.5")
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)  # on to the slip number
        qtbot.keyClicks(dialog.slip_edit, "UQ-42")
        qtbot.keyClick(dialog.slip_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.search_message.text() == "1,288 points earned; balance 1,288, Regular."
    assert window.card.points_value.text() == "1,288"


def test_redeeming_a_gift_and_writing_off_a_scanned_coupon(qtbot, window, desk):
    from PySide6.QtCore import QTimer

    from counter_app.services import points, rewards

    members.register_member(desk, form())
    points.earn_from_slip(desk, "13800138000", "5000", "R-1")
    rewards.stock_gift(desk, "G-UMB", "晴雨伞", 1500, add=1)
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 800)
    coupon = rewards.redeem_coupon(desk, "13800138000", "C10", presence=present(desk, "13800138000")).coupon
    window.handle_scan(member_codes.member_code(desk, "13800138000"))  # the member is here: their code opens the card

    def pick_gift():
        dialog = QApplication.activeModalWidget()
        dialog.tabs.setCurrentIndex(1)
        dialog.gift_buttons["G-UMB"].click()

    QTimer.singleShot(0, pick_gift)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.search_message.text() == "G-UMB handed over for 1,500 points; balance 2,700."

    def confirm():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.spend_edit, "150")
        qtbot.keyClick(dialog.spend_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, confirm)
    type_and_enter(qtbot, window.search_box, coupon.code)  # the scanner types the code and Enter
    assert window.search_message.text() == f"Coupon {coupon.code} written off: ¥10.00 off."
    assert rewards.show_coupon(desk, coupon.code).status == "written_off"


def test_the_points_history_lists_every_entry(qtbot, window, desk):
    from counter_app.gui.points_dialogs import HistoryDialog
    from counter_app.services import points

    members.register_member(desk, form())
    points.earn_from_slip(desk, "13800138000", "100", "H-1")
    points.redeem_cash(desk, "13800138000", 80, presence=present(desk, "13800138000"))
    dialog = HistoryDialog(desk, members.find_member(desk, "13800138000"), window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(row, 1).text() for row in range(2)] == ["Cash", "Earned"]
    assert dialog.table.item(0, 2).text() == "-80"


def test_giving_points_to_a_friend_from_the_redeem_page(qtbot, window, desk):
    from counter_app.gui.points_dialogs import RedeemDialog
    from counter_app.services import points

    members.register_member(desk, form())
    friend = members.register_member(desk, form(phone="13900139000", name="李四"))
    points.earn_from_slip(desk, "13800138000", "1000", "F-1")
    dialog = RedeemDialog(desk, members.find_member(desk, "13800138000"), window, presence=present(desk, "13800138000"))
    qtbot.addWidget(dialog)
    messages = []
    dialog.done_message.connect(messages.append)
    dialog.friend_edit.setText("13800138000")
    dialog.give_edit.setText("300")
    dialog.give_points()
    assert "cannot give points to themselves" in dialog.error.text()
    dialog.friend_edit.setText(friend.member_no)
    dialog.give_points()
    assert messages == [f"300 points given to {friend.member_no}; balance 700 (theirs 300)."]
