"""Make the server's own boto3 client receive an AWS error moto cannot produce.

botocore's ``before-call`` event lets a handler answer instead of AWS; the client,
its error parsing and our error translation all run for real.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botocore.awsrequest import AWSResponse


def aws_error(code: str, message: str, status: int) -> tuple[AWSResponse, dict[str, Any]]:
    parsed = {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {"HTTPStatusCode": status},
    }
    return AWSResponse("https://aws.invalid/", status, {}, None), parsed


def inject(
    serverapp: Any,
    service: str,
    operation: str,
    answer: Callable[[dict[str, Any]], tuple[AWSResponse, dict[str, Any]] | None],
) -> None:
    """Let ``answer(request)`` reply to ``operation`` calls of the server's client (None: pass).

    ``request`` is botocore's serialised request dict (``url_path``, ``query_string``, …).
    """
    client = serverapp.web_app.settings["shared_models"].aws.client(service)

    def handler(params: dict[str, Any], **_: Any) -> Any:
        return answer(params)

    client.meta.events.register(f"before-call.{service}.{operation}", handler)
