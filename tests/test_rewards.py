"""Gifts with stock, coupons issued for points and written off once, with their bad inputs."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.coupons import new_code, parse_code
from counter_app.domain.errors import Conflict, FieldError, InvalidInput, NotFound
from counter_app.services import members, points, rewards
from tests.conftest import CHINA, NOW, form


@pytest.fixture
def shop(desk):
    members.register_member(desk, form())
    points.earn_from_slip(desk, "13800138000", "20000", "R-1", at=NOW)
    rewards.stock_gift(desk, "G-UMB", "晴雨伞", 1500, add=2)
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 800)
    return desk


def test_a_gift_costs_its_points_and_its_stock_never_goes_below_zero(shop):
    done = rewards.redeem_gift(shop, "13800138000", "g-umb", 2)
    assert (done.points, done.balance, done.stock_left) == (3000, 17000, 0)
    with pytest.raises(InvalidInput) as caught:
        rewards.redeem_gift(shop, "13800138000", "G-UMB")
    assert "Only 0 of 晴雨伞 left" in caught.value.message("en")
    assert members.find_member(shop, "13800138000").points == 17000  # nothing half-applied
    with pytest.raises(NotFound):
        rewards.redeem_gift(shop, "13800138000", "NOPE")
    with pytest.raises(InvalidInput):
        rewards.redeem_gift(shop, "13800138000", "G-UMB", 0)


def test_a_gift_the_member_cannot_afford_changes_nothing(shop):
    rewards.stock_gift(shop, "G-TV", "电视机", 30000, add=1)
    shop.rules = shop.rules.__class__(**{**shop.rules.__dict__, "redeem_approval_over": 100000})
    with pytest.raises(InvalidInput) as caught:
        rewards.redeem_gift(shop, "13800138000", "G-TV")
    assert "has 20000 points" in caught.value.message("en")
    assert rewards.gift_catalog(shop)[-1].stock == 1


def test_a_coupon_is_issued_for_points_and_written_off_once(shop):
    issued = rewards.redeem_coupon(shop, "13800138000", "C10").coupon
    assert issued.valid_until == "2026-12-23" and issued.status == "issued"
    assert members.find_member(shop, "13800138000").coupons[0]["code"] == issued.code
    with pytest.raises(InvalidInput) as small:
        rewards.write_off_coupon(shop, issued.code, "99.99")
    assert "at least ¥100.00" in small.value.message("en")
    used = rewards.write_off_coupon(shop, issued.code.lower().replace("-", " "), "120")
    assert used.status == "written_off"
    with pytest.raises(Conflict) as again:
        rewards.write_off_coupon(shop, issued.code)
    assert "used already on 2026-11-23 10:30" in again.value.message("en") and "ADMIN" in again.value.message("en")
    assert members.find_member(shop, "13800138000").coupons == []


def test_an_expired_coupon_is_refused_with_its_date(shop):
    issued = rewards.redeem_coupon(shop, "13800138000", "C10").coupon
    shop.clock = lambda: dt.datetime(2026, 12, 24, 9, tzinfo=CHINA)
    with pytest.raises(InvalidInput) as caught:
        rewards.write_off_coupon(shop, issued.code)
    assert "expired on 2026-12-23" in caught.value.message("en")


@pytest.mark.parametrize(("code", "says"), [("hello", "starts with CP"), ("CP-1234", "13 letters"), ("", "starts with CP")])
def test_malformed_coupon_codes_say_what_is_wrong(shop, code, says):
    with pytest.raises(InvalidInput) as caught:
        rewards.write_off_coupon(shop, code)
    assert says in caught.value.message("en")


def test_a_mistyped_or_unknown_code_is_told_apart(shop):
    code = new_code()
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(InvalidInput) as mistyped:
        rewards.write_off_coupon(shop, wrong)
    assert "mistyped" in mistyped.value.message("en")
    with pytest.raises(NotFound):
        rewards.write_off_coupon(shop, code)


def test_codes_are_unguessable_and_misreadings_are_forgiven():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    code = next(iter(codes))
    assert parse_code(code.replace("0", "O").replace("1", "I")) == code
    for position in range(2, len(code)):
        # Any one character read wrong is caught by the check character (Luhn mod 32).
        changed = code[:position] + ("X" if code[position] != "X" else "Y") + code[position + 1 :]
        with pytest.raises(FieldError):
            parse_code(changed)
