"""The thin HTTP layer's base: auth resource, JSON bodies, work off the loop, errors.

``write_error`` here is the one place where exceptions become responses, in the
JSON error shape of the REST API (docs/api.md). Handlers never catch domain errors themselves.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from http.client import responses
from typing import Any, TypeVar

from jupyter_server.base.handlers import APIHandler
from jupyter_server.extension.handler import ExtensionHandlerMixin
from pydantic import BaseModel, ValidationError
from tornado.web import HTTPError

from ...domain.errors import InvalidInput, SharedModelsError, TooLarge
from ...domain.identity import Identity, request_identity
from ...domain.models import RenderedPage, invalid_from_validation_error
from ...services.wiring import SETTINGS_KEY, CatalogServices, Services
from ..workers import run_blocking

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

API_PREFIX = "shared-models/api"
AUTH_RESOURCE = "shared_models"
MAX_BODY_BYTES = 1024 * 1024
#: How deeply a request body may nest arrays and objects (the deepest request
#: model needs 5 levels; anything near Python's recursion limit is an attack).
MAX_JSON_DEPTH = 32

_CODES_BY_STATUS = {
    400: "invalid",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    412: "precondition_failed",
    413: "too_large",
    428: "precondition_required",
    502: "upstream",
    503: "unavailable",
}


def _nesting_depth(body: bytes) -> int:
    """The deepest ``[``/``{`` nesting of a JSON text, outside strings; read before parsing
    so that no parser (or validator after it) recurses on an attacker's depth."""
    depth = deepest = 0
    in_string = escaped = False
    # Bytes that matter are ASCII, so this is exact for UTF-8 too.
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    return deepest
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return deepest


class SharedModelsHandler(ExtensionHandlerMixin, APIHandler):
    """Base of every route: authenticated, authorised on ``shared_models``, JSON errors."""

    auth_resource = AUTH_RESOURCE

    @property
    def services(self) -> Services:
        """Everything the extension's routes use (not in the catalog service)."""
        services: Services = self.settings[SETTINGS_KEY]
        return services

    @property
    def catalog_services(self) -> CatalogServices:
        """What the catalog's routes use: in the extension and in the catalog service."""
        services: CatalogServices = self.settings[SETTINGS_KEY]
        return services

    @property
    def identity(self) -> Identity:
        """Who "me" is for this request: its authenticated user, or the server's one user."""
        return request_identity(self.current_user, self.catalog_services.fallback_identity)

    @property
    def me(self) -> str:
        return self.identity.username

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking database or file work in a worker thread."""
        return await run_blocking(fn, *args, **kwargs)

    async def run_aws(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking work that calls AWS on the AWS pool, under the request deadline."""
        return await self.services.aws_pool.run(fn, *args, **kwargs)

    def compute_etag(self) -> str | None:
        """No body hash: an entry's ``ETag`` is its version (``send_entry``), and the
        other answers are not cached (JupyterLab adds a cache-busting parameter to every
        GET), so hashing each body (80 kB for a page of 50) would be work for nothing."""
        return None

    def parse_body(self, model: type[M]) -> M:
        """The request body validated as ``model``; 413 past 1 MiB, 400 if not JSON."""
        return model.model_validate(self.parse_json())

    def parse_json(self) -> dict[str, Any]:
        """The request body as a JSON object; 413 past 1 MiB, 400 if not a JSON object."""
        body = self.request.body or b""
        if len(body) > MAX_BODY_BYTES:
            raise TooLarge(f"The request body is {len(body)} bytes; the limit is 1 MiB.")
        if _nesting_depth(body) > MAX_JSON_DEPTH:
            raise InvalidInput(
                f"The request body nests arrays or objects more than {MAX_JSON_DEPTH} deep."
            )
        try:
            data = json.loads(body or b"null")
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            raise InvalidInput(f"The request body is not valid JSON: {error}") from None
        if not isinstance(data, dict):
            raise InvalidInput("The request body must be a JSON object.")
        return data

    def parse_query(self, model: type[M]) -> M:
        """The query string validated as ``model`` (the last value of a repeated name wins).

        Blank parameters count as absent: JupyterLab's ``ServerConnection`` appends a
        bare cache-busting timestamp (``?1795234792432``) to GET requests.
        """
        values = {name: self.get_query_argument(name) for name in self.request.query_arguments}
        return model.model_validate({name: value for name, value in values.items() if value})

    def send_json(
        self, payload: BaseModel | RenderedPage | dict[str, Any], status: int = 200
    ) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        if isinstance(payload, (BaseModel, RenderedPage)):
            self.finish(payload.model_dump_json())
        else:
            self.finish(json.dumps(payload))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Every error as ``{"error": {"code", "message", "details"}}``, never a traceback."""
        exc_info = kwargs.get("exc_info")
        error = exc_info[1] if exc_info else None
        if isinstance(error, ValidationError):
            error = invalid_from_validation_error(error)
        if isinstance(error, SharedModelsError):
            status_code, payload = error.status, error.to_json()
        else:
            if isinstance(error, HTTPError) and status_code == 403 and not error.log_message:
                # Not signed in (``@web.authenticated``): what the identity provider asks for.
                provider = self.settings.get("identity_provider")
                message = getattr(provider, "REFUSAL", None) or responses[403]
            elif isinstance(error, HTTPError):
                message = error.log_message or responses.get(status_code, "Error")
                if "%" in message and error.args:
                    message = message % error.args
            elif status_code >= 500:
                message = "An unexpected error occurred; the server log has the details."
            else:
                message = responses.get(status_code, "Error")
            code = _CODES_BY_STATUS.get(status_code, "internal" if status_code >= 500 else "error")
            payload = {"error": {"code": code, "message": message, "details": []}}
        self.clear_header("Content-Type")
        if status_code == 405:
            self.set_header("Allow", ", ".join(self.allowed_methods()))
        self.set_status(status_code)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))

    @classmethod
    def allowed_methods(cls) -> list[str]:
        """The HTTP methods this route answers (what a 405's ``Allow`` lists)."""
        own = [
            klass
            for klass in cls.__mro__
            if issubclass(klass, SharedModelsHandler) and klass is not SharedModelsHandler
        ]
        return [
            method
            for method in cls.SUPPORTED_METHODS
            if any(method.lower() in vars(klass) for klass in own)
        ]

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        """Expected errors are one log line; only real bugs get a traceback (server side)."""
        if isinstance(value, SharedModelsError | ValidationError):
            self.log.info(
                "%s %s -> %s", self.request.method, self.request.path, type(value).__name__
            )
            return
        super().log_exception(typ, value, tb)
