"""The desk's front door: sign in (or unlock), and on a new desk, create the first administrator."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.domain.errors import DeskError
from counter_app.domain.staff import Actor
from counter_app.gui.shortcuts import ENTER, with_key
from counter_app.gui.tasks import Op
from counter_app.services import auth
from counter_app.services.desk import Desk


class LoginPage(QWidget):
    signed_in = Signal(object)  # Actor

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.first_admin = False
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        self.panel = QFrame(objectName="loginPanel")
        self.panel.setFixedWidth(440)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        self.title = QLabel(objectName="loginTitle")
        self.subtitle = QLabel(objectName="loginSubtitle", wordWrap=True)
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        grid = QGridLayout()
        grid.setVerticalSpacing(8)
        self.staff_edit = QLineEdit(maxLength=20)
        self.name_edit = QLineEdit(maxLength=40)
        self.pin_edit = QLineEdit(maxLength=64, echoMode=QLineEdit.EchoMode.Password)
        self.pin_again_edit = QLineEdit(maxLength=64, echoMode=QLineEdit.EchoMode.Password)
        self.staff_label = QLabel(self.tr("Staff ID"))
        self.name_label = QLabel(self.tr("Name"))
        self.pin_label = QLabel(self.tr("PIN"))
        self.pin_again_label = QLabel(self.tr("PIN again"))
        for row, (label, edit) in enumerate(
            (
                (self.staff_label, self.staff_edit),
                (self.name_label, self.name_edit),
                (self.pin_label, self.pin_edit),
                (self.pin_again_label, self.pin_again_edit),
            )
        ):
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
        layout.addLayout(grid)
        self.message = QLabel(objectName="loginMessage", wordWrap=True, visible=False)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.button = QPushButton(objectName="primaryButton")
        self.button.clicked.connect(self.submit)
        layout.addWidget(self.button)
        for edit in (self.staff_edit, self.name_edit, self.pin_edit, self.pin_again_edit):
            edit.returnPressed.connect(self.button.click)  # Enter in any field, as the button's tooltip says
        centred = QVBoxLayout()
        centred.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addLayout(centred)
        outer.addStretch(3)

    def show_sign_in(self, locked_by: Actor | None = None) -> None:
        self.first_admin = False
        self.title.setText(self.tr("Desk locked") if locked_by else self.tr("Sign in"))
        self.subtitle.setText(
            self.tr("Locked by %1. Sign in to carry on, or as someone else.").replace("%1", locked_by.name)
            if locked_by
            else self.tr("Staff ID and PIN. Ctrl+L locks the desk when you step away.")
        )
        self.button.setText(self.tr("Sign in"))
        self.button.setToolTip(with_key(self.tr("Sign in with this staff ID and PIN"), ENTER))
        for widget in (self.name_label, self.name_edit, self.pin_again_label, self.pin_again_edit):
            widget.setVisible(False)
        self.staff_edit.setText(locked_by.staff_id if locked_by else "")
        self.pin_edit.clear()
        self.show_message(None)
        (self.pin_edit if locked_by else self.staff_edit).setFocus()

    def show_first_admin(self) -> None:
        self.first_admin = True
        self.title.setText(self.tr("Welcome to the desk"))
        self.subtitle.setText(
            self.tr("Create the first administrator. Administrators add the other staff; keep this PIN safe.")
        )
        self.button.setText(self.tr("Create administrator"))
        self.button.setToolTip(with_key(self.tr("Create the first administrator's account and sign in"), ENTER))
        for widget in (self.name_label, self.name_edit, self.pin_again_label, self.pin_again_edit):
            widget.setVisible(True)
        self.staff_edit.setFocus()

    def show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def submit(self) -> None:
        staff_id, pin = self.staff_edit.text(), self.pin_edit.text()
        if self.first_admin:
            if pin != self.pin_again_edit.text():
                self.show_message(self.tr("The two PINs differ; type them again."))
                return
            name = self.name_edit.text()

            def work() -> Actor:
                auth.create_first_admin(self.desk, staff_id, name, pin)
                return auth.sign_in(self.desk, staff_id, pin)
        else:

            def work() -> Actor:
                return auth.sign_in(self.desk, staff_id, pin)

        self.button.setEnabled(False)
        Op(self, work).success(self._done).failure(self._failed).run()

    def _done(self, actor: Actor) -> None:
        self.button.setEnabled(True)
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        self.signed_in.emit(actor)

    def _failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        self.pin_edit.setFocus()
        if isinstance(error, DeskError):
            fields = getattr(error, "fields", {})
            self.show_message("\n".join(field.message() for field in fields.values()) or error.message())
        else:
            self.show_message(self.tr("Something unexpected went wrong; try again."))
