"""The routes come from the operations table: every registered route answers the methods
its operations document, and 405 with an ``Allow`` header for any other."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import Client

from shared_models_ext.api.handlers.base import SharedModelsHandler
from shared_models_ext.api.handlers.entries import EntriesHandler, EntryHandler
from shared_models_ext.api.openapi import build_openapi
from shared_models_ext.api.operations import OPERATIONS, Operation
from shared_models_ext.api.routes import handlers_by_path, route_pattern, routes

# In tornado's order (SUPPORTED_METHODS), which is the order ``Allow`` lists them in.
METHODS = tuple(
    method
    for method in SharedModelsHandler.SUPPORTED_METHODS
    if method in ("GET", "POST", "PUT", "PATCH", "DELETE")
)
SAMPLES = {
    "entry_id": "no-such-entry",
    "job_name": "no-such-job",
    "endpoint_name": "no-such-endpoint",
    "run_id": "no-such-run",
}


def documented_methods() -> dict[str, list[str]]:
    """Each documented path (OpenAPI template) and its methods, in METHODS order."""
    paths = build_openapi("/")["paths"]
    return {
        path: [method for method in METHODS if method.lower() in operations]
        for path, operations in paths.items()
    }


def sample(path: str) -> str:
    """The path with a well-formed value for each parameter (relative to the API root)."""
    return re.sub(r"\{(\w+)\}", lambda match: SAMPLES[match.group(1)], path).lstrip("/")


CALLS = [
    (path, method, methods)
    for path, methods in documented_methods().items()
    for method in METHODS
    if method not in methods
]


def test_one_route_per_documented_path() -> None:
    served = dict(routes())
    documented = documented_methods()
    assert list(served) == [route_pattern(path) for path in documented]
    for path, handler in handlers_by_path().items():
        assert served[route_pattern(path)] is handler


def test_each_handler_implements_exactly_its_documented_methods() -> None:
    documented = documented_methods()
    for path, handler in handlers_by_path().items():
        assert handler.allowed_methods() == documented[path], (path, handler.__name__)


def test_a_path_names_one_handler() -> None:
    first = next(op for op in OPERATIONS if op.path == "/entries")
    other = Operation("put", "/entries", EntryHandler, "Conflicting", None)
    with pytest.raises(ValueError, match="EntryHandler"):
        handlers_by_path((first, other))
    assert handlers_by_path((first,)) == {"/entries": EntriesHandler}


def test_route_patterns() -> None:
    assert route_pattern("/entries/{entry_id}/local-runs") == (
        "/shared-models/api/entries/(?P<entry_id>[^/]+)/local-runs"
    )


async def test_other_methods_are_405_with_allow(api: Client) -> None:
    assert len(CALLS) > 60
    for path, method, allowed in CALLS:
        body = b"{}" if method in ("POST", "PUT", "PATCH") else None
        response = await api.request(method, sample(path), raw_body=body)
        assert response.status == 405, (method, path, response.body)
        assert response.error["code"] == "method_not_allowed"
        assert response.headers["Allow"] == ", ".join(allowed), (method, path)


async def test_documented_methods_are_answered(api: Client, aws: Any) -> None:
    """Every documented method reaches its handler (whatever it then answers)."""
    for path, methods in documented_methods().items():
        for method in methods:
            body = b"{}" if method in ("POST", "PUT", "PATCH") else None
            response = await api.request(method, sample(path), raw_body=body)
            assert response.status not in (404, 405) or (
                "{" in path and response.error["code"] == "not_found"
            ), (method, path, response.status, response.body)
            assert response.status < 500 or response.error["code"] in ("upstream", "unavailable")
