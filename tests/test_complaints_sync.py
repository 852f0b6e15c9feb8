"""Complaints across counters over a real server: offline changes at two counters merge to one state, a real clash is shown at both, compensation decided elsewhere arrives."""

from __future__ import annotations

import datetime as dt
import uuid

from counter_app.services import auth, complaints, members, sync
from sync.client import SyncClient
from sync.protocol import Op
from sync.server.complaints import complaint_state
from sync.server.store import ServerStore
from tests.conftest import NOW, form
from tests.sync_harness import Clock, balances, enrolled_counter, server, server_balances  # noqa: F401

HOUR = dt.timedelta(hours=1)


def server_fold(server, complaint_uid: str):
    store = ServerStore(server.db_url, upgrade=False, key_file=server.key_file)
    try:
        with store.read() as connection:
            return complaint_state(connection, complaint_uid)
    finally:
        store.close()


def seen(info: complaints.ComplaintInfo) -> tuple:
    """What must agree everywhere: state and outcome, the clash, and every event in one order."""
    return (
        info.state,
        info.root_cause,
        info.rating,
        info.assigned_to,
        info.answered_at,
        info.resolved_at,
        info.conflict,
        [(line.event_id, line.kind, line.applied) for line in info.timeline],
        [(request.request_id, request.status, request.entry_id) for request in info.compensations],
    )


def test_two_counters_change_one_complaint_offline_and_both_show_the_same_state_and_the_clash(server, tmp_path):
    east_clock, west_clock = Clock(NOW), Clock(NOW)
    east = enrolled_counter(tmp_path / "east", server, east_clock)
    west = enrolled_counter(tmp_path / "west", server, west_clock)
    members.register_member(east, form())
    ticket = complaints.open_complaint(east, "13800138000", "after_sales", "退货被拒", contact="13900139000").ticket_no
    complaints.acknowledge(east, ticket)
    complaints.start_progress(east, ticket)
    sync.sync_once(east)
    sync.sync_once(west)
    at_west = complaints.show_complaint(west, ticket)
    assert at_west.state == "in_progress" and at_west.contact == "139****9000" and at_west.member_no == "M000100000017"
    # Both go offline. East resolves; west, not knowing, escalates a little later, and both add notes.
    east_clock.now = NOW + HOUR
    west_clock.now = NOW + 2 * HOUR
    complaints.add_note(east, ticket, "东柜台：已联系店铺")
    complaints.resolve(east, ticket, "process", "同意退货")
    complaints.add_note(west, ticket, "西柜台：顾客来电")
    complaints.escalate(west, ticket, "顾客要求经理")
    complaints.assign(west, ticket, "ADMIN")
    for desk in (east, west, east):
        report = sync.sync_once(desk)
        assert report.rejected == 0
    east_view, west_view = complaints.show_complaint(east, ticket), complaints.show_complaint(west, ticket)
    assert seen(east_view) == seen(west_view)
    assert east_view.state == "resolved" and east_view.root_cause == "process" and east_view.assigned_to == "ADMIN"
    assert east_view.conflict is not None and "Escalated was not applied" in east_view.conflict
    assert {line.text for line in east_view.timeline} >= {"东柜台：已联系店铺", "西柜台：顾客来电"}
    [ignored] = [line for line in east_view.timeline if not line.applied]
    assert ignored.kind == "escalated" and ignored.counter == f"{west.settings.counter_no:04d}"
    # The server's events add up to the same, and its cache of nothing: it keeps events only.
    at_server = server_fold(server, east_view.complaint_uid)
    assert at_server.state == "resolved" and at_server.conflict == east_view.conflict
    assert [entry.event_id for entry in at_server.timeline] == [line.event_id for line in east_view.timeline]
    assert server.scalar("SELECT COUNT(*) FROM complaint_events") == 8
    # The contact reached west masked only (east's customer, not west's); the server sealed it as it seals phones.
    with west.store.read() as connection:
        cached = connection.exec_driver_sql(
            "SELECT state, conflict, contact_sealed, contact_masked FROM complaints"
        ).one()
    assert cached[0] == "resolved" and "Escalated" in cached[1] and cached[2:] == (None, "139****9000")
    # The lists agree too, and the clash never hides: closing it is still possible and the conflict stays.
    assert [c.ticket_no for c in complaints.list_complaints(west, status="resolved")] == [ticket]
    complaints.close(west, ticket, 4)
    sync.sync_once(west)
    sync.sync_once(east)
    closed = complaints.show_complaint(east, ticket)
    assert closed.state == "closed" and closed.rating == 4 and closed.conflict == east_view.conflict
    east.close()
    west.close()


def test_a_compensation_asked_at_one_counter_and_approved_at_another_reaches_the_first(server, tmp_path):
    intake = enrolled_counter(tmp_path / "intake", server)
    office = enrolled_counter(tmp_path / "office", server)
    card = members.register_member(intake, form())
    ticket = complaints.open_complaint(intake, card.member_no, "quality", "衣服开线", "high").ticket_no
    request = complaints.request_compensation(intake, ticket, "points", 800, "质量问题补偿")
    sync.sync_once(intake)
    sync.sync_once(office)
    auth.add_staff(office, "M001", "王经理", "manager", "975312")
    auth.sign_in(office, "M001", "975312")
    [waiting] = complaints.pending_compensations(office)
    assert (
        waiting.request_id == request.request_id and waiting.ticket_no == ticket and waiting.member_no == card.member_no
    )
    decided = complaints.decide_compensation(office, request.request_id, True, "经理同意")
    assert decided.status == "approved" and members.find_member(office, card.member_no).points == 800
    sync.sync_once(office)
    assert members.find_member(intake, card.member_no).points == 0  # not synced yet
    sync.sync_once(intake)
    assert members.find_member(intake, card.member_no).points == 800
    [shown] = complaints.show_complaint(intake, ticket).compensations
    assert shown.status == "approved" and shown.decided_by == "M001" and shown.entry_id == decided.entry_id
    assert complaints.pending_compensations(intake) == []
    assert balances(intake) == balances(office) == server_balances(server) == {card.member_no: 800}
    assert server.scalar("SELECT kind FROM ledger WHERE entry_id = :e", e=decided.entry_id) == "compensation"
    intake.close()
    office.close()


def test_a_compensation_decided_at_two_offline_counters_is_shown_and_opens_a_review_item(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    card = members.register_member(east, form())
    ticket = complaints.open_complaint(east, card.member_no, "price", "标价不符").ticket_no
    request = complaints.request_compensation(east, ticket, "points", 100, "差价")
    sync.sync_once(east)
    sync.sync_once(west)
    complaints.decide_compensation(east, request.request_id, True, "同意")
    complaints.decide_compensation(west, request.request_id, True, "同意")
    for desk in (east, west, east):
        sync.sync_once(desk)
    assert complaints.show_complaint(east, ticket).conflict == complaints.show_complaint(west, ticket).conflict
    assert "again at counter" in complaints.show_complaint(east, ticket).conflict
    assert server.rows("SELECT kind FROM review_items") == [("double_compensation",)]
    [line] = [line for line in sync.review_list(east) if line.source == "server"]
    assert line.what == "Compensation decided twice" and ticket in line.details
    # Both credits stand in the ledger (nothing is dropped); the manager sees them in the review.
    assert balances(east) == balances(west) == server_balances(server) == {card.member_no: 200}
    east.close()
    west.close()


def test_the_server_refuses_what_no_counter_would_send_and_applies_each_event_once(server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", server)
    members.register_member(desk, form())
    info = complaints.open_complaint(desk, "13800138000", "attitude", "态度差")
    sync.sync_once(desk)
    token = sync._client(desk).session.headers["Authorization"].split()[1]
    client = SyncClient(server.url, token)
    counter_uid = desk.counter_uid

    def op(
        kind: str,
        data: dict,
        complaint_uid: str = info.complaint_uid,
        counter: str = counter_uid,
        op_id: str | None = None,
    ) -> Op:
        payload = {
            "complaint_uid": complaint_uid,
            "kind": kind,
            "at": NOW.isoformat(),
            "staff_id": "ADMIN",
            "counter_uid": counter,
            "data": data,
        }
        return Op(
            op_id=op_id or str(uuid.uuid4()), seq=900, type="complaint.event", at=NOW, payload=payload, staff_id="ADMIN"
        )

    opened = {
        "ticket_no": "C-20261123-0001-009",
        "category": "attitude",
        "severity": "normal",
        "description": "x",
        "due_at": NOW.isoformat(),
    }
    cases = [
        (op("opened", {**opened, "category": "rude"}, str(uuid.uuid4())), "malformed", "data.category"),
        (op("opened", {**opened, "description": "x" * 2001}, str(uuid.uuid4())), "malformed", "data.description"),
        (op("opened", {**opened, "contact": "13900139000abc"}, str(uuid.uuid4())), "malformed", "data.contact"),
        (op("opened", {**opened, "member_uid": str(uuid.uuid4())}, str(uuid.uuid4())), "unknown_member", None),
        (op("opened", opened), "complaint_exists", None),
        (op("note", {"note": "x"}, str(uuid.uuid4())), "unknown_complaint", None),
        (op("note", {"note": "x"}, counter=str(uuid.uuid4())), "invalid", "counter_uid"),
        (op("closed", {"rating": 9}), "malformed", "data.rating"),
        (op("compensation_decided", {"request_id": str(uuid.uuid4()), "approve": True}), "unknown_request", None),
        (op("compensation_decided", {"request_id": str(uuid.uuid4()), "approve": "yes"}), "malformed", "data.approve"),
        (op("resolved", {"root_cause": "bad_luck"}), "malformed", "data.root_cause"),
    ]
    for sent, code, field in cases:
        [result] = client.push([sent]).results
        assert result.status == "rejected" and result.code == code, (sent.payload, result)
        if field:
            assert result.params["field"] == field
    note = op("note", {"note": "经理看过"})
    first, again = client.push([note]).results[0], client.push([note]).results[0]
    assert first.status == again.status == "applied"
    assert server.scalar("SELECT COUNT(*) FROM complaint_events") == 2
    assert server.scalar("SELECT COUNT(*) FROM change_log WHERE kind = 'complaint'") == 2
    # The server's table is append-only too.
    try:
        with server.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE complaint_events SET kind = 'closed'")
    except Exception as error:
        assert "append-only" in str(error)
    else:
        raise AssertionError("an event was changed at the server")
    sync.sync_once(desk)
    assert [line.text for line in complaints.show_complaint(desk, info.ticket_no).timeline] == [None, "经理看过"]
    client.close()
    desk.close()
