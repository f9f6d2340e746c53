"""The catalog's routes of a server whose catalog is a catalog service (``catalog_url``):
each request goes to the service as it came, and its answer comes back as it went —
same status, same JSON, same ETag — so the panel cannot tell (docs/team-deployment.md).

What is forwarded: the method, the path below ``shared-models/api/``, the query string,
the body, ``Content-Type`` and ``If-Match``. Never the browser's cookies or its own
credentials: the service learns who is asking from this server's JupyterHub token.
"""

from __future__ import annotations

from typing import Any, Final

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.errors import Forbidden
from ...remote import Reply
from .base import API_PREFIX, SharedModelsHandler

#: Client request headers the service needs; nothing else of the browser's goes.
_SENT: Final = ("Content-Type", "If-Match")
#: Response headers passed back (``Location`` rewritten to this server's URL).
_RETURNED: Final = ("Content-Type", "ETag", "Allow", "Location")


class ForwardingHandler(SharedModelsHandler):
    """Every catalog path, where the catalog is a catalog service."""

    @web.authenticated
    @authorized
    async def get(self, **_: Any) -> None:
        await self._forward()

    @web.authenticated
    @authorized
    async def post(self, **_: Any) -> None:
        await self._forward()

    @web.authenticated
    @authorized
    async def put(self, **_: Any) -> None:
        await self._forward()

    @web.authenticated
    @authorized
    async def delete(self, **_: Any) -> None:
        await self._forward()

    async def _forward(self) -> None:
        remote = self.services.remote
        assert remote is not None  # routed here only where the catalog is a service
        owner, client = remote.owner, remote.client
        if self.me != owner:
            # The service takes this server's token as its owner's word: nobody else
            # (a user this server is shared with) may speak through it.
            raise Forbidden(
                f"This server uses the team catalog as {owner}, its JupyterHub user; "
                f"{self.me} cannot use the catalog through it. Open your own server."
            )
        prefix = self.base_url.rstrip("/") + f"/{API_PREFIX}/"
        path = self.request.path[len(prefix) :]
        headers = {
            name: self.request.headers[name] for name in _SENT if name in self.request.headers
        }
        reply = await client.forward(
            self.request.method or "GET",
            path,
            query=self.request.query,
            headers=headers,
            body=self.request.body if self.request.method in ("POST", "PUT") else None,
        )
        self._pass_back(reply)

    def _pass_back(self, reply: Reply) -> None:
        self.clear_header("Content-Type")
        self.set_status(reply.status)
        for name in _RETURNED:
            value = reply.headers.get(name.lower())
            if value is None:
                continue
            if name == "Location":
                value = self._local_location(value)
            self.set_header(name, value)
        if reply.status == 204:
            self.finish()
        else:
            self.finish(reply.body)

    def _local_location(self, location: str) -> str:
        """The service's URL of a new entry, as this server's URL of it."""
        marker = f"/{API_PREFIX}/"
        _, found, rest = location.partition(marker)
        if not found:
            return location
        return self.base_url.rstrip("/") + marker + rest
