"""The one client of the catalog service: kept-alive connection pools, the server's own
JupyterHub token on every request, and the service's answers passed on as they are.

Two doors to the same service: ``call`` is synchronous and thread-safe (the server's own
calls, made in worker threads like the store's); ``forward`` runs on the event loop (a
browser's request passed on as it came, with no thread between: the hop stays small,
scripts/bench_forwarding.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlencode

import httpx

from ..domain.errors import Relayed, Unavailable

API_PATH: Final = "shared-models/api/"
#: Methods that may be sent again when a kept-alive connection turns out to be closed
#: (the service restarted): PUT carries If-Match, so a second try cannot apply twice.
_IDEMPOTENT: Final = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


@dataclass(frozen=True)
class Reply:
    """The service's answer: status, headers (lower-case names) and body, untouched."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


class CatalogServiceClient:
    """Requests to the catalog service at ``base_url`` (its root, under which
    ``shared-models/api/`` is served), as the Hub user whose ``token`` this is."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout_seconds: float = 30.0,
        max_connections: int = 32,
    ) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        #: What both pools are made with (the async one on the first ``forward``).
        self._options: dict[str, Any] = {
            "headers": {"Authorization": f"token {token}", "Accept": "application/json"},
            "timeout": httpx.Timeout(timeout_seconds, connect=min(timeout_seconds, 5.0)),
            "limits": httpx.Limits(
                max_connections=max_connections,
                max_keepalive_connections=max_connections,
                keepalive_expiry=60.0,
            ),
            "trust_env": False,  # no proxy from the environment between a server and its catalog
        }
        self._http = httpx.Client(**self._options)
        #: Made on the first ``forward``: an async pool belongs to the running event loop.
        self._async_http: httpx.AsyncClient | None = None

    def send(
        self,
        method: str,
        path: str,
        *,
        query: str = "",
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
    ) -> Reply:
        """One request to ``shared-models/api/<path>``; the answer, whatever its status.

        Raises ``Unavailable`` (503) when the service cannot be reached or does not
        answer in time.
        """
        url = self._url(path, query)
        method = method.upper()
        for attempt in (1, 2):
            try:
                response = self._http.request(method, url, headers=headers, content=body)
            except httpx.HTTPError as error:
                if self._retry(method, error, attempt):
                    continue
                raise self._unavailable(error) from None
            return Reply(response.status_code, response.headers, response.content)
        raise AssertionError("unreachable")  # pragma: no cover

    async def forward(
        self,
        method: str,
        path: str,
        *,
        query: str = "",
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
    ) -> Reply:
        """``send``, awaited on the event loop."""
        if self._async_http is None:
            self._async_http = httpx.AsyncClient(**self._options)
        url = self._url(path, query)
        method = method.upper()
        for attempt in (1, 2):
            try:
                response = await self._async_http.request(
                    method, url, headers=headers, content=body
                )
            except httpx.HTTPError as error:
                if self._retry(method, error, attempt):
                    continue
                raise self._unavailable(error) from None
            return Reply(response.status_code, response.headers, response.content)
        raise AssertionError("unreachable")  # pragma: no cover

    def _url(self, path: str, query: str) -> str:
        return self.base_url + API_PATH + path.lstrip("/") + (f"?{query}" if query else "")

    @staticmethod
    def _retry(method: str, error: httpx.HTTPError, attempt: int) -> bool:
        """Whether a failed first attempt goes once more, on a fresh connection.

        A pooled connection the service closed (it restarted) fails at once. A POST is
        sent again only when it cannot have been sent at all (no connection was made).
        """
        if attempt != 1 or isinstance(error, httpx.TimeoutException):
            return False
        if isinstance(error, httpx.ConnectError):
            return True
        return isinstance(error, httpx.RemoteProtocolError) and method in _IDEMPOTENT

    def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int | bool | None] | None = None,
        json_body: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        """``send`` for the server's own calls: parameters (None left out), a JSON body;
        an error status raises ``Relayed`` with the service's own status and JSON."""
        query = urlencode(
            {
                name: (str(value).lower() if isinstance(value, bool) else str(value))
                for name, value in (params or {}).items()
                if value is not None
            }
        )
        sent_headers = dict(headers or {})
        body = None
        if json_body is not None:
            sent_headers["Content-Type"] = "application/json"
            body = json_body.encode("utf-8")
        reply = self.send(method, path, query=query, headers=sent_headers, body=body)
        if reply.status >= 400:
            try:
                payload = reply.json()
            except ValueError:
                payload = None
            if not isinstance(payload, dict) or "error" not in payload:
                payload = {
                    "error": {
                        "code": "upstream",
                        "message": f"The catalog service answered {reply.status}.",
                        "details": [],
                    }
                }
            raise Relayed(reply.status, payload)
        return reply

    def close(self) -> None:
        self._http.close()

    async def aclose(self) -> None:
        """Both pools (at the server's shutdown, on its event loop)."""
        self.close()
        if self._async_http is not None:
            await self._async_http.aclose()

    def _unavailable(self, error: Exception) -> Unavailable:
        reason = str(error) or type(error).__name__
        timed_out = isinstance(error, httpx.TimeoutException)
        what = "did not answer in time" if timed_out else "does not answer"
        return Unavailable(
            f"The catalog service at {self.base_url} {what} ({reason}). If this lasts, ask "
            "your JupyterHub administrator to check the shared-models service "
            "(docs/team-deployment.md)."
        )
