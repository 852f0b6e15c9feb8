"""Keyboard and accessibility: every button names its key and the key does it, Tab follows the desk's flow,
the text scales, the high-contrast theme reads at WCAG AA, and focus always shows."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QDialog,
    QLineEdit,
    QMenu,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QWidget,
)

from counter_app.config import Settings
from counter_app.domain.staff import Permission
from counter_app.gui import appearance, tasks
from counter_app.gui.complaint_dialogs import ComplaintIntakeDialog, ComplaintsDialog
from counter_app.gui.event_checkin import EventCheckInDialog
from counter_app.gui.manager_queue import ManagerQueueDialog
from counter_app.gui.override_dialog import OverrideDialog
from counter_app.gui.points_dialogs import EarnDialog, HistoryDialog, RedeemDialog
from counter_app.gui.presence_dialog import PresenceDialog
from counter_app.gui.print_queue import PrintQueueDialog
from counter_app.gui.receipt_preview import ReceiptPreviewDialog
from counter_app.gui.register_dialog import RegisterDialog
from counter_app.gui.reports_page import ReportsDialog
from counter_app.gui.settings_dialog import SettingsDialog
from counter_app.gui.support import LogViewerDialog
from counter_app.services import members
from tests.conftest import form
from tests.test_gui import open_window, type_and_enter

NATIVE = QKeySequence.SequenceFormat.NativeText
_INTERNAL_PARENTS = (
    QLineEdit,
    QTabBar,
    QAbstractSpinBox,
    QScrollBar,
)  # their own little buttons (clear, scroll arrows)


@pytest.fixture(autouse=True)
def _appearance_restored(qapp):
    """These tests change the application's font, palette and stylesheet: the tests after them get theirs back."""
    font, palette, style = qapp.font(), qapp.palette(), qapp.styleSheet()
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the windows and dialogs closed by qtbot go first
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(style)
    tasks.run_synchronously(False)


@pytest.fixture
def window(qtbot, qapp, desk):
    return open_window(qtbot, qapp, desk)


@pytest.fixture
def card_window(qtbot, window, desk):
    """The window with a member's card open, as after a scan."""
    members.register_member(desk, form())
    type_and_enter(qtbot, window.search_box, "13800138000")
    assert window.card.card is not None
    window.refresh_status()  # the desk has a member now: the demo offer goes
    assert not window.demo_banner.isVisible()
    return window


def named_key(tooltip: str) -> QKeySequence:
    """The key a tooltip ends with, in brackets: "Register a new member (F2)"."""
    match = re.search(r"\(([^()]+)\)$", tooltip.strip())
    assert match, f"the tooltip {tooltip!r} names no key"
    key = QKeySequence.fromString(match.group(1), NATIVE)
    assert not key.isEmpty() and key.toString(NATIVE) == match.group(1), (
        f"{match.group(1)!r} in {tooltip!r} is not a key"
    )
    return key


def press(qtbot, widget: QWidget, key: QKeySequence) -> None:
    combination = key[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def keyed_buttons(root: QWidget) -> list[QAbstractButton]:
    """The push and tool buttons a person can see and press: each must name its key."""
    found = []
    for button in root.findChildren(QAbstractButton):
        if isinstance(button, (QCheckBox, QRadioButton)) or isinstance(button.parent(), _INTERNAL_PARENTS):
            continue
        if button.isVisible() and button.isEnabled():
            found.append(button)
    return found


class ModalCloser:
    """Closes any modal dialog an action opened (a nested exec() would wait for a person), noting its class."""

    def __init__(self, keep: QWidget | None = None) -> None:
        self.keep = keep
        self.seen: list[str] = []
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self.keep and isinstance(modal, QDialog):
            self.seen.append(type(modal).__name__)
            modal.reject()

    def stop(self) -> None:
        self.timer.stop()


def back_to(qtbot, window) -> QWidget:
    """The main window active again (after a dialog closed), its search box focused: where a clerk's keys go."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.focus_search()
    return window.search_box


def effect(qtbot, button: QAbstractButton, act, what: str = "") -> str:
    """What an action visibly did: the dialog it opened, else that the button was clicked."""
    clicks: list[bool] = []
    button.clicked.connect(lambda *_: clicks.append(True))
    closer = ModalCloser()
    try:
        act()
        qtbot.waitUntil(lambda: bool(closer.seen or clicks), timeout=3000)
    except Exception as error:
        raise AssertionError(f"{what or button.text()!r}: nothing happened") from error
    finally:
        closer.stop()
    return closer.seen[0] if closer.seen else "clicked"


# --- the main window ----------------------------------------------------------------------------
def test_every_button_of_the_main_window_names_its_key_and_the_key_does_what_a_click_does(qtbot, card_window):
    window = card_window
    buttons = keyed_buttons(window)
    names = {button.text() for button in buttons}
    assert {
        "Complaints",
        "Check-in",
        "Reports",
        "Settings",
        "Help",
        "New member  F2",
        "Earn  F3",
        "Redeem  F4",
    } <= names
    checked = 0
    for button in buttons:
        key = named_key(button.toolTip())
        by_key = effect(qtbot, button, lambda key=key: press(qtbot, back_to(qtbot, window), key), what=button.text())
        by_click = effect(
            qtbot, button, lambda button=button: back_to(qtbot, window) and button.click(), what=button.text()
        )
        assert by_key == by_click, f"{key.toString(NATIVE)} did {by_key}, a click on {button.text()!r} did {by_click}"
        checked += 1
    assert checked == len(buttons)


def test_the_header_opens_the_pages_its_tooltips_name(qtbot, card_window):
    window = card_window
    expected = {
        window.complaints_button: "ComplaintsDialog",
        window.check_in_button: "EventCheckInDialog",
        window.reports_button: "ReportsDialog",
        window.queue_button: "ManagerQueueDialog",
        window.register_button: "RegisterDialog",
        window.card.earn_button: "EarnDialog",
        window.card.redeem_button: "RedeemDialog",
        window.card.history_button: "HistoryDialog",
        window.card.complaint_button: "ComplaintIntakeDialog",
    }
    for button, dialog in expected.items():
        key = named_key(button.toolTip())
        assert effect(qtbot, button, lambda key=key: press(qtbot, back_to(qtbot, window), key)) == dialog, button.text()


def test_the_menu_actions_name_their_keys_and_copy_diagnostics_fills_the_clipboard(qtbot, window):
    actions = [
        action
        for menu in window.findChildren(QMenu)
        for action in menu.actions()
        if action.text() and not action.isSeparator()
    ]
    assert {action.text() for action in actions} >= {"Help", "Copy diagnostics"}
    for action in actions:
        assert named_key(action.toolTip()) == action.shortcut()
    QGuiApplication.clipboard().clear()
    press(qtbot, window.search_box, named_key(window.diagnostics_action.toolTip()))
    assert "counter-app" in QGuiApplication.clipboard().text().lower()
    assert "Diagnostics copied" in window.search_message.text()


def test_ctrl_comma_opens_the_settings_and_f1_the_support_log(qtbot, window):
    for key, dialog in ((QKeySequence("Ctrl+,"), "SettingsDialog"), (QKeySequence(Qt.Key.Key_F1), "LogViewerDialog")):
        closer = ModalCloser()
        press(qtbot, back_to(qtbot, window), key)
        closer.stop()
        assert closer.seen == [dialog]


def test_saving_a_larger_text_and_high_contrast_in_the_settings_restyles_the_open_window(qtbot, window):
    before = window.search_box.font().pointSizeF()

    def choose_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            for key, value in (("ui_font_scale", 130), ("ui_theme", "high_contrast")):
                combo = dialog.fields[key].widget
                combo.setCurrentIndex(combo.findData(value))
            qtbot.waitUntil(lambda dialog=dialog: QApplication.activeWindow() is dialog)
            qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        finally:
            if dialog.isVisible():
                dialog.reject()  # not saved: the assertions below say so, the test does not hang

    QTimer.singleShot(0, choose_and_save)
    press(qtbot, back_to(qtbot, window), QKeySequence("Ctrl+,"))
    assert window.search_box.font().pointSizeF() == pytest.approx(before * 1.3)
    assert QApplication.instance().palette().color(QPalette.ColorRole.Highlight).name() == "#000080"


def test_a_saved_setting_restyles_the_open_window_and_reconfigures_the_desk(qtbot, window, desk):
    before = window.search_box.font().pointSizeF()
    changed = desk.settings.with_value("ui_font_scale", 150).with_value("ui_theme", "high_contrast")
    changed = changed.with_value("scanner_max_gap_ms", 50).with_value("idle_lock_minutes", 9)
    window.apply_settings(changed)
    assert window.search_box.font().pointSizeF() == pytest.approx(before * 1.5)
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).name() == "#ffffff"
    assert "fff7bf" in QApplication.instance().styleSheet()  # the high-contrast focus fill
    assert window.wedge.max_gap == pytest.approx(0.050)
    assert window._idle_timer.isActive() and window._idle_timer.interval() == 9 * 60_000
    window.apply_settings(changed.with_value("idle_lock_minutes", 0))
    assert not window._idle_timer.isActive()


def test_tab_walks_the_desk_from_the_search_box_through_the_results_to_the_card_and_its_actions(qtbot, card_window):
    window = card_window
    card = window.card
    window.focus_search()
    walked = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [
        window.results,
        card.earn_button,
        card.redeem_button,
        card.history_button,
        card.complaint_button,
        card.reveal_button,
        card.edit_button,
    ]


# --- the dialogs ----------------------------------------------------------------------------------
DIALOGS = (
    "earn",
    "redeem",
    "history",
    "register",
    "edit",
    "complaint",
    "complaints",
    "queue",
    "print_queue",
    "receipt",
    "reports",
    "check_in",
    "override",
    "presence",
    "settings",
    "support_log",
)


def _dialogs(window, desk):
    card = window.card.card
    return {
        "earn": lambda: EarnDialog(desk, card, window),
        "redeem": lambda: RedeemDialog(desk, card, window),
        "history": lambda: HistoryDialog(desk, card, window),
        "register": lambda: RegisterDialog(desk, window),
        "edit": lambda: RegisterDialog(desk, window, editing=card),
        "complaint": lambda: ComplaintIntakeDialog(desk, card, window),
        "complaints": lambda: ComplaintsDialog(desk, window),
        "queue": lambda: ManagerQueueDialog(desk, window),
        "print_queue": lambda: PrintQueueDialog(desk, window, printer=window.printer),
        "receipt": lambda: ReceiptPreviewDialog(desk, card.member_no, parent=window),
        "reports": lambda: ReportsDialog(desk, window),
        "check_in": lambda: EventCheckInDialog(desk, window),
        "override": lambda: OverrideDialog(desk, "points.redeem", Permission.APPROVE, True, window),
        "presence": lambda: PresenceDialog(desk, card, "points.cash", parent=window),
        "settings": lambda: SettingsDialog(desk, window),
        "support_log": lambda: LogViewerDialog(desk, window),
    }


def _shown(qtbot, make) -> QDialog:
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda dialog=dialog: QApplication.activeWindow() is dialog)
    return dialog


@pytest.mark.parametrize("name", DIALOGS)
def test_every_button_of_each_dialog_names_its_key_and_the_key_presses_it(qtbot, card_window, desk, name, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)  # no file manager opens from a test
    make = _dialogs(card_window, desk)[name]
    first = _shown(qtbot, make)
    count = len(keyed_buttons(first))
    first.reject()
    assert count, "a dialog with no button to press"
    for index in range(count):
        dialog = _shown(qtbot, make)  # a fresh one: the last key may have closed it or run its action
        button = keyed_buttons(dialog)[index]
        key = named_key(button.toolTip())
        finished: list[int] = []
        dialog.finished.connect(finished.append)
        target = dialog.focusWidget() or dialog
        if button.property("key_when_focused"):
            button.setFocus()
            target = button
        outcome = effect_or_close(qtbot, button, finished, lambda target=target, key=key: press(qtbot, target, key))
        if outcome == "closed":
            assert key == QKeySequence(Qt.Key.Key_Escape), (
                f"{button.text()!r}: {key.toString(NATIVE)} closed the dialog without clicking"
            )
            again = _shown(qtbot, make)
            closed: list[int] = []
            again.finished.connect(closed.append)
            again_button = keyed_buttons(again)[index]
            effect_or_close(qtbot, again_button, closed, again_button.click)
            assert closed == [QDialog.DialogCode.Rejected], f"Esc closes the dialog, but {button.text()!r} does not"
        dialog.close()


def effect_or_close(qtbot, button, finished, act) -> str:
    clicks: list[bool] = []
    button.clicked.connect(lambda *_: clicks.append(True))
    closer = ModalCloser()
    try:
        act()
        qtbot.waitUntil(lambda: bool(clicks or finished), timeout=3000)
    finally:
        closer.stop()
    return "clicked" if clicks else "closed"


def test_tab_in_the_earn_dialog_goes_down_the_fields_then_to_add_points(qtbot, card_window, desk):
    dialog = _shown(qtbot, _dialogs(card_window, desk)["earn"])
    assert QApplication.focusWidget() is dialog.amount_edit
    walked = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [dialog.slip_edit, dialog.shop_edit, dialog.ok]


def test_tab_in_the_register_dialog_goes_down_the_fields_then_to_register(qtbot, card_window, desk):
    dialog = _shown(qtbot, _dialogs(card_window, desk)["register"])
    ui = dialog.ui
    assert QApplication.focusWidget() is ui.phoneEdit
    walked = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [
        ui.nameEdit,
        ui.genderCombo,
        ui.birthdayEdit,
        ui.idNumberEdit,
        ui.referrerEdit,
        ui.consentCheck,
        dialog.ok_button,
    ]


def test_ctrl_enter_adds_the_points_from_any_field_and_enter_still_walks_to_the_slip(qtbot, card_window, desk):
    dialog = _shown(qtbot, _dialogs(card_window, desk)["earn"])
    qtbot.keyClicks(dialog.amount_edit, "100")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.slip_edit and dialog.isVisible()
    qtbot.keyClicks(dialog.slip_edit, "S-0001")
    qtbot.keyClick(dialog.slip_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert members.find_member(desk, card_window.card.card.member_no).points == 100


# --- text size and theme ----------------------------------------------------------------------------
def test_a_font_scale_of_150_makes_every_text_half_as_large_again(qtbot, qapp, window):
    appearance.apply_appearance(qapp, Settings())
    title = next(label for label in window.findChildren(QWidget) if label.objectName() == "appTitle")
    base_app, base_search, base_title = (
        qapp.font().pointSizeF(),
        window.search_box.font().pointSizeF(),
        title.font().pointSizeF(),
    )
    assert base_app == pytest.approx(appearance.BASE_POINT_SIZE)
    appearance.apply_appearance(qapp, Settings({"ui_font_scale": 150}))
    assert qapp.font().pointSizeF() == pytest.approx(base_app * 1.5)
    assert window.search_box.font().pointSizeF() == pytest.approx(
        base_search * 1.5
    )  # a size from the stylesheet scales too
    assert title.font().pointSizeF() == pytest.approx(base_title * 1.5)
    assert window.results.font().pointSizeF() > base_app


def test_stylesheet_sizes_scale_and_nothing_else_does():
    scaled = appearance.scale_sizes(
        "QLabel { font-size: 10pt; min-height: 40px; border: 1px solid #000000; padding: 6px; }", 1.5
    )
    assert scaled == "QLabel { font-size: 15pt; min-height: 60px; border: 1px solid #000000; padding: 6px; }"


def test_high_contrast_changes_the_palette_and_the_stylesheet(qapp):
    appearance.apply_appearance(qapp, Settings())
    standard = qapp.styleSheet()
    appearance.apply_appearance(qapp, Settings({"ui_theme": "high_contrast"}))
    assert qapp.styleSheet() != standard and qapp.styleSheet().startswith(
        standard.split("\n")[0]
    )  # a layer over the standard
    palette = qapp.palette()
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#000000"
    assert palette.color(QPalette.ColorRole.Base).name() == "#ffffff"


def test_contrast_ratio_follows_wcag():
    assert appearance.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert appearance.contrast_ratio("#777777", "#ffffff") == pytest.approx(
        4.48, abs=0.01
    )  # the classic just-too-light grey


def test_the_high_contrast_palette_reads_at_wcag_aa():
    colours = appearance.HIGH_CONTRAST_PALETTE
    for text, background in appearance.PALETTE_PAIRS:
        ratio = appearance.contrast_ratio(colours[text], colours[background])
        assert ratio >= 4.5, f"{text.name} on {background.name}: {ratio:.2f}"
    assert appearance.contrast_ratio(appearance.HIGH_CONTRAST_DISABLED_TEXT, colours[QPalette.ColorRole.Window]) >= 4.5


def _rules(style: str) -> dict[str, dict[str, str]]:
    """selector -> properties, later rules over earlier ones (as Qt does for equal selectors)."""
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", style, flags=re.S)):
        properties = dict(
            (name.strip(), value.strip())
            for name, _, value in (part.partition(":") for part in body.split(";"))
            if value.strip()
        )
        for selector in selectors.split(","):
            rules.setdefault(" ".join(selector.split()), {}).update(properties)
    return rules


def _solid(value: str | None) -> str | None:
    return value if value and re.fullmatch(r"#[0-9a-fA-F]{6}", value) else None


def test_every_text_colour_of_the_high_contrast_stylesheet_reads_at_wcag_aa_on_its_background():
    rules = _rules(appearance.stylesheet("high_contrast"))
    default_text = rules["QWidget"]["color"]
    page = rules["QMainWindow"]["background"]
    assert (default_text, page) == ("#000000", "#ffffff")
    checked = 0
    for selector, properties in rules.items():
        base = rules.get(re.sub(r"(?<!:):(?!:)[a-z-]+", "", selector), {})
        text = properties.get("color") or base.get("color")
        background = properties.get("background") or base.get("background")
        if "color" not in properties and "background" not in properties:
            continue
        if "::" in selector and not re.search(r"::(section|tab)\b", selector):
            continue  # a part with no text of its own (a progress chunk, an arrow, a pane)
        if background in (None, "transparent", "none"):
            background = page  # no box of its own: it sits on the white page (the theme has no dark panels)
        text = text or default_text
        assert _solid(text) and _solid(background), f"{selector}: {text} on {background} is not a plain colour"
        ratio = appearance.contrast_ratio(text, background)
        assert ratio >= 4.5, f"{selector}: {text} on {background} is {ratio:.2f}:1"
        for fore, back in (("selection-color", "selection-background-color"),):
            if fore in properties:
                assert appearance.contrast_ratio(properties[fore], properties[back]) >= 4.5, selector
        checked += 1
    assert checked > 60


@pytest.mark.parametrize("theme", ["standard", "high_contrast"])
def test_focus_always_shows(qtbot, qapp, card_window, desk, theme):
    appearance.apply_appearance(qapp, Settings({"ui_theme": theme}))
    earn = _shown(qtbot, _dialogs(card_window, desk)["earn"])
    register = _shown(qtbot, _dialogs(card_window, desk)["register"])
    cancel = next(button for button in earn.findChildren(QAbstractButton) if button.text() == "Cancel")
    for dialog, widget in (
        (earn, earn.ok),
        (earn, cancel),
        (earn, earn.slip_edit),
        (register, register.ui.consentCheck),
        (register, register.ok_button),
    ):
        dialog.activateWindow()
        qtbot.waitUntil(lambda dialog=dialog: QApplication.activeWindow() is dialog)
        other = earn.amount_edit if dialog is earn and widget is not earn.amount_edit else register.ui.phoneEdit
        other.setFocus()
        qtbot.waitUntil(other.hasFocus)
        unfocused = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        assert widget.grab().toImage() != unfocused, (
            f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r} looks the same focused ({theme})"
        )
