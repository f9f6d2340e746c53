"""The catalog store on SQLAlchemy: an SQLite file (default) or PostgreSQL.

One code path for both. Every method is one short transaction in its own session,
so the store is safe to call from many threads at once. Writes on SQLite begin with
``BEGIN IMMEDIATE``; on PostgreSQL, concurrent ID choices are settled with
``INSERT … ON CONFLICT DO NOTHING``.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..domain.errors import Conflict, NotFound, PreconditionFailed, invalid_field
from ..domain.ids import choose_free_id, is_valid_id
from . import cursor, listing
from .base import EntryFields, EntryRecord, StorePage, StoreQuery
from .engine import (
    DEFAULT_FILE_MODE,
    WRITE_OPTION,
    create_catalog_engine,
    database_errors,
    describe,
    is_memory,
    parse_url,
)
from .migrations import upgrade_to_head
from .records import row_values, share_rows, to_record
from .tables import EntryRow, SecretRow, ShareRow


class SqlCatalogStore:
    """A :class:`~shared_models_ext.store.base.CatalogStore` in a SQL database.

    Open it with :meth:`open`, which also applies pending migrations.
    """

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine made by ``engine.create_catalog_engine`` (schema already current)."""
        self._engine = engine
        self._writer = engine.execution_options(**{WRITE_OPTION: True})
        # A page and its total from one snapshot (SQLite's read transactions already are).
        self._snapshot_reader = (
            engine.execution_options(isolation_level="REPEATABLE READ")
            if engine.dialect.name == "postgresql"
            else engine
        )
        self._dialect = engine.dialect.name
        self._url: URL = engine.url
        # An in-memory SQLite database is one shared connection: one operation at a time.
        self._lock: AbstractContextManager[Any] = (
            threading.RLock() if is_memory(engine.url) else nullcontext()
        )
        self._cursor_secret: bytes | None = None
        self._secret_lock = threading.Lock()

    @classmethod
    def open(
        cls, url: str | URL, *, migrate: bool = True, file_mode: int = DEFAULT_FILE_MODE
    ) -> SqlCatalogStore:
        """A store on ``url`` (``sqlite:///path`` or ``postgresql+psycopg://…``), its
        schema brought up to date. ``Unavailable`` when the database cannot be reached.

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
        return f"SqlCatalogStore({self.url!r})"

    def close(self) -> None:
        if self._dialect == "sqlite":
            # SQLite's advice for long-lived connections: refresh planner statistics.
            with suppress(SQLAlchemyError), self._lock, self._writer.begin() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
        self._engine.dispose()

    # -- writes ------------------------------------------------------------

    def create(
        self, owner: str, entry_id: str, fields: EntryFields, *, exact_id: bool
    ) -> EntryRecord:
        if not is_valid_id(entry_id):
            raise invalid_field(["id"], f"'{entry_id}' is not a valid entry ID.")
        now = _now()
        values = {**row_values(fields), "owner": owner, "created_at": now, "updated_at": now}
        values["version"] = 1
        with self._session(write=True) as session:
            connection = session.connection()
            if exact_id:
                if not self._insert(connection, entry_id, values):
                    raise Conflict(
                        f"The ID '{entry_id}' is already taken; choose another one.",
                        [{"loc": ["id"], "msg": f"The ID '{entry_id}' is already taken."}],
                    )
                chosen = entry_id
            else:
                chosen = self._insert_with_free_id(connection, entry_id, values)
            self._write_shares(connection, chosen, fields.share_users)
            return self._load(session, chosen)

    def suggest_id(self, base: str) -> str:
        if not is_valid_id(base):
            raise invalid_field(["id"], f"'{base}' is not a valid entry ID.")
        with self._session(write=False) as session:
            connection = session.connection()
            return choose_free_id(base, lambda names: self._taken(connection, names))

    def replace(self, entry_id: str, fields: EntryFields, expected_version: int) -> EntryRecord:
        with self._session(write=True) as session:
            connection = session.connection()
            changed = connection.execute(
                update(EntryRow)
                .where(EntryRow.id == entry_id, EntryRow.version == expected_version)
                .values(**row_values(fields), version=EntryRow.version + 1, updated_at=_now())
            )
            if changed.rowcount != 1:
                current = connection.scalar(select(EntryRow.version).where(EntryRow.id == entry_id))
                if current is None:
                    raise NotFound(f"There is no entry '{entry_id}'.")
                raise PreconditionFailed(
                    f"The entry '{entry_id}' is at version {current}, not {expected_version}: "
                    "someone else changed it. Reload it and apply your changes again."
                )
            connection.execute(delete(ShareRow).where(ShareRow.entry_id == entry_id))
            self._write_shares(connection, entry_id, fields.share_users)
            return self._load(session, entry_id)

    def delete(self, entry_id: str) -> bool:
        with self._session(write=True) as session:
            deleted = session.connection().execute(delete(EntryRow).where(EntryRow.id == entry_id))
            return deleted.rowcount > 0

    # -- reads -------------------------------------------------------------

    def get(self, entry_id: str) -> EntryRecord | None:
        with self._session(write=False) as session:
            row = session.get(EntryRow, entry_id)
            return None if row is None else self._records(session, [row])[0]

    def query(self, query: StoreQuery) -> StorePage:
        listing.check(query)
        position = (
            cursor.decode(query.cursor, query.sort, query.order, self.cursor_secret())
            if query.cursor
            else None
        )
        where = listing.conditions(query, self._dialect)
        page = select(EntryRow).where(*where)
        if position is not None:
            page = page.where(listing.after(position))
        page = page.order_by(*listing.order_by(query.sort, query.order)).limit(query.limit + 1)
        with self._session(write=False, snapshot=True) as session:
            total = session.scalar(select(func.count()).select_from(EntryRow).where(*where)) or 0
            rows = list(session.scalars(page))
            records = self._records(session, rows[: query.limit])
        next_cursor = None
        if len(rows) > query.limit:
            last = rows[query.limit - 1]
            key = last.updated_at if query.sort == "updated" else last.title_key
            position = cursor.Position(query.sort, query.order, key, last.id)
            next_cursor = cursor.encode(position, self.cursor_secret())
        return StorePage(items=records, next_cursor=next_cursor, total=total)

    # -- helpers -----------------------------------------------------------

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
        with self._session(write=False) as session:
            found = session.scalar(lookup)
        if found is None:
            dialect = postgresql if self._dialect == "postgresql" else sqlite
            made = secrets.token_bytes(cursor.KEY_BYTES).hex()
            with self._session(write=True) as session:
                session.execute(
                    dialect.insert(SecretRow)
                    .values(name=name, value=made)
                    .on_conflict_do_nothing(index_elements=["name"])
                )
                found = session.scalar(lookup)  # ours, or a concurrent server's
        assert found is not None
        return bytes.fromhex(found)

    @contextmanager
    def _session(self, *, write: bool, snapshot: bool = False) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error."""
        bind = self._writer if write else self._snapshot_reader if snapshot else self._engine
        with (
            self._lock,
            database_errors(self._url),
            Session(bind, expire_on_commit=False, autoflush=False) as session,
            session.begin(),
        ):
            yield session

    def _insert(self, connection: Connection, entry_id: str, values: dict[str, Any]) -> bool:
        """Insert the entry unless its ID is taken (waiting for a concurrent insert of
        the same ID to commit or roll back). True when inserted."""
        dialect = postgresql if self._dialect == "postgresql" else sqlite
        statement = (
            dialect.insert(EntryRow)
            .values(id=entry_id, **values)
            .on_conflict_do_nothing(index_elements=["id"])
            .execution_options(preserve_rowcount=True)  # INSERT rowcount is opt-in
        )
        return connection.execute(statement).rowcount == 1

    def _insert_with_free_id(
        self, connection: Connection, base: str, values: dict[str, Any]
    ) -> str:
        while True:
            candidate = choose_free_id(base, lambda names: self._taken(connection, names))
            if self._insert(connection, candidate, values):
                return candidate
            # Another server took it since we looked (PostgreSQL): look again.

    @staticmethod
    def _taken(connection: Connection, names: list[str]) -> set[str]:
        """Which of ``names`` are existing IDs: one primary-key lookup per name, one query."""
        return set(connection.scalars(select(EntryRow.id).where(EntryRow.id.in_(names))))

    @staticmethod
    def _write_shares(connection: Connection, entry_id: str, users: Iterable[str]) -> None:
        rows = share_rows(entry_id, users)
        if rows:
            connection.execute(insert(ShareRow), rows)

    @staticmethod
    def _records(session: Session, rows: list[EntryRow]) -> list[EntryRecord]:
        """Records of ``rows`` with their named users, in one query for all of them."""
        users: dict[str, list[str]] = {row.id: [] for row in rows}
        if users:
            shares = session.execute(
                select(ShareRow.entry_id, ShareRow.username).where(ShareRow.entry_id.in_(users))
            )
            for entry_id, username in shares:
                users[entry_id].append(username)
        return [to_record(row, users[row.id]) for row in rows]

    def _load(self, session: Session, entry_id: str) -> EntryRecord:
        row = session.scalars(select(EntryRow).where(EntryRow.id == entry_id)).one()
        return self._records(session, [row])[0]


def _now() -> datetime:
    return datetime.now(timezone.utc)
