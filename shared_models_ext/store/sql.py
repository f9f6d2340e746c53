"""The catalog store on SQLAlchemy: entries in an SQLite file (default) or PostgreSQL.

One code path for both. Every method is one short transaction of the
:class:`~shared_models_ext.store.database.Database` (``Database.transaction``), so the
store is safe to call from many threads at once. On PostgreSQL, concurrent ID choices
are settled with ``INSERT … ON CONFLICT DO NOTHING``; on SQLite, by the write lock.

The store takes validated request models (``CreateEntry``) and returns response
models: ``Entry`` (``mapping.py`` turns one into the other) and pages of the entries'
documents (``RenderedPage``, ``documents.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any, Final, cast

from cachetools import LRUCache, TTLCache
from sqlalchemy import (
    Connection,
    Row,
    Table,
    bindparam,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL
from sqlalchemy.sql.dml import ReturningInsert

from ..domain.errors import Conflict, NotFound, PreconditionFailed, invalid_field
from ..domain.ids import choose_free_id, is_valid_id
from ..domain.models import CreateEntry, Entry, RenderedPage
from ..domain.paging import MAX_EXACT_TOTAL
from . import cursor, documents, listing, prepared, ranking, search
from .database import Database
from .engine import DEFAULT_FILE_MODE, log
from .listing import StoreQuery
from .mapping import (
    new_entry_values,
    row_values,
    share_rows,
    share_users,
    to_entry,
)
from .tables import EntryRow, ShareRow

#: How long the planner's choice for a set of words or of filters is kept, and for how
#: many at most (``SqlCatalogStore._rare_search``, ``_rare_filters``).
PLAN_SECONDS: Final = 30.0
PLANS_KEPT: Final = 4096
#: How many compiled page statements are kept (``prepared.py``; a few dozen shapes
#: serve the panel's usual queries).
STATEMENTS_KEPT: Final = 512


class SqlCatalogStore:
    """Catalog entries in the :class:`Database` it is given (or opens, :meth:`open`).

    Every method is synchronous and thread-safe: callers run them off the event loop.
    Errors are the domain errors of ``domain/errors.py``.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self._insert_entry = _insert_statement(database.dialect)
        # The planner's recent choices, by search words or filters (see _planned).
        self._plans: TTLCache[tuple[str, ...], bool] = TTLCache(
            maxsize=PLANS_KEPT, ttl=PLAN_SECONDS
        )
        self._plans_lock = threading.Lock()
        # Page statements compiled for each shape of query (see _page_rows).
        self._statements: LRUCache[prepared.Shape, prepared.Prepared] = LRUCache(
            maxsize=STATEMENTS_KEPT
        )
        self._statements_lock = threading.Lock()

    @classmethod
    def open(
        cls, url: str | URL, *, migrate: bool = True, file_mode: int = DEFAULT_FILE_MODE
    ) -> SqlCatalogStore:
        """A store on a new :meth:`Database.open` of ``url``. ``migrate``: the migrations
        applied, then the documents of entries written before ``Entry`` last changed (or
        before documents existed) rendered again (:meth:`render_documents`)."""
        store = cls(Database.open(url, migrate=migrate, file_mode=file_mode))
        if migrate:
            try:
                rendered = store.render_documents()
            except BaseException:
                store.close()
                raise
            if rendered:
                log.info("Rendered the API documents of %d catalog entries.", rendered)
        return store

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
        values = {
            **row_values(body, self.database.dialect),
            "owner": owner,
            "created_at": now,
            "updated_at": now,
        }
        values["version"] = 1
        users = share_users(body.share.users)
        with self.database.transaction(write=True, dry_run=dry_run) as session:
            connection = session.connection()
            if exact_id:
                row = self._insert(connection, entry_id, values, users)
                if row is None:
                    raise Conflict(
                        f"The ID '{entry_id}' is already taken; choose another one.",
                        [{"loc": ["id"], "msg": f"The ID '{entry_id}' is already taken."}],
                    )
            else:
                row = self._insert_with_free_id(connection, entry_id, values, users)
            self._write_shares(connection, row["id"], users)
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
                .values(
                    **row_values(body, self.database.dialect),
                    version=EntryRow.version + 1,
                    updated_at=_now(),
                )
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
            entry = documents.entry(connection, entry_id)
            assert entry is not None  # just updated, in this transaction
            documents.write(connection, [entry])
            return entry

    def delete(self, entry_id: str) -> bool:
        """Delete; False when there was nothing to delete."""
        with self.database.transaction(write=True) as session:
            deleted = session.connection().execute(delete(EntryRow).where(EntryRow.id == entry_id))
            return deleted.rowcount > 0

    # -- reads -------------------------------------------------------------

    def get(self, entry_id: str) -> Entry | None:
        with self.database.transaction(write=False) as session:
            return documents.entry(session.connection(), entry_id)

    def query(self, query: StoreQuery) -> RenderedPage:
        """Filter, search, sort and page (keyset). ``InvalidInput`` for a bad cursor."""
        listing.check(query)
        query = listing.ranked_or_not(query)
        secret = self.database.cursor_secret
        position = (
            cursor.decode(query.cursor, query.sort, query.order, secret()) if query.cursor else None
        )
        terms = search.query_words(query.text)
        rare = bool(terms) and self._rare_search(terms)
        # A rare search's matches drive its page whatever its filters; Best match ranks
        # every match of its words.
        rare_filters = (
            not rare
            and query.sort != "relevance"
            and query.scope == "organization"
            and listing.is_filtered(query)
            and self._rare_filters(query)
        )
        dialect = self.database.dialect
        walks = dialect == "postgresql" and listing.walks_an_index(query, rare=rare or rare_filters)
        rows, total, page = self.database.read(
            lambda connection: self._page(
                connection, query, position, rare=rare, rare_filters=rare_filters
            ),
            walks=walks,
        )
        next_cursor = None
        if len(rows) > query.limit:
            last, key = rows[query.limit - 1]
            position = cursor.Position(query.sort, query.order, key, last.id)
            next_cursor = cursor.encode(position, secret())
        return RenderedPage(
            documents=page,
            next_cursor=next_cursor,
            total=min(total, MAX_EXACT_TOTAL),
            total_is_exact=total <= MAX_EXACT_TOTAL,
        )

    def render_documents(self, batch: int = 500) -> int:
        """Render the document of every entry that has none, or one of another rendering
        (written before ``Entry`` last changed): how many were rendered. Batches of
        ``batch`` entries."""
        rendered, after = 0, ""
        while True:
            # Looked for in a read (a scan of the catalog when none is stale: 140 ms at
            # 100,000 entries on SQLite), written in a short write, each document only if
            # its entry has not changed since.
            with self.database.transaction(write=False) as session:
                stale = documents.stale_entries(session.connection(), after, batch)
            if not stale:
                return rendered
            with self.database.transaction(write=True) as session:
                documents.write_unchanged(session.connection(), stale)
            rendered, after = rendered + len(stale), stale[-1].id

    # -- helpers -----------------------------------------------------------

    def _page(
        self,
        connection: Connection,
        query: StoreQuery,
        position: cursor.Position | None,
        *,
        rare: bool,
        rare_filters: bool,
    ) -> tuple[list[tuple[Row[Any], Any]], int, list[str]]:
        """The page's rows (each with its sort key), the capped count of every match,
        and the page's documents: the count rides in the page's statement (one
        statement, one round trip), except for Best match on SQLite (unless its page
        read every match) and past the last page."""
        dialect = self.database.dialect
        rows: list[tuple[Row[Any], Any]]
        total: int | None = None
        if query.sort == "relevance" and dialect == "sqlite":
            rows, total = ranking.sqlite_best_match(connection, query, position)
        else:
            rows = self._page_rows(
                connection, query, position, rare=rare, rare_filters=rare_filters
            )
            if rows:
                total = rows[0][0].total
            elif position is None:
                total = 0  # nothing matches at all
        if total is None:
            where = listing.conditions(query, dialect, from_matches=rare, from_filters=rare_filters)
            total = connection.scalar(select(listing.capped_count(where))) or 0
        page = documents.page_documents(connection, [row for row, _ in rows[: query.limit]])
        return rows, total, page

    def _page_rows(
        self,
        connection: Connection,
        query: StoreQuery,
        position: cursor.Position | None,
        *,
        rare: bool,
        rare_filters: bool,
    ) -> list[tuple[Row[Any], Any]]:
        """The rows of ``listing.page`` with the capped count of every match riding
        along, each with its sort key: run from the statement compiled for the query's
        shape (``prepared.py``), compiled now if it is the first of its shape."""
        dialect = self.database.dialect
        shape = prepared.shape_of(
            query, dialect, position, from_matches=rare, from_filters=rare_filters
        )
        values = listing.values(query, dialect, position)
        with self._statements_lock:
            statement = self._statements.get(shape)
        if statement is None:
            where = listing.conditions(query, dialect, from_matches=rare, from_filters=rare_filters)
            count = listing.capped_count(where)
            # Best match ranks every match: it always reads them from the index.
            ranked = rare or query.sort == "relevance"
            built = listing.page(
                query,
                dialect,
                position,
                from_matches=ranked,
                from_filters=rare_filters,
                also=count.label("total"),
            )
            statement = prepared.prepare(built, values, connection.dialect)
            with self._statements_lock:
                self._statements[shape] = statement
        return statement.rows(connection, values)

    def _rare_search(self, terms: list[str]) -> bool:
        """The search planner: whether the search matches so few entries that reading
        its matches and sorting them beats walking the sort index (``search.is_rare``).

        The choice is kept for ``PLAN_SECONDS`` per set of words: the estimate reads the
        index's statistics (1.5 ms for a word of 60,000 entries on SQLite, a block
        sample on PostgreSQL), and both plans return the same entries, so a choice a
        little behind the catalog costs time at worst, never a wrong answer."""
        key = ("words", *sorted(terms))
        return self._planned(key, lambda connection: search.is_rare(connection, terms))

    def _rare_filters(self, query: StoreQuery) -> bool:
        """The planner, for the filters of an organization-wide query: whether so few
        shared entries pass them (at most ``MAX_EXACT_TOTAL``) that reading them from a
        filter's index and sorting them beats walking the organization's sort index
        past every entry that fails them: a filter value that nothing or little
        matches would otherwise walk the whole organization (51 ms at 100,000 entries
        on SQLite). Counted from the filter's index alone (migration 0006: 0.1 ms), and
        kept like a search's choice (``PLAN_SECONDS``), per filter values. A user's own
        entries, and those shared with them by name, are few enough to walk: read
        from a filter's index they would cost what every user's entries of that
        filter value cost."""
        dialect = self.database.dialect
        filters = tuple(str(getattr(query, name)) for name in listing.FILTERS)
        key = ("filters", *filters, str(query.canvas_only))

        def few(connection: Connection) -> bool:
            count = listing.filters_count(query, dialect)
            return int(connection.scalar(select(count)) or 0) <= MAX_EXACT_TOTAL

        return self._planned(key, few)

    def _planned(self, key: tuple[str, ...], choose: Callable[[Connection], bool]) -> bool:
        """The planner's recent choice for ``key``, else ``choose``'s (then kept)."""
        with self._plans_lock:
            known = self._plans.get(key)
        if known is not None:
            return known
        chosen = self.database.read(choose)
        with self._plans_lock:
            self._plans[key] = chosen
        return chosen

    def _insert(
        self, connection: Connection, entry_id: str, values: dict[str, Any], users: list[str]
    ) -> dict[str, Any] | None:
        """Insert the entry, its document rendered, unless its ID is taken (waiting for a
        concurrent insert of the same ID to commit or roll back): the row's values,
        None when taken."""
        row = new_entry_values(entry_id, values, users)
        inserted = connection.execute(self._insert_entry, row).first()
        return None if inserted is None else row

    def _insert_with_free_id(
        self, connection: Connection, base: str, values: dict[str, Any], users: list[str]
    ) -> dict[str, Any]:
        # The base is the first ID choose_free_id would pick when free: try it first,
        # so the usual create (a title nobody used) is one statement, no lookup.
        row = self._insert(connection, base, values, users)
        if row is not None:
            return row
        while True:
            candidate = choose_free_id(base, lambda names: self._taken(connection, names))
            row = self._insert(connection, candidate, values, users)
            if row is not None:
                return row
            # Another server took it since we looked (PostgreSQL): look again.

    @staticmethod
    def _taken(connection: Connection, names: list[str]) -> set[str]:
        """Which of ``names`` are existing IDs: one primary-key lookup per name, one query."""
        return set(connection.scalars(_TAKEN, {"names": names}))

    @staticmethod
    def _write_shares(connection: Connection, entry_id: str, users: Iterable[str]) -> None:
        """Write the entry's named users (each once)."""
        rows = share_rows(entry_id, users)
        if rows:
            connection.execute(insert(ShareRow), rows)


#: The IDs among ``names`` that are taken (built once: the statement's compiled form is
#: cached by SQLAlchemy, so a create does not rebuild it).
_TAKEN: Final = select(EntryRow.id).where(EntryRow.id.in_(bindparam("names", expanding=True)))


def _insert_statement(dialect_name: str) -> ReturningInsert[Any]:
    """``INSERT … ON CONFLICT (id) DO NOTHING RETURNING id``: one statement writes the
    entry, or tells that its ID is taken (no row). Built on the table rather than the
    mapped class, so that a create skips the ORM's per-statement bookkeeping; its values
    come as parameters, so it compiles once."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    table = cast(Table, EntryRow.__table__)
    statement: ReturningInsert[Any] = (
        dialect.insert(table).on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id)
    )
    return statement


def _now() -> datetime:
    return datetime.now(timezone.utc)
