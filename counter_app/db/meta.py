"""Facts about the store itself, kept as key/value rows."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert

from counter_app.db.models import StoreMeta

meta = StoreMeta.__table__


def get_meta(connection: Connection, key: str) -> str | None:
    return connection.execute(select(meta.c.value).where(meta.c.key == key)).scalar()


def set_meta(connection: Connection, key: str, value: str) -> None:
    statement = insert(meta).values(key=key, value=value)
    connection.execute(statement.on_conflict_do_update(index_elements=[meta.c.key], set_={"value": value}))
