"""/me, /options, /openapi.json and the identity rules."""

from __future__ import annotations

import getpass
from typing import Any

import pytest
from conftest import Client
from jupyter_server.utils import url_path_join

from shared_models_ext.domain.identity import resolve_identity
from shared_models_ext.domain.vocabulary import TASK_LABELS


async def test_me_is_the_configured_user(api: Client) -> None:
    response = await api.get("me")
    assert response.status == 200
    assert response.body["username"] == "alice"
    assert response.body["display_name"]


class TestDefaultIdentity:
    """No ``username`` configured and no JupyterHub: the OS login, stable across restarts."""

    @pytest.fixture
    def jp_server_config(self, clean_db: str) -> dict[str, Any]:
        return {
            "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
            "SharedModelsApp": {"db_url": clean_db},
        }

    async def test_me_is_the_os_login_name(self, api: Client, monkeypatch: Any) -> None:
        response = await api.get("me")
        assert response.body["username"] == getpass.getuser()
        assert not response.body["username"].startswith("anonymous")


@pytest.mark.parametrize(
    ("configured", "environ", "expected"),
    [
        ("carol", {"JUPYTERHUB_USER": "hubuser"}, "carol"),
        (None, {"JUPYTERHUB_USER": "hubuser"}, "hubuser"),
        ("  ", {"JUPYTERHUB_USER": "hubuser"}, "hubuser"),
        (None, {}, getpass.getuser()),
    ],
)
def test_identity_resolution(
    configured: str | None, environ: dict[str, str], expected: str
) -> None:
    assert resolve_identity(configured, environ).username == expected


async def test_options_serve_the_vocabularies(api: Client) -> None:
    response = await api.get("options")
    assert response.status == 200
    options = response.body
    assert [item["id"] for item in options["data_types"]] == ["text", "image", "tabular", "audio"]
    for data_type, tasks in TASK_LABELS.items():
        assert [item["id"] for item in options["tasks"][data_type]] == list(tasks)
    frameworks = {item["id"]: item["label"] for item in options["frameworks"]}
    assert frameworks["huggingface"] == "Hugging Face"
    training_types = {item["id"]: item for item in options["instance_types"]["training"]}
    assert training_types["ml.m5.xlarge"]["gpu"] is False
    assert training_types["ml.g5.2xlarge"]["gpu"] is True


async def test_openapi_document(api: Client, jp_base_url: str) -> None:
    response = await api.get("openapi.json")
    assert response.status == 200
    document = response.body
    assert document["openapi"].startswith("3.")
    assert document["servers"][0]["url"] == url_path_join(jp_base_url, "shared-models/api")

    schemas = document["components"]["schemas"]
    for name in ("Entry", "EntryPage", "CreateEntry", "ErrorResponse"):
        assert name in schemas
    entry_props = schemas["Entry"]["properties"]
    for field in (
        "id",
        "kind",
        "title",
        "keywords",
        "owner",
        "share",
        "training",
        "inference",
        "notebook",
        "created_at",
        "updated_at",
        "version",
    ):
        assert field in entry_props

    def refs(node: Any) -> list[str]:
        if isinstance(node, dict):
            found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
            return found + [ref for value in node.values() for ref in refs(value)]
        if isinstance(node, list):
            return [ref for value in node for ref in refs(value)]
        return []

    for ref in refs(document):
        assert ref.startswith("#/components/schemas/")
        assert ref.rsplit("/", 1)[1] in schemas, ref

    query_names = {p["name"] for p in document["paths"]["/entries"]["get"]["parameters"]}
    assert {
        "scope",
        "kind",
        "data_type",
        "task",
        "framework",
        "canvas",
        "q",
        "sort",
        "order",
        "limit",
        "cursor",
    } <= query_names


async def test_jupyterlab_cache_busting_parameter_is_ignored(api: Client, aws: Any) -> None:
    """JupyterLab's ServerConnection adds ``?<timestamp>`` to GETs; it must not be a 400."""
    aws.create_bucket(Bucket="team-models")
    for path, params in [
        ("s3", {"1795234792432": ""}),
        ("id-suggestions", {"title": "Churn", "1795234792432": ""}),
        ("entries", {"scope": "mine", "1795234792432": ""}),
    ]:
        response = await api.get(path, **params)
        assert response.status == 200, (path, response.body)
    unknown = await api.get("entries", colour="red")
    assert unknown.status == 400
