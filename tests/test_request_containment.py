"""Request bodies that would blow up a parser, methods a route lacks, and links out of
the workspace: each gets a clear 4xx and changes nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import Client
from payloads import model
from test_api_notebooks import BUCKET, share_body, write_notebook


def nested(depth: int) -> bytes:
    return b'{"title": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("depth", [33, 5_000, 200_000])
@pytest.mark.parametrize("path", ["entries", "validation-check", "entries/some-entry/open"])
async def test_deeply_nested_json_is_a_400(api: Client, path: str, depth: int) -> None:
    before = await api.get("entries", scope="mine")
    response = await api.request("POST", path, raw_body=nested(depth))
    assert response.status == 400, response.body
    assert response.error["code"] == "invalid"
    assert "nests" in response.error["message"]
    after = await api.get("entries", scope="mine")
    assert after.body["total"] == before.body["total"]


async def test_nesting_inside_strings_is_only_text(api: Client) -> None:
    body = model("Brackets", description="[" * 5_000 + "{" * 5_000)
    response = await api.post("entries", body)
    assert response.status == 201, response.body
    assert response.body["description"].startswith("[[[")


async def test_a_method_the_route_lacks_is_a_405_with_allow(api: Client) -> None:
    response = await api.request("PATCH", "entries", raw_body=b"{}")
    assert response.status == 405
    assert response.error["code"] == "method_not_allowed"
    assert response.headers["Allow"] == "GET, POST"
    response = await api.request("DELETE", "options")
    assert response.status == 405
    assert response.headers["Allow"] == "GET"


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outside-the-workspace")
    write_notebook(folder, "secret.ipynb", source="password = 'hunter2'")
    return folder


async def test_sharing_through_a_link_out_of_the_workspace_is_refused(
    api: Client, aws: Any, jp_root_dir: Path, outside: Path
) -> None:
    aws.create_bucket(Bucket=BUCKET)
    os.symlink(outside / "secret.ipynb", jp_root_dir / "innocent.ipynb")
    os.symlink(outside, jp_root_dir / "folder")
    for path in ("innocent.ipynb", "folder/secret.ipynb"):
        response = await api.post("notebooks/share", share_body(path))
        assert response.status == 400, response.body
        assert response.error["details"][0]["loc"] == ["path"]
        assert "outside the workspace" in response.error["details"][0]["msg"]
    assert "Contents" not in aws.list_objects_v2(Bucket=BUCKET)
    assert (await api.get("entries", scope="mine")).body["total"] == 0


async def test_a_link_inside_the_workspace_is_fine(
    api: Client, aws: Any, jp_root_dir: Path
) -> None:
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "real/churn.ipynb")
    os.symlink(jp_root_dir / "real", jp_root_dir / "alias")
    response = await api.post("notebooks/share", share_body("alias/churn.ipynb"))
    assert response.status == 201, response.body


async def test_opening_never_writes_through_a_link_out_of_the_workspace(
    api: Client, aws: Any, jp_root_dir: Path, outside: Path
) -> None:
    aws.create_bucket(Bucket=BUCKET)
    write_notebook(jp_root_dir, "churn.ipynb")
    entry = (await api.post("notebooks/share", share_body("churn.ipynb"))).body
    os.symlink(outside, jp_root_dir / "escape")
    response = await api.post(f"entries/{entry['id']}/open", {"directory": "escape"})
    assert response.status == 400, response.body
    assert response.error["details"][0]["loc"] == ["directory"]
    assert sorted(os.listdir(outside)) == ["secret.ipynb"]

    # A dangling link named like the notebook would write wherever it points.
    target = outside / "planted.ipynb"
    os.symlink(target, jp_root_dir / f"{entry['id']}.ipynb")
    response = await api.post(f"entries/{entry['id']}/open", {})
    assert response.status == 201, response.body
    assert response.body["path"] == f"{entry['id']}-1.ipynb"
    assert not target.exists()
    assert (jp_root_dir / response.body["path"]).is_file()
