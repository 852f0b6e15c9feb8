"""Complaints at one counter: the answer promise's clock, the lifecycle, every refusal, compensation, the ticket receipt, and the fold's order."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.devices.printer_emulator import PrinterEmulator
from counter_app.domain import complaints as rules
from counter_app.domain import receipts as templates
from counter_app.domain.complaints import ComplaintEvent, ComplaintSlaClock, fold
from counter_app.domain.errors import Conflict, InvalidInput, NotFound
from counter_app.domain.rules import parse_rules
from counter_app.domain.staff import NeedsManager
from counter_app.paths import resources_dir
from counter_app.services import auth, complaints, members, points, printing, rewards
from counter_app.services.desk import change_setting
from tests.conftest import CHINA, NOW, cli_main, form, signed_in_desk

HOUR = dt.timedelta(hours=1)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def shop(data_dir, clock):
    """A desk on a clock the test moves, a member, a clerk and a manager, a gift and a coupon type."""
    desk = signed_in_desk(data_dir, clock)
    members.register_member(desk, form())
    auth.add_staff(desk, "K001", "李娜", "clerk", "246813")
    auth.add_staff(desk, "M001", "王经理", "manager", "975312")
    rewards.stock_gift(desk, "G-UMB", "晴雨伞", 1500, add=2)
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 800)
    yield desk
    desk.close()


def as_staff(desk, staff_id: str, pin: str) -> None:
    auth.sign_in(desk, staff_id, pin)


def take(desk, severity: str = "normal", **extra) -> complaints.ComplaintInfo:
    return complaints.open_complaint(
        desk,
        extra.pop("ref", "13800138000"),
        extra.pop("category", "attitude"),
        extra.pop("text", "店员态度冷淡，未给出解释。"),
        severity,
        **extra,
    )


# ---- the answer promise's clock ------------------------------------------------------------


def test_the_sla_clock_is_on_track_then_amber_then_breached():
    due = NOW + 24 * HOUR
    assert ComplaintSlaClock(NOW, due, NOW).status == "on_track"
    assert ComplaintSlaClock(NOW, due, NOW + 17 * HOUR).status == "on_track"  # 7 h of 24 left: more than a quarter
    amber = ComplaintSlaClock(NOW, due, NOW + 19 * HOUR)
    assert amber.status == "amber" and amber.time_left == 5 * HOUR and amber.met is None and not amber.overdue
    at_due = ComplaintSlaClock(NOW, due, due)
    assert at_due.status == "amber" and at_due.time_left == dt.timedelta(0) and not at_due.overdue
    late = ComplaintSlaClock(NOW, due, due + dt.timedelta(minutes=1))
    assert (
        late.status == "breached" and late.overdue and late.met is False and late.time_left == -dt.timedelta(minutes=1)
    )


def test_an_answer_stops_the_clock_and_meets_the_promise_only_in_time():
    due = NOW + 24 * HOUR
    answered = ComplaintSlaClock(NOW, due, NOW + 100 * HOUR, answered_at=NOW + 3 * HOUR)
    assert (
        answered.status == "met" and answered.met is True and answered.time_left == 21 * HOUR and not answered.overdue
    )
    on_the_dot = ComplaintSlaClock(NOW, due, NOW + 100 * HOUR, answered_at=due)
    assert on_the_dot.met is True
    too_late = ComplaintSlaClock(NOW, due, NOW + 100 * HOUR, answered_at=due + dt.timedelta(seconds=1))
    assert too_late.status == "breached" and too_late.met is False and not too_late.overdue


def test_escalation_is_due_as_the_breach_nears_and_the_amber_share_is_the_rules():
    due = NOW + 8 * HOUR
    assert not ComplaintSlaClock(NOW, due, NOW + 5 * HOUR).due_for_escalation(2 * HOUR)
    assert ComplaintSlaClock(NOW, due, NOW + 6 * HOUR).due_for_escalation(2 * HOUR)
    assert ComplaintSlaClock(NOW, due, NOW + 9 * HOUR).due_for_escalation(2 * HOUR)
    assert not ComplaintSlaClock(NOW, due, NOW + 9 * HOUR, answered_at=NOW + HOUR).due_for_escalation(2 * HOUR)
    assert ComplaintSlaClock(NOW, due, NOW + 3 * HOUR, amber_share=0.7).status == "amber"


# ---- the rules ---------------------------------------------------------------------------------


def _rules_text() -> str:
    return (resources_dir() / "rules.toml").read_text(encoding="utf-8")


def test_the_shipped_rules_promise_an_answer_in_24_hours_and_a_file_from_before_complaints_keeps_the_defaults():
    shipped = parse_rules(_rules_text())
    assert shipped.complaint_sla_hours == {"low": 48, "normal": 24, "high": 8}
    assert shipped.complaint_amber_share == 0.25 and shipped.complaint_escalate_when_left_hours == 2
    assert shipped.compensation_max_points == 2000 and shipped.compensation_coupon_types == ()
    older = parse_rules(_rules_text().split("[complaints]")[0])
    assert older.complaint_sla_hours == shipped.complaint_sla_hours and older.compensation_max_points == 2000


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (("normal = 24", "normal = 0"), "complaints.sla_hours.normal = 0"),
        (("high = 8", "high = 8.5"), "complaints.sla_hours.high = 8.5"),
        (("high = 8", ""), "complaints.sla_hours.high is missing"),
        (("amber_share = 0.25", "amber_share = 1.5"), "complaints.amber_share = 1.5"),
        (("amber_share = 0.25", 'amber_share = "a quarter"'), "complaints.amber_share = 'a quarter'"),
        (("escalate_when_left_hours = 2", "escalate_when_left_hours = -1"), "complaints.escalate_when_left_hours = -1"),
        (("compensation_max_points = 2000", "compensation_max_points = 0"), "complaints.compensation_max_points = 0"),
        (
            ("compensation_coupon_types = []", 'compensation_coupon_types = "C10"'),
            "complaints.compensation_coupon_types = 'C10'",
        ),
        (
            ("compensation_coupon_types = []", "compensation_coupon_types = [10]"),
            "complaints.compensation_coupon_types = [10]",
        ),
    ],
)
def test_a_bad_complaints_rule_is_named(change, says):
    text = _rules_text()
    assert change[0] in text.split("[complaints]")[1]
    head, tail = text.split("[complaints]")
    with pytest.raises(InvalidInput) as caught:
        parse_rules(head + "[complaints]" + tail.replace(change[0], change[1], 1))
    assert says in caught.value.message("en")


# ---- taking a complaint ----------------------------------------------------------------------


def test_a_complaint_gets_a_ticket_number_a_promise_by_severity_and_a_sealed_contact(shop):
    normal = take(shop, contact="139 0013 9000", shop="优衣库 UNIQLO")
    high = take(shop, "high")
    low = complaints.open_complaint(shop, None, "environment", "洗手间没有纸", "low", walk_in_name="王女士")
    assert [normal.ticket_no, high.ticket_no, low.ticket_no] == [
        "C-20261123-0001-001",
        "C-20261123-0001-002",
        "C-20261123-0001-003",
    ]
    assert dt.datetime.fromisoformat(normal.due_at) == NOW + 24 * HOUR
    assert dt.datetime.fromisoformat(high.due_at) == NOW + 8 * HOUR
    assert dt.datetime.fromisoformat(low.due_at) == NOW + 48 * HOUR
    assert normal.state == "open" and normal.sla_status == "on_track" and normal.minutes_left == 24 * 60
    assert normal.member_no == "M000100000017" and normal.contact == "139****9000" and normal.shop == "优衣库 UNIQLO"
    assert low.member_no is None and low.walk_in_name == "王女士" and low.contact is None
    assert normal.category_label == "Service attitude" and high.severity_label == "High"
    # The contact is sealed at rest, in the cache row, the event and the outbox.
    raw = sqlite3.connect(shop.data_dir / "desk.sqlite3")
    for table in ("complaints", "complaint_events", "outbox", "audit_log"):
        dumped = "\n".join(map(repr, raw.execute(f"SELECT * FROM {table}").fetchall()))
        assert "13900139000" not in dumped, table
    raw.close()


def test_every_bad_input_is_refused_with_what_to_do(shop):
    def refused(call, *says, kind=InvalidInput):
        with pytest.raises(kind) as caught:
            call()
        message = caught.value.message("en")
        for text in says:
            assert text in message, message
        return caught.value

    error = refused(
        lambda: take(shop, category="rude"),
        "“rude” is not a complaint category",
        "attitude, response, after_sales, quality, price, environment, other",
    )
    assert "category" in error.fields
    refused(lambda: take(shop, "urgent"), "“urgent” is not a severity", "low, normal, high")
    refused(lambda: take(shop, text="   "), "Write down what happened")
    refused(lambda: take(shop, text="字" * 2001), "at most 2000 characters", "2001")
    refused(lambda: take(shop, contact="12345"), "")
    refused(lambda: take(shop, shop="店" * 41), "at most 40 characters")
    refused(lambda: take(shop, ref="13700137000"), "No member has the phone", kind=NotFound)
    assert complaints.list_complaints(shop) == []  # nothing half-taken
    ticket = take(shop).ticket_no
    refused(
        lambda: complaints.show_complaint(shop, "C-20261123-0001-999"),
        "No complaint has the ticket number C-20261123-0001-999",
        kind=NotFound,
    )
    refused(lambda: complaints.acknowledge(shop, "12345"), "is not a complaint ticket number")
    refused(lambda: complaints.resolve(shop, ticket, "bad_luck"), "“bad_luck” is not a root cause", "staff_conduct")
    refused(
        lambda: complaints.start_progress(shop, ticket),
        "from Open to In progress (Open → In progress)",
        "it can go to: Acknowledged, Escalated",
    )
    complaints.acknowledge(shop, ticket)
    complaints.start_progress(shop, ticket)
    refused(lambda: complaints.resolve(shop, ticket, None), "needs its root cause")
    refused(lambda: complaints.close(shop, ticket, 5), "from In progress to Closed")
    complaints.resolve(shop, ticket, "staff_conduct", "道歉并培训")
    refused(
        lambda: complaints.acknowledge(shop, ticket), "Resolved → Acknowledged", "it can go to: In progress, Closed"
    )
    refused(lambda: complaints.close(shop, ticket, None), "needs the customer's satisfaction rating, 1 to 5")
    for rating in (0, 6, "five", "3.5", True):
        refused(lambda rating=rating: complaints.close(shop, ticket, rating), "1 to 5")
    refused(lambda: complaints.add_note(shop, ticket, ""), "Write the note")
    refused(lambda: complaints.add_note(shop, ticket, "x" * 2001), "at most 2000 characters")
    refused(lambda: complaints.escalate(shop, ticket, " "), "Give the reason")
    refused(lambda: complaints.assign(shop, ticket, "NOBODY"), "no active staff member NOBODY", kind=NotFound)
    refused(
        lambda: complaints.list_complaints(shop, status="pending"), "“pending” is not a complaint state", "in_progress"
    )
    closed = complaints.close(shop, ticket, "4")
    assert closed.state == "closed" and closed.rating == 4
    refused(
        lambda: complaints.start_progress(shop, ticket),
        "The complaint is closed (Closed → In progress is not possible)",
    )
    refused(lambda: complaints.request_compensation(shop, ticket, "points", 100, "sorry"), "is closed")
    assert complaints.show_complaint(shop, ticket).state == "closed"


def test_the_lifecycle_end_to_end_with_its_timeline_and_audit(shop, clock):
    as_staff(shop, "K001", "246813")
    ticket = take(shop, shop="ZARA").ticket_no
    clock.now = NOW + 2 * HOUR
    acknowledged = complaints.acknowledge(shop, ticket, "已电话联系顾客")
    assert acknowledged.answered_at == (NOW + 2 * HOUR).isoformat() and acknowledged.sla_status == "met"
    complaints.assign(shop, ticket, "m001", "请经理跟进")
    complaints.start_progress(shop, ticket)
    complaints.escalate(shop, ticket, "顾客要求经理处理")
    complaints.start_progress(shop, ticket, "经理接手")
    complaints.add_note(shop, ticket, "调取监控")
    resolved = complaints.resolve(shop, ticket, "staff_conduct", "道歉，店员培训")
    assert resolved.state == "resolved" and resolved.root_cause_label == "Staff conduct" and resolved.resolved_at
    reopened = complaints.start_progress(shop, ticket, "顾客不满意")
    assert reopened.state == "in_progress" and reopened.resolved_at is None and reopened.root_cause == "staff_conduct"
    complaints.resolve(shop, ticket, "process", "退款")
    clock.now = NOW + 30 * HOUR
    closed = complaints.close(shop, ticket, 5, "顾客满意")
    assert (
        closed.state == "closed"
        and closed.rating == 5
        and closed.root_cause == "process"
        and closed.assigned_to == "M001"
    )
    assert closed.sla_status == "met" and closed.conflict is None
    assert [line.kind for line in closed.timeline] == [
        "opened",
        "acknowledged",
        "assigned",
        "progress",
        "escalated",
        "progress",
        "note",
        "resolved",
        "progress",
        "resolved",
        "closed",
    ]
    assert all(line.applied and line.staff_id == "K001" and line.counter == "0001" for line in closed.timeline)
    assert closed.timeline[6].text == "调取监控"
    with shop.store.read() as connection:
        actions = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT action FROM audit_log WHERE subject = ? ORDER BY seq", (ticket,)
            )
        ]
        ops = connection.exec_driver_sql("SELECT COUNT(*) FROM outbox WHERE op_type = 'complaint.event'").scalar()
        cache = connection.exec_driver_sql(
            "SELECT state, root_cause, rating, closed_at FROM complaints WHERE ticket_no = ?", (ticket,)
        ).one()
    assert actions[0] == "complaint.open" and actions[-1] == "complaint.closed" and len(actions) == 11
    assert ops == 11 and cache[:3] == ("closed", "process", 5) and cache[3]


def test_complaint_events_are_append_only(shop):
    take(shop)
    with pytest.raises(Exception, match="append-only"), shop.store.write() as connection:
        connection.exec_driver_sql("UPDATE complaint_events SET kind = 'closed'")
    with pytest.raises(Exception, match="append-only"), shop.store.write() as connection:
        connection.exec_driver_sql("DELETE FROM complaint_events")


def test_overdue_and_due_for_escalation_lists_follow_the_clock(shop, clock):
    high = take(shop, "high").ticket_no  # due in 8 h
    normal = take(shop, "normal").ticket_no  # due in 24 h
    answered = take(shop, "high").ticket_no
    complaints.acknowledge(shop, answered)
    escalated = take(shop, "high").ticket_no
    complaints.escalate(shop, escalated, "经理处理")
    assert complaints.list_complaints(shop, overdue=True) == []
    assert complaints.list_complaints(shop, due_for_escalation=True) == []
    clock.now = NOW + 6 * HOUR + dt.timedelta(minutes=1)  # 1 h 59 min left on the high ones
    assert [c.ticket_no for c in complaints.list_complaints(shop, due_for_escalation=True)] == [high]
    assert complaints.list_complaints(shop, overdue=True) == []
    clock.now = NOW + 9 * HOUR
    # Escalated or not, a customer not yet answered past the promise is overdue.
    late, late_escalated = complaints.list_complaints(shop, overdue=True)
    assert (
        late.ticket_no == high
        and late.sla_status == "breached"
        and late.minutes_left == -60
        and late_escalated.ticket_no == escalated
    )
    clock.now = NOW + 25 * HOUR
    assert [c.ticket_no for c in complaints.list_complaints(shop, overdue=True)] == [
        high,
        escalated,
        normal,
    ]  # soonest due first
    assert [c.ticket_no for c in complaints.list_complaints(shop, due_for_escalation=True)] == [high, normal]
    assert [c.ticket_no for c in complaints.list_complaints(shop, status="acknowledged")] == [answered]


# ---- compensation ---------------------------------------------------------------------------------


def test_approved_points_land_in_the_ledger_once(shop):
    as_staff(shop, "K001", "246813")
    ticket = take(shop).ticket_no
    request = complaints.request_compensation(shop, ticket, "points", "500", "态度问题致歉")
    assert request.status == "pending" and request.points == 500 and request.requested_by == "K001"
    assert [r.request_id for r in complaints.pending_compensations(shop)] == [request.request_id]
    with pytest.raises(NeedsManager):
        complaints.decide_compensation(shop, request.request_id, True, "ok")
    as_staff(shop, "M001", "975312")
    decided = complaints.decide_compensation(shop, request.request_id[:8], True, "同意")
    assert decided.status == "approved" and decided.decided_by == "M001" and decided.entry_id
    assert members.find_member(shop, "13800138000").points == 500
    [line] = [h for h in points.history(shop, "13800138000") if h.kind == "compensation"]
    assert line.points == 500 and line.note == ticket and line.op_id == decided.entry_id and line.staff_id == "M001"
    with pytest.raises(Conflict, match="approved already by M001"):
        complaints.decide_compensation(shop, request.request_id, False, "again")
    assert members.find_member(shop, "13800138000").points == 500
    assert complaints.pending_compensations(shop) == []
    with shop.store.read() as connection:
        op_types = [row[0] for row in connection.exec_driver_sql("SELECT op_type FROM outbox ORDER BY seq")][-2:]
        refusals = connection.exec_driver_sql(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.compensate' AND outcome = 'refused'"
        ).scalar()
    # The decision first: the server pays compensation points only against an approval it has, which names the entry.
    assert op_types == ["complaint.event", "points.compensation"] and refusals == 1
    [shown] = complaints.show_complaint(shop, ticket).compensations
    assert shown.status == "approved" and shown.entry_id == decided.entry_id
    with shop.store.read() as connection:
        receipt = printing.build_receipt(shop, connection, decided.entry_id, "en")
    text = "\n".join(templates.plain_text(templates.lay_out(receipt, 48)))
    assert receipt.kind == "earn" and ticket in text and "+500" in text


def test_coupons_and_gifts_as_compensation_and_what_is_refused(shop):
    ticket = take(shop).ticket_no
    walk_in = complaints.open_complaint(shop, None, "environment", "太吵", walk_in_name="王女士").ticket_no
    with pytest.raises(InvalidInput, match="at most 2000 points"):
        complaints.request_compensation(shop, ticket, "points", 2001, "too much")
    with pytest.raises(InvalidInput, match="walk-in customer"):
        complaints.request_compensation(shop, walk_in, "points", 100, "sorry")
    with pytest.raises(InvalidInput, match="walk-in customer"):
        complaints.request_compensation(shop, walk_in, "coupon", "C10", "sorry")
    with pytest.raises(InvalidInput, match="points:N, coupon:TYPE or gift:SKU"):
        complaints.request_compensation(shop, ticket, "cash", "10", "sorry")
    with pytest.raises(NotFound, match="no coupon C99"):
        complaints.request_compensation(shop, ticket, "coupon", "C99", "sorry")
    with pytest.raises(NotFound, match="no gift G-NONE"):
        complaints.request_compensation(shop, ticket, "gift", "G-NONE", "sorry")
    coupon = complaints.request_compensation(shop, ticket, "coupon", "c10", "送券")
    gift = complaints.request_compensation(shop, walk_in, "gift", "G-UMB", "送伞")
    rejected = complaints.request_compensation(shop, ticket, "points", 100, "也想要积分")
    with pytest.raises(InvalidInput, match="Give the reason"):
        complaints.decide_compensation(shop, rejected.request_id, False, "")
    assert complaints.decide_compensation(shop, rejected.request_id, False, "已送券").status == "rejected"
    issued = complaints.decide_compensation(shop, coupon.request_id, True, "")
    assert issued.status == "approved" and issued.coupon_code
    [held] = rewards.member_coupons(shop, "13800138000")
    assert held.code.replace("-", "") == issued.coupon_code and held.status == "issued"
    assert members.find_member(shop, "13800138000").points == 0  # a compensation coupon costs no points
    handed = complaints.decide_compensation(shop, gift.request_id, True, "")
    assert handed.gift_sku == "G-UMB"
    assert [g.stock for g in rewards.gift_catalog(shop) if g.sku == "G-UMB"] == [1]
    with shop.store.read() as connection:
        refused = (
            connection.exec_driver_sql(
                "SELECT details FROM audit_log WHERE action = 'complaint.compensation_requested' AND outcome = 'refused'"
            )
            .scalars()
            .all()
        )
    assert refused == ["2001 points over the 2000 limit"]


# ---- the receipt ------------------------------------------------------------------------------------


def test_the_complaint_ticket_receipt_has_the_promised_time(shop):
    change_setting(shop, "store_name", "万达广场")
    info = take(shop, contact="13900139000", shop="优衣库")
    walk_in = complaints.open_complaint(shop, None, "quality", "衣服开线", "high", walk_in_name="王女士")
    with shop.store.read() as connection:
        receipt = printing.build_receipt(shop, connection, info.ticket_no, "zh_CN")
        english = printing.build_receipt(shop, connection, info.ticket_no.lower(), "en")
        walk_in_receipt = printing.build_receipt(shop, connection, walk_in.ticket_no, "en")
    assert receipt.kind == "complaint" and receipt.reference == info.ticket_no
    text = "\n".join(templates.plain_text(templates.lay_out(english, 48)))
    assert (
        info.ticket_no in text and "2026-11-24 10:30" in text and "Service attitude" in text and "139****9000" in text
    )
    assert "13900139000" not in text and "M000100000017" in text and "优衣库" in text
    walk_in_text = "\n".join(templates.plain_text(templates.lay_out(walk_in_receipt, 32)))
    assert "2026-11-23 18:30" in walk_in_text and "Product quality" in walk_in_text and "M000" not in walk_in_text
    with PrinterEmulator() as printer:
        change_setting(shop, "printer_uri", printer.uri)
        job = printing.queue_receipt(shop, info.ticket_no)
        assert printing.print_job_now(shop, job.id).status == "printed"
        assert printer.wait_for(1, 5)
        assert info.ticket_no in printer.receipts[0].qr_payloads and info.ticket_no in printer.receipts[0].text


def test_the_command_line_takes_moves_and_prints_a_complaint(data_dir):
    assert (
        cli_main(
            "member", "register", "--phone", "13800138000", "--name", "张三丰", "--consent", data_dir=data_dir
        ).returncode
        == 0
    )
    both = cli_main(
        "complaint", "open", "13800138000", "--walk-in", "--category", "attitude", "--text", "x", data_dir=data_dir
    )
    assert both.returncode == 2 and "--walk-in" in both.stderr
    bad = cli_main("complaint", "open", "13800138000", "--category", "rude", "--text", "x", "--json", data_dir=data_dir)
    assert (
        bad.returncode == 2
        and "attitude, response" in json.loads(bad.stdout)["error"]["message"]
        and "Traceback" not in bad.stderr
    )
    with PrinterEmulator() as printer:
        opened = cli_main(
            "complaint",
            "open",
            "13800138000",
            "--category",
            "attitude",
            "--text",
            "态度差",
            "--severity",
            "high",
            "--contact",
            "13900139000",
            "--print",
            "--printer",
            printer.uri,
            "--json",
            data_dir=data_dir,
        )
        assert opened.returncode == 0, opened.stderr
        info = json.loads(opened.stdout)
        assert printer.wait_for(1, 5) and info["ticket_no"] in printer.receipts[0].text
    ticket = info["ticket_no"]
    assert info["contact"] == "139****9000" and info["state"] == "open"
    assert cli_main("complaint", "progress", ticket, data_dir=data_dir).returncode == 2
    assert cli_main("complaint", "ack", ticket, "--note", "已联系", data_dir=data_dir).returncode == 0
    assert cli_main("complaint", "progress", ticket, data_dir=data_dir).returncode == 0
    over = cli_main(
        "complaint",
        "resolve",
        ticket,
        "--root-cause",
        "staff_conduct",
        "--compensate",
        "points:99999",
        data_dir=data_dir,
    )
    assert over.returncode == 2 and "at most 2000 points" in over.stderr
    resolved = cli_main(
        "complaint",
        "resolve",
        ticket,
        "--root-cause",
        "staff_conduct",
        "--compensate",
        "points:300",
        "--note",
        "致歉",
        "--json",
        data_dir=data_dir,
    )
    assert resolved.returncode == 0, resolved.stderr
    document = json.loads(resolved.stdout)
    assert document["complaint"]["state"] == "resolved" and document["compensation"]["status"] == "pending"
    waiting = cli_main("complaint", "compensations", "--json", data_dir=data_dir)
    [request] = json.loads(waiting.stdout)
    decided = cli_main(
        "complaint", "decide", request["request_id"][:8], "--approve", "--reason", "同意", data_dir=data_dir
    )
    assert decided.returncode == 0 and "approved" in decided.stdout
    assert (
        cli_main(
            "complaint", "decide", request["request_id"], "--reject", "--reason", "x", data_dir=data_dir
        ).returncode
        == 5
    )
    assert cli_main("complaint", "close", ticket, "--rating", "9", data_dir=data_dir).returncode == 2
    assert cli_main("complaint", "close", ticket, "--rating", "5", data_dir=data_dir).returncode == 0
    shown = cli_main("complaint", "show", ticket, data_dir=data_dir)
    assert (
        shown.returncode == 0 and "Closed" in shown.stdout and "Staff conduct" in shown.stdout and "5/5" in shown.stdout
    )
    chinese = cli_main("complaint", "list", data_dir=data_dir, lang=None)
    assert chinese.returncode == 0 and ticket in chinese.stdout
    assert cli_main("complaint", "show", "C-20991231-0001-001", data_dir=data_dir).returncode == 4
    member = json.loads(cli_main("member", "show", "13800138000", "--json", data_dir=data_dir).stdout)
    assert member["points"] == 300


# ---- the fold ---------------------------------------------------------------------------------------

A, B, C = (
    "a" * 8 + "-0000-4000-8000-" + "0" * 12,
    "b" * 8 + "-0000-4000-8000-" + "0" * 12,
    "c" * 8 + "-0000-4000-8000-" + "0" * 12,
)
COMPLAINT = str(uuid.UUID(int=7))


def event(kind: str, minutes: float, counter: str = A, /, event_id: uuid.UUID | None = None, **data) -> ComplaintEvent:
    counter_no = {A: 1, B: 2, C: 3}[counter]
    return ComplaintEvent(
        str(event_id or uuid.uuid4()),
        COMPLAINT,
        kind,
        NOW + dt.timedelta(minutes=minutes),
        counter,
        "K001",
        {"counter_no": counter_no, **data},
    )


OPENED = {
    "ticket_no": "C-20261123-0001-001",
    "category": "attitude",
    "severity": "normal",
    "description": "态度差",
    "due_at": (NOW + 24 * HOUR).isoformat(),
}


def test_a_real_conflict_is_named_and_the_later_move_applies_only_if_it_can():
    opened = event("opened", 0, **OPENED)
    base = [opened, event("acknowledged", 1, from_state="open"), event("progress", 2, from_state="acknowledged")]
    resolved_at_a = event("resolved", 10, A, from_state="in_progress", root_cause="staff_conduct")
    escalated_at_b = event("escalated", 12, B, from_state="in_progress", reason="要经理")
    state = fold(base + [escalated_at_b, resolved_at_a])
    assert (
        state.state == "resolved" and state.root_cause == "staff_conduct"
    )  # resolved → escalated is not a move: ignored
    [conflict] = state.conflicts
    assert not conflict.applied and conflict.first_counter == "0001" and conflict.second_counter == "0002"
    assert (
        state.conflict
        == "Counter 0001: Resolved; counter 0002: Escalated — both from In progress. Escalated was not applied (not possible after Resolved); check with both counters."
    )
    assert [entry.applied for entry in state.timeline][-1] is False
    # The other way round, the later resolution is possible after the escalation, and stands; the clash is still shown.
    escalated_first = event("escalated", 9, B, from_state="in_progress", reason="要经理")
    state = fold(base + [escalated_first, resolved_at_a])
    assert (
        state.state == "resolved" and state.conflicts[0].applied and "The later one (Resolved) stands" in state.conflict
    )
    # The same move at two counters is no clash.
    same = fold(
        base
        + [
            event("resolved", 10, A, from_state="in_progress", root_cause="process"),
            event("resolved", 11, B, from_state="in_progress", root_cause="facility"),
        ]
    )
    assert same.state == "resolved" and same.root_cause == "process" and same.conflicts == ()


def test_a_compensation_decided_at_two_counters_is_shown_and_the_first_decision_stands():
    opened = event("opened", 0, **OPENED, member_uid=str(uuid.UUID(int=1)))
    request = event("compensation_requested", 1, kind="points", value="100", points=100, reason="致歉")
    first = event(
        "compensation_decided", 5, B, request_id=request.event_id, approve=True, reason="ok", entry_id=str(uuid.uuid4())
    )
    second = event("compensation_decided", 6, C, request_id=request.event_id, approve=False, reason="no")
    state = fold([second, request, first, opened])
    [decided] = state.decided_compensations
    assert decided.decision.approved and decided.decision.counter == "0002" and state.pending_compensations == ()
    assert "decided at counter 0002 and again at counter 0003" in state.conflict


def test_an_event_before_the_opening_in_time_still_folds_after_it():
    opened = event("opened", 10, **OPENED)
    state = fold([event("acknowledged", 5, B, from_state="open"), opened])  # another counter's clock runs behind
    assert state.state == "acknowledged" and state.answered_at == NOW + dt.timedelta(minutes=5)


KINDS = ("acknowledged", "progress", "escalated", "resolved", "closed", "note", "assigned", "compensation_requested")


@st.composite
def histories(draw) -> list[ComplaintEvent]:
    """An opening and a mix of moves, notes and compensation from three counters, made from any state they may have seen."""
    ids = iter(draw(st.lists(st.uuids(version=4), min_size=60, max_size=60, unique=True)))
    made = [event("opened", 0, event_id=next(ids), **OPENED)]
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.sampled_from(KINDS))
        counter = draw(st.sampled_from((A, B, C)))
        minutes = draw(st.integers(0, 30))  # equal times too: the order then falls to counter and id
        data: dict = {}
        if kind in rules.MOVES:
            data = {
                "from_state": draw(st.sampled_from(list(rules.STATES))),
                "root_cause": "process",
                "rating": draw(st.integers(1, 5)),
                "reason": "r",
            }
        elif kind == "note":
            data = {"note": draw(st.text(max_size=5))}
        elif kind == "assigned":
            data = {"assigned_to": draw(st.sampled_from(("K001", "M001")))}
        else:
            data = {"kind": "points", "value": "10", "points": 10, "reason": "r"}
        made.append(event(kind, minutes, counter, event_id=next(ids), **data))
    requests = [e for e in made if e.kind == "compensation_requested"]
    for request in requests[: draw(st.integers(0, len(requests)))]:
        for counter in draw(st.lists(st.sampled_from((A, B, C)), min_size=1, max_size=2)):
            made.append(
                event(
                    "compensation_decided",
                    draw(st.integers(0, 30)),
                    counter,
                    event_id=next(ids),
                    request_id=request.event_id,
                    approve=draw(st.booleans()),
                    reason="r",
                )
            )
    return made


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_the_fold_of_any_order_of_the_same_events_is_the_same_state(data):
    made = data.draw(histories())
    shuffled = data.draw(st.permutations(made))
    assert fold(shuffled) == fold(made)
    state = fold(made)
    assert state.state in rules.STATES
    assert len(state.timeline) == len(made)


def test_ticket_numbers_are_read_however_typed():
    assert rules.parse_ticket_no(" c-20261123-0001-007 ") == "C-20261123-0001-007"
    assert rules.parse_ticket_no("Ｃ-20261123-0001-007") == "C-20261123-0001-007"
    assert rules.parse_ticket_no("C-2026-1-7") is None and rules.parse_ticket_no("") is None
    assert rules.format_ticket_no(dt.date(2026, 11, 23), 12, 7) == "C-20261123-0012-007"


def test_labels_are_in_their_own_context():
    assert rules.label(rules.CATEGORIES, "after_sales", "en") == "After-sales"
    assert rules.label(rules.CATEGORIES, "unknown", "en") == "unknown"
    assert set(rules.CATEGORIES) == {"attitude", "response", "after_sales", "quality", "price", "environment", "other"}
    assert CHINA.utcoffset(None) == dt.timedelta(hours=8)
