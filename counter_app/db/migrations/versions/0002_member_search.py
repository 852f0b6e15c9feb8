"""The member search index (FTS5: name characters and pairs, pinyin initials), filled for existing members.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from counter_app.domain.search import name_grams, name_key, pinyin_initials

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # unicode61 splits only on the spaces we put between terms; 'prefix' makes initials-as-you-type cheap.
    op.execute(
        "CREATE VIRTUAL TABLE member_search USING fts5("
        "grams, initials, name_key UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2')"
    )
    # FTS5's automatic merging would, now and then, make a clerk's registration wait 15-30 ms on a
    # large index; the store merges in the background instead (Store.housekeeping).
    op.execute("INSERT INTO member_search(member_search, rank) VALUES ('automerge', 0)")
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, name FROM members ORDER BY id")).all()
    if not rows:
        return
    connection.execute(
        sa.text("INSERT INTO member_search(rowid, grams, initials, name_key) VALUES (:id, :grams, :initials, :key)"),
        [
            {
                "id": row.id,
                "grams": " ".join(name_grams(row.name)),
                "initials": " ".join(pinyin_initials(row.name)),
                "key": name_key(row.name),
            }
            for row in rows
        ],
    )


def downgrade() -> None:
    op.execute("DROP TABLE member_search")
