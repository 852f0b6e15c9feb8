"""Points at the desk: earn from a slip, redeem (cash, gifts, coupons), write off a coupon, and the history."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import i18n
from counter_app.domain.errors import DeskError
from counter_app.domain.ledger import KIND_LABELS
from counter_app.domain.presence import Presence, PresenceNeeded
from counter_app.domain.rules import Rules
from counter_app.domain.staff import Permission
from counter_app.domain.tiers import TIER_LABELS
from counter_app.gui.guarded import run_guarded
from counter_app.gui.presence_dialog import PresenceDialog, presence_text
from counter_app.gui.receipt_preview import ReceiptPreviewDialog
from counter_app.gui.shortcuts import (
    CTRL_ENTER,
    ENTER,
    bind_button,
    bind_buttons,
    cancel_button,
    default_button,
    tab_order,
    when_focused,
    with_key,
)
from counter_app.gui.tasks import Op
from counter_app.services import member_codes, points, presence, printing, rewards
from counter_app.services.desk import Desk
from counter_app.services.members import MemberCard

log = logging.getLogger(__name__)


def _tier(tier: str) -> str:
    return i18n.translate("Tiers", TIER_LABELS.get(tier, tier))


class _DeskDialog(QDialog):
    """Common frame: a title, the member's balance, an error line, and what happened."""

    done_message = Signal(str)
    receipt = Signal(str)  # the committed operation's receipt reference, after done_message
    job_queued = Signal(object)  # printing.PrintJobInfo: a receipt printed from the dialog itself

    def __init__(
        self, desk: Desk, card: MemberCard | None, parent: QWidget | None = None, ref: str | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.card = card
        # How the member was identified: their member number, or the printed card's code (which redeems less).
        self.ref = ref or (card.member_no if card is not None else None)
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 20)
        self.layout_.setSpacing(10)
        self.title = QLabel(objectName="titleLabel")
        self.layout_.addWidget(self.title)
        self.balance_label = QLabel(objectName="subtitleLabel", wordWrap=True)
        self.balance_label.setTextFormat(Qt.TextFormat.PlainText)
        if card is not None:
            self.balance_label.setText(
                self.tr("%1 · %2 · %3 points")
                .replace("%1", card.name)
                .replace("%2", _tier(card.tier))
                .replace("%3", f"{card.points:,}")
            )
        self.layout_.addWidget(self.balance_label)
        self.error = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

    def set_title(self, title: str) -> None:
        self.setWindowTitle(title)
        self.title.setText(title)

    def add_error_line(self) -> None:
        self.layout_.addWidget(self.error)

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            fields = getattr(error, "fields", {})
            text = "\n".join(field.message() for field in fields.values()) or error.message()
        else:
            log.error("points operation failed", exc_info=error)
            text = self.tr("Something unexpected went wrong; nothing was changed. Try again.")
        self.error.setText(text)
        self.error.setVisible(True)
        for button in self.findChildren(QPushButton):
            button.setEnabled(True)

    def finish(self, message: str, reference: str | None = None) -> None:
        """The operation committed: say so first, then its receipt (the main window queues it)."""
        self.done_message.emit(message)
        if reference:
            self.receipt.emit(reference)
        self.accept()


class _MemberDialog(_DeskDialog):
    """A dialog about one member: their card and how they were identified are always there."""

    def __init__(self, desk: Desk, card: MemberCard, parent: QWidget | None = None, ref: str | None = None) -> None:
        super().__init__(desk, card, parent, ref)
        self.card: MemberCard = card
        self.ref: str = ref or card.member_no


class EarnDialog(_MemberDialog):
    """Amount, Enter, slip number, Enter: the points land and the new balance shows. Opened by scanning the
    slip (or a slip scanned while it is open), the slip number is filled in: the amount and Enter are left."""

    def __init__(
        self,
        desk: Desk,
        card: MemberCard,
        parent: QWidget | None = None,
        ref: str | None = None,
        slip_no: str | None = None,
    ) -> None:
        super().__init__(desk, card, parent, ref)
        self.set_title(self.tr("Earn points from a slip"))
        grid = QGridLayout()
        self.amount_edit = QLineEdit(maxLength=14, placeholderText=self.tr("Amount in yuan, e.g. 1234.50"))
        self.slip_edit = QLineEdit(maxLength=40, placeholderText=self.tr("Scan or type the slip number"))
        self.shop_edit = QLineEdit(maxLength=40, placeholderText=self.tr("Optional"))
        for row, (caption, edit) in enumerate(
            (
                (self.tr("Amount (¥)"), self.amount_edit),
                (self.tr("Slip no."), self.slip_edit),
                (self.tr("Shop"), self.shop_edit),
            )
        ):
            grid.addWidget(QLabel(caption), row, 0)
            grid.addWidget(edit, row, 1)
        self.layout_.addLayout(grid)
        self.add_error_line()
        buttons = QHBoxLayout()
        buttons.addStretch()
        cancel = QPushButton(self.tr("Cancel"), objectName="secondaryButton")
        cancel.clicked.connect(self.reject)
        self.ok = QPushButton(self.tr("Add points"), objectName="primaryButton")
        self.ok.clicked.connect(self.submit)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        self.layout_.addLayout(buttons)
        cancel_button(cancel, self.tr("Close without adding points"))
        bind_button(self, self.ok, CTRL_ENTER, self.tr("Add the points from this slip"))
        tab_order(self.amount_edit, self.slip_edit, self.shop_edit, self.ok, cancel)
        self.amount_edit.returnPressed.connect(
            lambda: self.slip_edit.setFocus() if not self.slip_edit.text() else self.submit()
        )
        self.slip_edit.returnPressed.connect(self.submit)
        self.shop_edit.returnPressed.connect(self.submit)
        if slip_no:
            self.slip_edit.setText(slip_no)
        self.amount_edit.setFocus()

    def keyPressEvent(self, event) -> None:
        # Enter belongs to the field it was pressed in (on to the slip number, or take the points); passed on, it
        # would also click the default button and take the points before the slip number is there.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def take_scan(self, text: str) -> None:
        """A slip's barcode scanned while the form is open is its slip number, wherever the focus is (never
        typed into the amount); with the amount already typed, the scan takes the points, as its Enter would."""
        self.slip_edit.setText(text.strip())
        if self.amount_edit.text().strip():
            self.submit()
        else:
            self.amount_edit.setFocus()

    def show_error(self, error: BaseException) -> None:
        """The sentence, and the keyboard in the first field to fix, its text selected: what is typed next replaces it."""
        super().show_error(error)
        fields = getattr(error, "fields", {}) if isinstance(error, DeskError) else {}
        edits = {"amount": self.amount_edit, "slip_no": self.slip_edit, "shop": self.shop_edit}
        wrong = [edits[name] for name in edits if name in fields] or [self.amount_edit]
        wrong[0].setFocus()
        wrong[0].selectAll()

    def submit(self) -> None:
        amount, slip, shop = self.amount_edit.text(), self.slip_edit.text(), self.shop_edit.text()
        member_no = self.card.member_no
        self.ok.setEnabled(False)
        run_guarded(
            self,
            self.desk,
            lambda: points.earn_from_slip(self.desk, member_no, amount, slip, shop or None),
            self._earned,
            self.show_error,
            action="points.earn",
            permission=Permission.EARN,
        )

    def _earned(self, result: points.EarnResult) -> None:
        message = (
            self.tr("%1 points earned; balance %2, %3.")
            .replace("%1", f"{result.points:,}")
            .replace("%2", f"{result.balance:,}")
            .replace("%3", _tier(result.tier))
        )
        if result.upgraded:
            message += " " + self.tr("Upgraded to %1!").replace("%1", _tier(result.tier))
        self.finish(message, result.op_id)


class RedeemDialog(_MemberDialog):
    """A gift from the catalog (stock and points shown), points as cash, or a coupon. It opens on the gifts with
    the first one the member can have focused: arrows choose, Enter hands it over; Ctrl+Tab goes to the next page."""

    present = Signal(object)  # Presence: the member's code scanned while the form was open

    def __init__(
        self,
        desk: Desk,
        card: MemberCard,
        parent: QWidget | None = None,
        ref: str | None = None,
        presence: Presence | None = None,
    ) -> None:
        super().__init__(desk, card, parent, ref)
        self.set_title(self.tr("Redeem points"))
        self.setMinimumWidth(640)
        # How the desk knows the member is here: the code scanned when the card opened, or one scanned now.
        self.presence = presence
        self.asking: PresenceDialog | None = None  # open while the member's code is asked for
        self.presence_label = QLabel(objectName="presenceLine", wordWrap=True)
        self.presence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.presence_label)
        self._show_presence()
        self.tabs = QTabWidget()
        self.gift_page = self._gift_tab()
        self.tabs.addTab(self.gift_page, self.tr("Gifts"))
        self.tabs.addTab(self._cash_tab(), self.tr("Cash"))
        self.tabs.addTab(self._coupon_tab(), self.tr("Coupons"))
        self.tabs.addTab(self._give_tab(), self.tr("Give to a friend"))
        self.tabs.currentChanged.connect(lambda _index: self._focus_page())
        self.layout_.addWidget(self.tabs)
        self.add_error_line()
        close = QPushButton(self.tr("Close"), objectName="secondaryButton")
        close.clicked.connect(self.reject)
        cancel_button(close, self.tr("Close; nothing more is redeemed"))
        bind_buttons(
            self,
            CTRL_ENTER,
            [
                (self.cash_button, self.tr("Pay these points out as cash")),
                (self.give_button, self.tr("Give these points to the friend")),
            ],
        )
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(close)
        self.layout_.addLayout(row)
        self._fit_tiles()
        self._focus_page()

    def _fit_tiles(self) -> None:
        # A minimum width set by hand stops the layout from widening the dialog: the tiles' text would be cut off.
        self.setMinimumWidth(max(640, self.layout_.totalMinimumSize().width()))

    def _focus_page(self) -> None:
        """The keyboard goes to what the page is for: the first gift or coupon the member can have, or the first field."""
        page = self.tabs.currentWidget()
        if page is None:
            return  # still being built: the catalog answered before its page was added
        target: QWidget | None
        if page is self.gift_page:
            target = next((button for button in self.gift_buttons.values() if button.isEnabled()), None)
        elif page is self.coupon_page:
            target = next((button for button in self.coupon_buttons if button.isEnabled()), None)
        else:
            target = next(edit for edit in (self.cash_edit, self.friend_edit) if page.isAncestorOf(edit))
        (target or self.tabs.tabBar()).setFocus()  # nothing to choose: the arrows move between the pages

    def _rules(self) -> Rules:
        rules = self.desk.rules
        return rules

    def _show_presence(self) -> None:
        self.presence_label.setText(presence_text(self.presence))
        self.presence_label.setProperty("present", self.presence is not None)
        self.presence_label.style().unpolish(self.presence_label)
        self.presence_label.style().polish(self.presence_label)

    def take_scan(self, text: str) -> None:
        """A scan while the form is open: the friend's code on the gifting page's field, else the member's own
        code, which shows they are here (the next spends go by it)."""
        if self.friend_edit.hasFocus():
            self.friend_edit.setText(text.strip())
            self.give_edit.setFocus()
            return
        Op(self, lambda: member_codes.prove_presence(self.desk, text)).success(self._present).failure(
            self.show_error
        ).run()

    def _present(self, proof: Presence) -> None:
        self.presence = proof
        self.error.setVisible(False)
        self._show_presence()
        self.present.emit(proof)

    def _spend(
        self,
        points_: int | str,
        action: str,
        run,
        done,
        park=None,
        on_parked=None,
    ) -> None:
        """Run a spend with the proof that the member is here; without one (the card was opened by typing), or when
        the desk refuses the one it has, ask for the member's code or a manager's override first."""

        def attempt(proof: Presence | None, actor=None) -> None:
            def work():
                if actor is None:
                    return run(proof)
                with self.desk.acting_as(actor):
                    return run(proof)

            run_guarded(
                self,
                self.desk,
                work,
                done,
                failed,
                action=action,
                permission=Permission.REDEEM,
                park=park(proof) if park is not None else None,
                on_parked=on_parked,
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, PresenceNeeded):
                self.presence = None  # the proof this form had does not hold (any more)
                self._show_presence()
                ask(error.message())
            else:
                self.show_error(error)

        def ask(problem: str | None) -> None:
            dialog = PresenceDialog(self.desk, self.card, action, problem, parent=self)
            self.asking = dialog
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            self.asking = None
            if not accepted or dialog.presence is None:
                self.show_error_text(self.tr("Nothing was redeemed: the member's code was not scanned."))
                return
            if dialog.actor is None:
                self._present(dialog.presence)
            attempt(dialog.presence, dialog.actor)

        wanted = int(points_) if str(points_).isdigit() else 0
        if self.presence is None and presence.spend_needs_proof(self.desk, wanted):
            ask(None)
        else:
            attempt(self.presence)

    def show_error_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        for button in self.findChildren(QPushButton):
            button.setEnabled(True)

    def _cash_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        ratio = self._rules().cash_points_per_yuan
        layout.addWidget(QLabel(self.tr("%1 points = ¥1; whole yuan only.").replace("%1", str(ratio))))
        row = QHBoxLayout()
        self.cash_edit = QLineEdit(
            maxLength=9, placeholderText=self.tr("Points, e.g. %1").replace("%1", str(ratio * 10))
        )
        self.cash_value = QLabel()
        self.cash_edit.textChanged.connect(self._show_cash_value)
        self.cash_button = QPushButton(self.tr("Pay out"), objectName="primaryButton")
        self.cash_button.clicked.connect(self.redeem_cash)
        self.cash_edit.returnPressed.connect(self.redeem_cash)
        row.addWidget(self.cash_edit, 1)
        row.addWidget(self.cash_value)
        row.addWidget(self.cash_button)
        layout.addLayout(row)
        layout.addStretch()
        return page

    def _show_cash_value(self, text: str) -> None:
        ratio = self._rules().cash_points_per_yuan
        self.cash_value.setText(f"= ¥{int(text) // ratio}" if text.isdigit() and int(text) % ratio == 0 else "")

    def _gift_tab(self) -> QWidget:
        page = QWidget()
        self.gift_grid = QGridLayout(page)
        self.gift_buttons: dict[str, QPushButton] = {}
        self.gift_costs: list[tuple[str, int]] = []
        self.gift_group = QButtonGroup(page, exclusive=False)  # arrow keys move between the tiles
        Op(self, lambda: rewards.gift_catalog(self.desk)).success(self._show_gifts).failure(self.show_error).run()
        return page

    def _show_gifts(self, items: list[rewards.GiftItem]) -> None:
        if not items:
            self.gift_grid.addWidget(QLabel(self.tr("The catalog is empty.")), 0, 0)
        self.gift_costs = [(item.sku, item.points) for item in items]
        for index, item in enumerate(items):
            button = QPushButton(objectName="secondaryButton")
            button.setText(
                f"{item.name}\n"
                + self.tr("%1 points · %2 in stock").replace("%1", f"{item.points:,}").replace("%2", str(item.stock))
            )
            button.setMinimumHeight(64)
            button.setEnabled(item.stock > 0 and item.points <= self.card.points)
            button.clicked.connect(lambda _checked=False, sku=item.sku: self.redeem_gift(sku))
            self.gift_buttons[item.sku] = button
            when_focused(button, self.tr("Hand over this gift for its points"))
            self.gift_group.addButton(button)
            self.gift_grid.addWidget(button, index // 3, index % 3)
        if self.tabs.count() == 4:  # the catalog came after the dialog opened
            self._fit_tiles()
            if self.tabs.currentWidget() is self.gift_page:
                self._focus_page()

    def _coupon_tab(self) -> QWidget:
        page = QWidget()
        self.coupon_page = page
        self.coupon_layout = QVBoxLayout(page)
        self.coupon_buttons: list[QPushButton] = []
        self.coupon_costs: list[tuple[str, int]] = []
        Op(self, self._coupon_types).success(self._show_coupons).failure(self.show_error).run()
        return page

    def _coupon_types(self) -> list[rewards.CouponKind]:
        return rewards.coupon_kinds(self.desk)

    def _show_coupons(self, kinds: list[rewards.CouponKind]) -> None:
        self.coupon_costs = [(kind.type_code, kind.points) for kind in kinds]
        for kind in kinds:
            button = QPushButton(
                self.tr("%1 — %2 points").replace("%1", kind.title).replace("%2", f"{kind.points:,}"),
                objectName="secondaryButton",
            )
            button.setEnabled(kind.points <= self.card.points)
            button.clicked.connect(lambda _checked=False, code=kind.type_code: self.redeem_coupon(code))
            self.coupon_buttons.append(button)
            when_focused(button, self.tr("Issue this coupon for its points"))
            self.coupon_layout.addWidget(button)
        self.coupon_layout.addStretch()

    def _give_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.friend_edit = QLineEdit(
            maxLength=40, placeholderText=self.tr("The friend's phone or member number (scan their code)")
        )
        self.give_edit = QLineEdit(maxLength=9, placeholderText=self.tr("Points"))
        self.give_button = QPushButton(self.tr("Give"), objectName="primaryButton")
        self.give_button.clicked.connect(self.give_points)
        self.give_edit.returnPressed.connect(self.give_points)
        grid.addWidget(QLabel(self.tr("To")), 0, 0)
        grid.addWidget(self.friend_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("Points")), 1, 0)
        grid.addWidget(self.give_edit, 1, 1)
        grid.addWidget(self.give_button, 1, 2)
        grid.setRowStretch(2, 1)
        return page

    def give_points(self) -> None:
        friend, amount, ref = self.friend_edit.text(), self.give_edit.text(), self.ref
        self.give_button.setEnabled(False)
        self._spend(
            amount.strip(),
            "points.gift",
            lambda proof: points.gift_points(self.desk, ref, friend, amount, presence=proof),
            lambda r: self.finish(
                self.tr("%1 points given to %2; balance %3 (theirs %4).")
                .replace("%1", f"{r.points:,}")
                .replace("%2", r.to_member_no)
                .replace("%3", f"{r.from_balance:,}")
                .replace("%4", f"{r.to_balance:,}"),
                r.op_id,
            ),
        )

    def redeem_cash(self) -> None:
        wanted, ref = self.cash_edit.text(), self.ref
        self.cash_button.setEnabled(False)
        self._spend(
            wanted.strip(),
            "points.cash",
            lambda proof: points.redeem_cash(self.desk, ref, wanted, presence=proof),
            lambda r: self.finish(
                self.tr("%1 points paid out as ¥%2; balance %3.")
                .replace("%1", f"{r.points:,}")
                .replace("%2", r.yuan)
                .replace("%3", f"{r.balance:,}"),
                r.op_id,
            ),
            park=lambda proof: ("points.cash", self.card.member_no, {"ref": ref, "points": wanted, "presence": proof}),
            on_parked=lambda approval_id: self.finish(
                self.tr("Waits for a manager as request %1.").replace("%1", str(approval_id))
            ),
        )

    def redeem_gift(self, sku: str) -> None:
        ref = self.ref
        cost = next((item for item in self.gift_costs if item[0] == sku), (sku, 0))[1]
        self._spend(
            cost,
            "gift.redeem",
            lambda proof: rewards.redeem_gift(self.desk, ref, sku, presence=proof),
            lambda r: self.finish(
                self.tr("%1 handed over for %2 points; balance %3.")
                .replace("%1", sku)
                .replace("%2", f"{r.points:,}")
                .replace("%3", f"{r.balance:,}"),
                r.op_id,
            ),
        )

    def redeem_coupon(self, type_code: str) -> None:
        ref = self.ref
        cost = next((item for item in self.coupon_costs if item[0] == type_code), (type_code, 0))[1]
        self._spend(
            cost,
            "coupon.redeem",
            lambda proof: rewards.redeem_coupon(self.desk, ref, type_code, presence=proof),
            lambda r: self.finish(
                self.tr("Coupon %1 issued; balance %2.").replace("%1", r.coupon.code).replace("%2", f"{r.balance:,}"),
                r.op_id,
            ),
        )


class HistoryDialog(_MemberDialog):
    """Every entry of the member's points; a line's receipt can be previewed and reprinted (stamped REPRINT)."""

    def __init__(self, desk: Desk, card: MemberCard, parent: QWidget | None = None, ref: str | None = None) -> None:
        super().__init__(desk, card, parent, ref)
        self.set_title(self.tr("Points history"))
        self.setMinimumSize(760, 520)
        self.lines: list[points.HistoryLine] = []
        self.table = QTableWidget(0, 5, objectName="results")  # the look of the desk's member list
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Points"), self.tr("Amount"), self.tr("Slip / note")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable_receipt_buttons)
        self.table.itemActivated.connect(
            lambda _item: self.preview_button.click()
        )  # Enter on a line, as the button says
        self.layout_.addWidget(self.table, 1)
        self.add_error_line()
        self.notice = QLabel(objectName="subtitleLabel", wordWrap=True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.notice)
        self.preview_button: QPushButton = QPushButton(self.tr("Preview receipt"), objectName="secondaryButton")
        self.preview_button.setToolTip(
            with_key(self.tr("The selected line's receipt as it prints"), ENTER)
        )  # Enter on the line
        self.preview_button.clicked.connect(self.preview_receipt)
        self.reprint_button = QPushButton(self.tr("Reprint"), objectName="secondaryButton")
        self.reprint_button.clicked.connect(self.reprint)
        bind_button(
            self, self.reprint_button, "Ctrl+P", self.tr("Another copy of the selected line's receipt, stamped REPRINT")
        )
        close = QPushButton(self.tr("Close"), objectName="secondaryButton")
        close.clicked.connect(self.reject)
        cancel_button(close, self.tr("Close the history"))
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.reprint_button)
        row.addStretch()
        row.addWidget(close)
        self.layout_.addLayout(row)
        self._enable_receipt_buttons()
        member_no = card.member_no
        Op(self, lambda: points.history(desk, member_no)).success(self._show).failure(self.show_error).run()

    def selected_line(self) -> points.HistoryLine | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.lines[min(rows)] if rows and min(rows) < len(self.lines) else None

    def select_line(self, row: int) -> None:
        self.table.selectRow(row)

    def _enable_receipt_buttons(self) -> None:
        selected = self.selected_line() is not None
        self.preview_button.setEnabled(selected)
        self.reprint_button.setEnabled(selected)

    def show_error(self, error: BaseException) -> None:
        super().show_error(error)
        self._enable_receipt_buttons()

    def preview_receipt(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        dialog = ReceiptPreviewDialog(self.desk, line.op_id, parent=self)
        dialog.job_queued.connect(self._reprinted)
        dialog.exec()

    def reprint(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        op_id = line.op_id
        self.reprint_button.setEnabled(False)
        self.error.setVisible(False)
        Op(self, lambda: printing.reprint(self.desk, op_id)).success(self._reprinted).failure(self.show_error).run()

    def _reprinted(self, job: printing.PrintJobInfo) -> None:
        self._enable_receipt_buttons()
        self.error.setVisible(False)
        self.notice.setText(
            self.tr("Reprint sent to the printer as job %1 (copy %2).")
            .replace("%1", str(job.id))
            .replace("%2", str(job.copy_no))
        )
        self.job_queued.emit(job)

    def _show(self, lines: list[points.HistoryLine]) -> None:
        self.lines = list(lines)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            kind = i18n.translate("PointsKinds", KIND_LABELS.get(line.kind, line.kind))
            cells = [
                line.at[:16].replace("T", " "),
                kind,
                f"{line.points:+,}",
                f"¥{line.amount}" if line.amount else "",
                line.slip_no or line.note or "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if lines:
            self.select_line(0)  # the newest: the receipt a member most often asks for again


class WriteOffDialog(_DeskDialog):
    """A scanned coupon: what it is, the spend it needs, and one confirmation to use it."""

    def __init__(self, desk: Desk, code: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, None, parent)
        self.code = code
        self.setMinimumWidth(480)
        self.set_title(self.tr("Write off a coupon"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Spend (¥), optional")))
        self.spend_edit = QLineEdit(maxLength=14)
        row.addWidget(self.spend_edit, 1)
        self.layout_.addLayout(row)
        self.add_error_line()
        buttons = QHBoxLayout()
        buttons.addStretch()
        cancel = QPushButton(self.tr("Cancel"), objectName="secondaryButton")
        cancel.clicked.connect(self.reject)
        self.ok = QPushButton(self.tr("Write off"), objectName="primaryButton", default=True)
        self.ok.clicked.connect(self.submit)
        default_button(self.ok, self.tr("Write the coupon off now"))
        cancel_button(cancel, self.tr("Leave the coupon as it is"))
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        self.layout_.addLayout(buttons)
        # Enter in the spend field reaches the dialog, which clicks Write off: connecting returnPressed too wrote off twice.
        self.spend_edit.setFocus()
        Op(self, lambda: rewards.show_coupon(desk, code)).success(self._show).failure(self.show_error).run()

    def take_scan(self, text: str) -> None:
        """A coupon scanned while this dialog is open replaces the one shown."""
        self.code = text
        Op(self, lambda: rewards.show_coupon(self.desk, text)).success(self._show).failure(self.show_error).run()

    def _show(self, coupon: rewards.CouponItem) -> None:
        self.balance_label.setText(
            self.tr("%1 · ¥%2 off a spend of ¥%3 · valid until %4")
            .replace("%1", coupon.title)
            .replace("%2", coupon.value)
            .replace("%3", coupon.min_spend)
            .replace("%4", coupon.valid_until)
            + "\n"
            + coupon.code
        )

    def submit(self) -> None:
        spend = self.spend_edit.text().strip() or None
        self.ok.setEnabled(False)
        run_guarded(
            self,
            self.desk,
            lambda: rewards.write_off_coupon(self.desk, self.code, spend),
            lambda used: self.finish(
                self.tr("Coupon %1 written off: ¥%2 off.").replace("%1", used.code).replace("%2", used.value), used.code
            ),
            self.show_error,
            action="coupon.write_off",
            permission=Permission.WRITE_OFF_COUPON,
        )
