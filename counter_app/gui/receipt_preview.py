"""A receipt on screen exactly as it prints, dot for dot, on 58 or 80 mm paper; printed (or reprinted) from here."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import DeskError
from counter_app.gui.shortcuts import bind_button, cancel_button
from counter_app.gui.tasks import Op
from counter_app.services import printing
from counter_app.services.desk import Desk

log = logging.getLogger(__name__)
PAPERS = (80, 58)
DESK_GREY = "#d9dee5"  # the paper lies on this, so its white edge shows


def printed_before(desk: Desk, reference: str) -> bool:
    """Whether the receipt was queued before: then another copy is a stamped reprint."""
    return bool(printing.jobs_for(desk, reference))


class ReceiptPreviewDialog(QDialog):
    """The receipt of an operation (`reference`), or of one print job (`job_id`, with its copy stamp)."""

    job_queued = Signal(object)  # printing.PrintJobInfo

    def __init__(
        self,
        desk: Desk,
        reference: str | None = None,
        job_id: int | None = None,
        parent: QWidget | None = None,
        *,
        was_printed: bool | None = None,
        paper_mm: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.reference = reference
        self.job_id = job_id
        self.was_printed = True if job_id is not None else was_printed
        self.paper_mm = (
            paper_mm
            if paper_mm in PAPERS
            else (desk.settings.printer_paper_mm if desk.settings.printer_paper_mm in PAPERS else 80)
        )
        self._serial = 0
        self.setWindowTitle(self.tr("Receipt preview"))
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(QLabel(self.tr("Receipt preview"), objectName="titleLabel"))
        self.subtitle = QLabel(objectName="subtitleLabel", wordWrap=True)
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.subtitle)

        paper_row = QHBoxLayout()
        paper_row.addWidget(QLabel(self.tr("Paper width")))
        self.paper_buttons = QButtonGroup(self)
        for mm in PAPERS:
            button = QRadioButton(self.tr("%1 mm").replace("%1", str(mm)))
            button.setChecked(mm == self.paper_mm)
            self.paper_buttons.addButton(button, mm)
            paper_row.addWidget(button)
        self.paper_buttons.idToggled.connect(self._paper_toggled)
        paper_row.addStretch()
        printer_paper = desk.settings.printer_paper_mm
        self.printer_hint = QLabel(objectName="subtitleLabel")
        self.printer_hint.setText(
            self.tr("The printer is set to %1 mm paper.").replace("%1", str(printer_paper))
            if desk.settings.printer_uri
            else self.tr("No printer is set.")
        )
        paper_row.addWidget(self.printer_hint)
        layout.addLayout(paper_row)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        palette = self.scroll_area.viewport().palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(DESK_GREY))
        self.scroll_area.viewport().setPalette(palette)
        self.scroll_area.viewport().setAutoFillBackground(True)
        holder = QWidget()
        holder.setAutoFillBackground(False)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(16, 16, 16, 16)
        self.picture = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.picture.setText(self.tr("Drawing the receipt…"))
        shadow = QGraphicsDropShadowEffect(self.picture, blurRadius=18, xOffset=0, yOffset=3, color=QColor(0, 0, 0, 70))
        self.picture.setGraphicsEffect(shadow)
        holder_layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        holder_layout.addStretch()
        self.scroll_area.setWidget(holder)
        layout.addWidget(self.scroll_area, 1)

        self.error = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.notice = QLabel(objectName="subtitleLabel", wordWrap=True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        buttons.addWidget(self.notice, 1)
        close = QPushButton(self.tr("Close"), objectName="secondaryButton")
        close.clicked.connect(self.reject)
        cancel_button(close, self.tr("Close the preview"))
        self.print_button = QPushButton(objectName="primaryButton", default=True)
        self.print_button.clicked.connect(self.print_receipt)
        bind_button(
            self,
            self.print_button,
            QKeySequence("Ctrl+P"),
            self.tr("Send this receipt to the printer; a second copy is stamped REPRINT"),
        )
        buttons.addWidget(close)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        self._show_print_button()
        self.resize(720, 860)

        if job_id is not None:
            self.subtitle.setText(
                self.tr("Print job %1 · %2").replace("%1", str(job_id)).replace("%2", reference or "")
            )
        else:
            self.subtitle.setText(self.tr("Reference %1").replace("%1", reference or ""))
        self.show_paper(self.paper_mm)
        if self.was_printed is None and reference:
            ref = reference
            Op(self, lambda: printed_before(desk, ref)).success(self._found_printed).failure(self.show_error).run()

    # --- the picture ---------------------------------------------------------------------------
    def _paper_toggled(self, paper_mm: int, checked: bool) -> None:
        if checked:
            self.show_paper(paper_mm)

    def show_paper(self, paper_mm: int) -> None:
        self.paper_mm = paper_mm
        self._serial += 1
        serial, reference, job_id = self._serial, self.reference, self.job_id
        work = (
            (lambda: printing.preview(self.desk, job_id=job_id, paper_mm=paper_mm))
            if job_id is not None
            else (lambda: printing.preview(self.desk, reference=reference, paper_mm=paper_mm))
        )
        Op(self, work).success(lambda png: self._show_png(serial, png)).failure(self.show_error).run()

    def _show_png(self, serial: int, png: bytes) -> None:
        if serial != self._serial:
            return  # the clerk switched paper again meanwhile
        pixmap = QPixmap()
        if not pixmap.loadFromData(png, "PNG"):
            self.show_error(RuntimeError("the receipt preview is not a PNG"))
            return
        self.picture.setPixmap(pixmap)  # 1:1: what the clerk sees is what the printer's dots make
        self.picture.setFixedSize(pixmap.size())
        self.scroll_area.setMinimumWidth(
            pixmap.width() + 32 + self.scroll_area.verticalScrollBar().sizeHint().width() + 4
        )
        self.error.setVisible(False)

    def pixmap_width(self) -> int:
        pixmap = self.picture.pixmap()
        return 0 if pixmap is None or pixmap.isNull() else pixmap.width()

    # --- printing --------------------------------------------------------------------------------
    def _found_printed(self, printed: bool) -> None:
        self.was_printed = printed
        self._show_print_button()

    def _show_print_button(self) -> None:
        known = self.was_printed is not None and bool(self.reference)
        self.print_button.setEnabled(known and bool(self.desk.settings.printer_uri))
        self.print_button.setText(self.tr("Reprint") if self.was_printed else self.tr("Print"))

    def print_receipt(self) -> None:
        if not self.print_button.isEnabled():
            return
        reference, desk = self.reference, self.desk
        if reference is None:  # the button is enabled only for a known reference
            return
        self.print_button.setEnabled(False)
        self.error.setVisible(False)
        if self.was_printed:
            work = lambda: printing.reprint(desk, reference)  # noqa: E731 - chosen before it runs
        else:
            work = lambda: printing.queue_receipt(desk, reference)  # noqa: E731
        Op(self, work).success(self._queued).failure(self.show_error).run()

    def _queued(self, job: printing.PrintJobInfo) -> None:
        self.was_printed = True
        self._show_print_button()
        if job.copy_no:
            self.notice.setText(
                self.tr("Sent to the printer as job %1, stamped copy %2.")
                .replace("%1", str(job.id))
                .replace("%2", str(job.copy_no))
            )
        else:
            self.notice.setText(self.tr("Sent to the printer as job %1.").replace("%1", str(job.id)))
        self.job_queued.emit(job)

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            text = error.message()
        else:
            log.error("receipt preview failed", exc_info=error)
            text = self.tr("Something unexpected went wrong; nothing was printed. Try again.")
        self.error.setText(text)
        self.error.setVisible(True)
        if self.picture.pixmap() is None or self.picture.pixmap().isNull():
            self.picture.setText(self.tr("No preview"))
        self._show_print_button()
