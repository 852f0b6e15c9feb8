"""What applied_ops keeps of each op's body becomes keyed: the SHA-256 of a body holding a phone or ID number
could be guessed back from a copy of the database; HMAC under a server subkey of that SHA-256 cannot.

Revision ID: s0014
Revises: s0013
"""

import sqlalchemy as sa
from alembic import context, op

from sync.server import personal

revision = "s0014"
down_revision = "s0013"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    connection = op.get_bind()
    find_keys = context.config.attributes.get("server_keys")
    if find_keys is None:
        raise RuntimeError("s0014 keys the op hashes with the server's key: run it through counter-server, not alembic")
    keys: personal.ServerKeys = find_keys(connection)
    applied = sa.table("applied_ops", sa.column("op_id"), sa.column("body_hash"))
    rows = connection.execute(sa.select(applied.c.op_id, applied.c.body_hash).order_by(applied.c.op_id)).all()
    change = sa.update(applied).where(applied.c.op_id == sa.bindparam("id")).values(body_hash=sa.bindparam("mac"))
    for start in range(0, len(rows), BATCH):
        connection.execute(
            change,
            [{"id": row.op_id, "mac": personal.body_mac(keys, row.body_hash)} for row in rows[start : start + BATCH]],
        )
    # The plain hashes linger in free pages until the file is rewritten (PostgreSQL: VACUUM FULL applied_ops).
    context.config.attributes["personal_data_sealed"] = True


def downgrade() -> None:
    raise RuntimeError("s0014 cannot be undone: the plain hashes are gone; restore a backup instead")
