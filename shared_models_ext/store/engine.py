"""Engines for the catalog: SQLite tuned for several processes, PostgreSQL with psycopg 3.

SQLite: WAL journal (readers never block the writer), a busy timeout, foreign keys,
and transactions begun by us rather than by pysqlite: writes start with
``BEGIN IMMEDIATE`` (they take the write lock up front, so two writers queue instead
of failing with "database is locked" half-way), reads with a plain ``BEGIN``.

The SQLite file is private by default: created with ``file_mode`` (0600), its folder
(when created here) with the matching directory mode (0700); SQLite gives its ``-wal``
and ``-shm`` files the mode of the database file. An existing file with more access
than ``file_mode`` is tightened at start-up, with a warning in the log.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DataError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from ..domain.errors import InvalidInput, Unavailable

WRITE_OPTION: Final = "shared_models_write"
"""Execution option that makes a SQLite transaction begin with ``BEGIN IMMEDIATE``."""

BUSY_TIMEOUT_MS: Final = 10_000
CONNECT_TIMEOUT_S: Final = 10
DEFAULT_FILE_MODE: Final = 0o600
_SQLITE_SIDE_FILES: Final = ("-wal", "-shm", "-journal")

log = logging.getLogger("shared_models_ext.store")


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


def create_catalog_engine(url: URL, *, file_mode: int = DEFAULT_FILE_MODE) -> Engine:
    """An engine for ``url`` (see :func:`parse_url`), configured for the catalog.

    ``file_mode``: the permissions of an SQLite file (ignored for PostgreSQL and for
    in-memory databases)."""
    if url.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_pre_ping=True, connect_args=_postgresql_arguments(url))
        event.listen(
            engine,
            "connect",
            lambda connection, _record: _set_postgresql_settings(connection, SESSION_SETTINGS),
        )
        return engine
    return _sqlite_engine(url, file_mode)


#: What every PostgreSQL connection of the catalog sets for its session. No JIT
#: compilation: a catalog query reads a page, a few milliseconds of work, but a count
#: walking an index has a high estimated cost, and past ``jit_above_cost`` PostgreSQL
#: spent 8 ms compiling a two-word search that then ran in 2.
SESSION_SETTINGS: Final = {"jit": "off"}

#: What a PostgreSQL reader of ``walks`` sets on each of its connections: plan reads by
#: walking an index, never by a sequential scan or bitmaps (``listing.walks_an_index``).
WALKING_SETTINGS: Final = {"enable_seqscan": "off", "enable_bitmapscan": "off"}


def create_postgresql_reader(url: URL, *, walks: bool = False) -> Engine:
    """A PostgreSQL engine for reads of one statement each: in autocommit (no ``BEGIN``
    and ``COMMIT`` around the statement) and without the pool's ping before each use,
    so that a read is one round trip. A connection found dead fails its statement
    instead; ``Database.read`` then runs the read again on a fresh one.

    ``walks``: its connections plan with ``WALKING_SETTINGS``, set once when each
    connects, instead of ``SET LOCAL`` in a transaction of each read."""
    engine = create_engine(
        url, isolation_level="AUTOCOMMIT", connect_args=_postgresql_arguments(url)
    )
    settings = {**SESSION_SETTINGS, **(WALKING_SETTINGS if walks else {})}
    event.listen(
        engine,
        "connect",
        lambda connection, _record: _set_postgresql_settings(connection, settings),
    )
    return engine


def _postgresql_arguments(url: URL) -> dict[str, Any]:
    # No server-side prepared statements: after five runs PostgreSQL may switch a
    # prepared search to a generic plan, made without the words or the page size,
    # and the planned search of a common word took 9 ms instead of 2.
    arguments: dict[str, Any] = {"application_name": "shared_models_ext", "prepare_threshold": None}
    if "connect_timeout" not in url.query:
        arguments["connect_timeout"] = CONNECT_TIMEOUT_S
    return arguments


def _set_postgresql_settings(dbapi_connection: Any, settings: dict[str, str]) -> None:
    """Set ``settings`` for the session of a new connection, in one statement."""
    calls = ", ".join("set_config(%s, %s, false)" for _ in settings)
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SELECT {calls}", [value for item in settings.items() for value in item])
    dbapi_connection.commit()


def directory_mode(file_mode: int) -> int:
    """The folder mode that matches a file mode: search wherever read is allowed
    (0600 → 0700, 0640 → 0750)."""
    return file_mode | ((file_mode & 0o444) >> 2)


def prepare_sqlite_file(path: Path, file_mode: int) -> None:
    """Make the folder (``directory_mode``) and the empty file (``file_mode``) of a new
    SQLite database; tighten an existing file and its side files to ``file_mode``.

    ``Unavailable`` when the folder or file cannot be made.
    """
    missing: list[Path] = []
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    try:
        for created in reversed(missing):
            with suppress(FileExistsError):  # made by a server starting at the same moment
                created.mkdir(mode=directory_mode(file_mode))
            os.chmod(created, directory_mode(file_mode))  # whatever the umask
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, file_mode)
        except FileExistsError:
            pass
        else:
            os.close(descriptor)
            os.chmod(path, file_mode)
    except OSError as error:
        raise Unavailable(f"Cannot create the catalog database {path}: {error.strerror}.") from None
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in _SQLITE_SIDE_FILES)):
        _tighten(candidate, file_mode)


def _tighten(path: Path, file_mode: int) -> None:
    """Remove the permissions of ``path`` beyond ``file_mode``, saying so in the log."""
    try:
        current = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return
    except OSError as error:
        log.warning("Shared models: cannot check the permissions of %s: %s", path, error.strerror)
        return
    if current & ~file_mode:
        try:
            os.chmod(path, current & file_mode)
        except OSError as error:
            log.warning(
                "Shared models: %s is readable by others (mode %04o) and could not be "
                "restricted to %04o: %s",
                path,
                current,
                file_mode,
                error.strerror,
            )
            return
        log.warning(
            "Shared models: restricted the permissions of %s from %04o to %04o "
            "(SharedModelsApp.store_file_mode)",
            path,
            current,
            current & file_mode,
        )


#: How much of an SQLite catalog is read through memory-mapped I/O (a few KiB per entry).
SQLITE_MMAP_BYTES: Final = 256 * 1024 * 1024


def _sqlite_engine(url: URL, file_mode: int) -> Engine:
    options: dict[str, Any] = {
        "connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    }
    if is_memory(url):
        # One private database lives in one connection; the store serialises its use.
        options["poolclass"] = StaticPool
    elif url.database and not url.database.startswith("file:"):
        prepare_sqlite_file(Path(url.database), file_mode)
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
        # Reads through memory-mapped pages, shared by every connection to the file (the
        # operating system's page cache), instead of each connection's 2 MiB page cache
        # and a read() per page: counting a facet's 1,000 matches in 100,000 entries
        # goes from 1.2 to 0.4 ms. Past SQLITE_MMAP_BYTES, SQLite reads as usual.
        cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
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
