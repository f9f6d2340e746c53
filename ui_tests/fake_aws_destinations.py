"""A small loopback stand-in for AWS Clean Rooms ML and SageMaker's hub API.

moto has neither, so the browser test's lab server reaches this one through
boto3's own service-specific endpoint variables (``AWS_ENDPOINT_URL_CLEANROOMSML``,
``AWS_ENDPOINT_URL_SAGEMAKER``): the product runs unchanged. It answers with
AWS's JSON shapes (Clean Rooms ML is REST-JSON, SageMaker JSON 1.1 by
``X-Amz-Target``), keeps what was created, and records every request it
received so the test can assert on what was sent.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

ACCOUNT = "123456789012"
REGION = "us-east-1"


@dataclass
class Received:
    """One request, as the fake saw it."""

    service: str  # "cleanroomsml" or "sagemaker"
    operation: str
    body: dict[str, Any]
    path: str


@dataclass
class _State:
    algorithms: dict[str, dict[str, Any]] = field(default_factory=dict)  # by name
    associations: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    tags: dict[str, dict[str, str]] = field(default_factory=dict)  # by ARN
    hubs: dict[str, dict[str, Any]] = field(default_factory=dict)  # by name
    # (hub, type, name) -> versions, oldest first
    contents: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)


class FakeAwsDestinations:
    """The fake's state and log; ``start()`` serves it on a free loopback port."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self._state = _State()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle ---------------------------------------------------------------

    @property
    def endpoint_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        fake = self

        class Handler(_Handler):
            owner = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def environment(self) -> dict[str, str]:
        """The variables that send boto3's Clean Rooms ML and SageMaker calls here."""
        return {
            "AWS_ENDPOINT_URL_CLEANROOMSML": self.endpoint_url,
            "AWS_ENDPOINT_URL_SAGEMAKER": self.endpoint_url,
        }

    def reset(self) -> None:
        with self._lock:
            self.received.clear()
            self._state = _State()

    def operations(self, operation: str) -> list[Received]:
        with self._lock:
            return [item for item in self.received if item.operation == operation]

    def add_hub(self, name: str, display_name: str | None = None) -> None:
        with self._lock:
            self._state.hubs[name] = _hub(name, display_name, f"{name} hub", [])

    # -- Clean Rooms ML (REST-JSON) -----------------------------------------------

    def cleanrooms(self, method: str, path: str, body: dict[str, Any]) -> tuple[int, Any, str]:
        """(status, body, operation) of a Clean Rooms ML request."""
        state = self._state
        if path == "/configured-model-algorithms" and method == "POST":
            name = str(body.get("name"))
            if name in state.algorithms:
                return _rest_error(
                    "ConflictException",
                    f"{name} already exists",
                    409,
                    "CreateConfiguredModelAlgorithm",
                )
            arn = (
                f"arn:aws:cleanrooms-ml:{REGION}:{ACCOUNT}:configured-model-algorithm/"
                f"{uuid.uuid4()}"
            )
            state.algorithms[name] = {**body, "configuredModelAlgorithmArn": arn}
            state.tags[arn] = dict(body.get("tags") or {})
            return 200, {"configuredModelAlgorithmArn": arn}, "CreateConfiguredModelAlgorithm"
        if path == "/configured-model-algorithms" and method == "GET":
            items = [
                {
                    "name": name,
                    "configuredModelAlgorithmArn": item["configuredModelAlgorithmArn"],
                    "createTime": _now(),
                    "updateTime": _now(),
                }
                for name, item in state.algorithms.items()
            ]
            return 200, {"configuredModelAlgorithms": items}, "ListConfiguredModelAlgorithms"
        found = re.fullmatch(r"/memberships/([^/]+)/configured-model-algorithm-associations", path)
        if found and method == "POST":
            membership, name = found[1], str(body.get("name"))
            if (membership, name) in state.associations:
                return _rest_error(
                    "ConflictException",
                    f"{name} already exists",
                    409,
                    "CreateConfiguredModelAlgorithmAssociation",
                )
            arn = (
                f"arn:aws:cleanrooms-ml:{REGION}:{ACCOUNT}:membership/{membership}/"
                f"configured-model-algorithm-association/{uuid.uuid4()}"
            )
            state.associations[(membership, name)] = {
                **body,
                "configuredModelAlgorithmAssociationArn": arn,
            }
            state.tags[arn] = dict(body.get("tags") or {})
            return (
                200,
                {"configuredModelAlgorithmAssociationArn": arn},
                "CreateConfiguredModelAlgorithmAssociation",
            )
        if found and method == "GET":
            items = [
                {
                    "name": name,
                    "membershipIdentifier": membership,
                    "configuredModelAlgorithmArn": item["configuredModelAlgorithmArn"],
                    "configuredModelAlgorithmAssociationArn": item[
                        "configuredModelAlgorithmAssociationArn"
                    ],
                }
                for (membership, name), item in state.associations.items()
                if membership == found[1]
            ]
            return (
                200,
                {"configuredModelAlgorithmAssociations": items},
                "ListConfiguredModelAlgorithmAssociations",
            )
        if path.startswith("/tags/") and method == "GET":
            arn = unquote(path[len("/tags/") :])
            return 200, {"tags": state.tags.get(arn, {})}, "ListTagsForResource"
        return _rest_error("ValidationException", f"{method} {path} is not faked", 400, "Unknown")

    # -- SageMaker (JSON 1.1) -----------------------------------------------------

    def sagemaker(self, operation: str, body: dict[str, Any]) -> tuple[int, Any]:
        state = self._state
        if operation == "ListHubs":
            hubs = sorted(state.hubs.values(), key=lambda hub: str(hub["HubName"]))
            summaries = [{key: hub[key] for key in _HUB_SUMMARY if key in hub} for hub in hubs]
            return 200, {"HubSummaries": summaries}
        if operation == "CreateHub":
            name = str(body["HubName"])
            if name in state.hubs:
                return _json_error("ResourceInUse", f"Hub {name} already exists")
            state.hubs[name] = _hub(
                name,
                body.get("HubDisplayName"),
                str(body.get("HubDescription", "")),
                list(body.get("HubSearchKeywords") or []),
            )
            return 200, {"HubArn": state.hubs[name]["HubArn"]}
        if operation == "DescribeHub":
            hub = state.hubs.get(str(body.get("HubName")))
            if hub is None:
                return _json_error("ResourceNotFound", f"Hub {body.get('HubName')} not found")
            return 200, hub
        if operation == "ImportHubContent":
            hub_name = str(body["HubName"])
            if hub_name not in state.hubs:
                return _json_error("ResourceNotFound", f"Hub {hub_name} not found")
            key = (hub_name, str(body["HubContentType"]), str(body["HubContentName"]))
            versions = state.contents.setdefault(key, [])
            version = str(body.get("HubContentVersion") or "1.0.0")
            if any(item["HubContentVersion"] == version for item in versions):
                return _json_error("ResourceInUse", f"Version {version} exists")
            arn = (
                f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:hub-content/{hub_name}/"
                f"{key[1]}/{key[2]}/{version}"
            )
            versions.append(
                {
                    **body,
                    "HubContentVersion": version,
                    "HubContentArn": arn,
                    "HubArn": state.hubs[hub_name]["HubArn"],
                    # Imported at once: a real hub says Importing first.
                    "HubContentStatus": "Available",
                    "CreationTime": _now(),
                }
            )
            return 200, {"HubArn": state.hubs[hub_name]["HubArn"], "HubContentArn": arn}
        if operation in ("DescribeHubContent", "ListHubContentVersions"):
            key = (
                str(body.get("HubName")),
                str(body.get("HubContentType")),
                str(body.get("HubContentName")),
            )
            versions = state.contents.get(key, [])
            if operation == "ListHubContentVersions":
                return 200, {"HubContentSummaries": versions}
            wanted = body.get("HubContentVersion")
            matches = [v for v in versions if wanted is None or v["HubContentVersion"] == wanted]
            if not matches:
                return _json_error("ResourceNotFound", f"Hub content {key[2]} not found")
            return 200, matches[-1]
        return _json_error("ValidationException", f"{operation} is not faked")


_HUB_SUMMARY = (
    "HubName",
    "HubArn",
    "HubDisplayName",
    "HubDescription",
    "HubSearchKeywords",
    "HubStatus",
    "CreationTime",
    "LastModifiedTime",
)


def _hub(name: str, display: Any, description: str, keywords: list[str]) -> dict[str, Any]:
    hub: dict[str, Any] = {
        "HubName": name,
        "HubArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:hub/{name}",
        "HubDescription": description,
        "HubSearchKeywords": keywords,
        "HubStatus": "InService",
        "CreationTime": _now(),
        "LastModifiedTime": _now(),
    }
    if display:
        hub["HubDisplayName"] = display
    return hub


def _now() -> float:
    return datetime.now(timezone.utc).timestamp()


def _rest_error(code: str, message: str, status: int, operation: str) -> tuple[int, Any, str]:
    return status, {"__type": code, "message": message}, operation


def _json_error(code: str, message: str) -> tuple[int, Any]:
    return 400, {"__type": code, "Message": message}


class _Handler(BaseHTTPRequestHandler):
    owner: FakeAwsDestinations
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the test asserts on what was received instead

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")

    def _answer(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = json.loads(raw) if raw.strip() else {}
        path = urlsplit(self.path).path
        target = self.headers.get("X-Amz-Target") or ""
        fake = self.owner
        with fake._lock:
            if target.startswith("SageMaker."):
                operation = target.split(".", 1)[1]
                status, answer = fake.sagemaker(operation, body)
                fake.received.append(Received("sagemaker", operation, body, path))
                content_type = "application/x-amz-json-1.1"
            else:
                status, answer, operation = fake.cleanrooms(method, path, body)
                fake.received.append(Received("cleanroomsml", operation, body, path))
                content_type = "application/json"
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        if status >= 400:
            self.send_header("x-amzn-ErrorType", str(answer.get("__type", "")))
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        self.end_headers()
        self.wfile.write(data)
