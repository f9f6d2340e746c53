"""Filter indexes that carry the scope and the other filters.

Each filter's index (kind, data type, task, framework, canvas) held that one column, so
counting a filter's matches in a scope read every matching entry's row to check the
scope and the other filters: 1,400 rows to count 1,000 matches of two filters in 100,000
entries. Each now holds its filter, then the scope columns (``share_organization``,
``owner``), then the other filters (on PostgreSQL carried in the index, ``INCLUDE``,
rather than keys of it), so such a count reads the index alone, and the store's planner
can tell from it at once whether a filter is rare (``SqlCatalogStore._rare_filters``): a
rare one's page is read from this index and its few matches sorted, instead of walking
the scope's sort index past every entry.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FILTERS = ("kind", "data_type", "task", "framework", "canvas_shared")
SCOPE = ("share_organization", "owner")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column in FILTERS:
        op.drop_index(f"ix_entries_{column}", table_name="entries")
        carried = [*SCOPE, *(other for other in FILTERS if other != column)]
        name = f"ix_entries_{column}_filters"
        if sqlite:
            op.create_index(name, "entries", [column, *carried])
        else:
            # Carried, not keys: PostgreSQL would scan the index for a key's later column
            # alone (the scope) and sort, instead of walking the sort index in order.
            op.create_index(name, "entries", [column], postgresql_include=carried)


def downgrade() -> None:
    for column in FILTERS:
        op.drop_index(f"ix_entries_{column}_filters", table_name="entries")
        op.create_index(f"ix_entries_{column}", "entries", [column])
