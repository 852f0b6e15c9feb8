"""Members' phone and ID number sealed under the server's key, the phone found by its blind index; the feed's
history rewritten to carry neither (nor any counter's counter_uid); the table of "show full number" requests.

Revision ID: s0012
Revises: s0011
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import context, op

from counter_app.domain.members import mask_id_number, mask_phone
from sync.server import personal

revision = "s0012"
down_revision = "s0011"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    connection = op.get_bind()
    find_keys = context.config.attributes.get("server_keys")
    if find_keys is None:
        raise RuntimeError(
            "s0012 seals personal data with the server's key: run it through counter-server, not alembic"
        )
    keys: personal.ServerKeys = find_keys(connection)
    with op.batch_alter_table("members") as table:
        table.add_column(sa.Column("phone_sealed", sa.LargeBinary))
        table.add_column(sa.Column("phone_index", sa.String(64)))
        table.add_column(sa.Column("id_number_sealed", sa.LargeBinary))
    members = sa.table(
        "members",
        sa.column("member_uid"),
        sa.column("phone"),
        sa.column("id_number"),
        sa.column("phone_sealed"),
        sa.column("phone_index"),
        sa.column("id_number_sealed"),
    )
    clear = connection.execute(
        sa.select(members.c.member_uid, members.c.phone, members.c.id_number).where(
            sa.or_(members.c.phone.is_not(None), members.c.id_number.is_not(None))
        )
    ).all()
    seal = (
        sa.update(members)
        .where(members.c.member_uid == sa.bindparam("uid"))
        .values(
            phone_sealed=sa.bindparam("phone_sealed"),
            phone_index=sa.bindparam("phone_index"),
            id_number_sealed=sa.bindparam("id_number_sealed"),
        )
    )
    for start in range(0, len(clear), BATCH):
        connection.execute(
            seal,
            [
                {"uid": row.member_uid, **personal.sealed_columns(keys, row.member_uid, row.phone, row.id_number)}
                for row in clear[start : start + BATCH]
            ],
        )
    with op.batch_alter_table("members") as table:
        table.drop_column("phone")  # and its unique constraint: the blind index's unique index keeps one per phone
        table.drop_column("id_number")
        table.create_index("ux_members_phone_index", ["phone_index"], unique=True)
    _rewrite_feed(connection, keys)
    op.create_table(
        "reveals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("counter_no", sa.Integer, nullable=False),
        sa.Column("store", sa.String(40), nullable=False),
        sa.Column("staff_id", sa.String(20), nullable=False),
        sa.Column("member_uid", sa.String(36), nullable=False),
        sa.Column("fields", sa.String(40), nullable=False),
    )
    op.create_index("ix_reveals_member_uid", "reveals", ["member_uid"])
    context.config.attributes["personal_data_sealed"] = True  # the store vacuums SQLite after the upgrade


def _rewrite_feed(connection: sa.Connection, keys: personal.ServerKeys) -> None:
    """A counter that pulls from the start again must meet no clear phone, ID number or counter_uid."""
    change_log = sa.table("change_log", sa.column("seq"), sa.column("kind"), sa.column("data"))
    rewrite = sa.update(change_log).where(change_log.c.seq == sa.bindparam("at_seq")).values(data=sa.bindparam("text"))
    last = 0
    while True:
        rows = connection.execute(
            sa.select(change_log.c.seq, change_log.c.kind, change_log.c.data)
            .where(change_log.c.seq > last)
            .order_by(change_log.c.seq)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        changed = []
        for row in rows:
            data = json.loads(row.data)
            if row.kind == "member":
                data = _member_for_feed(keys, data)
            data = personal.without_counter_uids(keys, data)
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            if text != row.data:
                changed.append({"at_seq": row.seq, "text": text})
        if changed:
            connection.execute(rewrite, changed)
        last = rows[-1].seq


def _member_for_feed(keys: personal.ServerKeys, data: dict[str, Any]) -> dict[str, Any]:
    phone, id_number = data.pop("phone", None), data.pop("id_number", None)
    # In the members' own order of keys, so a counter's view of the change reads as a new one would.
    return {
        **data,
        "phone_index": personal.phone_index(keys.index, phone) if phone else None,
        "phone_masked": mask_phone(phone) if phone else None,
        "id_number_masked": mask_id_number(id_number),
    }


def downgrade() -> None:
    raise RuntimeError("s0012 cannot be undone: the clear phone numbers are gone; restore a backup instead")
