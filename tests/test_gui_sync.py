"""The desk window's sync status against a real server: online, offline with its limits, the review list."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import QStandardPaths

from counter_app.db.outbox import append_op
from counter_app.gui import tasks
from counter_app.gui.app import apply_style, install_translations
from counter_app.gui.main_window import MainWindow
from counter_app.gui.sync_status import ReviewDialog
from counter_app.services import members
from tests.conftest import NOW, form
from tests.sync_harness import Clock, enrolled_counter, sqlite_server  # noqa: F401

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def synced_window(qtbot, qapp, sqlite_server, tmp_path):
    tasks.run_synchronously(True)
    install_translations(qapp, "en")
    apply_style(qapp)
    clock = Clock(NOW)
    desk = enrolled_counter(tmp_path / "desk", sqlite_server, clock)
    shown = MainWindow(desk)
    qtbot.addWidget(shown)
    shown.show()
    shown._signed_in(desk.session)
    yield shown, desk, clock
    shown.close()
    tasks.run_synchronously(False)
    desk.close()


def test_the_status_bar_says_online_then_offline_with_the_limits(synced_window, sqlite_server):
    window, desk, clock = synced_window
    members.register_member(desk, form())
    window.syncer.sync_now()
    bar = window.sync_status
    assert bar.connection.text().startswith("● Online · synced ") and not window.offline_banner.isVisible()
    assert window.pending_status.text() == "Waiting to sync: 0"
    sqlite_server.stop()
    members.register_member(desk, form(phone="13900139000"))
    clock.now = NOW + dt.timedelta(minutes=30)
    window.syncer.sync_now()
    assert bar.connection.text().startswith("○ Offline · last sync ")
    assert window.pending_status.text() == "Waiting to sync: 1 · oldest 30 min"
    assert window.offline_banner.isVisible()
    assert (
        f"each member may redeem up to {desk.rules.offline_member_points:,} points, this counter {desk.rules.offline_counter_points:,} more, until "
        in window.offline_banner.text()
    )
    assert window.syncer.failures == 1 and window.syncer.timer.isActive()
    assert "cannot be reached" in bar.connection.toolTip()


def test_refused_operations_show_a_review_count_and_list(qtbot, synced_window):
    window, desk, _clock = synced_window
    with desk.store.write() as connection:
        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "points.activity",
            {"member_uid": str(uuid.uuid4()), "kind": "activity", "delta": 5},
            NOW,
        )
    window.syncer.sync_now()
    assert window.sync_status.review_button.isVisible() and window.sync_status.review_button.text() == "Review: 1"
    dialog = ReviewDialog(desk, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Refused" and dialog.table.item(0, 2).text() == "Event points"
    assert "has no such member" in dialog.table.item(0, 3).text()
