"""Entry rows and the pydantic models, mapped by name rather than field by field.

Writing: every field of the request model (``CreateEntry``) that names a column of
``entries`` is copied from its JSON dump (:data:`WRITTEN`). Reading: every field of the
response model (``Entry``) that names a column is read from it (:data:`READ`) and the
``Entry`` is built with ``construct``: no validation, so a row reads back exactly as
stored, whatever rules were in force when it was written (docs/architecture.md).

Only what is not a same-named column is written out here: what the store owns (id,
owner, times, version), the columns derived for sorting and search, and ``share``,
which is spread over ``share_organization``, ``canvas_users`` (and its index flag
``canvas_shared``) and the ``entry_shares`` table. A new entry field is therefore a
field of the models and a column of ``tables.py`` (plus its migration), nothing here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from sqlalchemy import Row

from ..domain.models import CreateEntry, Entry, Share
from ..domain.models.construct import construct
from .search import search_text, title_key
from .tables import EntryRow

#: Columns the store sets itself, never copied from a request.
STORE_OWNED: Final = frozenset({"id", "owner", "created_at", "updated_at", "version"})
COLUMNS: Final = frozenset(EntryRow.__table__.columns.keys())
#: Request fields copied as they are into the column of the same name.
WRITTEN: Final = frozenset(CreateEntry.model_fields).intersection(COLUMNS) - STORE_OWNED
#: Response fields read as they are from the column of the same name.
READ: Final = tuple(name for name in Entry.model_fields if name in COLUMNS)
#: Every column :func:`to_entry` reads (what an insert returns, what a page selects).
RETURNED: Final = (*READ, "share_organization", "canvas_users")
#: Those columns, to select: a page reads plain rows of them, not mapped ``EntryRow``
#: objects (the ORM's identity map and instance state cost more than the query).
ENTRY_COLUMNS: Final = tuple(getattr(EntryRow, name) for name in RETURNED)


def row_values(body: CreateEntry) -> dict[str, Any]:
    """The ``entries`` columns a validated request determines (not id, owner, times,
    version): its same-named fields, then the sort, search and share columns."""
    values = body.model_dump(mode="json", include=set(WRITTEN))
    share = body.share
    values.update(
        title_key=title_key(body.title),
        search_title=search_text(body.title),
        search_keywords=search_text(" ".join(body.keywords)),
        search_description=search_text(body.description),
        share_organization=share.organization,
        canvas_users=list(share.canvas_users),
        canvas_shared=bool(share.canvas_users),
    )
    return values


def share_rows(entry_id: str, users: Iterable[str]) -> list[dict[str, str]]:
    """The ``entry_shares`` rows of an entry (each user once)."""
    return [{"entry_id": entry_id, "username": user} for user in sorted(set(users))]


def to_entry(row: EntryRow | Row[Any], share_users: Iterable[str]) -> Entry:
    """The API's view of a row (an ``EntryRow``, or a result row of the
    :data:`RETURNED` columns) and its named users (sorted), as stored."""
    data = {name: getattr(row, name) for name in READ}
    data["share"] = Share.model_construct(
        organization=row.share_organization,
        users=sorted(share_users),
        canvas_users=list(row.canvas_users),
    )
    return construct(Entry, data)
