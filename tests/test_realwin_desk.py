"""The desk's everyday flows in a real window: sign-in, scan to card, earn, redeem, write-off, registration, lock."""

from __future__ import annotations

import pytest

from counter_app.domain.codes import coupon_payload
from tests.realwin import (  # noqa: F401 - fixtures
    ADMIN,
    ADMIN_PIN,
    CLERK,
    CLERK_PIN,
    DeskApp,
    desk_folder,
    realwin_template,
    start_desk,
    stays,
    wait_for,
)

pytestmark = pytest.mark.realwin

FIRST, SECOND = "13800138000", "13900139000"  # 张三丰 with 5,000 points, 李小龙 with none (tests/realwin.py)


def at_card(start_desk, ref: str = FIRST, **options) -> DeskApp:
    """Signed in as the clerk, the member's card opened the way every desk flow starts: their dynamic code scanned."""
    desk = start_desk(**options)
    desk.sign_in(CLERK, CLERK_PIN)
    desk.scan(desk.code(ref))
    desk.keys_sent.clear()  # the flows' counts start after the scan that opens the card
    return desk


def booked(desk: DeskApp, ref: str, kind: str) -> list[dict]:
    return [line for line in desk.history(ref) if line["kind"] == kind]


def test_sign_in_at_a_persons_pace_opens_the_desk(start_desk):
    desk = start_desk()
    desk.sign_in()
    assert desk.actions() == 4  # staff ID, Tab, PIN, Enter
    assert desk.no_dialog()


def test_a_scanned_member_code_opens_that_members_card(start_desk):
    """The card is open when the card's keys work: F3 opens the earn form only with a member on the card, and the
    points it books land on the member whose code was scanned, also after a second customer's scan."""
    desk = at_card(start_desk, FIRST)
    desk.scan(desk.code(SECOND))
    desk.key("F3")
    earn = desk.dialog()
    assert earn.title == "Earn points from a slip"
    desk.type("120")
    desk.key("Return")  # on to the slip number
    desk.type("CARD-0001")
    desk.key("Return")
    wait_for("the points on the second member", lambda: booked(desk, SECOND, "earn"))
    assert [(line["points"], line["slip_no"]) for line in booked(desk, SECOND, "earn")] == [(120, "CARD-0001")]
    assert [line["slip_no"] for line in booked(desk, FIRST, "earn")] == ["TPL-0001"]  # the first member's, untouched
    wait_for("the earn form to close", desk.no_dialog)


def test_earn_is_the_slips_scan_the_amount_and_enter(start_desk):
    """Member's code scanned (counted apart), then: the slip's barcode scanned, the amount typed, Enter = 3 actions."""
    desk = at_card(start_desk)
    desk.scan("UQ-20261123-0042")
    assert desk.dialog().title == "Earn points from a slip"
    desk.type("1288")
    desk.key("Return")
    wait_for("the points from the slip", lambda: len(booked(desk, FIRST, "earn")) == 2)
    line = booked(desk, FIRST, "earn")[0]
    assert (line["points"], line["slip_no"], line["amount"], line["staff_id"]) == (
        1288,
        "UQ-20261123-0042",
        "1288.00",
        CLERK,
    )
    assert desk.actions() == 3
    assert desk.points(FIRST) == 5000 + 1288
    wait_for("the earn form to close", desk.no_dialog)


def test_f3_the_amount_enter_then_the_slips_scan_takes_the_points(start_desk):
    desk = at_card(start_desk)
    desk.key("F3")
    desk.dialog()
    desk.type("356")
    desk.key("Return")
    desk.scan("SLIP-0007")
    wait_for("the points from the slip", lambda: len(booked(desk, FIRST, "earn")) == 2)
    assert [(line["points"], line["slip_no"]) for line in booked(desk, FIRST, "earn")][0] == (356, "SLIP-0007")
    assert desk.actions() == 4


# Issue 17 item 2 says such a scan books the points as a slip; with a dynamic code (270 characters, longer than a slip
# number may be) nothing is booked here, so this guards the behaviour rather than waiting on a fix.
def test_the_next_customers_code_scanned_into_the_earn_form_books_nothing(start_desk):
    desk = at_card(start_desk)
    desk.key("F3")
    desk.dialog()
    desk.type("356")
    desk.scan(desk.code(SECOND))  # the next customer holds out their phone
    stays("no points booked on either member", lambda: len(desk.history(FIRST)) == 1 and not desk.history(SECOND), 4)
    assert desk.dialogs(), "the earn form stays open with its amount"


@pytest.mark.xfail(
    strict=True,
    reason="issue 17 item 3: F4 then Enter hands over nothing in a real session: the gifts arrive after the form "
    "chose its focus, which lands on the tab bar",
)
def test_redeem_the_first_gift_is_f4_and_enter(start_desk):
    desk = at_card(start_desk)
    desk.key("F4")
    assert desk.dialog().title == "Redeem points"
    desk.key("Return")
    wait_for("a gift handed over", lambda: booked(desk, FIRST, "redeem-gift"), timeout=8)
    assert desk.actions() == 2


def test_points_as_cash_are_f4_ctrl_tab_the_points_and_enter(start_desk):
    desk = at_card(start_desk)
    desk.key("F4")
    desk.dialog()
    desk.key("ctrl+Tab")
    desk.type("800")
    desk.key("Return")
    wait_for("the points paid out as cash", lambda: desk.points(FIRST) == 4200)
    assert [line["points"] for line in desk.history(FIRST)][0] == -800
    assert desk.points(FIRST) == 4200
    assert desk.actions() == 4


def test_a_coupon_for_points_is_f4_two_pages_on_and_enter(start_desk):
    desk = at_card(start_desk)
    desk.key("F4")
    desk.dialog()
    desk.key("ctrl+Tab", "ctrl+Tab", "Return")
    wait_for("the coupon issued", lambda: desk.member(FIRST)["coupons"])
    assert [coupon["title"] for coupon in desk.member(FIRST)["coupons"]] == ["满100减10"]
    assert desk.points(FIRST) == 4500


def test_a_coupon_is_written_off_by_scanning_its_qr_and_enter(start_desk, desk_folder):
    desk = start_desk()
    shown = desk.cli("member", "code", FIRST)["code"]  # the member's phone code, scanned at the desk
    coupon = desk.cli("coupon", "redeem", FIRST, "--type", "C10", "--code", shown)["coupon"]["code"]
    desk.sign_in(CLERK, CLERK_PIN)
    desk.keys_sent.clear()
    desk.scan(coupon_payload(coupon))  # what the coupon's printed QR holds
    desk.dialog()
    desk.key("Return")
    wait_for("the coupon written off", lambda: desk.cli("coupon", "show", coupon)["status"] == "written_off")
    assert desk.actions() == 2


def test_a_new_member_registered_from_the_keyboard(start_desk):
    """F2, phone, Tab, name, Tab to the consent (gender, birthday, ID number and referrer left empty), Space, Enter."""
    desk = start_desk()
    desk.sign_in(CLERK, CLERK_PIN)
    desk.key("F2")
    desk.dialog()
    desk.type("13700137000")
    desk.key("Tab")
    desk.type("王芳")
    desk.key("Tab", "Tab", "Tab", "Tab", "Tab", "space", "Return")
    found = wait_for("the new member", lambda: desk.cli("member", "search", "13700137000")["members"])
    assert [member["name"] for member in found] == ["王芳"]
    wait_for("the registration form to close", desk.no_dialog)


def test_lock_and_sign_in_again(start_desk):
    """Ctrl+L locks (the staff ID stays filled in): the PIN and Enter carry on."""
    desk = start_desk()
    desk.sign_in()
    before = desk.audit_seq()
    desk.key("ctrl+l")
    wait_for("the desk locked", lambda: desk.audit_since(before, "auth.lock", ADMIN))
    desk.type(ADMIN_PIN)
    desk.key("Return")
    wait_for("signed in again", lambda: desk.audit_since(before, "auth.sign_in", ADMIN))


@pytest.mark.xfail(
    strict=True,
    reason="issue 17 item 2: at the lock screen a scanned code is typed into the PIN box and submitted; five scans "
    "lock the administrator's account for five minutes",
)
def test_scans_at_the_lock_screen_are_never_pin_attempts(start_desk):
    desk = start_desk()
    desk.sign_in()
    before = desk.audit_seq()
    desk.key("ctrl+l")
    wait_for("the desk locked", lambda: desk.audit_since(before, "auth.lock", ADMIN))
    for _ in range(5):
        desk.scan(desk.code(FIRST))
    [admin] = [staff for staff in desk.cli("staff", "list") if staff["staff_id"] == ADMIN]
    assert admin["locked_until"] is None
    assert not desk.audit_since(before, "auth.sign_in_failed")
    desk.type(ADMIN_PIN)
    desk.key("Return")
    wait_for("signed in with the PIN", lambda: desk.audit_since(before, "auth.sign_in", ADMIN), timeout=8)
