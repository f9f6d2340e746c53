"""/me, /options, /id-suggestions and /openapi.json."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ...domain.models import IdSuggestion, IdSuggestionQuery, Me, build_options
from .base import SharedModelsHandler


class MeHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        identity = self.identity
        self.send_json(Me(username=identity.username, display_name=identity.display_name))


class OptionsHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        self.send_json(build_options())


class IdSuggestionHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        query = self.parse_query(IdSuggestionQuery)
        suggestion = await self.run(
            self.catalog_services.catalog.suggest_id, query.title, query.kind
        )
        self.send_json(IdSuggestion(id=suggestion))


class OpenAPIHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        # Imported here: the document is made from the operations table, which names
        # this handler (api/operations/catalog.py).
        from ..openapi import build_openapi

        self.send_json(build_openapi(self.base_url))
