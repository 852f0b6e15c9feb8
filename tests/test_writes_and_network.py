"""No write at the desk waits on the network: every redemption (cash, gift, coupon, points gifted, a parked payout
approved) asks the server's hold before its write transaction opens, while the server is held back for real."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from counter_app.domain.staff import HeldForApproval
from counter_app.services import approvals, auth, members, points, rewards, sync
from tests.conftest import form, present, signed_in_desk, vouched
from tests.lossy_proxy import LossyProxy
from tests.sync_harness import sqlite_server  # noqa: F401

PHONE, FRIEND = "13800138000", "13900139000"
CLERK, CLERK_PIN = "K001", "357924"
MANAGER, MANAGER_PIN = "M001", "468035"


@pytest.fixture
def online(sqlite_server, tmp_path):
    """A desk enrolled through a proxy that can hold back the server's answers; a member with 60,000 points
    (known to the server), a friend, a gift, a coupon type, a clerk and a manager."""
    proxy = LossyProxy(sqlite_server.port)
    desk = signed_in_desk(tmp_path / "desk")
    sync.enroll(desk, proxy.url, sqlite_server.enroll_code())
    members.register_member(desk, form())
    members.register_member(desk, form(phone=FRIEND, name="李四"))
    points.earn_from_slip(desk, PHONE, "60000", "BIG-1")
    rewards.stock_gift(desk, "G1", "保温杯", 800, add=5)
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 400)
    auth.add_staff(desk, CLERK, "服务台小李", "clerk", CLERK_PIN)
    auth.add_staff(desk, MANAGER, "张经理", "manager", MANAGER_PIN)
    sync.sync_once(desk)
    try:
        yield desk, proxy, sqlite_server
    finally:
        desk.close()
        proxy.close()


def debits(desk) -> int:
    with desk.store.read() as connection:
        return connection.exec_driver_sql("SELECT COUNT(*) FROM ledger WHERE points < 0").scalar_one()


def redeemed_while_the_server_is_held_back(desk, proxy, redeem: Callable[[], object]) -> object:
    """Run `redeem` in a thread; once its hold request has reached the (held back) server, register a member at
    the same desk. That write must finish while the redemption still waits: nothing of the redemption is
    written yet and its thread is still asking. Then the server answers, and the redemption completes."""
    gate = proxy.gate("/v1/holds")
    done: list[object] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(redeem())
        except BaseException as error:  # handed to the test below
            failed.append(error)

    before = debits(desk)
    redemption = threading.Thread(target=run)
    redemption.start()
    try:
        assert gate.arrived.wait(60), failed
        registered = members.register_member(desk, form(phone="13700137000", name="王五"))
        # Had the redemption held the write lock while it asked, the registration could only have finished
        # after the client gave up on the hold and the redemption wrote its entry.
        assert registered.member_no and not gate.opened.is_set()
        assert redemption.is_alive() and not done and not failed
        assert debits(desk) == before
    finally:
        gate.release()
        proxy.gates.remove(gate)
        redemption.join(60)
    assert not failed, failed
    assert debits(desk) == before + 1
    return done[0]


def test_a_cash_redemption_asks_its_hold_before_its_write(online):
    desk, proxy, server = online
    paid = redeemed_while_the_server_is_held_back(
        desk, proxy, lambda: points.redeem_cash(desk, PHONE, "800", presence=vouched())
    )
    assert paid.points == 800
    assert server.scalar("SELECT hold_id FROM holds") == paid.op_id  # the server kept the points for this entry


def test_a_gift_redemption_asks_its_hold_before_its_write(online):
    desk, proxy, server = online
    given = redeemed_while_the_server_is_held_back(
        desk, proxy, lambda: rewards.redeem_gift(desk, PHONE, "G1", presence=vouched())
    )
    assert server.scalar("SELECT hold_id FROM holds") == given.op_id


def test_a_coupon_bought_with_points_asks_its_hold_before_its_write(online):
    desk, proxy, server = online
    bought = redeemed_while_the_server_is_held_back(
        desk, proxy, lambda: rewards.redeem_coupon(desk, PHONE, "C10", presence=vouched())
    )
    assert server.scalar("SELECT hold_id FROM holds") == bought.op_id


def test_points_gifted_to_a_friend_ask_their_hold_before_the_write(online):
    desk, proxy, server = online
    redeemed_while_the_server_is_held_back(
        desk, proxy, lambda: points.gift_points(desk, PHONE, FRIEND, "1000", presence=vouched())
    )
    assert server.scalar("SELECT points FROM holds") == 1000


def test_approving_a_parked_payout_asks_its_hold_before_the_approvals_write(online):
    """Once the approval opened its write transaction first and the payout asked the server inside it."""
    desk, proxy, server = online
    auth.sign_in(desk, CLERK, CLERK_PIN)
    shown = present(desk, PHONE)  # the member's code scanned, before the server is held back
    with pytest.raises(HeldForApproval) as parked:
        approvals.run_or_park(desk, "points.cash", None, ref=PHONE, points="48000", presence=shown)
    auth.sign_in(desk, MANAGER, MANAGER_PIN)
    approval_id = parked.value.params["approval_id"]
    paid = redeemed_while_the_server_is_held_back(desk, proxy, lambda: approvals.approve(desk, approval_id))
    assert paid.points == 48000
    assert server.scalar("SELECT hold_id FROM holds") == paid.op_id
    with desk.store.read() as connection:
        status = connection.exec_driver_sql("SELECT status FROM approvals WHERE id = ?", (approval_id,)).scalar_one()
    assert status == "approved"
    sync.sync_once(desk)
    assert server.scalar("SELECT points FROM members WHERE member_no = :member_no", member_no=paid.member_no) == 12000


def test_no_client_for_the_server_is_made_inside_a_write_transaction(online):
    """The guard that keeps it so: a service that asks the server inside its write fails loudly, in every test."""
    desk, _, _ = online
    with desk.store.write(), pytest.raises(RuntimeError, match="inside a write transaction"):
        sync.central_client(desk)
