"""Entry rows and the pydantic models, mapped by name rather than field by field.

Writing: every field of the request model (``CreateEntry``) that names a column of
``entries`` is copied from its JSON dump (:data:`WRITTEN`). Reading: every field of the
response model (``Entry``) that names a column is read from it (:data:`READ`) and the
``Entry`` is built with ``construct``: no validation, so a row reads back exactly as
stored, whatever rules were in force when it was written (docs/architecture.md).

Only what is not a same-named column is written out here: what the store owns (id,
owner, times, version), the columns derived for sorting and search, ``share``, which is
spread over ``share_organization``, ``canvas_users`` (and its index flag
``canvas_shared``) and the ``entry_shares`` table, and the entry's ``document``: the
``Entry`` as the API sends it, rendered from those same values whenever the store writes
the entry, so that a page is its entries' documents joined (:data:`PAGE_COLUMNS`). A new
entry field is therefore a field of the models and a column of ``tables.py`` (plus its
migration), nothing here: the new ``Entry`` has a new :data:`DOCUMENT_SCHEMA`, and the
store renders every document again when it next opens the catalog.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any, Final

from sqlalchemy import Row

from ..domain.models import CreateEntry, Entry, Share
from ..domain.models.construct import construct
from .search import search_text, search_words, title_key
from .tables import EntryRow

#: Columns the store sets itself, never copied from a request.
STORE_OWNED: Final = frozenset({"id", "owner", "created_at", "updated_at", "version"})
COLUMNS: Final = frozenset(EntryRow.__table__.columns.keys())
#: Request fields copied as they are into the column of the same name.
WRITTEN: Final = frozenset(CreateEntry.model_fields).intersection(COLUMNS) - STORE_OWNED
#: Response fields read as they are from the column of the same name.
READ: Final = tuple(name for name in Entry.model_fields if name in COLUMNS)
#: Every column :func:`to_entry` reads.
RETURNED: Final = (*READ, "share_organization", "canvas_users")
#: Those columns, to select: the store reads plain rows of them, not mapped ``EntryRow``
#: objects (the ORM's identity map and instance state cost more than the query).
ENTRY_COLUMNS: Final = tuple(getattr(EntryRow, name) for name in RETURNED)


def _schema_digest() -> str:
    schema = Entry.model_json_schema(mode="serialization")
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()[:16]


#: Which rendering of an entry ``entries.document`` holds: a digest of the response
#: model's JSON schema, so that any change to ``Entry`` makes the stored documents
#: stale (rendered again by ``SqlCatalogStore.open``, and by a page that meets one).
DOCUMENT_SCHEMA: Final = _schema_digest()
#: What a page selects of each entry: its ID and its document, and which rendering.
PAGE_COLUMNS: Final = (EntryRow.id, EntryRow.document, EntryRow.document_schema)


def row_values(body: CreateEntry, dialect_name: str) -> dict[str, Any]:
    """The ``entries`` columns a validated request determines (not id, owner, times,
    version): its same-named fields, then the sort, search and share columns.

    ``search_words`` only on SQLite, which alone reads it (``search.text_condition``):
    on PostgreSQL it would push an average row past the size at which PostgreSQL
    compresses and moves its largest values out of line, and a common search, which
    checks each row's tsvector, then decompresses every one (two words: 12 → 220 ms at
    100,000 entries)."""
    values = body.model_dump(mode="json", include=set(WRITTEN))
    share = body.share
    searched = (
        search_text(body.title),
        search_text(" ".join(body.keywords)),
        search_text(body.description),
    )
    values.update(
        title_key=title_key(body.title),
        search_title=searched[0],
        search_keywords=searched[1],
        search_description=searched[2],
        search_words=search_words(*searched) if dialect_name == "sqlite" else None,
        share_organization=share.organization,
        canvas_users=list(share.canvas_users),
        canvas_shared=bool(share.canvas_users),
    )
    return values


def share_users(users: Iterable[str]) -> list[str]:
    """An entry's named users as stored: each once, sorted."""
    return sorted(set(users))


def share_rows(entry_id: str, users: Iterable[str]) -> list[dict[str, str]]:
    """The ``entry_shares`` rows of an entry (each user once)."""
    return [{"entry_id": entry_id, "username": user} for user in share_users(users)]


def to_entry(row: Row[Any] | Mapping[str, Any], users: Iterable[str]) -> Entry:
    """The API's view of a row (a result row of the :data:`RETURNED` columns, or the
    values of an insert) and its named users (sorted), as stored."""
    values = row._mapping if isinstance(row, Row) else row
    data = {name: values[name] for name in READ}
    data["share"] = Share.model_construct(
        organization=values["share_organization"],
        users=sorted(users),
        canvas_users=list(values["canvas_users"]),
    )
    return construct(Entry, data)


def document_values(entry: Entry) -> dict[str, str]:
    """The ``document`` columns of ``entry``: its JSON as the API sends it, and which
    rendering that is."""
    return {"document": entry.model_dump_json(), "document_schema": DOCUMENT_SCHEMA}


def new_entry_values(
    entry_id: str, values: Mapping[str, Any], share_users: Iterable[str]
) -> dict[str, Any]:
    """Every column of a new row: ``values`` (:func:`row_values` and what the store
    owns, bar the ID), the ID, and the document they render to."""
    row = {**values, "id": entry_id}
    return {**row, **document_values(to_entry(row, share_users))}
