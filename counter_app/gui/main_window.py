"""The desk's main window: the scan/search box that always has the focus, results, the member card."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from counter_app import i18n
from counter_app.domain.coupons import looks_like_coupon
from counter_app.domain.errors import DeskError
from counter_app.domain.staff import ROLE_LABELS, Actor, Permission
from counter_app.gui import shortcuts, support
from counter_app.gui.appearance import apply_appearance
from counter_app.gui.camera import CameraPanel
from counter_app.gui.complaint_dialogs import ComplaintIntakeDialog, ComplaintsDialog
from counter_app.gui.event_checkin import EventCheckInDialog
from counter_app.gui.guarded import run_guarded
from counter_app.gui.login_page import LoginPage
from counter_app.gui.manager_queue import ManagerQueueDialog
from counter_app.gui.member_card import MemberCardView
from counter_app.gui.models import MemberResultsModel
from counter_app.gui.points_dialogs import EarnDialog, HistoryDialog, RedeemDialog, WriteOffDialog
from counter_app.gui.print_queue import PrintQueueDialog
from counter_app.gui.printer_status import PrinterBanner, PrinterController, PrinterIndicator
from counter_app.gui.receipt_preview import ReceiptPreviewDialog
from counter_app.gui.register_dialog import RegisterDialog
from counter_app.gui.reports_page import ReportsDialog
from counter_app.gui.scanner import KeyboardWedge
from counter_app.gui.settings_dialog import SettingsDialog
from counter_app.gui.shortcuts import DESK_KEYS as KEYS
from counter_app.gui.shortcuts import bind, bind_button, tab_order
from counter_app.gui.sync_status import OfflineBanner, SyncController, SyncStatusBar, format_age
from counter_app.gui.tasks import Op
from counter_app.services import auth, demo, manager_queue, member_codes, members, points, privacy
from counter_app.services.auth import NotSignedIn
from counter_app.services.desk import Desk, DeskStatus, desk_status

log = logging.getLogger(__name__)
SEARCH_DELAY_MS = 180  # typing pauses this long before a search runs; Enter searches at once
DEMO_MEMBERS_OFFER = 1000
RECENT_SHOWN = 20
PRINT_PROBLEM_MS = 20_000  # how long the status bar says a receipt could not be queued
QUEUE_COUNT_MS = 60_000  # a manager's waiting count is read again this often (parked at other moments, pulled at sync)
_ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class _ElidingLabel(QLabel):
    """A one-line label that shortens with "…" rather than pushing its neighbours (the whole text is its tooltip)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance(self._full) + 4)
        return hint

    def resizeEvent(self, event) -> None:
        self._elide()
        super().resizeEvent(event)

    def _elide(self) -> None:
        super().setText(
            self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width() - 4, 0))
        )


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the main window lives in a QApplication"
    return app


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, font_warning: str | None = None, print_in_background: bool = True) -> None:
        super().__init__()
        self.desk = desk
        self._print_in_background = print_in_background
        self._search_serial = 0
        self.card_ref: str | None = None  # how the member on the card was identified, for the operations on them
        self.setWindowTitle(self.tr("Member Service Desk"))
        self.setMinimumSize(1024, 680)

        central = QWidget(objectName="central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        self.pages = QStackedWidget()
        self.login_page = LoginPage(desk)
        self.login_page.signed_in.connect(self._signed_in)
        self.pages.addWidget(self.login_page)

        body = QWidget(objectName="body")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(24, 16, 24, 16)
        body_layout.setSpacing(12)
        body_layout.addLayout(self._build_search_row())
        self.search_message = QLabel(objectName="searchMessage")
        self.search_message.setTextFormat(Qt.TextFormat.PlainText)
        body_layout.addWidget(self.search_message)
        self.demo_banner = self._build_demo_banner()
        body_layout.addWidget(self.demo_banner)
        self.offline_banner = OfflineBanner()
        body_layout.addWidget(self.offline_banner)
        self.printer_banner = PrinterBanner()
        body_layout.addWidget(self.printer_banner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.results_model = MemberResultsModel(self)
        self.results = QTableView(objectName="results")
        self.results.setModel(self.results_model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setTabKeyNavigation(False)  # Tab goes on to the card; the arrows move in the list
        self.results.verticalHeader().setVisible(False)
        self.results.setShowGrid(False)
        self.results.setAlternatingRowColors(True)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.horizontalHeader().setHighlightSections(False)
        self.results_model.modelReset.connect(self._fit_result_columns)
        self.results.activated.connect(self._open_row)
        self.results.clicked.connect(self._open_row)
        self.card = MemberCardView()
        self.card.edit_requested.connect(self.edit_member)
        self.card.reveal_requested.connect(self.reveal_member)
        self.card.earn_requested.connect(lambda: self.points_dialog(EarnDialog))
        self.card.redeem_requested.connect(lambda: self.points_dialog(RedeemDialog, presence=self.card.presence))
        self.card.history_requested.connect(lambda: self.points_dialog(HistoryDialog))
        self.card.complaint_requested.connect(self.take_complaint)
        splitter.addWidget(self.results)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([540, 660])
        splitter.setChildrenCollapsible(False)
        self.camera = CameraPanel()
        self.camera.decoded.connect(self.handle_scan)
        self.camera.setVisible(bool(desk.settings.camera))
        work_row = QHBoxLayout()
        work_row.setSpacing(12)
        work_row.addWidget(splitter, 1)
        work_row.addWidget(self.camera, 0, Qt.AlignmentFlag.AlignTop)
        body_layout.addLayout(work_row, 1)
        self.desk_page = body
        self.pages.addWidget(body)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_status_bar(font_warning)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textEdited.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_now)
        self._bind_keys()
        self._queue_timer = QTimer(self, interval=QUEUE_COUNT_MS)
        self._queue_timer.timeout.connect(self.refresh_queue_count)
        self._queue_timer.start()
        settings = desk.settings
        self.wedge = KeyboardWedge(
            self,
            max_gap_ms=settings.scanner_max_gap_ms,
            min_length=settings.scanner_min_length,
            prefix=settings.scanner_prefix,
            suffix=settings.scanner_suffix,
            accepts_scan=self._accepts_scan,
        )
        self.wedge.scanned.connect(self.handle_scan)
        _application().installEventFilter(self.wedge)
        self._daily_timer = QTimer(self, interval=60 * 60_000)  # hourly look: runs once a day
        self._daily_timer.timeout.connect(self._daily_look)
        self._daily_timer.start()
        self._idle_timer = QTimer(self, singleShot=True)
        self._idle_timer.timeout.connect(self.lock)
        _application().installEventFilter(self)
        self._refresh_counts()
        self.syncer.start()
        self.printer.start()  # the print worker runs only when a printer is set
        self.show_login()

    # --- signing in and locking ------------------------------------------------------------
    def signed_in(self) -> bool:
        return self.pages.currentWidget() is self.desk_page and self.desk.session is not None

    def show_login(self, locked_by: Actor | None = None) -> None:
        self.pages.setCurrentWidget(self.login_page)
        self.register_button.setEnabled(False)
        self._enable_header(False)
        if locked_by is None and not auth.has_staff(self.desk):
            self.login_page.show_first_admin()
        else:
            self.login_page.show_sign_in(locked_by)

    def _signed_in(self, actor: Actor) -> None:
        self.staff_status.setText(
            self.tr("%1 · %2")
            .replace("%1", actor.name)
            .replace("%2", i18n.translate("Roles", ROLE_LABELS.get(actor.role, actor.role)))
        )
        self.pages.setCurrentWidget(self.desk_page)
        self.register_button.setEnabled(True)
        self._enable_header(True)
        self.refresh_status()
        self.show_recent()
        self.focus_search()
        self._restart_idle_timer()
        self.run_daily_jobs()
        if self.desk.settings.camera:
            self.camera.start(self.desk.settings.camera)

    def _daily_look(self) -> None:
        if self.desk.session:  # a locked or signed-out desk waits for the next look
            self.run_daily_jobs()

    def run_daily_jobs(self) -> None:
        """Expiry and the tier review at the first sign-in of a day, and then every day the desk stays up."""
        today = self.desk.today()
        if getattr(self, "_daily_jobs_ran_on", None) == today:
            return
        self._daily_jobs_ran_on = today
        Op(self, lambda: points.daily_jobs(self.desk)).failure(
            lambda error: log.error("daily jobs failed", exc_info=error)
        ).run()

    def lock(self) -> None:
        """Ctrl+L or idle time: the screen clears of member data and the next person signs in."""
        actor = self.desk.session
        if actor is None:
            return
        self._idle_timer.stop()
        self.camera.stop()
        auth.sign_out(self.desk, "auth.lock")
        self.search_box.clear()
        self.results_model.set_members([])
        self.card.clear()
        self.search_message.setText("")
        self.staff_status.setText("")
        self.show_login(locked_by=actor)

    def _restart_idle_timer(self) -> None:
        minutes = self.desk.settings.idle_lock_minutes
        if minutes and self.desk.session is not None:
            self._idle_timer.start(minutes * 60_000)

    # --- building -------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QFrame(objectName="appHeader")
        layout = QHBoxLayout(header)
        layout.setContentsMargins(24, 12, 24, 12)
        title = QLabel(self.tr("Member Service Desk"), objectName="appTitle")
        self.store_label = _ElidingLabel(
            objectName="storeLabel"
        )  # the status bar names the store too: it may shorten here
        layout.addWidget(title)
        layout.addSpacing(24)
        # What a manager (and a clerk taking a complaint) reaches from anywhere; the search box keeps the focus.
        self.complaints_button = self._header_button(
            self.tr("Complaints"),
            self.tr("Complaints on the answer promise's clock"),
            KEYS["complaints"],
            self.open_complaints,
        )
        self.check_in_button = self._header_button(
            self.tr("Check-in"),
            self.tr("Check members in at an event by scanning their code"),
            KEYS["check_in"],
            self.open_check_in,
        )
        self.reports_button = self._header_button(
            self.tr("Reports"),
            self.tr("Members, points, coupons, complaints and RFM over a date range"),
            KEYS["reports"],
            self.open_reports,
        )
        self.queue_button = self._header_button(
            self.tr("Approvals"),
            self.tr("What waits for a manager's approval"),
            KEYS["approvals"],
            self.open_manager_queue,
        )
        self.settings_button = self._header_button(
            self.tr("Settings"),
            self.tr("This desk's settings: printer, scanner, text size, colours"),
            KEYS["settings"],
            self.open_settings,
        )
        # Help: a click (or F1) opens the support log; its arrow also offers to copy the diagnostics for support.
        self.help_action = shortcuts.action(
            self,
            self.tr("Help"),
            self.tr("The desk's log and diagnostics for support"),
            KEYS["help"],
            self.open_support_log,
        )
        self.diagnostics_action = shortcuts.action(
            self,
            self.tr("Copy diagnostics"),
            self.tr("Copy what support needs to know about this desk, to paste into a message"),
            KEYS["diagnostics"],
            self.copy_diagnostics,
        )
        self.help_button = QToolButton(
            objectName="headerButton", popupMode=QToolButton.ToolButtonPopupMode.MenuButtonPopup
        )
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button.setDefaultAction(self.help_action)
        help_menu = QMenu(self.help_button)
        help_menu.setToolTipsVisible(True)
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.diagnostics_action)
        self.help_button.setMenu(help_menu)
        self.addAction(self.diagnostics_action)  # its key works from anywhere in the window, menu open or not
        for button in self._header_buttons():
            layout.addWidget(button)
        layout.addWidget(self.store_label, 1)  # the room that is left, right-aligned
        return header

    def _header_button(self, text: str, tip: str, key: QKeySequence, slot) -> QPushButton:
        button = QPushButton(text, objectName="headerButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        bind_button(self, button, key, tip)
        return button

    def _header_buttons(self) -> tuple[QWidget, ...]:
        return (
            self.complaints_button,
            self.check_in_button,
            self.reports_button,
            self.queue_button,
            self.settings_button,
            self.help_button,
        )

    def _bind_keys(self) -> None:
        """Every key of the desk; a button doing the same names the key in its tooltip, from the same sequence."""
        card = self.card
        bind(self, Qt.Key.Key_Escape, self.focus_search)
        bind(
            self,
            KEYS["search"],
            self.focus_search,
            target=self.search_box,
            tip=self.tr("Scan the member code, or type to search"),
        )
        bind(self, KEYS["lock"], self.lock)
        bind(self, KEYS["walk_in"], lambda: self.take_complaint(walk_in=True))
        bind_button(self, self.register_button, KEYS["register"], self.tr("Register a new member"))
        bind_button(self, card.earn_button, KEYS["earn"], self.tr("Points from a purchase slip"))
        bind_button(self, card.redeem_button, KEYS["redeem"], self.tr("Cash, gifts or coupons for points"))
        bind_button(self, card.history_button, KEYS["history"], self.tr("The member's points history"))
        bind_button(self, card.edit_button, KEYS["edit"], self.tr("Change this member's profile"))
        bind_button(
            self,
            card.reveal_button,
            KEYS["reveal"],
            self.tr("Show this member's full phone and ID number; a manager's right, and recorded in the audit log"),
        )
        # Without a card, F7 takes a walk-in complaint: the key works beyond its button.
        bind(
            self,
            KEYS["complaint"],
            self.take_complaint,
            target=card.complaint_button,
            tip=self.tr("Take a complaint from this member; the ticket prints"),
        )
        bind(
            self,
            KEYS["camera"],
            self.toggle_camera,
            target=self.camera.toggle,
            tip=self.tr("Start or stop the counter camera"),
        )
        bind(self, KEYS["print_queue"], self.open_print_queue)
        bind_button(
            self,
            self.demo_button,
            KEYS["demo"],
            self.tr("Fill the desk with demo members to try it out; they never sync"),
        )
        bind_button(
            self,
            self.sync_status.review_button,
            KEYS["sync_review"],
            self.tr("What the server refused or changed, for a manager to look at"),
        )
        # The desk's flow: the search box, the list it fills, then the member's card and what to do with them.
        tab_order(
            self.search_box,
            self.results,
            card.earn_button,
            card.redeem_button,
            card.history_button,
            card.complaint_button,
            card.reveal_button,
            card.edit_button,
            self.camera.toggle,
        )

    def _enable_header(self, enabled: bool) -> None:
        for button in self._header_buttons():
            button.setEnabled(enabled)
        if not enabled:
            self._show_queue_count(None)

    def _build_search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setPlaceholderText(
            self.tr("Scan the member code, or type phone / last 4 digits / member no. / name / pinyin initials")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaxLength(200)
        self.search_box.installEventFilter(self)
        self.register_button = QPushButton(self.tr("New member  F2"), objectName="primaryButton")
        self.register_button.clicked.connect(self.register_member)
        self.register_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(self.search_box, 1)
        row.addWidget(self.register_button)
        return row

    def _build_demo_banner(self) -> QWidget:
        banner = QFrame(objectName="demoBanner")
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(16, 10, 16, 10)
        text = QLabel(
            self.tr("This desk has no members yet. Register the first one with F2, or try the desk with demo members."),
            wordWrap=True,
        )
        self.demo_button = QPushButton(
            self.tr("Create %1 demo members").replace("%1", f"{DEMO_MEMBERS_OFFER:,}"), objectName="secondaryButton"
        )
        self.demo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.demo_button.clicked.connect(self.create_demo_members)
        self.demo_progress = QProgressBar(maximumWidth=200, visible=False)
        layout.addWidget(text, 1)
        layout.addWidget(self.demo_progress)
        layout.addWidget(self.demo_button)
        banner.setVisible(False)
        return banner

    def _build_status_bar(self, font_warning: str | None) -> None:
        bar = self.statusBar()
        # The store and counter are in the header too: with large text this is what shortens, not the staff or the sync state.
        self.counter_status = _ElidingLabel(objectName="statusCounter")
        self.counter_status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.counter_status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.counter_status.setMinimumWidth(1)  # its whole text when there is room, down to nothing when there is not
        self.staff_status = QLabel(objectName="statusStaff")
        self.pending_status = QLabel(objectName="statusPending")
        self.demo_status = QLabel(self.tr("Demo data: never synced"), objectName="statusDemo", visible=False)
        bar.addWidget(self.counter_status)
        bar.addWidget(self.staff_status)
        if font_warning:
            bar.addWidget(QLabel(font_warning, objectName="statusWarning"))
        bar.addPermanentWidget(self.demo_status)
        bar.addPermanentWidget(self.pending_status)
        self.sync_status = SyncStatusBar(self.desk)
        bar.addPermanentWidget(self.sync_status)
        self.syncer = SyncController(self.desk, self)
        self.syncer.status_changed.connect(self.sync_status.show_state)
        self.syncer.status_changed.connect(self._show_waiting)
        self.syncer.status_changed.connect(self.offline_banner.show_state)
        self.syncer.progress.connect(self.sync_status.show_progress)
        self.printer_status = PrinterIndicator()
        bar.addPermanentWidget(self.printer_status)
        self.printer = PrinterController(self.desk, self, background=self._print_in_background)
        self.printer.state_changed.connect(self.printer_status.show_state)
        self.printer.state_changed.connect(self.printer_banner.show_state)
        self.printer_banner.open_queue.connect(self.open_print_queue)
        self.printer.problem.connect(lambda message: self.statusBar().showMessage(message, PRINT_PROBLEM_MS))
        self.printer_status.clicked.connect(self.open_print_queue)

    # --- window geometry: the one thing kept in QSettings -------------------------------------
    def show_at_saved_place(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            self.show()
        else:
            self.showMaximized()  # a counter PC gives the desk the whole screen

    def closeEvent(self, event) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.camera.stop()
        _application().removeEventFilter(self.wedge)
        self.syncer.stop()
        self.printer.stop()
        super().closeEvent(event)

    # --- behaviour ------------------------------------------------------------------------
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Resize and watched is getattr(self, "results", None):
            QTimer.singleShot(0, self._fit_result_columns)  # after the resize has been laid out
        if event.type() in _ACTIVITY and self._idle_timer.isActive():
            self._restart_idle_timer()  # any key or click at the desk counts as someone there
        # Down arrow in the search box walks into the results, as in a browser's address bar.
        if (
            watched is self.search_box
            and event.type() == event.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.results_model.rowCount()
        ):
            self.results.setFocus()
            self.results.selectionModel().setCurrentIndex(
                self.results_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            return True
        return super().eventFilter(watched, event)

    def _fit_result_columns(self) -> None:
        """With large text the list may not fit beside the card: the member number goes first, then the tier (the
        card shows both), rather than names shrinking to "…" and the points scrolling out of sight."""
        header = self.results.horizontalHeader()
        columns = MemberResultsModel.COLUMNS
        optional = [columns.index("member_no"), columns.index("tier")]
        for column in optional:
            header.setSectionHidden(column, False)

        def needed() -> int:
            return sum(
                max(header.sectionSizeHint(column), self.results.sizeHintForColumn(column))
                for column in range(len(columns))
                if not header.isSectionHidden(column)
            )

        for column in optional:
            if needed() <= self.results.viewport().width():
                break
            header.setSectionHidden(column, True)

    def focus_search(self) -> None:
        if self.pages.currentWidget() is not self.desk_page:
            return
        self.search_box.setFocus()
        self.search_box.selectAll()

    def refresh_status(self) -> None:
        """After the desk changed something: show it, and push it to the server soon."""
        self._refresh_counts()
        self.refresh_queue_count()
        self.syncer.soon()

    def refresh_queue_count(self) -> None:
        """How many items wait for a manager, on the header's button; read only for someone who may decide them
        (asking as a clerk would be a refusal in the audit log every minute)."""
        actor = self.desk.session
        if actor is None or not self.signed_in() or not actor.may(Permission.APPROVE):
            self._show_queue_count(None)
            return
        Op(self, lambda: len(manager_queue.waiting(self.desk))).success(self._show_queue_count).failure(
            lambda error: log.warning("manager queue not read: %s", error)
        ).run()

    def _show_queue_count(self, count: int | None) -> None:
        waiting = bool(count)
        self.queue_button.setText(
            self.tr("Approvals: %1").replace("%1", str(count)) if waiting else self.tr("Approvals")
        )
        self.queue_button.setProperty("waiting", waiting)
        self.queue_button.style().unpolish(self.queue_button)
        self.queue_button.style().polish(self.queue_button)

    def _refresh_counts(self) -> None:
        Op(self, lambda: desk_status(self.desk)).success(self._show_status).failure(self.show_error).run()

    def _show_status(self, status: DeskStatus) -> None:
        counter = status.counter_name or self.tr("Counter %1").replace("%1", str(status.counter_no))
        store = status.store_name or self.tr("Store not named yet")
        self.store_label.setText(f"{store}  ·  {counter}")
        self.counter_status.setText(self.tr("%1 · %2").replace("%1", store).replace("%2", counter))
        self.syncer.refresh()  # the waiting count, with its age, comes from the sync status
        self.demo_banner.setVisible(not status.has_members)
        self.demo_status.setVisible(status.demo_data)

    def _show_waiting(self, state) -> None:
        """The sync's own count (fresher than the desk status) and how long the oldest has waited."""
        text = self.tr("Waiting to sync: %1").replace("%1", str(state.pending))
        if state.enrolled and state.oldest_pending_seconds is not None:
            text = (
                self.tr("Waiting to sync: %1 · oldest %2")
                .replace("%1", str(state.pending))
                .replace("%2", format_age(state.oldest_pending_seconds))
            )
        self.pending_status.setText(text)

    def show_recent(self, message: str | None = None) -> None:
        self._search_serial += 1
        serial = self._search_serial
        Op(self, lambda: members.recent_members(self.desk, RECENT_SHOWN)).success(
            lambda recent: self._show_recent(serial, recent, message)
        ).failure(self.show_error).run()

    def _show_recent(self, serial: int, recent: list[members.MemberSummary], message: str | None) -> None:
        if serial != self._search_serial:
            return
        self.results_model.set_members(recent)
        self.search_message.setText(message or (self.tr("Registered most recently") if recent else ""))

    def _search_now(self) -> None:
        self._search_timer.stop()
        if looks_like_coupon(self.search_box.text()):
            self.write_off(self.search_box.text())  # a scanned coupon: straight to the write-off
            return
        self.run_search()

    def write_off(self, code: str) -> None:
        if not self.signed_in():
            return
        dialog = WriteOffDialog(self.desk, code, self)
        self._connect_points_dialog(dialog)
        dialog.exec()
        self.focus_search()

    def points_dialog(self, kind, **options) -> None:
        """Earn, redeem or history for the member on the card; the card refreshes afterwards."""
        if not self.signed_in() or self.card.card is None:
            return
        dialog = kind(self.desk, self.card.card, self, ref=self.card_ref, **options)
        self._connect_points_dialog(dialog)
        dialog.exec()
        self.focus_search()

    def _connect_points_dialog(self, dialog) -> None:
        if isinstance(dialog, RedeemDialog):
            dialog.present.connect(self._member_present)
        dialog.done_message.connect(self._points_done)
        dialog.receipt.connect(self.printer.queue_receipt)  # after the done message: the operation has committed
        dialog.job_queued.connect(self.printer.queued)

    def open_print_queue(self) -> None:
        """Ctrl+P or a click on the printer in the status bar."""
        if not self.signed_in():
            return
        dialog = PrintQueueDialog(self.desk, self, printer=self.printer)
        dialog.exec()
        self.focus_search()

    # --- the manager's pages and complaints ---------------------------------------------------------
    def open_reports(self) -> None:
        """Ctrl+R: a manager's figures; anyone else is told it is a manager's page."""
        if not self.signed_in():
            return
        ReportsDialog(self.desk, self).exec()
        self.focus_search()

    def open_manager_queue(self) -> None:
        """Ctrl+M or the header's count."""
        if not self.signed_in():
            return
        dialog = ManagerQueueDialog(self.desk, self)
        dialog.decided.connect(self._queue_decided)
        dialog.exec()
        self.refresh_queue_count()
        self.focus_search()

    def _queue_decided(self, decision) -> None:
        if self.card.card is not None:
            self.open_member(self.card.card.member_no)  # an approved redemption or earn changed the balance
        self._refresh_counts()
        self.syncer.soon()

    def take_complaint(self, walk_in: bool = False, parent: QWidget | None = None) -> ComplaintIntakeDialog | None:
        """F7: from the member on the card, or a walk-in customer when no card is open (Shift+F7: always a walk-in)."""
        if not self.signed_in():
            return None
        card = None if walk_in else self.card.card
        dialog = ComplaintIntakeDialog(self.desk, card, parent or self, ref=self.card_ref if card is not None else None)
        dialog.opened.connect(self._complaint_taken)
        dialog.exec()
        self.focus_search()
        return dialog

    def _complaint_taken(self, info) -> None:
        self.search_message.setText(
            self.tr("Complaint %1 taken; the answer is promised by %2. The ticket prints now.")
            .replace("%1", info.ticket_no)
            .replace("%2", info.due_at[:16].replace("T", " "))
        )
        self.printer.queue_receipt(info.ticket_no)  # the customer's ticket, after the complaint committed
        self.refresh_status()

    def open_complaints(self) -> None:
        """Ctrl+K: open complaints soonest due first, with the selected one's record and actions."""
        if not self.signed_in():
            return
        dialog = ComplaintsDialog(self.desk, self)
        dialog.take_walk_in.connect(lambda: self._walk_in_from(dialog))
        dialog.print_ticket.connect(lambda ticket: self.preview_ticket(ticket, dialog))
        dialog.detail.changed.connect(lambda _info: self.refresh_status())
        dialog.exec()
        self.focus_search()

    def _walk_in_from(self, complaints_dialog: ComplaintsDialog) -> None:
        intake = self.take_complaint(walk_in=True, parent=complaints_dialog)
        if intake is not None and getattr(intake, "info", None) is not None:
            complaints_dialog.set_filter("open")
            complaints_dialog.select_ticket(intake.info.ticket_no)

    def preview_ticket(self, ticket_no: str, parent: QWidget | None = None) -> None:
        dialog = ReceiptPreviewDialog(self.desk, ticket_no, parent=parent or self)
        dialog.job_queued.connect(self.printer.queued)
        dialog.exec()

    def open_check_in(self) -> None:
        """F9: the door's check-in; scans go to it while it is open."""
        if not self.signed_in():
            return
        dialog = EventCheckInDialog(self.desk, self)
        dialog.checked_in.connect(lambda _result: self.refresh_status())
        dialog.exec()
        self.focus_search()

    # --- settings and support ----------------------------------------------------------------
    def open_settings(self) -> None:
        """Ctrl+,: this desk's settings; what is saved takes effect at once (the dialog says what needs a restart)."""
        if not self.signed_in():
            return
        dialog = SettingsDialog(self.desk, self)
        dialog.settings_changed.connect(self.apply_settings)
        dialog.exec()
        self.focus_search()

    def apply_settings(self, settings) -> None:
        """Saved settings in force in the open window: the look, the idle lock, the scanner, the camera, the names."""
        apply_appearance(_application(), settings)
        self._fit_result_columns()
        self.wedge.configure(
            max_gap_ms=settings.scanner_max_gap_ms,
            min_length=settings.scanner_min_length,
            prefix=settings.scanner_prefix,
            suffix=settings.scanner_suffix,
        )
        self._idle_timer.stop()
        if settings.idle_lock_minutes and self.desk.session is not None:
            self._idle_timer.start(settings.idle_lock_minutes * 60_000)
        if settings.camera != self.camera.source:
            self.camera.stop()
            self.camera.source = settings.camera
            self.camera.setVisible(bool(settings.camera))
            if settings.camera and self.signed_in():
                self.camera.start(settings.camera)
        self._refresh_counts()  # the store's and counter's names

    def open_support_log(self) -> None:
        """F1: the desk's log as support reads it, members' data scrubbed."""
        if not self.signed_in():
            return
        support.LogViewerDialog(self.desk, self).exec()
        self.focus_search()

    def copy_diagnostics(self) -> None:
        """Ctrl+Shift+D: what support needs to know, on the clipboard to paste into a message."""
        if not self.signed_in():
            return
        support.copy_diagnostics(self.desk)
        self.search_message.setText(self.tr("Diagnostics copied: paste them into your message to support."))

    def _member_present(self, presence) -> None:
        """The member's code, scanned in a spend form, shows them here on the card too (and for its next spends)."""
        if self.card.card is not None:
            self.card.show_identification(self.card.identified_by, presence)

    def _points_done(self, message: str) -> None:
        self.search_message.setText(message)
        if self.card.card is not None:
            self.open_member(self.card.card.member_no)
        self.refresh_status()

    def run_search(self, text: str | None = None) -> None:
        text = self.search_box.text() if text is None else text
        self._search_serial += 1
        serial = self._search_serial
        Op(self, lambda: members.search_members(self.desk, text)).success(
            lambda result: self._show_results(serial, result)
        ).failure(lambda error: self._search_failed(serial, error)).run()

    def _show_results(self, serial: int, result: members.SearchResult) -> None:
        if serial != self._search_serial:
            return  # the clerk typed on; an older answer must not overwrite a newer one
        self.results_model.set_members(result.members)
        if result.exact is not None:
            self.show_card(result.exact)
            self.search_message.setText("")
            self.focus_search()
        elif result.query_kind is None:
            self.show_recent()  # an emptied search box goes back to who was registered last
        elif not result.members:
            self.search_message.setText(self.tr("No member found. Check the number, or register a new member with F2."))
        elif result.more:
            self.search_message.setText(
                self.tr("Showing the first %1 members; type more to narrow the list.").replace(
                    "%1", str(len(result.members))
                )
            )
        else:
            self.search_message.setText(self.tr("%1 members found").replace("%1", str(len(result.members))))
        if result.exact is None and len(result.members) == 1:
            self.open_member(result.members[0].member_no)

    def _search_failed(self, serial: int, error: BaseException) -> None:
        if serial != self._search_serial:
            return
        self.results_model.set_members([])
        self.show_error(error, inline=True)

    def _open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_member(self.results_model.member(index.row()).member_no)

    def open_member(self, member_no: str) -> None:
        Op(self, lambda: members.find_member(self.desk, member_no)).success(self.show_card).failure(
            self.show_error
        ).run()

    # --- scanning: the handheld scanner anywhere in the app, and the camera ---------------------
    def toggle_camera(self) -> None:
        if not self.signed_in():
            return
        if self.camera.running():
            self.camera.stop()
        else:
            self.camera.setVisible(True)
            self.camera.start(self.desk.settings.camera)

    def _accepts_scan(self) -> bool:
        """The desk and a form that takes scans (the earn form's slip, the coupon write-off) take them; any other open
        form (a friend's phone) gets them as typing, and so does a window that is not the desk's."""
        active, dialog = QApplication.activeWindow(), QApplication.activeModalWidget()
        another_window = active is not None and active is not self and active is not dialog
        if not self.signed_in() or another_window:
            return False
        return dialog is None or hasattr(dialog, "take_scan")

    def handle_scan(self, text: str) -> None:
        """One scan: a member's code opens the card, a coupon goes to its write-off, a purchase slip (with a
        member on the card) opens the earn form with its number filled in, anything else is searched."""
        if not self.signed_in():
            return  # the sign-in page takes no scans: a code is not a PIN
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            if hasattr(dialog, "take_scan"):
                dialog.take_scan(text)
            return
        Op(self, lambda: member_codes.scan(self.desk, text)).success(self._scanned).failure(self.show_error).run()

    def _scanned(self, outcome: member_codes.ScanOutcome) -> None:
        if outcome.kind == "member" and outcome.card is not None:
            self.show_card(outcome.card, ref=outcome.ref, via=outcome.via, presence=outcome.presence)
            self.search_message.setText("")
            self.focus_search()
        elif outcome.kind == "coupon" and outcome.coupon is not None:
            self.write_off(outcome.coupon.code)
        elif self.card.card is not None and outcome.slip_no is not None:
            self.points_dialog(
                EarnDialog, slip_no=outcome.slip_no
            )  # the slip for the member on the card: the amount is what is left
        else:
            self.search_box.setText(outcome.text or "")
            self._search_now()

    def show_card(
        self, card: members.MemberCard, ref: str | None = None, via: str | None = None, presence=None
    ) -> None:
        if ref is None and self.card.card is not None and self.card.card.member_no == card.member_no:
            # The same member refreshed: identified as before, and present by the same scan.
            ref, via, presence = self.card_ref, self.card.identified_by, self.card.presence
        self.card_ref = ref or card.member_no
        self.card.show_card(card)
        self.card.show_identification(via, presence)
        member_no = card.member_no
        Op(self, lambda: members.profile_history(self.desk, member_no)).success(
            lambda changes: self.card.show_history(member_no, changes)
        ).failure(self.show_error).run()

    def reveal_member(self, member_no: str) -> None:
        run_guarded(
            self,
            self.desk,
            lambda: privacy.reveal_personal_data(self.desk, member_no),
            self.card.show_revealed,
            self.show_error,
            action="member.reveal",
            permission=Permission.REVEAL_PERSONAL_DATA,
        )

    def register_member(self) -> None:
        if not self.signed_in():
            return
        dialog = RegisterDialog(self.desk, self)
        self._prefill_from_search(dialog)
        dialog.member_saved.connect(self._member_saved)
        dialog.member_saved.connect(lambda card: self.printer.queue_receipt(card.member_no))  # the registration slip
        dialog.open_member.connect(self.open_member)
        dialog.exec()
        self.focus_search()

    def _prefill_from_search(self, dialog: RegisterDialog) -> None:
        # A phone that found nobody is most likely the new member's: save the clerk retyping it.
        text = self.search_box.text().strip()
        if text and not self.results_model.rowCount() and text.replace(" ", "").replace("-", "").lstrip("+").isdigit():
            dialog.ui.phoneEdit.setText(text)

    def edit_member(self, member_no: str) -> None:
        if not self.signed_in():
            return
        card = self.card.card
        if card is None or card.member_no != member_no:
            return
        dialog = RegisterDialog(self.desk, self, editing=card)
        dialog.member_saved.connect(self._member_saved)
        dialog.parked.connect(
            lambda approval_id: self.search_message.setText(
                self.tr("The change waits for a manager as request %1; nothing changes until it is approved.").replace(
                    "%1", str(approval_id)
                )
            )
        )
        dialog.exec()
        self.focus_search()

    def _member_saved(self, card: members.MemberCard) -> None:
        self.show_card(card)
        self.search_message.setText(self.tr("Saved: %1 (%2)").replace("%1", card.name).replace("%2", card.member_no))
        self.refresh_status()

    def create_demo_members(self) -> None:
        self.demo_button.setEnabled(False)
        self.demo_progress.setVisible(True)
        self.demo_progress.setRange(0, 0)
        Op(self, lambda: demo.make_demo_members(self.desk, DEMO_MEMBERS_OFFER)).success(self._demo_done).failure(
            self._demo_failed
        ).run()

    def _demo_done(self, count: int) -> None:
        self.demo_progress.setVisible(False)
        self.demo_button.setEnabled(True)
        self.show_recent(self.tr("%1 demo members added. Try a surname such as 王 or 张.").replace("%1", f"{count:,}"))
        self.refresh_status()
        self.focus_search()

    def _demo_failed(self, error: BaseException) -> None:
        self.demo_progress.setVisible(False)
        self.demo_button.setEnabled(True)
        self.show_error(error)

    def show_error(self, error: BaseException, inline: bool = True) -> None:
        """Errors read inline, under the search box: the clerk keeps typing, nothing pops up in the way."""
        if isinstance(error, NotSignedIn):
            self.show_login()
            return
        if isinstance(error, DeskError):
            message = error.message()
        else:
            log.error("unexpected error at the desk", exc_info=error)
            message = self.tr(
                "Something unexpected went wrong; nothing more was changed. Try again, and call support if it happens again."
            )
        self.search_message.setText(message)
        self.focus_search()
