"""Engines for the catalog: SQLite tuned for several processes, PostgreSQL with psycopg 3.

SQLite: WAL journal (readers never block the writer), a busy timeout, foreign keys,
and transactions begun by us rather than by pysqlite: writes start with
``BEGIN IMMEDIATE`` (they take the write lock up front, so two writers queue instead
of failing with "database is locked" half-way), reads with a plain ``BEGIN``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DataError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from ..errors import InvalidInput, Unavailable

WRITE_OPTION: Final = "shared_models_write"
"""Execution option that makes a SQLite transaction begin with ``BEGIN IMMEDIATE``."""

BUSY_TIMEOUT_MS: Final = 10_000
CONNECT_TIMEOUT_S: Final = 10


def parse_url(url: str | URL) -> URL:
    """The SQLAlchemy URL of the catalog; ``postgresql://`` means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise Unavailable(
            "The catalog database URL is not a valid SQLAlchemy URL "
            "(e.g. sqlite:///path/catalog.sqlite or postgresql+psycopg://user@host/db)."
        ) from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise Unavailable(
            f"The catalog database must be SQLite or PostgreSQL, not {backend!r} "
            f"({describe(parsed)})."
        )
    return parsed


def describe(url: URL) -> str:
    """The URL with its password masked: safe for messages and logs."""
    return url.render_as_string(hide_password=True)


def is_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def create_catalog_engine(url: URL) -> Engine:
    """An engine for ``url`` (see :func:`parse_url`), configured for the catalog."""
    if url.get_backend_name() == "postgresql":
        connect_args: dict[str, Any] = {"application_name": "shared_models_ext"}
        if "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    return _sqlite_engine(url)


def _sqlite_engine(url: URL) -> Engine:
    options: dict[str, Any] = {
        "connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    }
    if is_memory(url):
        # One private database lives in one connection; the store serialises its use.
        options["poolclass"] = StaticPool
    elif url.database and not url.database.startswith("file:"):
        try:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise Unavailable(
                f"Cannot create the folder of the catalog database {url.database}: "
                f"{error.strerror}."
            ) from None
    engine = create_engine(url, **options)
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (_begin_sqlite_transaction)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _reason(error: BaseException, url: URL) -> str:
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    reason = lines[0].strip() if lines else type(original).__name__
    if url.password:
        reason = reason.replace(str(url.password), "***")
    return reason


@contextmanager
def database_errors(url: URL) -> Iterator[None]:
    """Turn driver failures into domain errors with plain messages (no credentials)."""
    try:
        yield
    except (OperationalError, InterfaceError, PoolTimeoutError) as error:
        raise Unavailable(
            f"The catalog database is not available ({describe(url)}): {_reason(error, url)}."
        ) from error
    except DataError as error:
        raise InvalidInput(
            f"The catalog database refused a value: {_reason(error, url)}."
        ) from error
