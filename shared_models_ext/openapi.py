"""The OpenAPI document of the REST API, generated from the pydantic models."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from . import __version__
from .operations import OPERATIONS, REF, Operation
from .schemas import ErrorResponse

PATH_PARAMETER = re.compile(r"\{(\w+)\}")


def build_openapi(base_url: str = "/") -> dict[str, Any]:
    """The OpenAPI 3.1 document for a server mounted at ``base_url``."""
    paths, schemas = _paths_and_schemas()
    return {
        "openapi": "3.1.0",
        "info": {"title": "Shared Models", "version": __version__},
        "servers": [{"url": base_url.rstrip("/") + "/shared-models/api"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


@lru_cache(maxsize=1)
def _paths_and_schemas() -> tuple[dict[str, Any], dict[str, Any]]:
    """What does not depend on the server: generated once (it takes ~100 ms of CPU).

    Callers must not mutate the result.
    """
    responses = {op.response for op in OPERATIONS if op.response is not None}
    responses |= {model for op in OPERATIONS for model in op.alternatives} | {ErrorResponse}
    models = responses | {op.body for op in OPERATIONS if op.body is not None}
    named = sorted(models, key=lambda model: model.__name__)
    _, schema = models_json_schema(
        [(model, "serialization" if model in responses else "validation") for model in named],
        ref_template=REF,
    )
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method] = _operation(op)
    return paths, schema.get("$defs", {})


def _operation(op: Operation) -> dict[str, Any]:
    parameters: list[dict[str, Any]] = []
    for name in PATH_PARAMETER.findall(op.path):
        parameters.append(
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        )
    if op.query is not None:
        query_schema = op.query.model_json_schema(ref_template=REF)
        required = set(query_schema.get("required", []))
        for name, prop in query_schema.get("properties", {}).items():
            parameters.append(
                {"name": name, "in": "query", "required": name in required, "schema": prop}
            )
    for name, description in op.request_headers.items():
        parameters.append(
            {"name": name, "in": "header", "description": description, "schema": {"type": "string"}}
        )
    success: dict[str, Any] = {"description": op.summary}
    if op.response is not None and op.alternatives:
        options = [_ref(model) for model in (op.response, *op.alternatives)]
        success["content"] = {"application/json": {"schema": {"oneOf": options}}}
    elif op.response is not None:
        success["content"] = _json_content(op.response)
    elif op.path == "/openapi.json":
        success["content"] = {"application/json": {"schema": {"type": "object"}}}
    if op.response_headers:
        success["headers"] = {
            name: {"description": text, "schema": {"type": "string"}}
            for name, text in op.response_headers.items()
        }
    responses: dict[str, Any] = {str(op.status): success}
    for status in (*op.errors, 403):
        responses[str(status)] = {"description": "Error", "content": _json_content(ErrorResponse)}
    result: dict[str, Any] = {
        "summary": op.summary,
        "parameters": parameters,
        "responses": responses,
    }
    if op.body is not None:
        result["requestBody"] = {"required": True, "content": _json_content(op.body)}
    return result


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__)}


def _json_content(model: type[BaseModel]) -> dict[str, Any]:
    return {"application/json": {"schema": _ref(model)}}
