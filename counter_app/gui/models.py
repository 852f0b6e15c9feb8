"""Qt models: thin adapters over the services' DTOs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

from counter_app import i18n
from counter_app.domain.queue import QUEUE_KIND_LABELS
from counter_app.domain.receipts import JOB_STATUS_LABELS, KIND_TITLES
from counter_app.domain.tiers import TIER_LABELS
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.members import MemberSummary
from counter_app.services.printing import STATE_ADVICE, PrintJobInfo

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()  # the invalid index: a flat list's rows hang from it


class RowsModel(QAbstractTableModel):
    """A table of service DTOs, one per row, named columns: the counts and headers every list here shares.

    Each model gives `headers()`, its column titles in the desk's language, translated in its own context.
    """

    COLUMNS: tuple[str, ...] = ()
    headers: Callable[[], tuple[str, ...]]  # each model's own method, as the docstring says

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def reset_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]


class MemberResultsModel(RowsModel):
    """The members a search found, one per row."""

    COLUMNS = ("name", "phone", "member_no", "tier", "points")

    def set_members(self, members: list[MemberSummary]) -> None:
        self.reset_rows(members)

    def member(self, row: int) -> MemberSummary:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Phone"), self.tr("Member no."), self.tr("Tier"), self.tr("Points"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "tier":
                return i18n.translate("Tiers", TIER_LABELS.get(member.tier, member.tier))
            if column == "points":
                return f"{member.points:,}"
            return getattr(member, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "points":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{member.name} · {member.member_no}"
        return None


class PrintJobsModel(RowsModel):
    """The print queue's jobs, newest first, one per row; times in the desk's own time zone."""

    COLUMNS = ("id", "created_at", "kind", "reference", "status", "copy_no", "attempts", "printer_said")
    NUMERIC = ("id", "copy_no", "attempts")

    def __init__(self, parent: QObject | None = None, zone: dt.tzinfo | None = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def set_jobs(self, jobs: list[PrintJobInfo]) -> None:
        """Rows whose job is still listed change in place (the selection stays); otherwise the list is reset."""
        jobs = list(jobs)
        if [job.id for job in jobs] == [job.id for job in self._rows]:
            changed = [row for row, (old, new) in enumerate(zip(self._rows, jobs, strict=True)) if old != new]
            self._rows = jobs
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(self.COLUMNS) - 1))
            return
        self.reset_rows(jobs)

    def job(self, row: int) -> PrintJobInfo:
        return self._rows[row]

    def row_of(self, job_id: int) -> int | None:
        return next((row for row, job in enumerate(self._rows) if job.id == job_id), None)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Time"),
            self.tr("Receipt"),
            self.tr("Reference"),
            self.tr("Status"),
            self.tr("Copy"),
            self.tr("Attempts"),
            self.tr("Printer said"),
        )

    def _time(self, iso: str | None) -> str:
        if not iso:
            return ""
        moment = dt.datetime.fromisoformat(iso)
        if self.zone is not None and moment.tzinfo is not None:
            moment = moment.astimezone(self.zone)
        return moment.strftime("%m-%d %H:%M:%S")

    def _printer_said(self, job: PrintJobInfo) -> str:
        if job.status == "cancelled":
            return self.tr("Cancelled: %1").replace("%1", job.last_error or "")
        if job.status == "printed":
            return self.tr("Printed at %1").replace("%1", self._time(job.printed_at))
        if job.last_state:
            return QCoreApplication.translate("Printing", STATE_ADVICE.get(job.last_state, STATE_ADVICE["unknown"]))
        return self.tr("Not tried yet")

    def text(self, job: PrintJobInfo, column: str) -> str:
        if column == "created_at":
            return self._time(job.created_at)
        if column == "kind":
            return i18n.translate("Receipts", KIND_TITLES[job.kind]) if job.kind in KIND_TITLES else job.kind
        if column == "status":
            return QCoreApplication.translate("PrintJobsModel", JOB_STATUS_LABELS.get(job.status, job.status))
        if column == "copy_no":
            return self.tr("Original") if job.copy_no == 0 else self.tr("Copy %1").replace("%1", str(job.copy_no))
        if column == "printer_said":
            return self._printer_said(job)
        return str(getattr(job, column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(job, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "printer_said" and job.last_error and job.status != "cancelled":
                return f"{self._printer_said(job)}\n{job.last_error}"  # the printer's own words, for support
            return f"{self.text(job, column)}\n{job.printer_uri}" if column == "reference" else self.text(job, column)
        if role == Qt.ItemDataRole.ForegroundRole and job.status in ("printed", "cancelled"):
            return QColor("#7b8794")  # done with: the waiting ones stand out
        if role == Qt.ItemDataRole.FontRole and job.status in ("queued", "printing"):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        return None


# ---- manager pages: reports, the manager's queue, complaints ---------------------------------------


def format_figure(value: Any) -> str:
    """A report's figure as a manager reads it: thousands separated, money to the fen, shares to one decimal."""
    from decimal import Decimal

    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:,.2f}" if round(value, 1) != round(value, 2) else f"{value:,.1f}"
    return "" if value is None else str(value)


def format_minutes(minutes: int) -> str:
    """A span of time, short: 45 min, 3 h 05 min, 30 h 10 min (a day's promise reads in hours), 2 d 4 h."""
    minutes = abs(int(minutes))
    if minutes < 60:
        return QCoreApplication.translate("Durations", "%1 min").replace("%1", str(minutes))
    if minutes < 48 * 60:
        return (
            QCoreApplication.translate("Durations", "%1 h %2 min")
            .replace("%1", str(minutes // 60))
            .replace("%2", f"{minutes % 60:02d}")
        )
    days, rest = divmod(minutes, 24 * 60)
    return QCoreApplication.translate("Durations", "%1 d %2 h").replace("%1", str(days)).replace("%2", str(rest // 60))


def local_time(iso: str | None, zone: dt.tzinfo | None = None, today: dt.date | None = None) -> str:
    """HH:MM for today, MM-DD HH:MM for another day of this year, the full date otherwise; in the desk's zone."""
    if not iso:
        return ""
    moment = dt.datetime.fromisoformat(iso)
    if zone is not None and moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    if today is not None and moment.date() == today:
        return moment.strftime("%H:%M")
    if today is not None and moment.year == today.year:
        return moment.strftime("%m-%d %H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")


class ReportTableModel(QAbstractTableModel):
    """One of a report's tables (services.reports.ReportTable), its labels already in the desk's language."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: Any = None

    def set_table(self, table: Any) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def table(self) -> Any:
        return self._table

    def value(self, row: int, column: int) -> Any:
        return self._table.rows[row][column]

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() or self._table is None else len(self._table.rows)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() or self._table is None else len(self._table.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._table.columns[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None:
            return None
        value = self._table.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return format_figure(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# Urgency 1 (money already gone) to 5 (something to check): red, amber, blue, then neutral.
URGENCY_COLOURS = {1: "#b3261e", 2: "#b35900", 3: "#1f6feb", 4: "#52606d", 5: "#7b8794"}
URGENCY_LABELS = {
    1: QT_TRANSLATE_NOOP("ManagerQueueModel", "Urgent: money involved"),
    2: QT_TRANSLATE_NOOP("ManagerQueueModel", "Urgent: answer promise nearly due"),
    3: QT_TRANSLATE_NOOP("ManagerQueueModel", "A member may be waiting"),
    4: QT_TRANSLATE_NOOP("ManagerQueueModel", "Waiting"),
    5: QT_TRANSLATE_NOOP("ManagerQueueModel", "To check"),
}


_DOTS: dict[int, QPixmap] = {}


def urgency_dot(urgency: int) -> QPixmap:
    if urgency not in _DOTS:
        dot = QPixmap(14, 14)
        dot.fill(Qt.GlobalColor.transparent)
        painter = QPainter(dot)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(URGENCY_COLOURS.get(urgency, "#7b8794")))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        _DOTS[urgency] = dot
    return _DOTS[urgency]


class ManagerQueueModel(RowsModel):
    """What waits for a manager (services.manager_queue.QueueItem), most urgent first, as the service orders it."""

    COLUMNS = ("urgency", "kind", "title", "subject", "details", "requested_by", "requested_at", "age")

    def __init__(
        self, parent: QObject | None = None, zone: dt.tzinfo | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.zone = zone
        self.today = today

    def set_items(self, items: list[Any]) -> None:
        self.reset_rows(items)

    def remove(self, kind: str, item_id: str) -> None:
        row = self.row_of(kind, item_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def item(self, row: int) -> Any:
        return self._rows[row]

    def items(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, kind: str, item_id: str) -> int | None:
        return next((row for row, item in enumerate(self._rows) if item.kind == kind and item.item_id == item_id), None)

    def headers(self) -> tuple[str, ...]:
        return (
            "",
            self.tr("Kind"),
            self.tr("What"),
            self.tr("Member / ticket"),
            self.tr("Details"),
            self.tr("Asked by"),
            self.tr("When"),
            self.tr("Waiting"),
        )

    def text(self, item: Any, column: str) -> str:
        if column == "urgency":
            return ""  # a coloured dot (the decoration): selection colours never hide it
        if column == "kind":
            return QCoreApplication.translate("ManagerQueueModel", QUEUE_KIND_LABELS.get(item.kind, item.kind))
        if column == "requested_by":
            return item.requested_by or self.tr("Server (sync)")
        if column == "requested_at":
            return local_time(item.requested_at, self.zone, self.today)
        if column == "age":
            return format_minutes(item.age_minutes)
        return getattr(item, column) or ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "urgency":
                return QCoreApplication.translate("ManagerQueueModel", URGENCY_LABELS.get(item.urgency, ""))
            if column == "details":
                return item.details
            return self.text(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "urgency":
            return urgency_dot(item.urgency)
        if role == Qt.ItemDataRole.FontRole and item.urgency <= 2 and column in ("title", "age"):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("urgency", "age"):
            return int(
                Qt.AlignmentFlag.AlignCenter
                if column == "urgency"
                else Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        return None


# The answer promise's clock: green on track, amber in its last stretch, red late; grey once answered in time.
SLA_COLOURS = {"on_track": "#1a7f37", "amber": "#a35200", "breached": "#b3261e", "met": "#52606d"}
SLA_BACKGROUNDS = {"on_track": "#e6f4ea", "amber": "#fff1db", "breached": "#fdecea", "met": "#eef1f5"}


def sla_text(complaint: Any) -> str:
    """Time left on the promise, how late it is, or how it was kept: from ComplaintInfo's frozen figures."""
    if complaint.answered_at:
        return (
            QCoreApplication.translate("ComplaintsModel", "Answered in time")
            if complaint.sla_status == "met"
            else QCoreApplication.translate("ComplaintsModel", "Answered late")
        )
    if complaint.minutes_left < 0:
        return QCoreApplication.translate("ComplaintsModel", "Late by %1").replace(
            "%1", format_minutes(complaint.minutes_left)
        )
    return QCoreApplication.translate("ComplaintsModel", "%1 left").replace(
        "%1", format_minutes(complaint.minutes_left)
    )


def complaint_customer(complaint: Any) -> str:
    if complaint.member_no:
        return complaint.member_no
    return complaint.walk_in_name or QCoreApplication.translate("ComplaintsModel", "Walk-in customer")


class ComplaintsModel(RowsModel):
    """Complaints (services.complaints.ComplaintInfo), soonest due first, with the answer promise's clock coloured."""

    COLUMNS = ("sla", "ticket_no", "customer", "category", "state")

    def __init__(
        self, parent: QObject | None = None, zone: dt.tzinfo | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.zone = zone
        self.today = today

    def set_complaints(self, complaints: list[Any]) -> None:
        self.reset_rows(complaints)

    def update(self, complaint: Any) -> None:
        """One complaint changed (an action on it): its row changes in place."""
        row = self.row_of(complaint.ticket_no)
        if row is not None:
            self._rows[row] = complaint
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def complaint(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, ticket_no: str) -> int | None:
        return next((row for row, complaint in enumerate(self._rows) if complaint.ticket_no == ticket_no), None)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Answer due"), self.tr("Ticket"), self.tr("Customer"), self.tr("Category"), self.tr("State"))

    def text(self, complaint: Any, column: str) -> str:
        if column == "sla":
            return sla_text(complaint)
        if column == "opened_at":
            return local_time(complaint.opened_at, self.zone, self.today)
        if column == "customer":
            return complaint_customer(complaint)
        if column == "category":
            return complaint.category_label
        if column == "state":
            return complaint.state_label
        return getattr(complaint, column) or ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        complaint = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(complaint, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "sla":
                return (
                    QCoreApplication.translate("ComplaintsModel", "%1 · answer promised by %2")
                    .replace("%1", complaint.sla_label)
                    .replace("%2", local_time(complaint.due_at, self.zone))
                )
            if column == "ticket_no":
                return (
                    QCoreApplication.translate("ComplaintsModel", "%1 · taken %2")
                    .replace("%1", complaint.ticket_no)
                    .replace("%2", local_time(complaint.opened_at, self.zone, self.today))
                )
            if column == "customer" and complaint.contact:
                return f"{complaint_customer(complaint)} · {complaint.contact}"
            if column == "category":
                return f"{complaint.category_label} · {complaint.severity_label}" + (
                    f" · {complaint.shop}" if complaint.shop else ""
                )
            if column == "state" and complaint.assigned_to:
                return f"{complaint.state_label} · {complaint.assigned_to}"
            return self.text(complaint, column)
        if column == "sla" and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(SLA_COLOURS.get(complaint.sla_status, "#52606d"))
        if column == "sla" and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(SLA_BACKGROUNDS.get(complaint.sla_status, "#ffffff"))
        if column == "state" and role == Qt.ItemDataRole.ForegroundRole and complaint.state == "escalated":
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.FontRole and (
            column == "sla" or (column == "state" and complaint.state == "escalated")
        ):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return complaint.sla_status
        return None
