"""Another counter's walk-in complaint: only its masked contact, as the feed now brings it.

Revision ID: 0018
Revises: 0017

The server seals a walk-in's contact phone (s0013) and the feed carries only its masked form. The counter that
took the complaint keeps its own sealed contact; contacts pulled in clear before (and sealed here) were another
counter's customers': this counter keeps only their masked forms, in the pulled opening and in the cache row.
"""

import base64
import json

import sqlalchemy as sa
from alembic import op

from counter_app.db.sealing import unseal
from counter_app.domain.members import mask_phone

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_NO_UPDATE = (
    "CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events BEGIN "
    "SELECT RAISE(ABORT, 'complaint events are append-only'); END"
)


def _context(complaint_uid: str) -> str:
    return f"complaints.contact:{complaint_uid}"  # as counter_app.db.complaints seals it


def upgrade() -> None:
    op.add_column("complaints", sa.Column("contact_masked", sa.String(20)))
    keys = op.get_context().config.attributes["keys"]
    connection = op.get_bind()
    pulled = connection.execute(
        sa.text(
            "SELECT event_id, complaint_uid, payload FROM complaint_events WHERE pulled = 1 AND kind = 'opened' "
            "AND payload LIKE '%\"contact_sealed\"%'"
        )
    ).all()
    openings = []
    for row in pulled:
        data = json.loads(row.payload)
        sealed = data.pop("contact_sealed", None)
        if not sealed:
            continue
        data["contact_masked"] = mask_phone(unseal(keys, base64.b64decode(sealed), _context(row.complaint_uid)))
        openings.append(
            {
                "event_id": row.event_id,
                "uid": row.complaint_uid,
                "payload": json.dumps(data, ensure_ascii=False, sort_keys=True),
                "masked": data["contact_masked"],
            }
        )
    if not openings:
        return
    # Complaint events are append-only; this one rewrite, in the upgrade's transaction, is the exception.
    op.execute("DROP TRIGGER complaint_events_no_update")
    connection.execute(
        sa.text("UPDATE complaint_events SET payload = :payload WHERE event_id = :event_id"),
        openings,
    )
    op.execute(_NO_UPDATE)
    connection.execute(
        sa.text("UPDATE complaints SET contact_masked = :masked, contact_sealed = NULL WHERE complaint_uid = :uid"),
        openings,
    )


def downgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        batch.drop_column("contact_masked")
