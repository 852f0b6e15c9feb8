"""Seal phone and ID numbers (AES-256-GCM) behind keyed blind indexes; seal outbox payloads.

Revision ID: 0003
Revises: 0002

Existing plaintext rows are sealed here, in the migration's one transaction; the store runs with
secure_delete on, so the pages that held them are zeroed when the old table is dropped.
"""

import json

import sqlalchemy as sa
from alembic import op

from counter_app.db.sealing import seal_payload, sealed_member_fields

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    keys = op.get_context().config.attributes["keys"]
    connection = op.get_bind()
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("phone_sealed", sa.LargeBinary))
        batch.add_column(sa.Column("phone_index", sa.String(32)))
        batch.add_column(sa.Column("phone_tail_index", sa.String(32)))
        batch.add_column(sa.Column("id_number_sealed", sa.LargeBinary))
    rows = connection.execute(sa.text("SELECT id, member_uid, phone, id_number FROM members")).all()
    if rows:
        connection.execute(
            sa.text(
                "UPDATE members SET phone_sealed = :phone_sealed, phone_index = :phone_index, "
                "phone_tail_index = :phone_tail_index, id_number_sealed = :id_number_sealed WHERE id = :id"
            ),
            [{"id": row.id, **sealed_member_fields(keys, row.member_uid, row.phone, row.id_number)} for row in rows],
        )
    with op.batch_alter_table("members", recreate="always") as batch:
        batch.drop_index("ix_members_phone_tail")
        batch.drop_column("phone")
        batch.drop_column("phone_tail")
        batch.drop_column("id_number")
        batch.create_index("ux_members_phone_index", ["phone_index"], unique=True)
        batch.create_index("ix_members_phone_tail_index", ["phone_tail_index"])

    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("payload_sealed", sa.LargeBinary))
    ops = connection.execute(sa.text("SELECT seq, op_id, payload FROM outbox")).all()
    if ops:
        connection.execute(
            sa.text("UPDATE outbox SET payload_sealed = :sealed WHERE seq = :seq"),
            [{"seq": row.seq, "sealed": seal_payload(keys, json.loads(row.payload), row.op_id)} for row in ops],
        )
    with op.batch_alter_table("outbox", recreate="always") as batch:
        batch.drop_column("payload")
        batch.alter_column("payload_sealed", nullable=False)


def downgrade() -> None:
    raise RuntimeError("sealed personal data is never unsealed back into plaintext columns")
