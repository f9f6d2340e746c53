"""/s3 and /s3/exists: browse buckets and prefixes; check that a URI exists."""

from __future__ import annotations

from dataclasses import asdict

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models import BucketList, S3Exists, S3ExistsQuery, S3Listing, S3Query
from .base import SharedModelsHandler


class S3Handler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(S3Query)
        s3 = self.services.s3
        if query.uri is None:
            names = await self.run_aws(s3.buckets)
            self.send_json(BucketList(buckets=[{"name": n, "uri": f"s3://{n}/"} for n in names]))
            return
        listing = await self.run_aws(s3.list, query.uri, query.cursor, query.limit)
        self.send_json(S3Listing.model_validate(asdict(listing)))


class S3ExistsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(S3ExistsQuery)
        exists = await self.run_aws(self.services.s3.exists, query.uri)
        self.send_json(S3Exists(uri=query.uri, exists=exists))
