"""The history of published rules and of members' tiers, which the server checks pushed points against.

Revision ID: s0010
Revises: s0008
"""

import sqlalchemy as sa
from alembic import op

revision = "s0010"
down_revision = "s0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rules_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("effective_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_rules_versions_effective", "rules_versions", ["effective_at"])
    op.create_table(
        "tier_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("old_tier", sa.String(length=10), nullable=False),
        sa.Column("new_tier", sa.String(length=10), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["member_uid"], ["members.member_uid"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_tier_changes_member", "tier_changes", ["member_uid", "at"])
    # Rules published before this history existed: kept as in force since the beginning.
    bind = op.get_bind()
    current = bind.execute(sa.text("SELECT value FROM server_meta WHERE key = 'rules'")).scalar()
    if current is not None:
        import tomllib

        try:
            version = int(tomllib.loads(current).get("version", 1))
        except (tomllib.TOMLDecodeError, TypeError, ValueError):
            version = 1
        bind.execute(
            sa.text("INSERT INTO rules_versions (version, text, effective_at) VALUES (:v, :t, :at)"),
            {"v": version, "t": current, "at": "0001-01-01T00:00:00+00:00"},
        )


def downgrade() -> None:
    op.drop_index("ix_tier_changes_member", table_name="tier_changes")
    op.drop_table("tier_changes")
    op.drop_index("ix_rules_versions_effective", table_name="rules_versions")
    op.drop_table("rules_versions")
