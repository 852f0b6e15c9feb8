"""The first-run wizard: language, store and counter, the first administrator, the server, printer and camera."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from counter_app import i18n
from counter_app.devices.printer_emulator import PrinterEmulator
from counter_app.domain.errors import DeskError
from counter_app.domain.languages import LANGUAGE_NAMES
from counter_app.domain.staff import Actor
from counter_app.gui.app import install_translations
from counter_app.gui.device_checks import CameraCheck, PrinterCheck
from counter_app.gui.tasks import Op
from counter_app.paths import resources_dir
from counter_app.services import auth, first_run, sync
from counter_app.services.desk import Desk

EMULATOR_COMMAND = (
    ".venv/bin/python -m counter_app.devices.printer_emulator --port 9100"  # from the folder the desk was installed in
)
EMULATOR_URI = "tcp://127.0.0.1:9100"
WIZARD_SIZE = (860, 640)


def _error_label() -> QLabel:
    label = QLabel(wordWrap=True, visible=False)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", "fieldError")
    return label


def _say(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


def _caption(text: str = "") -> QLabel:
    label = QLabel(text, objectName="fieldCaption", wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _Page(QWizardPage):
    """A page that saves when it is left: the save runs in the background, Next waits, an error keeps the user here.

    Each page gives `retranslate()`, which sets its words; the wizard calls it on every language change.
    """

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.desk = wizard.desk
        self._busy = False
        self._passed = False
        self.message = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_title(self, text: str) -> None:
        self.plain_title = text
        self.setTitle(f'<span style="font-size: 16pt; font-weight: 600; color: #12326b;">{html.escape(text)}</span>')

    def owner(self) -> FirstRunWizard:
        return self.wizard()  # type: ignore[return-value]

    def renew_check(self, make) -> None:
        """The device checks set their words when made: after a language switch, make the check anew, keeping what was typed."""
        old = getattr(self, "check", None)
        if old is None or old.property("language") == i18n.language():
            return
        new = make()
        new.setProperty("language", i18n.language())
        layout = self.layout()
        assert layout is not None, "a wizard page with a check has its layout"
        layout.replaceWidget(old, new)
        old.stop() if hasattr(old, "stop") else None
        old.deleteLater()
        self.check = new

    def isComplete(self) -> bool:
        return not self._busy

    def initializePage(self) -> None:
        self._passed = False
        _say(self.message, None)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
        self.completeChanged.emit()

    def _leave_after(
        self, work: Callable[[], Any], done: Callable[[Any], bool | None] | None = None, busy_text: str = ""
    ) -> bool:
        """validatePage's body: run `work`; on success go on (unless `done` says False), on failure stay and say why."""
        if self._passed:
            return True
        if self._busy:
            return False
        self._set_busy(True)
        _say(self.message, None)
        if busy_text:
            self.show_busy(busy_text)

        def succeeded(result: Any) -> None:
            self._set_busy(False)
            if done is not None and done(result) is False:
                return
            self._passed = True
            # Leave from the event loop, not from inside validatePage, which is still on the stack here.
            QTimer.singleShot(0, self._go_on)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self.show_error(error)

        Op(self, work).success(succeeded).failure(failed).run()
        return False

    def _go_on(self) -> None:
        wizard = self.owner()
        if wizard.currentPage() is self:
            wizard.accept() if wizard.nextId() == -1 else wizard.next()
        # Left now: coming back with Back and pressing Next saves (or enrols) again, whatever was changed.
        self._passed = False

    def show_busy(self, text: str) -> None:
        pass

    def show_error(self, error: BaseException) -> None:
        _say(
            self.message,
            error.message()
            if isinstance(error, DeskError)
            else self.tr("Something unexpected went wrong; try again, and see the log if it happens again."),
        )


class WelcomePage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.language_combo = QComboBox()
        for code in i18n.LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES.get(code, code), code)
        index = self.language_combo.findData(i18n.language())
        self.language_combo.setCurrentIndex(max(index, 0))
        self.language_combo.currentIndexChanged.connect(lambda _index: wizard.switch_language(self.language()))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_combo)
        self.intro = QLabel(wordWrap=True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.steps = QLabel(wordWrap=True)
        self.steps.setTextFormat(Qt.TextFormat.PlainText)
        self.resume = _caption()
        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(self.intro)
        layout.addWidget(self.steps)
        layout.addStretch(1)
        layout.addWidget(self.resume)

    def language(self) -> str:
        return self.language_combo.currentData()

    def retranslate(self) -> None:
        self.set_title(self.tr("Welcome to the Member Service Desk"))
        self.setSubTitle(self.tr("Choose the language of the desk, then press Enter (Next) to set up this counter."))
        self.language_label.setText(self.tr("&Language"))
        self.intro.setText(
            self.tr(
                "This wizard sets up the desk in a few minutes: it names the store and this counter, creates the first "
                "administrator, connects the counter to the chain's central server or leaves it standalone, and tests the "
                "receipt printer and the camera. Every step can be changed later in the settings."
            )
        )
        self.steps.setText(
            "\n".join(
                (
                    self.tr("1. Store and counter names"),
                    self.tr("2. The first administrator"),
                    self.tr("3. Central server, or standalone"),
                    self.tr("4. Receipt printer, with a test page"),
                    self.tr("5. Camera for member codes"),
                )
            )
        )
        self.resume.setText(
            self.tr(
                "If the desk is closed before the end, setup carries on from the unfinished step at the next start."
            )
        )


class StorePage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        settings = self.desk.settings
        self.store_edit = QLineEdit(settings.store_name, maxLength=60, clearButtonEnabled=True)
        self.counter_edit = QLineEdit(settings.counter_name, maxLength=60, clearButtonEnabled=True)
        self.store_edit.setPlaceholderText("万象城")
        self.counter_edit.setPlaceholderText("1F 服务台")
        self.store_error, self.counter_error = _error_label(), _error_label()
        self.store_label, self.counter_label = QLabel(), QLabel()
        self.store_label.setBuddy(self.store_edit)
        self.counter_label.setBuddy(self.counter_edit)
        self.store_hint, self.counter_hint = _caption(), _caption()
        form = QFormLayout()
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, edit, hint, error in (
            (self.store_label, self.store_edit, self.store_hint, self.store_error),
            (self.counter_label, self.counter_edit, self.counter_hint, self.counter_error),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(hint)
            column.addWidget(error)
            column.addSpacing(10)
            form.addRow(label, column)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setTabOrder(self.store_edit, self.counter_edit)

    def retranslate(self) -> None:
        self.set_title(self.tr("Store and counter"))
        self.setSubTitle(
            self.tr(
                "Type the store's name as customers know it, and a name for this counter. Both are shown on screen and printed on receipts."
            )
        )
        self.store_label.setText(self.tr("&Store name"))
        self.counter_label.setText(self.tr("&Counter name"))
        self.store_hint.setText(self.tr("Required, at most 40 characters, e.g. 万象城."))
        self.counter_hint.setText(self.tr("At most 40 characters, e.g. 1F 服务台; may stay empty."))

    def initializePage(self) -> None:
        super().initializePage()
        self.store_edit.setFocus()

    def values(self) -> tuple[str, str]:
        return first_run.check_store(self.store_edit.text(), self.counter_edit.text())

    def validatePage(self) -> bool:
        # Nothing is saved yet: the settings are saved by the administrator, on the next page.
        _say(self.store_error, None)
        _say(self.counter_error, None)
        try:
            self.values()
        except DeskError as error:
            fields = getattr(error, "fields", {})
            _say(self.store_error, fields["store_name"].message() if "store_name" in fields else None)
            _say(self.counter_error, fields["counter_name"].message() if "counter_name" in fields else None)
            (self.store_edit if "store_name" in fields else self.counter_edit).setFocus()
            return False
        return True


class AdminPage(_Page):
    """Creates the first administrator; after a crash mid-setup, signs that administrator in instead."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setCommitPage(True)  # the administrator exists once this page is left: no going back past it
        self.staff_edit = QLineEdit(maxLength=20)
        self.name_edit = QLineEdit(maxLength=40)
        self.pin_edit = QLineEdit(maxLength=64, echoMode=QLineEdit.EchoMode.Password)
        self.pin_again_edit = QLineEdit(maxLength=64, echoMode=QLineEdit.EchoMode.Password)
        self.staff_edit.setPlaceholderText("A001")
        self.name_edit.setPlaceholderText("王经理")
        self.staff_label, self.name_label, self.pin_label, self.pin_again_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.errors = {key: _error_label() for key in ("staff_id", "name", "pin", "pin_again")}
        self.pin_hint = _caption()
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        row = 0
        for key, label, edit in (
            ("staff_id", self.staff_label, self.staff_edit),
            ("name", self.name_label, self.name_edit),
            ("pin", self.pin_label, self.pin_edit),
            ("pin_again", self.pin_again_label, self.pin_again_edit),
        ):
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            if key == "pin":
                row += 1
                grid.addWidget(self.pin_hint, row, 1)
            grid.addWidget(self.errors[key], row + 1, 1)
            grid.setRowMinimumHeight(row + 2, 10)
            self.rows[key] = (label, edit)
            row += 3
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.busy_label = _caption()
        layout.addWidget(self.busy_label)
        for first, second in (
            (self.staff_edit, self.name_edit),
            (self.name_edit, self.pin_edit),
            (self.pin_edit, self.pin_again_edit),
        ):
            self.setTabOrder(first, second)
        self.creating = True

    def retranslate(self) -> None:
        if self.creating:
            self.set_title(self.tr("The first administrator"))
            self.setSubTitle(
                self.tr(
                    "Create the administrator's account. Administrators add the other staff and change the settings; keep the PIN safe."
                )
            )
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create administrator"))
        else:
            self.set_title(self.tr("Sign in to carry on"))
            self.setSubTitle(
                self.tr(
                    "The administrator was created before setup stopped. Sign in with the administrator's PIN to finish setting up."
                )
            )
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Sign in"))
        self.staff_label.setText(self.tr("Staff &ID"))
        self.name_label.setText(self.tr("&Name"))
        self.pin_label.setText(self.tr("&PIN"))
        self.pin_again_label.setText(self.tr("PIN &again"))
        self.pin_hint.setText(
            self.tr("4 to 12 digits (not all one digit, not a run such as 1234), or a password of 8 to 64 characters.")
        )

    def initializePage(self) -> None:
        super().initializePage()
        progress = first_run.progress(self.desk)
        self.creating = not progress.has_staff
        for key in ("name", "pin_again"):
            for widget in self.rows[key]:
                widget.setVisible(self.creating)
        self.pin_hint.setVisible(self.creating)
        if not self.creating and progress.admin_id and not self.staff_edit.text():
            self.staff_edit.setText(progress.admin_id)
        self.retranslate()
        # After the page is on screen: the wizard gives its first field the focus when it shows the page.
        QTimer.singleShot(
            0, (self.pin_edit if self.staff_edit.text() and not self.creating else self.staff_edit).setFocus
        )

    def show_busy(self, text: str) -> None:
        self.busy_label.setText(text)

    def validatePage(self) -> bool:
        if self._passed:
            return True
        for label in self.errors.values():
            _say(label, None)
        if self.creating and self.pin_edit.text() != self.pin_again_edit.text():
            _say(self.errors["pin_again"], self.tr("The two PINs differ; type them again."))
            self.pin_again_edit.clear()
            self.pin_again_edit.setFocus()
            return False
        wizard = self.owner()
        store_name, counter_name = wizard.store_page.values()
        staff_id, name, pin, creating = (
            self.staff_edit.text(),
            self.name_edit.text(),
            self.pin_edit.text(),
            self.creating,
        )
        language = wizard.welcome_page.language()

        def work() -> Actor:
            actor = (
                first_run.create_admin(self.desk, staff_id, name, pin)
                if creating
                else auth.sign_in(self.desk, staff_id, pin)
            )
            if "store" not in first_run.progress(self.desk).done:
                first_run.save_step(
                    self.desk, "store", {"store_name": store_name, "counter_name": counter_name, "language": language}
                )
            return actor

        def done(actor: Actor) -> None:
            wizard.actor = actor
            self.busy_label.clear()

        busy = self.tr("Creating the administrator…") if creating else self.tr("Signing in…")
        return self._leave_after(work, done, busy)

    def show_error(self, error: BaseException) -> None:
        self.busy_label.clear()
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        if self.desk.session is not None:
            self.owner().actor = self.desk.session  # signed in, but the store's names were not saved: Next tries again
        fields = getattr(error, "fields", {}) if isinstance(error, DeskError) else {}
        if fields:
            for key, field_error in fields.items():
                if key in self.errors:
                    _say(self.errors[key], field_error.message())
            first = next((key for key in ("staff_id", "name", "pin") if key in fields), "pin")
            self.rows[first][1].setFocus()
        else:
            super().show_error(error)
            self.pin_edit.setFocus()
        if self.creating and first_run.progress(self.desk).has_staff:
            self.initializePage()  # the account was made before the error: sign in with it now, never a second one
            super().show_error(error)


class ServerPage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.result: sync.EnrolResult | None = None
        self.standalone_radio = QRadioButton(checked=True)
        self.enrol_radio = QRadioButton()
        self.standalone_hint, self.enrol_hint = _caption(), _caption()
        self.server_edit = QLineEdit(maxLength=200, clearButtonEnabled=True)
        self.server_edit.setPlaceholderText("http://10.0.0.5:8700")
        self.code_edit = QLineEdit(maxLength=40)
        self.code_edit.setPlaceholderText("K7QX-M2PD")
        self.server_label, self.code_label = QLabel(), QLabel()
        self.server_label.setBuddy(self.server_edit)
        self.code_label.setBuddy(self.code_edit)
        self.enrol_button = QPushButton(objectName="secondaryButton")
        self.enrol_button.clicked.connect(self.enrol)
        self.status_label = _caption()
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_box = QWidget()
        form = QFormLayout(self.enrol_box)
        form.setContentsMargins(28, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.server_label, self.server_edit)
        form.addRow(self.code_label, self.code_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.standalone_radio)
        self.standalone_hint.setContentsMargins(28, 0, 0, 8)
        layout.addWidget(self.standalone_hint)
        layout.addWidget(self.enrol_radio)
        self.enrol_hint.setContentsMargins(28, 0, 0, 0)
        layout.addWidget(self.enrol_hint)
        layout.addWidget(self.enrol_box)
        self.status_label.setContentsMargins(28, 6, 0, 0)
        layout.addWidget(self.status_label)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.enrol_radio.toggled.connect(self._mode_changed)
        for first, second in (
            (self.standalone_radio, self.enrol_radio),
            (self.enrol_radio, self.server_edit),
            (self.server_edit, self.code_edit),
            (self.code_edit, self.enrol_button),
        ):
            self.setTabOrder(first, second)
        self._mode_changed()

    def retranslate(self) -> None:
        self.set_title(self.tr("Central server"))
        self.setSubTitle(
            self.tr(
                "A counter of a chain enrols with the central server to share members and points. A single store can stay standalone and enrol later."
            )
        )
        self.standalone_radio.setText(self.tr("Stay s&tandalone"))
        self.standalone_hint.setText(
            self.tr(
                "This counter keeps its members to itself. Enrol later under Settings › Server (Ctrl+,), or from the command line: counter-app enroll --server URL --code CODE."
            )
        )
        self.enrol_radio.setText(self.tr("&Enrol with the central server"))
        self.enrol_hint.setText(
            self.tr(
                "Ask the server's administrator for a one-time enrolment code (counter-server enroll-code --store NAME)."
            )
        )
        self.server_label.setText(self.tr("Server &address"))
        self.code_label.setText(self.tr("One-time c&ode"))
        self.enrol_button.setText(self.tr("Enrol &now"))
        self._show_result()

    def initializePage(self) -> None:
        super().initializePage()
        status = sync.sync_status(self.desk)
        if status.enrolled and self.result is None:
            # Enrolled before setup stopped: say so instead of asking for a new code.
            self.result = sync.EnrolResult(status.server or "", status.store or "", self.desk.settings.counter_no, "")
            self.enrol_radio.setChecked(True)
            self.server_edit.setText(status.server or "")
        self._mode_changed()
        (self.server_edit if self.enrol_radio.isChecked() else self.standalone_radio).setFocus()

    def enrolling(self) -> bool:
        return self.enrol_radio.isChecked()

    def _mode_changed(self) -> None:
        self.enrol_box.setEnabled(self.enrolling() and self.result is None and not self._busy)
        self.status_label.setVisible(self.enrolling())
        self._show_result()

    def _show_result(self) -> None:
        if self.result is not None:
            self.status_label.setText(
                self.tr("Enrolled with %1: store %2, counter number %3. Press Next to go on.")
                .replace("%1", self.result.server)
                .replace("%2", self.result.store)
                .replace("%3", str(self.result.counter_no))
            )
            self.status_label.setProperty("role", "caption")
        elif not self._busy:
            self.status_label.setText(self.tr("Type the address and the code, then press Enter to enrol."))

    def show_busy(self, text: str) -> None:
        self.status_label.setText(text)

    def enrol(self) -> None:
        if self.result is None and not self._busy:
            self.validatePage()

    def validatePage(self) -> bool:
        if self._passed:
            return True
        if not self.enrolling() or self.result is not None:
            return self._leave_after(lambda: first_run.save_step(self.desk, "server", {}))
        server, code = self.server_edit.text(), self.code_edit.text()

        def enrolled(result: sync.EnrolResult) -> bool:
            # The server's answer stays on screen: the IT person reads the store and counter number, then goes on.
            self.result = result
            self._mode_changed()
            self.standalone_radio.setEnabled(False)
            self.owner().button(QWizard.WizardButton.NextButton).setFocus()
            return False

        self.enrol_box.setEnabled(False)
        return self._leave_after(
            lambda: sync.enroll(self.desk, server, code),
            enrolled,
            self.tr("Enrolling with %1…").replace("%1", server.strip()),
        )

    def show_error(self, error: BaseException) -> None:
        super().show_error(error)
        self._mode_changed()
        self.code_edit.setFocus()
        self.code_edit.selectAll()


class PrinterPage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.check = PrinterCheck(self.desk)
        self.check.setProperty("language", i18n.language())
        self.skip_box = QCheckBox()
        self.skip_box.toggled.connect(lambda skip: self.check.setEnabled(not skip))
        self.emulator_hint = _caption()
        self.emulator_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.emulator_hint.setStyleSheet(
            "QLabel { background: #eef3fb; border-radius: 6px; padding: 8px 10px; color: #3e4c59; }"
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.check)
        layout.addWidget(self.emulator_hint)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setTabOrder(self.check.print_button, self.skip_box)

    def retranslate(self) -> None:
        self.renew_check(self._new_check)
        self.set_title(self.tr("Receipt printer"))
        self.setSubTitle(
            self.tr(
                "Type the printer's address and print a test page: it should come out whole, Chinese characters and QR code included."
            )
        )
        self.skip_box.setText(self.tr("S&kip: no printer at this counter"))
        self.emulator_hint.setText(
            self.tr(
                "No printer yet? Try the printer emulator: in a second terminal run %1, then type %2 here and print the test page."
            )
            .replace("%1", EMULATOR_COMMAND)
            .replace("%2", EMULATOR_URI)
        )

    def _new_check(self) -> PrinterCheck:
        check = PrinterCheck(self.desk)
        check.set_uri(self.check.uri())
        check.set_paper_mm(self.check.paper_mm())
        check.setEnabled(not self.skip_box.isChecked())
        self.setTabOrder(check.print_button, self.skip_box)
        return check

    def initializePage(self) -> None:
        super().initializePage()
        self.check.uri_edit.setFocus()

    def validatePage(self) -> bool:
        if self._passed:
            return True
        if self.skip_box.isChecked():
            return self._leave_after(lambda: first_run.save_step(self.desk, "printer", {"printer_uri": ""}))
        if not self.check.uri():
            _say(self.message, self.tr("Type the printer's address, or tick “Skip: no printer at this counter”."))
            self.check.uri_edit.setFocus()
            return False
        problem = self.check.address_error()
        if problem:
            _say(self.message, problem)
            self.check.uri_edit.setFocus()
            return False
        uri, paper = self.check.uri(), self.check.paper_mm()
        return self._leave_after(
            lambda: first_run.save_step(self.desk, "printer", {"printer_uri": uri, "printer_paper_mm": paper})
        )


class CameraPage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.check = CameraCheck(self.desk)
        self.check.setProperty("language", i18n.language())
        self.skip_box = QCheckBox()
        self.skip_box.toggled.connect(self._skip_toggled)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.check)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setTabOrder(self.check.test_button, self.skip_box)

    def retranslate(self) -> None:
        self.renew_check(self._new_check)
        self.set_title(self.tr("Camera"))
        self.setSubTitle(
            self.tr(
                "Type the camera (0 is the first), press Test camera and hold a member's code up to it. A counter with a handheld scanner only skips this."
            )
        )
        self.skip_box.setText(self.tr("S&kip: handheld scanner only"))

    def _new_check(self) -> CameraCheck:
        check = CameraCheck(self.desk)
        check.set_source(self.check.source())
        check.setEnabled(not self.skip_box.isChecked())
        self.setTabOrder(check.test_button, self.skip_box)
        return check

    def _skip_toggled(self, skip: bool) -> None:
        if skip:
            self.check.stop()
        self.check.setEnabled(not skip)

    def initializePage(self) -> None:
        super().initializePage()
        self.check.source_edit.setFocus()

    def validatePage(self) -> bool:
        if self._passed:
            return True
        if self.skip_box.isChecked():
            source = ""
        elif not self.check.source():
            _say(self.message, self.tr("Type the camera (0 for the first one), or tick “Skip: handheld scanner only”."))
            self.check.source_edit.setFocus()
            return False
        else:
            source = self.check.source()
        self.check.stop()
        return self._leave_after(lambda: first_run.save_step(self.desk, "camera", {"camera": source}))


class DonePage(_Page):
    KEYS = (
        ("F2", "Register a member"),
        ("F3", "Points for a purchase"),
        ("F4", "Redeem points"),
        ("F7", "Take a complaint"),
        ("Ctrl+L", "Lock the desk"),
    )

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.summary = QLabel(wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_title, self.keys_title = QLabel(objectName="sectionTitle"), QLabel(objectName="sectionTitle")
        self.keys_grid = QGridLayout()
        self.keys_grid.setHorizontalSpacing(18)
        self.key_labels: list[QLabel] = []
        for row, (key, _words) in enumerate(self.KEYS):
            cap = QLabel(key)
            cap.setStyleSheet(
                "QLabel { background: #ffffff; border: 1px solid #cfd6e0; border-radius: 5px; padding: 2px 8px; font-weight: 600; }"
            )
            words = QLabel()
            self.keys_grid.addWidget(cap, row, 0, Qt.AlignmentFlag.AlignLeft)
            self.keys_grid.addWidget(words, row, 1)
            self.key_labels.append(words)
        self.keys_grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(self.keys_title)
        layout.addLayout(self.keys_grid)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.set_title(self.tr("The desk is ready"))
        self.setSubTitle(
            self.tr("Check what was set, then press Finish (Enter) to open the desk, signed in as the administrator.")
        )
        self.summary_title.setText(self.tr("This counter"))
        self.keys_title.setText(self.tr("Keys to know"))
        words = (
            self.tr("Register a member"),
            self.tr("Points for a purchase"),
            self.tr("Redeem points"),
            self.tr("Take a complaint"),
            self.tr("Lock the desk when you step away"),
        )
        for label, text in zip(self.key_labels, words, strict=True):
            label.setText(text)
        self._fill_summary()

    def initializePage(self) -> None:
        super().initializePage()
        self._fill_summary()

    def _fill_summary(self) -> None:
        settings, wizard = self.desk.settings, self.owner()
        status = sync.sync_status(self.desk)
        none = self.tr("none")
        lines = [
            self.tr("Store: %1").replace("%1", settings.store_name or none),
            self.tr("Counter: %1 (number %2)")
            .replace("%1", settings.counter_name or none)
            .replace("%2", str(settings.counter_no)),
            self.tr("Administrator: %1 %2")
            .replace("%1", wizard.actor.staff_id if wizard.actor else "")
            .replace("%2", wizard.actor.name if wizard.actor else ""),
            self.tr("Central server: %1 (store %2)")
            .replace("%1", status.server or "")
            .replace("%2", status.store or "")
            if status.enrolled
            else self.tr("Central server: standalone"),
            self.tr("Printer: %1, %2 mm paper")
            .replace("%1", settings.printer_uri)
            .replace("%2", str(settings.printer_paper_mm))
            if settings.printer_uri
            else self.tr("Printer: none"),
            self.tr("Camera: %1").replace("%1", settings.camera)
            if settings.camera
            else self.tr("Camera: none (handheld scanner only)"),
        ]
        self.summary.setText("\n".join(lines))

    def validatePage(self) -> bool:
        return self._leave_after(lambda: first_run.finish_setup(self.desk))


class FirstRunWizard(QWizard):
    """After accept, `actor` is the signed-in first administrator."""

    WELCOME, STORE, ADMIN, SERVER, PRINTER, CAMERA, DONE = range(7)
    STEP_PAGES = {"store": STORE, "server": SERVER, "printer": PRINTER, "camera": CAMERA}

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.actor: Actor | None = None
        self.setObjectName("firstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setWindowIcon(QIcon(str(resources_dir() / "icons" / "counter-app.svg")))
        logo = QIcon(str(resources_dir() / "icons" / "counter-app.svg")).pixmap(56, 56)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, logo if not logo.isNull() else QPixmap())
        self.welcome_page = WelcomePage(self)
        self.store_page = StorePage(self)
        self.admin_page = AdminPage(self)
        self.server_page = ServerPage(self)
        self.printer_page = PrinterPage(self)
        self.camera_page = CameraPage(self)
        self.done_page = DonePage(self)
        self.pages = (
            self.welcome_page,
            self.store_page,
            self.admin_page,
            self.server_page,
            self.printer_page,
            self.camera_page,
            self.done_page,
        )
        for number, page in enumerate(self.pages):
            self.setPage(number, page)
        self.setTitleFormat(Qt.TextFormat.RichText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        for which, name in (
            (QWizard.WizardButton.NextButton, "primaryButton"),
            (QWizard.WizardButton.CommitButton, "primaryButton"),
            (QWizard.WizardButton.FinishButton, "primaryButton"),
            (QWizard.WizardButton.BackButton, "secondaryButton"),
            (QWizard.WizardButton.CancelButton, "secondaryButton"),
        ):
            button = self.button(which)
            button.setObjectName(name)
            button.setMinimumSize(110, 40)
            button.style().unpolish(button)  # polished when QWizard made it, under its own name
            button.style().polish(button)
        self.resize(*WIZARD_SIZE)
        self.setMinimumSize(720, 560)
        progress = first_run.progress(desk)
        # Resuming: the administrator exists, so sign in first; the store's names were saved, so start there.
        self.setStartId(self.ADMIN if progress.has_staff and "store" in progress.done else self.WELCOME)
        self.retranslate()

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.ADMIN:
            step = first_run.progress(self.desk).next_step() if self.actor is not None else "server"
            return self.STEP_PAGES.get(step or "", self.DONE) if step != "store" else self.SERVER  # none left: done
        return super().nextId()

    def switch_language(self, language: str) -> None:
        install_translations(QApplication.instance(), language)  # the LanguageChange that follows retranslates
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up the Member Service Desk"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        for page in getattr(self, "pages", ()):
            page.retranslate()


def run_wizard(desk: Desk) -> Actor | None:
    """Show the wizard until it is finished or cancelled; the signed-in administrator, or None on Cancel."""
    wizard = FirstRunWizard(desk)
    wizard.show()
    accepted = wizard.exec() == QWizard.DialogCode.Accepted
    actor = wizard.actor if accepted else None
    wizard.deleteLater()
    return actor


# ---- pictures for the README and review ---------------------------------------------------------

SCREENSHOT_ADMIN = ("A001", "王经理", "246813")


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _print_test_page_for_picture(check: PrinterCheck) -> None:
    """The printer page after a test page went out: to the printer emulator on port 9100, started for the
    picture when the port is free (otherwise to whatever printer listens there, as the README tells)."""
    try:
        emulator = PrinterEmulator(port=9100).start()
    except OSError:
        emulator = None
    try:
        check.print_test_page()  # tasks run synchronously while a picture is taken
    finally:
        if emulator is not None:
            emulator.stop()


def screenshot_page(desk: Desk, window: QWidget, page: str) -> QPixmap:
    """The wizard on one page with realistic values; pages after the administrator's make that account (on the
    screenshot's own data folder) so that they show what an IT person sees there. Settings are set in memory only."""
    name = page.removeprefix("wizard-")
    order = ("welcome", "store", "admin", "server", "printer", "camera", "done")
    number = order.index(name)
    settings = desk.settings
    for key, value in (("store_name", "万象城"), ("counter_name", "1F 服务台")):
        if not getattr(settings, key):
            settings = settings.with_value(key, value)
    if number > order.index("printer") and not settings.printer_uri:
        settings = settings.with_value("printer_uri", EMULATOR_URI)
    if number > order.index("camera") and not settings.camera:
        settings = settings.with_value("camera", "0")
    desk.settings = settings  # for these pictures; never saved
    staff_id, staff_name, pin = SCREENSHOT_ADMIN
    if number > order.index("admin") and desk.session is None:
        if not auth.has_staff(desk):
            first_run.create_admin(desk, staff_id, staff_name, pin)
        else:
            auth.sign_in(desk, staff_id, pin)
    wizard = FirstRunWizard(desk, window)
    wizard.actor = desk.session
    wizard.setStartId(number)
    wizard.restart()
    if name == "admin" and wizard.admin_page.creating:
        wizard.admin_page.staff_edit.setText(staff_id)
        wizard.admin_page.name_edit.setText(staff_name)
        wizard.admin_page.pin_edit.setText(pin)
        wizard.admin_page.pin_again_edit.setText(pin)
    elif name == "server":
        wizard.server_page.enrol_radio.setChecked(True)
        wizard.server_page.server_edit.setText("http://10.0.0.5:8700")
        wizard.server_page.code_edit.setText("K7QX-M2PD")
    elif name == "printer":
        wizard.printer_page.check.set_uri(EMULATOR_URI)
        wizard.show()
        _print_test_page_for_picture(wizard.printer_page.check)
    elif name == "camera":
        wizard.camera_page.check.set_source("0")
    wizard.show()
    _settle()
    if name == "server":
        wizard.server_page.code_edit.setFocus()
        _settle()
    picture = wizard.grab()
    wizard.deleteLater()
    return picture
