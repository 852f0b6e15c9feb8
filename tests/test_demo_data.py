"""Demo members look real and behave like real ones, and never leave the counter."""

from __future__ import annotations

import re
from collections import Counter, namedtuple
from decimal import Decimal

import pytest

from counter_app.db.sealing import phone_context, phone_index, unseal
from counter_app.domain.errors import InvalidInput
from counter_app.domain.members import normalize_phone, parse_member_no
from counter_app.domain.tiers import tier_for_spend
from counter_app.services import members
from counter_app.services.demo import make_demo_members
from counter_app.services.desk import desk_status


def test_demo_members_are_valid_unique_and_findable(desk):
    progress = []
    assert make_demo_members(desk, 3000, seed=11, progress=lambda done, total: progress.append((done, total))) == 3000
    assert progress[-1] == (3000, 3000)
    with desk.store.read() as connection:
        stored = connection.exec_driver_sql(
            "SELECT member_uid, member_no, phone_sealed, name, gender, birthday, tier, spend_12m_cents FROM members"
        ).all()
        indexed = connection.exec_driver_sql("SELECT count(*) FROM member_search").scalar()
    Row = namedtuple("Row", "member_no phone name gender birthday tier spend_12m_cents")
    rows = [
        Row(r.member_no, unseal(desk.store.keys, r.phone_sealed, phone_context(r.member_uid)), *r[3:]) for r in stored
    ]
    assert len(rows) == indexed == 3000
    assert len({r.phone for r in rows}) == 3000 and len({r.member_no for r in rows}) == 3000
    for row in rows[:500]:
        assert normalize_phone(row.phone) == row.phone
        assert parse_member_no(row.member_no) == row.member_no
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,4}", row.name), row.name
        assert row.tier == tier_for_spend(Decimal(row.spend_12m_cents) / 100)
    assert set(Counter(r.gender for r in rows)) == {"F", "M"}
    assert len(set(Counter(r.tier for r in rows))) >= 3
    sample = rows[1234]
    assert members.search_members(desk, sample.phone).exact.member_no == sample.member_no
    assert sample.member_no in {m.member_no for m in members.search_members(desk, sample.name, limit=500).members}
    status = desk_status(desk)
    assert status.demo_data and status.pending_ops == 0  # demo members are never queued for the server


def test_demo_members_never_take_a_real_members_phone(desk):
    from tests.conftest import form

    members.register_member(desk, form())
    make_demo_members(desk, 500, seed=1)
    with desk.store.read() as connection:
        assert (
            connection.exec_driver_sql(
                "SELECT count(*) FROM members WHERE phone_index = ?", (phone_index(desk.store.keys, "13800138000"),)
            ).scalar()
            == 1
        )
    registered = members.register_member(desk, form(phone="13900139000", name="李四"))
    assert registered.member_no not in {m.member_no for m in members.recent_members(desk, 501)[1:]}


@pytest.mark.parametrize("count", [0, -5, 5_000_001])
def test_demo_count_is_bounded(desk, count):
    with pytest.raises(InvalidInput):
        make_demo_members(desk, count)


def test_a_demo_desk_has_a_small_catalog_to_redeem_from(desk):
    from counter_app.services import rewards

    make_demo_members(desk, 10, seed=2)
    assert {g.sku for g in rewards.gift_catalog(desk)} >= {"G-UMB", "G-CUP"}
    with desk.store.read() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM coupon_types").scalar() == 2


def test_the_daily_jobs_leave_a_fresh_demo_desk_as_it_was(desk):
    from counter_app.services import points

    make_demo_members(desk, 400, seed=5)
    with desk.store.read() as connection:
        before = connection.exec_driver_sql("SELECT tier, count(*) FROM members GROUP BY tier ORDER BY tier").all()
        points_before = connection.exec_driver_sql("SELECT sum(points) FROM members").scalar()
    assert points.daily_jobs(desk) == (0, 0)
    with desk.store.read() as connection:
        assert (
            connection.exec_driver_sql("SELECT tier, count(*) FROM members GROUP BY tier ORDER BY tier").all() == before
        )
        assert connection.exec_driver_sql("SELECT sum(points) FROM members").scalar() == points_before
