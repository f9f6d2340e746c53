"""Entries read back from their rows, and each entry's API document.

A page of ``GET /entries`` is its entries' documents (``entries.document``), rendered
by ``mapping.document_values`` whenever the store writes an entry; a document that is
missing (a row of an older version) or of another rendering (``document_schema`` is not
``mapping.DOCUMENT_SCHEMA``: ``Entry`` has changed since) is rendered again from the
entry's columns, by a page that meets it (:func:`page_documents`) and for all of them
when the store opens the catalog (:func:`stale_entries`). docs/architecture.md.

The statements are built once: their compiled form is cached by SQLAlchemy, so a
request does not rebuild them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, cast

from sqlalchemy import Connection, Row, Table, bindparam, or_, select, update

from ..domain.models import Entry
from .mapping import DOCUMENT_SCHEMA, ENTRY_COLUMNS, document_values, to_entry
from .tables import EntryRow, ShareRow

#: An entry's columns (what ``to_entry`` reads), by ID.
_ENTRY: Final = select(*ENTRY_COLUMNS).where(EntryRow.id == bindparam("entry_id"))
#: Entries' columns, by IDs.
_ENTRIES: Final = select(*ENTRY_COLUMNS).where(
    EntryRow.id.in_(bindparam("entry_ids", expanding=True))
)
#: The named users of entries.
_SHARES: Final = select(ShareRow.entry_id, ShareRow.username).where(
    ShareRow.entry_id.in_(bindparam("entry_ids", expanding=True))
)
#: Entries after an ID whose document is missing or not of the current rendering, by ID.
_STALE: Final = (
    select(*ENTRY_COLUMNS)
    .where(
        EntryRow.id > bindparam("after"),
        or_(EntryRow.document_schema.is_(None), EntryRow.document_schema != bindparam("schema")),
    )
    .order_by(EntryRow.id)
)
#: Store entries' documents; of entries still at the version they were rendered from.
_WRITE: Final = (
    update(cast(Table, EntryRow.__table__))
    .where(EntryRow.id == bindparam("entry_id"))
    .values(document=bindparam("document"), document_schema=bindparam("document_schema"))
)
_WRITE_UNCHANGED: Final = _WRITE.where(EntryRow.version == bindparam("rendered_version"))


def entry(connection: Connection, entry_id: str) -> Entry | None:
    """The entry ``entry_id`` read from its columns, None when there is none."""
    row = connection.execute(_ENTRY, {"entry_id": entry_id}).first()
    return None if row is None else entries(connection, [row])[0]


def entries(connection: Connection, rows: Sequence[Row[Any]]) -> list[Entry]:
    """The entries of ``rows`` (of ``mapping.ENTRY_COLUMNS``) with their named users, in
    one query for all of them."""
    users: dict[str, list[str]] = {row.id: [] for row in rows}
    if users:
        for entry_id, username in connection.execute(_SHARES, {"entry_ids": list(users)}):
            users[entry_id].append(username)
    return [to_entry(row, users[row.id]) for row in rows]


def write(connection: Connection, written: Sequence[Entry]) -> None:
    """Store the documents of entries just written."""
    connection.execute(_WRITE, [{"entry_id": item.id, **document_values(item)} for item in written])


def page_documents(connection: Connection, rows: Sequence[Row[Any]]) -> list[str]:
    """The documents of a page's ``rows`` (of ``mapping.PAGE_COLUMNS``), in their order:
    as stored, or rendered from the entry's columns when missing or of another
    rendering."""
    stale = [row.id for row in rows if row.document_schema != DOCUMENT_SCHEMA]
    fresh: dict[str, str] = {}
    if stale:
        found = list(connection.execute(_ENTRIES, {"entry_ids": stale}))
        for item in entries(connection, found):
            fresh[item.id] = item.model_dump_json()
    return [fresh.get(row.id, row.document) for row in rows]


def stale_entries(connection: Connection, after: str, batch: int) -> list[Entry]:
    """The next ``batch`` entries whose document is missing or stale, of those whose ID
    comes after ``after`` (``""``: from the first), in ID order. Going by ID, each entry
    is looked at once however many batches it takes."""
    rows = list(
        connection.execute(_STALE.limit(batch), {"after": after, "schema": DOCUMENT_SCHEMA})
    )
    return entries(connection, rows)


def write_unchanged(connection: Connection, rendered: Sequence[Entry]) -> None:
    """Store the documents of entries rendered earlier, each only if the entry is still
    at the version it was rendered from (a write since then stored its own)."""
    connection.execute(
        _WRITE_UNCHANGED,
        [
            {"entry_id": item.id, "rendered_version": item.version, **document_values(item)}
            for item in rendered
        ],
    )
