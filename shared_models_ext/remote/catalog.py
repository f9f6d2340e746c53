"""The catalog, where it is a catalog service: :class:`~..services.catalog.EntryCatalog`
over the service's REST API. Every rule is the service's (it runs ``Catalog``); this
server only says which user it speaks for, and the Hub vouches for that."""

from __future__ import annotations

from typing import Literal, overload
from urllib.parse import quote

from ..domain.errors import Forbidden
from ..domain.models import CreateEntry, Entry, EntryPage, EntryQuery, ReplaceEntry
from .client import CatalogServiceClient


class RemoteCatalog:
    """Entries as ``owner`` (this server's JupyterHub user) sees them in the service."""

    def __init__(self, client: CatalogServiceClient, owner: str) -> None:
        self._client = client
        self._owner = owner

    def get(self, viewer: str, entry_id: str) -> Entry:
        self._speaks_for(viewer)
        reply = self._client.call("GET", f"entries/{quote(entry_id, safe='')}")
        return Entry.model_validate_json(reply.body)

    def query(self, viewer: str, query: EntryQuery) -> EntryPage:
        self._speaks_for(viewer)
        params = query.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        reply = self._client.call("GET", "entries", params=params)
        return EntryPage.model_validate_json(reply.body)

    def suggest_id(self, title: str, kind: str = "model") -> str:
        reply = self._client.call("GET", "id-suggestions", params={"title": title, "kind": kind})
        return str(reply.json()["id"])

    def free_id(self, base: str) -> str:
        return self.suggest_id(base)  # an ID is its own title's ID: base, or base-2, …

    def is_taken(self, entry_id: str) -> bool:
        return self.free_id(entry_id) != entry_id

    @overload
    def create(
        self, owner: str, body: CreateEntry, *, dry_run: Literal[False] = False
    ) -> Entry: ...
    @overload
    def create(self, owner: str, body: CreateEntry, *, dry_run: Literal[True]) -> None: ...
    @overload
    def create(self, owner: str, body: CreateEntry, *, dry_run: bool) -> Entry | None: ...

    def create(self, owner: str, body: CreateEntry, *, dry_run: bool = False) -> Entry | None:
        self._speaks_for(owner)
        reply = self._client.call(
            "POST",
            "entries",
            params={"dry_run": True} if dry_run else None,
            json_body=body.model_dump_json(exclude_unset=True),
        )
        return None if dry_run else Entry.model_validate_json(reply.body)

    def replace(
        self,
        user: str,
        entry_id: str,
        body: ReplaceEntry,
        if_match: str | None,
        *,
        dry_run: bool = False,
    ) -> Entry | None:
        self._speaks_for(user)
        reply = self._client.call(
            "PUT",
            f"entries/{quote(entry_id, safe='')}",
            params={"dry_run": True} if dry_run else None,
            json_body=body.model_dump_json(exclude_unset=True),
            headers={"If-Match": if_match} if if_match is not None else None,
        )
        return None if dry_run else Entry.model_validate_json(reply.body)

    def delete(self, user: str, entry_id: str, if_match: str | None = None) -> None:
        self._speaks_for(user)
        self._client.call(
            "DELETE",
            f"entries/{quote(entry_id, safe='')}",
            headers={"If-Match": if_match} if if_match is not None else None,
        )

    def close(self) -> None:
        self._client.close()

    def _speaks_for(self, user: str) -> None:
        if user != self._owner:
            raise Forbidden(
                f"This server uses the team catalog as {self._owner}, its JupyterHub user; "
                f"{user} cannot use the catalog through it. Open your own server."
            )
