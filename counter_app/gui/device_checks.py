"""Proof that the desk's devices work, shared by the first-run wizard and the settings: the receipt printer and the camera."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app import config
from counter_app.devices.printer import parse_printer_uri
from counter_app.domain import codes
from counter_app.domain.errors import DeskError
from counter_app.gui.camera import PREVIEW_WIDTH, CameraRun
from counter_app.gui.tasks import Op
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import printing
from counter_app.services.desk import Desk

FIELD_WIDTH = 420  # an address fits; the settings dialog's text fields are as wide
PRINTER_EXAMPLES = (
    "tcp://192.168.1.50:9100",
    "usb://0416:5011",
    "serial:///dev/ttyUSB0?baud=9600",
    "file:///dev/usb/lp0",
    "lp://receipts",
)

# What a printer's state means at the counter, in a few words; "%1" is the printer's address.
PRINTER_WORDS = {
    "ready": QT_TRANSLATE_NOOP("DeviceChecks", "Ready: the printer at %1 answers and has paper."),
    "unknown": QT_TRANSLATE_NOOP(
        "DeviceChecks", "Connected to %1; this printer cannot report paper or cover, so print a test page to be sure."
    ),
    "paper_out": QT_TRANSLATE_NOOP("DeviceChecks", "Out of paper — load a roll into the printer at %1."),
    "cover_open": QT_TRANSLATE_NOOP("DeviceChecks", "The cover of the printer at %1 is open — close it."),
    "offline": QT_TRANSLATE_NOOP("DeviceChecks", "The printer at %1 is offline: check its power and its error light."),
    "unreachable": QT_TRANSLATE_NOOP(
        "DeviceChecks", "Cannot reach %1; check the cable and the address, and that the printer is on."
    ),
    "no_answer": QT_TRANSLATE_NOOP("DeviceChecks", "The printer at %1 does not answer; switch it off and on again."),
}

# What a code held up to the camera is, never what it says (a member's code is a credential).
CODE_KINDS = {
    "MD": QT_TRANSLATE_NOOP("DeviceChecks", "a member's code from the phone"),
    "MC": QT_TRANSLATE_NOOP("DeviceChecks", "a printed member card"),
    "CP": QT_TRANSLATE_NOOP("DeviceChecks", "a coupon"),
    "EV": QT_TRANSLATE_NOOP("DeviceChecks", "an event ticket"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeviceChecks", text)


def setting_label(key: str) -> str:
    """A setting's name as config.SETTINGS declares it, in the desk's language."""
    return QCoreApplication.translate("Settings", config.setting_for(key).label)


def choice_names(key: str) -> list[tuple[str, object]]:
    """A setting's choices with their human names, in the order the settings declare them."""
    setting = config.setting_for(key)
    names = setting.choice_names or tuple(str(value) for value in setting.choices)
    return [
        (QCoreApplication.translate("Settings", name), value)
        for name, value in zip(names, setting.choices, strict=True)
    ]


def _error_text(error: BaseException) -> str:
    return (
        error.message()
        if isinstance(error, DeskError)
        else QCoreApplication.translate(
            "DeviceChecks", "Something unexpected went wrong; try again, and see the log if it happens again."
        )
    )


def _set_role(label: QLabel, role: str) -> None:
    """Error text is red (the stylesheet's fieldError); everything else reads as a plain caption."""
    label.setProperty("role", role)
    label.setObjectName("" if role == "fieldError" else "fieldCaption")
    label.style().unpolish(label)
    label.style().polish(label)


def printer_words(state: str, uri: str) -> str:
    return _tr(PRINTER_WORDS.get(state, PRINTER_WORDS["unknown"])).replace("%1", uri)


def code_kind(text: str) -> str:
    """What kind of code was read, for the clerk: member code, card, coupon, ticket, or plain text."""
    payload = text.strip()
    if codes.code_shaped(payload):
        kind = CODE_KINDS.get(payload[:2])
        return _tr(kind) if kind else QCoreApplication.translate("DeviceChecks", "a code of another system")
    return QCoreApplication.translate(
        "DeviceChecks", "plain text of %1 characters (a printed barcode or a phone number)"
    ).replace("%1", str(len(payload)))


class PrinterCheck(QWidget):
    """Where the receipt printer is, and proof it prints: address, paper width, check and test page."""

    changed = Signal()  # the address or paper width was edited
    printed = Signal(bool)  # a test page went out (True) or failed (False)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="printerCheck")
        self.desk = desk
        self._busy = False
        self.uri_edit = QLineEdit(
            maxLength=300, clearButtonEnabled=True, minimumWidth=FIELD_WIDTH, maximumWidth=FIELD_WIDTH + 120
        )
        self.uri_edit.setPlaceholderText(PRINTER_EXAMPLES[0])
        self.uri_edit.setToolTip(
            self.tr("Where the receipt printer is; pick an example from the list (Down arrow) and change it")
        )
        completer = QCompleter(list(PRINTER_EXAMPLES), self.uri_edit)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.uri_edit.setCompleter(completer)
        QShortcut(
            QKeySequence(Qt.Key.Key_Down), self.uri_edit, completer.complete, context=Qt.ShortcutContext.WidgetShortcut
        )
        examples = QLabel(objectName="fieldCaption", wordWrap=True)
        # A fixed width: a wrapped caption with only a maximum is given the height of a wider one, and its last line is cut.
        examples.setFixedWidth(FIELD_WIDTH + 120)
        examples.setTextFormat(Qt.TextFormat.PlainText)
        examples.setText(
            self.tr(
                "Network: tcp://192.168.1.50:9100 · USB: usb://VID:PID (e.g. usb://0416:5011) · serial: serial:///dev/ttyUSB0?baud=9600 · "
                "device file: file:///dev/usb/lp0 · system queue: lp://QUEUE. Empty: no printer."
            )
        )
        examples.setMinimumHeight(examples.heightForWidth(FIELD_WIDTH + 120))
        self.paper_combo = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
        for name, mm in choice_names("printer_paper_mm"):
            self.paper_combo.addItem(name, mm)
        self.paper_combo.setToolTip(self.tr("The width of the paper roll; measure it if unsure"))
        self.check_button = QPushButton(self.tr("&Check printer"), objectName="secondaryButton")
        self.check_button.setToolTip(self.tr("Ask the printer at this address whether it is ready (Alt+C)"))
        self.check_button.clicked.connect(self.check_now)
        self.print_button = QPushButton(self.tr("Print &test page"), objectName="secondaryButton")
        self.print_button.setToolTip(self.tr("Print a test page at this address now, even before saving (Alt+T)"))
        self.print_button.clicked.connect(self.print_test_page)
        self.status_label = QLabel(objectName="fieldCaption", wordWrap=True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setMinimumHeight(24)
        self.status_label.setMaximumWidth(FIELD_WIDTH + 120)

        self.form = form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(16)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.address_label = address_label = QLabel(setting_label("printer_uri"))
        address_label.setBuddy(self.uri_edit)
        address_box = QVBoxLayout()
        address_box.setSpacing(2)
        address_box.addWidget(self.uri_edit, 0, Qt.AlignmentFlag.AlignLeft)
        address_box.addWidget(examples)
        form.addRow(address_label, address_box)
        self.paper_label = paper_label = QLabel(setting_label("printer_paper_mm"))
        paper_label.setBuddy(self.paper_combo)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper_combo)
        paper_row.addStretch(1)
        form.addRow(paper_label, paper_row)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 4, 0, 0)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        proof = QVBoxLayout()
        proof.setSpacing(6)
        proof.addLayout(buttons)
        proof.addWidget(self.status_label)
        form.addRow(QLabel(), proof)  # under the fields, not under their names
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)

        self.uri_edit.textChanged.connect(self._edited)
        self.paper_combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.set_uri(desk.settings.printer_uri)
        self.set_paper_mm(desk.settings.printer_paper_mm)

    # --- values -------------------------------------------------------------------------------
    def uri(self) -> str:
        return self.uri_edit.text().strip()

    def set_uri(self, uri: str) -> None:
        self.uri_edit.setText(uri or "")
        self._show_address()

    def paper_mm(self) -> int:
        return int(self.paper_combo.currentData())

    def set_paper_mm(self, mm: int) -> None:
        index = self.paper_combo.findData(int(mm))
        self.paper_combo.setCurrentIndex(index if index >= 0 else 0)

    def address_error(self) -> str | None:
        """Why the typed address is not one, in the clerk's language; None when it is one (or empty)."""
        if not self.uri():
            return None
        try:
            parse_printer_uri(self.uri())
        except DeskError as error:
            return error.message()
        return None

    # --- checks -------------------------------------------------------------------------------
    def check_now(self) -> None:
        """Ask the printer at uri() for its status (in the background) and say it in status_label."""
        uri = self._usable_uri()
        if uri is None:
            return
        self._start(self.tr("Asking the printer at %1…").replace("%1", uri))
        trial = self._trial_desk(uri)
        Op(self, lambda: printing.check_printer(trial, uri)).success(lambda state: self._checked(state, uri)).failure(
            self._check_failed
        ).run()

    def print_test_page(self) -> None:
        """Print the test page to uri() now (in the background), before the address is saved; emits printed."""
        uri = self._usable_uri()
        if uri is None:
            self.printed.emit(False)
            return
        self._start(self.tr("Printing a test page at %1…").replace("%1", uri))
        trial = self._trial_desk(uri)

        Op(self, lambda: printing.print_test_page(trial, uri)).success(
            lambda outcome: self._test_page_done(outcome, uri)
        ).failure(self._test_page_failed).run()

    def _trial_desk(self, uri: str) -> Desk:
        """The desk as it would be with the typed address and paper: the wizard tests a printer before saving it."""
        settings = self.desk.settings.with_value("printer_uri", uri).with_value("printer_paper_mm", self.paper_mm())
        return dataclasses.replace(self.desk, settings=settings)

    def _usable_uri(self) -> str | None:
        if not self.uri():
            self._say(self.tr("Type the printer's address first, e.g. tcp://192.168.1.50:9100."), error=True)
            return None
        error = self.address_error()
        if error:
            self._say(error, error=True)
            return None
        return parse_printer_uri(self.uri()).uri

    def _start(self, text: str) -> None:
        self._busy = True
        self._say(text)
        self._enable()

    def _finish(self) -> None:
        self._busy = False
        self._enable()

    def _checked(self, state: printing.PrinterState, uri: str) -> None:
        self._finish()
        self._say(printer_words(state.state, uri), error=state.state not in ("ready", "unknown"))

    def _check_failed(self, error: BaseException) -> None:
        self._finish()
        self._say(_error_text(error), error=True)

    def _test_page_done(self, outcome: printing.TestPageOutcome, uri: str) -> None:
        self._finish()
        if outcome.printed:
            self._say(
                self.tr(
                    "The test page went out to %1. Check that it came out whole, Chinese characters and QR code included."
                ).replace("%1", uri)
            )
            self.printed.emit(True)
            return
        # Sent outside the queue: nothing waits to print later, so the clerk fixes the printer and tries again.
        self._say(
            printer_words(outcome.state, uri) + " " + self.tr("Fix it and print the test page again."), error=True
        )
        self.printed.emit(False)

    def _test_page_failed(self, error: BaseException) -> None:
        self._finish()
        self._say(_error_text(error), error=True)
        self.printed.emit(False)

    # --- showing ------------------------------------------------------------------------------
    def _edited(self) -> None:
        self._show_address()
        self.changed.emit()

    def _show_address(self) -> None:
        error = self.address_error()
        if error:
            self._say(error, error=True)
        elif not self.uri():
            self._say(self.tr("No printer: receipts are not printed until an address is set."))
        else:
            self._say(self.tr("Press Check printer to ask the printer, or print a test page."))
        self._enable()

    def _enable(self) -> None:
        usable = bool(self.uri()) and self.address_error() is None and not self._busy
        self.check_button.setEnabled(usable)
        self.print_button.setEnabled(usable)

    def _say(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        _set_role(self.status_label, "fieldError" if error else "caption")


class CameraCheck(QWidget):
    """Which camera the counter uses, and proof it reads a code: live preview and the last code read."""

    decoded = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="cameraCheck")
        self.desk = desk
        self._run: CameraRun | None = None
        self._failed = False
        self._read = 0
        self.source_edit = QLineEdit(
            maxLength=300, clearButtonEnabled=True, minimumWidth=FIELD_WIDTH, maximumWidth=FIELD_WIDTH + 120
        )
        self.source_edit.setPlaceholderText("0")
        self.source_edit.setToolTip(
            self.tr("The camera's number (0 is the first), a device path such as /dev/video0, or a video file")
        )
        self.test_button = QPushButton(self.tr("Test ca&mera"), objectName="secondaryButton", checkable=True)
        self.test_button.setToolTip(self.tr("Start or stop the camera and hold a member's code up to it (Alt+M)"))
        self.test_button.toggled.connect(lambda on: self.start() if on else self.stop())
        self.preview = QLabel(objectName="cameraPreview", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 3 // 4)
        self.preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.preview.setStyleSheet("QLabel#cameraPreview { background: #1f2933; color: #c9d6ee; border-radius: 8px; }")
        self.preview.setText(self.tr("Camera off"))
        self.status_label = QLabel(objectName="fieldCaption", wordWrap=True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setMinimumHeight(24)

        self.source_label = source_label = QLabel(setting_label("camera"))
        source_label.setBuddy(self.source_edit)
        hint = QLabel(
            self.tr(
                "0 for the first camera, 1 for the second, a device path (/dev/video0) or a video file. Empty: no camera; the handheld scanner still works."
            ),
            objectName="fieldCaption",
            wordWrap=True,
        )
        hint.setFixedWidth(FIELD_WIDTH + 120)  # as the printer's examples: the whole caption, never its last line cut
        self.form = form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(16)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        field = QVBoxLayout()
        field.setSpacing(2)
        field.addWidget(self.source_edit, 0, Qt.AlignmentFlag.AlignLeft)
        field.addWidget(hint)
        form.addRow(source_label, field)
        side = QVBoxLayout()
        side.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.status_label)
        side.addStretch(1)
        self.status_label.setMaximumWidth(FIELD_WIDTH - 60)
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(14)
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(side, 1)
        form.addRow(QLabel(), row)  # under the field, not under its name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.source_edit.textChanged.connect(self._edited)
        self.set_source(desk.settings.camera)

    def source(self) -> str:
        return self.source_edit.text().strip()

    def set_source(self, source: str) -> None:
        self.source_edit.setText(source or "")
        self._edited()

    def running(self) -> bool:
        return self._run is not None

    def start(self) -> None:
        if self._run is not None:
            return
        source = self.source()
        if not source:
            self._say(self.tr("Type the camera first: 0 for the first camera."), error=True)
            self._set_toggle(False)
            return
        self._failed = False
        self._read = 0
        self._say(self.tr("Starting the camera %1… Hold a member's code up to it.").replace("%1", source))
        self._run = CameraRun(source, self)
        self._run.frame.connect(self._show_frame)
        self._run.decoded.connect(self._decoded)
        self._run.failed.connect(self._camera_failed)
        self._run.finished.connect(self._finished)
        self._set_toggle(True)
        self._run.start()

    def stop(self) -> None:
        """Safe at any time, also from closeEvent: stops the capture and waits for its thread."""
        if self._run is not None:
            self._run.stop()

    def _finished(self) -> None:
        if self._run is None:
            return
        self._run = None
        self._set_toggle(False)
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Camera off"))
        if not self._failed and not self._read:
            self._say(
                self.tr(
                    "The camera stopped before it read a code. Press Test camera and hold a code steady about 20 cm away."
                )
            )

    def _set_toggle(self, on: bool) -> None:
        self.test_button.blockSignals(True)
        self.test_button.setChecked(on)
        self.test_button.setText(self.tr("Stop ca&mera") if on else self.tr("Test ca&mera"))
        self.test_button.blockSignals(False)

    def _show_frame(self, image: QImage) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _decoded(self, text: str) -> None:
        self._read += 1
        self._say(self.tr("The camera works: it read %1.").replace("%1", code_kind(text)))
        self.decoded.emit(text)

    def _camera_failed(self, message: str) -> None:
        self._failed = True
        self._say(message, error=True)

    def _edited(self) -> None:
        if self._run is None:
            self.test_button.setEnabled(bool(self.source()))
            if not self.source():
                self._say(self.tr("No camera: members are scanned with the handheld scanner or looked up by phone."))
            else:
                self._say(self.tr("Press Test camera and hold a member's code up to it."))

    def _say(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        _set_role(self.status_label, "fieldError" if error else "caption")

    def closeEvent(self, event) -> None:
        self.stop()
        super().closeEvent(event)

    def hideEvent(self, event) -> None:
        self.stop()  # a camera left running behind a closed page or dialog keeps the device busy
        super().hideEvent(event)
