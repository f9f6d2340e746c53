"""Create, read, replace and delete entries through the REST API."""

from __future__ import annotations

import json
from typing import Any

import payloads
import pytest
from conftest import Client


async def test_create_derives_id_and_normalises_keywords(api: Client, jp_base_url: str) -> None:
    response = await api.post("entries", payloads.model("Churn XGBoost (v2)"))
    assert response.status == 201
    entry = response.body
    assert entry["id"] == "churn-xgboost-v2"
    assert entry["owner"] == "alice"
    assert entry["keywords"] == ["churn", "xgboost", "tabular"]
    assert entry["version"] == 1
    assert entry["created_at"].endswith("Z")
    assert entry["updated_at"] == entry["created_at"]
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"].endswith("/shared-models/api/entries/churn-xgboost-v2")
    assert response.headers["Location"].startswith(jp_base_url.rstrip("/"))
    fetched = await api.get("entries/churn-xgboost-v2")
    assert fetched.status == 200
    assert fetched.body == entry
    assert fetched.headers["ETag"] == '"1"'


async def test_same_title_gets_numeric_suffix(api: Client) -> None:
    ids = [(await api.create(payloads.model("Fraud detector")))["id"] for _ in range(3)]
    assert ids == ["fraud-detector", "fraud-detector-2", "fraud-detector-3"]
    suggestion = await api.get("id-suggestions", title="Fraud detector")
    assert suggestion.body == {"id": "fraud-detector-4"}


async def test_explicit_id_taken_is_a_conflict(api: Client) -> None:
    await api.create(payloads.model("First", id="shared-name"))
    response = await api.post("entries", payloads.model("Second", id="shared-name"))
    assert response.status == 409
    assert response.error["code"] == "conflict"
    assert "shared-name" in response.error["message"]
    listing = await api.get("entries", scope="mine")
    assert [item["title"] for item in listing.body["items"]] == ["First"]


async def test_full_model_round_trips(api: Client) -> None:
    body = payloads.model(
        "Churn with training",
        training=payloads.tabular_training(),
        inference=payloads.inference(),
        share={"organization": False, "users": ["bob"], "canvas_users": ["analyst-1"]},
    )
    entry = await api.create(body)
    assert entry["training"]["tabular"]["target_column"] == "churn"
    assert entry["training"]["hyperparameters"][1]["scaling"] == "logarithmic"
    assert entry["inference"]["model_data_uri"] == "s3://team-bucket/output/model.tar.gz"
    assert entry["share"] == {
        "organization": False,
        "users": ["bob"],
        "canvas_users": ["analyst-1"],
    }
    again = await api.get(f"entries/{entry['id']}")
    assert again.body["training"] == entry["training"]


async def test_notebook_entry(api: Client) -> None:
    entry = await api.create(payloads.notebook())
    assert entry["kind"] == "notebook"
    assert entry["notebook"] == {"s3_uri": "s3://team-bucket/notebooks/churn.ipynb"}
    assert entry["training"] is None
    assert entry["inference"] is None


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        (payloads.model(task="object-detection"), ["task"]),
        (payloads.model(data_type="video"), ["data_type"]),
        (payloads.model(title=""), ["title"]),
        (payloads.model(id="Not_Valid"), ["id"]),
        (payloads.model(training=payloads.training()), ["training", "tabular"]),
        (
            payloads.model(
                training=payloads.tabular_training(
                    channels=[{"name": "train", "uri": "https://example.com/data"}]
                )
            ),
            ["training", "channels", 0, "uri"],
        ),
        (
            payloads.model(
                data_type="image",
                task="image-classification",
                share={"organization": True, "users": [], "canvas_users": ["x"]},
            ),
            ["share", "canvas_users"],
        ),
        (payloads.notebook(notebook=None), ["notebook"]),
        (payloads.model(unexpected="field"), ["unexpected"]),
    ],
)
async def test_invalid_entries_are_refused_with_field_details(
    api: Client, body: dict[str, Any], loc: list[Any]
) -> None:
    response = await api.post("entries", body)
    assert response.status == 400, response.body
    assert response.error["code"] == "invalid"
    assert loc in [detail["loc"] for detail in response.error["details"]]
    assert "Traceback" not in json.dumps(response.body)
    assert (await api.get("entries", scope="mine")).body["total"] == 0


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b"{not json", 400),
        (b"[1, 2]", 400),
        (b"", 400),
        (b'"a string"', 400),
        (b"\xff\xfe", 400),
    ],
)
async def test_malformed_bodies(api: Client, raw: bytes, status: int) -> None:
    response = await api.request("POST", "entries", raw_body=raw)
    assert response.status == status
    assert response.error["code"] == "invalid"


async def test_body_over_one_mib_is_too_large(api: Client) -> None:
    body = payloads.model(description="x" * (1024 * 1024 + 10))
    response = await api.post("entries", body)
    assert response.status == 413
    assert response.error["code"] == "too_large"


async def test_unknown_entry_is_404(api: Client) -> None:
    for entry_id in ("does-not-exist", "Not%20An%20Id", "x" * 300):
        response = await api.get(f"entries/{entry_id}")
        assert response.status == 404
        assert response.error["code"] == "not_found"


async def test_replace_needs_matching_if_match(api: Client) -> None:
    entry = await api.create(payloads.model("Versioned"))
    path = f"entries/{entry['id']}"
    changed = {**payloads.model("Versioned, renamed"), "keywords": ["renamed"]}

    missing = await api.put(path, changed)
    assert missing.status == 428
    assert missing.error["code"] == "precondition_required"

    stale = await api.put(path, changed, if_match='"7"')
    assert stale.status == 412
    assert stale.error["code"] == "precondition_failed"

    garbage = await api.put(path, changed, if_match="*")
    assert garbage.status == 412

    ok = await api.put(path, changed, if_match=entry_etag(entry))
    assert ok.status == 200, ok.body
    assert ok.body["title"] == "Versioned, renamed"
    assert ok.body["id"] == entry["id"]
    assert ok.body["version"] == 2
    assert ok.headers["ETag"] == '"2"'
    assert ok.body["created_at"] == entry["created_at"]
    assert ok.body["updated_at"] > entry["updated_at"]

    replay = await api.put(path, changed, if_match=entry_etag(entry))
    assert replay.status == 412
    assert (await api.get(path)).body["version"] == 2


async def test_replace_accepts_what_get_returned(api: Client) -> None:
    entry = await api.create(payloads.model("Round trip"))
    edited = {**entry, "description": "Edited"}
    response = await api.put(f"entries/{entry['id']}", edited, if_match=entry_etag(entry))
    assert response.status == 200, response.body
    assert response.body["description"] == "Edited"


@pytest.mark.parametrize(
    ("field", "value"), [("id", "another-id"), ("kind", "notebook"), ("owner", "mallory")]
)
async def test_id_kind_owner_are_immutable(api: Client, field: str, value: str) -> None:
    entry = await api.create(payloads.model("Fixed fields"))
    edited = {**entry, field: value}
    if field == "kind":
        edited["notebook"] = {"s3_uri": "s3://team-bucket/x.ipynb"}
    response = await api.put(f"entries/{entry['id']}", edited, if_match=entry_etag(entry))
    assert response.status == 400
    assert [field] in [detail["loc"] for detail in response.error["details"]]
    assert (await api.get(f"entries/{entry['id']}")).body == entry


async def test_delete(api: Client) -> None:
    entry = await api.create(payloads.model("Short lived"))
    path = f"entries/{entry['id']}"
    assert (await api.delete(path, if_match='"9"')).status == 412
    response = await api.delete(path)
    assert response.status == 204
    assert (await api.get(path)).status == 404
    assert (await api.delete(path)).status == 404


async def test_only_the_owner_changes_or_deletes(as_user: Any) -> None:
    alice, bob = as_user("alice"), as_user("bob")
    entry = await alice.create(payloads.model("Alice's model"))
    path = f"entries/{entry['id']}"
    seen = await bob.get(path)
    assert seen.status == 200
    edit = await bob.put(path, {**entry, "title": "Bob was here"}, if_match=entry_etag(entry))
    assert edit.status == 403
    assert edit.error["code"] == "forbidden"
    assert (await bob.delete(path)).status == 403
    assert (await alice.get(path)).body["title"] == "Alice's model"


def entry_etag(entry: dict[str, Any]) -> str:
    return f'"{entry["version"]}"'
