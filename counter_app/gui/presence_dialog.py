"""Before a spend for a member looked up by typing: scan the member's code, or a manager vouches with a reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import DeskError
from counter_app.domain.presence import MAX_REASON_CHARS, Presence, ProofKind
from counter_app.domain.staff import Actor, Permission
from counter_app.gui.shortcuts import cancel_button, default_button, tab_order
from counter_app.gui.tasks import Op
from counter_app.services import auth, member_codes
from counter_app.services.desk import Desk
from counter_app.services.members import MemberCard


def presence_text(presence: Presence | None) -> str:
    """What the desk knows of the member being here, in a line for the card and the spend forms."""
    if presence is None:
        return QCoreApplication.translate("Presence", "Looked up by phone or number: scan the member's code to redeem")
    if presence.via is ProofKind.CODE:
        scanned = presence.at.strftime("%H:%M") if presence.at else ""
        return QCoreApplication.translate("Presence", "Member present: code scanned %1").replace("%1", scanned)
    if presence.via is ProofKind.CARD:
        return QCoreApplication.translate("Presence", "Member present: printed card, redemption limited")
    return QCoreApplication.translate("Presence", "Manager override: %1").replace("%1", presence.reason or "")


class PresenceDialog(QDialog):
    """Accepted: `presence` is the proof (a scanned code or card, or an override); for an override, `actor`
    is the clerk with the manager's authority, for this one spend."""

    def __init__(
        self, desk: Desk, card: MemberCard, action: str, problem: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.action_name = action
        self.presence: Presence | None = None
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Is the member here?"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(QLabel(self.tr("Scan the member's code to spend points"), objectName="titleLabel"))
        explanation = QLabel(objectName="subtitleLabel", wordWrap=True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setText(
            self.tr(
                "%1 was looked up by typing, which does not show the member is here. Scan the code on their phone (or their printed card, which redeems less), or a manager vouches for them with a reason."
            ).replace("%1", card.name)
        )
        layout.addWidget(explanation)
        self.code_edit = QLineEdit(maxLength=600, placeholderText=self.tr("Scan the member's code"))
        self.code_edit.returnPressed.connect(lambda: self.take_scan(self.code_edit.text()))
        layout.addWidget(self.code_edit)

        line = QFrame(frameShape=QFrame.Shape.HLine)
        layout.addWidget(line)
        layout.addWidget(QLabel(self.tr("Or a manager's override"), objectName="sectionTitle"))
        grid = QGridLayout()
        self.manager_edit = QLineEdit(maxLength=20)
        self.pin_edit = QLineEdit(maxLength=64, echoMode=QLineEdit.EchoMode.Password)
        self.reason_edit = QLineEdit(
            maxLength=MAX_REASON_CHARS, placeholderText=self.tr("Why, e.g. ID card checked: phone battery flat")
        )
        for row, (caption, edit) in enumerate(
            (
                (self.tr("Manager ID"), self.manager_edit),
                (self.tr("Manager PIN"), self.pin_edit),
                (self.tr("Reason"), self.reason_edit),
            )
        ):
            grid.addWidget(QLabel(caption), row, 0)
            grid.addWidget(edit, row, 1)
        layout.addLayout(grid)
        self.message = QLabel(objectName="formError", wordWrap=True, visible=bool(problem))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setText(problem or "")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch()
        cancel = QPushButton(self.tr("Cancel"), objectName="secondaryButton")
        cancel.clicked.connect(self.reject)
        self.override_button = QPushButton(self.tr("Manager override"), objectName="secondaryButton")
        self.override_button.clicked.connect(self.override)
        self.reason_edit.returnPressed.connect(self.override)
        buttons.addWidget(cancel)
        buttons.addWidget(self.override_button)
        layout.addLayout(buttons)
        cancel_button(cancel, self.tr("Spend nothing"))
        default_button(self.override_button, self.tr("The manager's ID, PIN and reason vouch for the member"))
        tab_order(self.code_edit, self.manager_edit, self.pin_edit, self.reason_edit, self.override_button, cancel)
        self.code_edit.setFocus()

    def take_scan(self, text: str) -> None:
        """The scanner (or the camera) read a code while this is open: it is the member's, or it says why not."""
        self.code_edit.clear()
        if not text.strip():
            return
        Op(self, lambda: member_codes.prove_presence(self.desk, text)).success(self._proved).failure(
            self._refused
        ).run()

    def _proved(self, presence: Presence) -> None:
        self.presence = presence
        self.accept()

    def override(self) -> None:
        manager, pin, reason = self.manager_edit.text(), self.pin_edit.text(), self.reason_edit.text()
        self.override_button.setEnabled(False)
        Op(self, lambda: auth.manager_override(self.desk, manager, pin, Permission.APPROVE, self.action_name)).success(
            lambda actor: self._vouched(actor, reason)
        ).failure(self._refused).run()

    def _vouched(self, actor: Actor, reason: str) -> None:
        self.actor = actor
        self.presence = Presence.override(reason)  # the spend checks the reason and the manager, and audits both
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.override_button.setEnabled(True)
        self.pin_edit.clear()
        self.message.setText(
            error.message() if isinstance(error, DeskError) else self.tr("Something unexpected went wrong; try again.")
        )
        self.message.setVisible(True)
