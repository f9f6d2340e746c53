"""The catalog's tables, as SQLAlchemy 2 declarative mappings (SQLite and PostgreSQL).

The migrations in ``migrations/versions`` create exactly these tables (a test checks
that they agree), plus the full-text search objects that only one backend has:
the FTS5 table and its triggers on SQLite, the ``search_vector`` column on PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Final

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

from ..domain.identity import MAX_USERNAME_LENGTH

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _bytewise(length: int) -> TypeEngine[str]:
    """A string compared byte by byte on both backends (SQLite's BINARY, PostgreSQL's "C").

    Keyset pagination and ID prefix lookups rely on the same ordering everywhere,
    whatever the PostgreSQL database's default collation is.
    """
    return String(length).with_variant(String(length, collation="C"), "postgresql")


ID_TYPE = _bytewise(63)
TITLE_KEY_TYPE = _bytewise(255)
TITLE_KEY_LENGTH = 200  # characters kept for sorting; ties beyond that fall back to the id
NAME_TYPE = String(MAX_USERNAME_LENGTH)  # owners and share user names (identity.py's rule)
VOCABULARY_TYPE = String(64)  # kind, data_type, task, framework ids
JSON_TYPE = JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime with microseconds, on both backends.

    PostgreSQL stores ``timestamptz``. SQLite stores SQLAlchemy's fixed-width text
    (``YYYY-MM-DD HH:MM:SS.ffffff``) of the UTC time, so text order is time order.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the catalog stores timezone-aware datetimes only")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


#: The columns a query filters entries by (``listing.FILTERS``, and the canvas flag).
FILTER_COLUMNS: Final = ("kind", "data_type", "task", "framework", "canvas_shared")


def _filter_indexes(column: str) -> tuple[Index, Index]:
    """The index of one filter, which also holds the scope and the other filters, so
    that a filtered count reads it alone (migration 0006). On SQLite they are columns of
    its key; on PostgreSQL they are carried along (``INCLUDE``), since PostgreSQL also
    scans an index for a condition on a later column of its key, and would walk a
    filter's index for the scope alone, then sort what it found, instead of walking the
    scope's sort index in order."""
    others = [other for other in FILTER_COLUMNS if other != column]
    carried = ["share_organization", "owner", *others]
    name = f"ix_entries_{column}_filters"
    return (
        Index(name, column, *carried, info={"dialect": "sqlite"}).ddl_if(dialect="sqlite"),
        Index(name, column, postgresql_include=carried, info={"dialect": "postgresql"}).ddl_if(
            dialect="postgresql"
        ),
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class EntryRow(Base):
    """One catalog entry. ``search_*`` hold the normalised words full-text search indexes."""

    __tablename__ = "entries"

    id: Mapped[str] = mapped_column(ID_TYPE, primary_key=True)
    kind: Mapped[str] = mapped_column(VOCABULARY_TYPE)
    title: Mapped[str] = mapped_column(Text)
    title_key: Mapped[str] = mapped_column(TITLE_KEY_TYPE)
    description: Mapped[str] = mapped_column(Text)
    data_type: Mapped[str] = mapped_column(VOCABULARY_TYPE)
    task: Mapped[str] = mapped_column(VOCABULARY_TYPE)
    framework: Mapped[str] = mapped_column(VOCABULARY_TYPE)
    keywords: Mapped[list[str]] = mapped_column(JSON_TYPE)
    search_title: Mapped[str] = mapped_column(Text, deferred=True)
    search_keywords: Mapped[str] = mapped_column(Text, deferred=True)
    search_description: Mapped[str] = mapped_column(Text, deferred=True)
    # The three above joined, each after a space (migration 0007; None if written before).
    search_words: Mapped[str | None] = mapped_column(Text, nullable=True, deferred=True)
    owner: Mapped[str] = mapped_column(NAME_TYPE)
    share_organization: Mapped[bool] = mapped_column(Boolean)
    canvas_shared: Mapped[bool] = mapped_column(Boolean)
    canvas_users: Mapped[list[str]] = mapped_column(JSON_TYPE)
    training: Mapped[dict[str, Any] | None] = mapped_column(JSON_TYPE)
    inference: Mapped[dict[str, Any] | None] = mapped_column(JSON_TYPE)
    notebook: Mapped[dict[str, Any] | None] = mapped_column(JSON_TYPE)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer)
    # The entry as the API sends it, rendered when it was written (mapping.py).
    document: Mapped[str | None] = mapped_column(Text, nullable=True, deferred=True)
    document_schema: Mapped[str | None] = mapped_column(String(16), nullable=True, deferred=True)

    __table_args__ = (
        # One index per scope and sort: equality on the scope column, then the sort key.
        Index(None, "owner", "updated_at", "id"),
        Index(None, "owner", "title_key", "id"),
        Index(None, "share_organization", "updated_at", "id"),
        Index(None, "share_organization", "title_key", "id"),
        # One per filter: the filter, then the scope and the other filters, so that a
        # filtered count reads the index alone (migration 0006).
        *(index for column in FILTER_COLUMNS for index in _filter_indexes(column)),
    )


class ShareRow(Base):
    """A user an entry is shared with by name."""

    __tablename__ = "entry_shares"

    entry_id: Mapped[str] = mapped_column(
        ID_TYPE, ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    username: Mapped[str] = mapped_column(NAME_TYPE, primary_key=True)

    __table_args__ = (Index(None, "username", "entry_id"),)


class SecretRow(Base):
    """A server-side secret every server sharing the store uses (e.g. the cursor key).

    Made once, on first use, by whichever server needs it first; never sent to clients.
    """

    __tablename__ = "store_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))  # hex
