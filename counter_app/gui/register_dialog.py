"""Registering a member, or editing one's profile: the Designer form with inline validation."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from counter_app.domain.errors import Conflict, DeskError, FieldError, InvalidInput
from counter_app.domain.members import RegistrationForm, field_checks
from counter_app.domain.staff import Permission
from counter_app.gui.forms.ui_register_dialog import Ui_RegisterDialog
from counter_app.gui.guarded import run_guarded
from counter_app.gui.shortcuts import cancel_button, default_button, tab_order
from counter_app.services import members
from counter_app.services.desk import Desk

log = logging.getLogger(__name__)
GENDERS = (None, "F", "M")


class RegisterDialog(QDialog):
    """In edit mode the phone and ID number start empty (they are masked); empty leaves them unchanged."""

    member_saved = Signal(object)  # MemberCard
    open_member = Signal(str)  # member_no of the member who already has this phone
    parked = Signal(int)  # the change waits in the manager's queue as this request

    def __init__(self, desk: Desk, parent: QWidget | None = None, editing: members.MemberCard | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.editing = editing
        self.ui = Ui_RegisterDialog()
        self.ui.setupUi(self)
        self.setMinimumWidth(580)
        self.ui.formError.setObjectName("formError")
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Register") if editing is None else self.tr("Save"))
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        default_button(
            self.ok_button, self.tr("Register this member") if editing is None else self.tr("Save the changes")
        )
        cancel_button(cancel, self.tr("Close without saving"))
        ui = self.ui
        tab_order(
            ui.phoneEdit,
            ui.nameEdit,
            ui.genderCombo,
            ui.birthdayEdit,
            ui.idNumberEdit,
            ui.referrerEdit,
            ui.consentCheck,
            self.ok_button,
            cancel,
        )
        self.ui.consentCheck.setText(
            self.tr("Member agrees to the privacy notice (version %1)").replace(
                "%1", desk.settings.privacy_notice_version
            )
        )
        self.errors: dict[str, QLabel] = {
            "phone": self.ui.phoneError,
            "name": self.ui.nameError,
            "gender": self.ui.genderError,
            "birthday": self.ui.birthdayError,
            "id_number": self.ui.idNumberError,
            "referrer": self.ui.referrerError,
            "consent": self.ui.consentError,
        }
        for label in self.errors.values():
            label.setProperty("role", "fieldError")
            label.setVisible(False)
        self._conflict_member_no: str | None = None
        for label in (self.ui.phoneError,):
            label.linkActivated.connect(lambda _link: self._open_conflicting_member())
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._wire_inline_checks()
        if editing is not None:
            self._prepare_edit(editing)
        self.ui.phoneEdit.setFocus()

    def _wire_inline_checks(self) -> None:
        rules = field_checks(self.desk.today())
        edits = {
            "phone": self.ui.phoneEdit,
            "name": self.ui.nameEdit,
            "birthday": self.ui.birthdayEdit,
            "id_number": self.ui.idNumberEdit,
        }
        for field, edit in edits.items():
            check = rules[field]
            edit.editingFinished.connect(
                lambda field=field, edit=edit, check=check: self._check_field(field, edit.text(), check)
            )
            edit.textEdited.connect(lambda _text, field=field: self.show_field_error(field, None))
        self.ui.consentCheck.toggled.connect(self._consent_toggled)

    def _consent_toggled(self, checked: bool) -> None:
        if checked:
            self.show_field_error("consent", None)

    def _check_field(self, field: str, text: str, check: Callable[[str], object]) -> None:
        if not text.strip() and (field in ("birthday", "id_number") or self.editing is not None):
            self.show_field_error(field, None)
            return
        try:
            check(text)
        except FieldError as error:
            self.show_field_error(field, error.message())
        else:
            self.show_field_error(field, None)

    def _prepare_edit(self, card: members.MemberCard) -> None:
        self.setWindowTitle(self.tr("Edit member profile"))
        self.ui.titleLabel.setText(card.name)
        self.ui.subtitleLabel.setText(
            self.tr("Member %1 · leave the mobile and ID number empty to keep them").replace("%1", card.member_no)
        )
        self.ui.phoneLabel.setText(self.tr("Mobile number"))
        self.ui.phoneEdit.setPlaceholderText(self.tr("Unchanged: %1").replace("%1", card.phone))
        self.ui.idNumberEdit.setPlaceholderText(
            self.tr("Unchanged: %1").replace("%1", card.id_number or self.tr("none"))
        )
        self.ui.nameEdit.setText(card.name)
        self.ui.genderCombo.setCurrentIndex(GENDERS.index(card.gender))
        self.ui.birthdayEdit.setText(card.birthday or "")
        for widget in (
            self.ui.referrerLabel,
            self.ui.referrerEdit,
            self.ui.referrerError,
            self.ui.consentCheck,
            self.ui.consentError,
        ):
            widget.setVisible(False)

    def show_field_error(self, field: str, message: str | None, rich: bool = False) -> None:
        label = self.errors[field]
        # Messages quote what was typed; plain text keeps a typed "<b>" from turning into markup.
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setText(message or "")
        label.setVisible(bool(message))

    def show_form_error(self, message: str | None) -> None:
        self.ui.formError.setText(message or "")
        self.ui.formError.setVisible(bool(message))

    def form(self) -> RegistrationForm:
        return RegistrationForm(
            phone=self.ui.phoneEdit.text(),
            name=self.ui.nameEdit.text(),
            gender=GENDERS[self.ui.genderCombo.currentIndex()],
            birthday=self.ui.birthdayEdit.text(),
            id_number=self.ui.idNumberEdit.text(),
            referrer=self.ui.referrerEdit.text(),
            consent=self.ui.consentCheck.isChecked(),
        )

    def submit(self) -> None:
        for field in self.errors:
            self.show_field_error(field, None)
        self.show_form_error(None)
        self.ok_button.setEnabled(False)
        form = self.form()
        if self.editing is None:
            run_guarded(
                self,
                self.desk,
                lambda: members.register_member(self.desk, form),
                self._saved,
                self._failed,
                action="member.register",
                permission=Permission.REGISTER,
            )
            return
        fields: dict[str, str | None] = {
            "phone": form.phone or None,
            "name": form.name,
            "gender": form.gender or "",
            "birthday": str(form.birthday or ""),  # the text typed (a date would read as YYYY-MM-DD)
            "id_number": form.id_number or None,
        }
        member_no = self.editing.member_no
        run_guarded(
            self,
            self.desk,
            lambda: members.edit_member(self.desk, member_no, members.ProfileEdit(**fields)),
            self._saved,
            self._failed,
            action="member.edit",
            permission=Permission.EDIT_MEMBER,
            park=("member.edit", member_no, {"ref": member_no, **fields}),
            on_parked=self._parked,
        )

    def _parked(self, approval_id: int) -> None:
        self.ok_button.setEnabled(True)
        self.parked.emit(approval_id)
        self.accept()

    def _saved(self, card: members.MemberCard) -> None:
        self.ok_button.setEnabled(True)
        self.member_saved.emit(card)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, Conflict):
            self._conflict_member_no = str(error.params.get("member_no", ""))
            link = f"{html.escape(error.message())} <a href='open'>{html.escape(self.tr('Open that member'))}</a>"
            self.show_field_error("phone", link, rich=True)
            self.ui.phoneEdit.setFocus()
        elif isinstance(error, InvalidInput) and error.fields:
            for field, field_error in error.fields.items():
                if field in self.errors:
                    self.show_field_error(field, field_error.message())
            first = next(iter(error.fields))
            focus = {
                "phone": self.ui.phoneEdit,
                "name": self.ui.nameEdit,
                "birthday": self.ui.birthdayEdit,
                "id_number": self.ui.idNumberEdit,
                "referrer": self.ui.referrerEdit,
                "consent": self.ui.consentCheck,
            }.get(first)
            if focus is not None:
                focus.setFocus()
        elif isinstance(error, DeskError):
            self.show_form_error(error.message())
        else:
            log.error("saving a member failed", exc_info=error)
            self.show_form_error(
                self.tr(
                    "Something unexpected went wrong; nothing was saved. Try again, and call support if it happens again."
                )
            )

    def _open_conflicting_member(self) -> None:
        if self._conflict_member_no:
            self.open_member.emit(self._conflict_member_no)
            self.reject()
