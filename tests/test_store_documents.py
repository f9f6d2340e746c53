"""Each entry's API document, rendered when the store writes it (``store/mapping.py``).

A page of ``GET /entries`` is its entries' documents joined, so a document must be
exactly the entry rendered from its columns, stay so through every write, and be
rendered again when it is missing (rows of older versions) or of another rendering.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import payloads
import pytest
from alembic import command
from sqlalchemy import Engine, insert, select, update

from shared_models_ext.domain.models import CreateEntry, Entry, EntryPage
from shared_models_ext.store import StoreQuery, documents
from shared_models_ext.store.engine import create_catalog_engine, parse_url
from shared_models_ext.store.mapping import DOCUMENT_SCHEMA, row_values
from shared_models_ext.store.migrations import alembic_config
from shared_models_ext.store.sql import SqlCatalogStore
from shared_models_ext.store.tables import EntryRow, ShareRow


def body(**overrides: Any) -> CreateEntry:
    return CreateEntry.model_validate(payloads.model(**overrides))


def stored(engine: Engine, entry_id: str) -> tuple[str | None, str | None]:
    with engine.connect() as connection:
        row = connection.execute(
            select(EntryRow.document, EntryRow.document_schema).where(EntryRow.id == entry_id)
        ).one()
    return row.document, row.document_schema


def listed(store: SqlCatalogStore, viewer: str = "alice") -> dict[str, Any]:
    page = store.query(StoreQuery(viewer=viewer, scope="mine", limit=50))
    parsed: dict[str, Any] = json.loads(page.model_dump_json())
    return parsed


def test_a_document_is_the_entry_as_the_api_sends_it_through_every_write(
    store: SqlCatalogStore, db_engine: Engine
) -> None:
    created = store.create(
        "alice",
        "churn",
        body(share={"organization": False, "users": ["carol", "bob", "bob"], "canvas_users": []}),
        exact_id=True,
    )
    document, schema = stored(db_engine, "churn")
    assert schema == DOCUMENT_SCHEMA
    assert document == created.model_dump_json()
    assert document == store.get("churn").model_dump_json()  # read from the columns
    assert json.loads(document)["share"]["users"] == ["bob", "carol"]

    replaced = store.replace(
        "churn",
        body(title="Churn, retrained", share={"organization": True, "users": ["dave"]}),
        expected_version=1,
    )
    document, _ = stored(db_engine, "churn")
    assert document == replaced.model_dump_json() == store.get("churn").model_dump_json()
    assert json.loads(document)["title"] == "Churn, retrained"
    assert json.loads(document)["version"] == 2
    assert json.loads(document)["share"]["users"] == ["dave"]


def test_a_page_is_the_entry_page_of_its_entries(store: SqlCatalogStore) -> None:
    for number in range(3):
        store.create("alice", f"e-{number}", body(title=f"Entry {number}"), exact_id=True)
    page = store.query(StoreQuery(viewer="alice", scope="mine", limit=2))
    entries = [store.get(entry.id) for entry in page.items]
    expected = EntryPage(
        items=[entry for entry in entries if entry is not None],
        next_cursor=page.next_cursor,
        total=3,
        total_is_exact=True,
    )
    assert page.next_cursor is not None
    assert page.model_dump_json() == expected.model_dump_json()
    assert page.to_page() == expected
    empty = store.query(StoreQuery(viewer="nobody", scope="mine", limit=2))
    assert json.loads(empty.model_dump_json()) == {
        "items": [],
        "next_cursor": None,
        "total": 0,
        "total_is_exact": True,
    }


def test_a_stale_document_is_rendered_from_the_columns_by_a_page_and_at_open(
    store: SqlCatalogStore, db_engine: Engine, clean_db: str
) -> None:
    entry = store.create("alice", "churn", body(), exact_id=True)
    # A document of another rendering (written before Entry changed), and wrong.
    with db_engine.begin() as connection:
        connection.execute(
            update(EntryRow)
            .where(EntryRow.id == "churn")
            .values(document='{"id": "churn", "title": "old"}', document_schema="0" * 16)
        )
    assert listed(store)["items"] == [json.loads(entry.model_dump_json())]

    SqlCatalogStore.open(clean_db).close()
    assert stored(db_engine, "churn") == (entry.model_dump_json(), DOCUMENT_SCHEMA)


def test_entries_of_an_older_catalog_get_their_documents_when_it_is_opened(
    empty_db_url: str,
) -> None:
    """A catalog at revision 0004 (no documents) with entries; opened by this version."""
    engine = create_catalog_engine(parse_url(empty_db_url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0004")
            when = datetime(2026, 11, 1, 9, 30, 0, 123456, tzinfo=timezone.utc)
            for number in range(3):
                values = row_values(body(title=f"Old {number}"), engine.dialect.name)
                del values["search_words"]  # a column of revision 0007
                columns = {**values, "id": f"old-{number}", "owner": "alice", "version": 1}
                connection.execute(
                    insert(EntryRow.__table__).values(**columns, created_at=when, updated_at=when)
                )
            connection.execute(insert(ShareRow).values(entry_id="old-0", username="bob"))
    finally:
        engine.dispose()

    store = SqlCatalogStore.open(empty_db_url)
    try:
        assert store.render_documents() == 0  # open rendered them all
        page = listed(store)
        # Last updated first; the same time, so by ID, descending.
        assert [item["id"] for item in page["items"]] == ["old-2", "old-1", "old-0"]
        old = store.get("old-0")
        assert old is not None
        assert page["items"][2] == json.loads(old.model_dump_json())
        assert page["items"][2]["share"]["users"] == ["bob"]
        assert page["items"][2]["created_at"] == "2026-11-01T09:30:00.123456Z"
        assert [Entry.model_validate(item) for item in page["items"]] == store.query(
            StoreQuery(viewer="alice", scope="mine", limit=50)
        ).items
    finally:
        store.close()


@pytest.mark.parametrize("batch", [1, 2, 500])
def test_rendering_goes_by_batches_until_none_is_stale(
    store: SqlCatalogStore, db_engine: Engine, batch: int
) -> None:
    for number in range(5):
        store.create("alice", f"e-{number}", body(title=f"Entry {number}"), exact_id=True)
    with db_engine.begin() as connection:
        connection.execute(update(EntryRow).values(document=None, document_schema=None))
    assert store.render_documents(batch=batch) == 5
    assert store.render_documents(batch=batch) == 0
    for number in range(5):
        entry = store.get(f"e-{number}")
        assert entry is not None
        assert stored(db_engine, f"e-{number}") == (entry.model_dump_json(), DOCUMENT_SCHEMA)


def test_a_document_rendered_before_a_write_never_replaces_the_writes_own(
    store: SqlCatalogStore, db_engine: Engine
) -> None:
    """Stale documents are looked for in a read and stored in a later write: an entry
    replaced in between keeps the document its replace stored."""
    store.create("alice", "churn", body(), exact_id=True)
    with db_engine.begin() as connection:
        connection.execute(update(EntryRow).values(document_schema=None))
    with store.database.transaction(write=False) as session:
        stale = documents.stale_entries(session.connection(), "", 10)
    assert [entry.version for entry in stale] == [1]
    replaced = store.replace("churn", body(title="Churn, retrained"), expected_version=1)
    with store.database.transaction(write=True) as session:
        documents.write_unchanged(session.connection(), stale)
    assert stored(db_engine, "churn") == (replaced.model_dump_json(), DOCUMENT_SCHEMA)
