"""My launches: the training jobs and endpoints each user launched from Shared Models.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.String(63).with_variant(sa.String(63, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "launches",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(63), nullable=False),
        sa.Column("entry_id", ID, nullable=False),
        sa.Column("entry_title", sa.Text(), nullable=False),
        sa.Column("arn", sa.String(2048), nullable=False),
        sa.Column("region", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_launches"),
        sa.UniqueConstraint(
            "owner", "kind", "region", "name", name="uq_launches_owner_kind_region_name"
        ),
    )
    op.create_index("ix_launches_owner_created_at_id", "launches", ["owner", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_launches_owner_created_at_id", table_name="launches")
    op.drop_table("launches")
