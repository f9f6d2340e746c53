"""Every route refuses callers who are not authenticated or not authorised."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from jupyter_server.utils import url_path_join
from tornado.web import RequestHandler

from shared_models_ext.api.routes import routes

METHODS = ("get", "post", "put", "patch", "delete")


def implemented_calls() -> list[tuple[str, str]]:
    """(METHOD, path) for every method every route implements, with sample path values."""
    calls = []
    for pattern, handler in routes():
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", "some-entry", pattern)
        for method in METHODS:
            if getattr(handler, method) is not getattr(RequestHandler, method):
                calls.append((method.upper(), path))
    return calls


def test_every_route_is_enumerated() -> None:
    calls = implemented_calls()
    assert ("GET", "/shared-models/api/entries") in calls
    assert ("DELETE", "/shared-models/api/entries/some-entry") in calls
    assert len(calls) >= 9


@pytest.mark.parametrize(("method", "path"), implemented_calls())
@pytest.mark.parametrize("token", [None, "wrong-token"])
async def test_unauthenticated_calls_are_refused(
    http_server_client: Any, jp_base_url: str, method: str, path: str, token: str | None
) -> None:
    headers = {"Authorization": f"token {token}"} if token else {}
    body = b"{}" if method in ("POST", "PUT", "PATCH") else None
    response = await http_server_client.fetch(
        url_path_join(jp_base_url, path),
        method=method,
        body=body,
        headers=headers,
        raise_error=False,
        allow_nonstandard_methods=True,
    )
    assert response.code == 403
    payload = json.loads(response.body)
    assert payload["error"]["code"] == "forbidden"
    assert "items" not in payload
    assert "username" not in payload
