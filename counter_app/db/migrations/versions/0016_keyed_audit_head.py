"""The audit log's head record gets its own HMAC, so moving it back to hide a cut tail needs the desk's key.

Revision ID: 0016
Revises: 0015

A head from before ("seq:digest") is keyed here only when it names the newest entry as it is, which an
untouched log's head always does; one that does not is left unkeyed, and `audit verify` names it.
"""

import sqlalchemy as sa
from alembic import op

from counter_app.domain.audit import head_seal

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    keys = op.get_context().config.attributes["keys"]
    connection = op.get_bind()
    head = connection.execute(sa.text("SELECT value FROM store_meta WHERE key = 'audit_head'")).scalar()
    if head is None or head.count(":") != 1:
        return
    seq, digest = head.split(":")
    newest = connection.execute(sa.text("SELECT seq, digest FROM audit_log ORDER BY seq DESC LIMIT 1")).first()
    if newest is None or str(newest.seq) != seq or newest.digest != digest:
        return
    connection.execute(
        sa.text("UPDATE store_meta SET value = :value WHERE key = 'audit_head'"),
        {"value": f"{seq}:{digest}:{head_seal(keys.anchor, int(seq), digest)}"},
    )


def downgrade() -> None:
    connection = op.get_bind()
    head = connection.execute(sa.text("SELECT value FROM store_meta WHERE key = 'audit_head'")).scalar()
    if head is not None and head.count(":") == 2:
        connection.execute(
            sa.text("UPDATE store_meta SET value = :value WHERE key = 'audit_head'"),
            {"value": head.rsplit(":", 1)[0]},
        )
    connection.execute(sa.text("DELETE FROM store_meta WHERE key = 'audit_acknowledged'"))
