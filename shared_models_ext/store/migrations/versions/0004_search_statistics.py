"""SQLite: FTS5's own statistics of the search index, for the search planner.

``entries_fts_vocab`` (an ``fts5vocab`` table of type ``row``) reads, for each
indexed word, how many entries hold it, straight from the FTS5 index: no data is
stored, nothing to maintain. ``store/search.py`` asks it how many entries a search
may match before choosing how to run the search. PostgreSQL's planner keeps its own
statistics (ANALYZE): nothing to add there.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE entries_fts_vocab USING fts5vocab(entries_fts, 'row')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS entries_fts_vocab")
