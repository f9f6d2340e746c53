"""An authenticated user whom the server's authoriser denies gets nothing either."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jupyter_server.auth.authorizer import Authorizer
from test_auth import implemented_calls


class DenySharedModels(Authorizer):  # type: ignore[misc]
    """An authoriser that lets users in but not to this extension's resource."""

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        return resource != "shared_models"


@pytest.fixture
def jp_server_config(clean_db: str) -> dict[str, Any]:
    return {
        "ServerApp": {
            "jpserver_extensions": {"shared_models_ext": True},
            "authorizer_class": DenySharedModels,
        },
        "SharedModelsApp": {"db_url": clean_db, "username": "alice"},
    }


@pytest.mark.parametrize(("method", "path"), implemented_calls())
async def test_authenticated_but_unauthorised_calls_are_refused(
    jp_fetch: Any, method: str, path: str
) -> None:
    body = b"{}" if method in ("POST", "PUT", "PATCH") else None
    response = await jp_fetch(
        path.lstrip("/"),
        method=method,
        body=body,
        raise_error=False,
        allow_nonstandard_methods=True,
    )
    assert response.code == 403
    assert json.loads(response.body)["error"]["code"] == "forbidden"


async def test_jupyter_server_own_api_still_allowed(jp_fetch: Any) -> None:
    """The deny-all authoriser above targets our resource only (the test is meaningful)."""
    response = await jp_fetch("api", "status", raise_error=False)
    assert response.code == 200
