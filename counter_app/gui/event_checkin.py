"""Event check-in at the door (F9): choose the event, scan each member's code or ticket, see at once who is in and with how many points."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app import i18n
from counter_app.domain.errors import DeskError
from counter_app.domain.member_events import EVENT_STATE_LABELS
from counter_app.domain.staff import Permission
from counter_app.gui.guarded import run_guarded
from counter_app.gui.layout import fit_to_screen
from counter_app.gui.shortcuts import cancel_button
from counter_app.gui.tasks import Op
from counter_app.services import member_events
from counter_app.services.auth import NotSignedIn
from counter_app.services.desk import Desk

log = logging.getLogger(__name__)


def _label(table: dict[str, str], code: str) -> str:
    return i18n.translate("MemberEvents", table[code]) if code in table else code


class EventCheckInDialog(QDialog):
    """Stays open for the next member: every scan goes to the box, its result shows large, the list grows."""

    checked_in = Signal(object)  # member_events.CheckInResult

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Event check-in"))
        fit_to_screen(self, 760, 600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(QLabel(self.tr("Event check-in"), objectName="titleLabel"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Event")))
        self.event_combo = QComboBox()
        self.event_combo.setMinimumWidth(420)
        self.event_combo.currentIndexChanged.connect(lambda _index: self._show_event())
        row.addWidget(self.event_combo, 1)
        layout.addLayout(row)
        self.event_line = QLabel(objectName="subtitleLabel", wordWrap=True)
        self.event_line.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.event_line)
        self.scan_edit = QLineEdit(objectName="searchBox", maxLength=400)
        self.scan_edit.setPlaceholderText(self.tr("Scan the member's code or ticket, or type a phone / member no."))
        self.scan_edit.returnPressed.connect(lambda: self.check_in(self.scan_edit.text()))
        layout.addWidget(self.scan_edit)
        self.result_frame = QFrame(objectName="checkinResult", visible=False)
        result_layout = QVBoxLayout(self.result_frame)
        result_layout.setContentsMargins(16, 12, 16, 12)
        self.result_title = QLabel(objectName="checkinTitle", wordWrap=True)
        self.result_detail = QLabel(objectName="checkinDetail", wordWrap=True)
        for label in (self.result_title, self.result_detail):
            label.setTextFormat(Qt.TextFormat.PlainText)
            result_layout.addWidget(label)
        layout.addWidget(self.result_frame)
        layout.addWidget(QLabel(self.tr("Checked in at this counter"), objectName="sectionTitle"))
        self.table = QTableWidget(0, 4, objectName="results")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Member no."), self.tr("Points"), self.tr("How")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch()
        close = QPushButton(self.tr("Close"), objectName="secondaryButton", autoDefault=False)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.reject)
        cancel_button(close, self.tr("Close the check-in"))
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.events: list[member_events.EventInfo] = []
        Op(self, lambda: member_events.list_events(desk, include_ended=False)).success(self.show_events).failure(
            self.show_error
        ).run()
        self.scan_edit.setFocus()

    def show_events(self, events: list[member_events.EventInfo]) -> None:
        self.events = list(events)
        self.event_combo.clear()
        for event in events:
            self.event_combo.addItem(f"{event.title}  ·  {event.code}", event.code)
        open_now = next((index for index, event in enumerate(events) if event.state == "open"), 0)
        if events:
            self.event_combo.setCurrentIndex(open_now)
        else:
            self.event_line.setText(
                self.tr("No event is running or coming up. A manager sets one up (counter-app event create).")
            )
        self.scan_edit.setEnabled(bool(events))

    def _show_event(self) -> None:
        index = self.event_combo.currentIndex()
        if not 0 <= index < len(self.events):
            return
        event = self.events[index]
        places = (
            self.tr("%1 places left").replace("%1", f"{event.places_left:,}")
            if event.places_left is not None
            else self.tr("open to all")
        )
        self.event_line.setText(
            self.tr("%1 to %2 · %3 · %4 points · %5 signed up, %6 checked in · %7")
            .replace("%1", event.starts_at.replace("T", " ")[:16])
            .replace("%2", event.ends_at.replace("T", " ")[:16])
            .replace("%3", _label(EVENT_STATE_LABELS, event.state))
            .replace("%4", f"{event.points:,}")
            .replace("%5", f"{event.signed_up:,}")
            .replace("%6", f"{event.checked_in:,}")
            .replace("%7", places)
        )

    def take_scan(self, text: str) -> None:
        """A scan while this dialog is open checks the member in (the desk's scanner hands it over)."""
        self.scan_edit.setText(text)
        self.check_in(text)

    def check_in(self, text: str) -> None:
        code = self.event_combo.currentData()
        if not text.strip() or code is None:
            return
        self.scan_edit.setEnabled(False)
        run_guarded(
            self,
            self.desk,
            lambda: member_events.check_in(self.desk, text, code),
            self._checked_in,
            self.show_error,
            action="event.check_in",
            permission=Permission.EARN,
        )

    def _checked_in(self, result: member_events.CheckInResult) -> None:
        self._result(
            "good",
            self.tr("✓ %1 checked in to %2").replace("%1", result.member_no).replace("%2", result.title),
            (
                self.tr("+%1 points · balance %2")
                .replace("%1", f"{result.points:,}")
                .replace("%2", f"{result.balance:,}")
                if result.points
                else self.tr("No points for this event")
            )
            + ("  ·  " + self.tr("signed up at the door") if result.walk_in else ""),
        )
        self.table.insertRow(0)
        how = {
            "code": self.tr("member code"),
            "card": self.tr("printed card"),
            "ticket": self.tr("event ticket"),
            "ref": self.tr("typed in"),
        }.get(result.via, result.via)
        for column, text in enumerate((result.checked_in_at[11:16], result.member_no, f"+{result.points:,}", how)):
            self.table.setItem(0, column, QTableWidgetItem(text))
        self.checked_in.emit(result)
        Op(self, lambda: member_events.list_events(self.desk, include_ended=False)).success(self._refresh_events).run()

    def _refresh_events(self, events: list[member_events.EventInfo]) -> None:
        # The same events in the same order (none ended in between): the counts under the choice move on.
        if [event.code for event in events] == [event.code for event in self.events]:
            self.events = list(events)
            self._show_event()

    def _result(self, tone: str, title: str, detail: str) -> None:
        self.result_frame.setProperty("tone", tone)
        self.result_frame.style().unpolish(self.result_frame)
        self.result_frame.style().polish(self.result_frame)
        self.result_title.setText(title)
        self.result_detail.setText(detail)
        self.result_detail.setVisible(bool(detail))
        self.result_frame.setVisible(True)
        self.scan_edit.setEnabled(bool(self.events))
        self.scan_edit.clear()
        self.scan_edit.setFocus()

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, NotSignedIn):
            self.reject()
            return
        if isinstance(error, DeskError):
            fields = getattr(error, "fields", {})
            text = "\n".join(field.message() for field in fields.values()) or error.message()
        else:
            log.error("event check-in failed", exc_info=error)
            text = self.tr("Something unexpected went wrong; the member was not checked in. Try again.")
        self._result("bad", self.tr("✗ Not checked in"), text)
