"""Best match (``sort=relevance``) on SQLite: rank from the FTS5 index, then read only
the entries a page needs.

Ranking a search means ranking every match, and joining every match to its entry (to
keep the scope and filters) costs far more than the ranking: at 100,000 entries a word
in 64,000 of them takes about 60 ms to rank and 300 ms to rank and join. So a page
first takes the best few hundred matches from FTS5 alone (:func:`search.sqlite_top_ranked`),
then reads those entries, keeps the ones the query lists and orders them by (rank, id)
as the one-query plan (``listing.page``) does. The answer is exact: a candidate is
certain when its rank is strictly better than the worst rank taken (anything not taken
ranks no better). When too few are certain (narrow filters), a second round takes as
many more as the first round's share of listed entries calls for; when that does not
settle it either (very narrow filters, many equal ranks) the page is ranked in one
query.
"""

from __future__ import annotations

import math
from typing import Any, Final

from sqlalchemy import Connection, Row

from . import listing, search
from .cursor import Position
from .listing import StoreQuery
from .mapping import PAGE_COLUMNS

#: Candidates taken from FTS5 per row of the page (then at least MIN_CANDIDATES): the
#: organization scope holds most entries, so one round serves it. A second round takes
#: as many as the share of listed candidates in the first says the page needs (narrow
#: filters), up to MAX_CANDIDATES; after that the page is ranked in one query.
CANDIDATES_PER_ROW: Final = 4
MIN_CANDIDATES: Final = 200
MAX_CANDIDATES: Final = 10_000
ROUNDS: Final = 2

Key = tuple[Any, str]  # (rank, entry id)


def sqlite_best_match(
    connection: Connection, query: StoreQuery, position: Position | None
) -> tuple[list[tuple[Row[Any], Any]], int | None]:
    """The page of a Best match query (``query.limit + 1`` rows at most), each entry
    (a row of ``mapping.PAGE_COLUMNS``) with its rank, after ``position``; and how
    many entries the query lists, when the page has read them all (a first page whose
    candidates were every match: a rare word), else None."""
    wanted = query.limit + 1
    budget = max(MIN_CANDIDATES, CANDIDATES_PER_ROW * wanted)
    for _ in range(ROUNDS):
        page, listed_share, listed = _from_candidates(connection, query, position, budget)
        if page is not None:
            return page, listed
        needed = math.ceil(2 * wanted / listed_share) if listed_share else MAX_CANDIDATES
        if budget >= MAX_CANDIDATES:
            break
        budget = min(MAX_CANDIDATES, max(needed, 4 * budget))
    statement = listing.page(query, "sqlite", position, from_matches=True)
    return [(row, row[-1]) for row in connection.execute(statement)], None


def _from_candidates(
    connection: Connection, query: StoreQuery, position: Position | None, budget: int
) -> tuple[list[tuple[Row[Any], Any]] | None, float, int | None]:
    """The page from the ``budget`` best matches, or None when they do not settle it;
    the share of those matches the query lists (its filters and scope); and when they
    were every match of a first page, how many of them it lists."""
    wanted = query.limit + 1
    descending = query.order == "desc"
    mark: Key | None = (position.key, position.id) if position is not None else None
    bound = mark[0] if mark is not None and isinstance(mark[0], float) else None
    terms = search.query_words(query.text)
    ranked = list(connection.execute(search.sqlite_top_ranked(terms, budget, query.order, bound)))
    exhaustive = len(ranked) < budget
    rank_of = {doc: rank for doc, rank in ranked}
    filters = listing.conditions(query, "sqlite", from_matches=True, text=False)
    entries = search.sqlite_entries_of_docs(PAGE_COLUMNS, list(rank_of)).where(*filters)
    found = [((rank_of[row[-1]], row.id), row) for row in connection.execute(entries)]
    listed_share = len(found) / len(ranked) if ranked else 1.0
    listed = len(found) if exhaustive and position is None else None

    def before(key: Key, other: Key) -> bool:
        """Whether ``key`` comes first in the page's order."""
        return key > other if descending else key < other

    if mark is not None:  # strictly after the cursor
        found = [item for item in found if before(mark, item[0])]
    if not exhaustive:  # certain: ranked strictly before any match not taken
        worst = ranked[-1][1]
        found = [item for item in found if item[0][0] != worst and before(item[0], (worst, ""))]
    found.sort(key=lambda item: item[0], reverse=descending)
    if exhaustive or len(found) >= wanted:
        return [(row, key[0]) for key, row in found[:wanted]], listed_share, listed
    return None, listed_share, listed
