"""The SQL catalog store, on SQLite and PostgreSQL (every test runs on both)."""

from __future__ import annotations

import base64
import itertools
import json
import re
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import payloads
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, event, func, inspect, select, text, update

from shared_models_ext.domain.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    PreconditionFailed,
    Unavailable,
)
from shared_models_ext.domain.ids import MAX_ID_LENGTH, is_valid_id, with_suffix
from shared_models_ext.domain.models import CreateEntry, Entry
from shared_models_ext.domain.paging import MAX_EXACT_TOTAL
from shared_models_ext.store import Database, StoreQuery, listing, prepared, ranking, search
from shared_models_ext.store.engine import WALKING_SETTINGS, create_catalog_engine, parse_url
from shared_models_ext.store.migrations import (
    VERSION_TABLE,
    current_revision,
    head_revision,
    include_object_on,
)
from shared_models_ext.store.search import RARE_BELOW, title_key
from shared_models_ext.store.sql import SqlCatalogStore
from shared_models_ext.store.tables import Base, EntryRow


def fields(
    *,
    share_organization: bool = True,
    share_users: list[str] | None = None,
    canvas_users: list[str] | None = None,
    **overrides: Any,
) -> CreateEntry:
    """A validated request, as the catalog hands it to the store (share given flat)."""
    body: dict[str, Any] = {
        "kind": "model",
        "title": "Churn XGBoost",
        "description": "Predicts customer churn.",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "xgboost",
        "keywords": ["churn", "xgboost"],
        "share": {
            "organization": share_organization,
            "users": share_users or [],
            "canvas_users": canvas_users or [],
        },
    }
    body.update(overrides)
    if body["kind"] == "notebook":
        body.setdefault("notebook", {"s3_uri": "s3://team-bucket/notebooks/n.ipynb"})
    return CreateEntry.model_validate(body)


def content(entry: Entry) -> dict[str, Any]:
    """What an entry holds that its request gave (not id, owner, times, version)."""
    return entry.model_dump(mode="json", include=set(CreateEntry.model_fields) - {"id"})


def requested(body: CreateEntry) -> dict[str, Any]:
    """What the store keeps of a request: its fields, named users sorted."""
    kept = body.model_dump(mode="json", exclude={"id"})
    kept["share"]["users"] = sorted(kept["share"]["users"])
    return kept


def add(store: SqlCatalogStore, owner: str = "alice", **overrides: Any) -> Entry:
    """Create an entry with an ID derived from its title."""
    entry = fields(**overrides)
    base = "-".join("".join(c for c in entry.title.lower() if c.isalnum() or c == " ").split())
    return store.create(owner, base or "entry", entry, exact_id=False)


def ids(store: SqlCatalogStore, **query: Any) -> list[str]:
    """IDs of the first page (up to 200) of a query as alice sees it."""
    query.setdefault("viewer", "alice")
    query.setdefault("limit", 200)
    return [item.id for item in store.query(StoreQuery(**query)).items]


def all_pages(store: SqlCatalogStore, query: StoreQuery) -> Iterator[list[Entry]]:
    cursor: str | None = None
    for _ in range(1000):  # a cursor that stops advancing must fail the test, not hang it
        page = store.query(replace(query, cursor=cursor))
        yield page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor
    raise AssertionError("paging did not end")


# -- migrations and connections ----------------------------------------------


def test_migrations_are_idempotent(db_url: str) -> None:
    SqlCatalogStore.open(db_url).close()
    SqlCatalogStore.open(db_url).close()
    engine = create_catalog_engine(parse_url(db_url))
    try:
        with engine.connect() as connection:
            assert current_revision(connection) == head_revision() == "0007"
            tables = set(inspect(connection).get_table_names())
            assert {"entries", "entry_shares", "launches", VERSION_TABLE} <= tables
    finally:
        engine.dispose()


def test_models_match_migrations(db_url: str) -> None:
    engine = create_catalog_engine(parse_url(db_url))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    "version_table": VERSION_TABLE,
                    "include_object": include_object_on(connection.dialect.name),
                    "compare_type": True,
                },
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_servers_starting_together_migrate_once(empty_db_url: str) -> None:
    barrier = threading.Barrier(4)

    def start() -> str:
        barrier.wait()
        opened = SqlCatalogStore.open(empty_db_url)
        try:
            return opened.create("alice", "x", fields(), exact_id=False).id
        finally:
            opened.close()

    with ThreadPoolExecutor(4) as pool:
        created = list(pool.map(lambda _: start(), range(4)))
    assert sorted(created) == ["x", "x-2", "x-3", "x-4"]


def test_two_stores_see_each_others_writes(clean_db: str) -> None:
    first, second = SqlCatalogStore.open(clean_db), SqlCatalogStore.open(clean_db)
    try:
        created = first.create("alice", "shared", fields(), exact_id=True)
        seen = second.get("shared")
        assert seen == created
        second.replace("shared", fields(title="Renamed"), expected_version=1)
        record = first.get("shared")
        assert record is not None
        assert (record.title, record.version) == ("Renamed", 2)
        assert second.delete("shared")
        assert first.get("shared") is None
    finally:
        first.close()
        second.close()


def test_in_memory_sqlite_works_from_threads() -> None:
    memory = SqlCatalogStore.open("sqlite://")
    try:
        with ThreadPoolExecutor(4) as pool:
            made = list(pool.map(lambda _: add(memory).id, range(8)))
        assert len(set(made)) == 8
        assert memory.query(StoreQuery(viewer="bob")).total == 8
    finally:
        memory.close()


def test_unreachable_postgresql_is_unavailable_without_the_password() -> None:
    with pytest.raises(Unavailable) as raised:
        SqlCatalogStore.open("postgresql+psycopg://carol:s3cr3t-pw@127.0.0.1:1/nowhere")
    assert "s3cr3t-pw" not in raised.value.message
    assert "127.0.0.1" in raised.value.message
    assert "s3cr3t-pw" not in str(raised.value.to_json())


def test_unusable_sqlite_path_is_unavailable(tmp_path: Any) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(Unavailable):
        SqlCatalogStore.open(f"sqlite:///{blocker}/sub/catalog.sqlite")


def test_unsupported_url_is_unavailable() -> None:
    with pytest.raises(Unavailable, match="SQLite or PostgreSQL"):
        SqlCatalogStore.open("mysql://u@h/db")
    with pytest.raises(Unavailable, match="not a valid"):
        SqlCatalogStore.open("not a url")


def test_sqlite_file_and_folder_are_created(tmp_path: Any) -> None:
    path = tmp_path / "new" / "folder" / "catalog.sqlite"
    SqlCatalogStore.open(f"sqlite:///{path}").close()
    assert path.exists()
    engine = create_catalog_engine(parse_url(f"sqlite:///{path}"))
    try:
        with engine.connect() as connection:
            pragmas = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in (
                    "journal_mode",
                    "foreign_keys",
                    "synchronous",
                    "busy_timeout",
                    "mmap_size",
                )
            }
    finally:
        engine.dispose()
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 1,
        "busy_timeout": 10_000,
        "mmap_size": 256 * 1024 * 1024,  # reads share the OS page cache
    }


def test_postgresql_connections_compile_no_query(store: SqlCatalogStore) -> None:
    """JIT compiling a catalog query cost more than running it (8 ms for 2)."""
    if not store.url.startswith("postgresql"):
        pytest.skip("SQLite has no JIT")
    with store.database.transaction(write=False) as session:
        assert session.connection().exec_driver_sql("SHOW jit").scalar() == "off"
    for walks in (False, True):  # the pools that read pages
        assert store.database.read(show("jit"), walks=walks) == "off"


def show(setting: str) -> Callable[[Connection], Any]:
    """A read of one PostgreSQL setting of the session it runs in."""
    return lambda connection: connection.exec_driver_sql(f"SHOW {setting}").scalar()


def test_postgresql_pages_are_read_again_when_the_server_closed_the_connection(
    store: SqlCatalogStore,
) -> None:
    """A page is read on a connection nobody pings before its use (one round trip, not
    four); when the server has closed it (restarted, or timed the session out), the user
    still gets the page: it is read again on a new connection. Only a page that walks an
    index is planned with sequential and bitmap scans off."""
    if not store.url.startswith("postgresql"):
        pytest.skip("SQLite has no connection to lose")
    add(store)
    database = store.database

    def backends() -> dict[bool, int]:
        """The server process of each reader's connection (one each, used in turn)."""
        return {walks: database.read(backend, walks=walks) for walks in (False, True)}

    readers = backends()
    bitmaps = [database.read(show("enable_bitmapscan"), walks=walks) for walks in (False, True)]
    assert bitmaps == ["on", "off"]
    with database.engine.connect() as connection:
        for reader in readers.values():
            connection.exec_driver_sql("SELECT pg_terminate_backend(%s)", (reader,))
    assert [item.id for item in store.query(StoreQuery(viewer="alice")).items] == ["churn-xgboost"]
    filtered = store.query(StoreQuery(viewer="alice", kind="model"))
    assert [item.id for item in filtered.items] == ["churn-xgboost"]
    after = backends()
    assert all(after[walks] != readers[walks] for walks in readers), (readers, after)


def backend(connection: Connection) -> int:
    """The PostgreSQL server process serving ``connection``."""
    return int(connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def test_sqlite_writes_begin_immediate_and_reads_begin_deferred(store: SqlCatalogStore) -> None:
    if not store.url.startswith("sqlite"):
        pytest.skip("PostgreSQL has no BEGIN modes; its writes are settled by the database")
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(Engine, "before_cursor_execute", record)
    try:
        add(store)
        begins_of_write = [s for s in statements if s.startswith("BEGIN")]
        statements.clear()
        store.query(StoreQuery(viewer="alice"))
        store.get("churn-xgboost")
        begins_of_reads = [s for s in statements if s.startswith("BEGIN")]
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert begins_of_write == ["BEGIN IMMEDIATE"]
    assert begins_of_reads == ["BEGIN", "BEGIN"]


def test_sqlite_writers_of_one_server_queue_without_the_busy_handler(tmp_path: Any) -> None:
    """Concurrent creates of one server never meet SQLite's write lock taken: they queue
    in the process, so no create waits in SQLite's busy handler (which sleeps up to
    100 ms between tries). With no busy timeout at all, every create still succeeds."""
    store = SqlCatalogStore.open(f"sqlite:///{tmp_path / 'catalog.sqlite'}")
    engine = store.database.engine
    engine.dispose()

    def no_busy_wait(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout = 0")

    event.listen(engine, "connect", no_busy_wait)
    try:
        with ThreadPoolExecutor(8) as pool:
            created = list(
                pool.map(
                    lambda n: store.create("alice", "writer", fields(title="W"), exact_id=False),
                    range(200),
                )
            )
        assert len({entry.id for entry in created}) == 200
        assert store.query(StoreQuery(viewer="alice", limit=1)).total == 200
    finally:
        store.close()


# -- create, get, replace, delete ---------------------------------------------


def test_round_trip(store: SqlCatalogStore) -> None:
    entry = fields(
        keywords=["zeta", "alpha", "mid"],
        share_users=["carol", "bob", "carol"],
        canvas_users=["canvas-1"],
        training=payloads.tabular_training(),
        inference=payloads.inference(),
        description="Unicode ✓ café 日本語",
    )
    before = datetime.now(timezone.utc)
    created = store.create("alice", "churn", entry, exact_id=True)
    assert created.id == "churn"
    assert created.owner == "alice"
    assert created.version == 1
    assert content(created) == requested(entry)
    assert created.share.users == ["bob", "carol"]
    assert created.keywords == ["zeta", "alpha", "mid"]
    assert created.created_at == created.updated_at
    assert created.created_at.tzinfo == timezone.utc
    assert before <= created.created_at <= datetime.now(timezone.utc)
    assert store.get("churn") == created
    assert store.get("missing") is None

    changed = fields(title="Churn v2", share_users=["dave"], share_organization=False)
    replaced = store.replace("churn", changed, expected_version=1)
    assert replaced.version == 2
    assert content(replaced) == requested(changed)
    assert (replaced.owner, replaced.created_at) == ("alice", created.created_at)
    assert replaced.updated_at > created.updated_at
    assert replaced.updated_at.tzinfo == timezone.utc
    assert store.get("churn") == replaced

    assert store.delete("churn") is True
    assert store.delete("churn") is False
    assert store.get("churn") is None


def test_microseconds_are_kept(store: SqlCatalogStore) -> None:
    records = [add(store, title="Tick") for _ in range(5)]
    for record in records:
        fetched = store.get(record.id)
        assert fetched is not None
        assert fetched.updated_at == record.updated_at
    assert any(record.updated_at.microsecond for record in records)


def test_replace_with_a_stale_version_or_a_missing_entry(store: SqlCatalogStore) -> None:
    add(store)
    store.replace("churn-xgboost", fields(title="Second"), expected_version=1)
    with pytest.raises(PreconditionFailed, match="version 2"):
        store.replace("churn-xgboost", fields(title="Third"), expected_version=1)
    record = store.get("churn-xgboost")
    assert record is not None
    assert (record.title, record.version) == ("Second", 2)
    with pytest.raises(NotFound):
        store.replace("nope", fields(), expected_version=1)


def test_delete_removes_shares_and_search_terms(store: SqlCatalogStore, db_engine: Engine) -> None:
    add(store, title="Vanishing model", share_users=["bob"])
    assert ids(store, viewer="bob", scope="shared-with-me") == ["vanishing-model"]
    assert ids(store, text="vanish") == ["vanishing-model"]
    store.delete("vanishing-model")
    assert ids(store, viewer="bob", scope="shared-with-me") == []
    assert ids(store, text="vanish") == []
    with db_engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM entry_shares")).scalar() == 0


def test_exact_id_conflict_names_the_id(store: SqlCatalogStore) -> None:
    store.create("alice", "my-model", fields(), exact_id=True)
    with pytest.raises(Conflict, match="my-model") as raised:
        store.create("bob", "my-model", fields(title="Other"), exact_id=True)
    assert raised.value.details[0]["loc"] == ["id"]
    record = store.get("my-model")
    assert record is not None
    assert record.owner == "alice"


def test_invalid_ids_are_refused(store: SqlCatalogStore) -> None:
    for bad in ("", "Upper", "-lead", "a" * 64, "sp ace"):
        with pytest.raises(InvalidInput):
            store.create("alice", bad, fields(), exact_id=True)


def test_derived_ids_are_deduplicated(store: SqlCatalogStore) -> None:
    made = [store.create("alice", "churn", fields(), exact_id=False).id for _ in range(3)]
    assert made == ["churn", "churn-2", "churn-3"]
    assert store.suggest_id("churn") == "churn-4"
    store.delete("churn-2")
    assert store.suggest_id("churn") == "churn-2"
    assert store.create("bob", "churn", fields(), exact_id=False).id == "churn-2"
    # An unrelated ID sharing the prefix does not count.
    store.create("alice", "churn-model", fields(), exact_id=True)
    assert store.suggest_id("churn") == "churn-4"
    assert store.suggest_id("fresh") == "fresh"


def test_long_bases_stay_within_63_characters(store: SqlCatalogStore) -> None:
    base = "a" * 30 + "-" + "b" * 32  # exactly 63
    made = [store.create("alice", base, fields(), exact_id=False).id for _ in range(12)]
    assert made == [with_suffix(base, n) for n in range(1, 13)]
    assert len(set(made)) == 12
    assert all(is_valid_id(entry_id) and len(entry_id) <= MAX_ID_LENGTH for entry_id in made)
    assert store.suggest_id(base) == with_suffix(base, 13)


def test_deduplication_does_not_query_per_candidate(
    store: SqlCatalogStore, db_engine: Engine
) -> None:
    for _ in range(120):
        store.create("alice", "popular", fields(), exact_id=False)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(Engine, "before_cursor_execute", count)
    try:
        made = store.create("alice", "popular", fields(), exact_id=False)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert made.id == "popular-121"
    assert len(statements) <= 8, statements


def test_concurrent_creates_get_distinct_ids(clean_db: str) -> None:
    stores = [SqlCatalogStore.open(clean_db) for _ in range(2)]
    barrier = threading.Barrier(8)

    def worker(number: int) -> list[str]:
        barrier.wait()
        mine = stores[number % 2]
        return [mine.create(f"user{number}", "same", fields(), exact_id=False).id for _ in range(5)]

    try:
        with ThreadPoolExecutor(8) as pool:
            made = [entry_id for batch in pool.map(worker, range(8)) for entry_id in batch]
    finally:
        for opened in stores:
            opened.close()
    assert len(made) == 40
    assert set(made) == {with_suffix("same", n) for n in range(1, 41)}


def test_concurrent_replaces_of_one_version_let_exactly_one_win(clean_db: str) -> None:
    stores = [SqlCatalogStore.open(clean_db) for _ in range(2)]
    stores[0].create("alice", "contested", fields(), exact_id=True)
    barrier = threading.Barrier(6)

    def worker(number: int) -> str:
        barrier.wait()
        try:
            stores[number % 2].replace("contested", fields(title=f"T{number}"), expected_version=1)
        except PreconditionFailed:
            return "stale"
        return f"T{number}"

    try:
        with ThreadPoolExecutor(6) as pool:
            outcomes = list(pool.map(worker, range(6)))
        record = stores[1].get("contested")
    finally:
        for opened in stores:
            opened.close()
    winners = [outcome for outcome in outcomes if outcome != "stale"]
    assert len(winners) == 1
    assert record is not None
    assert (record.title, record.version) == (winners[0], 2)


def test_urls_in_messages_hide_passwords() -> None:
    url = parse_url("postgresql://bob:hunter2@db.example:5432/catalog")
    assert url.drivername == "postgresql+psycopg"
    shown = SqlCatalogStore(Database(create_catalog_engine(url))).url
    assert "hunter2" not in shown
    assert shown == "postgresql+psycopg://bob:***@db.example:5432/catalog"


# -- the unit of work and dry runs --------------------------------------------


def _counts(db_engine: Engine) -> tuple[int, int]:
    with db_engine.connect() as connection:
        entries = connection.execute(text("SELECT count(*) FROM entries")).scalar()
        shares = connection.execute(text("SELECT count(*) FROM entry_shares")).scalar()
    return int(entries or 0), int(shares or 0)


def test_a_transaction_commits_or_rolls_back(store: SqlCatalogStore, db_engine: Engine) -> None:
    add(store, share_users=["bob"])

    def delete_then_fail() -> None:
        with store.database.transaction(write=True) as session:
            session.execute(text("DELETE FROM entries"))
            raise RuntimeError("changed my mind")

    with pytest.raises(RuntimeError):
        delete_then_fail()
    with store.database.transaction(write=True, dry_run=True) as session:
        session.execute(text("DELETE FROM entries"))
    assert _counts(db_engine) == (1, 1)
    with store.database.transaction(write=True) as session:
        session.execute(text("DELETE FROM entries"))
    assert _counts(db_engine) == (0, 0)


def test_a_dry_run_create_returns_the_entry_and_keeps_nothing(
    store: SqlCatalogStore, db_engine: Engine
) -> None:
    would = store.create("alice", "dry", fields(share_users=["bob"]), exact_id=True, dry_run=True)
    assert (would.id, would.owner, would.version, would.share.users) == ("dry", "alice", 1, ["bob"])
    derived = store.create("alice", "dry", fields(), exact_id=False, dry_run=True)
    assert derived.id == "dry"
    assert _counts(db_engine) == (0, 0)
    assert store.get("dry") is None
    assert ids(store, text="churn") == []


def test_a_dry_run_raises_what_the_real_call_raises(store: SqlCatalogStore) -> None:
    store.create("alice", "taken", fields(), exact_id=True)
    with pytest.raises(Conflict) as dry:
        store.create("bob", "taken", fields(), exact_id=True, dry_run=True)
    with pytest.raises(Conflict) as real:
        store.create("bob", "taken", fields(), exact_id=True)
    assert dry.value.to_json() == real.value.to_json()
    with pytest.raises(PreconditionFailed, match="version 1"):
        store.replace("taken", fields(title="New"), expected_version=7, dry_run=True)
    with pytest.raises(NotFound):
        store.replace("absent", fields(), expected_version=1, dry_run=True)
    would = store.replace("taken", fields(title="New", share_users=["eve"]), 1, dry_run=True)
    assert (would.title, would.version, would.share.users) == ("New", 2, ["eve"])
    kept = store.get("taken")
    assert kept is not None
    assert (kept.title, kept.version, kept.share.users) == ("Churn XGBoost", 1, [])
    assert ids(store, text="new") == []


def test_a_dry_run_meets_the_databases_own_checks(store: SqlCatalogStore) -> None:
    if not store.url.startswith("postgresql"):
        pytest.skip("SQLite does not enforce column lengths")
    too_long = "o" * 300  # the owner column holds 255 characters
    with pytest.raises(InvalidInput) as dry:
        store.create(too_long, "x", fields(), exact_id=True, dry_run=True)
    with pytest.raises(InvalidInput) as real:
        store.create(too_long, "x", fields(), exact_id=True)
    assert dry.value.to_json() == real.value.to_json()


# -- scopes and filters -------------------------------------------------------


@pytest.fixture
def team(store: SqlCatalogStore) -> SqlCatalogStore:
    """alice, bob and carol sharing entries in every way."""
    store.create("alice", "a-org", fields(title="A org"), exact_id=True)
    store.create(
        "alice", "a-bob", fields(share_organization=False, share_users=["bob"]), exact_id=True
    )
    store.create("alice", "a-private", fields(share_organization=False), exact_id=True)
    store.create(
        "alice", "a-self", fields(share_organization=False, share_users=["alice"]), exact_id=True
    )
    store.create("bob", "b-both", fields(share_users=["alice", "carol"]), exact_id=True)
    store.create("bob", "b-private", fields(share_organization=False), exact_id=True)
    store.create(
        "carol", "c-bob", fields(share_organization=False, share_users=["bob"]), exact_id=True
    )
    return store


@pytest.mark.parametrize(
    ("viewer", "scope", "expected"),
    [
        ("alice", "mine", {"a-org", "a-bob", "a-private", "a-self"}),
        ("alice", "shared-with-me", {"b-both"}),
        ("alice", "organization", {"a-org", "b-both"}),
        ("bob", "mine", {"b-both", "b-private"}),
        ("bob", "shared-with-me", {"a-bob", "c-bob"}),
        ("bob", "organization", {"a-org", "b-both"}),
        ("carol", "mine", {"c-bob"}),
        ("carol", "shared-with-me", {"b-both"}),
        ("dave", "shared-with-me", set()),
        ("dave", "mine", set()),
    ],
)
def test_scopes(team: SqlCatalogStore, viewer: str, scope: str, expected: set[str]) -> None:
    page = team.query(StoreQuery(viewer=viewer, scope=scope))  # type: ignore[arg-type]
    assert {item.id for item in page.items} == expected
    assert page.total == len(expected)


@pytest.fixture
def variety(store: SqlCatalogStore) -> SqlCatalogStore:
    rows = [
        ("m-tab-xgb", "model", "tabular", "tabular-classification", "xgboost", ["c1"]),
        ("m-tab-skl", "model", "tabular", "tabular-regression", "scikit-learn", []),
        ("m-img-pt", "model", "image", "image-classification", "pytorch", []),
        ("n-img-pt", "notebook", "image", "image-classification", "pytorch", []),
        ("n-txt-hf", "notebook", "text", "text-generation", "huggingface", []),
        ("m-tab-xgb2", "model", "tabular", "tabular-classification", "xgboost", []),
    ]
    for entry_id, kind, data_type, task, framework, canvas in rows:
        entry = fields(
            kind=kind, data_type=data_type, task=task, framework=framework, canvas_users=canvas
        )
        store.create("alice", entry_id, entry, exact_id=True)
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "notebook"}, {"n-img-pt", "n-txt-hf"}),
        ({"data_type": "image"}, {"m-img-pt", "n-img-pt"}),
        ({"task": "tabular-classification"}, {"m-tab-xgb", "m-tab-xgb2"}),
        ({"framework": "pytorch"}, {"m-img-pt", "n-img-pt"}),
        ({"kind": "model", "data_type": "image"}, {"m-img-pt"}),
        ({"kind": "model", "framework": "huggingface"}, set()),
        ({"canvas_only": True}, {"m-tab-xgb"}),
        ({"canvas_only": True, "framework": "scikit-learn"}, set()),
        ({}, {"m-tab-xgb", "m-tab-skl", "m-img-pt", "n-img-pt", "n-txt-hf", "m-tab-xgb2"}),
    ],
)
def test_filters(variety: SqlCatalogStore, filters: dict[str, Any], expected: set[str]) -> None:
    page = variety.query(StoreQuery(viewer="bob", **filters))
    assert {item.id for item in page.items} == expected
    assert page.total == len(expected)


# -- full-text search ---------------------------------------------------------


@pytest.fixture
def searchable(store: SqlCatalogStore) -> SqlCatalogStore:
    entries = {
        "churn": ("Customer Churn XGBoost", "Predicts which customers leave.", ["retention"]),
        "vision": ("Street scenes", "Detects pedestrians and cars.", ["object-detection"]),
        "cafe": ("Café recommender", "Suggests an ÉCLAIR with coffee.", ["food"]),
        "sklearn": (
            "Baseline",
            "A scikit-learn pipeline, version 1.5, by ops@example.com",
            ["tabular"],
        ),
        "japan": ("日本語 model", "Text generation for 東京.", ["ja"]),
        "under": ("snake_case_title", "under_score words", ["kw_one"]),
    }
    for entry_id, (title, description, keywords) in entries.items():
        entry = fields(title=title, description=description, keywords=keywords)
        store.create("alice", entry_id, entry, exact_id=True)
    return store


SEARCH_CASES: list[tuple[str, set[str]]] = [
    ("churn", {"churn"}),  # title
    ("pedestrians", {"vision"}),  # description
    ("retention", {"churn"}),  # keyword
    ("object", {"vision"}),  # a keyword's part
    ("cust", {"churn"}),  # prefix
    ("CUSTOMER", {"churn"}),  # case
    ("cust leave", {"churn"}),  # AND over fields
    ("cust pedestrians", set()),  # AND, not OR
    ("cafe", {"cafe"}),  # accents folded
    ("CAFÉ éclair", {"cafe"}),
    ("scikit learn", {"sklearn"}),
    ("scikit-learn", {"sklearn"}),
    ("1.5", {"sklearn"}),
    ("5", {"sklearn"}),
    ("example", {"sklearn"}),  # inside an e-mail address
    ("ops@example.com", {"sklearn"}),
    ("日本", {"japan"}),
    ("東京", {"japan"}),
    ("snake case", {"under"}),
    ("kw_one", {"under"}),
    ("zzz", set()),
    ("predicts-which", {"churn"}),
]


@pytest.mark.parametrize(("text_query", "expected"), SEARCH_CASES)
def test_search(searchable: SqlCatalogStore, text_query: str, expected: set[str]) -> None:
    page = searchable.query(StoreQuery(viewer="bob", text=text_query))
    assert {item.id for item in page.items} == expected
    assert page.total == len(expected)


@pytest.mark.parametrize(("text_query", "expected"), SEARCH_CASES)
def test_both_plans_of_a_search_find_the_same_entries(
    searchable: SqlCatalogStore, db_engine: Engine, text_query: str, expected: set[str]
) -> None:
    """The planner's two ways to run a search (from the full-text matches; along the sort
    index, checking each entry's own words) answer alike, on every kind of query."""
    found = []
    # PostgreSQL has one condition either way (its planner picks the index; the ORDER BY
    # differs, listing.order_by): only SQLite's two conditions need to agree.
    sqlite = db_engine.dialect.name == "sqlite"
    for from_matches in (True, False) if sqlite else (False, False):
        query = StoreQuery(viewer="bob", text=text_query)
        where = listing.conditions(query, db_engine.dialect.name, from_matches=from_matches)
        with db_engine.connect() as connection:
            found.append(set(connection.scalars(select(EntryRow.id).where(*where))))
    assert found == [expected, expected]


def test_a_search_along_the_sort_index_finds_entries_whose_words_were_never_joined(
    searchable: SqlCatalogStore, db_engine: Engine
) -> None:
    """Entries written by a server older than migration 0007 have no ``search_words``:
    the walk of a common search checks their own words instead, and finds the same."""
    cases = [(text_query, expected) for text_query, expected in SEARCH_CASES if expected]

    def walked(text_query: str) -> set[str]:
        query = StoreQuery(viewer="bob", text=text_query)
        where = listing.conditions(query, db_engine.dialect.name, from_matches=False)
        with db_engine.connect() as connection:
            return set(connection.scalars(select(EntryRow.id).where(*where)))

    with db_engine.begin() as connection:
        joined = connection.scalar(select(func.count()).where(EntryRow.search_words.is_not(None)))
        connection.execute(update(EntryRow).values(search_words=None))
    # Every entry written now has them on SQLite; PostgreSQL, which searches its
    # tsvector, keeps none (mapping.row_values).
    sqlite = db_engine.dialect.name == "sqlite"
    assert joined == (len(ids(searchable)) if sqlite else 0)
    assert [walked(text_query) for text_query, _ in cases] == [expected for _, expected in cases]


def test_search_follows_replacements(searchable: SqlCatalogStore) -> None:
    searchable.replace(
        "churn", fields(title="Attrition model", description="", keywords=[]), expected_version=1
    )
    assert ids(searchable, text="churn") == []
    assert ids(searchable, text="attrition") == ["churn"]


def test_search_combines_with_scope_and_filters(searchable: SqlCatalogStore) -> None:
    searchable.create("bob", "bobs-churn", fields(title="Churn too"), exact_id=True)
    assert set(ids(searchable, text="churn")) == {"churn", "bobs-churn"}
    assert ids(searchable, text="churn", scope="mine") == ["churn"]
    assert ids(searchable, text="churn", scope="mine", kind="notebook") == []


HOSTILE = [
    '"',
    "'",
    "*",
    "NEAR(",
    "NEAR(a b",
    "%",
    "_",
    "-",
    "-churn",
    "a OR b",
    "a AND NOT b",
    "title:x",
    "churn:*",
    "\\",
    "\\'",
    "'; DROP TABLE entries; --",
    '"; DELETE FROM entries_fts; --',
    "😀",
    "😀churn😀",
    "日本語",
    "",
    "   ",
    "&|!<->()",
    "(churn",
    "^churn",
    "{title}: churn",
    "\x00",
    "a" * 256,
    "ab " * 85,
    "é" * 256,
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_search_text_never_raises(searchable: SqlCatalogStore, hostile: str) -> None:
    page = searchable.query(StoreQuery(viewer="bob", text=hostile))
    assert page.total == len(page.items)
    assert searchable.query(StoreQuery(viewer="bob")).total == 6  # nothing was dropped


@pytest.mark.parametrize("wordless", ["", "   ", "*", '"', "😀", "-", "%", "&|!<->()", "\\"])
def test_text_without_words_does_not_filter(searchable: SqlCatalogStore, wordless: str) -> None:
    assert searchable.query(StoreQuery(viewer="bob", text=wordless)).total == 6


# -- Best match (sort=relevance) ----------------------------------------------


@pytest.fixture
def ranked(store: SqlCatalogStore) -> SqlCatalogStore:
    """ "zephyr" once in a title, once in keywords, once in a description; created so
    that the last updated is the description hit, the first the title hit."""
    store.create("alice", "in-title", fields(title="Zephyr wind", keywords=[]), exact_id=True)
    store.create(
        "alice", "in-keywords", fields(title="Wind farm", keywords=["zephyr"]), exact_id=True
    )
    store.create(
        "alice",
        "in-description",
        fields(title="Breeze", description="A model of the zephyr.", keywords=[]),
        exact_id=True,
    )
    store.create("alice", "unrelated", fields(title="Other", keywords=[]), exact_id=True)
    return store


def test_best_match_ranks_title_over_keywords_over_description(ranked: SqlCatalogStore) -> None:
    assert ids(ranked, text="zephyr") == ["in-description", "in-keywords", "in-title"]
    assert ids(ranked, text="zeph", sort="relevance") == [
        "in-title",
        "in-keywords",
        "in-description",
    ]
    assert ids(ranked, text="zephyr", sort="relevance", order="asc") == [
        "in-description",
        "in-keywords",
        "in-title",
    ]
    page = ranked.query(StoreQuery(viewer="bob", text="zephyr wind", sort="relevance"))
    assert [item.id for item in page.items] == ["in-title", "in-keywords"]  # every word
    assert (page.total, page.total_is_exact) == (2, True)


def test_best_match_combines_with_scope_and_filters(ranked: SqlCatalogStore) -> None:
    ranked.create(
        "bob", "bobs-zephyr", fields(title="Zephyr zephyr", kind="notebook"), exact_id=True
    )
    assert ids(ranked, text="zephyr", sort="relevance", scope="mine") == [
        "in-title",
        "in-keywords",
        "in-description",
    ]
    assert ids(ranked, viewer="carol", text="zephyr", sort="relevance", kind="notebook") == [
        "bobs-zephyr"
    ]


def test_best_match_counts_what_the_same_search_counts(store: SqlCatalogStore) -> None:
    """Best match says how many entries the search lists, as the other sorts do, on the
    first page (where SQLite counts the matches it ranked) and on the next ones."""
    for number in range(30):
        body = fields(
            title=f"Heron {number}" if number % 2 else "Marsh survey",
            description="Heron counts." if number % 3 else "Counts.",
            kind="notebook" if number % 5 == 0 else "model",
            share_organization=number % 4 != 0,
        )
        store.create("alice", f"h-{number:02d}", body, exact_id=True)
    views: list[dict[str, Any]] = [
        {"viewer": "bob"},
        {"viewer": "bob", "kind": "notebook"},
        {"viewer": "alice", "scope": "mine"},
        {"viewer": "bob", "framework": "pytorch"},
    ]
    for view in views:
        for words in ["heron", "heron counts", "marsh"]:
            query = StoreQuery(text=words, limit=4, **view)
            updated = store.query(query)
            best = store.query(replace(query, sort="relevance"))
            assert (best.total, best.total_is_exact) == (updated.total, True), (view, words)
            assert len(best.items) == min(4, updated.total)
            if best.next_cursor:
                after = store.query(replace(query, sort="relevance", cursor=best.next_cursor))
                assert after.total == updated.total, (view, words)


@pytest.mark.parametrize("order", ["desc", "asc"])
@pytest.mark.parametrize("limit", [1, 3, 10])
def test_best_match_pages_visit_each_match_once_in_rank_order(
    store: SqlCatalogStore, order: str, limit: int
) -> None:
    """Ranks with many ties (the same text, so the same bm25 / ts_rank_cd): the id
    decides among equals, and a cursor resumes exactly after the last row."""
    for number in range(24):
        title = ["Solar panel", "Solar solar output", "Panel"][number % 3]
        description = "Solar forecast." if number % 4 == 0 else "Forecast."
        body = fields(title=title, description=description, keywords=[])
        store.create("alice", f"s-{number:02d}", body, exact_id=True)
    query = StoreQuery(viewer="bob", text="solar", sort="relevance", order=order, limit=limit)  # type: ignore[arg-type]
    seen = [item.id for page in all_pages(store, query) for item in page]
    whole = ids(store, viewer="bob", text="solar", sort="relevance", order=order)
    matching = {f"s-{n:02d}" for n in range(24) if n % 3 != 2 or n % 4 == 0}
    assert seen == whole
    assert set(seen) == matching
    assert len(seen) == len(matching)
    # Entries with the same words rank alike, so they come out together, by id.
    groups = [
        (store.get(entry_id).title, store.get(entry_id).description)  # type: ignore[union-attr]
        for entry_id in seen
    ]
    changes = sum(1 for a, b in itertools.pairwise(groups) if a != b)
    assert changes == len(set(groups)) - 1


@pytest.mark.parametrize("kind", [None, "notebook"])
@pytest.mark.parametrize("order", ["desc", "asc"])
def test_best_match_pages_agree_with_ranking_every_match_in_one_query(
    store: SqlCatalogStore, db_engine: Engine, order: str, kind: str | None
) -> None:
    """More matches than SQLite takes from FTS5 alone for a page (ranking.py), with
    distinct ranks, a scope that drops some (and a narrow filter, for a second round)
    and cursors: every page is what ranking all matches in one query (listing.page)
    gives."""
    bodies = []
    for number in range(330):
        title = "Kestrel tracker" if number % 5 == 0 else f"Tracker {number}"
        description = " ".join(["kestrel"] * (1 + number % 4) + ["bird"] * (number % 23))
        keywords = ["kestrel"] if number % 7 == 0 else []
        bodies.append(
            fields(
                title=title,
                description=description,
                keywords=keywords,
                share_organization=number % 6 != 0,
                kind="notebook" if number % 9 == 0 else "model",
            )
        )
    with ThreadPoolExecutor(4) as pool:
        list(
            pool.map(
                lambda n: store.create("alice", f"k-{n:03d}", bodies[n], exact_id=True),
                range(len(bodies)),
            )
        )
    query = StoreQuery(viewer="bob", text="kestrel", sort="relevance", limit=40, kind=kind)
    query = replace(query, order=order)
    seen = [item.id for page in all_pages(store, query) for item in page]
    with db_engine.connect() as connection:
        statement = listing.page(
            replace(query, limit=1000), db_engine.dialect.name, None, from_matches=True
        )
        expected = [row.id for row in connection.execute(statement)]
    listed = [n for n in range(330) if n % 6 != 0 and (kind is None or n % 9 == 0)]
    assert len(expected) == len(listed)
    assert seen == expected


def test_best_match_of_a_search_without_words_is_the_last_updated_order(
    ranked: SqlCatalogStore,
) -> None:
    newest_first = ids(ranked)
    assert ids(ranked, text="!!!", sort="relevance") == newest_first
    first = ranked.query(StoreQuery(viewer="bob", text="!!!", sort="relevance", limit=2))
    rest = ranked.query(
        StoreQuery(viewer="bob", text="!!!", sort="relevance", limit=2, cursor=first.next_cursor)
    )
    assert [item.id for item in first.items + rest.items] == newest_first


def test_a_best_match_cursor_serves_only_best_match(ranked: SqlCatalogStore) -> None:
    first = ranked.query(StoreQuery(viewer="bob", text="zephyr", sort="relevance", limit=1))
    assert first.next_cursor is not None
    with pytest.raises(InvalidInput) as caught:
        ranked.query(
            StoreQuery(viewer="bob", text="zephyr", sort="updated", cursor=first.next_cursor)
        )
    assert caught.value.details[0]["loc"] == ["cursor"]


# -- sorting and keyset paging ------------------------------------------------


@pytest.fixture
def crowd(store: SqlCatalogStore, db_engine: Engine) -> SqlCatalogStore:
    """130 entries with many ties: 7 distinct update times, 9 distinct titles."""
    titles = ["Alpha", "alpha", "Éclair", "beta", "Beta", "zeta", "Zeta model", "10 units", "_x"]
    for number in range(130):
        store.create(
            "alice",
            f"e-{number:03d}",
            fields(title=titles[number % len(titles)], share_organization=number % 13 != 0),
            exact_id=True,
        )
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with db_engine.begin() as connection:
        for number in range(130):
            connection.execute(
                update(EntryRow)
                .where(EntryRow.id == f"e-{number:03d}")
                # A row changed behind the store's back: its document goes too.
                .values(updated_at=start + timedelta(microseconds=number % 7), document_schema=None)
            )
    return store


@pytest.mark.parametrize(
    ("sort", "order"),
    [("updated", "desc"), ("updated", "asc"), ("title", "asc"), ("title", "desc")],
)
@pytest.mark.parametrize("limit", [1, 7, 50, 200])
def test_paging_visits_each_entry_once_in_order(
    crowd: SqlCatalogStore, sort: str, order: str, limit: int
) -> None:
    query = StoreQuery(viewer="alice", scope="mine", sort=sort, order=order, limit=limit)  # type: ignore[arg-type]
    pages = list(all_pages(crowd, query))
    seen = [item for page in pages for item in page]
    assert all(len(page) <= limit for page in pages)
    assert len(pages) == -(-130 // limit)
    assert len(seen) == 130
    assert len({item.id for item in seen}) == 130

    def key(item: Entry) -> tuple[Any, str]:
        first = item.updated_at if sort == "updated" else title_key(item.title)
        return (first, item.id)

    assert seen == sorted(seen, key=key, reverse=order == "desc")


def test_title_order_is_case_and_accent_insensitive(crowd: SqlCatalogStore) -> None:
    page = crowd.query(
        StoreQuery(viewer="alice", scope="mine", sort="title", order="asc", limit=200)
    )
    titles = list(dict.fromkeys(item.title.casefold() for item in page.items))
    assert titles == ["10 units", "_x", "alpha", "beta", "éclair", "zeta", "zeta model"]


def test_total_ignores_cursor_and_limit(crowd: SqlCatalogStore) -> None:
    first = crowd.query(StoreQuery(viewer="bob", limit=5))
    assert first.total == 120
    second = crowd.query(StoreQuery(viewer="bob", limit=5, cursor=first.next_cursor))
    assert second.total == 120
    assert {item.id for item in first.items}.isdisjoint(item.id for item in second.items)


def test_a_page_carries_its_count_and_an_empty_one_still_counts(store: SqlCatalogStore) -> None:
    """The count rides in the page's own statement; a page with no rows (nothing
    matches, or the entries after the cursor were deleted since) counts on its own."""
    for number in range(3):
        store.create("alice", f"e-{number}", fields(title=f"Entry {number}"), exact_id=True)
    first = store.query(StoreQuery(viewer="bob", limit=2))
    assert (len(first.items), first.total) == (2, 3)
    store.delete("e-0")  # the last one, oldest first
    rest = store.query(StoreQuery(viewer="bob", limit=2, cursor=first.next_cursor))
    assert (rest.items, rest.next_cursor, rest.total, rest.total_is_exact) == ([], None, 2, True)
    none = store.query(StoreQuery(viewer="bob", limit=2, text="nothing-like-this"))
    assert (none.items, none.total, none.total_is_exact) == ([], 0, True)
    ranked = store.query(StoreQuery(viewer="bob", limit=1, text="entry", sort="relevance"))
    assert (len(ranked.items), ranked.total) == (1, 2)


def test_total_is_exact_up_to_the_cap_and_a_lower_bound_beyond(store: SqlCatalogStore) -> None:
    """A count never reads past MAX_EXACT_TOTAL + 1 matches: "1,000+ results"."""
    body = fields(title="Churn model")
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda n: store.create("alice", f"c-{n}", body, exact_id=True), range(1000)))
    rare_body = fields(title="Fraud detector", description="Flags card fraud.", keywords=[])
    store.create("alice", "rare-one", rare_body, exact_id=True)
    counts: list[str] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        if "count(" in statement.lower():
            counts.append(statement)

    event.listen(Engine, "before_cursor_execute", capture)
    try:
        everything = store.query(StoreQuery(viewer="bob", limit=5))
        rare = store.query(StoreQuery(viewer="bob", limit=5, text="fraud"))
        churn = store.query(StoreQuery(viewer="bob", limit=5, text="churn"))
    finally:
        event.remove(Engine, "before_cursor_execute", capture)
    assert (everything.total, everything.total_is_exact) == (MAX_EXACT_TOTAL, False)
    assert (rare.total, rare.total_is_exact) == (1, True)
    assert (churn.total, churn.total_is_exact) == (1000, True)
    assert len(counts) >= 3  # the totals (and on PostgreSQL the planner's estimates)
    assert all("LIMIT" in statement.upper() for statement in counts), counts


def test_last_page_has_no_cursor(crowd: SqlCatalogStore) -> None:
    page = crowd.query(StoreQuery(viewer="alice", scope="mine", limit=130))
    assert (len(page.items), page.next_cursor) == (130, None)
    page = crowd.query(StoreQuery(viewer="alice", scope="mine", limit=129))
    assert page.next_cursor is not None
    rest = crowd.query(StoreQuery(viewer="alice", scope="mine", limit=129, cursor=page.next_cursor))
    assert (len(rest.items), rest.next_cursor) == (1, None)


@pytest.fixture
def few(store: SqlCatalogStore) -> SqlCatalogStore:
    for number in range(5):
        store.create("alice", f"f-{number}", fields(), exact_id=True)
    return store


def _tamper(cursor: str) -> str:
    payload, mac = cursor.split(".")
    raw = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    raw[3] = "f-0"  # move the position without fixing the check
    return base64.urlsafe_b64encode(json.dumps(raw).encode()).decode().rstrip("=") + "." + mac


def _b64(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode()


@pytest.mark.parametrize(
    "make_bad",
    [
        lambda good: "not a cursor!",
        lambda good: "%%%",
        lambda good: good[:-3],
        lambda good: good[:10] + ("A" if good[10] != "A" else "B") + good[11:],
        lambda good: good + "AAAA",
        _tamper,
        lambda good: _b64({"sort": "updated"}),
        lambda good: _b64(["updated", "desc", "yesterday", "x", "check"]),
        lambda good: base64.urlsafe_b64encode(b"\xff\xfe\x00").decode(),
        lambda good: "A" * 5000,
    ],
)
def test_bad_cursors_are_invalid_input(few: SqlCatalogStore, make_bad: Any) -> None:
    good = few.query(StoreQuery(viewer="alice", limit=3)).next_cursor
    assert good is not None
    with pytest.raises(InvalidInput) as raised:
        few.query(StoreQuery(viewer="alice", limit=3, cursor=make_bad(good)))
    assert raised.value.details[0]["loc"] == ["cursor"]


@pytest.mark.parametrize(
    ("sort", "order"), [("title", "asc"), ("title", "desc"), ("updated", "asc")]
)
def test_cursor_of_another_sort_is_invalid_input(
    few: SqlCatalogStore, sort: str, order: str
) -> None:
    made_for_updated_desc = few.query(StoreQuery(viewer="alice", limit=3)).next_cursor
    query = StoreQuery(
        viewer="alice", limit=3, sort=sort, order=order, cursor=made_for_updated_desc
    )  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as raised:
        few.query(query)
    assert raised.value.details[0]["loc"] == ["cursor"]


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 100_000}, "limit"),
        ({"scope": "all"}, "scope"),
        ({"sort": "rank"}, "sort"),
        ({"order": "up"}, "order"),
    ],
)
def test_bad_query_values_are_invalid_input(
    store: SqlCatalogStore, change: dict[str, Any], loc: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        store.query(StoreQuery(viewer="alice", **change))
    assert raised.value.details[0]["loc"] == [loc]


# -- the query planner ----------------------------------------------------------


def test_queries_of_one_shape_share_a_statement_and_keep_their_own_values(
    store: SqlCatalogStore,
) -> None:
    """A page statement is compiled once per shape of query (prepared.py) and run with
    each query's values: after queries of the same shape with other viewers, filters,
    words, page sizes and cursors, every query still lists exactly what a store that
    never ran another query lists, page after page."""
    for number in range(40):
        store.create(
            ("alice", "bob")[number % 2],
            f"e-{number}",
            fields(
                title=f"{('Zebra', 'Forecast', 'Churn')[number % 3]} model {number}",
                kind=("model", "notebook")[number % 2],
                framework=("xgboost", "pytorch", "lightgbm")[number % 3],
                keywords=[("alpha", "beta")[number % 2]],
            ),
            exact_id=True,
        )
    shapes = [
        [StoreQuery(viewer="alice", limit=3), StoreQuery(viewer="bob", limit=7)],
        [
            StoreQuery(viewer="alice", scope="mine", kind="model", limit=2),
            StoreQuery(viewer="bob", scope="mine", kind="notebook", limit=4),
        ],
        [
            StoreQuery(viewer="alice", framework="xgboost", sort="title", limit=2),
            StoreQuery(viewer="bob", framework="pytorch", sort="title", limit=5),
        ],
        [
            StoreQuery(viewer="alice", text="zebra alpha", limit=2),
            StoreQuery(viewer="bob", text="forecast beta", limit=3),
        ],
        [
            StoreQuery(viewer="alice", text="zebra", sort="relevance", limit=2),
            StoreQuery(viewer="bob", text="churn", sort="relevance", limit=3),
        ],
    ]

    def walk(on: SqlCatalogStore, query: StoreQuery) -> list[tuple[list[str], int]]:
        pages, cursor = [], None
        for _ in range(40):  # 40 entries: a cursor that moves on ends within 40 pages
            page = on.query(replace(query, cursor=cursor))
            pages.append(([item.id for item in page.items], page.total))
            if page.next_cursor is None:
                return pages
            cursor = page.next_cursor
        raise AssertionError(f"the pages of {query} never end")

    for first, second in shapes:
        walk(store, first)
        warm = walk(store, second)
        cold = walk(SqlCatalogStore(store.database), second)
        assert warm == cold, second
        assert len(warm) > 1, second  # more than one page: the cursor's values too
        assert walk(store, first) == walk(SqlCatalogStore(store.database), first), first


def test_a_page_parameter_without_a_value_is_refused(store: SqlCatalogStore) -> None:
    """Every value that varies between queries of one shape is a named parameter that
    listing.values gives; a statement with one it does not give is refused when it is
    prepared, instead of running every later query with the first query's value."""
    query = StoreQuery(viewer="alice", kind="model")
    statement = listing.page(query, store.database.dialect, None, from_matches=False)
    dialect = store.database.engine.dialect
    given = listing.values(query, store.database.dialect, None)
    assert prepared.prepare(statement, given, dialect).sql
    del given["kind"]
    with pytest.raises(AssertionError, match="'kind'"):
        prepared.prepare(statement, given, dialect)


@pytest.mark.parametrize(
    ("scope", "sort", "search", "index"),
    [
        ("organization", "updated", None, "ix_entries_share_organization_updated_at_id"),
        ("organization", "title", None, "ix_entries_share_organization_title_key_id"),
        ("mine", "updated", None, "ix_entries_owner_updated_at_id"),
        ("mine", "title", None, "ix_entries_owner_title_key_id"),
    ],
)
def test_pages_are_served_by_an_index_in_order(
    store: SqlCatalogStore,
    db_engine: Engine,
    scope: str,
    sort: str,
    search: str | None,
    index: str,
) -> None:
    """First and next page read the (scope, key, id) index in order: no sort step."""
    for number in range(300):
        entry = fields(title=f"T{number % 17}", share_organization=number % 3 > 0)
        store.create(f"user{number % 5}", f"p-{number}", entry, exact_id=True)
    if search and store.url.startswith("postgresql"):
        pytest.skip("PostgreSQL picks GIN + sort or index + filter by cost; both are fine")
    query = StoreQuery(viewer="user1", scope=scope, sort=sort, text=search)  # type: ignore[arg-type]
    with ordered_statements() as captured:
        first = store.query(replace(query, limit=10))
        store.query(replace(query, limit=10, cursor=first.next_cursor))
    assert len(captured) == 2
    with db_engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            connection.exec_driver_sql("ANALYZE entries")
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        for statement, parameters in captured:
            explain = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
            rows = connection.exec_driver_sql(explain + statement, parameters).all()
            plan = "\n".join(str(row[-1]) for row in rows)
            assert index in plan, plan
            assert "Sort" not in plan, plan
            assert "TEMP B-TREE" not in plan, plan
        connection.rollback()


def test_best_match_reads_the_matches_from_the_full_text_index(
    common_and_rare: SqlCatalogStore, db_engine: Engine
) -> None:
    """Ranking needs every match's rank, so Best match of a common word too is driven
    from the full-text index (never the sort index walked in order), and its matches
    ranked and the page taken from the ranking."""
    with ordered_statements() as captured:
        common = common_and_rare.query(
            StoreQuery(viewer="bob", text="forecast", sort="relevance", limit=3)
        )
    assert (common.total, common.total_is_exact) == (MAX_EXACT_TOTAL, False)
    assert [item.title for item in common.items] == ["Demand forecast"] * 3
    plans = _plans(db_engine, captured)
    if db_engine.dialect.name == "postgresql":
        # Bitmaps (the GIN index's, or the scope's when nearly every entry matches, as
        # here), then the ranking: no index is read in order.
        (plan,) = plans
        assert "Index Scan" not in plan.replace("Bitmap Index Scan", ""), plan
        assert "Sort Key: ((ts_rank_cd(" in plan, plan
    else:
        # First the best matches from FTS5 alone (no entry read), in two rounds; here
        # every match ties, so none is certain and the page is ranked in one query,
        # driven from FTS5 too.
        *rounds, whole = plans
        assert len(rounds) == ranking.ROUNDS, plans
        for plan in rounds:
            assert plan.startswith("SCAN entries_fts VIRTUAL TABLE"), plan
            assert "SEARCH" not in plan, plan
        assert whole.startswith("SCAN entries_fts VIRTUAL TABLE"), whole
        assert "ix_entries_share_organization_updated_at_id" not in whole, whole
        assert "TEMP B-TREE" in whole, whole


@contextmanager
def ordered_statements() -> Iterator[list[tuple[str, Any]]]:
    """The ordered SELECTs (statement, parameters) any engine runs inside the block."""
    captured: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        if "ORDER BY" in statement:
            captured.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", capture)
    try:
        yield captured
    finally:
        event.remove(Engine, "before_cursor_execute", capture)


def _plans(db_engine: Engine, statements: list[tuple[str, Any]]) -> list[str]:
    """The plan each captured statement gets, after ANALYZE (what a live catalog has)."""
    plans = []
    with db_engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        connection.exec_driver_sql("ANALYZE")
        if postgres:  # a few thousand rows fit a sequential scan; a catalog does not
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        for statement, parameters in statements:
            explain = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
            rows = connection.exec_driver_sql(explain + statement, parameters).all()
            plans.append("\n".join(str(row[-1]) for row in rows))
        connection.rollback()
    return plans


@pytest.fixture
def common_and_rare(store: SqlCatalogStore) -> SqlCatalogStore:
    """More entries holding "forecast" than the planner's line; five holding "zebra"."""
    count = RARE_BELOW + 100
    body = fields(title="Demand forecast", description="Forecasts demand.", keywords=[])
    rare = fields(title="Zebra counter", description="Counts zebras.", keywords=[])
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda n: store.create("alice", f"f-{n}", body, exact_id=True), range(count)))
    for number in range(5):
        store.create("alice", f"z-{number}", rare, exact_id=True)
    return store


def test_postgresql_estimates_a_large_catalog_from_a_sample(
    common_and_rare: SqlCatalogStore, db_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past SAMPLE_ABOVE entries PostgreSQL's planner estimates a search's matches from
    a block sample instead of counting them: the rare word is still told from the
    common one, and a common word's page is planned with sequential and bitmap scans
    off, a rare word's as usual."""
    if db_engine.dialect.name != "postgresql":
        pytest.skip("SQLite estimates from the FTS5 vocabulary")
    with db_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("ANALYZE entries")  # reltuples, as autovacuum keeps it
    monkeypatch.setattr(search, "SAMPLE_ABOVE", 1000)
    statements: list[str] = []
    bitmaps: list[str] = []  # enable_bitmapscan where each page's statement ran

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)
        if "ORDER BY" in statement:
            with cursor.connection.cursor() as probe:  # same session, outside SQLAlchemy
                probe.execute("SHOW enable_bitmapscan")
                bitmaps.append(probe.fetchone()[0])

    event.listen(Engine, "before_cursor_execute", record)
    try:
        with db_engine.connect() as connection:
            rare = search.postgresql_estimate(connection, ["zebra"])
            common = search.postgresql_estimate(connection, ["demand", "fore"])
        sampled = [statement for statement in statements if "TABLESAMPLE" in statement]
        statements.clear()
        page = common_and_rare.query(StoreQuery(viewer="bob", text="forecast", limit=3))
        common_and_rare.query(StoreQuery(viewer="bob", text="zebra", limit=3))
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert len(sampled) == 2
    assert all("REPEATABLE" in statement for statement in sampled)
    assert rare < search.RARE_BELOW <= common
    assert common == pytest.approx(RARE_BELOW + 105, rel=0.1)  # every entry but zebras
    assert all(item.title == "Demand forecast" for item in page.items)
    assert bitmaps == ["off", "on"], statements


def test_the_planner_keeps_its_choice_for_the_same_words(
    common_and_rare: SqlCatalogStore,
) -> None:
    """The estimate reads the index's statistics; its choice is kept per set of words
    (PLAN_SECONDS), so the same search typed again, in any case or order, runs no
    estimate and finds the same entries. Other words are estimated afresh."""
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    def estimates() -> list[str]:
        return [s for s in statements if "entries_fts_vocab" in s or "reltuples" in s]

    def search_for(text: str) -> list[str]:
        statements.clear()
        page = common_and_rare.query(StoreQuery(viewer="bob", text=text, limit=3))
        return [item.id for item in page.items]

    event.listen(Engine, "before_cursor_execute", record)
    try:
        first = search_for("zebra counter")
        assert estimates(), statements
        assert search_for("Counter ZEBRA") == first == ["z-4", "z-3", "z-2"]
        assert estimates() == [], statements
        search_for("forecast")
        assert estimates(), statements
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def test_a_rare_search_reads_its_matches_and_a_common_one_walks_the_sort_index(
    common_and_rare: SqlCatalogStore, db_engine: Engine
) -> None:
    """The search planner: a rare word is read from the full-text index and its few
    matches sorted; a common word walks the scope's (updated_at, id) index in order and
    stops after a page. The answers are the same either way."""
    with ordered_statements() as captured:
        rare = common_and_rare.query(StoreQuery(viewer="bob", text="zebra", limit=3))
        common = common_and_rare.query(StoreQuery(viewer="bob", text="forecast", limit=3))
    assert (rare.total, rare.total_is_exact, len(rare.items)) == (5, True, 3)
    assert [item.id for item in rare.items] == ["z-4", "z-3", "z-2"]  # newest first
    assert (common.total, common.total_is_exact) == (MAX_EXACT_TOTAL, False)
    assert all(item.title == "Demand forecast" for item in common.items)

    rare_plan, common_plan = _plans(db_engine, captured)
    sort_index = "ix_entries_share_organization_updated_at_id"
    if db_engine.dialect.name == "postgresql":
        # The matches sorted (from the GIN index, or at this size from whatever bitmap
        # PostgreSQL costs lower), never the sort index walked in order for them.
        assert "Sort Key" in rare_plan, rare_plan
        assert "Index Scan Backward" not in rare_plan, rare_plan
        assert sort_index in common_plan, common_plan
        assert "Sort" not in common_plan.replace("Sort Key", ""), common_plan
    else:
        assert "VIRTUAL TABLE" in rare_plan, rare_plan
        assert "TEMP B-TREE" in rare_plan, rare_plan
        assert sort_index not in rare_plan, rare_plan
        assert sort_index in common_plan, common_plan
        assert "TEMP B-TREE" not in common_plan, common_plan


@pytest.fixture
def common_and_rare_filters(store: SqlCatalogStore) -> SqlCatalogStore:
    """More organization-wide XGBoost models than a capped count counts; three PyTorch
    ones; and entries of their own that only their owner or named users see."""
    common = fields(title="Churn XGBoost")
    with ThreadPoolExecutor(4) as pool:
        list(
            pool.map(
                lambda n: store.create("alice", f"x-{n}", common, exact_id=True),
                range(MAX_EXACT_TOTAL + 50),
            )
        )
    for number in range(3):
        rare = fields(
            title=f"Vision {number}",
            data_type="image",
            task="image-classification",
            framework="pytorch",
        )
        store.create("bob", f"p-{number}", rare, exact_id=True)
    hidden = fields(title="Private", framework="pytorch", share_organization=False)
    store.create("carol", "p-private", hidden, exact_id=True)
    return store


def test_a_rare_filter_reads_its_matches_and_a_common_one_walks_the_sort_index(
    common_and_rare_filters: SqlCatalogStore, db_engine: Engine
) -> None:
    """The planner, for filters: a filter value few shared entries have is read from its
    filter's index and its few matches sorted (instead of walking the organization's
    sort index past every other entry); a common one walks the sort index in order and
    stops after a page, and counts its matches from the filter's index alone, which
    holds the scope and the other filters (migration 0006). The answers are the same
    either way."""
    store = common_and_rare_filters
    with ordered_statements() as captured:
        rare = store.query(StoreQuery(viewer="dave", framework="pytorch", limit=2))
        common = store.query(StoreQuery(viewer="dave", framework="xgboost", limit=2))
        both = store.query(
            StoreQuery(viewer="dave", framework="pytorch", data_type="image", text="vision")
        )
    assert (rare.total, rare.total_is_exact) == (3, True)
    assert [item.id for item in rare.items] == ["p-2", "p-1"]  # newest first, none hidden
    rest = store.query(StoreQuery(viewer="dave", framework="pytorch", cursor=rare.next_cursor))
    assert [item.id for item in rest.items] == ["p-0"]
    assert (common.total, common.total_is_exact) == (MAX_EXACT_TOTAL, False)
    assert [item.framework for item in common.items] == ["xgboost", "xgboost"]
    assert [item.id for item in both.items] == ["p-2", "p-1", "p-0"]
    mine = store.query(StoreQuery(viewer="carol", scope="mine", framework="pytorch"))
    assert [item.id for item in mine.items] == ["p-private"]

    rare_plan, common_plan = _plans(db_engine, captured[:2])
    sort_index = "ix_entries_share_organization_updated_at_id"
    filter_index = "ix_entries_framework_filters"  # its filter first: framework's
    assert filter_index in rare_plan, rare_plan
    assert sort_index not in rare_plan, rare_plan
    assert sort_index in common_plan, common_plan
    if db_engine.dialect.name == "postgresql":
        assert "Sort Key" in rare_plan, rare_plan
        assert "Sort" not in common_plan.replace("Sort Key", ""), common_plan
        # Read as the walking reader reads it, on a table autovacuum has visited.
        with db_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE entries")
            for name, value in WALKING_SETTINGS.items():
                connection.exec_driver_sql(f"SET {name} = {value}")
            statement, parameters = captured[1]
            rows = connection.exec_driver_sql("EXPLAIN " + statement, parameters).all()
        walked = "\n".join(str(row[-1]) for row in rows)
        assert re.search(r"Index Only Scan using ix_entries_\w+_filters", walked), walked
        assert f"Index Scan Backward using {sort_index}" in walked, walked
    else:
        assert "TEMP B-TREE" in rare_plan, rare_plan
        assert "TEMP B-TREE" not in common_plan, common_plan
        assert re.search(r"COVERING INDEX ix_entries_\w+_filters", common_plan), common_plan
