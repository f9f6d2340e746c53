"""The OpenAPI document of the REST API, generated from the operations table
(``operations/``) and the pydantic models it names."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .. import __version__
from ..domain.models import ErrorResponse
from .operations import OPERATIONS, PATH_PARAMETERS, REF, Operation

PATH_PARAMETER = re.compile(r"\{(\w+)\}")

#: What each error status means; the body is always an ``ErrorResponse`` (docs/api.md).
ERROR_DESCRIPTIONS: dict[int, str] = {
    400: "invalid: the request breaks a rule (field-level details)",
    403: "forbidden: not authenticated, not authorised, or not the owner",
    404: "not_found: no such entry, job, endpoint, run, file or object visible to you",
    409: "conflict: the ID or name is taken, or the resource is busy",
    412: "precondition_failed: If-Match names a version that is not the current one",
    413: "too_large: the request body is over 1 MiB, or a file is over its limit",
    428: "precondition_required: send If-Match with the entry's ETag",
    502: "upstream: AWS refused the request (its error code and a short message)",
    503: "unavailable: AWS credentials, region or capacity are missing",
    504: "timeout: AWS did not answer within the request's deadline",
}


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
    responses |= {model for op in OPERATIONS for model in op.also.values()}
    bodies = {op.body for op in OPERATIONS if op.body is not None}
    bodies |= {op.body_rest for op in OPERATIONS if op.body_rest is not None}
    named = sorted(responses | bodies, key=lambda model: model.__name__)
    _, schema = models_json_schema(
        [(model, "serialization" if model in responses else "validation") for model in named],
        ref_template=REF,
    )
    schemas: dict[str, Any] = schema.get("$defs", {})
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        if op.body is not None and op.body_rest is not None:
            name = _combined_name(op.body)
            schemas[name] = _combined_body(op, schemas)
        paths.setdefault(op.path, {})[op.method] = _operation(op)
    return paths, schemas


def _combined_name(model: type[BaseModel]) -> str:
    return model.__name__.removesuffix("Target")


def _combined_body(op: Operation, schemas: dict[str, Any]) -> dict[str, Any]:
    """One body schema for a request the server validates as two models: ``op.body``
    (which lets other fields through) and ``op.body_rest`` for the other fields, less
    those the server sets itself (``op.fixed_fields``)."""
    assert op.body is not None
    assert op.body_rest is not None
    own = schemas[op.body.__name__]
    rest = schemas[op.body_rest.__name__]
    fixed = set(op.fixed_fields)
    properties = {
        **{name: prop for name, prop in rest.get("properties", {}).items() if name not in fixed},
        **own.get("properties", {}),
    }
    required = [name for name in rest.get("required", []) if name not in fixed]
    required += [name for name in own.get("required", []) if name not in required]
    return {
        "title": _combined_name(op.body),
        "description": (own.get("description") or "").strip(),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _operation(op: Operation) -> dict[str, Any]:
    parameters: list[dict[str, Any]] = []
    for name in PATH_PARAMETER.findall(op.path):
        schema = dict(PATH_PARAMETERS[name])
        description = schema.pop("description", None)
        parameter = {"name": name, "in": "path", "required": True, "schema": schema}
        if description:
            parameter["description"] = description
        parameters.append(parameter)
    if op.query is not None:
        query_schema = op.query.model_json_schema(ref_template=REF)
        required = set(query_schema.get("required", []))
        for name, prop in query_schema.get("properties", {}).items():
            parameters.append(
                {"name": name, "in": "query", "required": name in required, "schema": prop}
            )
    for name, header in op.request_headers.items():
        parameters.append(
            {
                "name": name,
                "in": "header",
                "required": header.required,
                "description": header.description,
                # A blank required header counts as absent (428).
                "schema": {"type": "string", "pattern": r"\S"}
                if header.required
                else {"type": "string"},
            }
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
    for status, model in op.also.items():
        responses[str(status)] = {"description": op.summary, "content": _json_content(model)}
    for status in op.statuses:
        responses[str(status)] = {
            "description": ERROR_DESCRIPTIONS.get(status, "Error"),
            "content": _json_content(ErrorResponse),
        }
    result: dict[str, Any] = {
        "summary": op.summary,
        "parameters": parameters,
        "responses": responses,
    }
    if op.body is not None and op.body_rest is not None:
        body = {"application/json": {"schema": {"$ref": REF.format(model=_combined_name(op.body))}}}
        result["requestBody"] = {"required": True, "content": body}
    elif op.body is not None:
        result["requestBody"] = {"required": True, "content": _json_content(op.body)}
    return result


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__)}


def _json_content(model: type[BaseModel]) -> dict[str, Any]:
    return {"application/json": {"schema": _ref(model)}}
