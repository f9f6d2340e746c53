"""Local runs: start one from an entry, follow its status and log, stop, list, delete;
write an entry's synthetic data into the workspace."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models.dry_run import DryRunQuery
from ...domain.models.local_runs import (
    LocalRunLogQuery,
    LocalRunQuery,
    StartLocalRun,
    SyntheticDataRequest,
)
from .base import SharedModelsHandler


class EntryLocalRunsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, entry_id: str) -> None:
        dry_run = self.parse_query(DryRunQuery).dry_run
        body = self.parse_body(StartLocalRun)
        runs = self.services.local_runs
        started = await self.run(runs.start, self.me, entry_id, body, dry_run=dry_run)
        self.send_json(started, status=200 if dry_run else 201)


class LocalRunsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(LocalRunQuery)
        self.send_json(await self.run(self.services.local_runs.list, self.me, query))


class LocalRunHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self, run_id: str) -> None:
        self.send_json(await self.run(self.services.local_runs.status, self.me, run_id))

    @web.authenticated
    @authorized
    async def delete(self, run_id: str) -> None:
        await self.run(self.services.local_runs.delete, self.me, run_id)
        self.set_status(204)
        self.finish()


class LocalRunLogHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self, run_id: str) -> None:
        query = self.parse_query(LocalRunLogQuery)
        runs = self.services.local_runs
        self.send_json(await self.run(runs.log, self.me, run_id, query.offset))


class StopLocalRunHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, run_id: str) -> None:
        self.send_json(await self.run(self.services.local_runs.stop, self.me, run_id))


class SyntheticDataHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, entry_id: str) -> None:
        body = self.parse_body(SyntheticDataRequest)
        runs = self.services.local_runs
        written = await self.run(runs.write_synthetic, self.me, entry_id, body)
        self.send_json(written, status=201)
