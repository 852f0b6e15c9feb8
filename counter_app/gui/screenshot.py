"""`counter-app screenshot PAGE`: render a desk page offscreen to a PNG, for docs and review."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from counter_app.domain.errors import DeskError
from counter_app.gui import tasks
from counter_app.gui.main_window import MainWindow
from counter_app.gui.register_dialog import RegisterDialog
from counter_app.services import members
from counter_app.services.desk import Desk

WINDOW_SIZE = (1280, 800)


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def take_screenshot(desk: Desk, page: str, out: Path, member_ref: str | None, font_warning: str | None) -> int:
    tasks.run_synchronously(True)  # every result is on screen before the picture is taken
    window = MainWindow(desk, font_warning)
    window.resize(*WINDOW_SIZE)
    window.show()
    _settle()
    try:
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
