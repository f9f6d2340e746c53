"""Deployments (endpoints) and "my launches"."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models.launch import CreateDeployment, LaunchQuery
from ...training import DeploymentChoices
from .base import SharedModelsHandler


class EntryDeploymentsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, entry_id: str) -> None:
        body = self.parse_body(CreateDeployment)
        choices = DeploymentChoices(
            role_arn=body.role_arn,
            endpoint_name=body.endpoint_name,
            instance_type=body.instance_type,
            instance_count=body.instance_count,
        )
        created = await self.run_aws(self.services.launcher.deploy, self.me, entry_id, choices)
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
        self.send_json(await self.run(self.services.launcher.launches, self.me, query))
