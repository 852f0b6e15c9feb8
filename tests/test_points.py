"""Earning, cash redemption and expiry with the default rules, and the ledger's invariants under random use."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from counter_app.db import points as ledger
from counter_app.domain.errors import Conflict, InvalidInput
from counter_app.domain.points import MAX_POINTS, parse_amount, parse_points
from counter_app.domain.rules import parse_rules
from counter_app.domain.staff import HeldForApproval, NeedsManager
from counter_app.paths import resources_dir
from counter_app.services import approvals, auth, members, points, rewards, voids
from tests.conftest import CHINA, NOW, checked_in_at_event, form, present, signed_in_desk

MONDAY = NOW  # 2026-11-23 10:30 +08:00
LAST_SATURDAY = dt.datetime(2026, 11, 28, 15, 0, tzinfo=CHINA)


@pytest.fixture
def member(desk):
    members.register_member(desk, form())
    return desk


def balances(desk, ref="13800138000"):
    with desk.store.read() as connection:
        row = members.require_member(desk, connection, ref)
        return row.points, ledger.balance_from_entries(connection, row.id), ledger.balance_from_lots(connection, row.id)


def test_a_slip_earns_one_point_a_yuan_into_a_lot_that_ends_next_year(member):
    earned = points.earn_from_slip(member, "13800138000", "1234.56", "A-0001", "优衣库", MONDAY)
    assert (earned.points, earned.balance, earned.tier, earned.upgraded) == (1234, 1234, "regular", False)
    assert balances(member) == (1234, 1234, 1234)
    with member.store.read() as connection:
        lot = connection.exec_driver_sql("SELECT expires_on, points_left, entry_id FROM points_lots").one()
        op = connection.exec_driver_sql("SELECT op_id, op_type FROM outbox ORDER BY seq DESC LIMIT 1").one()
    assert (lot.expires_on, lot.points_left) == ("2027-12-31", 1234)
    assert tuple(op) == (earned.op_id, "points.earned") and lot.entry_id == earned.op_id


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (dt.datetime(2026, 11, 28, 12, tzinfo=CHINA), 200),  # last Saturday of November
        (dt.datetime(2026, 11, 29, 12, tzinfo=CHINA), 200),  # and its Sunday
        (dt.datetime(2026, 11, 22, 12, tzinfo=CHINA), 100),  # an ordinary Sunday
        (dt.datetime(2026, 10, 31, 12, tzinfo=CHINA), 200),  # October ends on its last Saturday
        (dt.datetime(2026, 11, 1, 12, tzinfo=CHINA), 200),  # ... whose Sunday is 1 November
    ],
)
def test_double_points_on_the_last_weekend_of_the_month(member, when, expected):
    member.clock = lambda: dt.datetime(2026, 12, 1, 9, tzinfo=CHINA)
    assert points.earn_from_slip(member, "13800138000", "100", f"S{when:%m%d}", at=when).points == expected


def test_gold_earns_double_and_promotions_combine_as_the_rules_say(member):
    members.register_member(member, form(phone="13900139000", name="李四"))
    first = points.earn_from_slip(member, "13900139000", "100000", "BIG-1", at=MONDAY)
    assert (first.points, first.tier, first.upgraded) == (100000, "gold", True)  # earned at the old rate
    assert points.earn_from_slip(member, "13900139000", "10", "G-1", at=MONDAY).points == 20
    member.clock = lambda: dt.datetime(2026, 11, 29, 9, tzinfo=CHINA)
    assert points.earn_from_slip(member, "13900139000", "10", "G-2", at=LAST_SATURDAY).points == 20  # max(2, 2)
    text = (
        (resources_dir() / "rules.toml").read_text(encoding="utf-8").replace('combine = "max"', 'combine = "multiply"')
    )
    member.rules = parse_rules(text)
    assert points.earn_from_slip(member, "13900139000", "10", "G-3", at=LAST_SATURDAY).points == 40
    with member.store.read() as connection:
        assert connection.exec_driver_sql("SELECT old_tier, new_tier, reason FROM tier_changes").all() == [
            ("regular", "gold", "spend")
        ]


def test_a_slip_earns_once_and_the_refusal_names_the_first_time(member):
    first = points.earn_from_slip(member, "13800138000", "50", "dup-7", at=MONDAY)
    with pytest.raises(Conflict) as caught:
        points.earn_from_slip(member, "13800138000", "50", " DUP-7 ", at=MONDAY)
    assert first.op_id in caught.value.message("en") and "2026-11-23 10:30" in caught.value.message("en")
    assert balances(member) == (50, 50, 50)


@pytest.mark.parametrize(
    ("amount", "says"),
    [
        ("-1", "more than zero"),
        ("0", "more than zero"),
        ("abc", "in yuan"),
        ("1.234", "two decimals"),
        ("99999999", "too large"),
        ("NaN", "in yuan"),
        ("Infinity", "in yuan"),
        ("", "in yuan"),
    ],
)
def test_bad_amounts_are_refused_and_nothing_changes(member, amount, says):
    with pytest.raises(InvalidInput) as caught:
        points.earn_from_slip(member, "13800138000", amount, "X1", at=MONDAY)
    assert says in caught.value.fields["amount"].message("en")
    assert balances(member) == (0, 0, 0)


@pytest.mark.parametrize(
    ("slip", "when"),
    [
        ("", MONDAY),
        ("坏 单号", MONDAY),
        ("OK-1", MONDAY + dt.timedelta(days=1)),
        ("OK-2", MONDAY - dt.timedelta(days=91)),
    ],
)
def test_bad_slips_and_times_are_refused(member, slip, when):
    with pytest.raises(InvalidInput):
        points.earn_from_slip(member, "13800138000", "10", slip, at=when)


def test_risky_earns_wait_for_a_manager(member):
    auth.add_staff(member, "K001", "服务台小李", "clerk", "357924")
    auth.add_staff(member, "M001", "张经理", "manager", "468035")
    auth.sign_in(member, "K001", "357924")
    for n in range(5):
        points.earn_from_slip(member, "13800138000", "10", f"V-{n}", at=MONDAY)
    with pytest.raises(HeldForApproval) as sixth:
        points.earn_from_slip(member, "13800138000", "10", "V-5", at=MONDAY)
    assert "6 slips today" in sixth.value.message("en")
    with pytest.raises(HeldForApproval) as large:
        points.earn_from_slip(member, "13800138000", "50000", "BIG", at=MONDAY)
    assert balances(member)[0] == 50
    auth.sign_in(member, "M001", "468035")
    approvals.approve(member, sixth.value.params["approval_id"])
    approvals.approve(member, large.value.params["approval_id"])
    assert balances(member) == (50060, 50060, 50060)


def test_points_become_cash_in_steps_of_80_from_the_soonest_expiring_lots(member):
    member.clock = lambda: dt.datetime(2027, 3, 1, 10, tzinfo=CHINA)
    old = points.earn_from_slip(member, "13800138000", "100", "OLD", at=dt.datetime(2026, 12, 20, tzinfo=CHINA))
    new = points.earn_from_slip(member, "13800138000", "100", "NEW", at=dt.datetime(2027, 2, 1, tzinfo=CHINA))
    with pytest.raises(InvalidInput) as caught:
        points.redeem_cash(member, "13800138000", 150, presence=present(member, "13800138000"))
    assert "steps of 80" in caught.value.fields["points"].message("en") and "80 or 160" in caught.value.fields[
        "points"
    ].message("en")
    with pytest.raises(InvalidInput):
        points.redeem_cash(member, "13800138000", 240, presence=present(member, "13800138000"))  # only 200 held
    cashed = points.redeem_cash(member, "13800138000", 160, presence=present(member, "13800138000"))
    assert (cashed.yuan, cashed.balance) == ("2.00", 40)
    with member.store.read() as connection:
        left = dict(connection.exec_driver_sql("SELECT entry_id, points_left FROM points_lots").all())
    assert (left[old.op_id], left[new.op_id]) == (0, 40)  # the 2027-12-31 lot went first
    assert balances(member) == (40, 40, 40)


def test_large_redemptions_need_a_manager(member):
    points.earn_from_slip(member, "13800138000", "45000", "L-1", at=MONDAY)
    auth.add_staff(member, "K001", "服务台小李", "clerk", "357924")
    auth.sign_in(member, "K001", "357924")
    with pytest.raises(NeedsManager):
        points.redeem_cash(member, "13800138000", 40080, presence=present(member, "13800138000"))
    assert points.redeem_cash(member, "13800138000", 40000, presence=present(member, "13800138000")).balance == 5000


def test_expiry_is_idempotent_and_the_card_warns_30_days_ahead(member):
    points.earn_from_slip(member, "13800138000", "300", "E-1", at=MONDAY)
    member.clock = lambda: dt.datetime(2027, 12, 10, 9, tzinfo=CHINA)
    assert members.find_member(member, "13800138000").expiring == [{"points": 300, "expires_on": "2027-12-31"}]
    assert points.expire_points(member) == 0  # not yet
    member.clock = lambda: dt.datetime(2028, 1, 1, 0, 5, tzinfo=CHINA)
    assert points.expire_points(member) == 300
    assert points.expire_points(member) == 0
    assert balances(member) == (0, 0, 0)
    assert [line.kind for line in points.history(member, "13800138000")][:2] == ["expire", "earn"]


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (("gold = 100000", ""), "tiers.gold is missing"),
        (("points_per_yuan = 1 ", 'points_per_yuan = "one" '), "earn.points_per_yuan = 'one'"),
        (("gold = 2 ", "gold = -2 "), "earn.tier_multiplier.gold = -2"),
        (("silver = 20000", "silver = 200000"), "overlap"),
        (("points_per_yuan = 80", "points_per_yuan = 80.5"), "cash.points_per_yuan = 80.5"),
        (('policy = "end_of_next_year"', 'policy = "whenever"'), "expiry.policy"),
        (("[cash]", "[cash"), "not valid TOML"),
    ],
)
def test_a_bad_rules_file_names_the_key_and_value(change, says):
    text = (resources_dir() / "rules.toml").read_text(encoding="utf-8")
    assert change[0] in text
    with pytest.raises(InvalidInput) as caught:
        parse_rules(text.replace(change[0], change[1], 1))
    assert says in caught.value.message("en")


class LedgerMachine(RuleBasedStateMachine):
    """Random earns, redemptions, expiry runs and clock jumps; the books must balance after each."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="ledger-"))
        self.now = dt.datetime(2026, 3, 1, 10, tzinfo=CHINA)
        self.desk = signed_in_desk(self.folder / "data", clock=lambda: self.now)
        members.register_member(self.desk, form())
        members.register_member(self.desk, form(phone="13900139000", name="李四"))
        rewards.stock_gift(self.desk, "G-1", "晴雨伞", 500, add=3)
        self.slips = 0
        self.voidable: list[str] = []

    def teardown(self) -> None:
        self.desk.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(amount=st.decimals(min_value="0.01", max_value="20000", places=2))
    def earn(self, amount):
        self.slips += 1
        self.voidable.append(
            points.earn_from_slip(self.desk, "13800138000", str(amount), f"SLIP-{self.slips}", at=self.now).op_id
        )

    @rule(steps=st.integers(min_value=1, max_value=300))
    def cash(self, steps):
        wanted = steps * 80
        balance = balances(self.desk)[0]
        if wanted <= balance:
            assert (
                points.redeem_cash(self.desk, "13800138000", wanted, presence=present(self.desk, "13800138000")).balance
                == balance - wanted
            )
        else:
            with pytest.raises(InvalidInput):
                points.redeem_cash(self.desk, "13800138000", wanted, presence=present(self.desk, "13800138000"))

    @rule(qty=st.integers(min_value=1, max_value=2))
    def redeem_gift(self, qty):
        with contextlib.suppress(InvalidInput):  # out of stock or too few points: refused whole
            self.voidable.append(
                rewards.redeem_gift(
                    self.desk, "13800138000", "G-1", qty, presence=present(self.desk, "13800138000")
                ).op_id
            )

    @rule(pick=st.integers(min_value=0, max_value=50))
    def void(self, pick):
        if not self.voidable:
            return
        op_id = self.voidable.pop(pick % len(self.voidable))
        with contextlib.suppress(InvalidInput, Conflict):  # too old, or the points were spent: refused whole
            voids.void_operation(self.desk, op_id, "stateful test")

    @invariant()
    def stock_never_negative_and_gifts_accounted_for(self):
        with self.desk.store.read() as connection:
            stock = connection.exec_driver_sql("SELECT stock FROM gift_catalog WHERE sku = 'G-1'").scalar()
            handed_out = connection.exec_driver_sql(
                "SELECT coalesce(sum(qty), 0) FROM ledger WHERE kind = 'redeem-gift' AND entry_id NOT IN (SELECT reverses FROM ledger WHERE reverses IS NOT NULL)"
            ).scalar()
        assert stock >= 0 and stock + handed_out == 3

    @rule(amount=st.integers(min_value=1, max_value=6000), forward=st.booleans())
    def gift(self, amount, forward):
        giver, receiver = ("13800138000", "13900139000") if forward else ("13900139000", "13800138000")
        before = balances(self.desk, giver)[0] + balances(self.desk, receiver)[0]
        with contextlib.suppress(InvalidInput):  # over the balance or a limit: refused whole
            points.gift_points(self.desk, giver, receiver, amount, presence=present(self.desk, giver))
        assert balances(self.desk, giver)[0] + balances(self.desk, receiver)[0] == before

    @rule()
    def expire_twice(self):
        points.expire_points(self.desk)
        assert points.expire_points(self.desk) == 0  # idempotent
        with self.desk.store.read() as connection:
            lapsed = connection.exec_driver_sql(
                "SELECT count(*) FROM points_lots WHERE points_left > 0 AND expires_on < ?",
                (self.now.date().isoformat(),),
            ).scalar()
        assert lapsed == 0

    @rule(days=st.integers(min_value=1, max_value=400))
    def time_passes(self, days):
        self.now += dt.timedelta(days=days)

    @invariant()
    def books_balance(self):
        for ref in ("13800138000", "13900139000"):
            cached, entries, lots = balances(self.desk, ref)
            assert cached == entries == lots >= 0

    @invariant()
    def lots_never_hold_more_than_they_earned_nor_less_than_nothing(self):
        with self.desk.store.read() as connection:
            odd = connection.exec_driver_sql(
                "SELECT count(*) FROM points_lots WHERE points_left > points_initial OR points_left < 0"
            ).scalar()
        assert odd == 0

    @invariant()
    def redemptions_draw_first_in_first_out(self):
        # A later-expiring lot is never drawn while an earlier-expiring one still holds points.
        with self.desk.store.read() as connection:
            violations = connection.exec_driver_sql(
                "SELECT count(*) FROM lot_draws d JOIN points_lots taken ON taken.id = d.lot_id JOIN ledger e ON e.entry_id = d.entry_id "
                "JOIN points_lots older ON older.member_id = taken.member_id AND older.expires_on < taken.expires_on "
                "AND older.earned_at <= e.at AND older.points_left > 0 AND (older.expires_on >= substr(e.at, 1, 10)) WHERE e.kind = 'cash'"
            ).scalar()
        assert violations == 0

    @invariant()
    def every_entry_has_its_outbox_operation(self):
        with self.desk.store.read() as connection:
            missing = connection.exec_driver_sql(
                "SELECT count(*) FROM ledger WHERE entry_id NOT IN (SELECT op_id FROM outbox)"
            ).scalar()
        assert missing == 0


LedgerMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_the_ledger_balances_under_random_use = LedgerMachine.TestCase


def test_referral_points_for_both_at_registration(member):
    newcomer = members.register_member(member, form(phone="13900139000", name="李四", referrer="13800138000"))
    assert newcomer.points == 50
    assert members.find_member(member, "13800138000").points == 100
    assert balances(member, "13900139000") == (50, 50, 50)


def test_referral_points_can_wait_for_the_first_purchase(member):
    text = (
        (resources_dir() / "rules.toml")
        .read_text(encoding="utf-8")
        .replace('when = "registration"', 'when = "first_purchase"')
    )
    member.rules = parse_rules(text)
    members.register_member(member, form(phone="13900139000", name="李四", referrer="13800138000"))
    assert members.find_member(member, "13800138000").points == 0
    assert points.earn_from_slip(member, "13900139000", "10", "FIRST", at=MONDAY).balance == 60
    points.earn_from_slip(member, "13900139000", "10", "SECOND", at=MONDAY)
    assert members.find_member(member, "13800138000").points == 100  # once only


def test_gifting_points_keeps_their_expiry_and_respects_the_limits(member):
    members.register_member(member, form(phone="13900139000", name="李四"))
    points.earn_from_slip(member, "13800138000", "12000", "G-1", at=MONDAY)
    with pytest.raises(InvalidInput):
        points.gift_points(member, "13800138000", "13800138000", 100, presence=present(member, "13800138000"))
    with pytest.raises(InvalidInput) as too_big:
        points.gift_points(member, "13800138000", "13900139000", 6000, presence=present(member, "13800138000"))
    assert "at most 5000" in too_big.value.fields["points"].message("en")
    gift = points.gift_points(member, "13800138000", "13900139000", 3000, presence=present(member, "13800138000"))
    assert (gift.from_balance, gift.to_balance) == (9000, 3000)
    with member.store.read() as connection:
        received = connection.exec_driver_sql(
            "SELECT expires_on FROM points_lots l JOIN members m ON m.id = l.member_id WHERE m.name = '李四'"
        ).all()
    assert received == [("2027-12-31",)]
    points.gift_points(member, "13800138000", "13900139000", 5000, presence=present(member, "13800138000"))
    with pytest.raises(InvalidInput) as daily:
        points.gift_points(member, "13800138000", "13900139000", 2001, presence=present(member, "13800138000"))
    assert "2000 more points today" in daily.value.message("en")
    assert balances(member) == (4000, 4000, 4000) and balances(member, "13900139000") == (8000, 8000, 8000)


def test_the_birthday_gift_once_a_year_in_the_birthday_month(member):
    with pytest.raises(InvalidInput):
        points.claim_birthday(member, "13800138000")  # no birthday on file
    # On file since last year: a birthday changed this year would give its gift from next year only.
    member.clock = lambda: dt.datetime(2025, 3, 1, tzinfo=CHINA)
    members.edit_member(member, "13800138000", members.ProfileEdit(birthday="1990-11-05"))
    member.clock = lambda: NOW
    assert points.claim_birthday(member, "13800138000").balance == 200
    with pytest.raises(Conflict) as again:
        points.claim_birthday(member, "13800138000")
    assert "2026-11-23" in again.value.message("en")
    member.clock = lambda: dt.datetime(2026, 12, 5, tzinfo=CHINA)
    with pytest.raises(InvalidInput):
        points.claim_birthday(member, "13800138000")
    member.clock = lambda: dt.datetime(2027, 11, 5, tzinfo=CHINA)
    assert points.claim_birthday(member, "13800138000").balance == 400


def test_event_check_in_earns_activity_points_once_per_event(member):
    checked_in_at_event(member, "13800138000", "spring-fair")
    assert points.award_activity(member, "13800138000", "spring-fair").points == 20
    with pytest.raises(Conflict) as again:
        points.award_activity(member, "13800138000", "SPRING-FAIR")
    assert "checked in at SPRING-FAIR already" in again.value.message("en")
    checked_in_at_event(member, "13800138000", "AUTUMN")
    assert points.award_activity(member, "13800138000", "AUTUMN").balance == 40
    with pytest.raises(InvalidInput):
        points.award_activity(member, "13800138000", " ")


def test_tiers_fall_only_at_their_anniversary(member):
    points.earn_from_slip(member, "13800138000", "100000", "T-1", at=MONDAY)
    assert members.find_member(member, "13800138000").tier == "gold"
    member.clock = lambda: MONDAY + dt.timedelta(days=200)
    assert points.review_tiers(member) == 0  # no spend since, but no anniversary yet either
    member.clock = lambda: MONDAY + dt.timedelta(days=366)
    assert points.daily_jobs(member) == (0, 1)
    card = members.find_member(member, "13800138000")
    assert card.tier == "regular"
    assert [(t["from"], t["to"], t["reason"]) for t in card.tier_history] == [
        ("gold", "regular", "anniversary"),
        ("regular", "gold", "spend"),
    ]
    assert points.review_tiers(member) == 0  # idempotent


def test_a_member_who_keeps_spending_keeps_the_tier_at_the_anniversary(member):
    points.earn_from_slip(member, "13800138000", "100000", "K-1", at=MONDAY)
    member.clock = lambda: MONDAY + dt.timedelta(days=300)
    points.earn_from_slip(member, "13800138000", "100000", "K-2", at=MONDAY + dt.timedelta(days=300))
    member.clock = lambda: MONDAY + dt.timedelta(days=370)
    assert points.review_tiers(member) == 0
    assert members.find_member(member, "13800138000").tier == "gold"


# What a clerk may type for an amount or a count of points: as written on a slip, or refused with a sentence.
AMOUNTS_AS_TYPED = [
    ("0.01", 1),
    ("1250", 125_000),
    ("1250.5", 125_050),
    ("1,250.00", 125_000),
    ("1,234,567.89", 123_456_789),
    ("  12.50 ", 1_250),  # blanks around a pasted number are dropped, as for every field
    ("¥12.50", 1_250),
    ("１２", 1_200),  # full-width digits, as a Chinese IME gives them, read as the digits they are
    ("１，２５０．５", 125_050),
    ("007", 700),
    ("9999999.99", 999_999_999),
]
AMOUNTS_REFUSED = [
    ("0.001", "two decimals"),
    ("1,25.00", "comma only separates thousands"),
    ("12,50", "comma only separates thousands"),  # a decimal comma: once read as ¥1,250
    (",100", "comma only separates thousands"),
    ("1,,000", "comma only separates thousands"),
    ("1,2345", "comma only separates thousands"),
    ("1_000", "in yuan"),
    ("1e2", "in yuan"),
    ("1e309", "in yuan"),
    ("NaN", "in yuan"),
    ("Infinity", "in yuan"),
    ("+5", "in yuan"),
    (".5", "in yuan"),
    ("5.", "in yuan"),
    ("1 250", "in yuan"),
    ("١٢", "in yuan"),  # Arabic-Indic digits: not what a till prints
    ("-5", "more than zero"),
    ("0.00", "more than zero"),
    ("10,000,000", "too large"),
    ("9" * 5001, "too large"),  # once an InvalidOperation: exit 1
    ("1" + "0" * 5000 + ".00", "too large"),
]


@pytest.mark.parametrize(("typed", "fen"), AMOUNTS_AS_TYPED)
def test_amounts_are_read_as_written_on_a_slip(typed, fen):
    assert parse_amount(typed) == fen


@pytest.mark.parametrize(("typed", "says"), AMOUNTS_REFUSED)
def test_amounts_not_written_as_on_a_slip_are_refused_with_a_sentence(typed, says):
    with pytest.raises(InvalidInput) as caught:
        parse_amount(typed)
    assert says in caught.value.message("en")
    assert caught.value.message("zh_CN") != caught.value.message("en")  # translated for the clerk


@pytest.mark.parametrize(
    ("number", "fen"), [(Decimal("12.5"), 1_250), (Decimal("1E+2"), 10_000), (Decimal("9999999.99"), 999_999_999)]
)
def test_an_amount_already_a_number_keeps_the_same_limits(number, fen):
    assert parse_amount(number) == fen


@pytest.mark.parametrize(
    "number", [Decimal("NaN"), Decimal("Infinity"), Decimal("1E+309"), Decimal("0"), Decimal("-1"), Decimal("0.001")]
)
def test_an_amount_already_a_number_is_refused_outside_them(number):
    with pytest.raises(InvalidInput):
        parse_amount(number)


@pytest.mark.parametrize(
    ("typed", "points_"),
    [("800", 800), ("1,600", 1_600), (" 1,600 ", 1_600), ("１６００", 1_600), ("100,000,000", MAX_POINTS), (80, 80)],
)
def test_points_are_whole_numbers_as_written(typed, points_):
    assert parse_points(typed) == points_


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("16,00", "comma only separates thousands"),
        (",800", "comma only separates thousands"),
        ("1,,600", "comma only separates thousands"),
        ("1_000", "whole number"),
        ("1e2", "whole number"),
        ("1e309", "whole number"),
        ("800.0", "whole number"),
        ("+5", "whole number"),
        ("NaN", "whole number"),
        ("", "whole number"),
        (True, "whole number"),
        ("-5", "more than zero"),
        ("0", "more than zero"),
        (-80, "more than zero"),
        ("100,000,001", "more points than any member holds"),
        (MAX_POINTS + 1, "more points than any member holds"),
        ("9" * 5001, "more points than any member holds"),  # once a ValueError past Python's 4,300 digits
    ],
)
def test_points_not_a_whole_number_in_bounds_are_refused_with_a_sentence(typed, says):
    with pytest.raises(InvalidInput) as caught:
        parse_points(typed)
    assert says in caught.value.message("en")


def _written(fen: int, grouped: bool, decimals: int, wide: bool, padded: bool) -> str:
    yuan, cents = divmod(fen, 100)
    text = f"{yuan:,}" if grouped else str(yuan)
    if decimals == 2 or cents % 10:
        text += f".{cents:02d}"
    elif decimals == 1 or cents:
        text += f".{cents // 10}"
    if wide:
        text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789,."})
    return f" {text}\t" if padded else text


@settings(max_examples=300, deadline=None)
@given(
    fen=st.integers(min_value=1, max_value=999_999_999),
    grouped=st.booleans(),
    decimals=st.sampled_from([0, 1, 2]),
    wide=st.booleans(),
    padded=st.booleans(),
)
def test_any_amount_as_a_person_writes_it_reads_as_that_amount(fen, grouped, decimals, wide, padded):
    assert parse_amount(_written(fen, grouped, decimals, wide, padded)) == fen


_NUMBERISH = st.text(alphabet="0123456789,._-+eE ¥１２，．\u00a0\x00", max_size=30)


@settings(max_examples=500, deadline=None)
@given(typed=st.one_of(_NUMBERISH, st.text(max_size=30), st.text(alphabet="9,", min_size=4000, max_size=6000)))
def test_any_text_is_an_amount_a_person_reads_or_refused_with_a_sentence(typed):
    try:
        fen = parse_amount(typed)
    except InvalidInput as refused:
        assert refused.message("en") and refused.message("zh_CN")
        return
    # What was read is what a person reads: the digits as they stand, commas only between thousands.
    plain = unicodedata.normalize("NFKC", typed).strip().removeprefix("¥")
    whole, _, decimals = plain.partition(".")
    assert "," not in whole or whole.lstrip("0") == f"{int(whole.replace(',', '')):,}"
    assert len(decimals) <= 2 and plain.replace(",", "").replace(".", "").isdigit()
    assert Decimal(plain.replace(",", "")) * 100 == fen and 1 <= fen <= 999_999_999


@settings(max_examples=500, deadline=None)
@given(typed=st.one_of(_NUMBERISH, st.text(max_size=30), st.integers(), st.text(alphabet="9,", min_size=4000)))
def test_any_text_is_a_count_of_points_a_person_reads_or_refused_with_a_sentence(typed):
    try:
        counted = parse_points(typed)
    except InvalidInput as refused:
        assert refused.message("en") and refused.message("zh_CN")
        return
    plain = unicodedata.normalize("NFKC", str(typed)).strip()
    assert "," not in plain or plain.lstrip("0") == f"{counted:,}"
    assert plain.replace(",", "").isdigit() and int(plain.replace(",", "")) == counted <= MAX_POINTS
