"""Queries on members, their profile history and their search index; every call runs on a caller's connection."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Row, Table, delete, func, insert, select, text, update

from counter_app.db.models import (
    Complaint,
    Counter,
    Coupon,
    LedgerEntry,
    Member,
    MemberChange,
    PointsLot,
    TierChange,
    table_of,
)
from counter_app.domain.search import name_grams, name_key, pinyin_initials

members = table_of(Member)
changes = table_of(MemberChange)
counter = table_of(Counter)

# Columns a search result or card needs; Core selects keep the lookup path at tens of microseconds.
_CARD_COLUMNS = [
    members.c.id,
    members.c.member_uid,
    members.c.member_no,
    members.c.phone_sealed,
    members.c.phone_index,
    members.c.name,
    members.c.gender,
    members.c.birthday,
    members.c.id_number_sealed,
    members.c.registry_index,
    members.c.phone_masked,
    members.c.id_number_masked,
    members.c.referrer_id,
    members.c.tier,
    members.c.points,
    members.c.spend_12m_cents,
    members.c.consent_version,
    members.c.registered_at,
    members.c.updated_at,
    members.c.erased_at,
]
_SUMMARY_SQL = "m.id, m.member_uid, m.member_no, m.phone_sealed, m.phone_masked, m.name, m.tier, m.points"


def get_counter(connection: Connection) -> Row[Any] | None:
    return connection.execute(select(counter).where(counter.c.id == 1)).first()


def create_counter(connection: Connection, counter_uid: str, now: dt.datetime) -> None:
    connection.execute(insert(counter).values(id=1, counter_uid=counter_uid, created_at=now))


def allocate_member_seqs(connection: Connection, count: int = 1) -> int:
    """Reserve `count` member sequence numbers; returns the first."""
    last: int = connection.execute(
        text("UPDATE counter SET last_member_seq = last_member_seq + :n WHERE id = 1 RETURNING last_member_seq"),
        {"n": count},
    ).scalar_one()
    return last - count + 1


def member_by(connection: Connection, **where: Any) -> Row[Any] | None:
    ((column, value),) = where.items()
    return connection.execute(select(*_CARD_COLUMNS).where(members.c[column] == value)).first()


def member_no_exists(connection: Connection, member_no: str) -> bool:
    return connection.execute(select(members.c.id).where(members.c.member_no == member_no)).first() is not None


def insert_member(connection: Connection, values: dict[str, Any]) -> int:
    key = connection.execute(insert(members).values(**values)).inserted_primary_key
    if key is None:
        raise RuntimeError("the member was stored without an id")
    member_id: int = key[0]
    index_member_name(connection, member_id, values["name"])
    return member_id


def update_member(connection: Connection, member_id: int, values: dict[str, Any]) -> None:
    connection.execute(update(members).where(members.c.id == member_id).values(**values))
    if "name" in values:
        connection.execute(text("DELETE FROM member_search WHERE rowid = :id"), {"id": member_id})
        index_member_name(connection, member_id, values["name"])


@functools.lru_cache(maxsize=65536)
def search_terms(name: str) -> tuple[str, str, str]:
    """Names repeat a great deal (张伟 thousands of times in a chain): a first sync computes each once."""
    return " ".join(name_grams(name)), " ".join(pinyin_initials(name)), name_key(name)


def prepare_name_index(name: str) -> None:
    """Work out a name's index terms before a write transaction begins: the first name loads pypinyin's
    dictionaries (about a second), which must not be done while the store's one write lock is held."""
    search_terms(name)


def index_member_name(connection: Connection, member_id: int, name: str) -> None:
    grams, initials, key = search_terms(name)
    connection.execute(
        text("INSERT INTO member_search(rowid, grams, initials, name_key) VALUES (:id, :grams, :initials, :key)"),
        {"id": member_id, "grams": grams, "initials": initials, "key": key},
    )


def erase_personal_data(connection: Connection, member_id: int, values: dict[str, Any]) -> None:
    """Blank a member's personal data (`values`: the blanked columns), their search entry and the old and new
    values in their profile history; the member number and the ledger stay."""
    connection.execute(update(members).where(members.c.id == member_id).values(**values))
    connection.execute(text("DELETE FROM member_search WHERE rowid = :id"), {"id": member_id})
    connection.execute(
        text("UPDATE member_changes SET old_value = NULL, new_value = NULL WHERE member_id = :id"), {"id": member_id}
    )


def tidy_search_index(connection: Connection) -> None:
    """Merge the index's small segments a bounded amount at a time (automerge is off: see migration 0002)."""
    connection.exec_driver_sql("INSERT INTO member_search(member_search, rank) VALUES ('merge', 64)")


def optimize_search_index(connection: Connection) -> None:
    """Merge everything into one segment: after a bulk load, where the wait is expected."""
    connection.exec_driver_sql("INSERT INTO member_search(member_search) VALUES ('optimize')")


def bulk_insert_members(
    connection: Connection,
    rows: Sequence[tuple[Any, ...]],
    index_rows: Iterable[tuple[Any, ...]],
    pulled: bool = False,
) -> None:
    """Demo data, or a first sync's members (PULLED: three more columns, the registry's index and the masked
    forms): a plain executemany, hundreds of thousands of rows a second."""
    columns = (
        "id, member_uid, member_no, phone_sealed, phone_index, phone_tail_index, name, gender, birthday, tier, points, "
        "spend_12m_cents, consent_version, consented_at, registered_at, updated_at, counter_uid"
    )
    if pulled:
        columns += ", registry_index, phone_masked, id_number_masked"
    count = columns.count(",") + 1
    connection.exec_driver_sql(f"INSERT INTO members ({columns}) VALUES ({', '.join('?' * count)})", rows)
    connection.exec_driver_sql(
        "INSERT INTO member_search(rowid, grams, initials, name_key) VALUES (?, ?, ?, ?)", list(index_rows)
    )


def existing_phone_indexes(connection: Connection) -> set[str]:
    return set(connection.execute(select(members.c.phone_index).where(members.c.phone_index.is_not(None))).scalars())


def next_member_id(connection: Connection) -> int:
    last: int = connection.execute(text("SELECT coalesce(max(id), 0) FROM members")).scalar_one()
    return last + 1


def has_members(connection: Connection) -> bool:
    return connection.execute(text("SELECT 1 FROM members LIMIT 1")).first() is not None


def record_changes(
    connection: Connection, member_id: int, op_id: str, changed: dict[str, tuple[Any, Any]], when: dt.datetime
) -> None:
    connection.execute(
        insert(changes),
        [
            {
                "member_id": member_id,
                "op_id": op_id,
                "field": field,
                "old_value": _text(old),
                "new_value": _text(new),
                "changed_at": when,
            }
            for field, (old, new) in changed.items()
        ],
    )


def change_history(connection: Connection, member_id: int) -> list[Row[Any]]:
    return list(
        connection.execute(
            select(changes.c.field, changes.c.old_value, changes.c.new_value, changes.c.changed_at, changes.c.op_id)
            .where(changes.c.member_id == member_id)
            .order_by(changes.c.id.desc())
        )
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def recent_members(connection: Connection, limit: int) -> list[Row[Any]]:
    return list(
        connection.execute(
            text(f"SELECT {_SUMMARY_SQL} FROM members m ORDER BY m.id DESC LIMIT :limit"), {"limit": limit}
        )
    )


def search_phone_tail(connection: Connection, tail_index: str, limit: int) -> list[Row[Any]]:
    return list(
        connection.execute(
            text(f"SELECT {_SUMMARY_SQL} FROM members m WHERE m.phone_tail_index = :tail LIMIT :limit"),
            {"tail": tail_index, "limit": limit},
        )
    )


def search_name(connection: Connection, key: str, limit: int) -> list[Row[Any]]:
    """Names containing `key`: one index term for one or two characters, pairs ANDed (then checked) for more."""
    if len(key) <= 2:
        match = f"grams : {_fts_phrase(key)}"
    else:
        pairs = dict.fromkeys(key[i : i + 2] for i in range(len(key) - 1))
        match = "grams : (" + " AND ".join(map(_fts_phrase, pairs)) + ")"
    return list(
        connection.execute(
            text(
                f"SELECT {_SUMMARY_SQL} FROM member_search s JOIN members m ON m.id = s.rowid "
                "WHERE member_search MATCH :match AND instr(s.name_key, :key) > 0 LIMIT :limit"
            ),
            {"match": match, "key": key, "limit": limit},
        )
    )


def search_with_tail(
    connection: Connection, tail_index: str, limit: int, key: str | None = None, letters: str | None = None
) -> list[Row[Any]]:
    """A name fragment or initials among the members whose phone ends in the tail: driven by the tail index
    (a few hundred members at most), so a common surname costs no more than a rare one."""
    condition = "instr(s.name_key, :key) > 0" if key is not None else "(' ' || s.initials) LIKE :pattern"
    if key is not None and letters is not None:
        condition = f"({condition} OR (' ' || s.initials) LIKE :pattern)"
    return list(
        connection.execute(
            text(
                f"SELECT {_SUMMARY_SQL} FROM members m JOIN member_search s ON s.rowid = m.id WHERE m.phone_tail_index = :tail AND {condition} LIMIT :limit"
            ),
            {"tail": tail_index, "key": key, "pattern": f"% {letters}%" if letters else None, "limit": limit},
        )
    )


def search_initials(connection: Connection, letters: str, limit: int) -> list[Row[Any]]:
    return list(
        connection.execute(
            text(
                f"SELECT {_SUMMARY_SQL} FROM member_search s JOIN members m ON m.id = s.rowid WHERE member_search MATCH :match LIMIT :limit"
            ),
            {"match": f"initials : {_fts_phrase(letters)} *", "limit": limit},
        )
    )


# What sync does to the members of this counter: the chain's members arrive, provisional ones are merged.

_member_table = cast(Table, Member.__table__)
_changes_table = cast(Table, MemberChange.__table__)
_ledger_table = cast(Table, LedgerEntry.__table__)
# Every table whose rows belong to a member by member_id: a merge moves them all to the surviving member.
_BELONGING_TO_A_MEMBER: tuple[Table, ...] = (
    _ledger_table,
    _changes_table,
    *(cast(Table, model.__table__) for model in (PointsLot, Coupon, TierChange, Complaint)),
)


def member_id_of_uid(connection: Connection, member_uid: str) -> int | None:
    member_id: int | None = connection.execute(select(members.c.id).where(members.c.member_uid == member_uid)).scalar()
    return member_id


def member_of_uid(connection: Connection, member_uid: str) -> Row[Any, Any] | None:
    """id and name of the member with this id in the chain."""
    return connection.execute(select(members.c.id, members.c.name).where(members.c.member_uid == member_uid)).first()


def member_of_phone_index(connection: Connection, phone_index: str) -> Row[Any, Any] | None:
    """id and name of the member with this phone (by its blind index)."""
    return connection.execute(select(members.c.id, members.c.name).where(members.c.phone_index == phone_index)).first()


def member_of_registry_index(connection: Connection, registry_index: str) -> Row[Any, Any, Any] | None:
    """id, name and sealed phone of the member the registry knows under this blind index of a phone."""
    return connection.execute(
        select(members.c.id, members.c.name, members.c.phone_sealed).where(members.c.registry_index == registry_index)
    ).first()


def phones_without_registry_index(connection: Connection) -> list[Row[Any]]:
    """Members registered here (their phone sealed here) not yet under the registry's index."""
    return list(
        connection.execute(
            select(members.c.id, members.c.member_uid, members.c.phone_sealed).where(
                members.c.phone_sealed.is_not(None), members.c.registry_index.is_(None)
            )
        )
    )


def set_registry_indexes(connection: Connection, indexes: dict[int, str]) -> None:
    if indexes:
        connection.execute(
            text("UPDATE members SET registry_index = :index WHERE id = :id"),
            [{"id": member_id, "index": index} for member_id, index in indexes.items()],
        )


def clear_registry_index(connection: Connection, member_id: int) -> None:
    connection.execute(update(members).where(members.c.id == member_id).values(registry_index=None))


def present_registry_indexes(connection: Connection, indexes: Sequence[str]) -> set[str]:
    """Which of these phones (the registry's blind indexes) the members table has already."""
    return _present(connection, members.c.registry_index, indexes)


def present_member_uids(connection: Connection, member_uids: Sequence[str]) -> set[str]:
    """Which of these chain ids the members table has already."""
    return _present(connection, members.c.member_uid, member_uids)


def present_phone_indexes(connection: Connection, phone_indexes: Sequence[str]) -> set[str]:
    """Which of these phones (blind indexes) the members table has already."""
    return _present(connection, members.c.phone_index, phone_indexes)


def _present(connection: Connection, column: Any, values: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), 500):  # SQLite's limit on bound parameters is far above this
        chunk = values[start : start + 500]
        found.update(connection.execute(select(column).where(column.in_(chunk))).scalars())
    return found


def add_to_points(connection: Connection, member_id: int, delta: int) -> None:
    """The cached balance follows a ledger entry booked here."""
    connection.execute(
        update(_member_table).where(_member_table.c.id == member_id).values(points=_member_table.c.points + delta)
    )


def sealed_identity(connection: Connection, member_id: int) -> Row[Any, Any, Any]:
    """member_uid, phone_sealed and id_number_sealed: what is sealed under the member's id."""
    return connection.execute(
        select(members.c.member_uid, members.c.phone_sealed, members.c.id_number_sealed).where(
            members.c.id == member_id
        )
    ).one()


def give_member_uid(
    connection: Connection, member_id: int, member_uid: str, phone_sealed: bytes | None, id_number_sealed: bytes | None
) -> None:
    """A provisional member takes the chain's id, with phone and ID number sealed again under it."""
    connection.execute(
        update(_member_table)
        .where(_member_table.c.id == member_id)
        .values(member_uid=member_uid, phone_sealed=phone_sealed, id_number_sealed=id_number_sealed)
    )


def set_member_no(connection: Connection, member_id: int, member_no: str) -> None:
    connection.execute(update(_member_table).where(_member_table.c.id == member_id).values(member_no=member_no))


def drop_from_search(connection: Connection, member_id: int) -> None:
    """An erased member is found by no name."""
    connection.execute(text("DELETE FROM member_search WHERE rowid = :id"), {"id": member_id})


def blank_change_history(connection: Connection, member_id: int) -> None:
    """An erased member's profile history keeps what changed and when, not the values."""
    connection.execute(
        update(_changes_table).where(_changes_table.c.member_id == member_id).values(old_value=None, new_value=None)
    )


def merge_member(connection: Connection, provisional_id: int, member_id: int) -> None:
    """Everything of the provisional member (registered here offline) moves to the chain's member, whose
    balance is then the sum of all their entries; the provisional member is gone."""
    for table in _BELONGING_TO_A_MEMBER:
        connection.execute(update(table).where(table.c.member_id == provisional_id).values(member_id=member_id))
    connection.execute(
        update(_member_table).where(_member_table.c.referrer_id == provisional_id).values(referrer_id=member_id)
    )
    drop_from_search(connection, provisional_id)
    connection.execute(delete(_member_table).where(_member_table.c.id == provisional_id))
    balance = (
        select(func.coalesce(func.sum(_ledger_table.c.points), 0))
        .where(_ledger_table.c.member_id == member_id)
        .scalar_subquery()
    )
    connection.execute(update(_member_table).where(_member_table.c.id == member_id).values(points=balance))
