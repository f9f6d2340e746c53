"""AWS Clean Rooms ML: register an entry's containers, and the caller's registrations."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models.cleanrooms import RegisterAlgorithm, RegisteredAlgorithmQuery
from ...domain.models.dry_run import DryRunQuery
from .base import SharedModelsHandler


class EntryCleanRoomsAlgorithmsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, entry_id: str) -> None:
        dry_run = self.parse_query(DryRunQuery).dry_run
        body = self.parse_body(RegisterAlgorithm)
        registrar = self.services.cleanrooms
        if dry_run:
            self.send_json(await self.run(registrar.check, self.me, entry_id, body))
            return
        registered = await self.run_aws(registrar.register, self.me, entry_id, body)
        self.send_json(registered, status=201)


class CleanRoomsAlgorithmsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(RegisteredAlgorithmQuery)
        self.send_json(await self.run(self.services.cleanrooms.registrations, self.me, query))
