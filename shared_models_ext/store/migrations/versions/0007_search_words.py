"""Each entry's searchable words in one column, for SQLite's walk of a common search.

A common search walks the scope's sort index and checks each entry it meets against
its stored words (``search.text_condition``): on SQLite a ``LIKE '% word%'`` per word
over the title's, keywords' and description's words joined with spaces, joined anew
for every entry and every word. ``entries.search_words`` holds them joined once, when
the entry is written (``mapping.row_values``): counting a common word's first 1,000
matches in 100,000 entries goes from 3.3 to 1.2 ms. Rows written by a server that
predates this revision have none, and are checked as before (the condition falls back
to joining them). PostgreSQL searches its tsvector and leaves the column empty: filled,
it would push an average row past the size at which PostgreSQL compresses its largest
values and moves them out of line, and its own walk of a common search would then
decompress every tsvector it checks.

The full-text index's triggers fire on updates of the ``search_*`` columns they index
(migration 0001), not of this one, so filling it re-indexes nothing.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("entries", sa.Column("search_words", sa.Text(), nullable=True))
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "UPDATE entries SET search_words = "
        "' ' || search_title || ' ' || search_keywords || ' ' || search_description"
    )


def downgrade() -> None:
    op.drop_column("entries", "search_words")
