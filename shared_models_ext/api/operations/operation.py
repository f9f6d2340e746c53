"""What one operation of the REST API is: method, path, handler, models, statuses.

The operation tables (one module per group of routes, concatenated in ``__init__.py``)
are the single declaration of the API: the tornado routes (``api/routes.py``) and the
OpenAPI document (``api/openapi.py``) are both derived from them (docs/api.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import BaseModel

from ...domain.ids import ID_PATTERN, MAX_ID_LENGTH
from ...domain.models.launch import SAGEMAKER_NAME
from ..handlers.base import SharedModelsHandler

REF = "#/components/schemas/{model}"

_SAGEMAKER_NAME_SCHEMA: Final[dict[str, Any]] = {
    "type": "string",
    "minLength": 1,
    "maxLength": 63,
    "pattern": f"^{SAGEMAKER_NAME.pattern}$",
}

#: The schema of every path parameter, by name: what the server accepts. A value
#: outside it is answered 404 (there is no such entry, job, endpoint or run).
PATH_PARAMETERS: Final[dict[str, dict[str, Any]]] = {
    "entry_id": {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_ID_LENGTH,
        "pattern": ID_PATTERN.pattern,
        "description": "An entry ID: lowercase letters, digits and hyphens (README.md)",
    },
    "job_name": {**_SAGEMAKER_NAME_SCHEMA, "description": "A SageMaker training job name"},
    "endpoint_name": {**_SAGEMAKER_NAME_SCHEMA, "description": "A SageMaker endpoint name"},
    "run_id": {**_SAGEMAKER_NAME_SCHEMA, "description": "A local run's ID (GET /local-runs)"},
}

#: Statuses every operation can answer: 403 when the caller is not authenticated
#: or not authorised (jupyter-server's own check, before the handler runs).
COMMON_ERRORS: Final = (403,)
#: Statuses of an operation that calls AWS: AWS refused (502), no credentials,
#: region or capacity (503), no answer within the request's deadline (504).
AWS_ERRORS: Final = (502, 503, 504)


@dataclass(frozen=True)
class Header:
    """A request header an operation reads."""

    description: str
    required: bool = False


@dataclass(frozen=True)
class Operation:
    """One method on one path, and the handler class that serves the path.

    Every operation of a path names the same handler; the handler implements exactly
    the methods its path's operations declare (a test checks both).
    """

    method: str
    path: str  # relative to /shared-models/api, OpenAPI template syntax
    handler: type[SharedModelsHandler]
    summary: str
    response: type[BaseModel] | None
    status: int = 200
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    errors: tuple[int, ...] = ()
    request_headers: dict[str, Header] = field(default_factory=dict)
    response_headers: dict[str, str] = field(default_factory=dict)
    alternatives: tuple[type[BaseModel], ...] = ()  # other shapes of the success response
    also: dict[int, type[BaseModel]] = field(default_factory=dict)  # other success statuses
    #: The rest of the body is validated as this model (less ``fixed_fields``, which the
    #: server sets itself); the document shows one body with the fields of both.
    body_rest: type[BaseModel] | None = None
    fixed_fields: tuple[str, ...] = ()
    aws: bool = False  # calls AWS: AWS_ERRORS are documented too
    #: Served by the catalog service (``service/``) and, where the extension has a
    #: ``catalog_url``, forwarded to it unchanged (``handlers/forwarding.py``): the
    #: operations that touch only the store.
    catalog: bool = False

    @property
    def statuses(self) -> tuple[int, ...]:
        """Every error status the operation can answer, sorted."""
        found = set(self.errors) | set(COMMON_ERRORS)
        if self.aws:
            found |= set(AWS_ERRORS)
        if self.catalog:
            found.add(503)  # the store, or the catalog service, does not answer
        if self.body is not None:
            found |= {400, 413}
        if self.query is not None:
            found.add(400)
        if "{" in self.path:
            found.add(404)
        return tuple(sorted(found))
