"""Scanning at the desk through real widgets: the handheld scanner told from a person by key timing, and the camera fed a video."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

pytestmark = pytest.mark.scanner

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLineEdit  # noqa: E402

from counter_app.gui.scanner import KeyboardWedge  # noqa: E402
from counter_app.services import member_codes, members, points  # noqa: E402
from tests.conftest import form  # noqa: E402
from tests.test_gui import window  # noqa: E402,F401


class KeyClock:
    """The wedge's clock, moved by the test between keys: timing is exact whatever the machine's load."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def typed(qtbot, widget, text: str, clock: KeyClock, gap_ms: float, end: bool = True) -> None:
    for char in text:
        clock.now += gap_ms / 1000
        qtbot.keyClick(widget, char)
    if end:
        clock.now += gap_ms / 1000
        qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def field(qtbot, qapp):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return edit


@pytest.fixture
def wedge(qapp):
    clock = KeyClock()
    made = KeyboardWedge(max_gap_ms=35, min_length=6, clock=clock)
    made.clock_ = clock
    qapp.installEventFilter(made)
    yield made
    qapp.removeEventFilter(made)


def test_a_fast_burst_ending_in_enter_is_a_scan_and_never_reaches_the_field(qtbot, field, wedge):
    entered = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    with qtbot.waitSignal(wedge.scanned) as caught:
        typed(qtbot, field, "MD1.abc-XYZ_09", wedge.clock_, gap_ms=8)
    assert caught.args == ["MD1.abc-XYZ_09"]
    assert field.text() == "" and entered == []


def test_the_shift_key_a_scanner_presses_for_capitals_keeps_the_burst_whole(qtbot, field, wedge):
    """On a real X server a wedge scanner sends Shift's own press before each capital (found by the real-window
    suite, tests/test_realwin_desk.py): the burst is still one scan."""
    with qtbot.waitSignal(wedge.scanned) as caught:
        for char in "MD1.aB":
            wedge.clock_.now += 0.005
            if char.isupper():
                qtbot.keyPress(field, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
                wedge.clock_.now += 0.005
                qtbot.keyClick(field, char, Qt.KeyboardModifier.ShiftModifier)
                qtbot.keyRelease(field, Qt.Key.Key_Shift)
            else:
                qtbot.keyClick(field, char)
        wedge.clock_.now += 0.005
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert caught.args == ["MD1.aB"]
    assert field.text() == ""


def test_a_person_typing_is_never_a_scan(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    entered = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    typed(qtbot, field, "13800138000", wedge.clock_, gap_ms=120)
    assert scans == [] and entered == ["13800138000"]
    # A quick typist's roll of a few keys is held a moment, then typed as it was.
    field.clear()
    typed(qtbot, field, "zs", wedge.clock_, gap_ms=20, end=False)
    qtbot.waitUntil(lambda: field.text() == "zs", timeout=2000)
    assert scans == []


def test_short_bursts_slow_tails_and_edits_are_typing(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    typed(qtbot, field, "1234", wedge.clock_, gap_ms=5)  # shorter than any code
    assert field.text() == "1234"
    field.clear()
    typed(qtbot, field, "ABCDEFGH", wedge.clock_, gap_ms=5, end=False)
    wedge.clock_.now += 0.5  # a pause before Enter: a person pressed it
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "ABCDEFGH"
    field.clear()
    typed(qtbot, field, "ABC", wedge.clock_, gap_ms=5, end=False)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # an edit key: a person
    wedge.clock_.now += 0.005
    typed(qtbot, field, "DEFG", wedge.clock_, gap_ms=5)
    assert field.text() == "ABDEFG" and scans == []


def test_prefix_and_a_scanner_without_an_end_key(qtbot, field, qapp):
    clock = KeyClock()
    wedge = KeyboardWedge(max_gap_ms=35, min_length=6, prefix="~", suffix="none", clock=clock)
    qapp.installEventFilter(wedge)
    try:
        scans = []
        wedge.scanned.connect(scans.append)
        typed(qtbot, field, "~CP1.CP0000", clock, gap_ms=5, end=False)
        qtbot.waitUntil(lambda: scans == ["CP1.CP0000"], timeout=2000)
        typed(qtbot, field, "ABCDEFGH", clock, gap_ms=5, end=False)  # no prefix: not our scanner's
        qtbot.waitUntil(lambda: field.text() == "ABCDEFGH", timeout=2000)
        assert scans == ["CP1.CP0000"]
    finally:
        qapp.removeEventFilter(wedge)


def test_a_scan_anywhere_in_the_desk_opens_the_member(qtbot, window, desk):
    card = members.register_member(desk, form())
    points.earn_from_slip(desk, card.member_no, "300", "S-1")
    payload = member_codes.member_code(desk, card.member_no)
    window.results.setFocus()  # the focus is not in the search box: the scan still lands
    for char in payload:
        qtbot.keyClick(window.results, char)
    qtbot.keyClick(window.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.card is not None and window.card.card.member_no == card.member_no, timeout=3000)
    assert window.search_box.text() == ""
    assert window.card_ref == card.member_no
    assert window.card.identification.text() == "Present · code 10:30"  # the member is here: they may spend
    # The same code again is a copy: refused in words, the card stays as it was.
    for char in payload:
        qtbot.keyClick(window.search_box, char)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "copy" in window.search_message.text(), timeout=3000)


def test_a_printed_card_scan_marks_the_card_and_limits_redemption(qtbot, window, desk):
    card = members.register_member(desk, form())
    printed = member_codes.member_code(desk, card.member_no, static=True)
    qtbot.keyClicks(window.search_box, printed)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.card is not None, timeout=3000)
    assert window.card_ref == printed and window.card.identification.isVisible()
    assert (
        "Printed card" in window.card.identification.text()
        and "redemption is limited" in window.card.identification.toolTip()
    )


def test_in_a_form_the_scanner_types_into_the_field(qtbot, window, desk):
    from counter_app.gui.points_dialogs import EarnDialog

    card = members.register_member(desk, form())
    window.show_card(members.find_member(desk, card.member_no))
    dialog = EarnDialog(desk, window.card.card, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.slip_edit.setFocus()
    dialog.activateWindow()
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    qtbot.keyClicks(dialog.slip_edit, "SLIP-20261123-0042")
    qtbot.waitUntil(lambda: dialog.slip_edit.text() == "SLIP-20261123-0042", timeout=2000)


def qr_frame(text: str, size=(480, 640)) -> np.ndarray:
    code = cv2.QRCodeEncoder.create().encode(text)
    code = cv2.resize(code, None, fx=4, fy=4, interpolation=cv2.INTER_NEAREST)
    frame = np.full((*size, 3), 200, np.uint8)
    y, x = 60, 160
    frame[y : y + code.shape[0], x : x + code.shape[1]] = cv2.cvtColor(code, cv2.COLOR_GRAY2BGR)
    return frame


def write_video(path, frames, fps=30) -> str:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (frames[0].shape[1], frames[0].shape[0]))
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame)
    writer.release()
    return str(path)


def test_the_camera_reads_a_member_code_from_video_and_opens_the_card(qtbot, window, desk, tmp_path):
    card = members.register_member(desk, form())
    payload = member_codes.member_code(desk, card.member_no)
    blank = np.full((480, 640, 3), 90, np.uint8)
    # Half a second of an empty counter, then the phone held up for a second, as the camera sees it.
    video = write_video(tmp_path / "counter.avi", [blank] * 15 + [qr_frame(payload)] * 30)
    window.camera.setVisible(True)
    window.camera.start(video)
    qtbot.waitUntil(
        lambda: window.card.card is not None and window.card.card.member_no == card.member_no, timeout=10_000
    )
    qtbot.waitUntil(lambda: not window.camera.running(), timeout=10_000)
    assert window.camera.preview.pixmap() is not None and not window.camera.preview.pixmap().isNull()
    # The code was in thirty frames but was one scan: a second would have been refused as a copy.
    assert "copy" not in window.search_message.text()


def test_no_camera_is_said_and_the_scanner_still_works(qtbot, window, desk, tmp_path):
    window.camera.setVisible(True)
    window.camera.start(str(tmp_path / "no-such-camera.avi"))
    qtbot.waitUntil(lambda: "No camera" in window.camera.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: not window.camera.running(), timeout=5000)
    card = members.register_member(desk, form())
    qtbot.keyClicks(window.search_box, member_codes.member_code(desk, card.member_no))
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.card is not None, timeout=3000)


class UnpluggedCamera:
    """A USB camera pulled out after a few frames: the one thing here that cannot exist for real."""

    def __init__(self) -> None:
        self.frames = 5

    def read(self):
        if self.frames:
            self.frames -= 1
            return True, np.full((480, 640, 3), 120, np.uint8)
        return False, None

    def get(self, _prop):
        return 30.0

    def release(self):
        pass


def test_a_camera_unplugged_mid_use_is_said(qtbot, window, monkeypatch):
    from counter_app.gui import camera

    monkeypatch.setattr(camera, "open_capture", lambda source: (UnpluggedCamera(), False))
    window.camera.setVisible(True)
    window.camera.start("0")
    qtbot.waitUntil(lambda: "unplugged" in window.camera.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: not window.camera.running(), timeout=5000)
    assert window.search_box.isEnabled()
