"""The catalog's database: one engine, one unit of work, shared by every store on it.

:class:`Database` owns the SQLAlchemy engine of an SQLite file (default) or a PostgreSQL
database, and hands out transactions through :meth:`Database.transaction`, the one way
the stores (``sql.py`` for entries, ``launches.py`` for launches) reach the database:

- writes on SQLite begin with ``BEGIN IMMEDIATE`` (``engine.WRITE_OPTION``), so two
  writers queue instead of failing half-way, and the writers of one process queue on
  a lock before that (no busy-handler sleeps); reads begin with a plain ``BEGIN``;
- a page (:meth:`Database.read`) is one statement on PostgreSQL, so it runs in
  autocommit on a pool of its own, unpinged: one round trip, where a transaction on a
  pinged connection took four (ping, ``BEGIN``, the statement, ``COMMIT``); on SQLite
  it is an ordinary read transaction;
- an in-memory SQLite database is one shared connection, used by one thread at a time;
- driver failures become domain errors (``engine.database_errors``).
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from typing import Any, Final, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from . import cursor
from .engine import (
    DEFAULT_FILE_MODE,
    WRITE_OPTION,
    create_catalog_engine,
    create_postgresql_reader,
    database_errors,
    describe,
    is_memory,
    parse_url,
)
from .migrations import upgrade_to_head
from .tables import SecretRow

#: How many SQLite reads of one process run at once (the others wait their turn).
SQLITE_READERS_AT_ONCE: Final = os.cpu_count() or 2

T = TypeVar("T")


class Database:
    """The catalog database behind every store. Thread-safe: run its work off the loop.

    Open it with :meth:`open`, which also applies pending migrations.
    """

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine made by ``engine.create_catalog_engine`` (schema already current)."""
        self.engine = engine
        self.dialect: str = engine.dialect.name
        self._writer = engine.execution_options(**{WRITE_OPTION: True})
        # Readers of single-statement reads, by whether they walk an index (read).
        self._readers: dict[bool, Engine] = (
            {walks: create_postgresql_reader(engine.url, walks=walks) for walks in (False, True)}
            if self.dialect == "postgresql"
            else {}
        )
        self._url: URL = engine.url
        self._lock: AbstractContextManager[Any] = (
            threading.RLock() if is_memory(engine.url) else nullcontext()
        )
        # SQLite lets one writer in at a time, and a writer that finds the lock taken
        # sleeps in SQLite's busy handler (1, 2, 5, … up to 100 ms) instead of queueing:
        # under concurrent creates most of the time went to those sleeps. Writers of
        # this process queue here instead, so the busy handler only ever waits for
        # another process on the same file.
        self._write_lock: AbstractContextManager[Any] = (
            threading.RLock() if self.dialect == "sqlite" else nullcontext()
        )
        # SQLite readers never wait for one another (WAL), so a read is CPU work, most of
        # it Python's, which the GIL runs one thread at a time anyway: more reads at once
        # than there are CPUs only pass the GIL to and fro at every step of every query
        # (8 at once on 2 CPUs: a quarter of the time in futex calls). The rest queue
        # here, holding no GIL. Writes and PostgreSQL (whose reads wait on the network)
        # are not limited.
        self._read_slots: AbstractContextManager[Any] = (
            threading.BoundedSemaphore(SQLITE_READERS_AT_ONCE)
            if self.dialect == "sqlite"
            else nullcontext()
        )
        self._cursor_secret: bytes | None = None
        self._secret_lock = threading.Lock()

    @classmethod
    def open(
        cls, url: str | URL, *, migrate: bool = True, file_mode: int = DEFAULT_FILE_MODE
    ) -> Database:
        """The database at ``url`` (``sqlite:///path`` or ``postgresql+psycopg://…``), its
        schema brought up to date. ``Unavailable`` when it cannot be reached.

        ``file_mode``: permissions of an SQLite file and its ``-wal``/``-shm`` files
        (see ``engine.create_catalog_engine``)."""
        parsed = parse_url(url)
        engine = create_catalog_engine(parsed, file_mode=file_mode)
        try:
            with database_errors(parsed):
                if migrate:
                    upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def url(self) -> str:
        """The database URL, password masked."""
        return describe(self._url)

    def __repr__(self) -> str:
        return f"Database({self.url!r})"

    @contextmanager
    def transaction(self, *, write: bool, dry_run: bool = False) -> Iterator[Session]:
        """One unit of work: a session in one transaction, committed when the block ends
        normally, rolled back when it raises.

        ``write``: the block writes (SQLite takes the write lock at ``BEGIN``).
        ``dry_run``: roll back even when the block ends normally, so that it checks
        everything a write would (constraints, the values the database refuses) and
        leaves nothing behind.
        """
        bind = self._writer if write else self.engine
        with (
            self._write_lock if write else self._read_slots,
            self._lock,
            database_errors(self._url),
            Session(bind, expire_on_commit=False, autoflush=False) as session,
        ):
            session.begin()
            yield session  # an exception here: Session.__exit__ rolls back
            if dry_run:
                session.rollback()
            else:
                session.commit()

    def read(self, work: Callable[[Connection], T], *, walks: bool = False) -> T:
        """``work(connection)``'s result, for reads whose statements each stand alone (a
        page: its rows and its count in one statement). On PostgreSQL each statement is
        its own snapshot, on a connection of a pool with no ping before each use; if the
        connection turns out to be dead (the server restarted, or closed it idle), the
        pool drops it and every connection as old, and ``work`` runs once more on a new
        one. On SQLite, ``work`` runs in a read transaction.

        ``walks``: PostgreSQL plans the statements by walking an index
        (``engine.WALKING_SETTINGS``, ``listing.walks_an_index``)."""
        if not self._readers:
            with self.transaction(write=False) as session:
                return work(session.connection())
        reader = self._readers[walks]
        with database_errors(self._url):
            try:
                with reader.connect() as connection:
                    return work(connection)
            except DBAPIError as error:
                if not error.connection_invalidated:
                    raise
            with reader.connect() as connection:
                return work(connection)

    def cursor_secret(self) -> bytes:
        """The HMAC key of page cursors, shared by every server on this database:
        read from ``store_secrets``, made there once (``secrets.token_bytes``) when absent."""
        if self._cursor_secret is None:
            with self._secret_lock:
                if self._cursor_secret is None:
                    self._cursor_secret = self._load_or_make_secret(cursor.CURSOR_KEY_NAME)
        return self._cursor_secret

    def _load_or_make_secret(self, name: str) -> bytes:
        lookup = select(SecretRow.value).where(SecretRow.name == name)
        with self.transaction(write=False) as session:
            found = session.scalar(lookup)
        if found is None:
            dialect = postgresql if self.dialect == "postgresql" else sqlite
            made = secrets.token_bytes(cursor.KEY_BYTES).hex()
            with self.transaction(write=True) as session:
                session.execute(
                    dialect.insert(SecretRow)
                    .values(name=name, value=made)
                    .on_conflict_do_nothing(index_elements=["name"])
                )
                found = session.scalar(lookup)  # ours, or a concurrent server's
        assert found is not None
        return bytes.fromhex(found)

    def close(self) -> None:
        if self.dialect == "sqlite":
            # SQLite's advice for long-lived connections: refresh planner statistics.
            with suppress(SQLAlchemyError), self._lock, self._writer.begin() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
        for engine in (self.engine, *self._readers.values()):
            engine.dispose()
