"""Training jobs: the request an entry gives, launching it, status, stop, recent jobs.

A launch takes ``?dry_run=true``: the whole request is built and checked, nothing is
sent to AWS (docs/api.md).
"""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models.containers import TrainingJobListQuery
from ...domain.models.dry_run import DryRunQuery
from ...domain.models.launch import LaunchTrainingJob, TrainingJobRequestQuery
from ...services.containers import recent_training_jobs
from ...training import TrainingChoices
from .base import SharedModelsHandler


def _choices(body: LaunchTrainingJob | TrainingJobRequestQuery) -> TrainingChoices:
    return TrainingChoices(
        role_arn=body.role_arn,
        hyperparameters=body.hyperparameters or {},
        instance_type=body.instance_type,
        instance_count=body.instance_count,
        job_name=body.job_name,
    )


class TrainingJobRequestHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self, entry_id: str) -> None:
        query = self.parse_query(TrainingJobRequestQuery)
        launcher = self.services.launcher
        request = await self.run(launcher.training_job_request, self.me, entry_id, _choices(query))
        self.send_json(request.to_api())


class EntryTrainingJobsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, entry_id: str) -> None:
        dry_run = self.parse_query(DryRunQuery).dry_run
        body = self.parse_body(LaunchTrainingJob)
        launcher = self.services.launcher
        if dry_run:
            self.send_json(
                await self.run(launcher.check_training_job, self.me, entry_id, _choices(body))
            )
            return
        launched = await self.run_aws(
            launcher.launch_training_job, self.me, entry_id, _choices(body)
        )
        self.send_json(launched, status=201)


class TrainingJobsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(TrainingJobListQuery)
        self.send_json(await self.run_aws(recent_training_jobs, self.services.sagemaker, query))


class TrainingJobHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self, job_name: str) -> None:
        self.send_json(await self.run_aws(self.services.launcher.training_job, job_name))


class StopTrainingJobHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, job_name: str) -> None:
        self.send_json(await self.run_aws(self.services.launcher.stop_training_job, job_name))
