"""Sharing a notebook never deletes or overwrites an S3 object the request did not write.

moto (server mode) answers the conditional put (``If-None-Match: *``) and the
conditional delete (``If-Match``) as S3 does; the other sharer is a real second
Jupyter server over the same store.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import nbformat
from conftest import Client

BUCKET = "team-notebooks"
TITLE = "Churn walkthrough"


def write_notebook(root: Path, relative: str, source: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    path.write_text(nbformat.writes(notebook))


def share_body(path: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "path": path,
        "s3_uri": f"s3://{BUCKET}/shared/",
        "title": TITLE,
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "scikit-learn",
        "share": {"organization": True, "users": [], "canvas_users": []},
    }
    body.update(overrides)
    return body


def objects(aws: Any) -> dict[str, bytes]:
    """Every object of the bucket: key → content."""
    keys = [item["Key"] for item in aws.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    return {key: aws.get_object(Bucket=BUCKET, Key=key)["Body"].read() for key in keys}


def source_of(content: bytes) -> str:
    return str(nbformat.reads(content.decode(), as_version=4).cells[0].source)


def put_foreign(aws: Any, key: str, content: bytes = b"someone else's object") -> str:
    return str(aws.put_object(Bucket=BUCKET, Key=key, Body=content)["ETag"])


async def test_explicit_taken_id_and_existing_object_leave_it_untouched(
    api: Client, aws: Any, jp_root_dir: Path
) -> None:
    """Issue 9, item 1: a taken ``id`` with the ``s3_uri`` of an existing object → 409,
    and that object (another entry's notebook) is still there, unchanged."""
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "first.ipynb", "print('first')")
    write_notebook(jp_root_dir, "second.ipynb", "print('second')")
    first = await api.post("notebooks/share", share_body("first.ipynb", id="walkthrough"))
    assert first.status == 201, first.body
    before = objects(aws)

    uri = first.body["notebook"]["s3_uri"]
    again = await api.post(
        "notebooks/share", share_body("second.ipynb", id="walkthrough", s3_uri=uri)
    )
    assert again.status == 409, again.body
    assert again.error["code"] == "conflict"
    assert ["id"] in [detail["loc"] for detail in again.error["details"]]
    assert objects(aws) == before
    assert source_of(before["shared/walkthrough.ipynb"]) == "print('first')"


async def test_new_id_and_existing_object_is_a_conflict_not_an_overwrite(
    api: Client, aws: Any, jp_root_dir: Path
) -> None:
    """Issue 9, item 1: a new ``id`` with the ``s3_uri`` of an existing object used to
    answer 201 and silently overwrite it."""
    aws.create_bucket(Bucket=BUCKET)
    put_foreign(aws, "reports/q3.ipynb")
    write_notebook(jp_root_dir, "mine.ipynb", "print('mine')")

    response = await api.post(
        "notebooks/share",
        share_body("mine.ipynb", id="brand-new", s3_uri=f"s3://{BUCKET}/reports/q3.ipynb"),
    )
    assert response.status == 409, response.body
    assert response.error["code"] == "conflict"
    assert response.error["details"][0]["loc"] == ["s3_uri"]
    assert "reports/q3.ipynb" in response.error["message"]
    assert objects(aws) == {"reports/q3.ipynb": b"someone else's object"}
    assert (await api.get("entries/brand-new")).status == 404


async def test_derived_id_skips_a_key_that_holds_an_object(
    api: Client, aws: Any, jp_root_dir: Path
) -> None:
    """No ``id`` chosen and the derived ID's key already holds an object nobody listed:
    the next free ID (and key) is used; the object is not overwritten."""
    aws.create_bucket(Bucket=BUCKET)
    put_foreign(aws, "shared/churn-walkthrough.ipynb")
    write_notebook(jp_root_dir, "mine.ipynb", "print('mine')")

    response = await api.post("notebooks/share", share_body("mine.ipynb"))
    assert response.status == 201, response.body
    assert response.body["id"] == "churn-walkthrough-2"
    stored = objects(aws)
    assert stored["shared/churn-walkthrough.ipynb"] == b"someone else's object"
    assert source_of(stored["shared/churn-walkthrough-2.ipynb"]) == "print('mine')"


async def test_cleanup_after_a_failed_listing_spares_an_object_replaced_meanwhile(
    api: Client, aws: Any, jp_root_dir: Path, jp_serverapp: Any
) -> None:
    """The listing fails after the upload (another user took the explicit ID in
    between), and meanwhile someone else replaced the object at that key: the clean-up
    deletes only the object this request wrote, so theirs stays."""
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "mine.ipynb", "print('mine')")
    services = jp_serverapp.web_app.settings["shared_models"]
    client = services.aws.client("s3")
    seen: list[str] = []

    def someone_else_in_between(**_: Any) -> None:
        if seen:
            return
        seen.append("put")
        put_foreign(aws, "shared/walkthrough.ipynb", b"bob's newer object")
        services.catalog.create(
            "bob", _notebook_entry("walkthrough", f"s3://{BUCKET}/bob/walkthrough.ipynb")
        )

    client.meta.events.register("after-call.s3.PutObject", someone_else_in_between)
    try:
        response = await api.post("notebooks/share", share_body("mine.ipynb", id="walkthrough"))
    finally:
        client.meta.events.unregister("after-call.s3.PutObject", someone_else_in_between)
    assert seen == ["put"]
    assert response.status == 409, response.body
    assert objects(aws) == {"shared/walkthrough.ipynb": b"bob's newer object"}


def _notebook_entry(entry_id: str, uri: str) -> Any:
    from shared_models_ext.domain.models import CreateEntry

    return CreateEntry.model_validate(
        {
            "id": entry_id,
            "kind": "notebook",
            "title": "Bob's walkthrough",
            "data_type": "tabular",
            "task": "tabular-classification",
            "framework": "scikit-learn",
            "share": {"organization": True, "users": [], "canvas_users": []},
            "notebook": {"s3_uri": uri},
        }
    )


async def test_concurrent_same_title_shares_all_land_and_clobber_nothing(
    as_user: Any, aws: Any, jp_root_dir: Path, user_servers: dict[str, Any]
) -> None:
    """Issue 9, item 1: two users sharing same-titled notebooks at the same moment.
    20 at once (10 each, no ``id`` chosen) plus two with the same explicit ``id``:
    every derived share is 201 with its own ID and key, the explicit pair is one 201
    and one clear 409, and every listed entry's object holds that user's notebook."""
    alice, bob = as_user("alice"), as_user("bob")
    aws.create_bucket(Bucket=BUCKET)
    roots = {"alice": jp_root_dir, "bob": user_servers["bob"].root}
    clients = {"alice": alice, "bob": bob}
    jobs: list[tuple[str, str, dict[str, Any]]] = []
    for user in ("alice", "bob"):
        for n in range(10):
            source = f"print('{user} {n}')"
            write_notebook(roots[user], f"nb-{n}.ipynb", source)
            jobs.append((user, source, share_body(f"nb-{n}.ipynb")))
        source = f"print('{user} explicit')"
        write_notebook(roots[user], "explicit.ipynb", source)
        jobs.append((user, source, share_body("explicit.ipynb", id="the-walkthrough")))

    responses = await asyncio.gather(
        *(clients[user].post("notebooks/share", body) for user, _, body in jobs)
    )

    created: dict[str, tuple[str, str]] = {}  # key → (owner, source)
    explicit_statuses = []
    for (user, source, body), response in zip(jobs, responses, strict=True):
        if "id" in body:
            explicit_statuses.append(response.status)
            if response.status == 409:
                assert response.error["code"] == "conflict"
                assert ["id"] in [detail["loc"] for detail in response.error["details"]]
                continue
        assert response.status == 201, response.body
        entry = response.body
        assert entry["owner"] == user
        key = entry["notebook"]["s3_uri"].removeprefix(f"s3://{BUCKET}/")
        assert key not in created, f"two entries share {key}"
        created[key] = (user, source)
    assert sorted(explicit_statuses) == [201, 409]
    assert len(created) == 21

    stored = objects(aws)
    assert stored.keys() == created.keys(), "an object was deleted or left orphaned"
    for key, (_, source) in created.items():
        assert source_of(stored[key]) == source, f"{key} was overwritten"
    listed = await alice.get("entries", kind="notebook", limit=100)
    assert listed.body["total"] == 21
