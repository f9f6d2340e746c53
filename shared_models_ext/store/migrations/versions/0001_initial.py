"""The catalog: entries, named shares, and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _bytewise(length: int) -> sa.types.TypeEngine[str]:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


ID = _bytewise(63)
NAME = sa.String(255)
VOCABULARY = sa.String(64)
JSON = sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")
TIME = sa.DateTime(timezone=True)

# SQLite: FTS5 over the normalised words (see store/search.py). The FTS rowid comes
# from entries_fts_docs, whose INTEGER PRIMARY KEY is stable (entries' implicit
# rowid is not: VACUUM may renumber it).
SQLITE_SEARCH = [
    """CREATE TABLE entries_fts_docs (
        doc INTEGER PRIMARY KEY,
        entry_id VARCHAR(63) NOT NULL UNIQUE
    )""",
    """CREATE VIRTUAL TABLE entries_fts USING fts5(
        title, keywords, description, tokenize = 'unicode61 remove_diacritics 0'
    )""",
    """CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts_docs (entry_id) VALUES (new.id);
        INSERT INTO entries_fts (rowid, title, keywords, description) VALUES (
            (SELECT doc FROM entries_fts_docs WHERE entry_id = new.id),
            new.search_title, new.search_keywords, new.search_description);
    END""",
    """CREATE TRIGGER entries_fts_update
    AFTER UPDATE OF id, search_title, search_keywords, search_description ON entries BEGIN
        UPDATE entries_fts_docs SET entry_id = new.id WHERE entry_id = old.id;
        UPDATE entries_fts SET title = new.search_title, keywords = new.search_keywords,
            description = new.search_description
        WHERE rowid = (SELECT doc FROM entries_fts_docs WHERE entry_id = new.id);
    END""",
    """CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        DELETE FROM entries_fts
        WHERE rowid = (SELECT doc FROM entries_fts_docs WHERE entry_id = old.id);
        DELETE FROM entries_fts_docs WHERE entry_id = old.id;
    END""",
]

# PostgreSQL: a weighted tsvector over the same normalised words, and its GIN index.
POSTGRESQL_SEARCH = [
    """ALTER TABLE entries ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, search_title), 'A')
        || setweight(to_tsvector('simple'::regconfig, search_keywords), 'B')
        || setweight(to_tsvector('simple'::regconfig, search_description), 'C')
    ) STORED""",
    "CREATE INDEX ix_entries_search_vector ON entries USING gin (search_vector)",
]


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", VOCABULARY, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_key", _bytewise(255), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("data_type", VOCABULARY, nullable=False),
        sa.Column("task", VOCABULARY, nullable=False),
        sa.Column("framework", VOCABULARY, nullable=False),
        sa.Column("keywords", JSON, nullable=False),
        sa.Column("search_title", sa.Text(), nullable=False),
        sa.Column("search_keywords", sa.Text(), nullable=False),
        sa.Column("search_description", sa.Text(), nullable=False),
        sa.Column("owner", NAME, nullable=False),
        sa.Column("share_organization", sa.Boolean(), nullable=False),
        sa.Column("canvas_shared", sa.Boolean(), nullable=False),
        sa.Column("canvas_users", JSON, nullable=False),
        sa.Column("training", JSON, nullable=True),
        sa.Column("inference", JSON, nullable=True),
        sa.Column("notebook", JSON, nullable=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("updated_at", TIME, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entries"),
    )
    for columns in (
        ["owner", "updated_at", "id"],
        ["owner", "title_key", "id"],
        ["share_organization", "updated_at", "id"],
        ["share_organization", "title_key", "id"],
        ["kind"],
        ["data_type"],
        ["task"],
        ["framework"],
        ["canvas_shared"],
    ):
        op.create_index("ix_entries_" + "_".join(columns), "entries", columns)

    op.create_table(
        "entry_shares",
        sa.Column("entry_id", ID, nullable=False),
        sa.Column("username", NAME, nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name="fk_entry_shares_entry_id_entries",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "username", name="pk_entry_shares"),
    )
    op.create_index("ix_entry_shares_username_entry_id", "entry_shares", ["username", "entry_id"])

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_SEARCH if dialect == "sqlite" else POSTGRESQL_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("entries_fts_delete", "entries_fts_update", "entries_fts_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS entries_fts")
        op.execute("DROP TABLE IF EXISTS entries_fts_docs")
    op.drop_table("entry_shares")
    op.drop_table("entries")
