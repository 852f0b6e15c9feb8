"""Handheld scanners that type like a keyboard: a fast burst of keys anywhere in the app becomes one scan.

A scanner types a whole code in a few milliseconds per character; a person, even a fast one, leaves
80 ms or more between keys. Every printable key is held back for at most the longest scanner gap:
if the next key follows sooner, the burst goes on; if not, the held keys are given to the widget
they were meant for, so a person's typing arrives unchanged (a few ms late) and is never taken
for a scan, and a scan never spills characters into whatever field had the focus.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

_ENDS = {"enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter), "tab": (Qt.Key.Key_Tab,), "none": ()}
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
# A wedge scanner types a capital as a real keyboard does: Shift down, the letter, Shift up. The modifier's own press
# carries no text and must neither end the burst nor be held back.
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_AltGr}


@dataclass
class _HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    target: QObject | None
    at: float


class KeyboardWedge(QObject):
    """Installed on the application: sees every key first, wherever the focus is."""

    scanned = Signal(str)
    enabled_by_default = True  # the GUI tests that type with QTest (as fast as a scanner) switch it off

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_gap_ms: int = 35,
        min_length: int = 6,
        prefix: str = "",
        suffix: str = "enter",
        clock: Callable[[], float] = time.monotonic,
        accepts_scan: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        # Asked when a burst ends: where no scan is wanted (a form's slip-number field, the sign-in
        # page) the scanner is a keyboard, and its keys and Enter go to the focused field as typed.
        self.accepts_scan = accepts_scan
        self.max_gap = max_gap_ms / 1000
        self.min_length = min_length
        self.prefix = prefix
        self.end_keys = _ENDS[suffix]
        self.clock = clock
        self._held: list[_HeldKey] = []
        self._replaying = False
        self.enabled = self.enabled_by_default
        self._timer = QTimer(self, singleShot=True, interval=max_gap_ms)
        self._timer.timeout.connect(self._pause)

    def configure(self, *, max_gap_ms: int, min_length: int, prefix: str, suffix: str) -> None:
        self.max_gap, self.min_length, self.prefix, self.end_keys = max_gap_ms / 1000, min_length, prefix, _ENDS[suffix]
        self._timer.setInterval(max_gap_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self._replaying or not self.enabled:
            return False
        event = cast(QKeyEvent, event)  # what a KeyPress is
        if event.key() in _MODIFIER_KEYS:
            return False
        now = self.clock()
        if self._held and now - self._held[-1].at > self.max_gap:
            self._release()  # the pause was a person's: what was held is theirs
        if event.key() in self.end_keys and self._held:
            if self._looks_like_scan(now) and self.accepts_scan():
                self._finish()
                return True
            self._release()
            return False
        text = event.text()
        if len(text) == 1 and text.isprintable() and not (event.modifiers() & ~_TYPING_MODIFIERS):
            # Typed into the widget the event was for; a real key press reaches the window first, then its focus widget.
            target = watched if isinstance(watched, QWidget) else QApplication.focusWidget()
            self._held.append(_HeldKey(event.key(), event.modifiers(), text, target, now))
            self._timer.start()
            return True
        self._release()  # arrows, Backspace, shortcuts: a person is at the keyboard
        return False

    def _looks_like_scan(self, now: float) -> bool:
        times = [held.at for held in self._held] + [now]
        fast = all(later - earlier <= self.max_gap for earlier, later in itertools.pairwise(times))
        text = "".join(held.text for held in self._held)
        return fast and len(text) - len(self.prefix) >= self.min_length and text.startswith(self.prefix)

    def _finish(self) -> None:
        text = "".join(held.text for held in self._held)[len(self.prefix) :]
        self._held.clear()
        self._timer.stop()
        self.scanned.emit(text)

    def _pause(self) -> None:
        """No key for a scanner's gap: a scanner without an end key has finished; otherwise a person typed."""
        if not self.end_keys and self._held and self._looks_like_scan(self._held[-1].at) and self.accepts_scan():
            self._finish()
        else:
            self._release()

    def _release(self) -> None:
        """Give the held keys to the widgets they were typed into, in order."""
        held, self._held = self._held, []
        self._timer.stop()
        self._replaying = True
        try:
            for key in held:
                if key.target is not None and isValid(key.target):  # a dialog may have closed meanwhile
                    QApplication.sendEvent(
                        key.target, QKeyEvent(QEvent.Type.KeyPress, key.key, key.modifiers, key.text)
                    )
                    QApplication.sendEvent(
                        key.target, QKeyEvent(QEvent.Type.KeyRelease, key.key, key.modifiers, key.text)
                    )
        finally:
            self._replaying = False
