"""Member events at one desk: set up, sign-ups within capacity, check-in by a real scanned code or ticket, points once, and the CLI."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from counter_app.domain.codes import CodeRefused
from counter_app.domain.errors import Conflict, InvalidInput, NotFound
from counter_app.domain.staff import NeedsManager
from counter_app.services import auth, member_codes, member_events, members, points, sync
from tests.conftest import ADMIN, NOW, cli_main, form, signed_in_desk
from tests.sync_harness import Clock, enrolled_counter, sqlite_server  # noqa: F401

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def desk(data_dir, clock):
    opened = signed_in_desk(data_dir, clock)
    yield opened
    opened.close()


@pytest.fixture
def member(desk):
    return members.register_member(desk, form())


@pytest.fixture
def fair(desk):
    """On now: 10:00 to 18:00 on the test day, 20 points (the rules' limit), 2 places."""
    start = NOW.replace(hour=10, minute=0)
    return member_events.create_event(desk, "spring-fair", "春季会员日", start, start + 8 * HOUR, 20, capacity=2)


def table(desk, sql: str, *args) -> list[tuple]:
    with desk.store.read() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql, args)]


def balance(desk, ref: str) -> int:
    return members.find_member(desk, ref).points


def test_a_manager_sets_up_an_event_and_the_desk_lists_it(desk, fair):
    assert fair.code == "SPRING-FAIR"  # typed in lower case, kept as printed on posters
    member_events.create_event(desk, "XMAS-26", "  圣诞  手作 ", "2026-12-24T14:00", "2026-12-24T17:00+08:00", "0")
    listed = member_events.list_events(desk)
    assert [(e.code, e.state, e.points, e.capacity, e.places_left) for e in listed] == [
        ("SPRING-FAIR", "open", 20, 2, 2),
        ("XMAS-26", "upcoming", 0, None, None),
    ]
    assert (
        listed[1].title == "圣诞 手作" and listed[1].starts_at == "2026-12-24T14:00+08:00"
    )  # no offset given: the desk's own time
    assert listed[0].created_by == ADMIN
    assert table(desk, "SELECT action, subject FROM audit_log WHERE action = 'event.create'") == [
        ("event.create", "SPRING-FAIR"),
        ("event.create", "XMAS-26"),
    ]
    with pytest.raises(Conflict, match="SPRING-FAIR is taken already"):
        member_events.create_event(desk, "SPRING-FAIR", "again", NOW, NOW + HOUR, 5)


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"code": "A"}, "code", "2 to 20 capital letters"),
        ({"code": "SPRING FAIR"}, "code", "2 to 20 capital letters"),
        ({"code": "-FAIR"}, "code", "2 to 20 capital letters"),
        ({"code": "X" * 21}, "code", "2 to 20 capital letters"),
        ({"code": "春季"}, "code", "2 to 20 capital letters"),
        ({"title": " "}, "title", "Give the event a title"),
        ({"title": "会" * 61}, "title", "at most 60 characters"),
        ({"title": "bell\x07"}, "title", "Give the event a title"),
        ({"ends_at": NOW - HOUR}, "ends_at", "must end after it starts"),
        ({"ends_at": NOW}, "ends_at", "must end after it starts"),
        ({"starts_at": NOW - 3 * HOUR, "ends_at": NOW - HOUR}, "ends_at", "has passed already"),
        ({"starts_at": "tomorrow"}, "starts_at", "start time as 2026-12-05T10:00"),
        ({"ends_at": "2026-13-01T10:00"}, "ends_at", "end time as"),
        ({"points": 21}, "points", "0 to 20 points"),
        ({"points": -1}, "points", "0 to 20 points"),
        ({"points": "ten"}, "points", "0 to 20 points"),
        ({"capacity": 0}, "capacity", "1 to 100000 places"),
        ({"capacity": "1e3"}, "capacity", "1 to 100000 places"),
        ({"points": "9" * 5001}, "points", "0 to 20 points"),  # once a ValueError past int()'s 4,300 digits
        ({"capacity": "9" * 5001}, "capacity", "1 to 100000 places"),
    ],
)
def test_bad_event_input_is_refused_with_its_field_and_nothing_is_stored(desk, changes, field, message):
    values = {
        "code": "FAIR",
        "title": "会员日",
        "starts_at": NOW,
        "ends_at": NOW + HOUR,
        "points": 10,
        "capacity": None,
        **changes,
    }
    with pytest.raises(InvalidInput, match=message) as caught:
        member_events.create_event(desk, **values)
    assert field in caught.value.fields
    assert member_events.list_events(desk) == []


def test_several_wrong_fields_are_named_together(desk):
    with pytest.raises(InvalidInput, match="3 fields need correcting") as caught:
        member_events.create_event(desk, "?", "", NOW, NOW + HOUR, 99)
    assert set(caught.value.fields) == {"code", "title", "points"}


def test_a_clerk_may_not_set_up_an_event_but_signs_members_up(desk, fair, member):
    auth.add_staff(desk, "K001", "服务台小李", "clerk", "246810")
    auth.sign_in(desk, "K001", "246810")
    with pytest.raises(NeedsManager):
        member_events.create_event(desk, "OTHER", "另一个", NOW, NOW + HOUR, 5)
    assert table(desk, "SELECT staff_id, action, outcome FROM audit_log WHERE action = 'event.create'") == [
        (ADMIN, "event.create", "done"),
        ("K001", "event.create", "refused"),
    ]
    assert member_events.sign_up(desk, "SPRING-FAIR", member.member_no).member_no == member.member_no


def test_sign_ups_respect_the_capacity_and_each_member_signs_up_once(desk, fair, member):
    second = members.register_member(desk, form(phone="13900139000", name="李娜"))
    third = members.register_member(desk, form(phone="13700137000", name="王芳"))
    first = member_events.sign_up(desk, "spring-fair", "13800138000")
    assert (first.event_code, first.member_no, first.places_left) == ("SPRING-FAIR", member.member_no, 1)
    with pytest.raises(Conflict, match=f"Member {member.member_no} is signed up for SPRING-FAIR already"):
        member_events.sign_up(desk, "SPRING-FAIR", member.member_no)
    assert member_events.sign_up(desk, "SPRING-FAIR", second.member_no).places_left == 0
    with pytest.raises(Conflict, match="SPRING-FAIR is full: all 2 places are taken"):
        member_events.sign_up(desk, "SPRING-FAIR", third.member_no)
    assert table(desk, "SELECT COUNT(*) FROM event_signups") == [(2,)]
    [listed] = member_events.list_events(desk)
    assert (listed.signed_up, listed.places_left, listed.checked_in) == (2, 0, 0)
    with pytest.raises(NotFound, match="no event NO-SUCH"):
        member_events.sign_up(desk, "NO-SUCH", member.member_no)
    with pytest.raises(InvalidInput, match="2 to 20 capital letters"):
        member_events.sign_up(desk, "", member.member_no)
    with pytest.raises(NotFound, match="No member"):
        member_events.sign_up(desk, "SPRING-FAIR", "13600136000")


def test_sign_ups_close_when_the_event_has_ended(desk, clock, fair, member):
    clock.now = NOW.replace(hour=18, minute=1)
    with pytest.raises(InvalidInput, match="ended on 2026-11-23 18:00; sign-ups are closed"):
        member_events.sign_up(desk, "SPRING-FAIR", member.member_no)


def test_scanning_a_dynamic_member_code_checks_in_once_with_the_events_points(desk, clock, fair, member):
    member_events.sign_up(desk, "SPRING-FAIR", member.member_no)
    before = balance(desk, member.member_no)
    scanned = member_codes.member_code(desk, member.member_no)  # what the member's phone shows
    done = member_events.check_in(desk, scanned, "SPRING-FAIR")
    assert (done.member_no, done.points, done.balance, done.walk_in, done.via) == (
        member.member_no,
        20,
        before + 20,
        False,
        "code",
    )
    # The points are an activity entry for the event, in the ledger path award_activity uses; the check-in keeps its id.
    [line] = [line for line in points.history(desk, member.member_no) if line.kind == "activity"]
    assert (line.op_id, line.points, line.note) == (done.op_id, 20, "SPRING-FAIR")
    assert table(desk, "SELECT checked_in_at IS NOT NULL, entry_id FROM event_signups") == [(1, done.op_id)]
    assert table(desk, "SELECT op_type FROM outbox WHERE op_id = ?", done.op_id) == [("points.activity",)]
    # Half an hour later the member scans a fresh code again: refused with the time, nothing written.
    clock.now = NOW + dt.timedelta(minutes=30)
    ledger_before, outbox_before = (
        table(desk, "SELECT COUNT(*) FROM ledger"),
        table(desk, "SELECT COUNT(*) FROM outbox WHERE op_type != 'code.used'"),
    )
    with pytest.raises(Conflict, match=f"Member {member.member_no} already checked in at SPRING-FAIR at 10:30"):
        member_events.check_in(desk, member_codes.member_code(desk, member.member_no), "SPRING-FAIR")
    assert balance(desk, member.member_no) == before + 20
    assert table(desk, "SELECT COUNT(*) FROM ledger") == ledger_before
    assert table(desk, "SELECT COUNT(*) FROM outbox WHERE op_type != 'code.used'") == outbox_before
    # The very same code shown again is a copy, as anywhere at the desk.
    clock.now = NOW
    with pytest.raises(CodeRefused, match="already scanned"):
        member_events.check_in(desk, scanned, "SPRING-FAIR")
    [listed] = member_events.list_events(desk)
    assert listed.checked_in == 1
    assert table(desk, "SELECT details FROM audit_log WHERE action = 'event.check_in'") == [("SPRING-FAIR via code",)]


def test_an_event_ticket_checks_its_member_in_and_names_the_event(desk, fair, member):
    with pytest.raises(InvalidInput, match="not signed up for SPRING-FAIR; sign them up first"):
        member_events.ticket_for(desk, "SPRING-FAIR", member.member_no)
    member_events.sign_up(desk, "SPRING-FAIR", member.member_no)
    ticket = member_events.ticket_for(desk, "spring-fair", "13800138000")
    assert ticket.startswith("EV1.") and ticket.isascii()
    assert member_codes.scan(desk, ticket).event_uid == member_events.event_uid("SPRING-FAIR")
    done = member_events.check_in(desk, ticket)  # the ticket says which event
    assert (done.event_code, done.member_no, done.points, done.via) == ("SPRING-FAIR", member.member_no, 20, "ticket")
    with pytest.raises(Conflict, match="already checked in at SPRING-FAIR at 10:30"):
        member_events.check_in(desk, ticket, "SPRING-FAIR")
    assert balance(desk, member.member_no) == 20  # the event's points, once


def test_a_ticket_for_another_event_or_a_forged_one_is_refused(desk, fair, member):
    member_events.create_event(desk, "WINTER", "冬季会员日", NOW - HOUR, NOW + HOUR, 5)
    member_events.sign_up(desk, "WINTER", member.member_no)
    winter = member_events.ticket_for(desk, "WINTER", member.member_no)
    with pytest.raises(InvalidInput, match="ticket is for another event, not SPRING-FAIR"):
        member_events.check_in(desk, winter, "SPRING-FAIR")
    raw = bytearray(base64.urlsafe_b64decode(winter[4:] + "=" * (-len(winter[4:]) % 4)))
    raw[-1] ^= 1
    forged = "EV1." + base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    with pytest.raises(CodeRefused, match="signature is not valid"):
        member_events.check_in(desk, forged)
    with pytest.raises(CodeRefused, match="damaged"):
        member_events.check_in(desk, winter[:-3], "WINTER")
    assert table(desk, "SELECT COUNT(*) FROM ledger WHERE kind = 'activity'") == [(0,)]


def test_check_in_outside_the_events_hours_is_refused_and_spends_nothing(desk, clock, fair, member):
    member_events.sign_up(desk, "SPRING-FAIR", member.member_no)
    clock.now = NOW.replace(hour=9, minute=59)
    with pytest.raises(InvalidInput, match="Check-in for SPRING-FAIR opens at 2026-11-23 10:00"):
        member_events.check_in(desk, member_codes.member_code(desk, member.member_no), "SPRING-FAIR")
    clock.now = NOW.replace(hour=18, minute=0, second=1)
    with pytest.raises(InvalidInput, match="SPRING-FAIR ended at 2026-11-23 18:00; check-in is closed"):
        member_events.check_in(desk, member_codes.member_code(desk, member.member_no), "SPRING-FAIR")
    assert table(desk, "SELECT COUNT(*) FROM used_codes") == [(0,)]  # the codes were not even read
    assert table(desk, "SELECT checked_in_at FROM event_signups") == [(None,)]
    assert balance(desk, member.member_no) == 0


def test_walk_ins_are_signed_up_at_the_door_while_places_are_left(desk, fair, member):
    others = [
        members.register_member(desk, form(phone=phone, name=name))
        for phone, name in (("13900139000", "李娜"), ("13700137000", "王芳"))
    ]
    done = member_events.check_in(
        desk, member.member_no, "SPRING-FAIR"
    )  # typed at the desk: phone or member number work too
    assert (done.walk_in, done.via, done.points) == (True, "ref", 20)
    member_events.check_in(
        desk, member_codes.member_code(desk, others[0].member_no, static=True), "SPRING-FAIR"
    )  # the printed card
    with pytest.raises(Conflict, match="SPRING-FAIR is full \\(2 places\\) and member .* has not signed up"):
        member_events.check_in(desk, others[1].member_no, "SPRING-FAIR")
    assert table(desk, "SELECT COUNT(*), COUNT(checked_in_at) FROM event_signups") == [(2, 2)]


def test_points_already_given_for_the_event_elsewhere_are_not_given_again(desk, fair, member):
    # As a check-in at another counter arrives with the change feed: the activity entry for this event.
    # (written as the feed writes it: award_activity itself now wants this desk's check-in)
    from counter_app.services.balances import credit_points

    with desk.store.write() as connection:
        row = members.require_member(desk, connection, member.member_no)
        credit_points(desk, connection, row, "activity", 20, None, note="SPRING-FAIR", item="SPRING-FAIR")
    given = members.find_member(desk, member.member_no)
    assert given.points == 20
    with pytest.raises(Conflict, match="already checked in at SPRING-FAIR at 10:30"):
        member_events.check_in(desk, member.member_no, "SPRING-FAIR")
    assert balance(desk, member.member_no) == given.points
    assert table(desk, "SELECT COUNT(*) FROM event_signups") == [(0,)]


def test_an_event_worth_no_points_still_checks_in_once(desk, member):
    member_events.create_event(desk, "TALK", "讲座", NOW - HOUR, NOW + HOUR, 0)
    done = member_events.check_in(desk, member.member_no, "TALK")
    assert (done.points, done.op_id, done.balance) == (0, None, 0)
    with pytest.raises(Conflict, match="already checked in"):
        member_events.check_in(desk, member.member_no, "TALK")


def test_check_in_input_that_cannot_work_is_refused(desk, fair, member):
    with pytest.raises(InvalidInput, match="Name the event"):
        member_events.check_in(desk, member.member_no)
    with pytest.raises(InvalidInput, match="Scan the member's code"):
        member_events.check_in(desk, "  ", "SPRING-FAIR")
    with pytest.raises(NotFound, match="no event NOPE"):
        member_events.check_in(desk, member.member_no, "NOPE")
    with pytest.raises(InvalidInput, match="2 to 20 capital letters"):
        member_events.check_in(desk, member.member_no, "no such event")
    with pytest.raises(CodeRefused):
        member_events.check_in(desk, "MD1.AAAA", "SPRING-FAIR")
    with pytest.raises(InvalidInput, match="neither a mobile number nor a member number"):
        member_events.check_in(desk, "DROP TABLE ledger", "SPRING-FAIR")


def test_a_ticket_signed_by_the_server_admits_at_every_counter_and_points_come_once(sqlite_server, tmp_path):
    east = enrolled_counter(tmp_path / "east", sqlite_server)
    west = enrolled_counter(tmp_path / "west", sqlite_server)
    card = members.register_member(east, form())
    sync.sync_once(east)
    sync.sync_once(west)
    for counter in (east, west):  # the same event, run at both counters under its code
        member_events.create_event(counter, "FAIR", "会员日", NOW - HOUR, NOW + HOUR, 10)
    member_events.sign_up(east, "FAIR", card.member_no)
    ticket = member_events.ticket_for(east, "FAIR", card.member_no)  # signed with the chain's key at the server
    done = member_events.check_in(west, ticket)  # west never saw the sign-up: the ticket is one
    assert (done.via, done.walk_in, done.points) == ("ticket", True, 10)
    sync.sync_once(west)
    sync.sync_once(east)
    # East hears of west's activity entry with the change feed: the member is not given the points twice.
    with pytest.raises(Conflict, match="already checked in at FAIR at 10:30"):
        member_events.check_in(east, ticket)
    assert members.find_member(east, card.member_no).points == members.find_member(west, card.member_no).points == 10
    east.close()
    west.close()


def _cli_json(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_cli_sets_up_lists_signs_up_checks_in_and_prints_tickets(data_dir):
    now = dt.datetime.now().astimezone()
    start, end = (now - HOUR).isoformat(timespec="minutes"), (now + 2 * HOUR).isoformat(timespec="minutes")
    assert (
        cli_main(
            "member", "register", "--phone", "13800138000", "--name", "张三丰", "--consent", data_dir=data_dir
        ).returncode
        == 0
    )
    created = _cli_json(
        cli_main(
            "event",
            "create",
            "FAIR-1",
            "--title",
            "会员日",
            "--from",
            start,
            "--to",
            end,
            "--points",
            "15",
            "--capacity",
            "10",
            "--json",
            data_dir=data_dir,
        )
    )
    assert (created["code"], created["points"], created["capacity"], created["state"]) == ("FAIR-1", 15, 10, "open")
    listed = cli_main("event", "list", data_dir=data_dir)
    assert listed.returncode == 0 and "FAIR-1" in listed.stdout and "0/10 signed up" in listed.stdout
    signed = _cli_json(cli_main("event", "signup", "FAIR-1", "13800138000", "--json", data_dir=data_dir))
    assert signed["places_left"] == 9
    ticket = _cli_json(cli_main("event", "ticket", "FAIR-1", "13800138000", "--json", data_dir=data_dir))["ticket"]
    assert ticket.startswith("EV1.")
    done = _cli_json(cli_main("event", "checkin", "FAIR-1", ticket, "--json", data_dir=data_dir))
    assert (done["points"], done["via"], done["balance"]) == (15, "ticket", 15)
    again = cli_main("event", "checkin", "FAIR-1", ticket, data_dir=data_dir)
    assert (
        again.returncode == 5 and "already checked in at FAIR-1 at " in again.stderr and "Traceback" not in again.stderr
    )
    code = cli_main("member", "code", "13800138000", data_dir=data_dir).stdout.strip()
    assert cli_main("event", "checkin", "FAIR-1", code, data_dir=data_dir).returncode == 5
    assert (
        cli_main(
            "event", "create", "x", "--title", "T", "--from", start, "--to", end, "--points", "5", data_dir=data_dir
        ).returncode
        == 2
    )
    backwards = cli_main(
        "event", "create", "LATE", "--title", "T", "--from", end, "--to", start, "--points", "5", data_dir=data_dir
    )
    assert backwards.returncode == 2 and "must end after it starts" in backwards.stderr
    assert cli_main("event", "signup", "NO-SUCH", "13800138000", data_dir=data_dir).returncode == 4
    refused = cli_main("event", "checkin", "NO-SUCH", "13800138000", "--json", data_dir=data_dir)
    assert refused.returncode == 4 and json.loads(refused.stdout)["error"]["kind"] == "NotFound"
    assert (
        cli_main(
            "staff",
            "add",
            "K001",
            "--name",
            "小李",
            "--role",
            "clerk",
            data_dir=data_dir,
            env={"COUNTER_NEW_PIN": "246810"},
        ).returncode
        == 0
    )
    assert (
        cli_main(
            "event",
            "create",
            "CLERK",
            "--title",
            "T",
            "--from",
            start,
            "--to",
            end,
            "--points",
            "5",
            data_dir=data_dir,
            staff="K001",
            pin="246810",
        ).returncode
        == 6
    )
    history = _cli_json(cli_main("points", "history", "13800138000", "--json", data_dir=data_dir))
    assert [line["kind"] for line in history].count("activity") == 1
