"""Page cursors are authenticated with a server-side key kept in the store (HMAC-SHA256):
forged, tampered or out-of-range cursors are a 400 on ``["cursor"]``, never a 500; a
cursor made by one user's server works on another's; the key is never sent out."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

import payloads
import pytest
from sqlalchemy import Engine, text

from shared_models_ext.domain.errors import InvalidInput
from shared_models_ext.store import StoreQuery
from shared_models_ext.store.cursor import CURSOR_KEY_NAME
from shared_models_ext.store.sql import SqlCatalogStore


def _unkeyed(parts: list[str]) -> str:
    """A cursor as anyone could make one before cursors were keyed: an unkeyed digest."""
    check = base64.urlsafe_b64encode(
        hashlib.sha256(json.dumps(parts, separators=(",", ":")).encode()).digest()
    ).decode()[:12]
    payload = json.dumps([*parts, check], separators=(",", ":"))  # \ud800 as an escape
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _signed(secret: bytes, parts: list[str]) -> str:
    """A cursor signed with the store's real key: authentic, whatever it says."""
    payload = json.dumps(parts, separators=(",", ":"), ensure_ascii=True).encode()
    mac = hmac.new(secret, b"shared-models cursor v2\x00" + payload, hashlib.sha256).digest()
    return f"{_b64(payload)}.{_b64(mac[:16])}"


HOSTILE_PARTS = {
    "before year 1 in UTC": ["updated", "desc", "0001-01-01T00:00:00+01:00", "some-id"],
    "after year 9999 in UTC": ["updated", "desc", "9999-12-31T23:59:59-01:00", "some-id"],
    "lone surrogate in the key": ["title", "asc", "ab\ud800", "some-id"],
    "lone surrogate in the id": ["updated", "desc", "2026-01-01T00:00:00+00:00", "x\udc00"],
    "NUL in the key": ["title", "asc", "a\x00b", "some-id"],
    "not an ID": ["updated", "desc", "2026-01-01T00:00:00+00:00", "Not An ID!"],
}


def _query_for(parts: list[str]) -> dict[str, str]:
    return {"sort": parts[0], "order": parts[1]}


@pytest.mark.parametrize("parts", HOSTILE_PARTS.values(), ids=HOSTILE_PARTS.keys())
async def test_forged_cursors_are_400_on_cursor(api: Any, parts: list[str]) -> None:
    await api.create(payloads.model())
    response = await api.get("entries", cursor=_unkeyed(parts), **_query_for(parts))
    assert response.status == 400, response.body
    assert response.error["details"][0]["loc"] == ["cursor"]


async def test_a_well_formed_unkeyed_cursor_is_refused(api: Any) -> None:
    for number in range(3):
        await api.create(payloads.model(f"Model {number}"))
    first = await api.get("entries", limit=1)
    forged = _unkeyed(["updated", "desc", "2999-01-01T00:00:00+00:00", "zzz"])
    response = await api.get("entries", limit=1, cursor=forged)
    assert response.status == 400, response.body
    assert response.error["details"][0]["loc"] == ["cursor"]
    assert first.body["next_cursor"] != forged


def _secret(engine: Engine) -> bytes:
    with engine.connect() as connection:
        value = connection.execute(
            text("SELECT value FROM store_secrets WHERE name = :name"), {"name": CURSOR_KEY_NAME}
        ).scalar_one()
    return bytes.fromhex(value)


@pytest.mark.parametrize("parts", HOSTILE_PARTS.values(), ids=HOSTILE_PARTS.keys())
def test_authentic_cursors_with_unusable_values_are_invalid_input(
    store: SqlCatalogStore, db_engine: Engine, parts: list[str]
) -> None:
    store.database.cursor_secret()
    cursor = _signed(_secret(db_engine), parts)
    with pytest.raises(InvalidInput) as raised:
        store.query(StoreQuery(viewer="alice", sort=parts[0], order=parts[1], cursor=cursor))  # type: ignore[arg-type]
    assert raised.value.details[0]["loc"] == ["cursor"]


def test_the_key_is_made_once_and_shared_by_every_store(clean_db: str, db_engine: Engine) -> None:
    first, second = SqlCatalogStore.open(clean_db), SqlCatalogStore.open(clean_db)
    try:
        for number in range(4):
            first.create("alice", f"e-{number}", _fields(), exact_id=True)
        page = first.query(StoreQuery(viewer="alice", scope="mine", limit=2))
        assert page.next_cursor is not None
        rest = second.query(
            StoreQuery(viewer="alice", scope="mine", limit=2, cursor=page.next_cursor)
        )
        assert {r.id for r in page.items} | {r.id for r in rest.items} == {
            f"e-{number}" for number in range(4)
        }
        assert first.database.cursor_secret() == second.database.cursor_secret()
        assert first.database.cursor_secret() == _secret(db_engine)
        assert len(first.database.cursor_secret()) == 32
    finally:
        first.close()
        second.close()


def _fields() -> Any:
    from shared_models_ext.domain.models import CreateEntry

    return CreateEntry(
        kind="model",
        title="T",
        description="",
        data_type="text",
        task="text-generation",
        framework="pytorch",
    )


async def test_alices_cursor_works_on_bobs_server(
    api: Any, as_user: Any, db_engine: Engine
) -> None:
    for number in range(5):
        await api.create(payloads.model(f"Shared {number}"))
    bob = as_user("bob")
    first = await api.get("entries", limit=2)
    assert first.status == 200
    assert first.body["next_cursor"]
    second = await bob.get("entries", limit=2, cursor=first.body["next_cursor"])
    assert second.status == 200, second.body
    seen = [item["id"] for item in first.body["items"] + second.body["items"]]
    assert len(set(seen)) == 4
    key = _secret(db_engine)
    for response in (first, second):
        body = json.dumps(response.body)
        assert key.hex() not in body
        assert _b64(key) not in body
