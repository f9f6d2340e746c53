"""SageMaker private hubs: ListHubs, CreateHub, ImportHubContent, DescribeHubContent.

Through the shared SageMaker client (``SageMakerCalls``) and SageMaker's error rules
(``aws/sagemaker.py``: "not found" → 404, a taken name → ``NameInUse``). SageMaker
says "this hub content version exists" with ``ResourceInUse``; the domain turns that
into an idempotent retry.
"""

from __future__ import annotations

from typing import Any

from .errors import refused_page_token
from .sagemaker import SageMakerCalls, sagemaker_errors


class HubService(SageMakerCalls):
    """Private hubs and their content."""

    def list_hubs(self, limit: int, cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
        request: dict[str, Any] = {
            "MaxResults": limit,
            "SortBy": "HubName",
            "SortOrder": "Ascending",
        }
        if cursor:
            request["NextToken"] = cursor
        with sagemaker_errors(), refused_page_token(cursor):
            reply = self._sm.list_hubs(**request)
        return list(reply.get("HubSummaries", [])), reply.get("NextToken") or None

    def create_hub(self, request: dict[str, Any]) -> str:
        with sagemaker_errors(request["HubName"]):
            return str(self._sm.create_hub(**request)["HubArn"])

    def describe_hub(self, name: str) -> dict[str, Any]:
        with sagemaker_errors():
            reply: dict[str, Any] = self._sm.describe_hub(HubName=name)
        return reply

    def import_hub_content(self, request: dict[str, Any]) -> str:
        """The hub content's ARN; ``NameInUse`` when this version was imported already."""
        with sagemaker_errors(request["HubContentName"]):
            return str(self._sm.import_hub_content(**request)["HubContentArn"])

    def describe_hub_content(
        self, hub_name: str, content_type: str, content_name: str, version: str | None = None
    ) -> dict[str, Any]:
        """The content's latest version (or ``version``); 404 when it is not in the hub."""
        request = {
            "HubName": hub_name,
            "HubContentType": content_type,
            "HubContentName": content_name,
        }
        if version is not None:
            request["HubContentVersion"] = version
        with sagemaker_errors():
            reply: dict[str, Any] = self._sm.describe_hub_content(**request)
        return reply
