"""Gifts with stock, coupons issued for points and written off once, with their bad inputs."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.coupons import new_code, parse_code
from counter_app.domain.errors import Conflict, FieldError, InvalidInput, NotFound
from counter_app.services import members, points, rewards
from tests.conftest import CHINA, NOW, form, present


@pytest.fixture
def shop(desk):
    members.register_member(desk, form())
    points.earn_from_slip(desk, "13800138000", "20000", "R-1", at=NOW)
    rewards.stock_gift(desk, "G-UMB", "晴雨伞", 1500, add=2)
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 800)
    return desk


def test_a_gift_costs_its_points_and_its_stock_never_goes_below_zero(shop):
    done = rewards.redeem_gift(shop, "13800138000", "g-umb", 2, presence=present(shop, "13800138000"))
    assert (done.points, done.balance, done.stock_left) == (3000, 17000, 0)
    with pytest.raises(InvalidInput) as caught:
        rewards.redeem_gift(shop, "13800138000", "G-UMB", presence=present(shop, "13800138000"))
    assert "Only 0 of 晴雨伞 left" in caught.value.message("en")
    assert members.find_member(shop, "13800138000").points == 17000  # nothing half-applied
    with pytest.raises(NotFound):
        rewards.redeem_gift(shop, "13800138000", "NOPE", presence=present(shop, "13800138000"))
    with pytest.raises(InvalidInput):
        rewards.redeem_gift(shop, "13800138000", "G-UMB", 0, presence=present(shop, "13800138000"))


def test_a_gift_the_member_cannot_afford_changes_nothing(shop):
    rewards.stock_gift(shop, "G-TV", "电视机", 30000, add=1)
    shop.rules = shop.rules.__class__(**{**shop.rules.__dict__, "redeem_approval_over": 100000})
    with pytest.raises(InvalidInput) as caught:
        rewards.redeem_gift(shop, "13800138000", "G-TV", presence=present(shop, "13800138000"))
    assert "has 20000 points" in caught.value.message("en")
    assert rewards.gift_catalog(shop)[-1].stock == 1


def test_a_coupon_is_issued_for_points_and_written_off_once(shop):
    issued = rewards.redeem_coupon(shop, "13800138000", "C10", presence=present(shop, "13800138000")).coupon
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
    issued = rewards.redeem_coupon(shop, "13800138000", "C10", presence=present(shop, "13800138000")).coupon
    shop.clock = lambda: dt.datetime(2026, 12, 24, 9, tzinfo=CHINA)
    with pytest.raises(InvalidInput) as caught:
        rewards.write_off_coupon(shop, issued.code)
    assert "expired on 2026-12-23" in caught.value.message("en")


@pytest.mark.parametrize(
    ("code", "says"), [("hello", "starts with CP"), ("CP-1234", "13 letters"), ("", "starts with CP")]
)
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


def test_a_manager_voids_an_earn_and_a_gift_redemption_within_seven_days(shop):
    from counter_app.services import voids

    earned = points.earn_from_slip(shop, "13800138000", "500", "V-1", at=NOW)
    gift = rewards.redeem_gift(shop, "13800138000", "G-UMB", presence=present(shop, "13800138000"))
    assert members.find_member(shop, "13800138000").points == 20500 - 1500
    undone = voids.void_operation(shop, gift.op_id, "会员改变主意")
    assert (undone.points, undone.balance) == (1500, 20500)
    assert rewards.gift_catalog(shop)[0].stock == 2  # back on the shelf
    with pytest.raises(Conflict):
        voids.void_operation(shop, gift.op_id, "again")
    assert voids.void_operation(shop, earned.op_id, "小票录错").balance == 20000
    with pytest.raises(InvalidInput):
        voids.void_operation(shop, earned.op_id[:8], "")
    shop.clock = lambda: NOW + dt.timedelta(days=8)
    late = points.earn_from_slip(shop, "13800138000", "10", "V-2", at=NOW + dt.timedelta(days=8))
    shop.clock = lambda: NOW + dt.timedelta(days=16)
    with pytest.raises(InvalidInput) as too_late:
        voids.void_operation(shop, late.op_id, "late")
    assert "last 7 days" in too_late.value.message("en")


def test_voiding_a_coupon_redemption_revokes_the_coupon_unless_it_was_used(shop):
    from counter_app.services import voids

    kept = rewards.redeem_coupon(shop, "13800138000", "C10", presence=present(shop, "13800138000"))
    used = rewards.redeem_coupon(shop, "13800138000", "C10", presence=present(shop, "13800138000"))
    rewards.write_off_coupon(shop, used.coupon.code, "200")
    voids.void_operation(shop, kept.op_id, "发错券")
    assert rewards.show_coupon(shop, kept.coupon.code).status == "revoked"
    with pytest.raises(Conflict):
        rewards.write_off_coupon(shop, kept.coupon.code)
    with pytest.raises(InvalidInput):
        voids.void_operation(shop, used.op_id, "too late, it was used")
    with shop.store.read() as connection:
        row = connection.exec_driver_sql(
            "SELECT id FROM members WHERE member_no = ?", (members.find_member(shop, "13800138000").member_no,)
        ).scalar()
        from counter_app.db import points as ledger

        assert (
            ledger.balance_from_entries(connection, row)
            == ledger.balance_from_lots(connection, row)
            == members.find_member(shop, "13800138000").points
        )


def test_only_a_manager_voids(shop):
    from counter_app.domain.staff import NeedsManager
    from counter_app.services import auth, voids

    earned = points.earn_from_slip(shop, "13800138000", "500", "V-9", at=NOW)
    auth.add_staff(shop, "K001", "服务台小李", "clerk", "357924")
    auth.sign_in(shop, "K001", "357924")
    with pytest.raises(NeedsManager):
        voids.void_operation(shop, earned.op_id, "误操作")
