"""/ecr/images and /dlc-image: the "your ECR image" and "Deep Learning Container" pickers."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models.containers import DlcImageQuery, EcrImagesQuery
from ...services.containers import deep_learning_container, ecr_images, ecr_repositories
from .base import SharedModelsHandler


class EcrImagesHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(EcrImagesQuery)
        ecr = self.services.ecr
        if query.repository is None:
            self.send_json(await self.run_aws(ecr_repositories, ecr))
        else:
            self.send_json(await self.run_aws(ecr_images, ecr, query.repository))


class DlcImageHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(DlcImageQuery)
        self.send_json(await self.run_aws(deep_learning_container, self.services.sagemaker, query))
