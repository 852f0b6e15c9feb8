"""Qt models: thin adapters over the services' DTOs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from counter_app import i18n
from counter_app.domain.tiers import TIER_LABELS
from counter_app.services.members import MemberSummary

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
