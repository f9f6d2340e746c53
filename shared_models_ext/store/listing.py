"""A catalog query (:class:`StoreQuery`) and its SQL: scope, filters, search, keyset
order and position."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final, get_args

from sqlalchemy import (
    ColumnElement,
    ScalarSelect,
    Select,
    UnaryExpression,
    bindparam,
    func,
    literal,
    select,
    true,
    tuple_,
)
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.expression import BindParameter
from typing_extensions import Unpack

from ..domain.errors import invalid_field
from ..domain.paging import MAX_EXACT_TOTAL, MAX_PAGE_SIZE
from ..domain.vocabulary import Scope, SortKey, SortOrder
from . import search
from .cursor import Position
from .mapping import PAGE_COLUMNS
from .search import query_words, text_condition, unindexed
from .tables import EntryRow, ShareRow

MAX_LIMIT: Final = MAX_PAGE_SIZE


@dataclass(frozen=True)
class StoreQuery:
    """One page of a catalog query, as seen by ``viewer``.

    scope: ``mine`` = owner is viewer; ``shared-with-me`` = owner is not viewer and
    viewer is a named user of the share; ``organization`` = shared organization-wide.
    ``text`` is the raw user search string (any characters; never a syntax error).
    ``cursor`` is an opaque string from a previous page's ``next_cursor``.
    """

    viewer: str
    scope: Scope = "organization"
    kind: str | None = None
    data_type: str | None = None
    task: str | None = None
    framework: str | None = None
    canvas_only: bool = False
    text: str | None = None
    sort: SortKey = "updated"
    order: SortOrder = "desc"
    limit: int = 50
    cursor: str | None = None


def check(query: StoreQuery) -> None:
    """``InvalidInput`` for values no client of the store should send."""
    if query.scope not in get_args(Scope):
        raise invalid_field(["scope"], f"Unknown scope {query.scope!r}.")
    if query.sort not in get_args(SortKey):
        raise invalid_field(["sort"], f"Unknown sort {query.sort!r}.")
    if query.order not in get_args(SortOrder):
        raise invalid_field(["order"], f"Unknown order {query.order!r}.")
    if not 1 <= query.limit <= MAX_LIMIT:
        raise invalid_field(["limit"], f"The page size must be between 1 and {MAX_LIMIT}.")


def ranked_or_not(query: StoreQuery) -> StoreQuery:
    """``query`` as run: Best match of a search with no words (only punctuation, which
    matches everything) has nothing to rank, so it lists the last updated first (or
    last, for ``order=asc``), and its cursors are those of that order."""
    if query.sort == "relevance" and not query_words(query.text):
        return replace(query, sort="updated")
    return query


#: The filters of a query: its field, the column it keeps entries by.
FILTERS: Final = {
    "kind": EntryRow.kind,
    "data_type": EntryRow.data_type,
    "task": EntryRow.task,
    "framework": EntryRow.framework,
}


def conditions(
    query: StoreQuery,
    dialect_name: str,
    *,
    from_matches: bool = False,
    from_filters: bool = False,
    text: bool = True,
) -> list[ColumnElement[bool]]:
    """What an entry must satisfy to be listed (all of it), whatever the page.

    ``from_matches``: the planner found the search rare (``search.is_rare``), so its
    matches drive the query; on SQLite no other condition may then lead to an index.
    ``from_filters``: the planner found the filters rare (:func:`is_filtered`,
    ``SqlCatalogStore._rare_filters``), so a filter's index drives the query (it holds
    the scope and the other filters: ``tables.FILTER_COLUMNS``); on SQLite the scope
    may then not lead to its sort index.
    ``text=False``: without the search's own condition (the caller joins the matches).
    """
    hide = from_matches and dialect_name == "sqlite"
    hide_scope = hide or (from_filters and dialect_name == "sqlite")

    def col(attribute: InstrumentedAttribute[Any], scope: bool = False) -> ColumnElement[Any]:
        hidden = hide_scope if scope else hide
        return unindexed(attribute.expression) if hidden else attribute.expression

    where: list[ColumnElement[bool]] = []
    viewer: BindParameter[str] = bindparam("viewer", query.viewer)
    if query.scope == "mine":
        where.append(col(EntryRow.owner, scope=True) == viewer)
    elif query.scope == "shared-with-me":
        named = select(ShareRow.entry_id).where(ShareRow.username == viewer)
        where.extend([EntryRow.owner != viewer, col(EntryRow.id, scope=True).in_(named)])
    else:
        where.append(col(EntryRow.share_organization, scope=True) == true())
    for name, column in FILTERS.items():
        value = getattr(query, name)
        if value is not None:
            where.append(col(column) == bindparam(name, value))
    if query.canvas_only:
        where.append(col(EntryRow.canvas_shared) == true())
    terms = query_words(query.text)
    if terms and text:
        where.append(text_condition(dialect_name, terms, from_matches=from_matches))
    return where


def sort_key(sort: SortKey, dialect_name: str, terms: list[str]) -> ColumnElement[Any]:
    """The value a page is sorted by (then by id): the last update, the title's sort key,
    or for ``relevance`` how well the entry matches ``terms`` (``search.relevance``)."""
    if sort == "relevance":
        return search.relevance(dialect_name, terms)
    column = EntryRow.updated_at if sort == "updated" else EntryRow.title_key
    return column.expression


def is_filtered(query: StoreQuery) -> bool:
    """Whether ``query`` keeps entries by a filter (kind, data type, task, framework or
    canvas)."""
    return any(getattr(query, name) is not None for name in FILTERS) or query.canvas_only


def filters_count(query: StoreQuery, dialect_name: str) -> ScalarSelect[int]:
    """The capped count of the entries of ``query``'s scope that pass its filters (its
    search left out), read from a filter's index alone: how the planner tells a rare
    filter (``SqlCatalogStore._rare_filters``)."""
    unsearched = replace(query, text=None)
    return capped_count(conditions(unsearched, dialect_name, from_filters=True))


def walks_an_index(query: StoreQuery, *, rare: bool) -> bool:
    """Whether, on PostgreSQL, the page and its count are best read by walking an index
    and stopping early, with sequential and bitmap scans off (``Database.read``): a
    common search, or filters. For a common search the page is the first few matches
    along the sort index; PostgreSQL has no statistics for prefix words, guesses a
    handful of matches for several of them, and would then scan and sort the whole scope
    (90 ms instead of a few at 100,000 entries). For two filters it would AND the bitmaps
    of both whole indexes before it could stop (8 → 3 ms to count 1,000 of 100,000
    entries). A rare search is read from the GIN index, which only a bitmap scan can
    use, and Best match ranks every match."""
    if query.sort == "relevance" or rare:
        return False
    return bool(query.text) or is_filtered(query)


def page(
    query: StoreQuery,
    dialect_name: str,
    position: Position | None,
    *,
    from_matches: bool,
    from_filters: bool = False,
    also: ColumnElement[Any] | None = None,
) -> Select[Unpack[tuple[Any, ...]]]:
    """One page of ``query`` after ``position``, and one row more (so the caller knows
    whether another page follows): rows of ``mapping.PAGE_COLUMNS``, then ``also`` if
    given (the capped count, :func:`capped_count`), then the sort key.

    Best match (``relevance``) ranks every match, so it always reads them from the
    full-text index; on SQLite the rank (bm25) exists only in a query over the FTS5
    table, which the page then joins instead of asking ``entries.id IN (matches)``.
    """
    terms = query_words(query.text)
    key = sort_key(query.sort, dialect_name, terms)
    statement: Select[Unpack[tuple[Any, ...]]]
    columns = (*PAGE_COLUMNS, *(() if also is None else (also,)), key)
    if query.sort == "relevance" and dialect_name == "sqlite":
        filters = conditions(query, dialect_name, from_matches=True, text=False)
        statement = search.sqlite_ranked(select(*columns), terms).where(*filters)
    else:
        where = conditions(
            query, dialect_name, from_matches=from_matches, from_filters=from_filters
        )
        statement = select(*columns).where(*where)
    if position is not None:
        statement = statement.where(after(position, key))
    indexed = query.sort != "relevance"  # no index holds a rank: nothing to keep away
    sorted_after = (from_matches or from_filters) and indexed
    order = order_by(key, query.order, dialect_name, from_matches=sorted_after)
    return statement.order_by(*order).limit(bindparam("limit", query.limit + 1))


def values(query: StoreQuery, dialect_name: str, position: Position | None) -> dict[str, Any]:
    """The values of the named parameters of :func:`page` and :func:`conditions` for
    ``query`` after ``position``: what a statement prepared for another query of the
    same shape is run with (``store/prepared.py``). Every value that varies from one
    query to the next is one of these; the rest of a statement's parameters are its
    constants."""
    given: dict[str, Any] = {"viewer": query.viewer, "limit": query.limit + 1}
    for name in FILTERS:
        value = getattr(query, name)
        if value is not None:
            given[name] = value
    terms = query_words(query.text)
    if terms:
        given.update(search.text_values(dialect_name, terms))
    if position is not None:
        given.update(after_key=position.key, after_id=position.id)
    return given


def capped_count(where: list[ColumnElement[bool]]) -> ScalarSelect[int]:
    """How many entries satisfy ``where``, counting no further than one past
    ``MAX_EXACT_TOTAL``: the count reads at most that many index entries. A scalar
    subquery, so that a page can carry it (one statement, one snapshot: :func:`page`)."""
    matches = select(literal(1)).select_from(EntryRow).where(*where)
    bounded = matches.limit(MAX_EXACT_TOTAL + 1).subquery()
    return select(func.count()).select_from(bounded).scalar_subquery()


def order_by(
    key: ColumnElement[Any], order: SortOrder, dialect_name: str, *, from_matches: bool = False
) -> list[UnaryExpression[Any]]:
    """The keyset order: ``key``, then id. ``from_matches`` on PostgreSQL (a rare
    search): the same order through ``coalesce(column, column)``, which no index serves,
    so the planner reads the few matches from the GIN index and sorts them instead of
    walking the sort index in search of them."""
    columns: list[ColumnElement[Any]] = [key, EntryRow.id.expression]
    if from_matches and dialect_name == "postgresql":
        columns = [func.coalesce(column, column) for column in columns]
    return [column.desc() if order == "desc" else column.asc() for column in columns]


def after(position: Position, key: ColumnElement[Any]) -> ColumnElement[bool]:
    """Rows strictly after ``position`` in its sort and order (a row-value comparison,
    which both backends serve from the (key, id) indexes)."""
    here = tuple_(key, EntryRow.id)
    there = tuple_(
        bindparam("after_key", position.key, type_=key.type),
        bindparam("after_id", position.id, type_=EntryRow.id.type),
    )
    return here < there if position.order == "desc" else here > there
