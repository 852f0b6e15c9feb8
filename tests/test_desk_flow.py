"""The desk's fast paths counted in the clerk's actions, from the key events the application really receives.

What one action is (the one definition, used by every test here; see `ActionCounter`):
- one key the clerk presses (Enter, F4, Down, Tab, Esc; a chord such as Shift+F7 is one key),
- one scan: one burst from the handheld scanner that the desk's keyboard wedge took as a scan (its
  characters and its closing Enter together), or one code the camera read,
- one value typed into one field: consecutive printable characters into the same widget ("1288").

The counter is an application-wide event filter: it sees every key stroke that reaches the application (and
hears the camera's reads) and groups them by these rules, so a flow that needs one more key press fails its
test; a dialog still open after a flow's keys fails it too (`in_the_dialog`). Each flow starts with the member's
card opened by scanning their code, the step every desk flow starts with; that scan is counted on its own
(`open_member`) and is not part of the flow's count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pytest
import shiboken6

pytestmark = pytest.mark.scanner  # the desk's own keyboard wedge is on: scans are bursts, as at a real desk

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from counter_app.domain import codes  # noqa: E402
from counter_app.gui import tasks  # noqa: E402
from counter_app.gui.complaint_dialogs import ComplaintIntakeDialog  # noqa: E402
from counter_app.gui.main_window import MainWindow  # noqa: E402
from counter_app.gui.points_dialogs import EarnDialog, RedeemDialog, WriteOffDialog  # noqa: E402
from counter_app.services import complaints, member_codes, members, points, printing, rewards  # noqa: E402
from counter_app.services.desk import change_setting  # noqa: E402
from tests.conftest import CHINA, form, present  # noqa: E402
from tests.test_gui import open_window  # noqa: E402
from tests.test_gui_printing import printer, retry_at_once  # noqa: E402,F401 - fixtures
from tests.test_gui_scanning import qr_frame, write_video  # noqa: E402

QStandardPaths.setTestModeEnabled(True)
WAIT_MS = 10_000
SCANNER_GAP_S = 0.008  # a handheld scanner's keys: a few ms apart
PERSON_GAP_S = 0.150  # a quick typist's keys
PERSON_PAUSE_S = 0.300  # before a person presses Enter, an F key, an arrow
MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}
TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
MOUSE_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
LOOKING = "lookingForTheDialog"


# ---- counting ---------------------------------------------------------------------------------------------


@dataclass(eq=False)  # strokes are told apart by identity: the same key twice is two strokes
class Stroke:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    widget: QObject  # where the key went: the focus widget when it was pressed
    scanned: int = 0  # on a scan's closing Enter: how many keys before it were the scanner's

    @property
    def printable(self) -> bool:
        return len(self.text) == 1 and self.text.isprintable() and not (self.modifiers & ~TYPING_MODIFIERS)


@dataclass(eq=False)
class CameraRead:
    text: str


class ActionCounter(QObject):
    """The clerk's actions, from the key events the application receives (the module docstring says what one is).

    Qt announces every key stroke with one ShortcutOverride event to the focus widget before anything else,
    also for keys a shortcut then takes (F4 never arrives as a KeyPress); the same event object then climbs to
    the parents. So a stroke is one ShortcutOverride delivery that is not the same event climbing on. A key from
    the keyboard then arrives as a spontaneous KeyPress (or only its release, when a shortcut took it); the
    wedge handing a person's held key on to its field sends a KeyPress of its own, which Qt announces with an
    override too, but that KeyPress is not spontaneous: that stroke is the same key again and is dropped.
    A burst is a scan when the desk's wedge says so (its `scanned` signal) and the burst's characters, typed
    into one widget and closed by Enter, spell what was scanned."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.strokes: list[Stroke | CameraRead] = []
        self.mouse_presses = 0
        self._climbing: tuple | None = None
        self._announced: Stroke | None = None  # the last override's stroke, until its key event says whose it is
        self.prefix = window.wedge.prefix
        # Told of a scan before the desk acts on it: what the scan opens (a form, and the keys typed in it) comes after.
        for source, heard in ((window.wedge.scanned, self._scanned), (window.camera.decoded, self._camera_read)):
            source.disconnect(window.handle_scan)
            source.connect(heard)
            source.connect(window.handle_scan)

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind in MOUSE_PRESSES:
            self.mouse_presses += 1
        elif kind == QEvent.Type.ShortcutOverride:
            same = (shiboken6.getCppPointer(event)[0], event.key(), event.modifiers(), event.text())
            if same != self._climbing and event.key() not in MODIFIER_KEYS:
                self._announced = Stroke(event.key(), event.modifiers(), event.text(), watched)
                self.strokes.append(self._announced)
            self._climbing = same
        elif kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            self._climbing = None  # the override's climb is over: the next override is the next key
            replayed = kind == QEvent.Type.KeyPress and not event.spontaneous()
            if replayed and self._announced is not None and self._announced.key == event.key():
                self.strokes.remove(self._announced)  # the wedge handing on a key already counted
            if event.spontaneous() or replayed:
                self._announced = None
        return False

    def _camera_read(self, text: str) -> None:
        self.strokes.append(CameraRead(text))

    def _scanned(self, text: str) -> None:
        # The wedge emits during the closing Enter's delivery: the burst is the Enter's run of keys, found by what it spells.
        spelled = self.prefix + text
        for index in range(len(self.strokes) - 1, -1, -1):
            stroke = self.strokes[index]
            if (
                isinstance(stroke, CameraRead)
                or stroke.scanned
                or stroke.key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ):
                continue
            burst = self.strokes[max(index - len(spelled), 0) : index]
            if "".join(s.text for s in burst) == spelled and all(
                isinstance(s, Stroke) and s.printable and s.widget is stroke.widget for s in burst
            ):
                stroke.scanned = len(spelled)
                return
        raise AssertionError(f"the wedge scanned {text!r}, but no burst of keys spelled it")

    def actions(self) -> list[tuple[str, str]]:
        """("scan", payload), ("value", typed text) or ("key", key name), in the order the clerk made them."""
        found: list[tuple[str, str]] = []
        burst: list[Stroke] = []
        for stroke in self.strokes:
            if isinstance(stroke, CameraRead):
                if burst:
                    found.append(("value", "".join(s.text for s in burst)))
                found.append(("scan", stroke.text))
                burst = []
                continue
            if stroke.printable:
                if burst and burst[-1].widget is not stroke.widget:
                    found.append(("value", "".join(s.text for s in burst)))
                    burst = []
                burst.append(stroke)
                continue
            if stroke.scanned:
                typed, burst = (
                    burst[: -stroke.scanned],
                    burst[-stroke.scanned :],
                )  # typed into the field just before the scan
                if typed:
                    found.append(("value", "".join(s.text for s in typed)))
                found.append(("scan", "".join(s.text for s in burst)[len(self.prefix) :]))
            else:
                if burst:
                    found.append(("value", "".join(s.text for s in burst)))
                found.append(("key", key_name(stroke)))
            burst = []
        if burst:
            found.append(("value", "".join(s.text for s in burst)))
        return found

    def count(self) -> int:
        return len(self.actions())

    def reset(self) -> None:
        self.strokes.clear()
        self.mouse_presses = 0


def key_name(stroke: Stroke) -> str:
    names = {Qt.Key.Key_Return: "Enter", Qt.Key.Key_Enter: "Enter", Qt.Key.Key_Escape: "Esc"}
    name = names.get(stroke.key) or Qt.Key(stroke.key).name.removeprefix("Key_")
    for modifier, label in (
        (Qt.KeyboardModifier.ControlModifier, "Ctrl+"),
        (Qt.KeyboardModifier.ShiftModifier, "Shift+"),
    ):
        if stroke.modifiers & modifier:
            name = label + name
    return name


# ---- the clerk's hands ------------------------------------------------------------------------------------


class KeyClock:
    """The wedge's clock, moved between keys as a person's or a scanner's timing would: exact on any machine."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def focused() -> QWidget:
    """What has the keyboard: the focus widget, or, while no window is active (offscreen, just after a dialog
    closed), the one the open dialog or the desk's window gives it to."""
    widget = QApplication.focusWidget()
    if widget is not None:
        return widget
    holder = QApplication.activeModalWidget() or next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    )
    return holder.focusWidget() or holder


class Clerk:
    """Keys go wherever the focus is, as from the desk's keyboard; the handheld scanner types its burst there too."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window
        self.clock = KeyClock()
        window.wedge.clock = self.clock

    def scan(self, payload: str) -> None:
        for char in payload:
            self.clock.now += SCANNER_GAP_S
            self.qtbot.keyClick(focused(), char)
        self.clock.now += SCANNER_GAP_S
        self.qtbot.keyClick(focused(), Qt.Key.Key_Return)

    def type(self, text: str) -> None:
        for char in text:
            self.clock.now += PERSON_GAP_S
            self.qtbot.keyClick(focused(), char)

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.clock.now += PERSON_PAUSE_S
        self.qtbot.keyClick(focused(), key, modifier)

    def back_at_the_desk(self) -> None:
        """A desktop's window manager activates the desk again when a dialog closes; offscreen has none."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=WAIT_MS)


def in_the_dialog(qtbot, work) -> list[BaseException]:
    """Run `work(dialog)` once the modal dialog about to open (now, or when the camera reads a code) has the keyboard.
    The work's keys must close it: a dialog still open after them (a flow that needs one key more) is a failure. A
    failure closes the dialog (never a hung test) and is handed back for the test to raise."""
    failures: list[BaseException] = []
    looks = QTimer(QApplication.instance(), interval=10, objectName=LOOKING)  # kept by the application until it is done
    tries = iter(range(WAIT_MS // 10))

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or QApplication.activeWindow() is not dialog:
            if next(tries, None) is None:
                looks.stop()
                looks.deleteLater()
                failures.append(AssertionError("no dialog opened"))
            return
        looks.stop()
        looks.deleteLater()
        try:
            work(dialog)
            assert not dialog.isVisible(), f"{type(dialog).__name__} is still open after the flow's keys"
        except BaseException as failure:
            failures.append(failure)
            if dialog.isVisible():
                dialog.reject()

    looks.timeout.connect(look)
    looks.start()
    return failures


def raise_first(failures: list[BaseException]) -> None:
    if failures:
        raise failures[0]


@dataclass
class AtTheDesk:
    window: MainWindow
    clerk: Clerk
    counter: ActionCounter

    def open_member(self, member_no: str) -> None:
        """The member's code scanned at the desk: the step every flow starts with, counted on its own (one scan)."""
        self.counter.reset()
        code = member_codes.member_code(self.window.desk, member_no)
        self.clerk.scan(code)
        self.clerk.qtbot.waitUntil(
            lambda: self.window.card.card is not None and self.window.card.card.member_no == member_no, timeout=WAIT_MS
        )
        assert self.counter.actions() == [("scan", code)]
        self.counter.reset()


def leave_the_desk(qapp, at: AtTheDesk) -> None:
    for looks in qapp.findChildren(QTimer, LOOKING):  # a dialog a failed test waited for never opened
        looks.stop()
        looks.deleteLater()
    qapp.removeEventFilter(at.counter)
    at.window.close()  # the print worker stops before the desk closes
    tasks.run_synchronously(False)


def at_the_desk(qtbot, qapp, desk) -> AtTheDesk:
    window = open_window(qtbot, qapp, desk)
    clerk = Clerk(qtbot, window)
    clerk.back_at_the_desk()
    counter = ActionCounter(window)
    qapp.installEventFilter(counter)  # installed last: it sees each key before the wedge may hold it back
    return AtTheDesk(window, clerk, counter)


@pytest.fixture
def at_desk(qtbot, qapp, desk):
    made = at_the_desk(qtbot, qapp, desk)
    yield made
    leave_the_desk(qapp, made)


@pytest.fixture
def printing_desk(qtbot, qapp, desk, printer, retry_at_once):
    change_setting(desk, "printer_uri", printer.uri)
    made = at_the_desk(qtbot, qapp, desk)
    yield made
    leave_the_desk(qapp, made)


def member(desk, **overrides) -> members.MemberCard:
    return members.register_member(desk, form(**overrides))


# ---- the counter itself -----------------------------------------------------------------------------------


def test_the_counter_counts_what_the_clerk_does_and_an_extra_key_shows(qtbot, at_desk):
    """The rules on their own: a typed value is one action, each key one, a scan one; one more key is one more."""
    clerk, counter = at_desk.clerk, at_desk.counter
    counter.reset()
    clerk.type("zsf")
    clerk.press(Qt.Key.Key_Backspace)
    clerk.type("f")
    clerk.press(Qt.Key.Key_Escape)
    assert counter.actions() == [("value", "zsf"), ("key", "Backspace"), ("value", "f"), ("key", "Esc")]
    counter.reset()
    clerk.type("zs")
    clerk.clock.now += PERSON_PAUSE_S
    clerk.scan("UNKNOWN-THING-1")  # not a code of the mall, no card open: a search, but one scan all the same
    assert counter.actions() == [("value", "zs"), ("scan", "UNKNOWN-THING-1")]
    counter.reset()
    clerk.type("13800138000")  # a person typing the same length of text is a value, and Enter a key of its own
    clerk.press(Qt.Key.Key_Return)
    assert counter.actions() == [("value", "13800138000"), ("key", "Enter")] and counter.mouse_presses == 0


# ---- 1. earn from a slip: scan + amount + Enter -------------------------------------------------------------


def test_earn_from_a_slip_is_scan_amount_enter(qtbot, printing_desk, desk, printer):
    """Member's code scanned (counted apart), then: the slip's barcode scanned, the amount typed, Enter = 3 actions.
    The slip opens the earn form with its number filled in and the keyboard in the amount."""
    card = member(desk)
    at = printing_desk
    at.open_member(card.member_no)
    seen = {}

    def earn(dialog):
        seen.update(
            kind=type(dialog), slip=dialog.slip_edit.text(), focus=QApplication.focusWidget() is dialog.amount_edit
        )
        at.clerk.type("1288")
        at.clerk.press(Qt.Key.Key_Return)

    failures = in_the_dialog(qtbot, earn)
    at.clerk.scan("UQ-20261123-0042")
    raise_first(failures)
    assert seen == {"kind": EarnDialog, "slip": "UQ-20261123-0042", "focus": True}
    assert at.counter.actions() == [("scan", "UQ-20261123-0042"), ("value", "1288"), ("key", "Enter")]
    assert at.counter.count() == 3 and at.counter.mouse_presses == 0
    [line] = points.history(desk, card.member_no)
    assert (line.points, line.slip_no, line.amount) == (1288, "UQ-20261123-0042", "1288.00")
    assert members.find_member(desk, card.member_no).points == 1288
    assert at.window.card.points_value.text() == "1,288"  # the card on screen has the new balance
    assert at.window.search_message.text() == "1,288 points earned; balance 1,288, Regular."
    assert [job.reference for job in printing.jobs_for(desk, line.op_id)] == [line.op_id]  # the receipt is queued
    assert printer.wait_for(1, timeout=10)


def test_a_phone_or_member_number_scanned_with_a_card_open_is_still_a_member(qtbot, at_desk, desk):
    first, second = member(desk), member(desk, phone="13900139000", name="李四")
    at_desk.open_member(first.member_no)
    at_desk.clerk.scan(second.member_no)  # a printed member number's barcode: that member, not a slip
    assert at_desk.window.card.card.member_no == second.member_no
    at_desk.clerk.scan("13800138000")  # a phone's barcode: that member
    assert at_desk.window.card.card.member_no == first.member_no
    assert QApplication.activeModalWidget() is None
    assert points.history(desk, first.member_no) == points.history(desk, second.member_no) == []


def test_the_slip_scanned_in_the_open_earn_form_lands_in_the_slip_field_and_takes_the_points(qtbot, at_desk, desk):
    """F3 first (the desk's older habit): F3, amount, Enter (on to the slip), the slip scanned = 4 actions; the scan's
    own Enter takes the points, and the slip number never spills into the amount."""
    card = member(desk)
    at = at_desk
    at.open_member(card.member_no)

    def earn(dialog):
        at.clerk.type("356")
        at.clerk.press(Qt.Key.Key_Return)
        assert QApplication.focusWidget() is dialog.slip_edit
        assert (
            not dialog.error.isVisibleTo(dialog) and points.history(desk, card.member_no) == []
        )  # on to the slip, not "taken" early
        at.clerk.scan("SLIP-0007")

    failures = in_the_dialog(qtbot, earn)
    at.clerk.press(Qt.Key.Key_F3)
    raise_first(failures)
    assert at.counter.actions() == [("key", "F3"), ("value", "356"), ("key", "Enter"), ("scan", "SLIP-0007")]
    assert [(line.points, line.slip_no) for line in points.history(desk, card.member_no)] == [(356, "SLIP-0007")]


BAD_AMOUNTS = [
    ("abc", "Enter the amount in yuan, e.g. 1234.50."),
    ("0", "The amount must be more than zero."),
    ("10000000", "The amount is too large for one slip (at most ¥9,999,999.99); check it."),
]


@pytest.mark.parametrize(("amount", "says"), BAD_AMOUNTS)
def test_a_bad_amount_keeps_the_clerk_in_the_form_with_the_sentence(qtbot, at_desk, desk, amount, says):
    """Scan + amount + Enter, the same 3 actions: the form stays with the sentence and the amount selected, so
    the next value typed replaces it (one more value and Enter earn); nothing is stored until then."""
    card = member(desk)
    at = at_desk
    at.open_member(card.member_no)
    seen = {}

    def earn(dialog):
        at.clerk.type(amount)
        at.clerk.press(Qt.Key.Key_Return)
        seen.update(
            open=dialog.isVisible(),
            error=dialog.error.text() if dialog.error.isVisibleTo(dialog) else None,
            actions=at.counter.count(),
            stored=points.history(desk, card.member_no),
            focus=QApplication.focusWidget() is dialog.amount_edit,
            selected=dialog.amount_edit.selectedText(),
        )
        at.clerk.type("88")
        at.clerk.press(Qt.Key.Key_Return)

    failures = in_the_dialog(qtbot, earn)
    at.clerk.scan("BAD-AMOUNT-1")
    raise_first(failures)
    assert seen == {"open": True, "error": says, "actions": 3, "stored": [], "focus": True, "selected": amount}
    assert at.counter.actions()[3:] == [("value", "88"), ("key", "Enter")]
    assert [(line.points, line.slip_no) for line in points.history(desk, card.member_no)] == [(88, "BAD-AMOUNT-1")]


def test_a_slip_earned_twice_keeps_the_clerk_in_the_form_and_nothing_is_added(qtbot, at_desk, desk):
    card = member(desk)
    first = points.earn_from_slip(desk, card.member_no, "500", "UQ-0042")
    at = at_desk
    at.open_member(card.member_no)
    seen = {}

    def earn(dialog):
        at.clerk.type("500")
        at.clerk.press(Qt.Key.Key_Return)
        seen.update(open=dialog.isVisible(), error=dialog.error.text(), actions=at.counter.count())
        at.clerk.press(Qt.Key.Key_Escape)

    failures = in_the_dialog(qtbot, earn)
    at.clerk.scan("UQ-0042")
    raise_first(failures)
    assert seen["open"] and seen["actions"] == 3
    assert seen["error"].startswith("Slip UQ-0042 earned points already on ") and first.op_id in seen["error"]
    assert [line.op_id for line in points.history(desk, card.member_no)] == [first.op_id]
    assert members.find_member(desk, card.member_no).points == 500


def test_a_slip_scanned_with_no_member_on_the_card_opens_no_form(qtbot, at_desk, desk):
    at_desk.clerk.scan("UQ-20261123-0042")
    assert QApplication.activeModalWidget() is None and at_desk.window.card.card is None
    assert "No member found" in at_desk.window.search_message.text()


# ---- 2. redeem a gift: at most 4 actions ----------------------------------------------------------------------


def test_redeem_a_gift_is_f4_arrow_enter(qtbot, at_desk, desk):
    """Member's code scanned (counted apart), then: F4 (the gifts, the first one the member can have focused),
    Right (the next gift), Enter = 3 actions, within the 4 allowed. A gift out of stock or beyond the
    member's points is skipped by the keyboard."""
    card = member(desk)
    points.earn_from_slip(desk, card.member_no, "5000", "R-1")
    rewards.stock_gift(desk, "G-PEN", "签字笔", 300, add=0)  # out of stock
    rewards.stock_gift(desk, "G-MUG", "马克杯", 800, add=3)
    rewards.stock_gift(desk, "G-UMB", "晴雨伞", 1500, add=2)
    rewards.stock_gift(desk, "G-TV", "电视机", 30000, add=1)  # beyond the member's points
    at = at_desk
    at.open_member(card.member_no)
    seen = {}

    def redeem(dialog):
        seen.update(kind=type(dialog), first=QApplication.focusWidget() is dialog.gift_buttons["G-MUG"])
        at.clerk.press(Qt.Key.Key_Right)
        seen["chosen"] = QApplication.focusWidget() is dialog.gift_buttons["G-UMB"]
        at.clerk.press(Qt.Key.Key_Return)

    failures = in_the_dialog(qtbot, redeem)
    at.clerk.press(Qt.Key.Key_F4)
    raise_first(failures)
    assert seen == {"kind": RedeemDialog, "first": True, "chosen": True}
    assert at.counter.actions() == [("key", "F4"), ("key", "Right"), ("key", "Enter")]
    assert at.counter.count() <= 4 and at.counter.mouse_presses == 0
    assert members.find_member(desk, card.member_no).points == 3500
    assert {item.sku: item.stock for item in rewards.gift_catalog(desk)} == {
        "G-PEN": 0,
        "G-MUG": 3,
        "G-UMB": 1,
        "G-TV": 1,
    }
    assert at.window.search_message.text() == "G-UMB handed over for 1,500 points; balance 3,500."
    assert at.window.card.points_value.text() == "3,500"


def test_the_first_gift_is_f4_enter_and_cash_is_one_page_on(qtbot, at_desk, desk):
    """F4, Enter: the first gift the member can have (2 actions). Cash: F4, Ctrl+Tab, points, Enter (4)."""
    card = member(desk)
    points.earn_from_slip(desk, card.member_no, "2000", "R-1")
    rewards.stock_gift(desk, "G-MUG", "马克杯", 800, add=1)
    at = at_desk
    at.open_member(card.member_no)
    failures = in_the_dialog(qtbot, lambda dialog: at.clerk.press(Qt.Key.Key_Return))
    at.clerk.press(Qt.Key.Key_F4)
    raise_first(failures)
    assert at.counter.actions() == [("key", "F4"), ("key", "Enter")]
    assert members.find_member(desk, card.member_no).points == 1200 and rewards.gift_catalog(desk)[0].stock == 0

    at.clerk.back_at_the_desk()
    at.counter.reset()

    def cash(dialog):
        at.clerk.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is dialog.cash_edit
        at.clerk.type("800")
        at.clerk.press(Qt.Key.Key_Return)

    failures = in_the_dialog(qtbot, cash)
    at.clerk.press(Qt.Key.Key_F4)
    raise_first(failures)
    assert at.counter.actions() == [("key", "F4"), ("key", "Ctrl+Tab"), ("value", "800"), ("key", "Enter")]
    assert members.find_member(desk, card.member_no).points == 400


# ---- 3. write off a coupon: one scan + confirm ----------------------------------------------------------------


@pytest.fixture
def coupon(desk) -> rewards.CouponItem:
    card = member(desk)
    points.earn_from_slip(desk, card.member_no, "5000", "R-1")
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 800)
    return rewards.redeem_coupon(desk, card.member_no, "C10", presence=present(desk, card.member_no)).coupon


def test_write_off_a_coupon_is_one_scan_and_enter(qtbot, at_desk, desk, coupon):
    """No member needed: the coupon's QR scanned anywhere on the desk, Enter = 2 actions."""
    at = at_desk
    at.window.results.setFocus()  # the focus is not even in the search box
    at.clerk.back_at_the_desk()
    at.counter.reset()
    seen = {}

    def confirm(dialog):
        seen.update(kind=type(dialog), shows=dialog.balance_label.text())
        at.clerk.press(Qt.Key.Key_Return)

    failures = in_the_dialog(qtbot, confirm)
    payload = codes.coupon_payload(coupon.code)  # what the coupon's QR holds
    at.clerk.scan(payload)
    raise_first(failures)
    assert seen["kind"] is WriteOffDialog and "满100减10" in seen["shows"] and coupon.code in seen["shows"]
    assert at.counter.actions() == [("scan", payload), ("key", "Enter")] and at.counter.mouse_presses == 0
    assert rewards.show_coupon(desk, coupon.code).status == "written_off"
    assert at.window.search_message.text() == f"Coupon {coupon.code} written off: ¥10.00 off."


def test_the_camera_reading_the_coupon_is_the_one_scan(qtbot, at_desk, desk, coupon, tmp_path):
    """The coupon held up to the camera (a video made here, as the camera would see it), Enter = 2 actions."""
    at = at_desk
    payload = codes.coupon_payload(coupon.code)
    blank = np.full((480, 640, 3), 90, np.uint8)
    video = write_video(tmp_path / "counter.avi", [blank] * 5 + [qr_frame(payload)] * 20)

    def confirm(dialog):
        at.clerk.press(Qt.Key.Key_Return)

    at.counter.reset()
    failures = in_the_dialog(qtbot, confirm)
    at.window.camera.setVisible(True)
    at.window.camera.start(video)
    qtbot.waitUntil(
        lambda: rewards.show_coupon(desk, coupon.code).status == "written_off" or bool(failures), timeout=WAIT_MS
    )
    raise_first(failures)
    qtbot.waitUntil(lambda: not at.window.camera.running(), timeout=WAIT_MS)
    assert at.counter.actions() == [("scan", payload), ("key", "Enter")] and at.counter.mouse_presses == 0


@pytest.mark.parametrize("trouble", ["used", "expired"])
def test_a_used_or_expired_coupon_says_so_and_nothing_changes(qtbot, at_desk, desk, coupon, trouble):
    at = at_desk
    if trouble == "used":
        rewards.write_off_coupon(desk, coupon.code)
        says = "was used already on 2026-11-23 10:30"
    else:
        desk.clock = lambda: dt.datetime(2026, 12, 24, 9, tzinfo=CHINA)  # the day after its last valid day
        says = "expired on 2026-12-23"
    before = rewards.show_coupon(desk, coupon.code)
    at.counter.reset()
    seen = {}

    def confirm(dialog):
        at.clerk.press(Qt.Key.Key_Return)
        seen.update(open=dialog.isVisible(), error=dialog.error.text(), actions=at.counter.count())
        at.clerk.press(Qt.Key.Key_Escape)

    failures = in_the_dialog(qtbot, confirm)
    at.clerk.scan(codes.coupon_payload(coupon.code))
    raise_first(failures)
    assert seen["open"] and seen["actions"] == 2 and says in seen["error"]
    assert rewards.show_coupon(desk, coupon.code) == before


# ---- 4. a complaint with the keyboard alone ------------------------------------------------------------------


def test_a_members_complaint_with_the_keyboard_alone(qtbot, at_desk, desk):
    """Member's code scanned (counted apart), then: F7, Down ×3 (category), Tab ×3 (shop and severity keep their
    defaults), what happened, Enter = 9 actions, not one mouse press. The ticket number shows."""
    card = member(desk)
    at = at_desk
    at.open_member(card.member_no)
    seen = {}

    def take(dialog):
        seen.update(kind=type(dialog), focus=QApplication.focusWidget() is dialog.category_combo)
        for _ in range(3):
            at.clerk.press(Qt.Key.Key_Down)  # Service attitude → Response speed → After-sales → Product quality
        for _ in range(3):
            at.clerk.press(Qt.Key.Key_Tab)
        seen["in_text"] = QApplication.focusWidget() is dialog.description_edit
        at.clerk.type("The jacket sheds feathers")
        at.clerk.press(Qt.Key.Key_Return)

    failures = in_the_dialog(qtbot, take)
    at.clerk.press(Qt.Key.Key_F7)
    raise_first(failures)
    assert seen == {"kind": ComplaintIntakeDialog, "focus": True, "in_text": True}
    assert at.counter.actions() == [("key", "F7")] + [("key", "Down")] * 3 + [("key", "Tab")] * 3 + [
        ("value", "The jacket sheds feathers"),
        ("key", "Enter"),
    ]
    assert at.counter.mouse_presses == 0
    [taken] = complaints.list_complaints(desk)
    assert (taken.category, taken.severity, taken.member_no, taken.description) == (
        "quality",
        "normal",
        card.member_no,
        "The jacket sheds feathers",
    )
    assert at.window.search_message.text().startswith(f"Complaint {taken.ticket_no} taken; the answer is promised by ")


def test_a_walk_in_complaint_with_the_keyboard_alone(qtbot, at_desk, desk):
    """Shift+F7 (even with a member on the card), category left as it is, Tab ×3, what happened, Tab, a name, Enter."""
    card = member(desk)
    at = at_desk
    at.open_member(card.member_no)
    seen = {}

    def take(dialog):
        seen["walk_in"] = dialog.card is None
        for _ in range(3):
            at.clerk.press(Qt.Key.Key_Tab)
        at.clerk.type("No change from the parking machine")
        at.clerk.press(Qt.Key.Key_Tab)
        seen["in_name"] = QApplication.focusWidget() is dialog.name_edit
        at.clerk.type("Ms Chen")
        at.clerk.press(Qt.Key.Key_Return)

    failures = in_the_dialog(qtbot, take)
    at.clerk.press(Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    raise_first(failures)
    assert seen == {"walk_in": True, "in_name": True}
    assert at.counter.actions() == (
        [("key", "Shift+F7")]
        + [("key", "Tab")] * 3
        + [("value", "No change from the parking machine"), ("key", "Tab"), ("value", "Ms Chen"), ("key", "Enter")]
    )
    assert at.counter.mouse_presses == 0
    [taken] = complaints.list_complaints(desk)
    assert (taken.category, taken.member_no, taken.walk_in_name) == ("attitude", None, "Ms Chen")
    assert at.window.search_message.text().startswith(f"Complaint {taken.ticket_no} taken")


def test_a_complaint_without_what_happened_stays_open_at_the_field(qtbot, at_desk, desk):
    """F7, Enter: the sentence at the description, the keyboard there; nothing stored until it is written."""
    at = at_desk
    at.open_member(member(desk).member_no)
    seen = {}

    def take(dialog):
        at.clerk.press(Qt.Key.Key_Return)
        seen.update(
            open=dialog.isVisible(),
            error=dialog.errors["text"].text(),
            focus=QApplication.focusWidget() is dialog.description_edit,
            stored=complaints.list_complaints(desk),
            actions=at.counter.count(),
        )
        at.clerk.type("Queue too long")
        at.clerk.press(Qt.Key.Key_Return)

    failures = in_the_dialog(qtbot, take)
    at.clerk.press(Qt.Key.Key_F7)
    raise_first(failures)
    assert seen == {
        "open": True,
        "error": "Write down what happened, in the customer's words.",
        "focus": True,
        "stored": [],
        "actions": 2,
    }
    assert at.counter.count() == 4 and at.counter.mouse_presses == 0
    assert [taken.description for taken in complaints.list_complaints(desk)] == ["Queue too long"]
