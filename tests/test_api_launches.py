"""My launches: per user, newest first, paged; the store table and its migration."""

from __future__ import annotations

from typing import Any

from alembic import command
from conftest import Client
from launch_helpers import ROLE, trainable_entry
from sqlalchemy import inspect

from shared_models_ext.domain.models import CreateEntry
from shared_models_ext.store import NewLaunch, SqlLaunchStore
from shared_models_ext.store.engine import create_catalog_engine, parse_url
from shared_models_ext.store.migrations import alembic_config, current_revision, head_revision
from shared_models_ext.store.sql import SqlCatalogStore


def launch(name: str, owner: str = "alice", kind: str = "training-job") -> NewLaunch:
    return NewLaunch(
        owner=owner,
        kind=kind,
        name=name,
        entry_id="churn-xgboost",
        entry_title="Churn XGBoost",
        arn=f"arn:aws:sagemaker:us-east-1:123456789012:{kind}/{name}",
        region="us-east-1",
    )


async def test_my_launches_are_mine_only(api: Client, as_user: Any, aws: Any) -> None:
    entry = await trainable_entry(api)
    bob = as_user("bob")
    path = f"entries/{entry['id']}"
    assert (
        await api.post(f"{path}/training-jobs", {"role_arn": ROLE, "job_name": "a-1"})
    ).status == 201
    assert (
        await bob.post(f"{path}/training-jobs", {"role_arn": ROLE, "job_name": "b-1"})
    ).status == 201
    assert (
        await bob.post(f"{path}/deployments", {"role_arn": ROLE, "endpoint_name": "b-2"})
    ).status == 201

    bobs = await bob.get("launches")
    assert bobs.status == 200, bobs.body
    assert [(item["kind"], item["name"]) for item in bobs.body["items"]] == [
        ("endpoint", "b-2"),
        ("training-job", "b-1"),
    ]
    item = bobs.body["items"][1]
    assert item["entry_id"] == entry["id"]
    assert item["entry_title"] == "Churn XGBoost"
    assert item["arn"].endswith(":training-job/b-1")
    assert item["region"] == "us-east-1"
    assert item["created_at"].endswith("Z")
    assert bobs.body["next_cursor"] is None

    alices = await api.get("launches")
    assert [item["name"] for item in alices.body["items"]] == ["a-1"]
    only_jobs = await bob.get("launches", kind="training-job")
    assert [item["name"] for item in only_jobs.body["items"]] == ["b-1"]


async def test_launches_survive_the_entrys_deletion(api: Client, aws: Any) -> None:
    entry = await trainable_entry(api)
    await api.post(f"entries/{entry['id']}/training-jobs", {"role_arn": ROLE, "job_name": "x-1"})
    assert (await api.delete(f"entries/{entry['id']}")).status == 204
    items = (await api.get("launches")).body["items"]
    assert [(item["name"], item["entry_title"]) for item in items] == [("x-1", "Churn XGBoost")]


async def test_launches_are_paged_newest_first(api: Client, store: SqlCatalogStore) -> None:
    launches = SqlLaunchStore(store.database)
    for index in range(5):
        launches.record(launch(f"job-{index}"))
    launches.record(launch("someone-elses", owner="carol"))
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = await api.get("launches", **params)
        assert page.status == 200, page.body
        seen += [item["name"] for item in page.body["items"]]
        cursor = page.body["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"job-{index}" for index in reversed(range(5))]


async def test_bad_launch_queries(api: Client) -> None:
    bad_cursor = await api.get("launches", cursor="not-a-cursor")
    assert bad_cursor.status == 400
    assert [d["loc"] for d in bad_cursor.error["details"]] == [["cursor"]]
    too_many = await api.get("launches", limit=201)
    assert [d["loc"] for d in too_many.error["details"]] == [["limit"]]
    bad_kind = await api.get("launches", kind="notebook")
    assert [d["loc"] for d in bad_kind.error["details"]] == [["kind"]]


def test_a_launch_is_recorded_once(store: SqlCatalogStore) -> None:
    launches = SqlLaunchStore(store.database)
    first = launches.record(launch("job-1"))
    again = launches.record(launch("job-1"))
    assert again == first
    other_kind = launches.record(launch("job-1", kind="endpoint"))
    assert other_kind.id != first.id
    records, _ = launches.list("alice")
    assert len(records) == 2


def test_migration_0002_upgrades_an_existing_catalog(empty_db_url: str) -> None:
    engine = create_catalog_engine(parse_url(empty_db_url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001")
        with engine.connect() as connection:
            assert current_revision(connection) == "0001"
            assert "launches" not in inspect(connection).get_table_names()
    finally:
        engine.dispose()
    opened = SqlCatalogStore.open(empty_db_url)  # applies 0002
    try:
        entry = opened.create(
            "alice",
            "churn",
            CreateEntry(
                kind="model",
                title="Churn",
                description="",
                data_type="tabular",
                task="tabular-classification",
                framework="xgboost",
            ),
            exact_id=False,
        )
        recorded = SqlLaunchStore(opened.database).record(launch("job-1"))
        assert SqlLaunchStore(opened.database).list("alice")[0] == [recorded]
        assert opened.get(entry.id) is not None
    finally:
        opened.close()
    engine = create_catalog_engine(parse_url(empty_db_url))
    try:
        with engine.connect() as connection:
            assert current_revision(connection) == head_revision()  # 0002, then the later ones
    finally:
        engine.dispose()
