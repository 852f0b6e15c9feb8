"""Member services on a real store: registration with its outbox entry, lookup, search, edits and history."""

from __future__ import annotations

import contextlib

import pytest

from counter_app.db.outbox import entries
from counter_app.domain.errors import Conflict, InvalidInput, NotFound
from counter_app.services import members
from counter_app.services.desk import desk_status
from tests.conftest import form


def outbox(desk):
    with desk.store.read() as connection:
        return entries(connection, desk.store.keys)


def test_registration_writes_the_member_and_its_outbox_entry(desk):
    card = members.register_member(desk, form(gender="F", birthday="1990-05-17"))
    assert card.member_no == "M000100000017"
    assert card.phone == "138****8000"
    assert (card.tier, card.points, card.spend_12m) == ("regular", 0, "0.00")
    assert card.consent_version == "2026-01"
    [entry] = outbox(desk)
    body = entry.payload
    assert (entry.seq, entry.op_type, entry.counter_uid) == (1, "member.registered", desk.counter_uid)
    assert body["member_no"] == card.member_no and body["phone"] == "13800138000" and body["birthday"] == "1990-05-17"
    assert (
        entry.created_at.isoformat().startswith("2026-11-23T10:30:00")
        and entry.created_at.utcoffset().total_seconds() == 8 * 3600
    )
    assert desk_status(desk).pending_ops == 1


def test_outbox_sequence_is_gap_free_even_when_a_write_fails(desk):
    members.register_member(desk, form())
    with pytest.raises(Conflict):
        members.register_member(desk, form(name="李四"))
    with pytest.raises(InvalidInput):
        members.register_member(desk, form(phone="13900139000", referrer="13700137000"))
    members.register_member(desk, form(phone="13900139000", name="李四"))
    members.edit_member(desk, "13900139000", members.ProfileEdit(name="李思"))
    assert [row.seq for row in outbox(desk)] == [1, 2, 3]
    assert [row.op_type for row in outbox(desk)] == ["member.registered", "member.registered", "member.updated"]


def test_one_member_per_phone_however_it_is_typed(desk):
    first = members.register_member(desk, form(phone="+86 138-0013-8000"))
    with pytest.raises(Conflict) as caught:
        members.register_member(desk, form(phone="13800138000", name="李四"))
    assert first.member_no in caught.value.message("en")
    assert caught.value.message("zh_CN") == f"该手机号已注册，会员号 {first.member_no}。"
    assert caught.value.exit_code == 5


def test_referrer_is_found_by_phone_or_member_number(desk):
    referrer = members.register_member(desk, form())
    by_phone = members.register_member(desk, form(phone="13900139000", name="李四", referrer="138 0013 8000"))
    by_number = members.register_member(desk, form(phone="13700137000", name="王五", referrer=referrer.member_no))
    assert by_phone.referrer_no == by_number.referrer_no == referrer.member_no
    with pytest.raises(InvalidInput) as caught:
        members.register_member(desk, form(phone="13600136000", name="赵六", referrer="13311112222"))
    assert set(caught.value.fields) == {"referrer"}
    with pytest.raises(InvalidInput) as caught:
        members.register_member(desk, form(phone="13600136000", name="赵六", referrer="not a person"))
    assert "neither a mobile number nor a member number" in caught.value.fields["referrer"].message("en")


def test_sql_looking_text_is_only_text(desk):
    members.register_member(desk, form())
    for hostile in ["'; DROP TABLE members; --", '" OR 1=1 --', "张*", 'NEAR("张" "三")', "initials : z*", "%", "_"]:
        with contextlib.suppress(InvalidInput):
            members.search_members(desk, hostile)
    assert members.find_member(desk, "13800138000").name == "张三丰"


@pytest.fixture
def populated(desk):
    people = [
        ("13800138000", "张三丰"),
        ("13900138000", "张三"),
        ("13700137001", "李张明"),
        ("13600136002", "单田芳"),
        ("15000150003", "Anna Li"),
        ("18600186004", "欧阳娜娜"),
    ]
    cards = {name: members.register_member(desk, form(phone=phone, name=name)) for phone, name in people}
    return desk, cards


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("张", {"张三丰", "张三", "李张明"}),
        ("张三", {"张三丰", "张三"}),
        ("张三丰", {"张三丰"}),
        ("三丰", {"张三丰"}),
        ("zsf", {"张三丰"}),
        ("zs", {"张三丰", "张三"}),
        ("stf", {"单田芳"}),
        ("anna", {"Anna Li"}),
        ("nal", {"Anna Li"}),
        ("ANNA LI", {"Anna Li"}),
        ("8000", {"张三丰", "张三"}),
        ("欧阳娜娜", {"欧阳娜娜"}),
        ("丰三", set()),
        ("张 8000", {"张三丰", "张三"}),
        ("8000 三丰", {"张三丰"}),
        ("zs 8000", {"张三丰", "张三"}),
        ("zsf 8000", {"张三丰"}),
        ("李 8000", set()),
        ("张 0003", set()),
        ("li 0003", {"Anna Li"}),
        ("王", set()),
    ],
)
def test_one_search_box_finds_by_name_initials_and_phone_digits(populated, typed, names):
    desk, _ = populated
    result = members.search_members(desk, typed)
    assert {m.name for m in result.members} == names
    assert result.exact is None
    assert all("****" in m.phone for m in result.members)


def test_a_whole_phone_or_member_number_opens_the_card(populated):
    desk, cards = populated
    by_phone = members.search_members(desk, "+86 138 0013 8000")
    assert by_phone.exact.name == "张三丰" and by_phone.query_kind == "phone"
    by_number = members.search_members(desk, cards["李张明"].member_no.lower())
    assert by_number.exact.name == "李张明"
    assert members.search_members(desk, "13311112222").members == []


def test_search_lists_a_page_and_says_there_is_more(populated):
    desk, _ = populated
    result = members.search_members(desk, "张", limit=2)
    assert len(result.members) == 2 and result.more
    with pytest.raises(InvalidInput):
        members.search_members(desk, "张", limit=0)


def test_find_member_says_what_to_do_when_nobody_matches(desk):
    with pytest.raises(NotFound) as caught:
        members.find_member(desk, "13311112222")
    assert caught.value.exit_code == 4 and "register the member" in caught.value.message("en")
    with pytest.raises(InvalidInput):
        members.find_member(desk, "张三")


def test_editing_keeps_history_updates_the_index_and_queues_one_operation(populated):
    desk, cards = populated
    card = members.edit_member(
        desk, "13800138000", members.ProfileEdit(name="张君宝", gender="M", birthday="19900517", phone="13811112222")
    )
    assert (card.name, card.gender, card.birthday, card.phone) == ("张君宝", "M", "1990-05-17", "138****2222")
    assert card.member_no == cards["张三丰"].member_no
    assert {m.name for m in members.search_members(desk, "张三丰").members} == set()
    assert {m.name for m in members.search_members(desk, "zjb").members} == {"张君宝"}
    assert members.search_members(desk, "13811112222").exact.name == "张君宝"
    with pytest.raises(NotFound):
        members.find_member(desk, "13800138000")
    history = members.profile_history(desk, card.member_no)
    assert {(h.field, h.old, h.new) for h in history} == {
        ("name", "张三丰", "张君宝"),
        ("gender", None, "M"),
        ("birthday", None, "1990-05-17"),
        ("phone", "138****8000", "138****2222"),  # history is shown at the desk: masked
    }
    assert len({h.op_id for h in history}) == 1
    last = outbox(desk)[-1]
    assert last.op_type == "member.updated"
    assert last.payload["changes"]["phone"] == "13811112222"


def test_an_edit_that_changes_nothing_writes_nothing(populated):
    desk, _ = populated
    before = len(outbox(desk))
    members.edit_member(desk, "13800138000", members.ProfileEdit(name=" 张三丰 "))
    assert len(outbox(desk)) == before
    assert members.profile_history(desk, "13800138000") == []


def test_bad_edits_are_refused_and_change_nothing(populated):
    desk, _ = populated
    with pytest.raises(Conflict):
        members.edit_member(desk, "13800138000", members.ProfileEdit(phone="13900138000"))
    with pytest.raises(InvalidInput) as caught:
        members.edit_member(desk, "13800138000", members.ProfileEdit(name="", birthday="2099-01-01"))
    assert set(caught.value.fields) == {"name", "birthday"}
    with pytest.raises(InvalidInput):
        members.edit_member(
            desk, "13800138000", members.ProfileEdit(id_number="11010519491231002X", birthday="1990-01-01")
        )
    card = members.find_member(desk, "13800138000")
    assert (card.name, card.birthday, card.id_number) == ("张三丰", None, None)
    assert members.profile_history(desk, "13800138000") == []


def test_clearing_optional_fields(populated):
    desk, _ = populated
    members.edit_member(desk, "13800138000", members.ProfileEdit(gender="F", birthday="1990-01-01"))
    card = members.edit_member(desk, "13800138000", members.ProfileEdit(gender="", birthday=""))
    assert (card.gender, card.birthday) == (None, None)


def test_member_numbers_skip_numbers_taken_after_a_renumbered_counter(desk):
    first = members.register_member(desk, form())
    with desk.store.write() as connection:
        connection.exec_driver_sql("UPDATE counter SET last_member_seq = 0")
    second = members.register_member(desk, form(phone="13900139000", name="李四"))
    assert second.member_no != first.member_no


@pytest.mark.parametrize(
    "typed", ["张", "张三", "张三丰", "zs", "anna", "8000", "13800138000", "M000100000017", "张 8000", "zs 8000"]
)
def test_no_search_scans_the_members_table(populated, typed):
    """Every statement a search runs is planned on an index (FTS5 or B-tree), never a full scan."""
    from sqlalchemy import event

    desk, _ = populated
    statements = []

    def capture(connection, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(desk.store.engine, "before_cursor_execute", capture)
    try:
        members.search_members(desk, typed)
    finally:
        event.remove(desk.store.engine, "before_cursor_execute", capture)
    assert statements
    with desk.store.read() as connection:
        for statement, parameters in statements:
            plan = " | ".join(
                row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            )
            assert "SCAN m" not in plan.replace("SCAN member_search", "").replace("SCAN s VIRTUAL", ""), plan
            assert "SCAN members" not in plan, plan
