"""The receipt printer behind the desk: its print worker, receipts queued after operations, and the status bar's printer indicator."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from counter_app.domain.errors import DeskError
from counter_app.gui.shortcuts import DESK_KEYS, with_key
from counter_app.gui.tasks import Op
from counter_app.services import printing
from counter_app.services.desk import Desk

log = logging.getLogger(__name__)
WATCH_MS = 3000  # while receipts wait, the indicator re-reads the queue this often (a cheap count)
RECHECK_MS = (
    30_000  # a printer in trouble with nothing waiting is asked again this often (the worker only learns by printing)
)
TROUBLE = ("paper_out", "cover_open", "offline", "unreachable", "no_answer")  # the clerk has to do something

# How long the worker waits before trying a job again; tests replace it (their clock stands still).
retry_after: Callable[[int], float] = printing.backoff


def advice(state: printing.PrinterState) -> str:
    return QCoreApplication.translate("Printing", state.advice)


def headline(text: str) -> str:
    """What is wrong, without what to do: the advice's words before its colon (the status bar is narrow)."""
    for mark in ("：", ":"):
        if mark in text:
            return text.split(mark, 1)[0].strip()
    return text


class PrinterController(QObject):
    """The one adapter between the print worker (a plain thread) and the widgets: its reports come back
    here as `state_changed` on the GUI thread. Queues receipts after committed operations, off the GUI thread."""

    state_changed = Signal(object)  # printing.PrinterState
    problem = Signal(str)  # a sentence for the status bar: a receipt could not be queued
    job_queued = Signal(object)  # printing.PrintJobInfo

    def __init__(self, desk: Desk, parent: QObject, background: bool = True) -> None:
        super().__init__(parent)
        self.desk = desk
        self.background = background  # False: no print worker (a screenshot shows the queue, it prints nothing)
        self.worker: printing.PrintWorker | None = None
        self.state: printing.PrinterState | None = None
        self._watch = QTimer(self, interval=WATCH_MS)
        self._watch.timeout.connect(self.refresh)
        self._recheck = QTimer(self, interval=RECHECK_MS)
        self._recheck.timeout.connect(self.check_now)
        self._checking = False
        self.state_changed.connect(self._remember)

    # --- the worker ---------------------------------------------------------------------------
    def start(self) -> None:
        """Start printing in the background when a printer is set (again after the settings changed)."""
        if self.worker is None and self.background and self.desk.settings.printer_uri:
            self.worker = printing.PrintWorker(
                self.desk, on_change=self._from_worker, retry_after=lambda attempts: retry_after(attempts)
            )
            try:
                self.worker.start()
            except Exception as error:  # recovering the queue needs the store; the desk still works without a printer
                log.error("the print worker did not start", exc_info=error)
                self.worker = None
        self.refresh()

    def stop(self) -> None:
        self._watch.stop()
        self._recheck.stop()
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop()

    def wake(self) -> None:
        """A job was queued, or the printer may be back: print now."""
        if self.worker is None:
            self.start()
        if self.worker is not None:
            self.worker.wake()
        self.refresh()

    def _from_worker(self, state: printing.PrinterState) -> None:
        # On the print worker's thread: the signal is delivered queued, on the GUI thread.
        if shiboken6.isValid(self):
            self.state_changed.emit(state)

    # --- what the printer is doing ------------------------------------------------------------
    def refresh(self) -> None:
        Op(self, lambda: printing.printer_state(self.desk)).success(self.state_changed.emit).failure(
            lambda error: log.warning("printer state not read: %s", error)
        ).run()

    def check_now(self) -> None:
        """Ask the printer itself (a few seconds at most, off the GUI thread)."""
        if self._checking or not self.desk.settings.printer_uri:
            return
        self._checking = True

        def done(state: printing.PrinterState) -> None:
            self._checking = False
            self.state_changed.emit(state)

        def failed(error: BaseException) -> None:
            self._checking = False
            log.warning("printer check failed: %s", error)

        Op(self, lambda: printing.check_printer(self.desk)).success(done).failure(failed).run()

    def show_state(self, state: printing.PrinterState) -> None:
        """A state found elsewhere (the queue's "check printer"): the indicator shows it too."""
        self.state_changed.emit(state)

    def _remember(self, state: printing.PrinterState) -> None:
        self.state = state
        # The worker reports changes it sees; a count that moved under it is caught by looking again.
        if state.waiting and not self._watch.isActive():
            self._watch.start()
        elif not state.waiting:
            self._watch.stop()
        # With receipts waiting the worker's attempts tell; with none, paper put back in is seen by asking.
        if state.state in TROUBLE and not state.waiting:
            if not self._recheck.isActive():
                self._recheck.start()
        else:
            self._recheck.stop()

    # --- receipts after operations --------------------------------------------------------------
    def queue_receipt(self, reference: str) -> None:
        """After an operation committed (its "done" message is on screen): its receipt, when the desk prints them."""
        if not reference or not printing.wants_receipts(self.desk):
            return
        Op(self, lambda: printing.queue_receipt(self.desk, reference)).success(self.queued).failure(
            self._not_queued
        ).run()

    def queued(self, job: printing.PrintJobInfo) -> None:
        self.job_queued.emit(job)
        self.wake()

    def _not_queued(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            reason = error.message()
        else:
            log.error("a receipt was not queued", exc_info=error)
            reason = self.tr("something unexpected went wrong.")
        self.problem.emit(
            self.tr(
                "The receipt was not queued: %1 The operation itself is saved; reprint its receipt from the points history."
            ).replace("%1", reason)
        )


class PrinterIndicator(QLabel):
    """The printer in the status bar: ready, or what is wrong and what to do, and how many receipts wait.
    A click (or Ctrl+P) opens the print queue."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="statusPrinter")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(120)  # a long piece of advice is cut, it never widens the window
        self.state = ""
        self.show_state(None)

    def show_state(self, state: printing.PrinterState | None) -> None:
        opens = with_key(self.tr("Click to open the print queue"), DESK_KEYS["print_queue"])
        if state is None or not state.configured:
            self.setText(self.tr("○ No printer"))
            self.setToolTip(QCoreApplication.translate("Printing", printing.STATE_ADVICE["none"]) + "\n" + opens)
            self._set_state("none")
            return
        text = "● " + headline(advice(state))
        if state.waiting:
            text += "  ·  " + self.tr("%1 waiting to print").replace("%1", str(state.waiting))
        self.setText(text)
        self.setToolTip(advice(state) + "\n" + state.uri + "\n" + opens)
        self._set_state(state.state)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class PrinterBanner(QLabel):
    """Across the desk while the printer needs the clerk: what is wrong, what to do, what waits."""

    open_queue = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        # The offline banner's look: both say "something is off, here is what to do".
        super().__init__(parent, objectName="offlineBanner", visible=False, wordWrap=True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda _link: self.open_queue.emit())

    def show_state(self, state: printing.PrinterState | None) -> None:
        trouble = state is not None and state.configured and state.state in TROUBLE
        self.setVisible(trouble)
        if state is None or not trouble:
            return
        text = html.escape(advice(state))
        if state.waiting:
            text += " " + html.escape(self.tr("%1 waiting to print.").replace("%1", str(state.waiting)))
        link = html.escape(self.tr("Print queue (Ctrl+P)"))
        self.setText(f"{text} &nbsp;<a href='queue'>{link}</a>")
