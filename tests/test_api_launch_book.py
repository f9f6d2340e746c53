"""The launches bookkeeping as REST (POST/DELETE /launches, GET /launches?names|entry_id|
owner): what a user's server uses when its catalog is a catalog service. Each user
records, reads and forgets only their own launches; an entry's hub publications are
readable by whoever may see the entry."""

from __future__ import annotations

from typing import Any

from conftest import Client
from payloads import model

from shared_models_ext.store import NewLaunch, SqlLaunchStore
from shared_models_ext.store.sql import SqlCatalogStore


def record(entry_id: str, name: str, kind: str = "training-job", **extra: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "name": name,
        "entry_id": entry_id,
        "entry_title": "Churn",
        "arn": f"arn:aws:sagemaker:us-east-1:123456789012:training-job/{name}",
        "region": "us-east-1",
        **extra,
    }


async def test_a_recorded_launch_is_the_callers_and_recorded_once(
    api: Client, as_user: Any, clean_db: str
) -> None:
    entry = await api.create(model("Churn"))
    first = await api.post("launches", record(entry["id"], "job-1"))
    assert first.status == 201, first.body
    again = await api.post("launches", record(entry["id"], "job-1"))
    assert again.status == 201
    assert again.body["id"] == first.body["id"]  # a retry is recorded once
    assert "owner" not in first.body

    # Nobody records a launch in another user's name: an owner field is refused.
    forged = await api.post("launches", record(entry["id"], "job-2", owner="bob"))
    assert forged.status == 400, forged.body
    assert forged.error["details"][0]["loc"] == ["owner"]

    # A record that could not come from a launch is refused field by field, unstored.
    odd = await api.post("launches", record("Not An ID", "job-3", region="mars-1"))
    assert odd.status == 400, odd.body
    assert sorted(detail["loc"][0] for detail in odd.error["details"]) == ["entry_id", "region"]
    unstorable = await api.post(
        "launches", record(entry["id"], "job\t3", entry_title="Churn\u0085", arn="")
    )
    assert unstorable.status == 400, unstorable.body
    assert sorted(detail["loc"][0] for detail in unstorable.error["details"]) == [
        "entry_title",
        "name",
    ]

    bob = as_user("bob")
    assert (await bob.get("launches")).body["items"] == []
    mine = await api.get("launches")
    assert [item["name"] for item in mine.body["items"]] == ["job-1"]

    store = SqlLaunchStore(SqlCatalogStore.open(clean_db).database)
    rows = store.named("alice", "training-job", ["job-1", "job-2"])
    assert [(row.owner, row.name) for row in rows] == [("alice", "job-1")]


async def test_launches_by_names_and_by_entry(api: Client) -> None:
    entry = await api.create(model("Churn"))
    other = await api.create(model("Fraud"))
    for name in ("a-1", "a-2", "a-3"):
        assert (await api.post("launches", record(entry["id"], name))).status == 201
    assert (await api.post("launches", record(other["id"], "b-1"))).status == 201

    named = await api.get("launches", kind="training-job", names="a-3,a-1,zzz")
    assert named.status == 200, named.body
    assert [item["name"] for item in named.body["items"]] == ["a-1", "a-3"]  # oldest first
    assert named.body["next_cursor"] is None

    by_entry = await api.get("launches", kind="training-job", entry_id=other["id"])
    assert [item["name"] for item in by_entry.body["items"]] == ["b-1"]

    no_kind = await api.get("launches", names="a-1")
    assert no_kind.status == 400
    assert no_kind.error["details"][0]["loc"] == ["kind"]


async def test_forgetting_a_launch_forgets_only_mine(api: Client, as_user: Any) -> None:
    entry = await api.create(model("Churn", share={"organization": True}))
    bob = as_user("bob")
    local = {"kind": "local-run", "region": "local"}
    assert (await api.post("launches", record(entry["id"], "run-1", **local))).status == 201
    assert (await bob.post("launches", record(entry["id"], "run-1", **local))).status == 201

    gone = await bob.request(
        "DELETE", "launches", params={"kind": "local-run", "region": "local", "name": "run-1"}
    )
    assert gone.status == 204
    assert (await bob.get("launches")).body["items"] == []
    assert [item["name"] for item in (await api.get("launches")).body["items"]] == ["run-1"]


async def test_an_entrys_publications_are_read_by_its_viewers_only(
    api: Client, as_user: Any
) -> None:
    shared = await api.create(
        model("Shared", share={"organization": False, "users": ["bob"], "canvas_users": []})
    )
    private = await api.create(model("Private", share={"organization": False}))
    for entry in (shared, private):
        published = record(entry["id"], f"{entry['id']}-content", kind="hub-content")
        assert (await api.post("launches", published)).status == 201
    assert (await api.post("launches", record(shared["id"], "job-9"))).status == 201
    bob = as_user("bob")

    seen = await bob.get("launches", kind="hub-content", entry_id=shared["id"], owner="alice")
    assert seen.status == 200, seen.body
    assert [item["name"] for item in seen.body["items"]] == [f"{shared['id']}-content"]
    # Not alice's other launches, not an entry bob may not see, not someone else's owner.
    jobs = await bob.get("launches", kind="training-job", entry_id=shared["id"], owner="alice")
    assert jobs.status == 403
    hidden = await bob.get("launches", kind="hub-content", entry_id=private["id"], owner="alice")
    assert hidden.status == 404
    wrong = await bob.get("launches", kind="hub-content", entry_id=shared["id"], owner="carol")
    assert wrong.status == 403
    everything = await bob.get("launches", owner="alice")
    assert everything.status == 403


def test_store_records_are_what_the_routes_serve(clean_db: str) -> None:
    store = SqlLaunchStore(SqlCatalogStore.open(clean_db).database)
    launch = store.record(
        NewLaunch(
            owner="alice",
            kind="endpoint",
            name="ep-1",
            entry_id="churn",
            entry_title="Churn",
            arn="arn:aws:sagemaker:us-east-1:123456789012:endpoint/ep-1",
            region="us-east-1",
        )
    )
    assert store.for_entry("alice", "endpoint", "churn") == [launch]
