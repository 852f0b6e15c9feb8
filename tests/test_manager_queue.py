"""The manager's one queue: parked operations, compensations and review items in urgency order, decided and audited; the CLI; resolutions across counters."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from counter_app.domain.errors import Conflict, InvalidInput, NotFound
from counter_app.domain.staff import HeldForApproval, NeedsManager
from counter_app.services import auth, manager_queue, members, points, sync
from counter_app.services.manager_queue import COMPENSATION, COMPENSATION_NEAR_SLA, OTHER_REVIEW, PARKED, URGENT_REVIEW
from sync.protocol import Change
from tests.conftest import ADMIN, NOW, cli_main, form, signed_in_desk
from tests.sync_harness import Clock, enrolled_counter, sqlite_server  # noqa: F401

CLERK, CLERK_PIN = "K001", "357924"
MANAGER, MANAGER_PIN = "M001", "468035"
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def desk(data_dir, clock):
    opened = signed_in_desk(data_dir, clock)
    auth.add_staff(opened, CLERK, "服务台小李", "clerk", CLERK_PIN)
    auth.add_staff(opened, MANAGER, "张经理", "manager", MANAGER_PIN)
    yield opened
    opened.close()


@pytest.fixture
def member(desk):
    return members.register_member(desk, form())


def as_staff(desk, staff_id: str, pin: str) -> None:
    auth.sign_in(desk, staff_id, pin)


def hold_a_large_earn(desk, member_no: str, slip: str) -> int:
    """A clerk's slip over the rules' large amount waits for a manager."""
    as_staff(desk, CLERK, CLERK_PIN)
    with pytest.raises(HeldForApproval) as held:
        points.earn_from_slip(desk, member_no, "60000.00", slip)
    as_staff(desk, MANAGER, MANAGER_PIN)
    return held.value.params["approval_id"]


def pulled_review(
    desk,
    review_id: int,
    kind: str,
    details: dict,
    *,
    member_uid: str | None = None,
    status: str = "open",
    resolution: dict | None = None,
    at=NOW,
) -> None:
    """A review item as the change feed brings it (the pull's own code path)."""
    data = {
        "id": review_id,
        "kind": kind,
        "member_uid": member_uid,
        "op_id": str(uuid.uuid4()),
        "counter_uid": str(uuid.uuid4()),
        "details": details,
        "status": status,
        "created_at": at.isoformat(),
    }
    if resolution:
        data["resolution"] = resolution
    with desk.store.write() as connection:
        sync._apply_change(desk, connection, Change(seq=review_id, kind="review", key=str(review_id), data=data))


def member_uid(desk, member_no: str) -> str:
    with desk.store.read() as connection:
        return connection.exec_driver_sql(
            "SELECT member_uid FROM members WHERE member_no = ?", (member_no,)
        ).scalar_one()


def audit_rows(desk, action: str) -> list[tuple]:
    with desk.store.read() as connection:
        return [
            tuple(row)
            for row in connection.exec_driver_sql(
                "SELECT staff_id, subject, outcome, details FROM audit_log WHERE action = ? ORDER BY seq", (action,)
            )
        ]


def complaints_or_skip():
    complaints = pytest.importorskip("counter_app.services.complaints")
    for name in ("open_complaint", "request_compensation", "pending_compensations", "decide_compensation"):
        if not hasattr(complaints, name):
            pytest.skip(f"complaints.{name} is not there yet")
    return complaints


def test_approvals_and_review_items_come_in_urgency_order(desk, clock, member):
    uid = member_uid(desk, member.member_no)
    pulled_review(
        desk,
        7,
        "replayed_code",
        {
            "member_no": member.member_no,
            "counter_no": 2,
            "first_counter_no": 1,
            "again_at": NOW.isoformat(),
            "first_at": NOW.isoformat(),
        },
        member_uid=uid,
        at=NOW - 5 * HOUR,
    )
    first_hold = hold_a_large_earn(desk, member.member_no, "BIG-1")
    clock.now = NOW + HOUR
    pulled_review(
        desk,
        8,
        "overdraw",
        {"member_no": member.member_no, "balance_before": 100, "balance_after": -700, "delta": -800},
        member_uid=uid,
        at=clock.now,
    )
    second_hold = hold_a_large_earn(desk, member.member_no, "BIG-2")
    pulled_review(
        desk,
        9,
        "double_write_off",
        {"code": "CPABCDEFGH12", "first_used_at": NOW.isoformat(), "again_at": clock.now.isoformat()},
        member_uid=uid,
        at=NOW - HOUR,
    )
    pulled_review(
        desk,
        10,
        "profile_conflict",
        {"member_no": member.member_no, "fields": "name"},
        member_uid=uid,
        at=NOW - 9 * HOUR,
    )
    clock.now = NOW + 2 * HOUR
    queue = manager_queue.waiting(desk)
    assert [(item.urgency, item.ref) for item in queue] == [
        (URGENT_REVIEW, "review:9"),
        (URGENT_REVIEW, "review:8"),  # money first, the older first
        (PARKED, str(first_hold)),
        (PARKED, str(second_hold)),  # holds by age
        (OTHER_REVIEW, "review:10"),
        (OTHER_REVIEW, "review:7"),
    ]
    overdraw = queue[1]
    assert (overdraw.kind, overdraw.item_id, overdraw.title, overdraw.subject, overdraw.requested_by) == (
        "review",
        "8",
        "Overdraw found at sync",
        member.member_no,
        None,
    )
    assert overdraw.details == f"Member {member.member_no} spent more than the balance: 100 → -700 points (-800)."
    assert overdraw.age_minutes == 60
    hold = queue[2]
    assert (hold.kind, hold.approval_id, hold.title, hold.subject, hold.requested_by, hold.age_minutes) == (
        "approval",
        first_hold,
        "Points from a slip held for a check",
        member.member_no,
        CLERK,
        120,
    )
    assert hold.details == "¥60000.00 · BIG-1"
    assert queue[5].subject == member.member_no  # a phone never shows in full: the member by number


def test_compensations_near_their_answer_promise_come_before_holds(desk, clock, member):
    complaints = complaints_or_skip()
    hold = hold_a_large_earn(desk, member.member_no, "BIG-1")
    as_staff(desk, CLERK, CLERK_PIN)
    calm = complaints.open_complaint(desk, member.member_no, "environment", "洗手间没有纸", severity="low")
    calm_request = complaints.request_compensation(desk, calm.ticket_no, "points", 100, "环境不佳")
    clock.now = NOW + HOUR
    pressing = complaints.open_complaint(desk, member.member_no, "attitude", "店员态度恶劣", severity="high")
    pressing_request = complaints.request_compensation(desk, pressing.ticket_no, "points", 200, "态度问题")
    as_staff(desk, MANAGER, MANAGER_PIN)
    clock.now = NOW + 8 * HOUR  # the high-severity complaint's answer is due within the hour, unanswered
    queue = manager_queue.waiting(desk)
    assert [(item.kind, item.urgency) for item in queue] == [
        ("compensation", COMPENSATION_NEAR_SLA),
        ("approval", PARKED),
        ("compensation", COMPENSATION),
    ]
    urgent = queue[0]
    assert (urgent.item_id, urgent.ref, urgent.requested_by) == (
        pressing_request.request_id,
        f"compensation:{pressing_request.request_id}",
        CLERK,
    )
    assert urgent.subject == f"{pressing.ticket_no} · {member.member_no}" and urgent.due_at is not None
    assert urgent.title == "Compensation for a complaint" and "200" in urgent.details
    assert queue[2].item_id == calm_request.request_id
    before = members.find_member(desk, member.member_no).points
    decided = manager_queue.decide(desk, "compensation", pressing_request.request_id, True, "属实，补偿积分")
    assert decided.approved and decided.result.status == "approved"
    assert members.find_member(desk, member.member_no).points == before + 200
    with pytest.raises(InvalidInput, match="Give a reason"):
        manager_queue.decide(desk, "compensation", calm_request.request_id, False, " ")
    manager_queue.decide(desk, "compensation", calm_request.request_id, False, "不属于补偿范围")
    assert [item.ref for item in manager_queue.waiting(desk)] == [str(hold)]


def test_a_manager_approves_and_rejects_parked_operations(desk, member):
    first = hold_a_large_earn(desk, member.member_no, "BIG-1")
    second = hold_a_large_earn(desk, member.member_no, "BIG-2")
    approved = manager_queue.decide(desk, "approval", str(first), True, "小票已核对")
    assert approved.approved and approved.result.points == 60000
    assert members.find_member(desk, member.member_no).points == 60000
    with pytest.raises(InvalidInput, match="Give a reason for the rejection"):
        manager_queue.decide(desk, "approval", str(second), False, "")
    rejected = manager_queue.decide(desk, "approval", str(second), False, "小票不清晰")
    assert (rejected.approved, rejected.result.status, rejected.result.reason) == (False, "rejected", "小票不清晰")
    assert manager_queue.waiting(desk) == []
    assert members.find_member(desk, member.member_no).points == 60000
    assert audit_rows(desk, "approval.approve")[-1][:3] == (MANAGER, "BIG-1", "done")
    assert audit_rows(desk, "approval.note") == [(MANAGER, f"#{first}", "done", "小票已核对")]
    assert audit_rows(desk, "approval.reject") == [(MANAGER, "BIG-2", "done", f"#{second} points.earn: 小票不清晰")]
    with pytest.raises(InvalidInput, match="was rejected already"):
        manager_queue.decide(desk, "approval", str(second), True)


def test_review_items_are_resolved_with_who_when_and_why_and_pushed(desk, clock, member):
    as_staff(desk, MANAGER, MANAGER_PIN)
    uid = member_uid(desk, member.member_no)
    pulled_review(
        desk,
        3,
        "overdraw",
        {"member_no": member.member_no, "balance_before": 10, "balance_after": -90, "delta": -100},
        member_uid=uid,
    )
    pulled_review(desk, 4, "duplicate_slip", {"slip_no": "DUP-1", "member_no": member.member_no}, member_uid=uid)
    clock.now = NOW + HOUR
    done = manager_queue.decide(desk, "review", "3", True, "会员已补回积分")
    assert (done.result.outcome, done.result.resolved_by, done.result.reason) == ("accepted", MANAGER, "会员已补回积分")
    with pytest.raises(InvalidInput, match="reason"):
        manager_queue.decide(desk, "review", "4", False, None)
    manager_queue.decide(desk, "review", "4", False, "同一张小票在两个柜台录入，已作废一笔")
    with desk.store.read() as connection:
        rows = connection.exec_driver_sql(
            "SELECT id, status, resolved_by, substr(resolved_at, 1, 16), resolution, resolution_reason FROM review_items ORDER BY id"
        ).all()
        pushed = connection.exec_driver_sql("SELECT op_type FROM outbox WHERE op_type = 'review.resolved'").all()
    assert [tuple(row) for row in rows] == [
        (3, "resolved", MANAGER, "2026-11-23T11:30", "accepted", "会员已补回积分"),
        (4, "resolved", MANAGER, "2026-11-23T11:30", "rejected", "同一张小票在两个柜台录入，已作废一笔"),
    ]
    assert len(pushed) == 2
    assert [line.source for line in sync.review_list(desk)] == []  # out of the review list too
    assert audit_rows(desk, "review.resolve")[0] == (MANAGER, "review:3", "done", "overdraw: accepted: 会员已补回积分")
    with pytest.raises(Conflict, match=f"Review item 3 was resolved already \\({MANAGER}, 2026-11-23 11:30\\)"):
        manager_queue.decide(desk, "review", "3", True)
    with pytest.raises(NotFound, match="no review item 99"):
        manager_queue.decide(desk, "review", "99", True)
    # The server's feed may bring the item again as it first was: the resolution made here stands.
    pulled_review(desk, 3, "overdraw", {"member_no": member.member_no}, member_uid=uid)
    assert manager_queue.waiting(desk) == []


def test_a_resolution_made_at_another_counter_arrives_with_the_feed(desk, member):
    pulled_review(
        desk, 5, "overdraw", {"member_no": member.member_no, "balance_before": 10, "balance_after": -90, "delta": -100}
    )
    assert [item.ref for item in manager_queue.waiting(desk)] == ["review:5"]
    pulled_review(
        desk,
        5,
        "overdraw",
        {"member_no": member.member_no},
        status="resolved",
        resolution={
            "outcome": "accepted",
            "reason": "已处理",
            "by": "M009",
            "at": (NOW + HOUR).isoformat(),
            "counter_uid": str(uuid.uuid4()),
        },
    )
    assert manager_queue.waiting(desk) == []
    with desk.store.read() as connection:
        assert tuple(
            connection.exec_driver_sql(
                "SELECT status, resolved_by, resolution, resolution_reason FROM review_items"
            ).one()
        ) == ("resolved", "M009", "accepted", "已处理")


def test_a_clerk_cannot_see_or_decide_and_each_refusal_is_audited(desk, member):
    hold = hold_a_large_earn(desk, member.member_no, "BIG-1")
    pulled_review(desk, 6, "overdraw", {"member_no": member.member_no})
    as_staff(desk, CLERK, CLERK_PIN)
    with pytest.raises(NeedsManager):
        manager_queue.waiting(desk)
    for kind, item_id, approve in (
        ("approval", str(hold), True),
        ("review", "6", False),
        ("compensation", str(uuid.uuid4()), True),
    ):
        with pytest.raises(NeedsManager):
            manager_queue.decide(desk, kind, item_id, approve, "我来批")
    assert audit_rows(desk, "queue.list") == [(CLERK, None, "refused", "clerk lacks approve")]
    assert audit_rows(desk, "approval.approve") == [(CLERK, f"approval:{hold}", "refused", "clerk lacks approve")]
    assert audit_rows(desk, "review.resolve") == [(CLERK, "review:6", "refused", "clerk lacks approve")]
    assert audit_rows(desk, "complaint.compensate")[0][2] == "refused"
    as_staff(desk, MANAGER, MANAGER_PIN)
    assert [item.ref for item in manager_queue.waiting(desk)] == ["review:6", str(hold)]  # nothing was decided


def test_bad_queue_references_and_kinds_are_refused(desk):
    assert manager_queue.parse_queue_ref("12") == ("approval", "12")
    assert manager_queue.parse_queue_ref(" review:5 ") == ("review", "5")
    assert manager_queue.parse_queue_ref("compensation:3f6c2a4e-aaaa") == ("compensation", "3f6c2a4e-aaaa")
    for bad in ("", "review:", "review:x", "coupon:5", "12a", "approval:-1", "x" * 60):
        with pytest.raises(InvalidInput, match="names nothing in the manager's queue"):
            manager_queue.parse_queue_ref(bad)
    with pytest.raises(InvalidInput, match="none of them"):
        manager_queue.decide(desk, "refund", "1", True)
    with pytest.raises(NotFound, match="no approval request 42"):
        manager_queue.decide(desk, "approval", "42", True)


def test_the_cli_lists_the_queue_and_decides_each_kind(data_dir):
    desk = signed_in_desk(data_dir)
    auth.add_staff(desk, CLERK, "服务台小李", "clerk", CLERK_PIN)
    auth.add_staff(desk, MANAGER, "张经理", "manager", MANAGER_PIN)
    card = members.register_member(desk, form())
    pulled_review(
        desk,
        11,
        "double_write_off",
        {"code": "CPABCDEFGH12", "first_used_at": NOW.isoformat(), "again_at": NOW.isoformat()},
    )
    desk.close()
    (data_dir / ".test-admin").touch()
    held = cli_main(
        "points",
        "earn",
        card.member_no,
        "--amount",
        "60000",
        "--slip",
        "BIG-1",
        "--json",
        data_dir=data_dir,
        staff=CLERK,
        pin=CLERK_PIN,
    )
    assert held.returncode == 3, held.stderr
    approval_id = json.loads(held.stdout)["error"]["approval_id"]
    refused = cli_main("approvals", "list", data_dir=data_dir, staff=CLERK, pin=CLERK_PIN)
    assert refused.returncode == 6 and "manager" in refused.stderr
    listed = cli_main("approvals", "list", "--json", data_dir=data_dir, staff=MANAGER, pin=MANAGER_PIN)
    assert listed.returncode == 0, listed.stderr
    queue = json.loads(listed.stdout)
    assert [(item["ref"], item["urgency"], item["approval_id"]) for item in queue] == [
        ("review:11", URGENT_REVIEW, None),
        (str(approval_id), PARKED, approval_id),
    ]
    shown = cli_main("approvals", "list", data_dir=data_dir, staff=MANAGER, pin=MANAGER_PIN)
    assert (
        "review:11" in shown.stdout and "Coupon written off twice" in shown.stdout and f"#{approval_id}" in shown.stdout
    )
    assert (
        cli_main(
            "approvals", "reject", "review:11", "--reason", " ", data_dir=data_dir, staff=MANAGER, pin=MANAGER_PIN
        ).returncode
        == 2
    )
    assert (
        cli_main("approvals", "approve", "review:x", data_dir=data_dir, staff=MANAGER, pin=MANAGER_PIN).returncode == 2
    )
    assert (
        cli_main("approvals", "approve", "review:404", data_dir=data_dir, staff=MANAGER, pin=MANAGER_PIN).returncode
        == 4
    )
    clerk = cli_main("approvals", "approve", str(approval_id), data_dir=data_dir, staff=CLERK, pin=CLERK_PIN)
    assert clerk.returncode == 6
    rejected = cli_main(
        "approvals",
        "reject",
        "review:11",
        "--reason",
        "第二次核销为误操作，已联系门店",
        "--json",
        data_dir=data_dir,
        staff=MANAGER,
        pin=MANAGER_PIN,
    )
    assert rejected.returncode == 0, rejected.stderr
    assert json.loads(rejected.stdout)["result"]["outcome"] == "rejected"
    approved = cli_main(
        "approvals", "approve", str(approval_id), "--json", data_dir=data_dir, staff=MANAGER, pin=MANAGER_PIN
    )
    assert approved.returncode == 0, approved.stderr
    answer = json.loads(approved.stdout)
    assert (answer["approval_id"], answer["status"], answer["result"]["points"]) == (approval_id, "approved", 60000)
    empty = cli_main("approvals", "list", data_dir=data_dir, staff=MANAGER, pin=MANAGER_PIN)
    assert empty.returncode == 0 and "Nothing waits for approval." in empty.stdout
    again = cli_main("approvals", "approve", "review:11", data_dir=data_dir, staff=MANAGER, pin=MANAGER_PIN)
    assert again.returncode == 5 and "resolved already" in again.stderr


def test_a_review_item_resolved_at_one_counter_closes_at_every_counter(sqlite_server, tmp_path):
    east = enrolled_counter(tmp_path / "east", sqlite_server)
    west = enrolled_counter(tmp_path / "west", sqlite_server)
    card = members.register_member(east, form())
    sync.sync_once(east)
    sync.sync_once(west)
    points.earn_from_slip(east, card.member_no, "100.00", "DUP-1")
    points.earn_from_slip(west, card.member_no, "100.00", "DUP-1")
    for desk in (east, west, east):
        sync.sync_once(desk)
    [item] = manager_queue.waiting(east)
    assert (item.kind, item.urgency, item.title) == ("review", URGENT_REVIEW, "Slip earned at two counters")
    assert [other.ref for other in manager_queue.waiting(west)] == [item.ref]
    manager_queue.decide(east, "review", item.item_id, True, "核实为同一笔消费，已冲正一笔")
    # West's manager, not yet synced, resolves it too: the first resolution to reach the server stands.
    manager_queue.decide(west, "review", item.item_id, False, "待核实")
    report = sync.sync_once(east)
    assert report.rejected == 0
    assert sync.sync_once(west).rejected == 0
    assert sqlite_server.scalar("SELECT status FROM review_items") == "resolved"
    assert json.loads(sqlite_server.scalar("SELECT details FROM review_items"))["resolution"]["outcome"] == "accepted"
    for desk in (east, west):
        assert manager_queue.waiting(desk) == []
        with desk.store.read() as connection:
            assert tuple(
                connection.exec_driver_sql("SELECT status, resolution, resolved_by FROM review_items").one()
            ) == ("resolved", "accepted", ADMIN)
    east.close()
    west.close()


def test_a_clerk_asks_for_a_void_and_it_happens_when_a_manager_approves(desk):
    from counter_app.services import approvals
    from tests.conftest import ADMIN_PIN

    members.register_member(desk, form())
    earned = points.earn_from_slip(desk, "13800138000", "100", "V-1", at=NOW)
    auth.add_staff(desk, "K009", "李娜", "clerk", "246810")
    auth.sign_in(desk, "K009", "246810")
    with pytest.raises(HeldForApproval) as held:
        approvals.run_or_park(desk, "points.void", earned.op_id, op_id=earned.op_id, reason="顾客退货")
    assert members.find_member(desk, "13800138000").points == earned.balance  # nothing voided yet
    auth.sign_in(desk, ADMIN, ADMIN_PIN)
    (item,) = [item for item in manager_queue.waiting(desk) if item.kind == "approval"]
    assert item.item_id == str(held.value.params["approval_id"]) and "顾客退货" in item.details
    manager_queue.decide(desk, "approval", item.item_id, True, "")
    assert members.find_member(desk, "13800138000").points == earned.balance - earned.points
