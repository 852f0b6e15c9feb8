"""The print queue: what waits for the printer and what it said, with preview, reprint, a manager's cancel, the test page and a printer check."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import DeskError
from counter_app.domain.staff import Permission
from counter_app.gui.guarded import run_guarded
from counter_app.gui.models import PrintJobsModel
from counter_app.gui.printer_status import PrinterController, advice
from counter_app.gui.receipt_preview import ReceiptPreviewDialog
from counter_app.gui.shortcuts import ENTER, Key, bind_button, cancel_button, with_key
from counter_app.gui.tasks import Op
from counter_app.services import printing
from counter_app.services.auth import NotSignedIn
from counter_app.services.desk import Desk

log = logging.getLogger(__name__)
REFRESH_MS = 2000  # while the dialog is open and something waits, the list follows the printer
WAITING = ("queued", "printing")


class PrintQueueDialog(QDialog):
    job_queued = Signal(object)  # printing.PrintJobInfo: wakes the print worker

    def __init__(self, desk: Desk, parent: QWidget | None = None, printer: PrinterController | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.printer = printer
        self.setWindowTitle(self.tr("Print queue"))
        self.resize(1180, 600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Print queue"), objectName="titleLabel"))
        top.addStretch()
        self.waiting_only = QCheckBox(self.tr("Waiting only"))
        self.waiting_only.toggled.connect(lambda _checked: self.refresh())
        top.addWidget(self.waiting_only)
        layout.addLayout(top)
        self.printer_line = QLabel(objectName="subtitleLabel", wordWrap=True)
        self.printer_line.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.printer_line)

        self.model = PrintJobsModel(self, zone=desk.now().tzinfo)
        self.table = QTableView(objectName="results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole text is in the tooltip
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PrintJobsModel.COLUMNS.index("reference"), QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PrintJobsModel.COLUMNS.index("printer_said"), QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(PrintJobsModel.COLUMNS.index("reference"), 160)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_buttons())
        self.table.activated.connect(lambda _index: self.preview_button.click())  # Enter on a row, as the button says
        layout.addWidget(self.table, 1)

        self.error = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.error)
        self.notice = QLabel(objectName="searchMessage", wordWrap=True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.notice)

        row = QHBoxLayout()
        self.refresh_button = self._button(
            self.tr("Refresh"), self.refresh, self.tr("Read the queue again"), Qt.Key.Key_F5
        )
        self.test_button = self._button(
            self.tr("Print test page"),
            self.print_test_page,
            self.tr("Both scripts, the paper's width, a QR code and the cut"),
            "Alt+T",
        )
        self.check_button = self._button(
            self.tr("Check printer"),
            self.check_printer,
            self.tr("Ask the printer now whether it has paper and its cover is closed"),
            "Alt+C",
        )
        for button in (self.refresh_button, self.test_button, self.check_button):
            row.addWidget(button)
        row.addStretch()
        self.preview_button: QPushButton = self._button(self.tr("Preview"), self.preview)
        self.preview_button.setToolTip(
            with_key(self.tr("The selected receipt as it prints"), ENTER)
        )  # Enter on the list's row
        self.reprint_button = self._button(
            self.tr("Reprint"), self.reprint, self.tr("Another copy of the selected receipt, stamped REPRINT"), "Ctrl+P"
        )
        self.cancel_button = self._button(
            self.tr("Cancel job…"),
            self.cancel_job,
            self.tr("Take a waiting receipt out of the queue (a manager; the reason is kept)"),
            Qt.Key.Key_Delete,
        )
        close = self._button(self.tr("Close"), self.reject)
        cancel_button(close, self.tr("Close the print queue"))
        for button in (self.preview_button, self.reprint_button, self.cancel_button, close):
            row.addWidget(button)
        layout.addLayout(row)

        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self._follow)
        if printer is not None:
            self.job_queued.connect(printer.queued)
            printer.state_changed.connect(self.show_printer)
            if printer.state is not None:
                self.show_printer(printer.state)
            else:
                printer.refresh()
        else:
            Op(self, lambda: printing.printer_state(desk)).success(self.show_printer).run()
        self._enable_buttons()
        self.refresh()
        self.table.setFocus()

    def _button(self, text: str, slot: Callable[[], object], tip: str = "", key: Key | None = None) -> QPushButton:
        button = QPushButton(text, objectName="secondaryButton", autoDefault=False)
        button.clicked.connect(slot)
        if key is not None:
            bind_button(self, button, key, tip)
        return button

    # --- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        waiting_only = self.waiting_only.isChecked()
        Op(self, lambda: printing.list_jobs(self.desk, waiting_only)).success(self.show_jobs).failure(
            self.show_error
        ).run()

    def _follow(self) -> None:
        if self.isVisible():
            self.refresh()

    def show_jobs(self, jobs: list[printing.PrintJobInfo]) -> None:
        selected = self.selected_job()
        self.model.set_jobs(jobs)
        if selected is not None and (row := self.model.row_of(selected.id)) is not None:
            self.select_row(row)
        self._enable_buttons()
        waiting = sum(job.status in WAITING for job in jobs)
        if waiting and not self._timer.isActive():
            self._timer.start()
        elif not waiting:
            self._timer.stop()
        if not jobs:
            self.notice.setText(
                self.tr("No receipt waits for the printer.")
                if self.waiting_only.isChecked()
                else self.tr("Nothing has been printed at this counter yet.")
            )
        elif not self.notice.text() or self.notice.property("counts"):
            self.notice.setText(
                self.tr("%1 waiting · %2 shown (newest first)")
                .replace("%1", str(waiting))
                .replace("%2", str(len(jobs)))
            )
            self.notice.setProperty("counts", True)

    def show_printer(self, state: printing.PrinterState) -> None:
        if not state.configured:
            self.printer_line.setText(advice(state))
            return
        text = self.tr("%1 · %2").replace("%1", advice(state)).replace("%2", state.uri)
        if state.waiting:
            text += "\n" + self.tr(
                "Waiting to print: %1. They print in order, by themselves, once the printer is ready."
            ).replace("%1", str(state.waiting))
        self.printer_line.setText(text)

    def selected_job(self) -> printing.PrintJobInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.job(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def select_job(self, job_id: int) -> bool:
        row = self.model.row_of(job_id)
        if row is not None:
            self.select_row(row)
        return row is not None

    def _enable_buttons(self) -> None:
        job = self.selected_job()
        self.preview_button.setEnabled(job is not None)
        self.reprint_button.setEnabled(job is not None)
        self.cancel_button.setEnabled(job is not None and job.status in WAITING)

    # --- actions ----------------------------------------------------------------------------
    def preview(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        dialog = ReceiptPreviewDialog(self.desk, job.reference, job.id, self)
        dialog.job_queued.connect(self._queued)
        dialog.exec()
        self.table.setFocus()

    def reprint(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        reference = job.reference
        self.reprint_button.setEnabled(False)
        Op(self, lambda: printing.reprint(self.desk, reference)).success(self._queued).failure(self.show_error).run()

    def print_test_page(self) -> None:
        self.test_button.setEnabled(False)
        Op(self, lambda: printing.queue_test_page(self.desk)).success(self._queued).failure(self.show_error).run()

    def check_printer(self) -> None:
        self.check_button.setEnabled(False)
        self.check_button.setText(self.tr("Checking…"))
        Op(self, lambda: printing.check_printer(self.desk)).success(self._checked).failure(self.show_error).run()

    def _checked(self, state: printing.PrinterState) -> None:
        self.check_button.setEnabled(True)
        self.check_button.setText(self.tr("Check printer"))
        self._say(self.tr("The printer says: %1").replace("%1", advice(state)))
        if self.printer is not None:
            self.printer.show_state(state)
            if state.waiting:
                self.printer.wake()  # paper loaded, cover closed: what waits goes out now
        else:
            self.show_printer(state)

    def ask_reason(self, job: printing.PrintJobInfo) -> str | None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Cancel print job %1").replace("%1", str(job.id)))
        dialog.setLabelText(
            self.tr(
                "Why is print job %1 taken out of the queue? The reason goes into the audit log; the receipt can be reprinted from the points history."
            ).replace("%1", str(job.id))
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("Cancel the job"))
        dialog.setCancelButtonText(self.tr("Keep it"))
        dialog.setMinimumWidth(460)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    def cancel_job(self) -> None:
        job = self.selected_job()
        if job is None or job.status not in WAITING:
            return
        reason = self.ask_reason(job)
        if reason is None:
            return
        if not reason.strip():
            self.show_error(None, self.tr("Give the reason the job is cancelled; it goes into the audit log."))
            return
        job_id = job.id
        run_guarded(
            self,
            self.desk,
            lambda: printing.cancel_job(self.desk, job_id, reason),
            self._cancelled,
            self.show_error,
            action="print.cancel",
            permission=Permission.APPROVE,
        )

    def _cancelled(self, job: printing.PrintJobInfo) -> None:
        self._say(
            self.tr("Print job %1 cancelled; reprint it from the points history when the member needs it.").replace(
                "%1", str(job.id)
            )
        )
        self.refresh()
        if self.printer is not None:
            self.printer.refresh()

    def _queued(self, job: printing.PrintJobInfo) -> None:
        self.test_button.setEnabled(True)
        self._say(
            self.tr("Sent to the printer as job %1.").replace("%1", str(job.id))
            if not job.copy_no
            else self.tr("Sent to the printer as job %1, stamped copy %2.")
            .replace("%1", str(job.id))
            .replace("%2", str(job.copy_no))
        )
        self.job_queued.emit(job)
        self.refresh()
        self.select_job(job.id)
        self._enable_buttons()

    def _say(self, text: str) -> None:
        self.error.setVisible(False)
        self.notice.setProperty("counts", False)
        self.notice.setText(text)

    def show_error(self, error: BaseException | None, text: str | None = None) -> None:
        if isinstance(error, NotSignedIn):
            self.reject()
            return
        if text is not None:
            pass
        elif isinstance(error, DeskError):
            text = error.message()
        else:
            log.error("print queue action failed", exc_info=error)
            text = self.tr("Something unexpected went wrong; nothing was changed. Try again.")
        self.error.setText(text)
        self.error.setVisible(True)
        self.test_button.setEnabled(True)
        self.check_button.setEnabled(True)
        self.check_button.setText(self.tr("Check printer"))
        self._enable_buttons()
