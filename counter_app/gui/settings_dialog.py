"""The settings dialog: every setting of config.SETTINGS on its group's page, checked as it is typed, saved together by an administrator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import config
from counter_app.domain.errors import DeskError
from counter_app.domain.staff import Actor, Permission
from counter_app.gui.device_checks import CameraCheck, PrinterCheck, choice_names
from counter_app.gui.override_dialog import OverrideDialog
from counter_app.gui.tasks import Op
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import auth, sync
from counter_app.services.desk import Desk, change_settings

SCREENSHOT_PRINTER = "tcp://192.168.1.50:9100"  # what a store's network printer is typically at
FIELD_WIDTH = 420  # text fields and lists of choices: wide enough for an address, not the whole page
NUMBER_WIDTH = 140
# Number boxes dressed like the desk's text fields (style.qss styles QLineEdit only); a disabled Save looks disabled.
DIALOG_STYLE = (
    "QSpinBox { background: #ffffff; border: 1px solid #cfd6e0; border-radius: 6px; padding: 6px 8px; font-size: 11pt; }"
    "QSpinBox:focus { border: 2px solid #1f6feb; padding: 5px 7px; }"
    "QSpinBox:disabled, QLineEdit:disabled { background: #f4f6f9; color: #52606d; }"
    "QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }"  # Up/Down keys and the wheel step it; the range is said below
    "QPushButton#primaryButton:disabled { background: #e3e8ef; color: #8a94a3; }"
)


def _translated(text: str) -> str:
    return QCoreApplication.translate("Settings", text) if text else ""


def _caption(text: str = "") -> QLabel:
    label = QLabel(text, objectName="fieldCaption", wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text, objectName="sectionHeading")
    label.setStyleSheet(
        "QLabel#sectionHeading { font-size: 12pt; font-weight: 600; color: #12326b; padding-top: 6px; }"
    )
    return label


def _rule() -> QFrame:
    line = QFrame(frameShape=QFrame.Shape.HLine)
    line.setStyleSheet("color: #e3e8ef;")
    return line


class _Field:
    """One setting on screen: how its widget is read and set, and where the reason it is refused goes."""

    def __init__(
        self,
        setting: config.Setting,
        page: str,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        error_label: QLabel | None,
        extra_check: Callable[[], str | None] | None = None,
    ) -> None:
        self.setting = setting
        self.page = page
        self.widget = widget
        self.read = read
        self.write = write
        self.error_label = error_label
        self.extra_check = extra_check

    def problem(self) -> str | None:
        """Why the value on screen cannot be saved, in the clerk's language; None when it can."""
        try:
            config.coerce(self.setting.key, self.read())
        except DeskError as error:
            return error.message()
        return self.extra_check() if self.extra_check else None

    def value(self) -> Any:
        return config.coerce(self.setting.key, self.read())

    def show_problem(self, problem: str | None) -> None:
        if self.error_label is not None:
            self.error_label.setText(problem or "")
            self.error_label.setVisible(bool(problem))


class SettingsDialog(QDialog):
    """The desk's settings by page; Save writes the changed ones together (change_settings), audited."""

    settings_changed = Signal(object)  # config.Settings, after a successful save

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="settingsDialog")
        self.desk = desk
        actor = desk.actor()
        self.authority: Actor | None = actor if actor is not None and actor.may(Permission.SETTINGS) else None
        self.fields: dict[str, _Field] = {}
        self.pages: dict[str, QWidget] = {}
        self._saving = False
        self._shown = desk.settings  # what the fields were filled from: enrolment may change settings underneath
        self.setWindowTitle(self.tr("Settings"))
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumSize(900, 620)
        self.resize(1000, 740)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self._build_read_only_banner())

        body = QHBoxLayout()
        body.setSpacing(14)
        self.page_list = QListWidget(objectName="settingsPages")
        self.page_list.setFixedWidth(210)
        self.page_list.setToolTip(self.tr("The settings' pages (Ctrl+Page Down / Ctrl+Page Up to move between them)"))
        self.page_list.setStyleSheet(
            "QListWidget#settingsPages { background: #ffffff; border: 1px solid #e3e8ef; border-radius: 10px; padding: 6px; font-size: 11pt; outline: 0; }"
            "QListWidget#settingsPages::item { padding: 9px 10px; border-radius: 6px; }"
            "QListWidget#settingsPages::item:selected { background: #dbe7ff; color: #12326b; }"
        )
        self.stack = QStackedWidget(objectName="settingsStack")
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)

        for key, title in config.GROUPS:
            self._add_page(key, _translated(title))
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)

        self.message = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore &defaults"), objectName="secondaryButton")
        self.restore_button.setToolTip(
            self.tr("Put this page's settings back to their defaults; nothing is saved until you press Save (Alt+D)")
        )
        self.restore_button.clicked.connect(self.restore_defaults)
        self.state_label = _caption()
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="secondaryButton", autoDefault=False)
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("&Save"), objectName="primaryButton", default=True)
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S or Enter)"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=lambda: self._step_page(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=lambda: self._step_page(-1))
        self._apply_authority()
        self.refresh_sync_status()
        self.revalidate()

    # --- building -----------------------------------------------------------------------------
    def _build_read_only_banner(self) -> QWidget:
        self.banner = QFrame(objectName="demoBanner", visible=self.authority is None)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(12, 8, 12, 8)
        self.banner_label = QLabel(wordWrap=True)
        self.banner_label.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_label.setText(
            self.tr(
                "Only an administrator can change the settings. You can look at them and test the printer and camera; "
                "an administrator can approve changes here with their own ID and PIN."
            )
        )
        self.approve_button = QPushButton(
            self.tr("Administrator &approves…"), objectName="secondaryButton", autoDefault=False
        )
        self.approve_button.setToolTip(
            self.tr("An administrator types their ID and PIN to allow changes in this dialog (Alt+A)")
        )
        self.approve_button.clicked.connect(self.ask_administrator)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.approve_button)
        return self.banner

    def _add_page(self, group: str, title: str) -> None:
        page = QWidget(objectName=f"settingsPage_{group}")
        column = QVBoxLayout(page)
        column.setContentsMargins(18, 4, 18, 12)
        column.setSpacing(10)
        heading = QLabel(title, objectName="titleLabel")
        heading.setStyleSheet("QLabel#titleLabel { font-size: 14pt; }")
        column.addWidget(heading)
        labels: list[QLabel] = []
        if group == "printer":
            self.printer_check = PrinterCheck(self.desk, page)
            column.addWidget(self.printer_check)
            column.addWidget(_rule())
            labels += [self.printer_check.address_label, self.printer_check.paper_label]
            check = self.printer_check
            self._bind(
                check.uri_edit, config.setting_for("printer_uri"), group, check.uri, check.set_uri, check.address_error
            )
            self._bind(
                check.paper_combo, config.setting_for("printer_paper_mm"), group, check.paper_mm, check.set_paper_mm
            )
            check.changed.connect(self.revalidate)
        elif group == "scanner":
            self.camera_check = CameraCheck(self.desk, page)
            column.addWidget(self.camera_check)
            column.addWidget(_rule())
            labels.append(self.camera_check.source_label)
            camera = self.camera_check
            self._bind(camera.source_edit, config.setting_for("camera"), group, camera.source, camera.set_source)
            camera.source_edit.textChanged.connect(self.revalidate)
        elif group == "server":
            column.addWidget(self._build_enrolment(page))
            labels += self.sync_titles
            column.addWidget(_rule())
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for setting in config.SETTINGS:
            if setting.group != group or setting.key in self.fields:
                continue
            label = QLabel(_translated(setting.label) or setting.key)
            label.setContentsMargins(0, 2, 0, 0)  # level with the text in the field, not its frame
            form.addRow(label, self._field_column(setting, group, label))
            labels.append(label)
        column.addLayout(form)
        column.addStretch(1)
        # One label column across the page, device check included.
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)
        scroller = QScrollArea(objectName="settingsScroller", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroller.setWidget(page)
        scroller.setStyleSheet(
            "QScrollArea#settingsScroller, QScrollArea#settingsScroller > QWidget > QWidget { background: transparent; }"
        )
        self.pages[group] = page
        self.stack.addWidget(scroller)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, group)
        self.page_list.addItem(item)

    def _field_column(self, setting: config.Setting, group: str, label: QLabel) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        help_text = _translated(setting.help)
        widget, read, write = self._editor(setting)
        widget.setToolTip(help_text)
        label.setBuddy(widget)
        column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        hint = help_text
        if setting.bounds is not None:
            hint += " " + self.tr("(%1 to %2)").replace("%1", str(setting.bounds[0])).replace(
                "%2", str(setting.bounds[1])
            )
        if setting.restart:
            hint += "\n" + self.tr("Takes effect the next time the desk starts.")
        column.addWidget(_caption(hint))
        error = QLabel(wordWrap=True, visible=False)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setProperty("role", "fieldError")
        column.addWidget(error)
        self.fields[setting.key] = _Field(setting, group, widget, read, write, error)
        return box

    def _editor(self, setting: config.Setting) -> tuple[QWidget, Callable[[], Any], Callable[[Any], None]]:
        """The widget for a setting by its declaration: a list of its choices, a number box, or a text field."""
        current = getattr(self.desk.settings, setting.key)
        if setting.choices:
            combo = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(NUMBER_WIDTH)
            for name, value in choice_names(setting.key):
                combo.addItem(name, value)

            def write_choice(value: Any, combo: QComboBox = combo) -> None:
                index = combo.findData(value)
                combo.setCurrentIndex(index if index >= 0 else 0)

            write_choice(current)
            combo.currentIndexChanged.connect(self.revalidate)
            return combo, combo.currentData, write_choice
        if setting.kind is int:
            spin = QSpinBox()
            low, high = setting.bounds or (-(2**31), 2**31 - 1)
            spin.setRange(low, high)
            spin.setValue(current)
            spin.setFixedWidth(NUMBER_WIDTH)
            spin.lineEdit().textChanged.connect(self.revalidate)  # each keystroke, also a number still being typed
            spin.valueChanged.connect(
                self.revalidate
            )  # set from code or stepped: the spin box updates its text silently
            return spin, spin.cleanText, lambda value, spin=spin: spin.setValue(int(value))
        edit = QLineEdit(str(current))
        edit.setFixedWidth(FIELD_WIDTH)
        edit.textChanged.connect(self.revalidate)
        return edit, lambda edit=edit: edit.text().strip(), lambda value, edit=edit: edit.setText(str(value))

    def _bind(
        self,
        widget: QWidget,
        setting: config.Setting,
        group: str,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        extra_check: Callable[[], str | None] | None = None,
    ) -> None:
        """A setting edited inside a device check: the check shows its own messages."""
        widget.setToolTip(_translated(setting.help))
        self.fields[setting.key] = _Field(setting, group, widget, read, write, None, extra_check)

    def _build_enrolment(self, page: QWidget) -> QWidget:
        box = QWidget(page)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(_heading(self.tr("Central server")))
        status = QFormLayout()
        status.setHorizontalSpacing(16)
        status.setVerticalSpacing(6)
        self.sync_labels: dict[str, QLabel] = {}
        self.sync_titles: list[QLabel] = []
        for key, title in (
            ("server", self.tr("Address")),
            ("store", self.tr("Store")),
            ("last_sync", self.tr("Last sync")),
            ("pending", self.tr("Waiting to send")),
        ):
            value = QLabel(objectName="fieldValue", wordWrap=True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.sync_labels[key] = value
            title_label = QLabel(title)
            self.sync_titles.append(title_label)
            status.addRow(title_label, value)
        column.addLayout(status)
        column.addWidget(_heading(self.tr("Enrol this counter")))
        column.addWidget(
            _caption(
                self.tr(
                    "The server's administrator gives a one-time code for this counter. Enrolling joins the counter to the chain: "
                    "its members, points and coupons then sync with the server."
                )
            )
        )
        enrol_form = QFormLayout()
        enrol_form.setHorizontalSpacing(16)
        enrol_form.setVerticalSpacing(8)
        self.server_edit = QLineEdit(maxLength=200, clearButtonEnabled=True)
        self.server_edit.setFixedWidth(FIELD_WIDTH)
        self.server_edit.setPlaceholderText("http://10.0.0.5:8700")
        self.server_edit.setToolTip(self.tr("The central server's address, starting with http:// or https://"))
        self.code_edit = QLineEdit(maxLength=40)
        self.code_edit.setPlaceholderText("K7QX-M2PD")
        self.code_edit.setToolTip(self.tr("The one-time enrolment code from the server's administrator; Enter enrols"))
        self.code_edit.setFixedWidth(NUMBER_WIDTH + 40)
        self.enrol_button = QPushButton(self.tr("&Enrol"), objectName="secondaryButton", autoDefault=False)
        self.enrol_button.setToolTip(self.tr("Enrol this counter with the server now (Alt+E)"))
        self.enrol_button.clicked.connect(self.enrol)
        self.server_edit.installEventFilter(self)
        self.code_edit.installEventFilter(self)
        server_label = QLabel(self.tr("Se&rver address"))
        server_label.setBuddy(self.server_edit)
        code_label = QLabel(self.tr("&Code"))
        code_label.setBuddy(self.code_edit)
        self.sync_titles += [server_label, code_label]
        enrol_form.addRow(server_label, self.server_edit)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit)
        code_row.addWidget(self.enrol_button)
        code_row.addStretch(1)
        enrol_form.addRow(code_label, code_row)
        column.addLayout(enrol_form)
        self.enrol_message = _caption()
        self.enrol_message.setVisible(False)
        column.addWidget(self.enrol_message)
        return box

    # --- who may change -----------------------------------------------------------------------
    def _apply_authority(self) -> None:
        authority = self.authority
        editable = authority is not None
        for field in self.fields.values():
            field.widget.setEnabled(editable)
        self.restore_button.setEnabled(editable)
        for widget in (self.server_edit, self.code_edit, self.enrol_button):
            widget.setEnabled(editable)
        approved_by = authority.authorized_by if authority is not None else None
        self.banner.setVisible(not editable or approved_by is not None)
        if approved_by is not None:
            self.banner_label.setText(
                self.tr("%1 approved changes in this dialog; both names go into the audit log.").replace(
                    "%1", approved_by
                )
            )
            self.approve_button.setVisible(False)
        self.revalidate()

    def ask_administrator(self) -> None:
        dialog = OverrideDialog(self.desk, "settings.change", Permission.SETTINGS, parkable=False, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.actor is not None:
            self.authority = dialog.actor
            self._apply_authority()

    # --- checking and saving ------------------------------------------------------------------
    def changes(self) -> dict[str, Any]:
        """The settings whose value on screen differs from the one in force (all of them valid)."""
        found = {}
        for key, field in self.fields.items():
            if field.problem() is None and field.value() != getattr(self.desk.settings, key):
                found[key] = field.value()
        return found

    def problems(self) -> dict[str, str]:
        return {key: problem for key, field in self.fields.items() if (problem := field.problem())}

    def revalidate(self, *_args: Any) -> None:
        if not hasattr(self, "save_button"):
            return  # still being built
        problems = self.problems()
        for key, field in self.fields.items():
            field.show_problem(problems.get(key))
        for row in range(self.page_list.count()):
            item = self.page_list.item(row)
            wrong = any(self.fields[key].page == item.data(Qt.ItemDataRole.UserRole) for key in problems)
            item.setForeground(QBrush(QColor("#c62828")) if wrong else QBrush())
        changes = self.changes()
        if problems:
            self.state_label.setText(
                self.tr("Correct the fields marked in red to save (%1).").replace("%1", str(len(problems)))
            )
        elif changes:
            self.state_label.setText(self.tr("%1 changed, not saved yet.").replace("%1", str(len(changes))))
        else:
            self.state_label.setText("")
        self.save_button.setEnabled(self.authority is not None and not problems and bool(changes) and not self._saving)

    def save(self) -> None:
        authority = self.authority
        if not self.save_button.isEnabled() or authority is None:  # enabled only while someone may change
            return
        changes = self.changes()

        def work() -> config.Settings:
            with self.desk.acting_as(authority):
                return change_settings(self.desk, changes)

        self._saving = True
        self.save_button.setEnabled(False)
        self.message.setVisible(False)
        Op(self, work).success(self._saved).failure(self._save_failed).run()

    def _saved(self, settings: config.Settings) -> None:
        self._saving = False
        self.settings_changed.emit(settings)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.message.setText(
            error.message()
            if isinstance(error, DeskError)
            else self.tr(
                "The settings could not be saved; nothing was changed. Try again, and see the log if it happens again."
            )
        )
        self.message.setVisible(True)
        self.revalidate()

    def restore_defaults(self) -> None:
        """The current page's settings back to their defaults, on screen only until Save."""
        group = self.page_list.currentItem().data(Qt.ItemDataRole.UserRole)
        for field in self.fields.values():
            if field.page == group:
                field.write(field.setting.default)
        self.revalidate()

    def _step_page(self, step: int) -> None:
        self.page_list.setCurrentRow((self.page_list.currentRow() + step) % self.page_list.count())

    def show_page(self, group: str) -> None:
        self.page_list.setCurrentRow([key for key, _title in config.GROUPS].index(group))

    # --- the central server -------------------------------------------------------------------
    def refresh_sync_status(self) -> None:
        Op(self, lambda: sync.sync_status(self.desk)).success(self._show_sync_status).failure(
            lambda error: self._show_enrol_message(error, failed=True)
        ).run()

    def _show_sync_status(self, status: sync.SyncStatus) -> None:
        if not status.enrolled:
            self.sync_labels["server"].setText(
                self.tr("Not enrolled: this counter works on its own, with its own members.")
            )
            for key in ("store", "last_sync"):
                self.sync_labels[key].setText("—")
        else:
            self.sync_labels["server"].setText(status.server or "")
            self.sync_labels["store"].setText(status.store or "")
            self.sync_labels["last_sync"].setText(
                (status.last_sync or "")[:16].replace("T", " ") or self.tr("Never yet")
                if not status.last_error
                else self.tr("Failed: %1").replace("%1", status.last_error)
            )
        self.sync_labels["pending"].setText(
            self.tr("%1 operations").replace("%1", str(status.pending)) if status.pending else self.tr("Nothing")
        )
        if status.server and not self.server_edit.text():
            self.server_edit.setText(status.server)

    def enrol(self) -> None:
        if self.authority is None:
            return
        server, code, authority = self.server_edit.text(), self.code_edit.text(), self.authority

        def work() -> sync.EnrolResult:
            with self.desk.acting_as(authority):
                return sync.enroll(self.desk, server, code)

        self.enrol_button.setEnabled(False)
        self._show_enrol_message(self.tr("Asking the server at %1…").replace("%1", server.strip()))
        Op(self, work).success(self._enrolled).failure(lambda error: self._show_enrol_message(error, failed=True)).run()

    def _enrolled(self, result: sync.EnrolResult) -> None:
        self.enrol_button.setEnabled(self.authority is not None)
        self.code_edit.clear()
        self._show_enrol_message(
            self.tr("Enrolled with %1 as counter %2. The counter now syncs with the server.")
            .replace("%1", result.store)
            .replace("%2", str(result.counter_no))
        )
        # Enrolment set the counter's number (and maybe the store's name): fields the clerk left alone follow it.
        for key, field in self.fields.items():
            if field.problem() is None and field.value() == getattr(self._shown, key):
                field.write(getattr(self.desk.settings, key))
        self._shown = self.desk.settings
        self.refresh_sync_status()
        self.revalidate()

    def _show_enrol_message(self, message: str | BaseException, failed: bool = False) -> None:
        if isinstance(message, BaseException):
            self.enrol_button.setEnabled(self.authority is not None)
            message = (
                message.message()
                if isinstance(message, DeskError)
                else self.tr("Something unexpected went wrong; try again, and see the log if it happens again.")
            )
        self.enrol_message.setText(message)
        self.enrol_message.setProperty("role", "fieldError" if failed else "")
        self.enrol_message.setObjectName("" if failed else "fieldCaption")
        self.enrol_message.style().unpolish(self.enrol_message)
        self.enrol_message.style().polish(self.enrol_message)
        self.enrol_message.setVisible(True)

    # --- closing ------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        # Enter in the enrolment fields enrols; everywhere else it is the default button's (Save).
        if (
            watched in (self.server_edit, self.code_edit)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.enrol()
            return True
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        self.camera_check.stop()  # the camera is never left open behind a closed dialog
        super().done(result)


def screenshot_page(desk: Desk, window: QWidget, page: str) -> QPixmap:
    """`counter-app screenshot settings`: the Printer page, with a store's network printer typed in (never saved)."""
    if desk.session is None:
        raise auth.NotSignedIn(
            QT_TRANSLATE_NOOP(
                "Errors", "The settings are an administrator's: give --staff, with the PIN in COUNTER_PIN."
            )
        )
    if not desk.settings.printer_uri:
        desk.settings = desk.settings.with_value("printer_uri", SCREENSHOT_PRINTER)  # for this picture; never saved
    dialog = SettingsDialog(desk, window)
    dialog.show_page("printer")
    dialog.resize(1000, 760)
    dialog.show()
    for _ in range(5):
        QApplication.processEvents()
    return dialog.grab()
