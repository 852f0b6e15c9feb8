"""Crash safety and support at the desk: the friendly notice for a bug, the log viewer, and "copy diagnostics".

    handler = install_crash_handler(app, desk)        # in run_gui, before the window opens
    LogViewerDialog(desk, parent).show()               # Help ▸ Desk log
    copy_diagnostics(desk)                             # Help ▸ Copy diagnostics

A bug nobody caught (in a slot, a timer, a thread) is written to the log with its traceback and what
the desk was doing; the clerk sees a sentence, never a traceback, and the desk keeps running.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from counter_app import logs
from counter_app.gui.shortcuts import DESK_KEYS, bind_button, cancel_button
from counter_app.gui.tasks import Op
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.desk import Desk
from counter_app.services.diagnostics import diagnostics_report, scrub

log = logging.getLogger(__name__)
QUIET_SECONDS = 60.0  # after the clerk closed the notice, the same bug again (a timer's) is only logged for this long
MAX_SHOWN = 2000  # entries the viewer shows at once; the search finds older ones
# The level filter: its label and the levels it shows ("" = every line, also lines no record claims).
LEVEL_FILTERS = (
    (QT_TRANSLATE_NOOP("LogViewerDialog", "All"), ()),
    (QT_TRANSLATE_NOOP("LogViewerDialog", "Warnings and errors"), ("WARNING", "ERROR", "CRITICAL")),
    (QT_TRANSLATE_NOOP("LogViewerDialog", "Errors"), ("ERROR", "CRITICAL")),
)
_open_viewers: list[QDialog] = []  # viewers opened from a notice with no window behind it: kept alive until closed


def _display_part() -> dict[str, Any]:
    """What only the GUI knows: the Qt platform, the screens, the font in use."""
    from PySide6.QtCore import qVersion

    app = QGuiApplication.instance()
    part: dict[str, Any] = {"qt_runtime": qVersion(), "qt_platform": QGuiApplication.platformName()}
    if app is not None:
        screens = QGuiApplication.screens()
        part["screens"] = (
            "; ".join(
                f"{screen.size().width()}x{screen.size().height()} @{screen.devicePixelRatio():g}" for screen in screens
            )
            or "none"
        )
        part["font"] = f"{QGuiApplication.font().family()} {QGuiApplication.font().pointSizeF():g}pt"
    return part


def copy_diagnostics(desk: Desk) -> str:
    """The diagnostics report (see services/diagnostics.py), put on the clipboard and returned."""
    text = diagnostics_report(desk, extra={"display": _display_part()})
    QGuiApplication.clipboard().setText(text)
    return text


def open_log_folder(desk: Desk) -> bool:
    folder = logs.log_folder(desk.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _window_context() -> dict[str, str]:
    """Which window or dialog was in front; titles are scrubbed (a dialog may be titled with a member's name)."""
    widget = QApplication.activeModalWidget() or QApplication.activePopupWidget() or QApplication.activeWindow()
    if widget is None:
        return {"window": "none"}
    title = scrub(widget.windowTitle())
    focus = QApplication.focusWidget()
    context = {
        "window": f"{type(widget).__name__} '{title}'" + (f" #{widget.objectName()}" if widget.objectName() else "")
    }
    if focus is not None:
        context["focus"] = type(focus).__name__ + (f" #{focus.objectName()}" if focus.objectName() else "")
    return context


class CrashNotice(QDialog):
    """The one sentence a clerk reads about a bug: what happened, that the last operation is saved, what to do."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.count = 1
        self.setObjectName("crashNotice")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(self.tr("Something unexpected went wrong at the desk."))
        self.headline.setObjectName("crashHeadline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.advice = QLabel(
            self.tr(
                'Your last completed operation is saved. Check the screen: if what you were doing is not shown as done, do it again. If this keeps happening, click "Copy diagnostics" and send the text to support.'
            )
        )
        self.advice.setWordWrap(True)
        self.repeats = QLabel()
        self.repeats.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("crashStatus")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.copy_button = self.buttons.addButton(self.tr("Copy diagnostics"), QDialogButtonBox.ButtonRole.ActionRole)
        self.log_button = self.buttons.addButton(self.tr("Show log"), QDialogButtonBox.ButtonRole.ActionRole)
        # Action buttons would close the box; these do their work and leave it open.
        self.buttons.accepted.connect(self.accept)
        self.copy_button.clicked.connect(self.copy)
        self.log_button.clicked.connect(self.show_log)
        text = QVBoxLayout()
        for widget in (self.headline, self.advice, self.repeats, self.status):
            text.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        # Wrapped labels get their height from the width: a fixed text width keeps every line visible.
        for label in (self.headline, self.advice, self.repeats, self.status):
            label.setFixedWidth(420)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def happened_again(self) -> None:
        self.count += 1
        self.repeats.setText(self.tr("This happened %1 times; each time is in the log.").replace("%1", str(self.count)))
        self.repeats.setVisible(True)

    def copy(self) -> None:
        try:
            copy_diagnostics(self.desk)
        except Exception:
            log.exception("diagnostics could not be gathered")
            self.status.setText(
                self.tr('The diagnostics could not be gathered; click "Show log" and read it to support instead.')
            )
        else:
            self.status.setText(self.tr("Diagnostics copied: paste them into your message to support."))
        self.status.setVisible(True)

    def show_log(self) -> None:
        viewer = LogViewerDialog(self.desk, self.parentWidget())
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if viewer.parentWidget() is None:
            _open_viewers.append(viewer)
            viewer.destroyed.connect(lambda: _open_viewers.remove(viewer) if viewer in _open_viewers else None)
        self.viewer = viewer
        self.accept()  # the log viewer takes its place: a modal notice would block it
        viewer.show()


class CrashHandler(QObject):
    """sys.excepthook and threading.excepthook for the desk: log with context, then one notice at a time."""

    _from_thread = Signal(str)  # a worker thread's bug: the notice is shown on the GUI thread

    def __init__(
        self,
        app: QApplication,
        desk: Desk,
        context: Callable[[], dict] | None = None,
        quiet_seconds: float = QUIET_SECONDS,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.desk = desk
        self.context = context
        self.quiet_seconds = quiet_seconds
        self.notice: CrashNotice | None = None
        self.handled = 0  # bugs logged since install, shown or not
        self._quiet_until: dict[str, float] = {}
        self._signatures: set[str] = set()
        self._inside = threading.local()
        self._previous = (sys.excepthook, threading.excepthook)
        self._from_thread.connect(self._notify, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashHandler:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous[1]

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            self._previous[0](kind, error, tb)
            return
        self.report(kind, error, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback, args.thread)

    def _context(self, thread: threading.Thread | None) -> dict[str, Any]:
        actor = self.desk.actor()
        context: dict[str, Any] = {
            "staff": f"{actor.staff_id} ({actor.role})" if actor else "nobody signed in",
            "counter": f"{self.desk.settings.counter_no} ({self.desk.counter_uid})",
            "thread": (thread or threading.current_thread()).name,
        }
        if self._on_gui_thread():
            context.update(_window_context())  # widgets may only be asked from the GUI thread
        if self.context is not None:
            context.update(self.context())
        return context

    def _on_gui_thread(self) -> bool:
        return threading.current_thread() is threading.main_thread()  # where QApplication was made

    def report(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
        thread: threading.Thread | None = None,
    ) -> None:
        if getattr(self._inside, "active", False):
            return  # a bug while reporting a bug: the first one is being logged already
        self._inside.active = True
        try:
            try:
                context = self._context(thread)
            except Exception as problem:  # the context is a help; the record is what matters
                context = {"context_unavailable": f"{type(problem).__name__}: {problem}"}
            logs.log_unhandled(kind, error, tb, context)
            self.handled += 1
            signature = _signature(kind, tb)
            if self._on_gui_thread():
                self._notify(signature)
            else:
                self._from_thread.emit(signature)
        except Exception:
            log.exception("the crash handler failed")
        finally:
            self._inside.active = False

    def _notify(self, signature: str) -> None:
        if self.notice is not None and not shiboken6.isValid(self.notice):
            self.notice = None  # its window was closed under it: the notice went with it
        if self.notice is not None:
            self._signatures.add(signature)
            self.notice.happened_again()
            return
        if time.monotonic() < self._quiet_until.get(signature, 0.0):
            return
        self._signatures = {signature}
        self.notice = CrashNotice(self.desk, QApplication.activeWindow())
        self.notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice.finished.connect(self._closed)
        self.notice.open()  # modal, but not a nested event loop: the desk's timers and workers go on

    def _closed(self) -> None:
        until = time.monotonic() + self.quiet_seconds
        for signature in self._signatures:
            self._quiet_until[signature] = until
        self.notice = None


def _signature(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The same bug from the same line is one bug, however often a timer runs into it."""
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb is not None else "?"
    return f"{kind.__qualname__}@{where}"


def install_crash_handler(app: QApplication, desk: Desk, context: Callable[[], dict] | None = None) -> CrashHandler:
    """Route every uncaught exception (GUI thread, Python threads) to the log and a friendly notice.

    `context` adds what the caller knows (e.g. the page open); it runs on the thread that failed."""
    handler = CrashHandler(app, desk, context).install()
    app._desk_crash_handler = handler  # type: ignore[attr-defined]  # kept alive with the application
    return handler


class LogViewerDialog(QDialog):
    """The desk's log, newest first, read-only: a level filter, a search, and what support asks for."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.entries: list[logs.LogEntry] = []
        self.shown_entries: list[logs.LogEntry] = []
        self.setObjectName("logViewer")
        self.setWindowTitle(self.tr("Desk log"))
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("logLevel")
        for label, _levels in LEVEL_FILTERS:
            self.level_combo.addItem(QCoreApplication.translate("LogViewerDialog", label))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("logSearch")
        self.search_edit.setPlaceholderText(self.tr("Search the log"))
        self.search_edit.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.level_combo)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.refresh_button)
        self.text = QPlainTextEdit()
        self.text.setObjectName("logText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.status = QLabel()
        self.status.setObjectName("logStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton(self.tr("Copy diagnostics"), QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = self.buttons.addButton(self.tr("Open log folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.folder_button.clicked.connect(self.open_folder)
        self.level_combo.currentIndexChanged.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self.apply_filter)
        self.refresh_button.clicked.connect(self.refresh)
        # Each button's key, named in its tooltip (counter_app.gui.shortcuts); copying is the main window's key too.
        bind_button(self, self.refresh_button, Qt.Key.Key_F5, self.tr("Read the log again"))
        bind_button(
            self,
            self.copy_button,
            DESK_KEYS["diagnostics"],
            self.tr("Copy what support needs to know about this desk, to paste into a message"),
        )
        bind_button(
            self,
            self.folder_button,
            "Ctrl+O",
            self.tr("Open the folder with the log files, to attach them to a message"),
        )
        cancel_button(self.buttons.button(QDialogButtonBox.StandardButton.Close), self.tr("Close the log"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(960, 600)
        self.refresh()

    @property
    def folder(self) -> Path:
        return logs.log_folder(self.desk.data_dir)

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Reading the log…"))
        data_dir = self.desk.data_dir
        Op(self, lambda: _read_scrubbed(data_dir)).success(self._loaded).failure(self._unreadable).run()

    def _loaded(self, entries: list[logs.LogEntry]) -> None:
        self.refresh_button.setEnabled(True)
        self.entries = entries
        self.apply_filter()

    def _unreadable(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.entries = []
        self.shown_entries = []
        self.text.clear()
        reason = getattr(error, "strerror", None) or str(error)
        self.status.setText(
            self.tr("The log in %1 cannot be read (%2); check that this user may read that folder.")
            .replace("%1", str(self.folder))
            .replace("%2", reason)
        )

    def apply_filter(self) -> None:
        levels = LEVEL_FILTERS[max(self.level_combo.currentIndex(), 0)][1]
        needle = self.search_edit.text().strip().casefold()
        matching = [
            entry
            for entry in reversed(self.entries)
            if (not levels or entry.level in levels) and (not needle or needle in entry.text().casefold())
        ]
        self.shown_entries = matching[:MAX_SHOWN]
        self.text.setPlainText("\n".join(entry.text() for entry in self.shown_entries))
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
        if not self.entries:
            self.status.setText(
                self.tr(
                    "The desk has not written a log yet; it will be in %1 once there is something to note."
                ).replace("%1", str(self.folder))
            )
        elif not matching:
            self.status.setText(self.tr('No entries match; choose "All" or change the search.'))
        elif len(matching) > MAX_SHOWN:
            self.status.setText(
                self.tr("The newest %1 of %2 matching entries, newest first; search to find older ones.")
                .replace("%1", str(MAX_SHOWN))
                .replace("%2", str(len(matching)))
            )
        else:
            self.status.setText(
                self.tr("%1 of %2 entries, newest first. Phone and ID numbers, secrets and Chinese text are hidden.")
                .replace("%1", str(len(matching)))
                .replace("%2", str(len(self.entries)))
            )

    def copy(self) -> None:
        try:
            copy_diagnostics(self.desk)
        except Exception:
            log.exception("diagnostics could not be gathered")
            self.status.setText(self.tr("The diagnostics could not be gathered; the log above is what support needs."))
            return
        self.status.setText(self.tr("Diagnostics copied: paste them into your message to support."))

    def open_folder(self) -> None:
        if not open_log_folder(self.desk):
            self.status.setText(
                self.tr("No file manager could be opened; the log is in %1.").replace("%1", str(self.folder))
            )


def _read_scrubbed(data_dir: Path) -> list[logs.LogEntry]:
    """In the worker: the log's records with members' data and secrets hidden (the viewer is on screen at the counter)."""
    return [
        logs.LogEntry(entry.at, entry.level, entry.source, scrub(entry.message), scrub(entry.details), entry.file)
        for entry in logs.read_log(data_dir)
    ]


def _sample_log_lines() -> None:
    """A new desk's log is empty; the picture shows what a working day writes."""
    logging.getLogger("counter_app.services.sync").info(
        "no hold for 6f1c2d3e-9a41-4c1b-8e0a-52d7c4b1e9a0: the server is out of reach; offline limits apply"
    )
    logging.getLogger("counter_app.gui.printer_status").warning(
        "printer check failed: tcp://192.168.1.50:9100 refused the connection"
    )
    logging.getLogger("counter_app.devices.printer").warning(
        "receipt logo /srv/desk/logo.png not printed: cannot identify image file"
    )
    logging.getLogger("counter_app.services.sync").warning(
        "clock skew 412 s against the server; the counter's clock needs setting"
    )
    logging.getLogger("counter_app.gui.printer_status").info("printer ready again; 2 receipts printed from the queue")


def screenshot_page(desk: Desk, window: QWidget, page: str) -> QPixmap:
    """`counter-app screenshot logs`: the log viewer on the desk's own log; a new desk's log has only its
    set-up lines, so a few of a working day's are added first (as the other pages add sample data)."""
    if not any(entry.level in ("WARNING", "ERROR", "CRITICAL") for entry in logs.read_log(desk.data_dir)):
        _sample_log_lines()
        for handler in logging.getLogger().handlers:
            handler.flush()
    dialog = LogViewerDialog(desk, window)
    dialog.show()
    for _ in range(5):
        QApplication.processEvents()
    return dialog.grab()
