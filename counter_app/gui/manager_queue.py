"""The manager's queue (Ctrl+M): parked operations, complaint compensations and sync review items, most urgent first, approved or rejected here."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from counter_app.domain.staff import NeedsManager, Permission
from counter_app.gui.guarded import run_guarded
from counter_app.gui.layout import fit_to_screen
from counter_app.gui.models import ManagerQueueModel
from counter_app.gui.shortcuts import CTRL_ENTER, bind_button, cancel_button
from counter_app.gui.tasks import Op
from counter_app.services import manager_queue
from counter_app.services.auth import NotSignedIn
from counter_app.services.desk import Desk

log = logging.getLogger(__name__)


class ManagerQueueDialog(QDialog):
    """Approve (Ctrl+Enter) or reject (Delete, with a reason) the selected item; a clerk's decision needs a manager's ID and PIN."""

    decided = Signal(object)  # manager_queue.QueueDecision: the desk refreshes its card and counts

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Waiting for a manager"))
        fit_to_screen(self, 1180, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Waiting for a manager"), objectName="titleLabel"))
        top.addStretch()
        self.count_label = QLabel(objectName="subtitleLabel")
        top.addWidget(self.count_label)
        layout.addLayout(top)
        explanation = QLabel(
            self.tr(
                "Most urgent first: money found at sync, compensation for a complaint whose answer is nearly due, then what staff parked for you, oldest first."
            ),
            objectName="subtitleLabel",
            wordWrap=True,
        )
        layout.addWidget(explanation)

        today = desk.today()
        self.model = ManagerQueueModel(self, zone=desk.now().tzinfo, today=today)
        self.table = QTableView(objectName="results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ManagerQueueModel.COLUMNS.index("details"), QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_buttons())
        layout.addWidget(self.table, 1)

        self.empty = QLabel(
            self.tr("Nothing waits for a manager."),
            objectName="emptyTitle",
            alignment=Qt.AlignmentFlag.AlignCenter,
            visible=False,
        )
        layout.addWidget(self.empty)
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
        self.authorise_button = self._button(
            self.tr("Manager sign-in…"),
            self.refresh_as_manager,
            self.tr("A manager shows the queue with their own ID and PIN"),
            "Ctrl+Shift+M",
        )
        self.authorise_button.setVisible(False)
        row.addWidget(self.refresh_button)
        row.addWidget(self.authorise_button)
        row.addStretch()
        self.reject_button = self._button(
            self.tr("Reject…"),
            self.reject_selected,
            self.tr("Refuse the selected item, with the reason the requester will see"),
            Qt.Key.Key_Delete,
        )
        self.approve_button = self._button(
            self.tr("Approve"),
            self.approve_selected,
            self.tr("Approve the selected item; a parked operation runs now"),
            CTRL_ENTER,
            primary=True,
        )
        close = self._button(self.tr("Close"), self.reject, self.tr("Close the queue"))
        cancel_button(close, self.tr("Close the queue"))
        for button in (self.reject_button, self.approve_button, close):
            row.addWidget(button)
        layout.addLayout(row)

        self._enable_buttons()
        self.refresh()
        self.table.setFocus()

    def _button(self, text: str, slot, tip: str, key=None, primary: bool = False) -> QPushButton:
        button = QPushButton(text, objectName="primaryButton" if primary else "secondaryButton", autoDefault=False)
        button.clicked.connect(slot)
        if key is not None:
            bind_button(self, button, key, tip)
        return button

    # --- reading ----------------------------------------------------------------------------
    def refresh(self, quiet: bool = False) -> None:
        """`quiet`: after a decision a manager authorised for a clerk, the clerk's own reading is refused;
        the list as it stands (the decided item taken out) is then what shows."""

        def failed(error: BaseException) -> None:
            if not (quiet and isinstance(error, NeedsManager)):
                self.show_error(error)

        Op(self, lambda: manager_queue.waiting(self.desk)).success(self.show_items).failure(failed).run()

    def refresh_as_manager(self) -> None:
        run_guarded(
            self,
            self.desk,
            lambda: manager_queue.waiting(self.desk),
            self.show_items,
            self.show_error,
            action="queue.list",
            permission=Permission.APPROVE,
        )

    def show_items(self, items: list[manager_queue.QueueItem]) -> None:
        selected = self.selected_item()
        self.model.set_items(items)
        self.authorise_button.setVisible(False)
        self.error.setVisible(False)
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.count_label.setText(self.tr("%1 waiting").replace("%1", str(len(items))))
        row = self.model.row_of(selected.kind, selected.item_id) if selected is not None else None
        if items:
            self.select_row(row if row is not None else 0)
        self._enable_buttons()

    def selected_item(self) -> manager_queue.QueueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _enable_buttons(self) -> None:
        chosen = self.selected_item() is not None
        self.approve_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    # --- deciding ---------------------------------------------------------------------------
    def approve_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.decide(item, True)

    def reject_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        reason = self.ask_reason(item)
        if reason is None:
            return
        if not reason.strip():
            self.show_error(None, self.tr("Give the reason for the rejection; the requester will see it."))
            return
        self.decide(item, False, reason)

    def ask_reason(self, item: manager_queue.QueueItem) -> str | None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Reject"))
        dialog.setLabelText(
            self.tr("Why is “%1” refused? The requester sees the reason, and it goes into the audit log.").replace(
                "%1", item.title
            )
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("Reject"))
        dialog.setCancelButtonText(self.tr("Back"))
        dialog.setMinimumWidth(480)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    def decide(self, item: manager_queue.QueueItem, approve: bool, reason: str | None = None) -> None:
        kind, item_id = item.kind, item.item_id
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        run_guarded(
            self,
            self.desk,
            lambda: manager_queue.decide(self.desk, kind, item_id, approve, reason),
            lambda decision: self._decided(item, decision),
            self.show_error,
            action="queue.decide",
            permission=Permission.APPROVE,
        )

    def _decided(self, item: manager_queue.QueueItem, decision: manager_queue.QueueDecision) -> None:
        self.model.remove(item.kind, item.item_id)
        verdict = self.tr("Approved: %1") if decision.approved else self.tr("Rejected: %1")
        self._say(verdict.replace("%1", " · ".join(part for part in (item.title, item.subject) if part)))
        self.decided.emit(decision)
        self.empty.setVisible(not self.model.rowCount())
        self.table.setVisible(bool(self.model.rowCount()))
        self.count_label.setText(self.tr("%1 waiting").replace("%1", str(self.model.rowCount())))
        self.refresh(quiet=True)  # decided elsewhere meanwhile, or a new one: the list as the store has it

    def _say(self, text: str) -> None:
        self.error.setVisible(False)
        self.notice.setText(text)

    def show_error(self, error: BaseException | None, text: str | None = None) -> None:
        if isinstance(error, NotSignedIn):
            self.reject()
            return
        if text is None and isinstance(error, NeedsManager) and not self.model.rowCount():
            # A clerk opened the queue: a manager shows it with their own ID and PIN.
            self.authorise_button.setVisible(True)
            self.table.setVisible(False)
            self.empty.setVisible(False)
        if text is not None:
            pass
        elif isinstance(error, DeskError):
            fields = getattr(error, "fields", {})
            text = "\n".join(field.message() for field in fields.values()) or error.message()
        else:
            log.error("manager queue action failed", exc_info=error)
            text = self.tr("Something unexpected went wrong; nothing was changed. Try again.")
        self.error.setText(text)
        self.error.setVisible(True)
        self._enable_buttons()
