"""The server decides money, not the counter: forged points operations pushed with a real device token are refused
with the figure the rules give, balances and tiers stay as the rules make them, and an honest counter is never refused,
even across a change of rules it has not pulled yet."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from counter_app import i18n
from counter_app.db.outbox import append_op
from counter_app.services import members, points, sync
from counter_app.services.sync import review
from counter_app.services.sync.enrolment import central_client
from sync.protocol import Op, OpResult
from tests.conftest import ADMIN, NOW, ROOT, form, vouched
from tests.sync_harness import (  # noqa: F401
    Clock,
    Server,
    enrolled_counter,
    server,
    server_balances,
    sqlite_server,
)


class Attacker:
    """Whoever holds a counter's device token: pushes what they like, numbered after the counter's own ops, in the
    name of the counter's own administrator (an account the server knows, so only the rules stand in the way)."""

    def __init__(self, desk) -> None:
        self.client = central_client(desk)
        self.seq = 10_000

    def push(self, op_type: str, payload: dict, at: dt.datetime = NOW) -> OpResult:
        self.seq += 1
        op = Op(
            op_id=str(uuid.uuid4()),
            seq=self.seq,
            type=op_type,
            at=at,
            payload=payload,
            staff_id=ADMIN,
            authorised_by=ADMIN,
        )
        (result,) = self.client.push([op]).results
        return result


def member_at_server(running: Server, member_no: str):
    return running.rows("SELECT member_uid, points, tier FROM members WHERE member_no = :n", n=member_no)[0]


@pytest.fixture
def shop(server, tmp_path):
    """An enrolled counter with a member who earned 100 points from a ¥100 slip, synced."""
    desk = enrolled_counter(tmp_path / "desk", server)
    card = members.register_member(desk, form())
    earned = points.earn_from_slip(desk, card.member_no, "100.00", "S-HONEST-1")
    assert sync.sync_once(desk).rejected == 0
    yield desk, card.member_no, earned.op_id
    desk.close()


def test_an_inflated_earn_is_refused_with_the_points_the_slip_earns(server, shop):
    # Before: "applied", the member's balance at the server 1,000,100 and their tier diamond.
    desk, member_no, _ = shop
    member = member_at_server(server, member_no)
    forged = Attacker(desk).push(
        "points.earned",
        {
            "member_uid": member.member_uid,
            "kind": "earn",
            "delta": 1_000_000,
            "amount_fen": 100,
            "slip_no": "S-FORGED-1",
            "at": NOW.isoformat(),
            "tier": "diamond",
            "expires_on": "2099-12-31",
        },
    )
    assert (forged.status, forged.code) == ("rejected", "wrong_points")
    assert forged.params is not None
    assert (forged.params["expected"], forged.params["got"], forged.params["amount"]) == ("1", "1000000", "1.00")
    after = member_at_server(server, member_no)
    assert (after.points, after.tier) == (100, "regular")
    assert server.scalar("SELECT count(*) FROM ledger WHERE slip_no = 'S-FORGED-1'") == 0


def test_a_spend_that_adds_points_or_pays_cash_off_the_ratio_is_refused(server, shop):
    # Before: a points.cash of +5,000 was "applied" and the balance became 5,100.
    desk, member_no, _ = shop
    uid = member_at_server(server, member_no).member_uid
    attacker = Attacker(desk)
    positive = attacker.push("points.cash", {"member_uid": uid, "kind": "cash", "delta": 5000, "note": "¥0"})
    assert (positive.status, positive.code, positive.params["got"]) == ("rejected", "spend_adds_points", "5000")
    gift = attacker.push("points.redeem-gift", {"member_uid": uid, "kind": "redeem-gift", "delta": 300, "qty": 1})
    assert (gift.status, gift.code) == ("rejected", "spend_adds_points")
    off_step = attacker.push("points.cash", {"member_uid": uid, "kind": "cash", "delta": -50, "note": "¥1"})
    assert (off_step.code, off_step.params["step"], off_step.params["points"]) == ("cash_not_in_steps", "80", "50")
    too_much_cash = attacker.push("points.cash", {"member_uid": uid, "kind": "cash", "delta": -80, "note": "¥1000"})
    assert (too_much_cash.code, too_much_cash.params["expected"]) == ("wrong_cash", "¥1")
    invented = attacker.push("points.bonus", {"member_uid": uid, "kind": "bonus", "delta": 900})
    assert (invented.code, invented.params["kind"]) == ("unknown_kind", "bonus")
    gift_in = attacker.push("points.gift-in", {"member_uid": uid, "kind": "gift-in", "delta": 5000})
    assert gift_in.code == "gift_unmatched"
    assert member_at_server(server, member_no).points == 100
    honest_cash = attacker.push("points.cash", {"member_uid": uid, "kind": "cash", "delta": -80, "note": "¥1"})
    assert honest_cash.status == "applied"
    assert member_at_server(server, member_no).points == 20


def test_a_pushed_tier_is_refused_and_tiers_follow_the_spend_the_server_counts(server, shop):
    # Before: member.tier diamond was "applied": the member earned double from then on at every counter.
    desk, member_no, _ = shop
    uid = member_at_server(server, member_no).member_uid
    attacker = Attacker(desk)
    pushed = attacker.push("member.tier", {"member_uid": uid, "tier": "diamond"})
    assert (pushed.status, pushed.code, pushed.params) == (
        "rejected",
        "tier_not_earned",
        {"expected": "regular", "got": "diamond"},
    )
    assert member_at_server(server, member_no).tier == "regular"
    # ¥20,000 spent makes the member silver at the server, whatever the earn claims.
    big = points.earn_from_slip(desk, member_no, "20000.00", "S-SILVER-1")
    assert big.tier == "silver"
    assert sync.sync_once(desk).rejected == 0
    assert member_at_server(server, member_no).tier == "silver"
    assert server.scalar("SELECT new_tier FROM tier_changes WHERE member_uid = :u", u=uid) == "silver"
    claimed = attacker.push(
        "points.earned",
        {"member_uid": uid, "kind": "earn", "delta": 10, "amount_fen": 1000, "slip_no": "S-T-2", "tier": "diamond"},
    )
    assert claimed.status == "applied"  # ¥10 earns 10 points for silver; the claimed tier is not taken
    assert member_at_server(server, member_no).tier == "silver"
    # A downgrade before the tier's anniversary changes nothing: the tier stands, and the counter hears which.
    downgrade = {"member_uid": uid, "tier": "regular", "reason": "anniversary"}
    early = attacker.push("member.tier", downgrade)
    assert (early.status, early.result) == ("applied", {"tier": "silver"})
    assert member_at_server(server, member_no).tier == "silver"
    # At the anniversary the spend of the last 365 days decides: none, so regular.
    due = attacker.push("member.tier", downgrade, at=NOW + dt.timedelta(days=366))
    assert (due.status, due.result) == ("applied", {"tier": "regular"})
    assert member_at_server(server, member_no).tier == "regular"


def test_a_void_must_take_back_exactly_what_its_operation_moved_within_the_window(server, shop):
    # Before: a "void" of the 100-point earn with delta +50,000 was "applied" and gave the member 50,100 points.
    desk, member_no, earned = shop
    uid = member_at_server(server, member_no).member_uid
    attacker = Attacker(desk)
    wrong = attacker.push(
        "points.voided", {"member_uid": uid, "kind": "reversal", "delta": 50_000, "reverses": earned, "note": "x"}
    )
    assert (wrong.status, wrong.code, wrong.params) == ("rejected", "wrong_void", {"expected": "-100", "got": "50000"})
    late = attacker.push(
        "points.voided",
        {"member_uid": uid, "kind": "reversal", "delta": -100, "reverses": earned, "note": "x"},
        at=NOW + dt.timedelta(days=8),
    )
    assert (late.code, late.params["days"]) == ("void_too_late", "7")
    disguised = attacker.push("points.earned", {"member_uid": uid, "kind": "earn", "delta": 5, "reverses": earned})
    assert (disguised.code, disguised.params["field"]) == ("malformed", "reverses")
    assert member_at_server(server, member_no).points == 100
    honest = attacker.push(
        "points.voided", {"member_uid": uid, "kind": "reversal", "delta": -100, "reverses": earned, "note": "x"}
    )
    assert honest.status == "applied"
    assert member_at_server(server, member_no).points == 0


def test_incoming_points_lapse_when_the_server_says_not_when_the_counter_wrote(server, shop):
    # Before: an earn with expires_on 2099-12-31 kept its points for 73 years.
    desk, member_no, _ = shop
    uid = member_at_server(server, member_no).member_uid
    attacker = Attacker(desk)
    slip_day = NOW - dt.timedelta(days=3)
    result = attacker.push(
        "points.earned",
        {
            "member_uid": uid,
            "kind": "earn",
            "delta": 50,
            "amount_fen": 5000,
            "slip_no": "S-LONG-1",
            "at": slip_day.isoformat(),
            "expires_on": "2099-12-31",
        },
    )
    assert result.status == "applied"
    today = attacker.push(
        "points.earned",
        {
            "member_uid": uid,
            "kind": "earn",
            "delta": 20,
            "amount_fen": 2000,
            "slip_no": "S-LONG-2",
            "expires_on": "2099-12-31",
        },
    )
    assert today.status == "applied"  # a slip of today, with no slip time of its own: its expiry is the server's too
    lots = server.rows(
        "SELECT l.expires_on FROM points_lots l JOIN members m ON m.member_uid = l.member_uid "
        "WHERE m.member_no = :n ORDER BY l.id",
        n=member_no,
    )
    assert [lot.expires_on for lot in lots] == ["2027-12-31"] * 3
    stale = attacker.push(
        "points.earned",
        {
            "member_uid": uid,
            "kind": "earn",
            "delta": 1,
            "amount_fen": 100,
            "slip_no": "S-OLD-1",
            "at": (NOW - dt.timedelta(days=120)).isoformat(),
        },
    )
    assert (stale.code, stale.params["days"]) == ("slip_out_of_time", "90")


def test_a_forged_operation_in_a_counters_outbox_is_refused_undone_there_and_listed_for_review(server, shop):
    # A dishonest clerk writes an operation into the store's outbox: the push carries it with the real token.
    desk, member_no, _ = shop
    uid = member_at_server(server, member_no).member_uid
    with desk.store.write() as connection:
        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "points.earned",
            {"member_uid": uid, "kind": "earn", "delta": 1_000_000, "amount_fen": 100, "slip_no": "S-OUTBOX-1"},
            NOW,
        )
    report = sync.sync_once(desk)
    assert (report.rejected, report.applied) == (1, 0)
    assert member_at_server(server, member_no).points == 100
    (line,) = [line for line in review.review_list(desk) if line.source == "rejected"]
    assert line.what == "Points from a slip"
    assert line.details == (
        "By the rules at the slip's time the server counts 1 points for ¥1.00 (Regular member), not 1000000; "
        "the points were not added."
    )
    i18n.set_language("zh_CN")
    (line,) = [line for line in review.review_list(desk) if line.source == "rejected"]
    assert line.details == "按小票时间适用的规则，服务器计算 ¥1.00（普通会员）应得 1 积分，而不是 1000000；积分未入账。"


def rules_text(version: int, points_per_yuan: int) -> str:
    shipped = (ROOT / "resources" / "rules.toml").read_text(encoding="utf-8")
    assert "version = 1\n" in shipped and "points_per_yuan = 1    #" in shipped
    return shipped.replace("version = 1\n", f"version = {version}\n", 1).replace(
        "points_per_yuan = 1    #", f"points_per_yuan = {points_per_yuan}    #", 1
    )


def publish(running: Server, folder: Path, text: str) -> None:
    path = folder / "rules.toml"
    path.write_text(text, encoding="utf-8")
    done = running.command("rules", str(path))
    assert done.returncode == 0, done.stderr


def test_an_honest_counter_that_has_not_pulled_new_rules_is_not_refused(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west_clock = Clock(NOW)
    west = enrolled_counter(tmp_path / "west", server, west_clock)
    card = members.register_member(east, form())
    assert sync.sync_once(east).rejected == 0
    assert sync.sync_once(west).rejected == 0
    # Made offline by the rules the counters have (1 point a yuan), pushed after head office published 2 a yuan.
    before = points.earn_from_slip(east, card.member_no, "100.00", "S-RULES-1")
    publish(server, tmp_path, rules_text(2, 2))
    published = dt.datetime.fromisoformat(server.scalar("SELECT max(effective_at) FROM rules_versions"))
    # West has not pulled the new rules either; its clock says the publication was a day ago.
    west_clock.now = published + dt.timedelta(days=1)
    west_earn = points.earn_from_slip(west, card.member_no, "50.00", "S-RULES-2")
    assert (before.points, west_earn.points) == (100, 50)
    east_report = sync.sync_once(east)
    assert (east_report.rejected, east_report.applied) == (0, 1)
    assert east.rules.version == 2  # pulled with the same sync
    west_report = sync.sync_once(west)
    assert (west_report.rejected, west_report.applied) == (0, 1)
    assert member_at_server(server, card.member_no).points == 150
    # By the new rules now: 2 a yuan.
    after = points.earn_from_slip(east, card.member_no, "100.00", "S-RULES-3")
    assert after.points == 200
    assert sync.sync_once(east).rejected == 0
    assert member_at_server(server, card.member_no).points == 350
    # The old rules are not taken for ever: a week and more after they were superseded, they are refused.
    attacker = Attacker(east)
    uid = member_at_server(server, card.member_no).member_uid
    earn = {"member_uid": uid, "kind": "earn", "delta": 10, "amount_fen": 1000, "slip_no": "S-RULES-4"}
    late = published + dt.timedelta(days=8)
    stale = attacker.push("points.earned", {**earn, "rules_version": 1, "at": late.isoformat()}, at=late)
    assert (stale.code, stale.params) == ("old_rules", {"version": "1", "in_force": "2"})
    unknown = attacker.push("points.earned", {**earn, "rules_version": 7, "slip_no": "S-RULES-5"})
    assert (unknown.code, unknown.params) == ("unknown_rules", {"version": "7"})
    inflated = attacker.push(
        "points.earned",
        {**earn, "delta": 100, "rules_version": 2, "slip_no": "S-RULES-6", "at": late.isoformat()},
        at=late,
    )
    assert (inflated.code, inflated.params["expected"]) == ("wrong_points", "20")
    assert member_at_server(server, card.member_no).points == 350
    east.close()
    west.close()


def test_a_gift_of_points_between_members_applies_with_the_givers_expiry(server, shop):
    desk, member_no, _ = shop
    friend = members.register_member(desk, form(phone="13900139000", name="李四"))
    gift = points.gift_points(desk, member_no, friend.member_no, "60", presence=vouched())
    assert gift.to_balance == 60
    assert sync.sync_once(desk).rejected == 0
    assert (member_at_server(server, member_no).points, member_at_server(server, friend.member_no).points) == (40, 60)
    lots = server.rows(
        "SELECT l.expires_on, l.points_left FROM points_lots l JOIN members m ON m.member_uid = l.member_uid "
        "WHERE m.member_no = :n",
        n=friend.member_no,
    )
    assert [(lot.expires_on, lot.points_left) for lot in lots] == [("2027-12-31", 60)]
