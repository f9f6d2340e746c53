"""/entries and /entries/{id}: query, create, read, replace, delete.

Create and replace take ``?dry_run=true``: every check of the real request, nothing
stored, 200 ``{"ok": true}`` (docs/api.md).
"""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from jupyter_server.utils import url_path_join
from tornado import web

from ...domain.models import CreateEntry, Entry, EntryQuery, ReplaceEntry
from ...domain.models.dry_run import DryRunOk, DryRunQuery
from ...services.catalog import etag_for
from .base import API_PREFIX, SharedModelsHandler


def send_entry(handler: SharedModelsHandler, entry: Entry, status: int = 200) -> None:
    """An entry with its ``ETag`` (the version ``If-Match`` must name to change it)."""
    handler.set_header("ETag", etag_for(entry.version))
    handler.send_json(entry, status=status)


class EntriesHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(EntryQuery)
        page = await self.run(self.catalog_services.catalog.query, self.me, query)
        self.send_json(page)

    @web.authenticated
    @authorized
    async def post(self) -> None:
        dry_run = self.parse_query(DryRunQuery).dry_run
        body = self.parse_body(CreateEntry)
        catalog = self.catalog_services.catalog
        if dry_run:
            await self.run(catalog.create, self.me, body, dry_run=True)
            self.send_json(DryRunOk())
            return
        entry = await self.run(catalog.create, self.me, body)
        assert entry is not None
        self.set_header("Location", url_path_join(self.base_url, API_PREFIX, "entries", entry.id))
        send_entry(self, entry, status=201)


class EntryHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self, entry_id: str) -> None:
        entry = await self.run(self.catalog_services.catalog.get, self.me, entry_id)
        send_entry(self, entry)

    @web.authenticated
    @authorized
    async def put(self, entry_id: str) -> None:
        dry_run = self.parse_query(DryRunQuery).dry_run
        body = self.parse_body(ReplaceEntry)
        if_match = self.request.headers.get("If-Match")
        catalog = self.catalog_services.catalog
        if dry_run:
            await self.run(catalog.replace, self.me, entry_id, body, if_match, dry_run=True)
            self.send_json(DryRunOk())
            return
        entry = await self.run(catalog.replace, self.me, entry_id, body, if_match)
        assert entry is not None
        send_entry(self, entry)

    @web.authenticated
    @authorized
    async def delete(self, entry_id: str) -> None:
        if_match = self.request.headers.get("If-Match")
        await self.run(self.catalog_services.catalog.delete, self.me, entry_id, if_match)
        self.set_status(204)
        self.finish()
