"""Sync in the background of the desk, and what the status bar says about it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.gui.shortcuts import cancel_button
from counter_app.gui.tasks import Op
from counter_app.services import sync
from counter_app.services.desk import Desk

SOON_MS = 1500  # after a desk operation: push it while the clerk is still talking to the member


class SyncController(QObject):
    """Runs one sync round at a time off the GUI thread: every interval while all is well, backing off
    with jitter while the server is out of reach, at once when the network comes back."""

    status_changed = Signal(object)  # sync.SyncStatus
    progress = Signal(int, int)  # cursor, head: a first sync shows how far it has come

    def __init__(self, desk: Desk, parent: QObject) -> None:
        super().__init__(parent)
        self.desk = desk
        self.failures = 0
        self.running = False
        self.stopped = False
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.sync_now)
        self._watch_network()

    def _watch_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            information = QNetworkInformation.instance()
            information.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability in (
            QNetworkInformation.Reachability.Online,
            QNetworkInformation.Reachability.Site,
            QNetworkInformation.Reachability.Local,
        ):
            self.failures = 0
            self.sync_now()

    def start(self) -> None:
        self.refresh()
        self.sync_now()

    def stop(self) -> None:
        """The window closes: no further rounds (one under way finishes on its own)."""
        self.stopped = True
        self.timer.stop()

    def soon(self) -> None:
        if (
            not self.running
            and not self.stopped
            and (not self.timer.isActive() or self.timer.remainingTime() > SOON_MS)
        ):
            self.timer.start(SOON_MS)

    def sync_now(self) -> None:
        if self.running or self.stopped:
            return
        self.timer.stop()
        self.running = True
        Op(self, self._round).success(self._done).failure(self._failed).run()

    def _round(self) -> sync.SyncStatus | None:
        """In the worker: None when the counter is standalone (nothing to do)."""
        state = sync.sync_status(self.desk)
        if not state.enrolled:
            return None
        sync.sync_once(self.desk, progress=self.progress.emit)
        return sync.sync_status(self.desk)

    def _done(self, state: sync.SyncStatus | None) -> None:
        self.running = False
        self.failures = 0
        if state is not None:
            self.status_changed.emit(state)
            if not self.stopped:
                self.timer.start(int(self.desk.settings.sync_interval_seconds * 1000))

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.failures += 1
        if not self.stopped:
            self.timer.start(int(sync.next_delay(self.failures, self.desk.settings.sync_interval_seconds) * 1000))
        self.refresh()

    def refresh(self) -> None:
        Op(self, lambda: sync.sync_status(self.desk)).success(self.status_changed.emit).run()


def format_age(seconds: int) -> str:
    # Units as on a clock face: read the same in Chinese and English at a glance.
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min"


class SyncStatusBar(QWidget):
    """Online or offline, what waits and since when, the last sync, review items; a progress bar for
    a first sync. Clicking the review count opens the review list."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QHBoxLayout

        self.desk = desk
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.connection = QLabel(objectName="statusSync")
        self.progress_bar = QProgressBar(visible=False, maximumWidth=180, textVisible=True)
        self.review_button = QPushButton(objectName="statusReview", visible=False, flat=True)
        self.review_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.review_button.clicked.connect(self.show_review)
        self.skew = QLabel(objectName="statusWarning", visible=False)
        for widget in (self.connection, self.progress_bar, self.review_button, self.skew):
            layout.addWidget(widget)

    def show_progress(self, cursor: int, head: int) -> None:
        first_sync = head > 0 and head - cursor > 0
        self.progress_bar.setVisible(first_sync)
        if first_sync:
            self.progress_bar.setRange(0, head)
            self.progress_bar.setValue(cursor)
            self.progress_bar.setFormat(self.tr("First sync %p%"))

    def show_state(self, state: sync.SyncStatus) -> None:
        if not state.enrolled:
            self.connection.setText(self.tr("Standalone"))
            self.connection.setToolTip(
                self.tr("Not connected to a central server; everything is kept on this computer.")
            )
            self._set_state("standalone")
            return
        self.progress_bar.setVisible(state.head > state.cursor)
        last = _when(state.last_sync) if state.last_sync else "—"
        if state.online:
            self.connection.setText(self.tr("● Online · synced %1").replace("%1", last))
            self._set_state("online")
        else:
            self.connection.setText(self.tr("○ Offline · last sync %1").replace("%1", last))
            self._set_state("offline")
        self.connection.setToolTip(state.last_error or state.server or "")
        waiting = state.review_open + state.rejected
        self.review_button.setVisible(waiting > 0)
        self.review_button.setText(self.tr("Review: %1").replace("%1", str(waiting)))
        self.skew.setVisible(state.skew_warning)
        if state.skew_warning:
            self.skew.setText(self.tr("Clock off by %1 s").replace("%1", str(round(state.skew_seconds or 0))))
            self.skew.setToolTip(
                self.tr(
                    "This computer's clock differs from the server's; set it right (times on receipts and in the audit log come from it)."
                )
            )

    def _set_state(self, state: str) -> None:
        self.connection.setProperty("state", state)
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)

    def show_review(self) -> None:
        ReviewDialog(self.desk, self.window()).exec()


class OfflineBanner(QLabel):
    """Across the desk while the server is out of reach: what the clerk may still redeem, until when."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="offlineBanner", visible=False, wordWrap=True)

    def show_state(self, state: sync.SyncStatus) -> None:
        limits = state.offline
        self.setVisible(limits is not None)
        if limits is None:
            return
        if limits.expired:
            self.setText(
                self.tr(
                    "Offline since %1: redemption is paused until the desk syncs again; earning and registration go on."
                ).replace("%1", _when(limits.since))
            )
        else:
            self.setText(
                self.tr(
                    "Offline since %1: each member may redeem up to %2 points, this counter %3 more, until %4. Earning and registration go on as usual."
                )
                .replace("%1", _when(limits.since))
                .replace("%2", f"{limits.per_member:,}")
                .replace("%3", f"{limits.counter_left:,}")
                .replace("%4", _when(limits.until))
            )


def _when(iso: str) -> str:
    moment = dt.datetime.fromisoformat(iso)
    today = dt.datetime.now(moment.tzinfo).date()
    return moment.strftime("%H:%M") if moment.date() == today else moment.strftime("%m-%d %H:%M")


class ReviewDialog(QDialog):
    """What the server refused and what it opened for a manager: listed, never dropped silently."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review list"))
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Operations the central server refused, and items it opened for a manager (overdraws, coupons used twice)."
                )
            )
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Source"), self.tr("When"), self.tr("What"), self.tr("Details")])
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        cancel_button(buttons.button(QDialogButtonBox.StandardButton.Close), self.tr("Close the review list"))
        layout.addWidget(buttons)
        Op(self, lambda: sync.review_list(desk)).success(self.show_lines).run()

    def show_lines(self, lines: list[sync.ReviewLine]) -> None:
        sources = {"rejected": self.tr("Refused"), "server": self.tr("Server")}
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, value in enumerate(
                (sources.get(line.source, line.source), line.at[:16].replace("T", " "), line.what, line.details)
            ):
                item = QTableWidgetItem(value)
                item.setToolTip(line.ref if column < 3 else value)  # the operation id, for support
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
