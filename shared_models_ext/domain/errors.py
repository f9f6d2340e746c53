"""Domain errors. Each carries the HTTP status and machine code of the REST API (docs/api.md).

Domain code raises these; the HTTP layer (``api/handlers/base.py``) is the one place
that turns them into JSON responses. Nothing here imports tornado.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypedDict


class ErrorDetail(TypedDict):
    """One field-level problem, pydantic style: where, and what is wrong."""

    loc: list[str | int]
    msg: str


class SharedModelsError(Exception):
    """Base of every error the product reports to a client."""

    status: int = 500
    code: str = "internal"

    def __init__(self, message: str, details: Sequence[ErrorDetail] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: list[ErrorDetail] = list(details or [])

    def to_json(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


class InvalidInput(SharedModelsError):
    status = 400
    code = "invalid"


class Forbidden(SharedModelsError):
    status = 403
    code = "forbidden"


class NotFound(SharedModelsError):
    status = 404
    code = "not_found"


class Conflict(SharedModelsError):
    status = 409
    code = "conflict"


class PreconditionFailed(SharedModelsError):
    status = 412
    code = "precondition_failed"


class TooLarge(SharedModelsError):
    status = 413
    code = "too_large"


class PreconditionRequired(SharedModelsError):
    status = 428
    code = "precondition_required"


class Upstream(SharedModelsError):
    """AWS (or another upstream service) refused the request."""

    status = 502
    code = "upstream"


class Unavailable(SharedModelsError):
    """A dependency is not configured or not reachable (e.g. no AWS credentials)."""

    status = 503
    code = "unavailable"


class GatewayTimeout(SharedModelsError):
    """An upstream service (AWS) did not answer within the request's deadline."""

    status = 504
    code = "timeout"


class Relayed(SharedModelsError):
    """An error the catalog service answered, passed on as it came: same status, same
    JSON (``remote/client.py``)."""

    def __init__(self, status: int, payload: dict[str, Any]) -> None:
        error = payload.get("error") if isinstance(payload, dict) else None
        message = str(error.get("message", "")) if isinstance(error, dict) else ""
        super().__init__(message or f"The catalog service answered {status}.")
        self.status = status
        self.code = str(error.get("code", "error")) if isinstance(error, dict) else "error"
        self.payload = payload

    def to_json(self) -> dict[str, Any]:
        return self.payload


def invalid_field(loc: Sequence[str | int], msg: str, message: str | None = None) -> InvalidInput:
    """An ``InvalidInput`` about one field."""
    return InvalidInput(message or msg, [{"loc": list(loc), "msg": msg}])
