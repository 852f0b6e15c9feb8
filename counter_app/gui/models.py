"""Qt models: thin adapters over the services' DTOs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from counter_app import i18n
from counter_app.domain.receipts import KIND_TITLES
from counter_app.domain.tiers import TIER_LABELS
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.members import MemberSummary
from counter_app.services.printing import STATE_ADVICE, PrintJobInfo

Index = QModelIndex | QPersistentModelIndex


class MemberResultsModel(QAbstractTableModel):
    """The members a search found, one per row."""

    COLUMNS = ("name", "phone", "member_no", "tier", "points")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: list[MemberSummary] = []

    def set_members(self, members: list[MemberSummary]) -> None:
        self.beginResetModel()
        self._members = list(members)
        self.endResetModel()

    def member(self, row: int) -> MemberSummary:
        return self._members[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Phone"), self.tr("Member no."), self.tr("Tier"), self.tr("Points"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self._members[index.row()]
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


JOB_STATUS_LABELS = {
    "queued": QT_TRANSLATE_NOOP("PrintJobsModel", "Waiting"),
    "printing": QT_TRANSLATE_NOOP("PrintJobsModel", "Printing"),
    "printed": QT_TRANSLATE_NOOP("PrintJobsModel", "Printed"),
    "cancelled": QT_TRANSLATE_NOOP("PrintJobsModel", "Cancelled"),
}


class PrintJobsModel(QAbstractTableModel):
    """The print queue's jobs, newest first, one per row; times in the desk's own time zone."""

    COLUMNS = ("id", "created_at", "kind", "reference", "status", "copy_no", "attempts", "printer_said")
    NUMERIC = ("id", "copy_no", "attempts")

    def __init__(self, parent: QObject | None = None, zone: dt.tzinfo | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[PrintJobInfo] = []
        self.zone = zone

    def set_jobs(self, jobs: list[PrintJobInfo]) -> None:
        """Rows whose job is still listed change in place (the selection stays); otherwise the list is reset."""
        jobs = list(jobs)
        if [job.id for job in jobs] == [job.id for job in self._jobs]:
            changed = [row for row, (old, new) in enumerate(zip(self._jobs, jobs)) if old != new]
            self._jobs = jobs
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(self.COLUMNS) - 1))
            return
        self.beginResetModel()
        self._jobs = jobs
        self.endResetModel()

    def job(self, row: int) -> PrintJobInfo:
        return self._jobs[row]

    def row_of(self, job_id: int) -> int | None:
        return next((row for row, job in enumerate(self._jobs) if job.id == job_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("No."), self.tr("Time"), self.tr("Receipt"), self.tr("Reference"), self.tr("Status"), self.tr("Copy"), self.tr("Attempts"), self.tr("Printer said")
        )[section]

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
        job = self._jobs[index.row()]
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
