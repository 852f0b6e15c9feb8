"""Complaints at the desk: taking one (F7, keyboard only), the list on the answer promise's clock (Ctrl+K), and one complaint's record with what can be done next."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app import i18n
from counter_app.domain import complaints as complaint_rules
from counter_app.domain.errors import DeskError
from counter_app.domain.staff import Permission
from counter_app.domain.tiers import TIER_LABELS
from counter_app.gui.guarded import run_guarded
from counter_app.gui.layout import fit_to_screen
from counter_app.gui.models import (
    SLA_BACKGROUNDS,
    SLA_COLOURS,
    ComplaintsModel,
    complaint_customer,
    local_time,
    sla_text,
)
from counter_app.gui.shortcuts import bind_button, cancel_button, default_button
from counter_app.gui.tasks import Op
from counter_app.services import complaints
from counter_app.services.auth import NotSignedIn
from counter_app.services.complaints import ComplaintInfo
from counter_app.services.desk import Desk
from counter_app.services.members import MemberCard

log = logging.getLogger(__name__)
FOLLOW_MS = 60_000  # the promise's clock moves: the list reads the store again every minute while open
FILTERS = ("overdue", "open", "all")
# "Open" as the desk's list shows it: not yet resolved or closed (list_complaints filters one state at a time).
OPEN_STATES = frozenset(state for state in complaint_rules.STATES if state not in ("resolved", "closed"))


def _label(table: dict[str, str], code: str) -> str:
    return i18n.translate("Complaints", table[code]) if code in table else code


def _message(error: BaseException, fallback: str) -> str:
    if isinstance(error, DeskError):
        fields = getattr(error, "fields", {})
        return "\n".join(field.message() for field in fields.values()) or error.message()
    log.error("complaint action failed", exc_info=error)
    return fallback


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


# ---- taking a complaint -----------------------------------------------------------------------------


class _EnterSubmits(QObject):
    """In the description, Enter submits the form as everywhere else in it; Shift+Enter starts a new line."""

    def __init__(self, submit: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.submit = submit

    def eventFilter(self, watched, event):
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submit()
            return True
        return False


class ComplaintIntakeDialog(QDialog):
    """The member on the card, or a walk-in customer: category, shop, severity, what happened, a contact. Tab walks
    the form in order, Enter takes the complaint; the ticket prints afterwards."""

    opened = Signal(object)  # ComplaintInfo, after it committed

    def __init__(
        self, desk: Desk, card: MemberCard | None = None, parent: QWidget | None = None, ref: str | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.card = card
        self.ref = ref or (card.member_no if card is not None else None)
        self.setWindowTitle(self.tr("Take a complaint"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(QLabel(self.tr("Take a complaint"), objectName="titleLabel"))
        who = QLabel(objectName="subtitleLabel", wordWrap=True)
        who.setTextFormat(Qt.TextFormat.PlainText)
        if card is not None:
            who.setText(
                self.tr("From member %1 · %2 · %3")
                .replace("%1", card.name)
                .replace("%2", card.member_no)
                .replace("%3", i18n.translate("Tiers", TIER_LABELS.get(card.tier, card.tier)))
            )
        else:
            who.setText(
                self.tr("From a walk-in customer (not a member): a name and a phone for the callback are optional.")
            )
        layout.addWidget(who)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.errors: dict[str, QLabel] = {}
        self.category_combo = QComboBox()
        for code, label in complaint_rules.CATEGORIES.items():
            self.category_combo.addItem(i18n.translate("Complaints", label), code)
        self.shop_edit = QLineEdit(
            maxLength=complaint_rules.MAX_SHOP, placeholderText=self.tr("Optional: the shop or place, e.g. 优衣库 3F")
        )
        self.severity_combo = QComboBox()
        for code, label in complaint_rules.SEVERITIES.items():
            self.severity_combo.addItem(i18n.translate("Complaints", label), code)
        self.severity_combo.setCurrentIndex(list(complaint_rules.SEVERITIES).index("normal"))
        self.description_edit = QPlainTextEdit(objectName="descriptionEdit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(self.tr("What happened, in the customer's words"))
        self.description_edit.setMinimumHeight(110)
        self.description_edit.installEventFilter(_EnterSubmits(self.submit, self))
        self.name_edit = QLineEdit(maxLength=40, placeholderText=self.tr("Optional"))
        self.contact_edit = QLineEdit(
            maxLength=20, placeholderText=self.tr("Optional: a mobile number for the callback")
        )
        fields: list[tuple[str, str, QWidget]] = [
            ("category", self.tr("Category"), self.category_combo),
            ("shop", self.tr("Shop"), self.shop_edit),
            ("severity", self.tr("Severity"), self.severity_combo),
            ("text", self.tr("What happened"), self.description_edit),
        ]
        if card is None:
            fields.append(("name", self.tr("Customer's name"), self.name_edit))
        fields.append(("contact", self.tr("Contact phone"), self.contact_edit))
        for row, (key, caption, widget) in enumerate(fields):
            caption_label = QLabel(caption)
            caption_label.setBuddy(widget)
            grid.addWidget(
                caption_label, 2 * row, 0, Qt.AlignmentFlag.AlignTop if key == "text" else Qt.AlignmentFlag.AlignVCenter
            )
            grid.addWidget(widget, 2 * row, 1)
            error = QLabel(visible=False, wordWrap=True)
            error.setProperty("role", "fieldError")
            error.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(error, 2 * row + 1, 1)
            self.errors[key] = error
        layout.addLayout(grid)
        self.promise = QLabel(objectName="promiseLabel", wordWrap=True)
        self.promise.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.promise)
        self.severity_combo.currentIndexChanged.connect(lambda _index: self._show_promise())
        self._show_promise()
        self.error = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.error)
        keys = QLabel(
            self.tr("Tab  next field  ·  Enter  take the complaint  ·  Shift+Enter  new line  ·  Esc  cancel"),
            objectName="keysHint",
        )
        layout.addWidget(keys)

        buttons = QHBoxLayout()
        buttons.addStretch()
        cancel = QPushButton(self.tr("Cancel"), objectName="secondaryButton", autoDefault=False)
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self.reject)
        cancel_button(cancel, self.tr("Close without taking the complaint"))
        self.ok = QPushButton(self.tr("Take complaint and print ticket"), objectName="primaryButton", default=True)
        self.ok.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter anywhere takes it; Tab stays in the form
        self.ok.clicked.connect(self.submit)
        default_button(self.ok, self.tr("Take the complaint and print the customer's ticket"))
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout.addLayout(buttons)
        order = [widget for _, _, widget in fields]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        for edit in (self.shop_edit, self.name_edit, self.contact_edit):
            edit.textEdited.connect(lambda _text: self.error.setVisible(False))
        self.category_combo.setFocus()

    def keyPressEvent(self, event) -> None:
        # Enter on a field (a choice list, a line) takes the complaint; the dialog never closes on it by itself.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.ok.click()  # as a click would: nothing while it is disabled
            return
        super().keyPressEvent(event)

    def _show_promise(self) -> None:
        rules = self.desk.rules
        hours = rules.complaint_sla_hours.get(self.severity_combo.currentData(), 24)
        self.promise.setText(
            self.tr("The customer is promised an answer within %1 hours; the ticket says by when.").replace(
                "%1", str(hours)
            )
        )

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        for label in self.errors.values():
            label.setVisible(False)
        self.error.setVisible(False)
        ref, category, severity = self.ref, self.category_combo.currentData(), self.severity_combo.currentData()
        text, shop = self.description_edit.toPlainText(), self.shop_edit.text().strip() or None
        name = self.name_edit.text().strip() or None if self.card is None else None
        contact = self.contact_edit.text().strip() or None
        self.ok.setEnabled(False)
        run_guarded(
            self,
            self.desk,
            lambda: complaints.open_complaint(
                self.desk, ref, category, text, severity, shop, walk_in_name=name, contact=contact
            ),
            self._opened,
            self.show_error,
            action="complaint.open",
            permission=Permission.COMPLAINT_INTAKE,
        )

    def _opened(self, info: ComplaintInfo) -> None:
        self.info = info
        self.opened.emit(info)
        self.accept()

    def show_error(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(error, NotSignedIn):
            self.reject()
            return
        fields = getattr(error, "fields", {}) if isinstance(error, DeskError) else {}
        shown = [key for key in fields if key in self.errors]
        for key in shown:
            self.errors[key].setText(fields[key].message())
            self.errors[key].setVisible(True)
        if shown:
            widgets = {
                "category": self.category_combo,
                "shop": self.shop_edit,
                "severity": self.severity_combo,
                "text": self.description_edit,
                "name": self.name_edit,
                "contact": self.contact_edit,
            }
            widgets[shown[0]].setFocus()
        if not shown or len(shown) < len(fields):
            self.error.setText(
                _message(error, self.tr("Something unexpected went wrong; nothing was saved. Try again."))
            )
            self.error.setVisible(True)


# ---- small forms for the actions ---------------------------------------------------------------------


class ComplaintActionDialog(QDialog):
    """A title, a sentence, a few fields and OK: what an action on a complaint needs to know."""

    def __init__(self, title: str, explanation: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 20)
        self.layout_.setSpacing(8)
        self.layout_.addWidget(QLabel(title, objectName="titleLabel"))
        text = QLabel(explanation, objectName="subtitleLabel", wordWrap=True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(text)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.layout_.addLayout(self.grid)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch()
        cancel = QPushButton(self.tr("Back"), objectName="secondaryButton", autoDefault=False)
        cancel.clicked.connect(self.reject)
        cancel_button(cancel, self.tr("Back to the complaint, nothing changed"))
        self.ok = QPushButton(ok_text, objectName="primaryButton", default=True)
        self.ok.clicked.connect(self.accept)
        default_button(self.ok, ok_text)
        self.buttons.addWidget(cancel)
        self.buttons.addWidget(self.ok)

    def add(self, caption: str, widget: QWidget) -> QWidget:
        row = self.grid.rowCount()
        label = QLabel(caption)
        label.setBuddy(widget)
        self.grid.addWidget(label, row, 0)
        self.grid.addWidget(widget, row, 1)
        return widget

    def exec(self) -> int:
        self.layout_.addLayout(self.buttons)
        return super().exec()


class ComplaintDetail(QFrame):
    """One complaint: the promise's clock, what the customer said, its record, and the actions its state allows."""

    changed = Signal(object)  # ComplaintInfo after an action
    print_ticket = Signal(str)  # the ticket number, to print again

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="complaintDetail")
        self.desk = desk
        self.info: ComplaintInfo | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(8)

        head = QHBoxLayout()
        self.ticket_label = QLabel(objectName="ticketTitle")
        self.ticket_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_badge = QLabel(objectName="stateBadge")
        self.sla_badge = QLabel(objectName="slaBadge")
        head.addWidget(self.ticket_label)
        head.addWidget(self.state_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch()
        head.addWidget(self.sla_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(head)
        self.conflict = QLabel(objectName="conflictBanner", wordWrap=True, visible=False)
        self.conflict.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.conflict)

        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        facts.setVerticalSpacing(6)
        facts.setColumnStretch(0, 1)
        facts.setColumnStretch(1, 1)
        self.values: dict[str, QLabel] = {}
        captions = [
            ("customer", self.tr("Customer")),
            ("contact", self.tr("Contact")),
            ("category", self.tr("Category")),
            ("shop", self.tr("Shop")),
            ("taken", self.tr("Taken")),
            ("due", self.tr("Answer promised by")),
            ("assigned", self.tr("Assigned to")),
            ("outcome", self.tr("Root cause · satisfaction")),
        ]
        for position, (key, caption) in enumerate(captions):
            row, column = divmod(position, 2)
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(QLabel(caption, objectName="fieldCaption"))
            value = QLabel(objectName="detailValue", wordWrap=True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cell.addWidget(value)
            self.values[key] = value
            facts.addLayout(cell, row, column)
        outer.addLayout(facts)
        outer.addWidget(QLabel(self.tr("What happened"), objectName="sectionTitle"))
        self.description = QLabel(objectName="descriptionText", wordWrap=True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.description)
        self.compensation_title = QLabel(self.tr("Compensation"), objectName="sectionTitle")
        self.compensation = QLabel(objectName="sectionValue", wordWrap=True)
        self.compensation.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.compensation_title)
        outer.addWidget(self.compensation)
        outer.addWidget(QLabel(self.tr("Record (newest first)"), objectName="sectionTitle"))
        self.timeline = QTableWidget(0, 4, objectName="timeline")
        self.timeline.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Note")])
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setShowGrid(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.timeline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.timeline.setWordWrap(True)
        self.timeline.horizontalHeader().setHighlightSections(False)
        for column in range(3):
            self.timeline.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.timeline.setMinimumHeight(140)
        outer.addWidget(self.timeline, 1)

        self.error = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.error)
        self.notice = QLabel(objectName="searchMessage", wordWrap=True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.notice)

        moves, others = QHBoxLayout(), QHBoxLayout()  # the state's moves on the first line, the rest below
        moves.setSpacing(8)
        others.setSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        specs = [
            (
                "acknowledge",
                self.tr("Acknowledge"),
                self.tr("Tell the customer the complaint was received: the first answer, which stops the clock"),
                self.acknowledge,
                True,
                "Alt+A",
            ),
            ("progress", self.tr("Start work"), self.tr("Work on it starts"), self.start_progress, False, "Alt+S"),
            ("resolve", self.tr("Resolve…"), self.tr("Resolved, with its root cause"), self.resolve, True, "Alt+R"),
            (
                "close",
                self.tr("Close…"),
                self.tr("Closed with the customer's satisfaction, 1 to 5"),
                self.close_complaint,
                True,
                "Alt+C",
            ),
            (
                "escalate",
                self.tr("Escalate…"),
                self.tr("Hand it to a manager, with the reason"),
                self.escalate,
                False,
                "Alt+E",
            ),
            ("note", self.tr("Add note…"), self.tr("What was said or done"), self.add_note, False, "Alt+N"),
            (
                "assign",
                self.tr("Assign…"),
                self.tr("Hand it to a staff member of this desk"),
                self.assign,
                False,
                "Alt+G",
            ),
            (
                "compensate",
                self.tr("Compensation…"),
                self.tr("Ask a manager for points, a coupon or a gift for the customer"),
                self.request_compensation,
                False,
                "Alt+O",
            ),
            (
                "ticket",
                self.tr("Ticket…"),
                self.tr("The customer's complaint ticket as it prints; print it again from there"),
                self.reprint_ticket,
                False,
                "Alt+T",
            ),
        ]
        for key, text, tip, slot, primary, shortcut in specs:
            button = QPushButton(text, objectName="primaryButton" if primary else "secondaryButton", autoDefault=False)
            bind_button(self, button, QKeySequence(shortcut), tip)
            button.clicked.connect(slot)
            self.buttons[key] = button
            (moves if key in ("acknowledge", "progress", "resolve", "close") else others).addWidget(button)
        moves.addStretch()
        others.addStretch()
        outer.addLayout(moves)
        outer.addLayout(others)
        self.show_complaint(None)

    # --- showing ----------------------------------------------------------------------------
    def show_complaint(self, info: ComplaintInfo | None) -> None:
        self.info = info
        self.error.setVisible(False)
        if info is None:
            self.ticket_label.setText(self.tr("No complaint selected"))
            self.state_badge.setVisible(False)
            self.sla_badge.setVisible(False)
            self.conflict.setVisible(False)
            for value in self.values.values():
                value.setText("")
            self.description.setText("")
            self.timeline.setRowCount(0)
            self.compensation.setText("")
            self._enable_actions()
            return
        zone, today = self.desk.now().tzinfo, self.desk.today()
        none = self.tr("—")
        self.ticket_label.setText(info.ticket_no)
        self.state_badge.setText(info.state_label)
        self.state_badge.setProperty("state", info.state)
        self.state_badge.setVisible(True)
        self.sla_badge.setText(f"{info.sla_label} · {sla_text(info)}" if not info.answered_at else sla_text(info))
        self.sla_badge.setStyleSheet(
            f"color: {SLA_COLOURS.get(info.sla_status, '#52606d')}; background: {SLA_BACKGROUNDS.get(info.sla_status, '#eef1f5')};"
        )
        self.sla_badge.setProperty("sla", info.sla_status)
        self.sla_badge.setVisible(True)
        for badge in (self.state_badge, self.sla_badge):
            _restyle(badge)
        self.conflict.setText(
            self.tr("Two counters disagree about this complaint: %1").replace("%1", info.conflict)
            if info.conflict
            else ""
        )
        self.conflict.setVisible(bool(info.conflict))
        who = complaint_customer(info)
        self.values["customer"].setText(
            who if info.member_no else self.tr("%1 (walk-in)").replace("%1", who) if info.walk_in_name else who
        )
        self.values["contact"].setText(info.contact or none)
        self.values["category"].setText(f"{info.category_label} · {info.severity_label}")
        self.values["shop"].setText(info.shop or none)
        self.values["taken"].setText(
            self.tr("%1 by %2")
            .replace("%1", local_time(info.opened_at, zone, today))
            .replace("%2", info.opened_by or none)
        )
        self.values["due"].setText(local_time(info.due_at, zone, today))
        self.values["assigned"].setText(info.assigned_to or none)
        stars = ("★" * info.rating + "☆" * (5 - info.rating)) if info.rating else ""
        self.values["outcome"].setText(" · ".join(part for part in (info.root_cause_label, stars) if part) or none)
        if info.escalation_reason and info.state == "escalated":
            self.values["assigned"].setText(
                (info.assigned_to or none) + "  ·  " + self.tr("escalated: %1").replace("%1", info.escalation_reason)
            )
        self.description.setText(info.description)
        self.timeline.setRowCount(len(info.timeline))
        for row, line in enumerate(reversed(info.timeline)):  # newest on top
            what = line.what if line.applied else self.tr("%1 (not applied)").replace("%1", line.what)
            who = line.staff_id or ""
            if line.counter:
                who = self.tr("%1 · counter %2").replace("%1", who).replace("%2", line.counter) if who else line.counter
            for column, text in enumerate((local_time(line.at, zone, today), what, who, line.text or "")):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.timeline.setItem(row, column, item)
        self.timeline.resizeRowsToContents()
        lines = []
        for request in info.compensations:
            offer = _label(complaint_rules.COMPENSATION_KINDS, request.kind) + " " + request.value
            said = f"{offer} · {_label(complaint_rules.COMPENSATION_STATUSES, request.status)}"
            if request.decision_reason:
                said += f" ({request.decision_reason})"
            lines.append(said + f" — {request.reason}")
        self.compensation.setText("\n".join(lines))
        self.compensation_title.setVisible(bool(lines))
        self.compensation.setVisible(bool(lines))
        self._enable_actions()

    def _enable_actions(self) -> None:
        info = self.info
        state = info.state if info is not None else "closed"
        allowed = complaint_rules.TRANSITIONS.get(state, frozenset())
        self.buttons["acknowledge"].setEnabled(info is not None and "acknowledged" in allowed)
        self.buttons["progress"].setEnabled(info is not None and "in_progress" in allowed)
        self.buttons["progress"].setText(self.tr("Reopen") if state == "resolved" else self.tr("Start work"))
        self.buttons["resolve"].setEnabled(info is not None and "resolved" in allowed)
        self.buttons["close"].setEnabled(info is not None and "closed" in allowed)
        self.buttons["escalate"].setEnabled(info is not None and "escalated" in allowed)
        for key in ("note", "assign", "compensate"):
            self.buttons[key].setEnabled(info is not None and state != "closed")
        self.buttons["ticket"].setEnabled(info is not None)
        for key, button in self.buttons.items():
            # The next step stands out; the others stay quiet.
            primary = key == {
                "open": "acknowledge",
                "acknowledged": "progress",
                "in_progress": "resolve",
                "escalated": "resolve",
                "resolved": "close",
            }.get(state)
            button.setObjectName("primaryButton" if primary and button.isEnabled() else "secondaryButton")
            _restyle(button)

    # --- acting -----------------------------------------------------------------------------
    def _act(self, action: str, work: Callable[[str], Any], done: str) -> None:
        if self.info is None:
            return
        ticket = self.info.ticket_no
        for button in self.buttons.values():
            button.setEnabled(False)
        run_guarded(
            self,
            self.desk,
            lambda: work(ticket),
            lambda result: self._done(result, done),
            self._failed,
            action=action,
            permission=Permission.COMPLAINT_INTAKE,
        )

    def _done(self, result: Any, message: str) -> None:
        if isinstance(result, ComplaintInfo):
            self._read_again(result)
            self.notice.setText(message.replace("%1", result.ticket_no))
            return
        # A compensation request: the complaint's record shows it once read again.
        self.notice.setText(message.replace("%1", result.ticket_no))
        ticket = result.ticket_no
        Op(self, lambda: complaints.show_complaint(self.desk, ticket)).success(self._read_again).failure(
            self._failed
        ).run()

    def _read_again(self, info: ComplaintInfo) -> None:
        self.show_complaint(info)
        self.changed.emit(info)

    def _failed(self, error: BaseException) -> None:
        self._enable_actions()
        if isinstance(error, NotSignedIn):
            window = self.window()
            if isinstance(window, QDialog):
                window.reject()
            return
        self.error.setText(_message(error, self.tr("Something unexpected went wrong; nothing was changed. Try again.")))
        self.error.setVisible(True)

    def acknowledge(self) -> None:
        self._act(
            "complaint.acknowledged",
            lambda ticket: complaints.acknowledge(self.desk, ticket),
            self.tr("%1 acknowledged: the customer has had the first answer."),
        )

    def start_progress(self) -> None:
        reopening = self.info is not None and self.info.state == "resolved"
        self._act(
            "complaint.progress",
            lambda ticket: complaints.start_progress(self.desk, ticket),
            self.tr("%1 reopened.") if reopening else self.tr("Work on %1 started."),
        )

    def ask_text(self, title: str, label: str, ok: str, multiline: bool = False) -> str | None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        if multiline:
            dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setOkButtonText(ok)
        dialog.setCancelButtonText(self.tr("Back"))
        dialog.setMinimumWidth(480)
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def escalate(self) -> None:
        reason = self.ask_text(
            self.tr("Escalate"),
            self.tr("Why does a manager take this complaint over? The reason goes into its record."),
            self.tr("Escalate"),
        )
        if reason is not None:
            self._act(
                "complaint.escalated",
                lambda ticket: complaints.escalate(self.desk, ticket, reason),
                self.tr("%1 escalated to a manager."),
            )

    def add_note(self) -> None:
        note = self.ask_text(
            self.tr("Add a note"), self.tr("What was said or done:"), self.tr("Add note"), multiline=True
        )
        if note is not None:
            self._act(
                "complaint.note",
                lambda ticket: complaints.add_note(self.desk, ticket, note),
                self.tr("Note added to %1."),
            )

    def assign(self) -> None:
        staff_id = self.ask_text(
            self.tr("Assign"),
            self.tr("The staff ID of the person who answers for it from now on (e.g. S012):"),
            self.tr("Assign"),
        )
        if staff_id is not None:
            self._act(
                "complaint.assigned",
                lambda ticket: complaints.assign(self.desk, ticket, staff_id),
                self.tr("%1 assigned."),
            )

    def ask_resolution(self) -> tuple[str, str] | None:
        dialog = ComplaintActionDialog(
            self.tr("Resolve"),
            self.tr("What caused it? The root cause goes into the chain's reports."),
            self.tr("Resolve"),
            self,
        )
        causes = QComboBox()
        for code, label in complaint_rules.ROOT_CAUSES.items():
            causes.addItem(i18n.translate("Complaints", label), code)
        note = QLineEdit(maxLength=complaint_rules.MAX_NOTE, placeholderText=self.tr("Optional: what was done"))
        dialog.add(self.tr("Root cause"), causes)
        dialog.add(self.tr("Note"), note)
        causes.setFocus()
        return (causes.currentData(), note.text()) if dialog.exec() == QDialog.DialogCode.Accepted else None

    def resolve(self) -> None:
        answer = self.ask_resolution()
        if answer is not None:
            cause, note = answer
            self._act(
                "complaint.resolved",
                lambda ticket: complaints.resolve(self.desk, ticket, cause, note or None),
                self.tr("%1 resolved."),
            )

    def ask_rating(self) -> tuple[int, str] | None:
        dialog = ComplaintActionDialog(
            self.tr("Close"),
            self.tr(
                "How satisfied is the customer with the outcome? Ask them: 1 very unhappy … 5 very happy (keys 1 to 5)."
            ),
            self.tr("Close"),
            self,
        )
        row = QHBoxLayout()
        group = QButtonGroup(dialog)
        for stars in range(1, 6):
            button = QPushButton(f"{stars} ★", objectName="ratingButton", checkable=True, autoDefault=False)
            group.addButton(button, stars)
            row.addWidget(button)
            bind_button(
                dialog,
                button,
                QKeySequence(str(stars)),
                self.tr("The customer's satisfaction: %1 of 5").replace("%1", str(stars)),
            )
        group.button(5).setChecked(True)
        dialog.layout_.addLayout(row)
        note = QLineEdit(
            maxLength=complaint_rules.MAX_NOTE, placeholderText=self.tr("Optional: what the customer said")
        )
        dialog.add(self.tr("Note"), note)
        return (group.checkedId(), note.text()) if dialog.exec() == QDialog.DialogCode.Accepted else None

    def close_complaint(self) -> None:
        answer = self.ask_rating()
        if answer is not None:
            rating, note = answer
            self._act(
                "complaint.closed",
                lambda ticket: complaints.close(self.desk, ticket, rating, note or None),
                self.tr("%1 closed."),
            )

    def ask_compensation(self) -> tuple[str, str, str] | None:
        rules = self.desk.rules
        dialog = ComplaintActionDialog(
            self.tr("Ask for compensation"),
            self.tr("A manager decides in their queue (Ctrl+M). At most %1 points by the chain's rules.").replace(
                "%1", f"{rules.compensation_max_points:,}"
            ),
            self.tr("Ask a manager"),
            self,
        )
        kinds = QComboBox()
        for code, label in complaint_rules.COMPENSATION_KINDS.items():
            kinds.addItem(i18n.translate("Complaints", label), code)
        value = QLineEdit(maxLength=20, placeholderText=self.tr("Points, a coupon type (C10) or a gift code (G-UMB)"))
        reason = QLineEdit(maxLength=complaint_rules.MAX_REASON, placeholderText=self.tr("Why, in a sentence"))
        dialog.add(self.tr("As"), kinds)
        dialog.add(self.tr("What"), value)
        dialog.add(self.tr("Reason"), reason)
        kinds.setFocus()
        return (
            (kinds.currentData(), value.text(), reason.text()) if dialog.exec() == QDialog.DialogCode.Accepted else None
        )

    def request_compensation(self) -> None:
        answer = self.ask_compensation()
        if answer is not None:
            kind, value, reason = answer
            self._act(
                "complaint.compensation_requested",
                lambda ticket: complaints.request_compensation(self.desk, ticket, kind, value, reason),
                self.tr("Compensation for %1 waits for a manager (Ctrl+M)."),
            )

    def reprint_ticket(self) -> None:
        if self.info is not None:
            self.print_ticket.emit(self.info.ticket_no)


# ---- the complaints page ------------------------------------------------------------------------


class ComplaintsDialog(QDialog):
    """Complaints soonest due first, filtered overdue / open / all, with the selected one's record beside the list."""

    take_walk_in = Signal()  # the desk opens the intake for a walk-in customer
    print_ticket = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None, show: str = "open") -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Complaints"))
        fit_to_screen(self, 1360, 820)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Complaints"), objectName="titleLabel"))
        top.addSpacing(16)
        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[str, QPushButton] = {}
        filters = (
            ("overdue", self.tr("Overdue"), self.tr("Only complaints past their answer promise"), "Alt+1"),
            ("open", self.tr("Open"), self.tr("Every complaint still open"), "Alt+2"),
            ("all", self.tr("All"), self.tr("Every complaint, closed ones too"), "Alt+3"),
        )
        for key, text, tip, shortcut in filters:
            button = QPushButton(text, objectName="presetButton", checkable=True, autoDefault=False)
            button.clicked.connect(lambda _checked=False, name=key: self.set_filter(name))
            bind_button(self, button, QKeySequence(shortcut), tip)
            self.filter_group.addButton(button)
            self.filter_buttons[key] = button
            top.addWidget(button)
        top.addStretch()
        self.count_label = QLabel(objectName="subtitleLabel")
        top.addWidget(self.count_label)
        new = QPushButton(self.tr("Walk-in complaint…"), objectName="secondaryButton", autoDefault=False)
        new.clicked.connect(self.take_walk_in)
        bind_button(
            self, new, QKeySequence("Shift+F7"), self.tr("Take a complaint from a customer who is not a member")
        )
        top.addWidget(new)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = ComplaintsModel(self, zone=desk.now().tzinfo, today=desk.today())
        self.table = QTableView(objectName="results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )  # a narrow list elides its category instead
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ComplaintsModel.COLUMNS.index("category"), QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._selected(current.row()))
        left_layout.addWidget(self.table, 1)
        self.empty = QLabel(
            objectName="emptyHint", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, visible=False
        )
        left_layout.addWidget(self.empty)
        self.error = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        left_layout.addWidget(self.error)
        splitter.addWidget(left)
        self.detail = ComplaintDetail(desk)
        self.detail.changed.connect(self._changed)
        self.detail.print_ticket.connect(self.print_ticket)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 560])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        keys = QLabel(self.tr("↑↓  choose  ·  F5  refresh  ·  Esc  close"), objectName="keysHint")
        bottom.addWidget(keys)
        bottom.addStretch()
        close = QPushButton(self.tr("Close"), objectName="secondaryButton", autoDefault=False)
        close.clicked.connect(self.reject)
        cancel_button(close, self.tr("Close the complaints"))
        bottom.addWidget(close)
        layout.addLayout(bottom)

        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        self._timer = QTimer(self, interval=FOLLOW_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.filter = show
        self.set_filter(show)
        self.table.setFocus()

    # --- reading ----------------------------------------------------------------------------
    def set_filter(self, name: str) -> None:
        self.filter = name
        self.filter_buttons[name].setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        name, desk = self.filter, self.desk

        def work() -> list[ComplaintInfo]:
            if name == "overdue":
                return complaints.list_complaints(desk, overdue=True)
            found = complaints.list_complaints(desk)
            return [c for c in found if c.state in OPEN_STATES] if name == "open" else found

        Op(self, work).success(self.show_complaints).failure(self.show_error).run()

    def show_complaints(self, found: list[ComplaintInfo]) -> None:
        selected = self.detail.info.ticket_no if self.detail.info is not None else None
        self.model.today = self.desk.today()
        self.model.set_complaints(found)
        self.error.setVisible(False)
        late = sum(c.overdue for c in found)
        self.count_label.setText(
            self.tr("%1 shown · %2 overdue").replace("%1", str(len(found))).replace("%2", str(late))
            if late
            else self.tr("%1 shown").replace("%1", str(len(found)))
        )
        empty_texts = {
            "overdue": self.tr("No complaint is overdue: every customer was answered within the promise."),
            "open": self.tr("No open complaints."),
            "all": self.tr("No complaints have been taken at this desk yet."),
        }
        self.empty.setText(empty_texts[self.filter])
        self.empty.setVisible(not found)
        self.table.setVisible(bool(found))
        row = self.model.row_of(selected) if selected else None
        if found:
            self.select_row(row if row is not None else 0)
        else:
            self.detail.show_complaint(None)

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._selected(row)

    def select_ticket(self, ticket_no: str) -> bool:
        row = self.model.row_of(ticket_no)
        if row is not None:
            self.select_row(row)
        return row is not None

    def _selected(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            complaint = self.model.complaint(row)
            if self.detail.info is None or self.detail.info != complaint:
                self.detail.show_complaint(complaint)

    def _changed(self, info: ComplaintInfo) -> None:
        self.model.update(info)

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, NotSignedIn):
            self.reject()
            return
        self.error.setText(
            _message(
                error, QCoreApplication.translate("ComplaintsDialog", "Something unexpected went wrong; try again.")
            )
        )
        self.error.setVisible(True)
