"""Dataset checks: do the training and validation CSV headers agree?"""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models import DatasetCheckRequest
from ...services.datasets import check_headers, entry_dataset_uris
from .base import SharedModelsHandler


class EntryDatasetCheckHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, entry_id: str) -> None:
        entry = await self.run(self.services.catalog.get, self.me, entry_id)
        training = entry.training.model_dump(mode="json") if entry.training else None
        train, valid = entry_dataset_uris(training)
        self.send_json(await self.run_aws(check_headers, self.services.s3, train, valid))


class DatasetCheckHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self) -> None:
        body = self.parse_body(DatasetCheckRequest)
        result = await self.run_aws(
            check_headers, self.services.s3, body.training_data_uri, body.validation_data_uri
        )
        self.send_json(result)
