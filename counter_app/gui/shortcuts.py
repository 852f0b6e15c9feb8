"""Keyboard shortcuts and the tooltips that name them, made from one key sequence so they never disagree."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget

Key = QKeySequence | QKeySequence.StandardKey | Qt.Key | str | int

# What a dialog does by itself: Enter clicks its default button, Esc rejects it (QDialog.keyPressEvent).
# Enter (not Return) is the name on the key, so that is the sequence the tooltips are made from.
ENTER = QKeySequence(Qt.Key.Key_Enter)
ESC = QKeySequence(Qt.Key.Key_Escape)
# Where Enter belongs to a field (a multi-line text, a list), Ctrl+Enter confirms; bound to both Enter keys.
CTRL_ENTER = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter)
_CTRL_RETURN = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return)
_RETURN = QKeySequence(Qt.Key.Key_Return)

# The main window's keys, bound there and named in tooltips (there and in the status bar) from these same sequences.
DESK_KEYS = {
    "search": QKeySequence("Ctrl+F"),
    "register": QKeySequence(Qt.Key.Key_F2),
    "edit": QKeySequence("Ctrl+E"),
    "reveal": QKeySequence("Ctrl+U"),
    "lock": QKeySequence("Ctrl+L"),
    "earn": QKeySequence(Qt.Key.Key_F3),
    "redeem": QKeySequence(Qt.Key.Key_F4),
    "history": QKeySequence(Qt.Key.Key_F6),
    "complaint": QKeySequence(Qt.Key.Key_F7),
    "walk_in": QKeySequence("Shift+F7"),
    "camera": QKeySequence(Qt.Key.Key_F8),
    "print_queue": QKeySequence("Ctrl+P"),
    "complaints": QKeySequence("Ctrl+K"),
    "check_in": QKeySequence(Qt.Key.Key_F9),
    "reports": QKeySequence("Ctrl+R"),
    "approvals": QKeySequence("Ctrl+M"),
    "settings": QKeySequence("Ctrl+,"),
    "help": QKeySequence(Qt.Key.Key_F1),
    "diagnostics": QKeySequence("Ctrl+Shift+D"),
    "demo": QKeySequence("Ctrl+Shift+M"),
    "sync_review": QKeySequence("Ctrl+Shift+R"),
}


def sequence(key: Key) -> QKeySequence:
    if isinstance(key, QKeySequence):
        return key
    if isinstance(key, Qt.Key):
        return QKeySequence(key)
    if isinstance(key, QKeySequence.StandardKey):
        return QKeySequence(key)
    return QKeySequence(key)


def key_text(key: Key) -> str:
    """The key as this platform writes it (Ctrl+P, ⌘P on a Mac)."""
    return sequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def with_key(tip: str, key: Key) -> str:
    """A tooltip that ends with its key in brackets: "Register a new member (F2)"."""
    return f"{tip} ({key_text(key)})"


def _keys(key: Key) -> list[QKeySequence]:
    # Ctrl+Enter and Enter stand for both Enter keys: the main one (Return) and the keypad's.
    first = sequence(key)
    if first == CTRL_ENTER:
        return [first, _CTRL_RETURN]
    if first == ENTER:
        return [first, _RETURN]
    return [first]


def bind(
    parent: QWidget,
    key: Key,
    slot: Callable[[], object],
    *,
    target: QAbstractButton | QAction | None = None,
    tip: str | None = None,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    """A shortcut in parent's window that runs slot; target (a button or action) gets the tooltip naming the key."""
    shortcut = QShortcut(parent)
    shortcut.setKeys(_keys(key))
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    if target is not None and tip is not None:
        target.setToolTip(with_key(tip, key))
    return shortcut


def bind_button(parent: QWidget, button: QAbstractButton, key: Key, tip: str) -> QShortcut:
    """The key clicks the button, as a click would (nothing happens while the button is hidden or disabled)."""

    def click() -> None:
        if button.isVisible() and button.isEnabled():
            button.click()

    return bind(parent, key, click, target=button, tip=tip)


def bind_buttons(parent: QWidget, key: Key, buttons: list[tuple[QAbstractButton, str]]) -> QShortcut:
    """One key for buttons on different pages (tabs) of a dialog: it clicks the one showing.

    Two shortcuts with the same key in one window would cancel each other out (Qt calls them ambiguous)."""

    def click() -> None:
        for button, _tip in buttons:
            if button.isVisible() and button.isEnabled():
                button.click()
                return

    for button, tip in buttons:
        button.setToolTip(with_key(tip, key))
    return bind(parent, key, click)


def when_focused(button: QAbstractButton, tip: str, key: Key = ENTER) -> None:
    """One of many alike (gift tiles, coupons, ratings): Tab or the arrows reach it, Enter clicks it."""
    button.setToolTip(with_key(tip, key))
    button.setProperty("key_when_focused", True)  # what the keyboard tests read: the key acts on the focused button


def default_button(button: QPushButton, tip: str) -> None:
    """The dialog's primary button: Enter clicks it (the dialog's own behaviour), and its tooltip says so."""
    button.setDefault(True)
    button.setToolTip(with_key(tip, ENTER))


def cancel_button(button: QPushButton, tip: str) -> None:
    """Cancel / Close: Esc rejects the dialog (the dialog's own behaviour), and its tooltip says so."""
    button.setAutoDefault(False)
    button.setToolTip(with_key(tip, ESC))


def action(parent: QObject, text: str, tip: str, key: Key, slot: Callable[[], object]) -> QAction:
    """A menu action with its key bound in the window and named in its tooltip."""
    made = QAction(text, parent)
    made.setShortcuts(_keys(key))
    made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    made.setToolTip(with_key(tip, key))
    made.triggered.connect(lambda _checked=False: slot())
    return made


def tab_order(*widgets: QWidget) -> None:
    """Tab walks these in this order (the desk's flow), whatever order the layout made them in."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
