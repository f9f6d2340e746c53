"""Alembic migrations of the catalog, applied in code when a store opens.

No ``alembic.ini``: :func:`alembic_config` builds the configuration, pointing at this
package. :func:`upgrade_to_head` is safe when several servers start at once on one
database: PostgreSQL serialises them with a transaction-level advisory lock, SQLite
with the write lock of ``BEGIN IMMEDIATE``; the second one then finds the schema
current and does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, func, select

from ...domain.errors import Unavailable
from ..engine import WRITE_OPTION

VERSION_TABLE: Final = "shared_models_alembic_version"
MIGRATION_LOCK_KEY: Final = 0x534D_455F_4D49_4752  # "SME_MIGR": pg_advisory_xact_lock key
SEARCH_OBJECTS: Final = frozenset({"search_vector", "ix_entries_search_vector"})
"""PostgreSQL's full-text objects, created by the migrations outside the models (SQLite's
are the ``entries_fts*`` tables)."""


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """The Alembic configuration of the catalog, for a connection or a URL."""
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent).replace("%", "%%"))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def include_object_on(dialect_name: str) -> Callable[[Any, str | None, str, bool, Any], bool]:
    """Autogenerate hook for a database of ``dialect_name``: leave the backend-specific
    full-text objects alone, and the model's indexes of another backend (those whose
    ``info["dialect"]`` names it: ``tables._filter_indexes``)."""

    def include_object(
        obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
    ) -> bool:
        if name in SEARCH_OBJECTS or (name or "").startswith("entries_fts"):
            return False
        if type_ == "index" and not reflected:
            return bool(obj.info.get("dialect", dialect_name) == dialect_name)
        return True

    return include_object


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at (None for an empty database)."""
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the latest schema, once, whoever else is starting too."""
    head = head_revision()
    with engine.connect() as connection:
        if current_revision(connection) == head:
            return
    with engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))
            try:
                command.upgrade(alembic_config(connection), "head")
            except CommandError as error:
                raise Unavailable(
                    "The catalog database has a schema this version of shared_models_ext "
                    f"does not know ({error}); upgrade shared_models_ext."
                ) from error
