"""``SharedModelsApp.catalog_url`` outside JupyterHub: the catalog service answers only
requests the Hub vouches for, so a server with no JupyterHub token does not pretend to
have a catalog; it says why at start-up and keeps none of its own (no embedded store).
The service itself, under a real JupyterHub: tests/hub/."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from conftest import API, ME
from jupyter_server.utils import url_path_join


@pytest.fixture
def jp_server_config(clean_db: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.delenv("JUPYTERHUB_API_TOKEN", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    return {
        "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
        "SharedModelsApp": {
            "db_url": clean_db,
            "username": ME,
            "catalog_url": "http://127.0.0.1:9/services/shared-models/",
            "logging_config": {"loggers": {"SharedModelsApp": {"propagate": True}}},
        },
    }


async def test_without_a_hub_token_the_extension_is_not_loaded(
    jp_serverapp: Any, jp_fetch: Any, caplog: pytest.LogCaptureFixture
) -> None:
    refusals = [
        record.getMessage()
        for record in caplog.get_records("setup")
        if record.name == "SharedModelsApp" and record.levelno == logging.ERROR
    ]
    assert len(refusals) == 1, refusals
    assert refusals[0].startswith("Shared models is not loaded:")
    assert "not started by JupyterHub" in refusals[0]
    assert "docs/team-deployment.md" in refusals[0]
    response = await jp_fetch(url_path_join(API, "entries"), raise_error=False)
    assert response.code == 404
    assert "shared_models" not in jp_serverapp.web_app.settings
