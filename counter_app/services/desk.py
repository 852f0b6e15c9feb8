"""Opening the desk (its store, its identity), its status line, and changing its settings, audited."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from counter_app import config
from counter_app.db import members as member_rows
from counter_app.db import meta as store_meta
from counter_app.db import outbox
from counter_app.db.store import open_store
from counter_app.domain.staff import Permission
from counter_app.services.audit_trail import record
from counter_app.services.auth import authorize
from counter_app.services.desk_state import Desk as Desk
from counter_app.services.desk_state import local_now


@dataclass(frozen=True)
class DeskStatus:
    store_name: str
    counter_name: str
    counter_no: int
    pending_ops: int
    has_members: bool
    demo_data: bool
    data_dir: str


def open_desk(data_dir: Path | None = None, clock: Callable[[], dt.datetime] | None = None) -> Desk:
    """Open the counter's store (creating and upgrading it) and give it an identity on first start."""
    data_dir = data_dir or config.default_data_dir()
    settings = config.load_settings(data_dir)
    rules = config.load_rules(data_dir)
    store = open_store(data_dir)
    clock = clock or local_now
    try:
        with store.read() as connection:
            row = member_rows.get_counter(connection)
        if row is None:
            with store.write() as connection:
                row = member_rows.get_counter(connection)
                if row is None:
                    member_rows.create_counter(connection, str(uuid.uuid4()), clock())
                    row = member_rows.get_counter(connection)
        if row is None:
            raise RuntimeError("the counter's identity was made but cannot be read back")
    except BaseException:
        store.close()
        raise
    return Desk(
        data_dir=data_dir, store=store, settings=settings, counter_uid=row.counter_uid, clock=clock, rules=rules
    )


def desk_status(desk: Desk) -> DeskStatus:
    with desk.store.read() as connection:
        pending = outbox.pending_count(connection)
        has_members = member_rows.has_members(connection)
        demo = store_meta.get_meta(connection, "demo_data") == "true"
    return DeskStatus(
        store_name=desk.settings.store_name,
        counter_name=desk.settings.counter_name,
        counter_no=desk.settings.counter_no,
        pending_ops=pending,
        has_members=has_members,
        demo_data=demo,
        data_dir=str(desk.data_dir),
    )


def change_setting(desk: Desk, key: str, value: object) -> config.Settings:
    return change_settings(desk, {key: value})


def change_settings(desk: Desk, changes: dict[str, object]) -> config.Settings:
    """Several settings at once, all or none: every value is checked before anything is written; then
    settings.json is written once and each changed key gets its audit entry, in one transaction."""
    actor = authorize(desk, Permission.SETTINGS, "settings.change", ", ".join(changes)[:200])
    typed = {key: config.coerce(key, value) for key, value in changes.items()}  # the first bad value stops it all
    changed = desk.settings
    for key, value in typed.items():
        changed = changed.with_value(key, value)
    differing = [key for key in typed if getattr(desk.settings, key) != getattr(changed, key)]
    if not differing:
        return desk.settings
    with desk.store.write() as connection:
        for key in differing:
            record(
                desk,
                connection,
                actor,
                "settings.change",
                key,
                before={key: getattr(desk.settings, key)},
                after={key: getattr(changed, key)},
            )
        # The file is written last inside the audit entries' transaction: a failed write leaves no entry behind.
        config.save_settings(desk.data_dir, changed)
    desk.settings = changed
    return desk.settings
