"""Deployments (endpoints), the default names of launches, and "my launches" (read,
recorded and forgotten: ``services/launch_records.py``).

A deployment takes ``?dry_run=true``: its three requests are built and checked, nothing
is sent to AWS (docs/api.md).
"""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models.dry_run import DryRunQuery
from ...domain.models.launch import CreateDeployment, LaunchKey, LaunchQuery, NewLaunchRecord
from ...training import DeploymentChoices
from .base import SharedModelsHandler


class EntryDeploymentsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, entry_id: str) -> None:
        dry_run = self.parse_query(DryRunQuery).dry_run
        body = self.parse_body(CreateDeployment)
        choices = DeploymentChoices(
            role_arn=body.role_arn,
            endpoint_name=body.endpoint_name,
            instance_type=body.instance_type,
            instance_count=body.instance_count,
        )
        launcher = self.services.launcher
        if dry_run:
            self.send_json(await self.run(launcher.check_deployment, self.me, entry_id, choices))
            return
        created = await self.run_aws(launcher.deploy, self.me, entry_id, choices)
        self.send_json(created, status=201)


class DeploymentHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self, endpoint_name: str) -> None:
        self.send_json(await self.run_aws(self.services.launcher.deployment, endpoint_name))


class LaunchesHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(LaunchQuery)
        self.send_json(await self.run(self.catalog_services.launch_book.page, self.me, query))

    @web.authenticated
    @authorized
    async def post(self) -> None:
        body = self.parse_body(NewLaunchRecord)
        self.send_json(await self.run(self.catalog_services.launch_book.record, self.me, body), 201)

    @web.authenticated
    @authorized
    async def delete(self) -> None:
        key = self.parse_query(LaunchKey)
        await self.run(self.catalog_services.launch_book.forget, self.me, key)
        self.set_status(204)
        self.finish()


class LaunchNamesHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self, entry_id: str) -> None:
        self.send_json(await self.run(self.services.launcher.launch_names, self.me, entry_id))
