"""SageMaker private hubs: list and create hubs, publish an entry, where it is published."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models.hubs import CreateHub, HubQuery, PublishToHub
from .base import SharedModelsHandler


class HubsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(HubQuery)
        self.send_json(await self.run_aws(self.services.hubs.list_hubs, query))

    @web.authenticated
    @authorized
    async def post(self) -> None:
        body = self.parse_body(CreateHub)
        created = await self.run_aws(self.services.hubs.create_hub, self.me, body)
        self.send_json(created, status=201)


class EntryHubPublicationsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self, entry_id: str) -> None:
        publications = await self.run_aws(self.services.hubs.publications, self.me, entry_id)
        self.send_json(publications)

    @web.authenticated
    @authorized
    async def post(self, entry_id: str) -> None:
        body = self.parse_body(PublishToHub)
        published = await self.run_aws(self.services.hubs.publish, self.me, entry_id, body)
        self.send_json(published, status=201)
