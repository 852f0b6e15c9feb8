"""Issue 16's operation loopholes, tried as a dishonest clerk would: a parked payout redone with a manager,
a request approved twice, a clerk's phone change, a birthday moved into this month, a made-up event."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from counter_app.domain.errors import Conflict, InvalidInput, NotFound
from counter_app.domain.staff import Actor, HeldForApproval, NeedsManager
from counter_app.services import approvals, auth, member_events, members, points
from tests.conftest import CHINA, NOW, checked_in_at_event, cli_main, form, phone_code, present

PHONE, NEW_PHONE = "13800138000", "13900139000"
CLERK, CLERK_PIN = "K001", "357924"
MANAGER, MANAGER_PIN = "M001", "468035"


@pytest.fixture
def team(desk):
    """A member with 60,000 points, a clerk and a manager; the clerk is at the desk."""
    members.register_member(desk, form())
    points.earn_from_slip(desk, PHONE, "60000", "BIG-1")
    auth.add_staff(desk, CLERK, "服务台小李", "clerk", CLERK_PIN)
    auth.add_staff(desk, MANAGER, "张经理", "manager", MANAGER_PIN)
    auth.sign_in(desk, CLERK, CLERK_PIN)
    return desk


def balance(desk, ref=PHONE):
    with desk.store.read() as connection:
        return members.require_member(desk, connection, ref).points


def cash_lines(desk):
    with desk.store.read() as connection:
        return connection.exec_driver_sql("SELECT points FROM ledger WHERE kind = 'cash'").all()


def status_of(desk, approval_id):
    with desk.store.read() as connection:
        return connection.exec_driver_sql("SELECT status, reason FROM approvals WHERE id = ?", (approval_id,)).one()


def with_manager(desk):
    return desk.acting_as(Actor(CLERK, "服务台小李", "clerk", authorized_by=MANAGER, authorizer_role="manager"))


def test_a_parked_payout_redone_with_a_manager_pays_once_and_closes_the_request(team):
    with pytest.raises(HeldForApproval) as parked:
        approvals.run_or_park(team, "points.cash", PHONE, ref=PHONE, points=48000, presence=present(team, PHONE))
    approval_id = parked.value.params["approval_id"]
    assert balance(team) == 60000
    # The same payout again, now with a manager's authority, and the member named by number instead of phone.
    member_no = members.find_member(team, PHONE).member_no
    with with_manager(team):
        paid = approvals.run_or_park(
            team, "points.cash", member_no, ref=member_no, points="48000", presence=present(team, member_no)
        )
    assert balance(team) == 12000
    assert status_of(team, approval_id) == ("done", paid.op_id)
    assert approval_id not in [waiting.approval_id for waiting in approvals.pending(team_as_manager(team))]
    with pytest.raises(Conflict) as again:
        approvals.approve(team, approval_id)
    assert f"already carried out as operation {paid.op_id}" in again.value.message("en")
    assert balance(team) == 12000 and cash_lines(team) == [(-48000,)]


def test_another_payout_leaves_the_parked_request_waiting(team):
    with pytest.raises(HeldForApproval) as parked:
        approvals.run_or_park(team, "points.cash", PHONE, ref=PHONE, points=48000, presence=present(team, PHONE))
    with with_manager(team):
        approvals.run_or_park(
            team, "points.cash", PHONE, ref=PHONE, points=8000, presence=present(team, PHONE)
        )  # a different amount
    assert status_of(team, parked.value.params["approval_id"])[0] == "pending"


def team_as_manager(desk):
    auth.sign_in(desk, MANAGER, MANAGER_PIN)
    return desk


def test_a_request_approved_twice_pays_once(team):
    with pytest.raises(HeldForApproval) as parked:
        approvals.run_or_park(team, "points.cash", PHONE, ref=PHONE, points=48000, presence=present(team, PHONE))
    approval_id = parked.value.params["approval_id"]
    team_as_manager(team)
    approvals.approve(team, approval_id)
    with pytest.raises(InvalidInput, match="was approved already"):
        approvals.approve(team, approval_id)
    assert balance(team) == 12000 and cash_lines(team) == [(-48000,)]


def test_the_same_payout_parked_twice_is_paid_once(team):
    requests = []
    for _ in range(2):
        with pytest.raises(HeldForApproval) as parked:
            approvals.run_or_park(team, "points.cash", PHONE, ref=PHONE, points=48000, presence=present(team, PHONE))
        requests.append(parked.value.params["approval_id"])
    team_as_manager(team)
    paid = approvals.approve(team, requests[0])
    assert status_of(team, requests[1]) == ("done", paid.op_id)
    with pytest.raises(Conflict, match="already carried out"):
        approvals.approve(team, requests[1])
    assert balance(team) == 12000 and cash_lines(team) == [(-48000,)]


def test_a_parked_earn_carried_out_by_a_manager_is_closed(team):
    with pytest.raises(HeldForApproval) as parked:
        points.earn_from_slip(team, PHONE, "50000", "BIG-2")
    team_as_manager(team)
    earned = points.earn_from_slip(team, PHONE, "50000", "big-2")
    assert status_of(team, parked.value.params["approval_id"]) == ("done", earned.op_id)
    with pytest.raises(Conflict, match="already carried out"):
        approvals.approve(team, parked.value.params["approval_id"])
    assert balance(team) == 110000


def test_a_clerks_phone_change_waits_for_a_manager_and_changes_nothing_until_then(team):
    with pytest.raises(NeedsManager, match="phone number"):
        members.edit_member(team, PHONE, members.ProfileEdit(phone=NEW_PHONE))
    with pytest.raises(HeldForApproval) as parked:
        approvals.run_or_park(team, "member.edit", PHONE, ref=PHONE, phone=NEW_PHONE)
    assert members.find_member(team, PHONE).points == 60000
    with pytest.raises(NotFound):
        members.find_member(team, NEW_PHONE)
    # Other fields stay the clerk's to edit, and the same phone typed again is no change.
    assert members.edit_member(team, PHONE, members.ProfileEdit(gender="F", phone=PHONE)).gender == "F"
    team_as_manager(team)
    approvals.approve(team, parked.value.params["approval_id"])
    assert members.find_member(team, NEW_PHONE).points == 60000


def test_a_birthday_edited_into_this_month_gives_no_gift_this_year(team):
    members.edit_member(team, PHONE, members.ProfileEdit(birthday="1990-11-05"))  # NOW is in November
    with pytest.raises(InvalidInput, match="birthday was changed on 2026-11-23"):
        points.claim_birthday(team, PHONE)
    assert balance(team) == 60000
    team.clock = lambda: dt.datetime(2027, 11, 5, tzinfo=CHINA)  # next year it is the member's gift
    assert points.claim_birthday(team, PHONE).balance == 60200


def test_a_birthday_moved_from_another_month_this_year_is_refused_a_day_corrected_is_not(team):
    team.clock = lambda: dt.datetime(2025, 3, 1, tzinfo=CHINA)
    members.edit_member(team, PHONE, members.ProfileEdit(birthday="1990-05-05"))
    team.clock = lambda: NOW
    members.edit_member(team, PHONE, members.ProfileEdit(birthday="1990-11-05"))
    with pytest.raises(InvalidInput, match="changed"):
        points.claim_birthday(team, PHONE)
    assert balance(team) == 60000
    members.register_member(team, form(phone=NEW_PHONE, name="李四"))
    team.clock = lambda: dt.datetime(2025, 3, 1, tzinfo=CHINA)
    members.edit_member(team, NEW_PHONE, members.ProfileEdit(birthday="1991-11-04"))
    team.clock = lambda: NOW
    members.edit_member(team, NEW_PHONE, members.ProfileEdit(birthday="1991-11-05"))  # the day, within the month
    assert points.claim_birthday(team, NEW_PHONE).points == 200


def test_activity_points_need_a_real_event_and_the_check_in(team):
    with pytest.raises(NotFound, match="There is no event NO-SUCH-FAIR"):
        points.award_activity(team, PHONE, "no-such-fair")
    with team.acting_as(Actor(MANAGER, "张经理", "manager")):
        member_events.create_event(team, "TALK", "讲座", NOW - dt.timedelta(hours=1), NOW + dt.timedelta(hours=1), 0)
    with pytest.raises(InvalidInput, match="has not checked in at TALK"):
        points.award_activity(team, PHONE, "TALK")
    assert balance(team) == 60000
    checked_in_at_event(team, PHONE, "TALK")
    assert points.award_activity(team, PHONE, "TALK").balance == 60020


# Through the command line, as the clerk types it.


def cli_team(data_dir):
    assert (
        cli_main("member", "register", "--phone", PHONE, "--name", "张三丰", "--consent", data_dir=data_dir).returncode
        == 0
    )
    assert cli_main("points", "earn", PHONE, "--amount", "60000", "--slip", "BIG-1", data_dir=data_dir).returncode == 0
    for staff_id, name, role, pin in (
        (CLERK, "服务台小李", "clerk", CLERK_PIN),
        (MANAGER, "张经理", "manager", MANAGER_PIN),
    ):
        added = cli_main(
            "staff",
            "add",
            staff_id,
            "--name",
            name,
            "--role",
            role,
            data_dir=data_dir,
            env={"COUNTER_NEW_PIN": pin},
        )
        assert added.returncode == 0, added.stderr


def clerk(*args, data_dir, **extra):
    return cli_main(*args, data_dir=data_dir, staff=CLERK, pin=CLERK_PIN, **extra)


def shown_points(data_dir, ref=PHONE):
    return json.loads(cli_main("member", "show", ref, "--json", data_dir=data_dir).stdout)["points"]


def test_cli_a_parked_payout_redone_with_manager_pays_once(data_dir):
    cli_team(data_dir)
    parked = clerk(
        "points", "cash", PHONE, "--points", "48000", "--code", phone_code(data_dir, PHONE), data_dir=data_dir
    )
    assert parked.returncode == 3, parked.stderr
    approval_id = json.loads(cli_main("approvals", "list", "--json", data_dir=data_dir).stdout)[0]["ref"]
    redone = clerk(
        "points",
        "cash",
        PHONE,
        "--points",
        "48000",
        "--code",
        phone_code(data_dir, PHONE),
        "--manager",
        MANAGER,
        "--json",
        data_dir=data_dir,
        env={"COUNTER_MANAGER_PIN": MANAGER_PIN},
    )
    assert redone.returncode == 0, redone.stderr
    op_id = json.loads(redone.stdout)["op_id"]
    later = cli_main("approvals", "approve", str(approval_id), data_dir=data_dir, staff=MANAGER, pin=MANAGER_PIN)
    assert later.returncode == 5 and f"already carried out as operation {op_id}" in later.stderr
    assert shown_points(data_dir) == 12000


def test_cli_clerk_phone_change_is_parked_and_a_made_up_event_gives_nothing(data_dir):
    cli_team(data_dir)
    parked = clerk("member", "edit", PHONE, "--phone", NEW_PHONE, data_dir=data_dir)
    assert parked.returncode == 3, parked.stderr
    assert cli_main("member", "show", NEW_PHONE, data_dir=data_dir).returncode == 4
    refused = clerk("points", "activity", PHONE, "--event", "ANYTHING", data_dir=data_dir)
    assert refused.returncode == 4 and "There is no event ANYTHING" in refused.stderr
    assert shown_points(data_dir) == 60000


def test_cli_birthday_edited_into_this_month_then_claimed_is_refused(data_dir):
    cli_team(data_dir)
    this_month = dt.date.today().month
    edited = clerk("member", "edit", PHONE, "--birthday", f"1990-{this_month:02d}-01", data_dir=data_dir)
    assert edited.returncode == 0, edited.stderr
    claimed = clerk("birthday", "claim", PHONE, data_dir=data_dir)
    assert claimed.returncode == 2 and "birthday was changed on" in claimed.stderr
    assert shown_points(data_dir) == 60000
