"""A walk-in complaint's contact phone sealed under the server's key, only its masked form kept in the event's data;
the feed's history rewritten to carry the masked form, never the number.

Revision ID: s0013
Revises: s0012
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import context, op

from counter_app.domain.members import mask_phone
from sync.server import personal

revision = "s0013"
down_revision = "s0012"
branch_labels = None
depends_on = None

BATCH = 1000
_PG_TRIGGER = (
    "CREATE TRIGGER complaint_events_append_only BEFORE UPDATE OR DELETE ON complaint_events "
    "FOR EACH ROW EXECUTE FUNCTION complaint_events_append_only()"
)
_SQLITE_TRIGGERS = (
    "CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END",
    "CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END",
)


def upgrade() -> None:
    connection = op.get_bind()
    find_keys = context.config.attributes.get("server_keys")
    if find_keys is None:
        raise RuntimeError(
            "s0013 seals complaint contacts with the server's key: run it through counter-server, not alembic"
        )
    keys: personal.ServerKeys = find_keys(connection)
    op.add_column("complaint_events", sa.Column("contact_sealed", sa.LargeBinary))
    events = sa.table(
        "complaint_events",
        sa.column("event_id"),
        sa.column("complaint_uid"),
        sa.column("data"),
        sa.column("contact_sealed"),
    )
    clear = [
        row
        for row in connection.execute(
            sa.select(events.c.event_id, events.c.complaint_uid, events.c.data).where(
                events.c.data.like('%"contact":%')  # the opening's data, sorted keys; the JSON decides below
            )
        ).all()
        if "contact" in json.loads(row.data)
    ]
    if clear:
        # The events are append-only; this one rewrite, in the upgrade's transaction, is the exception.
        postgresql = connection.dialect.name == "postgresql"
        if postgresql:
            op.execute("DROP TRIGGER complaint_events_append_only ON complaint_events")
        else:
            op.execute("DROP TRIGGER complaint_events_no_update")
        seal = (
            sa.update(events)
            .where(events.c.event_id == sa.bindparam("at_event"))
            .values(data=sa.bindparam("text"), contact_sealed=sa.bindparam("sealed"))
        )
        for start in range(0, len(clear), BATCH):
            sealed = []
            for row in clear[start : start + BATCH]:
                data = json.loads(row.data)
                blob = personal.sealed_contact(keys, row.complaint_uid, data)
                sealed.append(
                    {
                        "at_event": row.event_id,
                        "text": json.dumps(data, ensure_ascii=False, sort_keys=True),
                        "sealed": blob,
                    }
                )
            connection.execute(seal, sealed)
        if postgresql:
            op.execute(_PG_TRIGGER)
        else:
            op.execute(_SQLITE_TRIGGERS[0])
    _rewrite_feed(connection)
    context.config.attributes["personal_data_sealed"] = True  # the store vacuums SQLite after the upgrade


def _rewrite_feed(connection: sa.Connection) -> None:
    """A counter that pulls from the start again must meet no walk-in's contact in clear."""
    change_log = sa.table("change_log", sa.column("seq"), sa.column("kind"), sa.column("data"))
    rewrite = sa.update(change_log).where(change_log.c.seq == sa.bindparam("at_seq")).values(data=sa.bindparam("text"))
    last = 0
    while True:
        rows = connection.execute(
            sa.select(change_log.c.seq, change_log.c.data)
            .where(change_log.c.seq > last, change_log.c.kind == "complaint")
            .order_by(change_log.c.seq)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        changed = []
        for row in rows:
            change = json.loads(row.data)
            facts = change.get("data")
            if isinstance(facts, dict) and "contact" in facts:
                change["data"] = _masked(facts)
                changed.append(
                    {"at_seq": row.seq, "text": json.dumps(change, ensure_ascii=False, separators=(",", ":"))}
                )
        if changed:
            connection.execute(rewrite, changed)
        last = rows[-1].seq


def _masked(facts: dict[str, Any]) -> dict[str, Any]:
    contact = facts.pop("contact")
    if contact:
        facts["contact_masked"] = mask_phone(str(contact))
    # Sorted as the server writes an event's data, so a counter's view of the change reads as a new one would.
    return dict(sorted(facts.items()))


def downgrade() -> None:
    raise RuntimeError("s0013 cannot be undone: the clear contacts are gone; restore a backup instead")
