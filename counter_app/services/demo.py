"""Realistic demo members (Chinese names, valid mobile numbers, birthdays, tiers, spend) for trying the desk."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import Connection

from counter_app.db import demo as demo_rows
from counter_app.db import members as rows
from counter_app.db import sealing
from counter_app.db.meta import set_meta
from counter_app.domain.errors import InvalidInput
from counter_app.domain.members import format_member_no
from counter_app.domain.staff import Permission
from counter_app.domain.tiers import tier_for_spend
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit import record
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk
from counter_app.services.sync.enrolment import is_enrolled

DEMO_MAX = 5_000_000
BATCH = 50_000
# Mainland mobile prefixes in wide use; every number made from them is a valid mobile to phonenumbers.
MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "175",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "184",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
]


def make_demo_members(
    desk: Desk, count: int, seed: int | None = None, progress: Callable[[int, int], None] | None = None
) -> int:
    """Add `count` demo members, committed batch by batch; the store is marked as holding demo data."""
    actor = authorize(desk, Permission.DEMO_DATA, "demo.create")
    with desk.store.read() as connection:
        if is_enrolled(connection):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This desk is enrolled with the central server; demo members are only for a desk on its own (use a new data folder).",
                )
            )
    if not 1 <= count <= DEMO_MAX:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "The number of demo members must be between 1 and {limit}."),
            limit=f"{DEMO_MAX:,}",
        )
    from faker.providers.person.zh_CN import Provider as ChineseNames  # name lists only; imported when needed

    rng = random.Random(seed)
    surnames = list(ChineseNames.last_names.keys())
    surname_weights = list(ChineseNames.last_names.values())
    given = {"F": list(ChineseNames.first_names_female), "M": list(ChineseNames.first_names_male)}
    singles = {gender: [name for name in names if len(name) == 1] for gender, names in given.items()}
    now = desk.now()
    today = now.date()
    keys = desk.store.keys
    with desk.store.read() as connection:
        taken = rows.existing_phone_indexes(connection) if rows.has_members(connection) else set()
    phones = _unique_phones(
        rng, count, (lambda phone: sealing.phone_index(keys, phone) in taken) if taken else (lambda phone: False)
    )
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        with desk.store.write() as connection:
            first_id = rows.next_member_id(connection)
            first_seq = rows.allocate_member_seqs(connection, size)
            member_rows = []
            index_rows = []
            ledger_rows: list[demo_rows.LedgerRow] = []
            lot_rows: list[demo_rows.LotRow] = []
            tier_rows: list[demo_rows.TierRow] = []
            for offset in range(size):
                gender = rng.choice("FM")
                given_name = rng.choice(given[gender])
                if len(given_name) == 1 and rng.random() < 0.6:  # most given names have two characters
                    given_name += rng.choice(singles[gender])
                name = rng.choices(surnames, surname_weights)[0] + given_name
                phone = phones[made + offset]
                spend = Decimal(int(rng.lognormvariate(8.5, 1.6) * 100)) / 100
                tier = tier_for_spend(spend)
                registered = now - dt.timedelta(days=rng.randint(0, 5 * 365), seconds=rng.randint(0, 86_399))
                birthday = today - dt.timedelta(days=rng.randint(18 * 365, 75 * 365))
                stamp = registered.isoformat(timespec="microseconds")
                member_id = first_id + offset
                member_uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                points = int(float(spend) * rng.uniform(0.05, 0.6)) * (2 if tier in ("gold", "diamond") else 1)
                if tier != "regular":
                    # Reached within the last year, so the anniversary review leaves it alone for now.
                    reached = (now - dt.timedelta(days=rng.randint(0, 300))).isoformat(timespec="microseconds")
                    tier_rows.append((member_id, "regular", tier, reached, "demo"))
                if points:
                    # The balance is a ledger entry and an open lot, as if earned this year.
                    earned = now - dt.timedelta(days=rng.randint(0, 300))
                    entry_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                    earned_at = earned.isoformat(timespec="microseconds")
                    ledger_rows.append((entry_id, member_id, "adjust", points, earned_at, "demo opening balance"))
                    lot_rows.append(
                        (member_id, entry_id, earned_at, dt.date(earned.year + 1, 12, 31).isoformat(), points, points)
                    )
                sealed = sealing.sealed_member_fields(keys, member_uid, phone, None)
                member_rows.append(
                    (
                        member_id,
                        member_uid,
                        format_member_no(desk.settings.counter_no, first_seq + offset),
                        sealed["phone_sealed"],
                        sealed["phone_index"],
                        sealed["phone_tail_index"],
                        name,
                        gender,
                        birthday.isoformat(),
                        tier,
                        points,
                        int(spend * 100),
                        desk.settings.privacy_notice_version,
                        stamp,
                        stamp,
                        stamp,
                        desk.counter_uid,
                    )
                )
                index_rows.append((member_id, *rows.search_terms(name)))
            rows.bulk_insert_members(connection, member_rows, index_rows)
            demo_rows.insert_opening_balances(connection, ledger_rows, lot_rows)
            if tier_rows:
                demo_rows.insert_tier_changes(connection, tier_rows)
            # Demo members are made up: they are never sent to the central server.
            set_meta(connection, "demo_data", "true")
        made += size
        if progress:
            progress(made, count)
    with desk.store.write() as connection:
        rows.optimize_search_index(connection)
        _demo_catalog(connection)
        record(desk, connection, actor, "demo.create", None, details=f"{made} demo members")
    return made


DEMO_GIFTS: tuple[demo_rows.GiftRow, ...] = (
    ("G-PARK", "停车券 2 小时", 500, 999),
    ("G-UMB", "晴雨伞", 1500, 50),
    ("G-CUP", "保温杯", 3000, 30),
    ("G-MOVIE", "电影票 2 张", 4000, 20),
)
DEMO_COUPONS: tuple[demo_rows.CouponTypeRow, ...] = (
    ("C10", "满100减10", 1000, 10000, 30, 800),
    ("C50", "满500减50", 5000, 50000, 60, 3800),
)


def _demo_catalog(connection: Connection) -> None:
    """A small catalog so a demo desk has something to redeem; left alone if the chain has one."""
    demo_rows.add_catalog(connection, DEMO_GIFTS, DEMO_COUPONS)


def _unique_phones(rng: random.Random, count: int, registered: Callable[[str], bool]) -> list[str]:
    """`count` distinct valid mobile numbers, none of them a registered member's."""
    span = 10**8
    phones: list[str] = []
    seen: set[str] = set()
    while len(phones) < count:
        for number in rng.sample(range(len(MOBILE_PREFIXES) * span), count - len(phones)):
            phone = f"{MOBILE_PREFIXES[number // span]}{number % span:08d}"
            if phone not in seen and not registered(phone):
                seen.add(phone)
                phones.append(phone)
    return phones
