"""Members the chain's feed brings without their phone: the registry's blind index of it and its masked forms.

Revision ID: 0017
Revises: 0016

The feed no longer carries phone or ID number. A member this counter did not register is found by a typed
phone through `registry_index` (the chain's index key comes with enrolment); the card shows the masked forms.
A member registered here keeps its sealed phone. Phones pulled in clear before are dropped here: they were
another counter's members' (the next pull, from the start, brings their masked forms).
"""

import sqlalchemy as sa
from alembic import op

from counter_app.db.sealing import id_number_context, phone_context, unseal
from counter_app.domain.members import mask_id_number, mask_phone

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("registry_index", sa.String(64)))
        batch.add_column(sa.Column("phone_masked", sa.String(20)))
        batch.add_column(sa.Column("id_number_masked", sa.String(24)))
        batch.create_index("ix_members_registry_index", ["registry_index"], unique=True)
    # Other counters' members, pulled before with their numbers in clear (sealed here): this counter keeps only
    # their masked forms. The cursor goes back to the start, so the feed (rewritten at the server, s0012)
    # brings each one's registry index.
    keys = op.get_context().config.attributes["keys"]
    connection = op.get_bind()
    mine = connection.execute(sa.text("SELECT counter_uid FROM counter WHERE id = 1")).scalar() or ""
    pulled = connection.execute(
        sa.text("SELECT id, member_uid, phone_sealed, id_number_sealed FROM members WHERE counter_uid <> :mine"),
        {"mine": mine},
    ).all()
    masked = [
        {
            "id": row.id,
            "phone": mask_phone(unseal(keys, row.phone_sealed, phone_context(row.member_uid)))
            if row.phone_sealed
            else None,
            "id_number": mask_id_number(unseal(keys, row.id_number_sealed, id_number_context(row.member_uid)))
            if row.id_number_sealed
            else None,
        }
        for row in pulled
    ]
    if masked:
        connection.execute(
            sa.text(
                "UPDATE members SET phone_masked = :phone, id_number_masked = :id_number, phone_sealed = NULL, "
                "phone_index = NULL, id_number_sealed = NULL WHERE id = :id"
            ),
            masked,
        )
        connection.execute(sa.text("UPDATE store_meta SET value = '0' WHERE key = 'sync.cursor' AND value <> ''"))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_index("ix_members_registry_index")
        batch.drop_column("id_number_masked")
        batch.drop_column("phone_masked")
        batch.drop_column("registry_index")
