"""Each entry's API document, rendered when the entry is written.

``entries.document`` holds the entry as ``GET /entries`` sends it (the JSON of the
``Entry`` response model, named users included), rendered by the store whenever it
writes the entry; ``entries.document_schema`` says which rendering it is (a digest of
``Entry``'s JSON schema, ``store/mapping.py``). A page of entries is then its documents
joined, with no model built or serialised per entry (docs/architecture.md).

Rows written before this revision have no document: the store renders them from their
columns the first time it opens the catalog afterwards (``SqlCatalogStore.open``), and a
page renders any row whose document is missing or of another rendering, so nothing here
needs the application's models.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE … ADD COLUMN on both backends (no table rebuild, which on SQLite
    # would drop the full-text index's triggers).
    op.add_column("entries", sa.Column("document", sa.Text(), nullable=True))
    op.add_column("entries", sa.Column("document_schema", sa.String(16), nullable=True))


def downgrade() -> None:
    op.drop_column("entries", "document_schema")
    op.drop_column("entries", "document")
