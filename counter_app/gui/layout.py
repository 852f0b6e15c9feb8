"""Sizing a dialog to the counter's screen: as large as it likes, never larger than the screen (counter PCs are often 1366×768)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_MARGIN = 40  # room for the window's frame and the taskbar


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() == "offscreen":  # pictures and tests: no real screen to fit
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(min(width, room.width() - SCREEN_MARGIN), min(height, room.height() - SCREEN_MARGIN))
