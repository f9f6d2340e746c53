"""Share a workspace notebook through S3; open a shared one as another user."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import nbformat
import pytest
from conftest import Client

BUCKET = "team-notebooks"


def write_notebook(root: Path, relative: str, source: str = "print('churn')") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    path.write_text(nbformat.writes(notebook))
    return path


def share_body(path: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "path": path,
        "s3_uri": f"s3://{BUCKET}/shared/",
        "title": "Churn walkthrough",
        "description": "Exploring churn.",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "scikit-learn",
        "keywords": "churn eda",
        "share": {"organization": True, "users": [], "canvas_users": []},
    }
    body.update(overrides)
    return body


def s3_keys(aws: Any) -> list[str]:
    return [item["Key"] for item in aws.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


async def test_share_uploads_and_lists_the_notebook(
    api: Client, aws: Any, jp_root_dir: Path
) -> None:
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "analysis/churn.ipynb")
    response = await api.post("notebooks/share", share_body("analysis/churn.ipynb"))
    assert response.status == 201, response.body
    entry = response.body
    assert entry["kind"] == "notebook"
    assert entry["id"] == "churn-walkthrough"
    assert entry["owner"] == "alice"
    assert entry["keywords"] == ["churn", "eda"]
    assert entry["notebook"] == {"s3_uri": f"s3://{BUCKET}/shared/churn-walkthrough.ipynb"}
    uploaded = aws.get_object(Bucket=BUCKET, Key="shared/churn-walkthrough.ipynb")
    assert uploaded["ContentType"] == "application/x-ipynb+json"
    notebook = nbformat.reads(uploaded["Body"].read().decode(), as_version=4)
    assert notebook.cells[0].source == "print('churn')"
    listed = await api.get("entries", scope="mine", kind="notebook")
    assert [item["id"] for item in listed.body["items"]] == ["churn-walkthrough"]


async def test_share_to_an_exact_object_uri(api: Client, aws: Any, jp_root_dir: Path) -> None:
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "churn.ipynb")
    body = share_body("churn.ipynb", s3_uri=f"s3://{BUCKET}/exact/name.ipynb")
    response = await api.post("notebooks/share", body)
    assert response.status == 201, response.body
    assert s3_keys(aws) == ["exact/name.ipynb"]


class TestConfiguredDestination:
    @pytest.fixture
    def jp_server_config(self, clean_db: str) -> dict[str, Any]:
        return {
            "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
            "SharedModelsApp": {
                "db_url": clean_db,
                "username": "alice",
                "share_notebooks_to": f"s3://{BUCKET}/team/",
            },
        }

    async def test_share_notebooks_to_is_the_default(
        self, api: Client, aws: Any, jp_root_dir: Path
    ) -> None:
        aws.create_bucket(Bucket=BUCKET)
        write_notebook(jp_root_dir, "churn.ipynb")
        body = share_body("churn.ipynb")
        del body["s3_uri"]
        response = await api.post("notebooks/share", body)
        assert response.status == 201, response.body
        assert s3_keys(aws) == ["team/churn-walkthrough.ipynb"]


async def test_share_needs_a_destination(api: Client, aws: Any, jp_root_dir: Path) -> None:
    write_notebook(jp_root_dir, "churn.ipynb")
    body = share_body("churn.ipynb")
    del body["s3_uri"]
    response = await api.post("notebooks/share", body)
    assert response.status == 400
    assert ["s3_uri"] in [detail["loc"] for detail in response.error["details"]]


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({"cells": "nope", "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
        json.dumps({"hello": "world"}),
    ],
)
async def test_invalid_notebooks_are_refused_and_nothing_is_uploaded(
    api: Client, aws: Any, jp_root_dir: Path, content: str
) -> None:
    aws.create_bucket(Bucket=BUCKET)
    (jp_root_dir / "broken.ipynb").write_text(content)
    response = await api.post("notebooks/share", share_body("broken.ipynb"))
    assert response.status == 400, response.body
    assert ["path"] in [detail["loc"] for detail in response.error["details"]]
    assert "not a valid notebook" in response.error["message"]
    assert s3_keys(aws) == []
    assert (await api.get("entries", scope="mine")).body["total"] == 0


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("../outside.ipynb", 400),
        ("/etc/outside.ipynb", 400),
        ("analysis/../../outside.ipynb", 400),
        ("notes.txt", 400),
        ("missing.ipynb", 404),
    ],
)
async def test_paths_outside_the_workspace_or_missing(
    api: Client, aws: Any, jp_root_dir: Path, path: str, status: int
) -> None:
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir.parent, "outside.ipynb")
    response = await api.post("notebooks/share", share_body(path))
    assert response.status == status, response.body
    assert s3_keys(aws) == []


async def test_bad_basic_information_uploads_nothing(
    api: Client, aws: Any, jp_root_dir: Path
) -> None:
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "churn.ipynb")
    response = await api.post("notebooks/share", share_body("churn.ipynb", task="object-detection"))
    assert response.status == 400
    assert ["task"] in [detail["loc"] for detail in response.error["details"]]
    assert s3_keys(aws) == []


async def test_taken_id_uploads_nothing(api: Client, aws: Any, jp_root_dir: Path) -> None:
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "churn.ipynb")
    first = await api.post("notebooks/share", share_body("churn.ipynb", id="walkthrough"))
    assert first.status == 201
    again = await api.post(
        "notebooks/share",
        share_body("churn.ipynb", id="walkthrough", s3_uri=f"s3://{BUCKET}/other/"),
    )
    assert again.status == 409
    assert s3_keys(aws) == ["shared/walkthrough.ipynb"]


async def test_open_as_another_user_never_overwrites(
    as_user: Any, aws: Any, jp_root_dir: Path, user_servers: dict[str, Any]
) -> None:
    alice, bob = as_user("alice"), as_user("bob")
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "churn.ipynb", source="x = 42")
    entry = (await alice.post("notebooks/share", share_body("churn.ipynb"))).body
    bob_root = user_servers["bob"].root
    (bob_root / "work").mkdir(exist_ok=True)

    paths = []
    for _ in range(3):
        response = await bob.post(f"entries/{entry['id']}/open", {"directory": "work"})
        assert response.status == 201, response.body
        paths.append(response.body["path"])
    assert paths == [
        "work/churn-walkthrough.ipynb",
        "work/churn-walkthrough-1.ipynb",
        "work/churn-walkthrough-2.ipynb",
    ]
    for path in paths:
        notebook = nbformat.read(bob_root / path, as_version=4)
        assert notebook.cells[0].source == "x = 42"

    root_copy = await bob.post(f"entries/{entry['id']}/open", {})
    assert root_copy.body == {"path": "churn-walkthrough.ipynb"}
    assert (bob_root / "churn-walkthrough.ipynb").exists()


@pytest.mark.parametrize("directory", ["../", "/tmp", "work/../../x"])
async def test_open_refuses_folders_outside_the_workspace(
    api: Client, aws: Any, jp_root_dir: Path, directory: str
) -> None:
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "churn.ipynb")
    entry = (await api.post("notebooks/share", share_body("churn.ipynb"))).body
    response = await api.post(f"entries/{entry['id']}/open", {"directory": directory})
    assert response.status == 400
    assert ["directory"] in [detail["loc"] for detail in response.error["details"]]


async def test_open_needs_a_visible_notebook_entry(as_user: Any, aws: Any) -> None:
    alice, carol = as_user("alice"), as_user("carol")
    private = {"organization": False, "users": [], "canvas_users": []}
    hidden = await alice.create(
        {
            "kind": "notebook",
            "title": "Private",
            "data_type": "text",
            "task": "summarization",
            "framework": "other",
            "share": private,
            "notebook": {"s3_uri": f"s3://{BUCKET}/private.ipynb"},
        }
    )
    model = await alice.create(
        {
            "kind": "model",
            "title": "A model",
            "data_type": "text",
            "task": "summarization",
            "framework": "other",
            "share": {**private, "organization": True},
        }
    )
    assert (await carol.post(f"entries/{hidden['id']}/open", {})).status == 404
    response = await carol.post(f"entries/{model['id']}/open", {})
    assert response.status == 400
    assert "not a notebook" in response.error["message"]
    missing_dir = await alice.post(f"entries/{hidden['id']}/open", {"directory": "nowhere"})
    assert missing_dir.status == 400
