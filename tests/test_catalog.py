"""The catalog service over the real store (SQLite and PostgreSQL): dry runs check what
the real call checks and keep nothing; every field a request gives comes back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import payloads
import pytest
from sqlalchemy import Engine, text

from shared_models_ext.domain.errors import SharedModelsError
from shared_models_ext.domain.models import CreateEntry, Entry, ReplaceEntry
from shared_models_ext.services.catalog import Catalog, etag_for
from shared_models_ext.store import mapping
from shared_models_ext.store.sql import SqlCatalogStore


@pytest.fixture
def catalog(store: SqlCatalogStore) -> Iterator[Catalog]:
    opened = Catalog(lambda: store)
    yield opened
    opened.close()


def create(catalog: Catalog, owner: str = "alice", **changes: Any) -> Entry:
    return catalog.create(owner, CreateEntry.model_validate(payloads.model(**changes)))


def snapshot(db_engine: Engine) -> list[Any]:
    """Every row the catalog keeps, in a fixed order."""
    with db_engine.connect() as connection:
        entries = connection.execute(text("SELECT * FROM entries ORDER BY id")).all()
        shares = connection.execute(text("SELECT * FROM entry_shares ORDER BY 1, 2")).all()
    return [*map(tuple, entries), *map(tuple, shares)]


def outcome(call: Callable[[], object]) -> dict[str, Any] | None:
    """The error a call raises, as the API would send it (status included), or None."""
    try:
        call()
    except SharedModelsError as error:
        return {"status": error.status, **error.to_json()}
    return None


# -- dry runs -------------------------------------------------------------------


def test_a_dry_run_create_keeps_nothing(catalog: Catalog, db_engine: Engine) -> None:
    body = CreateEntry.model_validate(payloads.model(share={"users": ["bob", "alice"]}))
    assert catalog.create("alice", body, dry_run=True) is None
    assert snapshot(db_engine) == []
    made = catalog.create("alice", body)
    assert made.share.users == ["bob"]  # the owner is never a named share
    before = snapshot(db_engine)
    assert catalog.create("alice", body, dry_run=True) is None
    assert snapshot(db_engine) == before


def test_a_dry_run_create_of_a_taken_id_is_the_same_conflict(
    catalog: Catalog, db_engine: Engine
) -> None:
    create(catalog, id="churn")
    before = snapshot(db_engine)
    body = CreateEntry.model_validate(payloads.model(id="churn", title="Other"))
    dry = outcome(lambda: catalog.create("bob", body, dry_run=True))
    assert snapshot(db_engine) == before
    real = outcome(lambda: catalog.create("bob", body))
    assert dry is not None
    assert dry["status"] == 409
    assert dry == real


def _echo(entry: Entry, **changes: Any) -> ReplaceEntry:
    """What a client sends back to change an entry: what GET gave, changed."""
    return ReplaceEntry.model_validate({**entry.model_dump(mode="json"), **changes})


REPLACES: dict[str, tuple[str, str, dict[str, Any], str | None, int]] = {
    # name: (user, entry, changes, If-Match, status)
    "If-Match missing": ("alice", "churn", {}, None, 428),
    "If-Match stale": ("alice", "churn", {}, '"7"', 412),
    "If-Match unreadable": ("alice", "churn", {}, "*", 412),
    "not the owner": ("bob", "churn", {}, '"1"', 403),
    "not the owner, without If-Match": ("bob", "churn", {}, None, 403),
    "not visible": ("bob", "private", {}, '"1"', 404),
    "no such entry": ("alice", "absent", {}, '"1"', 404),
    "id changed": ("alice", "churn", {"id": "other"}, '"1"', 400),
    "owner changed": ("alice", "churn", {"owner": "bob"}, '"1"', 400),
}


@pytest.mark.parametrize(
    ("user", "entry_id", "changes", "if_match", "status"),
    REPLACES.values(),
    ids=REPLACES.keys(),
)
def test_a_dry_run_replace_fails_as_the_real_one_would(
    catalog: Catalog,
    db_engine: Engine,
    user: str,
    entry_id: str,
    changes: dict[str, Any],
    if_match: str | None,
    status: int,
) -> None:
    churn = create(catalog, id="churn")
    create(catalog, id="private", share={"organization": False, "users": [], "canvas_users": []})
    body = _echo(churn, title="Changed", **changes)
    before = snapshot(db_engine)
    dry = outcome(lambda: catalog.replace(user, entry_id, body, if_match, dry_run=True))
    assert snapshot(db_engine) == before
    real = outcome(lambda: catalog.replace(user, entry_id, body, if_match))
    assert dry is not None
    assert dry["status"] == status
    assert dry == real
    assert snapshot(db_engine) == before


def test_a_dry_run_replace_keeps_nothing(catalog: Catalog, db_engine: Engine) -> None:
    churn = create(catalog, id="churn")
    body = _echo(churn, title="Renamed", keywords=["new"], share={"users": ["carol"]})
    before = snapshot(db_engine)
    assert catalog.replace("alice", "churn", body, etag_for(1), dry_run=True) is None
    assert snapshot(db_engine) == before
    assert catalog.get("alice", "churn") == churn
    replaced = catalog.replace("alice", "churn", body, etag_for(1))
    assert (replaced.title, replaced.version, replaced.share.users) == ("Renamed", 2, ["carol"])


# -- one shape per noun -----------------------------------------------------------

RICH = {
    "model": payloads.model(
        id="rich-model",
        description="Every field set.\nTwo lines.",
        keywords=["alpha", "beta"],
        share={"organization": False, "users": ["bob", "carol"], "canvas_users": ["c-1"]},
        training=payloads.tabular_training(),
        inference=payloads.inference(),
    ),
    "notebook": payloads.notebook(id="rich-notebook"),
}


@pytest.mark.parametrize("payload", RICH.values(), ids=RICH.keys())
def test_every_request_field_round_trips(catalog: Catalog, payload: dict[str, Any]) -> None:
    """Whatever fields ``CreateEntry`` has (a new one too), create → get gives them back."""
    body = CreateEntry.model_validate(payload)
    created = catalog.create("alice", body)
    fetched = catalog.get("alice", created.id)
    assert fetched == created
    for name in CreateEntry.model_fields:
        sent = body.model_dump(mode="json", include={name})
        got = fetched.model_dump(mode="json", include={name})
        assert got == sent, name


def test_the_store_maps_every_field_by_name() -> None:
    """A field of the models lives in the column of its name (or is one the store
    spreads itself): adding one needs the models and ``tables.py``, nothing else."""
    spread = {"share"}  # share_organization, canvas_users and the entry_shares table
    homeless = set(CreateEntry.model_fields) - mapping.WRITTEN - mapping.STORE_OWNED - spread
    assert not homeless, f"give {sorted(homeless)} a column of the same name in tables.py"
    unanswered = set(CreateEntry.model_fields) - set(Entry.model_fields)
    assert not unanswered, f"add {sorted(unanswered)} to Entry in responses.py"
    unread = set(Entry.model_fields) - set(mapping.READ) - spread
    assert not unread, f"give {sorted(unread)} a column of the same name in tables.py"
