"""Facts about the store itself, kept as key/value rows."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert

from counter_app.db.models import StoreMeta, table_of

meta = table_of(StoreMeta)


def get_meta(connection: Connection, key: str) -> str | None:
    return connection.execute(select(meta.c.value).where(meta.c.key == key)).scalar()


def set_meta(connection: Connection, key: str, value: str) -> None:
    statement = insert(meta).values(key=key, value=value)
    connection.execute(statement.on_conflict_do_update(index_elements=[meta.c.key], set_={"value": value}))


def delete_meta(connection: Connection, key: str) -> None:
    connection.execute(delete(meta).where(meta.c.key == key))


def key_record_in_file(store_file: Path) -> dict[str, str]:
    """The store's record of its data key (key_account, key_fingerprint), read from the file without opening
    the desk: restoring a lost key must work when the desk cannot open."""
    with contextlib.closing(sqlite3.connect(f"file:{store_file}?mode=ro", uri=True)) as db:
        return dict(
            db.execute("SELECT key, value FROM store_meta WHERE key IN ('key_account', 'key_fingerprint')").fetchall()
        )
