"""The member card: who the member is, their tier and points at a glance."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import i18n
from counter_app.domain.members import FIELD_LABELS
from counter_app.domain.presence import Presence, ProofKind
from counter_app.domain.tiers import TIER_LABELS
from counter_app.gui.presence_dialog import presence_text
from counter_app.services.members import MemberCard, ProfileChange

HISTORY_SHOWN = 3


class _ButtonRow(QWidget):
    """Buttons side by side whose width never sets the card's minimum: the card arranges its rows to fit instead."""

    def __init__(self, *buttons: QPushButton) -> None:
        super().__init__(objectName="cardActions")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSizeConstraint(QHBoxLayout.SizeConstraint.SetNoConstraint)
        for button in buttons:
            layout.addWidget(button)

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(0)
        return hint


class MemberCardView(QStackedWidget):
    """An empty state inviting a scan, or the open member's card."""

    edit_requested = Signal(str)  # member_no
    reveal_requested = Signal(str)  # member_no
    earn_requested = Signal()
    redeem_requested = Signal()
    history_requested = Signal()
    complaint_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: MemberCard | None = None
        self.addWidget(self._build_empty())
        self.addWidget(self._build_card())
        self.setCurrentIndex(0)

    def _build_empty(self) -> QWidget:
        page = QFrame(objectName="emptyCard")
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        self.empty_title = QLabel(
            self.tr("Scan a member code to begin"), objectName="emptyTitle", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.empty_hint = QLabel(
            self.tr(
                "Or type a phone number, its last 4 digits, a member number, a name or pinyin initials (zsf finds 张三丰). A name and the last 4 digits together narrow it down: 张伟 8000."
            ),
            objectName="emptyHint",
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        keys = QLabel(
            self.tr("Enter  search  ·  Esc  back to the search box  ·  F2  new member"),
            objectName="keysHint",
            alignment=Qt.AlignmentFlag.AlignCenter,
        )
        for widget in (self.empty_title, self.empty_hint, keys):
            layout.addWidget(widget)
        layout.addStretch(3)
        return page

    def _build_card(self) -> QWidget:
        page = QFrame(objectName="memberCard")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.header = QFrame(objectName="cardHeader")
        header = QGridLayout(self.header)
        header.setContentsMargins(24, 20, 24, 20)
        self.name_label = QLabel(objectName="cardName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tier_badge = QLabel(objectName="tierBadge")
        self.tier_badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.member_no_label = QLabel(objectName="cardMemberNo")
        self.member_no_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.points_value = QLabel(
            objectName="pointsValue", alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        points_caption = QLabel(self.tr("points"), objectName="pointsCaption", alignment=Qt.AlignmentFlag.AlignRight)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label)
        name_row.addWidget(self.tier_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        # How the member was identified, when it limits what the desk may do for them: a badge, no extra line.
        self.identification = QLabel(objectName="cardNotice", visible=False)
        self.identification.setTextFormat(Qt.TextFormat.PlainText)
        name_row.addWidget(self.identification, 0, Qt.AlignmentFlag.AlignVCenter)
        self.identified_by: str | None = None
        self.presence: Presence | None = None  # the scan that shows the member is here, if any
        name_row.addStretch()
        header.addLayout(name_row, 0, 0)
        header.addWidget(self.member_no_label, 1, 0)
        header.addWidget(self.points_value, 0, 1)
        header.addWidget(points_caption, 1, 1)
        layout.addWidget(self.header)

        body = QFrame(objectName="cardBody")
        grid = QGridLayout(body)
        grid.setContentsMargins(24, 16, 24, 16)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.values: dict[str, QLabel] = {}
        fields = [
            ("phone", self.tr("Mobile")),
            ("spend", self.tr("12-month spend")),
            ("birthday", self.tr("Birthday")),
            ("gender", self.tr("Gender")),
            ("registered", self.tr("Member since")),
            ("id_number", self.tr("ID number")),
            ("referrer", self.tr("Referred by")),
            ("consent", self.tr("Privacy notice")),
        ]
        for position, (key, caption) in enumerate(fields):
            row, column = divmod(position, 2)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(QLabel(caption, objectName="fieldCaption"))
            value = QLabel(objectName="fieldValue")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cell.addWidget(value)
            self.values[key] = value
            grid.addLayout(cell, row, column)
        # Fields and sections scroll when a banner (offline, printer) leaves the card less height than they need:
        # squeezed, Qt would overlap their lines instead.
        details = QWidget(objectName="cardDetails")
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.setSpacing(0)
        details_layout.addWidget(body)
        scroller = QScrollArea(objectName="cardScroller", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(details)
        layout.addWidget(scroller, 1)

        sections = QFrame(objectName="cardSections")
        section_layout = QGridLayout(sections)
        section_layout.setContentsMargins(24, 8, 24, 16)
        self.expiring_label = QLabel(objectName="sectionValue", wordWrap=True)
        self.coupons_label = QLabel(objectName="sectionValue", wordWrap=True)
        section_layout.addWidget(QLabel(self.tr("Points expiring in 30 days"), objectName="sectionTitle"), 0, 0)
        section_layout.addWidget(QLabel(self.tr("Coupons"), objectName="sectionTitle"), 0, 1)
        section_layout.addWidget(self.expiring_label, 1, 0)
        section_layout.addWidget(self.coupons_label, 1, 1)
        self.history_label = QLabel(objectName="sectionValue", wordWrap=True)
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        section_layout.addWidget(QLabel(self.tr("Recent profile changes"), objectName="sectionTitle"), 2, 0, 1, 2)
        section_layout.addWidget(self.history_label, 3, 0, 1, 2)
        details_layout.addWidget(sections)
        details_layout.addStretch(1)

        # The window that binds the keys (F3, Ctrl+E, …) gives these buttons their tooltips, from the same key sequences.
        self.edit_button = QPushButton(self.tr("Edit profile (Ctrl+E)"), objectName="secondaryButton")
        self.edit_button.clicked.connect(lambda: self._for_the_card(self.edit_requested))
        self.reveal_button = QPushButton(self.tr("Show full numbers"), objectName="secondaryButton")
        self.reveal_button.clicked.connect(lambda: self._for_the_card(self.reveal_requested))
        self.earn_button = QPushButton(self.tr("Earn  F3"), objectName="primaryButton")
        self.earn_button.clicked.connect(self.earn_requested)
        self.redeem_button = QPushButton(self.tr("Redeem  F4"), objectName="secondaryButton")
        self.redeem_button.clicked.connect(self.redeem_requested)
        self.history_button = QPushButton(self.tr("History  F6"), objectName="secondaryButton")
        self.history_button.clicked.connect(self.history_requested)
        self.complaint_button = QPushButton(self.tr("Complaint  F7"), objectName="secondaryButton")
        self.complaint_button.clicked.connect(self.complaint_requested)
        operations = _ButtonRow(self.earn_button, self.redeem_button, self.history_button, self.complaint_button)
        profile = _ButtonRow(self.reveal_button, self.edit_button)
        self._operations, self._profile_actions = operations, profile
        # One line when both groups fit, else the profile's buttons above the operations: on one line they
        # would widen the card until the results list beside it loses its columns.
        self.actions_grid = QGridLayout()
        self.actions_grid.setContentsMargins(24, 8, 24, 20)
        self.actions_grid.setVerticalSpacing(8)
        self.actions_grid.setColumnStretch(1, 1)
        self._one_line: bool | None = None
        self._arrange_actions(True)
        layout.addLayout(self.actions_grid)
        layout.addStretch()
        page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        return page

    def _for_the_card(self, request: SignalInstance) -> None:
        """Ask for something about the member shown; with no card shown there is nothing to ask about."""
        if self.card is not None:
            request.emit(self.card.member_no)

    def _arrange_actions(self, one_line: bool) -> None:
        if one_line == self._one_line:
            return
        self._one_line = one_line
        for widget in (self._operations, self._profile_actions):
            self.actions_grid.removeWidget(widget)
        if one_line:
            self.actions_grid.addWidget(self._operations, 0, 0, Qt.AlignmentFlag.AlignLeft)
            self.actions_grid.addWidget(self._profile_actions, 0, 2, Qt.AlignmentFlag.AlignRight)
        else:
            self.actions_grid.addWidget(self._profile_actions, 0, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
            self.actions_grid.addWidget(self._operations, 1, 0, Qt.AlignmentFlag.AlignLeft)

    def resizeEvent(self, event) -> None:
        margins = self.actions_grid.contentsMargins()
        needed = (
            self._operations.sizeHint().width()
            + self._profile_actions.sizeHint().width()
            + margins.left()
            + margins.right()
            + 24
        )
        self._arrange_actions(event.size().width() >= needed)
        super().resizeEvent(event)

    def show_card(self, card: MemberCard) -> None:
        self.card = card
        self.name_label.setText(card.name)
        self.tier_badge.setText(i18n.translate("Tiers", TIER_LABELS.get(card.tier, card.tier)))
        self.header.setProperty("tier", card.tier)
        self.tier_badge.setProperty("tier", card.tier)
        for widget in (self.header, self.tier_badge):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.member_no_label.setText(self.tr("Member no. %1").replace("%1", card.member_no))
        self.points_value.setText(f"{card.points:,}")
        none = self.tr("—")
        gender = {"F": self.tr("Female"), "M": self.tr("Male")}.get(card.gender or "", none)
        self.values["phone"].setText(card.phone)
        self.values["spend"].setText(f"¥{float(card.spend_12m):,.2f}")
        self.values["birthday"].setText(card.birthday or none)
        self.values["gender"].setText(gender)
        self.values["registered"].setText(card.registered_at[:10])
        self.values["id_number"].setText(card.id_number or none)
        self.values["referrer"].setText(card.referrer_no or none)
        self.values["consent"].setText(self.tr("Agreed, version %1").replace("%1", card.consent_version))
        if card.tier_history:
            # The tier's story under the member number: since when, and from what.
            last = card.tier_history[0]
            since = (
                self.tr("Since %1 (was %2)")
                .replace("%1", last["at"])
                .replace("%2", i18n.translate("Tiers", TIER_LABELS.get(last["from"], last["from"])))
            )
            self.member_no_label.setText(
                self.member_no_label.text()
                + "  ·  "
                + i18n.translate("Tiers", TIER_LABELS.get(card.tier, card.tier))
                + " "
                + since
            )
            self.tier_badge.setToolTip(
                "\n".join(
                    f"{t['at']}  {i18n.translate('Tiers', TIER_LABELS.get(t['from'], t['from']))} → {i18n.translate('Tiers', TIER_LABELS.get(t['to'], t['to']))}"
                    for t in card.tier_history
                )
            )
        else:
            self.tier_badge.setToolTip("")
        self.expiring_label.setText(
            "\n".join(f"{item['points']:,} · {item['expires_on']}" for item in card.expiring)
            or self.tr("Nothing expires soon")
        )
        self.coupons_label.setText(
            "\n".join(f"{item['title']} · {item['code']}" for item in card.coupons) or self.tr("No coupons")
        )
        self.history_label.setText("")
        self.setCurrentIndex(1)

    def show_identification(self, via: str | None, presence: Presence | None = None) -> None:
        """How the member was identified, and so whether the desk knows they are here to spend points."""
        self.identified_by = via
        self.presence = presence
        notices = {
            "card": (
                self.tr("Printed card · limited"),
                self.tr(
                    "Identified by the printed card only: redemption is limited. Ask for the phone code or ID for more."
                ),
            ),
            "ticket": (
                self.tr("Event ticket · scan to redeem"),
                self.tr(
                    "Opened from an event ticket, which does not show the member is here: scan their code to redeem."
                ),
            ),
        }
        if presence is not None and presence.via is ProofKind.CODE:
            badge, explanation = (
                self.tr("Present · code %1").replace("%1", presence.at.strftime("%H:%M") if presence.at else ""),
                presence_text(presence),
            )
        elif via in notices:
            badge, explanation = notices[via or ""]
        else:
            badge, explanation = self.tr("Looked up · scan to redeem"), presence_text(None)
        self.identification.setText(badge)
        self.identification.setToolTip(explanation)
        self.identification.setProperty("present", presence is not None)
        self.identification.style().unpolish(self.identification)
        self.identification.style().polish(self.identification)
        self.identification.setVisible(True)

    def show_revealed(self, revealed) -> None:
        """Full numbers for the member on screen, until another member opens (the reveal is audited)."""
        if self.card is None or self.card.member_no != revealed.member_no:
            return
        self.values["phone"].setText(revealed.phone or self.tr("—"))
        self.values["id_number"].setText(revealed.id_number or self.tr("—"))

    def show_history(self, member_no: str, changes: list[ProfileChange]) -> None:
        if self.card is None or self.card.member_no != member_no:
            return  # another member was opened meanwhile
        none = self.tr("—")
        lines = [
            f"{change.changed_at[:10]}  {i18n.translate('Fields', FIELD_LABELS.get(change.field, change.field))}: {change.old or none} → {change.new or none}"
            for change in changes[:HISTORY_SHOWN]
        ]
        self.history_label.setText("\n".join(lines) or self.tr("None since registration"))

    def clear(self) -> None:
        self.card = None
        self.setCurrentIndex(0)
