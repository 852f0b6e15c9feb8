"""A manager authorises a clerk's action on the spot with their own ID and PIN, or it waits in the queue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.domain.errors import DeskError
from counter_app.domain.staff import Actor, Permission, may
from counter_app.gui.shortcuts import bind_button, cancel_button, default_button, tab_order
from counter_app.gui.tasks import Op
from counter_app.services import auth
from counter_app.services.desk import Desk

PARK = 2  # dialog result: send to the manager's queue instead


class OverrideDialog(QDialog):
    """Accepted: `self.actor` is the clerk with the manager's authority for this one operation."""

    def __init__(
        self, desk: Desk, action: str, permission: Permission | None, parkable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.permission = permission
        self.action_name = action
        self.actor: Actor | None = None
        # What only an administrator may do (settings, staff) asks for an administrator, not a manager, by name.
        admin_only = permission is not None and not may("manager", permission)
        self.setWindowTitle(self.tr("Administrator authorisation") if admin_only else self.tr("Manager authorisation"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(
            QLabel(
                self.tr("An administrator is needed") if admin_only else self.tr("A manager is needed"),
                objectName="titleLabel",
            )
        )
        explanation = QLabel(objectName="subtitleLabel", wordWrap=True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setText(
            (
                self.tr(
                    "%1 may not do this alone. An administrator can authorise it now with their own ID and PIN; both names go into the audit log."
                )
                if admin_only
                else self.tr(
                    "%1 may not do this alone. A manager can authorise it now with their own ID and PIN; both names go into the audit log."
                )
            ).replace("%1", actor.name if (actor := desk.actor()) else "")
            + (
                "\n" + self.tr("Or send it to the manager's queue: nothing changes until it is approved.")
                if parkable
                else ""
            )
        )
        layout.addWidget(explanation)
        grid = QGridLayout()
        self.manager_edit = QLineEdit(maxLength=20)
        self.pin_edit = QLineEdit(maxLength=64, echoMode=QLineEdit.EchoMode.Password)
        grid.addWidget(QLabel(self.tr("Administrator ID") if admin_only else self.tr("Manager ID")), 0, 0)
        grid.addWidget(self.manager_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("Administrator PIN") if admin_only else self.tr("Manager PIN")), 1, 0)
        grid.addWidget(self.pin_edit, 1, 1)
        layout.addLayout(grid)
        self.message = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.park_button = QPushButton(self.tr("Send to queue"), objectName="secondaryButton", visible=parkable)
        self.park_button.clicked.connect(lambda: self.done(PARK))
        cancel = QPushButton(self.tr("Cancel"), objectName="secondaryButton")
        cancel.clicked.connect(self.reject)
        self.authorise_button = QPushButton(self.tr("Authorise"), objectName="primaryButton", default=True)
        self.authorise_button.clicked.connect(self.authorise)
        for button in (self.park_button, cancel, self.authorise_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        default_button(self.authorise_button, self.tr("The manager's ID and PIN allow it now"))
        cancel_button(cancel, self.tr("Leave it undone"))
        bind_button(
            self,
            self.park_button,
            QKeySequence("Alt+Q"),
            self.tr("It waits in the manager's queue; nothing happens until it is approved"),
        )
        tab_order(self.manager_edit, self.pin_edit, self.authorise_button, cancel, self.park_button)
        self.pin_edit.returnPressed.connect(self.authorise)
        self.manager_edit.setFocus()

    def authorise(self) -> None:
        manager, pin = self.manager_edit.text(), self.pin_edit.text()
        self.authorise_button.setEnabled(False)
        Op(self, lambda: auth.manager_override(self.desk, manager, pin, self.permission, self.action_name)).success(
            self._authorised
        ).failure(self._refused).run()

    def _authorised(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.authorise_button.setEnabled(True)
        self.pin_edit.clear()
        self.message.setText(
            error.message() if isinstance(error, DeskError) else self.tr("Something unexpected went wrong; try again.")
        )
        self.message.setVisible(True)
