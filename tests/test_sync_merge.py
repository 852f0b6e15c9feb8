"""The member merge a pulled alias makes at a counter: every row of the provisional member follows the chain's member."""

from __future__ import annotations

from conftest import form

from counter_app.db import members as rows
from counter_app.services import members, points

BELONGING = ("ledger", "points_lots", "coupons", "member_changes", "tier_changes", "complaints")


def _count(connection, table: str, member_id: int) -> int:
    return connection.exec_driver_sql(f"SELECT COUNT(*) FROM {table} WHERE member_id = ?", (member_id,)).scalar()


def test_a_merge_moves_everything_of_the_provisional_member_and_sums_the_balance(desk):
    kept = members.register_member(desk, form(phone="13900139000", name="李娜"))
    provisional = members.register_member(desk, form(phone="13900139001", name="李娜"))
    referred = members.register_member(desk, form(phone="13900139002", name="王芳", referrer=provisional.member_no))
    points.earn_from_slip(desk, kept.member_no, "200.00", "E-1")
    points.earn_from_slip(desk, provisional.member_no, "300.00", "W-1")
    members.edit_member(desk, provisional.member_no, members.ProfileEdit(gender="F"))
    with desk.store.write() as connection:
        kept_id = rows.member_by(connection, member_no=kept.member_no).id
        provisional_id = rows.member_by(connection, member_no=provisional.member_no).id
        before = {
            table: _count(connection, table, provisional_id) + _count(connection, table, kept_id) for table in BELONGING
        }
        assert before["ledger"] >= 2 and before["points_lots"] >= 2 and before["member_changes"] >= 1
        balance = sum(rows.member_by(connection, id=member_id).points for member_id in (kept_id, provisional_id))
        assert balance >= 500
        rows.merge_member(connection, provisional_id, kept_id)
    with desk.store.read() as connection:
        assert rows.member_by(connection, id=provisional_id) is None
        assert rows.member_by(connection, id=kept_id).points == balance
        assert rows.member_by(connection, member_no=referred.member_no).referrer_id == kept_id
        for table in BELONGING:
            assert _count(connection, table, provisional_id) == 0, table
            assert _count(connection, table, kept_id) == before[table], table
        lots = connection.exec_driver_sql(
            "SELECT COALESCE(SUM(points_left), 0) FROM points_lots WHERE member_id = ?", (kept_id,)
        ).scalar()
        assert lots == balance
        indexed = connection.exec_driver_sql(
            "SELECT COUNT(*) FROM member_search WHERE rowid = ?", (provisional_id,)
        ).scalar()
        assert indexed == 0
    assert [found.member_no for found in members.search_members(desk, "李娜").members] == [kept.member_no]
