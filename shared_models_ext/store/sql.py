"""The catalog store on SQLAlchemy: entries in an SQLite file (default) or PostgreSQL.

One code path for both. Every method is one short transaction of the
:class:`~shared_models_ext.store.database.Database` (``Database.transaction``), so the
store is safe to call from many threads at once. On PostgreSQL, concurrent ID choices
are settled with ``INSERT … ON CONFLICT DO NOTHING``; on SQLite, by the write lock.

The store takes validated request models (``CreateEntry``) and returns response
models (``Entry``, ``EntryPage``); ``mapping.py`` turns one into the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any, Final, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Table,
    bindparam,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningInsert

from ..domain.errors import Conflict, NotFound, PreconditionFailed, invalid_field
from ..domain.ids import choose_free_id, is_valid_id
from ..domain.models import CreateEntry, Entry, EntryPage
from ..domain.paging import MAX_EXACT_TOTAL
from . import cursor, listing, ranking, search
from .database import Database
from .engine import DEFAULT_FILE_MODE
from .listing import StoreQuery
from .mapping import RETURNED, row_values, share_rows, to_entry
from .tables import EntryRow, ShareRow


class SqlCatalogStore:
    """Catalog entries in the :class:`Database` it is given (or opens, :meth:`open`).

    Every method is synchronous and thread-safe: callers run them off the event loop.
    Errors are the domain errors of ``domain/errors.py``.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self._insert_entry = _insert_statement(database.dialect)

    @classmethod
    def open(
        cls, url: str | URL, *, migrate: bool = True, file_mode: int = DEFAULT_FILE_MODE
    ) -> SqlCatalogStore:
        """A store on a new :meth:`Database.open` of ``url`` (migrations applied)."""
        return cls(Database.open(url, migrate=migrate, file_mode=file_mode))

    @property
    def url(self) -> str:
        """The database URL, password masked."""
        return self.database.url

    def __repr__(self) -> str:
        return f"SqlCatalogStore({self.url!r})"

    def close(self) -> None:
        self.database.close()

    # -- writes ------------------------------------------------------------

    def create(
        self,
        owner: str,
        entry_id: str,
        body: CreateEntry,
        *,
        exact_id: bool,
        dry_run: bool = False,
    ) -> Entry:
        """Insert a new entry (version 1) from a validated request; ``body.id`` is ignored.

        ``exact_id``: ``entry_id`` was chosen by the user; ``Conflict`` if taken.
        Otherwise it is a base and the first free of ``ids.with_suffix(base, n)`` for
        n = 1, 2, … is used, atomically with the insert. ``dry_run``: everything is done
        and checked, then rolled back; the entry returned is the one it would have been.
        """
        if not is_valid_id(entry_id):
            raise invalid_field(["id"], f"'{entry_id}' is not a valid entry ID.")
        now = _now()
        values = {**row_values(body), "owner": owner, "created_at": now, "updated_at": now}
        values["version"] = 1
        with self.database.transaction(write=True, dry_run=dry_run) as session:
            connection = session.connection()
            if exact_id:
                row = self._insert(connection, entry_id, values)
                if row is None:
                    raise Conflict(
                        f"The ID '{entry_id}' is already taken; choose another one.",
                        [{"loc": ["id"], "msg": f"The ID '{entry_id}' is already taken."}],
                    )
                chosen = entry_id
            else:
                chosen, row = self._insert_with_free_id(connection, entry_id, values)
            users = self._write_shares(connection, chosen, body.share.users)
            return to_entry(row, users)

    def suggest_id(self, base: str) -> str:
        """The ID ``create(..., exact_id=False)`` would pick right now for ``base``."""
        if not is_valid_id(base):
            raise invalid_field(["id"], f"'{base}' is not a valid entry ID.")
        with self.database.transaction(write=False) as session:
            connection = session.connection()
            return choose_free_id(base, lambda names: self._taken(connection, names))

    def replace(
        self, entry_id: str, body: CreateEntry, expected_version: int, *, dry_run: bool = False
    ) -> Entry:
        """Overwrite the owner-editable fields; bump version and updated_at.

        ``NotFound`` if absent, ``PreconditionFailed`` if the version moved on.
        ``dry_run``: checked and rolled back, as for :meth:`create`.
        """
        with self.database.transaction(write=True, dry_run=dry_run) as session:
            connection = session.connection()
            changed = connection.execute(
                update(EntryRow)
                .where(EntryRow.id == entry_id, EntryRow.version == expected_version)
                .values(**row_values(body), version=EntryRow.version + 1, updated_at=_now())
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
            self._write_shares(connection, entry_id, body.share.users)
            return self._load(session, entry_id)

    def delete(self, entry_id: str) -> bool:
        """Delete; False when there was nothing to delete."""
        with self.database.transaction(write=True) as session:
            deleted = session.connection().execute(delete(EntryRow).where(EntryRow.id == entry_id))
            return deleted.rowcount > 0

    # -- reads -------------------------------------------------------------

    def get(self, entry_id: str) -> Entry | None:
        with self.database.transaction(write=False) as session:
            row = session.get(EntryRow, entry_id)
            return None if row is None else self._entries(session, [row])[0]

    def query(self, query: StoreQuery) -> EntryPage:
        """Filter, search, sort and page (keyset). ``InvalidInput`` for a bad cursor."""
        listing.check(query)
        query = listing.ranked_or_not(query)
        secret = self.database.cursor_secret
        position = (
            cursor.decode(query.cursor, query.sort, query.order, secret()) if query.cursor else None
        )
        with self.database.transaction(write=False, snapshot=True) as session:
            rare = self._rare_search(session, query)
            dialect = self.database.dialect
            if dialect == "postgresql" and query.text and not rare and query.sort != "relevance":
                search.postgresql_walk_sort_index(session.connection())
            total = self._capped_count(
                session, listing.conditions(query, dialect, from_matches=rare)
            )
            rows: list[tuple[Row[Any], Any]]
            if query.sort == "relevance" and dialect == "sqlite":
                rows = ranking.sqlite_best_match(session, query, position)
            else:
                # Best match ranks every match: it always reads them from the index.
                ranked = rare or query.sort == "relevance"
                statement = listing.page(query, dialect, position, from_matches=ranked)
                rows = [(row, row[-1]) for row in session.execute(statement)]
            entries = self._entries(session, [row for row, _ in rows[: query.limit]])
        next_cursor = None
        if len(rows) > query.limit:
            last, key = rows[query.limit - 1]
            position = cursor.Position(query.sort, query.order, key, last.id)
            next_cursor = cursor.encode(position, secret())
        return EntryPage.model_construct(
            items=entries,
            next_cursor=next_cursor,
            total=min(total, MAX_EXACT_TOTAL),
            total_is_exact=total <= MAX_EXACT_TOTAL,
        )

    # -- helpers -----------------------------------------------------------

    @staticmethod
    def _rare_search(session: Session, query: StoreQuery) -> bool:
        """The search planner: whether the search matches so few entries that reading
        its matches and sorting them beats walking the sort index (``search.is_rare``)."""
        terms = search.query_words(query.text)
        if not terms:
            return False
        return search.is_rare(session.connection(), terms)

    @staticmethod
    def _capped_count(session: Session, where: list[ColumnElement[bool]]) -> int:
        """How many entries satisfy ``where``, counting no further than one past
        ``MAX_EXACT_TOTAL``: the count reads at most that many index entries."""
        matches = select(literal(1)).select_from(EntryRow).where(*where)
        bounded = matches.limit(MAX_EXACT_TOTAL + 1).subquery()
        return session.scalar(select(func.count()).select_from(bounded)) or 0

    def _insert(
        self, connection: Connection, entry_id: str, values: dict[str, Any]
    ) -> Row[Any] | None:
        """Insert the entry unless its ID is taken (waiting for a concurrent insert of
        the same ID to commit or roll back): the row as stored, None when taken."""
        return connection.execute(self._insert_entry, {"id": entry_id, **values}).first()

    def _insert_with_free_id(
        self, connection: Connection, base: str, values: dict[str, Any]
    ) -> tuple[str, Row[Any]]:
        # The base is the first ID choose_free_id would pick when free: try it first,
        # so the usual create (a title nobody used) is one statement, no lookup.
        row = self._insert(connection, base, values)
        if row is not None:
            return base, row
        while True:
            candidate = choose_free_id(base, lambda names: self._taken(connection, names))
            row = self._insert(connection, candidate, values)
            if row is not None:
                return candidate, row
            # Another server took it since we looked (PostgreSQL): look again.

    @staticmethod
    def _taken(connection: Connection, names: list[str]) -> set[str]:
        """Which of ``names`` are existing IDs: one primary-key lookup per name, one query."""
        return set(connection.scalars(_TAKEN, {"names": names}))

    @staticmethod
    def _write_shares(connection: Connection, entry_id: str, users: Iterable[str]) -> list[str]:
        """Write the entry's named users; the users written (each once, sorted)."""
        rows = share_rows(entry_id, users)
        if rows:
            connection.execute(insert(ShareRow), rows)
        return [row["username"] for row in rows]

    @staticmethod
    def _entries(session: Session, rows: Sequence[EntryRow | Row[Any]]) -> list[Entry]:
        """The entries of ``rows`` with their named users, in one query for all of them."""
        users: dict[str, list[str]] = {row.id: [] for row in rows}
        if users:
            shares = session.execute(
                select(ShareRow.entry_id, ShareRow.username).where(ShareRow.entry_id.in_(users))
            )
            for entry_id, username in shares:
                users[entry_id].append(username)
        return [to_entry(row, users[row.id]) for row in rows]

    def _load(self, session: Session, entry_id: str) -> Entry:
        row = session.scalars(select(EntryRow).where(EntryRow.id == entry_id)).one()
        return self._entries(session, [row])[0]


#: The IDs among ``names`` that are taken (built once: the statement's compiled form is
#: cached by SQLAlchemy, so a create does not rebuild it).
_TAKEN: Final = select(EntryRow.id).where(EntryRow.id.in_(bindparam("names", expanding=True)))


def _insert_statement(dialect_name: str) -> ReturningInsert[Any]:
    """``INSERT … ON CONFLICT (id) DO NOTHING RETURNING`` the response's columns: one
    statement writes the entry and reads it back as stored (no row: the ID is taken).
    Built on the table rather than the mapped class, so that a create skips the ORM's
    per-statement bookkeeping; its values come as parameters, so it compiles once."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    table = cast(Table, EntryRow.__table__)
    statement: ReturningInsert[Any] = (
        dialect.insert(table)
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(*(table.c[name] for name in RETURNED))
    )
    return statement


def _now() -> datetime:
    return datetime.now(timezone.utc)
