"""A stored entry always reads: a row that breaks today's request rules (written by an
older version, or by hand) is served exactly as stored, by GET and in the list."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import payloads
import pytest
from conftest import Client
from sqlalchemy import Engine, insert

from shared_models_ext.store.tables import EntryRow, ShareRow

# The hyperparameter of an unknown type below is served as stored; pydantic's serializer
# says it matched none of the known types, which is the point.
pytestmark = pytest.mark.filterwarnings("ignore:Pydantic serializer warnings:UserWarning")

STORED_AT = datetime(2025, 3, 4, 5, 6, 7, 890123, tzinfo=timezone.utc)

TRAINING = payloads.training(
    channels=[],  # at least one, today
    instance_types=["m5.big", "m5.big"],  # not instance types, and repeated
    default_instance_type="ml.p3.2xlarge",  # not one of them
    hyperparameters=[
        {"name": "epochs", "type": "integer", "min": 9, "max": 1, "default": "99"},
        {"name": "mode", "type": "no-such-type", "default": "x"},
    ],
    entry_point="../../etc/passwd",
    colour="blue",  # a field the model does not have: not returned
)


def rule_breaker() -> dict[str, Any]:
    """An ``entries`` row no request could create today."""
    title = "\tTab first, then " + "x" * 284  # 300 characters, a control character
    return {
        "id": "old-entry",
        "kind": "model",
        "title": title,
        "title_key": title.lower()[:200],
        "description": "bell\x07here",
        "data_type": "image",
        "task": "tabular-regression",  # not a task for images
        "framework": "xgboost",
        "keywords": [f"Keyword {number}" for number in range(80)],  # 50 at most, lowercase
        "search_title": "tab first then",
        "search_keywords": "",
        "search_description": "bell here",
        "owner": "alice",
        "share_organization": True,
        "canvas_shared": True,
        "canvas_users": [f"Canvas User {number}" for number in range(30)],  # images: none
        "training": TRAINING,
        "inference": None,
        "notebook": None,
        "created_at": STORED_AT,
        "updated_at": STORED_AT,
        "version": 3,
    }


async def test_a_row_breaking_todays_rules_reads_as_stored(api: Client, db_engine: Engine) -> None:
    row = rule_breaker()
    shared_with = ["Bob", "  spaced name  ", "x" * 255]  # not normalised
    with db_engine.begin() as connection:
        connection.execute(insert(EntryRow), [row])
        connection.execute(
            insert(ShareRow), [{"entry_id": row["id"], "username": name} for name in shared_with]
        )

    got = await api.get(f"entries/{row['id']}")
    assert got.status == 200, got.body
    assert got.headers["ETag"] == '"3"'
    entry = got.body
    for name in ("id", "kind", "title", "description", "data_type", "task", "framework"):
        assert entry[name] == row[name], name
    assert entry["keywords"] == row["keywords"]
    assert entry["owner"] == "alice"
    assert entry["share"] == {
        "organization": True,
        "users": sorted(shared_with),
        "canvas_users": row["canvas_users"],
    }
    expected_training = {key: value for key, value in TRAINING.items() if key != "colour"}
    assert entry["training"] == expected_training
    assert (entry["inference"], entry["notebook"]) == (None, None)
    assert entry["created_at"] == entry["updated_at"] == "2025-03-04T05:06:07.890123Z"
    assert entry["version"] == 3

    listed = await api.get("entries", scope="mine")
    assert listed.status == 200, listed.body
    assert listed.body["total"] == 1
    assert listed.body["items"] == [entry]
    everyone = await api.get("entries")
    assert [item["id"] for item in everyone.body["items"]] == [row["id"]]


async def test_a_rule_breaking_entry_is_checked_again_when_changed(
    api: Client, db_engine: Engine
) -> None:
    """Reading is lenient; writing is not: sending it back as it is gets the 400s."""
    row = rule_breaker()
    with db_engine.begin() as connection:
        connection.execute(insert(EntryRow), [row])
    entry = (await api.get(f"entries/{row['id']}")).body
    response = await api.put(f"entries/{row['id']}", entry, '"3"')
    assert response.status == 400, response.body
    locs = [detail["loc"] for detail in response.error["details"]]
    assert ["title"] in locs
    fixed = payloads.model(title="Fixed", data_type="image", task="image-classification")
    response = await api.put(f"entries/{row['id']}", fixed, '"3"')
    assert response.status == 200, response.body
    assert (response.body["title"], response.body["version"]) == ("Fixed", 4)
