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

import re
import unicodedata
from typing import Final

from sqlalchemy import ColumnElement, String, cast, column, func, literal_column, select, table
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from .tables import TITLE_KEY_LENGTH, EntryRow

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


def text_condition(dialect_name: str, terms: list[str]) -> ColumnElement[bool]:
    """The WHERE clause that keeps entries matching every term (``terms`` not empty)."""
    if dialect_name == "postgresql":
        query = func.to_tsquery(cast("simple", REGCONFIG), postgresql_tsquery(terms))
        return literal_column("entries.search_vector").bool_op("@@")(query)
    matching = (
        select(_FTS_DOCS.c.entry_id)
        .select_from(_FTS.join(_FTS_DOCS, _FTS_DOCS.c.doc == _FTS.c.rowid))
        .where(_FTS.c.entries_fts.bool_op("MATCH")(sqlite_match_expression(terms)))
    )
    # ``+id``: SQLite must not drive the query from the matches through the id index
    # (thousands of lookups, then a sort); it walks the scope's (key, id) index in
    # order and probes the matches, materialised once, stopping after one page.
    unindexed_id = UnaryExpression(EntryRow.id.expression, operator=custom_op("+"), type_=String())
    return unindexed_id.in_(matching)
