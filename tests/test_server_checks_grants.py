"""Granted points at a real server, forged as a dishonest clerk would with the counter's own device token: activity
points without an event or check-in, compensation without an approval, a second birthday gift, referral points
without a referral. Each is refused with its reason, lands in the counter's review list, and moves no balance."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from counter_app import i18n
from counter_app.db.outbox import append_op
from counter_app.db.sealing import seal_payload, unseal_payload
from counter_app.services import auth, complaints, member_events, members, points, sync
from counter_app.services.members import ProfileEdit
from sync.client import SyncClient
from sync.protocol import Op
from tests.conftest import ADMIN, NOW, form
from tests.sync_harness import enrolled_counter, server, server_balances  # noqa: F401

HOUR = dt.timedelta(hours=1)


def uid_of(desk, member_no: str) -> str:
    with desk.store.read() as connection:
        return connection.exec_driver_sql("SELECT member_uid FROM members WHERE member_no = ?", (member_no,)).scalar()


def forge(desk, op_type: str, payload: dict) -> str:
    """An op the desk's rules never made, put into the counter's outbox as a tampered counter would."""
    with desk.store.write() as connection:
        _, op_id = append_op(connection, desk.store.keys, desk.counter_uid, op_type, payload, NOW)
    return op_id


def grant(desk, kind: str, member_no: str, delta: int, **fields) -> str:
    payload = {"member_uid": uid_of(desk, member_no), "kind": kind, "delta": delta, "points": delta, **fields}
    return forge(desk, f"points.{kind}", payload)


def rewrite(desk, op_id: str, **changes) -> None:
    """A clerk with the data folder edits an op waiting in the outbox before it is pushed."""
    with desk.store.write() as connection:
        sealed = connection.exec_driver_sql("SELECT payload_sealed FROM outbox WHERE op_id = ?", (op_id,)).scalar()
        payload = unseal_payload(desk.store.keys, sealed, op_id) | changes
        connection.exec_driver_sql(
            "UPDATE outbox SET payload_sealed = ? WHERE op_id = ?",
            (seal_payload(desk.store.keys, payload, op_id), op_id),
        )


def refusals(desk) -> dict[str, tuple[str, dict]]:
    """op id -> (code, params) of every op the server refused, as the counter keeps them."""
    with desk.store.read() as connection:
        rows = connection.exec_driver_sql("SELECT op_id, reason FROM outbox WHERE status = 'rejected'").all()
    return {row.op_id: (json.loads(row.reason)["code"], json.loads(row.reason)["params"]) for row in rows}


def review(desk) -> dict[str, str]:
    return {line.ref: line.details for line in sync.review_list(desk) if line.source == "rejected"}


def ledger_size(server) -> int:
    return int(server.scalar("SELECT COUNT(*) FROM ledger"))


def test_activity_points_need_a_real_event_a_check_in_at_it_and_come_once(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    card = members.register_member(east, form())
    other = members.register_member(east, form(phone="13900139000", name="李四"))
    member_events.create_event(east, "FAIR", "会员日", NOW - HOUR, NOW + HOUR, 10)
    member_events.create_event(east, "TALK", "讲座", NOW - HOUR, NOW + HOUR, 0)
    assert member_events.check_in(east, card.member_no, "FAIR").points == 10
    member_events.check_in(east, other.member_no, "TALK")  # worth no points of its own
    assert points.award_activity(east, other.member_no, "TALK").points == 20  # the rules' check-in points
    # What the desk's rules made goes through: the server knows the events and check-ins.
    assert sync.sync_once(east).rejected == 0
    assert server_balances(server) == {card.member_no: 10, other.member_no: 20}
    assert server.scalar("SELECT COUNT(*) FROM event_check_ins") == 2
    before, entries = server_balances(server), ledger_size(server)

    forged = {
        grant(east, "activity", card.member_no, 20, item="NO-SUCH", note="NO-SUCH"): "unknown_event",
        grant(east, "activity", other.member_no, 10, item="FAIR", note="FAIR"): "not_checked_in",
        grant(east, "activity", card.member_no, 10, item="FAIR", note="FAIR"): "activity_given",
        grant(east, "activity", other.member_no, 500, item="TALK", note="TALK"): "grant_points",
        grant(east, "activity", card.member_no, 20): "unknown_event",  # no event named at all
        forge(
            east,
            "event.created",
            {
                "code": "BIG",
                "title": "大奖",
                "starts_at": (NOW - HOUR).isoformat(),
                "ends_at": (NOW + HOUR).isoformat(),
                "points": 5000,
            },
        ): "event_points_over",
    }
    report = sync.sync_once(east)
    assert report.rejected == len(forged)
    assert {op_id: code for op_id, (code, _) in refusals(east).items()} == forged
    lines = review(east)
    assert "no event NO-SUCH set up at this counter" in lines[next(iter(forged))]
    [not_in, twice, amount] = list(forged)[1:4]
    assert f"no check-in of member {other.member_no} at FAIR" in lines[not_in]
    assert f"{card.member_no} was given the points for FAIR already" in lines[twice]
    assert "these are 20 points; the operation gave 500" in lines[amount]
    i18n.set_language("zh_CN")
    assert f"会员 {card.member_no} 已领取过活动 FAIR 的积分" in review(east)[twice]
    i18n.set_language("en")

    # Another counter's device token, pushing straight at the API: east's event is not west's to give points for.
    token = sync._client(west).session.headers["Authorization"].split()[1]
    client = SyncClient(server.url, token)
    sent = Op(
        op_id=str(uuid.uuid4()),
        seq=1,
        type="points.activity",
        at=NOW,
        payload={"member_uid": uid_of(east, other.member_no), "kind": "activity", "delta": 10, "item": "FAIR"},
        staff_id=ADMIN,  # west's own administrator, whom the server knows
    )
    [answer] = client.push([sent]).results
    assert (answer.status, answer.code, answer.params) == ("rejected", "unknown_event", {"event": "FAIR"})
    client.close()
    assert server_balances(server) == before and ledger_size(server) == entries
    east.close()
    west.close()


def test_compensation_points_need_an_approval_for_that_member_and_amount_and_come_once(server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", server)
    auth.add_staff(desk, "M001", "王经理", "manager", "975312")
    auth.sign_in(desk, "M001", "975312")
    card = members.register_member(desk, form())
    ticket = complaints.open_complaint(desk, card.member_no, "quality", "衣服开线", "high").ticket_no
    approved = complaints.request_compensation(desk, ticket, "points", 100, "质量问题补偿")
    paid = complaints.decide_compensation(desk, approved.request_id, True, "同意")
    refused = complaints.request_compensation(desk, ticket, "points", 300, "再补一些")
    complaints.decide_compensation(desk, refused.request_id, False, "已补偿过")
    bigger = complaints.request_compensation(desk, ticket, "points", 200, "差价")
    inflated = complaints.decide_compensation(desk, bigger.request_id, True, "同意").entry_id
    rewrite(desk, inflated, delta=2000, points=2000)  # approved for 200, pushed as 2,000
    sync.sync_once(desk)
    assert refusals(desk) == {
        inflated: ("compensation_points", {"request": bigger.request_id[:8], "expected": "200", "delta": "2000"})
    }
    assert server_balances(server) == {card.member_no: 100}  # the approved, honest 100
    assert server.scalar("SELECT kind FROM ledger WHERE entry_id = :e", e=paid.entry_id) == "compensation"
    before, entries = server_balances(server), ledger_size(server)

    forged = {
        grant(desk, "compensation", card.member_no, 500, note=ticket): "compensation_not_approved",
        grant(desk, "compensation", card.member_no, 300, note=ticket, request_id=refused.request_id): (
            "compensation_not_approved"
        ),
        grant(desk, "compensation", card.member_no, 100, note=ticket, request_id=approved.request_id): (
            "compensation_paid"
        ),
        grant(desk, "compensation", card.member_no, 2000, note=ticket, request_id=str(uuid.uuid4())): (
            "compensation_not_approved"
        ),
    }
    assert sync.sync_once(desk).rejected == len(forged)
    assert {op_id: code for op_id, (code, _) in refusals(desk).items() if op_id in forged} == forged
    lines = review(desk)
    [none, rejected, twice, _] = list(forged)
    assert "no approved compensation request" in lines[none]
    assert f"no approved compensation request {refused.request_id[:8]}" in lines[rejected]
    assert f"Compensation request {approved.request_id[:8]} was paid already" in lines[twice]
    assert "approved for 200 points; the operation gave 2000" in lines[inflated]
    assert server_balances(server) == before and ledger_size(server) == entries
    desk.close()


def test_the_birthday_gift_comes_once_a_year_in_the_month_and_not_after_the_birthday_moved(server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", server)
    november = members.register_member(desk, form(birthday="1990-11-05"))
    moved = members.register_member(desk, form(phone="13900139000", name="李四", birthday="1990-05-17"))
    may = members.register_member(desk, form(phone="13700137000", name="王五", birthday="1988-05-02"))
    assert points.claim_birthday(desk, november.member_no).points == 200
    members.edit_member(desk, moved.member_no, ProfileEdit(birthday="1990-11-20"))  # into this month, this year
    assert sync.sync_once(desk).rejected == 0
    assert server_balances(server)[november.member_no] == 200
    before, entries = server_balances(server), ledger_size(server)

    forged = {
        grant(desk, "birthday", november.member_no, 200, note="2026"): "birthday_given",
        grant(desk, "birthday", moved.member_no, 200, note="2026"): "birthday_changed",
        grant(desk, "birthday", may.member_no, 200, note="2026"): "not_birthday_month",
        grant(desk, "birthday", november.member_no, 20000, note="2026"): "grant_points",
    }
    assert sync.sync_once(desk).rejected == len(forged)
    assert {op_id: code for op_id, (code, _) in refusals(desk).items()} == forged
    lines = review(desk)
    [again, changed, other_month, _] = list(forged)
    assert f"{november.member_no} was given the birthday gift of 2026 already" in lines[again]
    assert f"{moved.member_no}'s birthday was changed on 2026-11-23" in lines[changed]
    assert "not in month 11" in lines[other_month]
    assert server_balances(server) == before and ledger_size(server) == entries
    desk.close()


def test_referral_points_go_only_to_the_two_sides_of_a_real_referral_once_each(server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", server)
    referrer = members.register_member(desk, form())
    newcomer = members.register_member(desk, form(phone="13900139000", name="李四", referrer=referrer.member_no))
    loner = members.register_member(desk, form(phone="13700137000", name="王五"))
    assert sync.sync_once(desk).rejected == 0
    assert server_balances(server) == {referrer.member_no: 100, newcomer.member_no: 50, loner.member_no: 0}
    before, entries = server_balances(server), ledger_size(server)

    forged = {
        grant(desk, "referral", loner.member_no, 100, note=f"referred {newcomer.member_no}"): "not_referred",
        grant(desk, "referral", referrer.member_no, 100, note=f"referred {newcomer.member_no}"): "referral_given",
        grant(desk, "referral", newcomer.member_no, 50, note=f"referred by {referrer.member_no}"): "referral_given",
        grant(desk, "referral", newcomer.member_no, 5000, note="referred by nobody"): "grant_points",
    }
    assert sync.sync_once(desk).rejected == len(forged)
    assert {op_id: code for op_id, (code, _) in refusals(desk).items()} == forged
    lines = review(desk)
    assert f"{loner.member_no} neither registered with a referrer nor referred anyone" in lines[next(iter(forged))]
    assert server_balances(server) == before and ledger_size(server) == entries
    # A real second referral pays the referrer again, once.
    second = members.register_member(desk, form(phone="13600136000", name="赵六", referrer=referrer.member_no))
    assert sync.sync_once(desk).rejected == 0
    assert server_balances(server)[referrer.member_no] == 200 and server_balances(server)[second.member_no] == 50
    desk.close()
