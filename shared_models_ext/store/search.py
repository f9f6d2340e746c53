"""Full-text search: one tokenizer in Python, one condition per backend.

Both the indexed text and the user's query go through :func:`words`, so the database
only ever sees space-separated runs of letters and digits. That keeps the user's
characters from ever being read as query syntax (FTS5's ``NEAR``/``*``/quotes,
tsquery's ``&``/``!``/``:``), and makes SQLite FTS5 and PostgreSQL's ``simple``
parser agree on what a word is (PostgreSQL would otherwise keep e-mail addresses,
URLs and ``1.5`` as single tokens, and fold accents differently from FTS5).

Matching is case- and accent-insensitive, and every query word is a prefix that
must match (AND).
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Connection,
    Double,
    Select,
    and_,
    bindparam,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.expression import BindParameter, UnaryExpression
from sqlalchemy.sql.operators import custom_op
from typing_extensions import TypeVarTuple, Unpack

from ..domain.paging import MAX_EXACT_TOTAL
from .tables import TITLE_KEY_LENGTH, EntryRow

Ts = TypeVarTuple("Ts")

MAX_WORD_LENGTH: Final = 64  # longer words are cut to this, in the index and in queries
MAX_INDEXED_WORDS: Final = 20_000  # of one field (PostgreSQL caps a tsvector at 1 MB)
_WORD: Final = re.compile(r"[^\W_]+")  # letters and digits; "_" separates words


def fold(text: str) -> str:
    """Case- and accent-folded text: ``"Café ÉCLAIR"`` → ``"cafe eclair"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def words(text: str) -> list[str]:
    """The searchable words of ``text``, folded, in order (duplicates kept)."""
    return [word[:MAX_WORD_LENGTH] for word in _WORD.findall(fold(text))]


def search_text(text: str) -> str:
    """What is stored for the full-text index: the words of ``text``, space-separated."""
    return " ".join(words(text)[:MAX_INDEXED_WORDS])


def search_words(*fields: str) -> str:
    """What ``entries.search_words`` holds: the stored words of each field (title,
    keywords, description) after a space, so that ``LIKE '% word%'`` finds a word that
    starts with ``word`` in any of them (:func:`text_condition`)."""
    return "".join(" " + words for words in fields)


def title_key(title: str) -> str:
    """The sort key of a title: folded, so "éclair" sorts with "Eclair"."""
    return fold(title)[:TITLE_KEY_LENGTH]


def query_words(text: str | None) -> list[str]:
    """The distinct words of a user's search, in order; empty means "no text filter"."""
    return list(dict.fromkeys(words(text or "")))


def sqlite_match_expression(terms: list[str]) -> str:
    """An FTS5 query: every term as a quoted prefix phrase, all required."""
    return " AND ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def postgresql_tsquery(terms: list[str]) -> str:
    """A ``to_tsquery`` text: every term as a quoted prefix lexeme, all required."""
    quoted = ("'" + term.replace("\\", "\\\\").replace("'", "''") + "':*" for term in terms)
    return " & ".join(quoted)


_FTS: Final = table("entries_fts", column("rowid"), column("entries_fts"))
_FTS_DOCS: Final = table("entries_fts_docs", column("doc"), column("entry_id"))
_FTS_VOCAB: Final = table("entries_fts_vocab", column("term"), column("doc"))

#: The search planner (PostgreSQL): a search matching fewer entries than this is run
#: from its matches (read them, sort them: a rare word costs what its few matches
#: cost); a more common one walks the scope's sort index in order and keeps the
#: matching entries, stopping after one page. SQLite draws its line by the catalog's
#: size (:func:`sqlite_is_rare`).
RARE_BELOW: Final = 2000
#: How many matches the count of a page reads at most (``domain/paging.py``).
_COUNTED: Final = MAX_EXACT_TOTAL + 1


def unindexed(expression: ColumnElement[Any]) -> ColumnElement[Any]:
    """``+expression``: SQLite will not use an index for it (a planner hint; same value)."""
    return UnaryExpression(expression, operator=custom_op("+"), type_=expression.type)


def is_rare(connection: Connection, terms: list[str]) -> bool:
    """The planner's choice: run the search from its matches (True), or walk the sort
    index and keep the entries that match (False)."""
    if connection.dialect.name == "postgresql":
        return postgresql_estimate(connection, terms) < RARE_BELOW
    return sqlite_is_rare(connection, terms)


def sqlite_is_rare(connection: Connection, terms: list[str]) -> bool:
    """SQLite: reading ``m`` matches costs about ``m`` row reads; walking the sort index
    to count ``_COUNTED`` of them costs about ``_COUNTED * n / m`` (``n`` entries). The
    two meet at ``m = sqrt(_COUNTED * n)``: about 10,000 matches in 100,000 entries."""
    documents = int(connection.scalar(select(func.max(_FTS_DOCS.c.doc))) or 0)
    line = math.isqrt(_COUNTED * documents)
    return sqlite_estimate(connection, terms, below=line) < line


#: PostgreSQL: in a catalog of more entries than this, a search's matches are
#: estimated from a block sample of about SAMPLE_ROWS entries, not counted: counting
#: reads the GIN index's whole posting lists of every prefix (30 ms for three words
#: at 100,000 entries), a sample costs the same whatever the words (about 1 ms).
SAMPLE_ABOVE: Final = 20_000
SAMPLE_ROWS: Final = 1_000


def postgresql_estimate(connection: Connection, terms: list[str]) -> int:
    """About how many entries a search of ``terms`` matches (PostgreSQL's planner has
    no statistics for prefix words: it guesses 2% of the table for any ``word:*``).

    A small catalog (or one never analysed): counted through the GIN index up to
    ``RARE_BELOW``. A large one: the share of matches in ``TABLESAMPLE SYSTEM`` (whole
    blocks, about ``SAMPLE_ROWS`` entries; ``REPEATABLE``, so a query plans the same
    way each time) times the table's size from its statistics (``pg_class.reltuples``,
    kept by autovacuum)."""
    size = connection.exec_driver_sql(
        "SELECT reltuples FROM pg_class WHERE oid = 'entries'::regclass"
    ).scalar()
    if size is None or size <= SAMPLE_ABOVE:
        matches = (
            select(literal_column("1"))
            .select_from(EntryRow)
            .where(text_condition("postgresql", terms, from_matches=True))
            .limit(RARE_BELOW)
            .subquery()
        )
        return int(connection.scalar(select(func.count()).select_from(matches)) or 0)
    percent = min(100.0, 100.0 * SAMPLE_ROWS / float(size))
    sampled, found = connection.execute(
        text(
            "SELECT count(*), count(*) FILTER (WHERE search_vector @@ "
            "to_tsquery('simple'::regconfig, :words)) "
            "FROM entries TABLESAMPLE SYSTEM (:percent) REPEATABLE (0)"
        ),
        {"words": postgresql_tsquery(terms), "percent": percent},
    ).one()
    return round(float(size) * found / sampled) if sampled else 0


def sqlite_estimate(connection: Connection, terms: list[str], below: int = 0) -> int:
    """At most how many entries hold every one of ``terms`` (each a prefix), from the
    FTS5 vocabulary (``entries_fts_vocab``, migration 0004): for each term, the entries
    holding a word it starts, summed; the fewest of those. FTS5 counts a word's entries
    from its list in the index, never reading an entry. Longer terms are asked first
    (they are rarer, as a rule), and once one is under ``below`` the rest are not."""
    fewest: int | None = None
    for term in sorted(terms, key=len, reverse=True):
        upper = term[:-1] + chr(ord(term[-1]) + 1)  # the first string after the prefix
        count = connection.scalar(
            select(func.coalesce(func.sum(_FTS_VOCAB.c.doc), 0)).where(
                _FTS_VOCAB.c.term >= term, _FTS_VOCAB.c.term < upper
            )
        )
        fewest = int(count or 0) if fewest is None else min(fewest, int(count or 0))
        if fewest < below:
            break
    return fewest or 0


#: Best match on SQLite: bm25's weight of each FTS5 column (title, keywords,
#: description), so a word in the title counts ten times one in the description.
#: PostgreSQL ranks with ``ts_rank_cd``'s default weights of the tsvector's labels
#: (migration 0001): A (title) 1.0, B (keywords) 0.4, C (description) 0.2.
BM25_WEIGHTS: Final = (10.0, 5.0, 1.0)


def relevance(dialect_name: str, terms: list[str]) -> ColumnElement[float]:
    """How well an entry matches ``terms``, higher is better (a double on both
    backends, so a cursor carries it exactly). SQLite's ``-bm25(…)`` needs the FTS5
    table and its MATCH in the same query (:func:`sqlite_ranked`)."""
    if dialect_name == "postgresql":
        vector: ColumnElement[Any] = literal_column("entries.search_vector")
        return cast(func.ts_rank_cd(vector, _tsquery(terms)), Double)
    return type_coerce(-func.bm25(literal_column("entries_fts"), *BM25_WEIGHTS), Double)


def sqlite_ranked(statement: Select[Unpack[Ts]], terms: list[str]) -> Select[Unpack[Ts]]:
    """``statement`` (over ``entries``) joined to the FTS5 matches of ``terms``, which
    drive it: bm25 is computed as FTS5 reads each match."""
    source = _FTS.join(_FTS_DOCS, _FTS_DOCS.c.doc == _FTS.c.rowid).join(
        EntryRow, EntryRow.id == _FTS_DOCS.c.entry_id
    )
    return statement.select_from(source).where(_sqlite_match(terms))


def sqlite_top_ranked(
    terms: list[str], count: int, order: str, bound: float | None
) -> Select[int, float]:
    """The ``count`` best (``order="desc"``; worst for ``"asc"``) FTS5 matches of
    ``terms`` as ``(doc, rank)``, from the FTS5 index alone (no entry is read), ranks
    no better (no worse) than ``bound``. Ties at the last rank are cut anywhere."""
    rank = relevance("sqlite", terms)
    statement = select(_FTS.c.rowid, rank).where(_sqlite_match(terms))
    if bound is not None:
        statement = statement.where(rank <= bound if order == "desc" else rank >= bound)
    return statement.order_by(rank.desc() if order == "desc" else rank.asc()).limit(count)


def sqlite_entries_of_docs(
    columns: tuple[ColumnElement[Any] | InstrumentedAttribute[Any], ...], docs: list[int]
) -> Select[Unpack[tuple[Any, ...]]]:
    """``columns`` of the entries of FTS5 documents ``docs``, each row with its document
    number last."""
    return (
        select(*columns, _FTS_DOCS.c.doc)
        .join(_FTS_DOCS, _FTS_DOCS.c.entry_id == EntryRow.id)
        .where(_FTS_DOCS.c.doc.in_(docs))
    )


def _sqlite_match(terms: list[str]) -> ColumnElement[bool]:
    expression: BindParameter[str] = bindparam("match", sqlite_match_expression(terms))
    return _FTS.c.entries_fts.bool_op("MATCH")(expression)


def _tsquery(terms: list[str]) -> ColumnElement[Any]:
    words: BindParameter[str] = bindparam("tsquery", postgresql_tsquery(terms))
    return func.to_tsquery(cast("simple", REGCONFIG), words)


def text_values(dialect_name: str, terms: list[str]) -> dict[str, str]:
    """The values of the named parameters of the search's statements (``terms`` not
    empty): what a statement prepared for another search of as many words is run with
    (``store/prepared.py``)."""
    if dialect_name == "postgresql":
        return {"tsquery": postgresql_tsquery(terms)}
    values = {"match": sqlite_match_expression(terms)}
    values.update((f"word_{number}", f"% {term}%") for number, term in enumerate(terms))
    return values


def text_condition(
    dialect_name: str, terms: list[str], *, from_matches: bool = False
) -> ColumnElement[bool]:
    """The WHERE clause that keeps entries matching every term (``terms`` not empty).

    SQLite, ``from_matches``: the FTS5 matches drive the query (the id index); the
    caller keeps the sort index out of the way (:func:`unindexed`). Otherwise each entry
    met along the sort index is checked against its own stored words (the words of
    the ``search_*`` columns FTS5 indexes, joined in ``search_words``: a
    ``LIKE '% word%'`` per term is FTS5's prefix match), so a page of a common word
    reads about a page of rows (FTS5 cannot be asked about one row cheaply). PostgreSQL:
    ``from_matches``, the GIN index (``listing.order_by`` keeps the sort index out of
    the way); otherwise the tsvector through ``coalesce``, which the GIN index does not
    serve, so the sort index is walked and each row checked (PostgreSQL's own guess for
    any ``word:*`` is 2% of the table, which sends common words to the GIN index and a
    sort of all matches).
    """
    if dialect_name == "postgresql":
        vector: ColumnElement[Any] = literal_column("entries.search_vector")
        if not from_matches:
            vector = func.coalesce(vector, vector)
        return vector.bool_op("@@")(_tsquery(terms))
    if not from_matches:
        joined = literal(" ") + EntryRow.search_title + " " + EntryRow.search_keywords + " "
        # Joined when the entry was written (migration 0007), else joined here.
        words = func.coalesce(EntryRow.search_words, joined + EntryRow.search_description)
        # Terms are runs of letters and digits (:func:`words`): nothing LIKE would read
        # as a wildcard; stored and asked words are folded alike.
        return and_(
            *(
                words.like(bindparam(f"word_{number}", f"% {term}%"))
                for number, term in enumerate(terms)
            )
        )
    matching = (
        select(_FTS_DOCS.c.entry_id)
        .select_from(_FTS.join(_FTS_DOCS, _FTS_DOCS.c.doc == _FTS.c.rowid))
        .where(_sqlite_match(terms))
    )
    return EntryRow.id.in_(matching)
