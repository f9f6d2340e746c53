"""User names that cannot lie: NFKC + case-folded ("Bob" is bob), account-like (no
spaces), one script (no "alice" spelt with a Cyrillic "a"), the own name checked at start-up;
titles that are visible and read as they are written."""

from __future__ import annotations

from typing import Any

import payloads
import pytest
from alembic import command
from sqlalchemy import create_engine, text
from traitlets import TraitError

from shared_models_ext.app import SharedModelsApp
from shared_models_ext.domain.identity import InvalidUserName, normalize_username, resolve_identity
from shared_models_ext.store.engine import parse_url
from shared_models_ext.store.migrations import alembic_config
from shared_models_ext.store.sql import SqlCatalogStore

CYRILLIC_ALICE = "\u0430lice"  # a Cyrillic "a", then Latin "lice"


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("bob", "bob"),
        ("Bob", "bob"),
        ("BOB", "bob"),
        ("\uff42\uff4f\uff42", "bob"),
        ("Stra\u00dfe", "strasse"),
        ("\u0430\u043b\u0438\u0441\u0430", "\u0430\u043b\u0438\u0441\u0430"),
        ("jane.doe@example.com", "jane.doe@example.com"),
        ("\u5c71\u7530\u305f\u308d\u3046", "\u5c71\u7530\u305f\u308d\u3046"),
    ],
)
def test_names_are_normalised(given: str, canonical: str) -> None:
    assert normalize_username(given) == canonical


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("alice smith", "spaces"),
        (CYRILLIC_ALICE, "scripts"),
        ("a\u200bb", "not allowed"),
        ("x" * 300, "at most 255"),
        ("", "empty"),
        ("a\x00b", "not allowed"),
    ],
)
def test_bad_names_are_refused_with_a_reason(name: str, says: str) -> None:
    with pytest.raises(InvalidUserName, match=says):
        normalize_username(name)


def test_the_own_name_is_checked_at_start_up() -> None:
    with pytest.raises(InvalidUserName, match=r"SharedModelsApp\.username.*at most 255"):
        resolve_identity("x" * 300)
    with pytest.raises(InvalidUserName, match=r"JUPYTERHUB_USER.*spaces"):
        resolve_identity(None, {"JUPYTERHUB_USER": "alice smith"})
    with pytest.raises(InvalidUserName, match="scripts"):
        resolve_identity(None, {"JUPYTERHUB_USER": CYRILLIC_ALICE})
    assert resolve_identity(None, {"JUPYTERHUB_USER": "Alice"}).username == "alice"
    with pytest.raises(TraitError, match="at most 255"):
        SharedModelsApp(username="x" * 300)
    assert SharedModelsApp(username="Carol").username == "carol"


async def test_a_share_with_bob_in_capitals_is_bobs(api: Any, as_user: Any) -> None:
    body = payloads.model(share={"organization": False, "users": ["Bob"], "canvas_users": []})
    entry = await api.create(body)
    assert entry["share"]["users"] == ["bob"]
    bob = as_user("bob")
    assert (await bob.get(f"entries/{entry['id']}")).status == 200
    listed = await bob.get("entries", scope="shared-with-me")
    assert [item["id"] for item in listed.body["items"]] == [entry["id"]]


async def test_bob_and_BOB_are_one_share(api: Any) -> None:
    body = payloads.model(
        share={"organization": False, "users": ["bob", "BOB"], "canvas_users": []}
    )
    entry = await api.create(body)
    assert entry["share"]["users"] == ["bob"]


@pytest.mark.parametrize(
    ("users", "says"),
    [([CYRILLIC_ALICE], "scripts"), (["u" * 256], "255"), (["a\u200bb"], "not allowed")],
)
async def test_shares_with_names_nobody_can_have_are_400(
    api: Any, users: list[str], says: str
) -> None:
    body = payloads.model(share={"organization": False, "users": users, "canvas_users": []})
    response = await api.post("entries", body)
    assert response.status == 400, response.body
    detail = response.error["details"][0]
    assert detail["loc"] == ["share", "users", 0]
    assert says in detail["msg"]
    assert (await api.get("entries", scope="mine")).body["total"] == 0


@pytest.mark.parametrize(
    "title",
    [
        "\u200b\u200b\u200b",
        "\u200d\ufeff\u2060",
        "\u3164",
        "invoice\u202egpj.exe",
        "a\u2066b\u2069",
    ],
    ids=["zero-width", "format chars", "hangul filler", "RLO override", "isolate"],
)
async def test_invisible_or_reordered_titles_are_400(api: Any, title: str) -> None:
    response = await api.post("entries", payloads.model(title))
    assert response.status == 400, response.body
    assert response.error["details"][0]["loc"] == ["title"]
    assert (await api.get("entries", scope="mine")).body["total"] == 0


def test_the_migration_makes_stored_names_canonical(empty_db_url: str) -> None:
    engine = create_engine(parse_url(empty_db_url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0002")
        now = "2026-01-01 00:00:00.000000"
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO entries (id, kind, title, title_key, description, data_type, "
                    "task, framework, keywords, search_title, search_keywords, "
                    "search_description, owner, share_organization, canvas_shared, "
                    "canvas_users, created_at, updated_at, version) VALUES ('e', 'model', 'T', "
                    "'t', '', 'text', 'text-generation', 'pytorch', '[]', 't', '', '', 'Alice', "
                    "false, false, '[]', :now, :now, 1)"
                ),
                {"now": now},
            )
            for user in ("Bob", "bob", "CAROL"):
                connection.execute(
                    text("INSERT INTO entry_shares (entry_id, username) VALUES ('e', :u)"),
                    {"u": user},
                )
    finally:
        engine.dispose()
    store = SqlCatalogStore.open(empty_db_url)
    try:
        entry = store.get("e")
        assert entry is not None
        assert entry.owner == "alice"
        assert entry.share.users == ["bob", "carol"]
    finally:
        store.close()
