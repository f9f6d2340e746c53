"""SageMaker: training jobs, models, endpoint configurations, endpoints.

Every call goes through the shared client (standard retries: throttling is retried
by botocore) and its failures become the product's errors. Beyond ``aws_errors``:
SageMaker says "not found" with a ``ValidationException`` (→ 404), and "that name is
taken" with ``ResourceInUse`` or "Cannot create already existing …" (→ ``NameInUse``,
which the launcher turns into an idempotent retry or a 409).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from ..domain.errors import Conflict, NotFound, SharedModelsError
from .clients import AwsClients
from .errors import refused_page_token, translate, upstream_text

_NOT_FOUND: Final = re.compile(r"not found|could not find|does not exist", re.IGNORECASE)
_ALREADY_EXISTS: Final = re.compile(r"already exist", re.IGNORECASE)
_DESCRIBE_WORKERS: Final = 8


class NameInUse(Conflict):
    """SageMaker already has a resource of this kind with this name."""

    def __init__(self, message: str, name: str) -> None:
        super().__init__(message)
        self.name = name


def _sagemaker_error(error: BotoCoreError | ClientError, name: str | None) -> SharedModelsError:
    if isinstance(error, ClientError):
        code, message, text = upstream_text(error)
        if name is not None and (
            code == "ResourceInUse"
            or (code == "ValidationException" and _ALREADY_EXISTS.search(message))
        ):
            return NameInUse(text, name)
        if code == "ValidationException" and _NOT_FOUND.search(message):
            return NotFound(text)
    return translate(error)


@contextmanager
def sagemaker_errors(name: str | None = None) -> Iterator[None]:
    """Run SageMaker calls about ``name``; re-raise failures as the product's errors."""
    try:
        yield
    except (BotoCoreError, ClientError) as error:
        raise _sagemaker_error(error, name) from None


class SageMakerCalls:
    """Calls through the shared SageMaker client: the training and deployment calls
    below, and the private hubs' (``aws/hubs.py``). Blocking: run them off the event
    loop (``AwsPool``). A client that cannot be made fails as the product's error
    (``AwsClients.client``)."""

    def __init__(self, clients: AwsClients) -> None:
        self._clients = clients

    @property
    def _sm(self) -> Any:
        return self._clients.client("sagemaker")

    @property
    def region(self) -> str:
        """The region the SageMaker client talks to."""
        return str(self._sm.meta.region_name)


class SageMakerService(SageMakerCalls):
    """Training jobs, models, endpoint configurations and endpoints."""

    # -- training jobs ---------------------------------------------------------

    def create_training_job(self, request: dict[str, Any]) -> str:
        """Create the job; its ARN. ``NameInUse`` when the name is taken."""
        with sagemaker_errors(request["TrainingJobName"]):
            return str(self._sm.create_training_job(**request)["TrainingJobArn"])

    def describe_training_job(self, name: str) -> dict[str, Any]:
        with sagemaker_errors():
            reply: dict[str, Any] = self._sm.describe_training_job(TrainingJobName=name)
        return reply

    def stop_training_job(self, name: str) -> None:
        try:
            self._sm.stop_training_job(TrainingJobName=name)
        except ClientError as error:
            code, message, text = upstream_text(error)
            if code == "ValidationException" and not _NOT_FOUND.search(message):
                # e.g. "The request was rejected because the training job is in status Completed."
                raise Conflict(text) from None
            raise _sagemaker_error(error, None) from None
        except BotoCoreError as error:
            raise translate(error) from None

    def list_training_jobs(
        self, name_contains: str | None, limit: int, cursor: str | None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of the newest training jobs, each described (for its image)."""
        request: dict[str, Any] = {
            "SortBy": "CreationTime",
            "SortOrder": "Descending",
            "MaxResults": limit,
        }
        if name_contains:
            request["NameContains"] = name_contains
        if cursor:
            request["NextToken"] = cursor
        with sagemaker_errors(), refused_page_token(cursor):
            reply = self._sm.list_training_jobs(**request)
        summaries = sorted(
            reply.get("TrainingJobSummaries", []),
            key=lambda job: job.get("CreationTime") or 0,
            reverse=True,
        )
        with ThreadPoolExecutor(max_workers=_DESCRIBE_WORKERS) as pool:
            details = list(pool.map(self._describe_or_none, summaries))
        jobs = [
            {**summary, **(detail or {})}
            for summary, detail in zip(summaries, details, strict=True)
        ]
        return jobs, reply.get("NextToken")

    def _describe_or_none(self, summary: dict[str, Any]) -> dict[str, Any] | None:
        """A job's description; None when it vanished between the list and now."""
        try:
            return self.describe_training_job(summary["TrainingJobName"])
        except NotFound:
            return None

    # -- deployments -----------------------------------------------------------

    def create_model(self, request: dict[str, Any]) -> str:
        with sagemaker_errors(request["ModelName"]):
            return str(self._sm.create_model(**request)["ModelArn"])

    def create_endpoint_config(self, request: dict[str, Any]) -> str:
        with sagemaker_errors(request["EndpointConfigName"]):
            reply = self._sm.create_endpoint_config(**request)
        return str(reply["EndpointConfigArn"])

    def create_endpoint(self, request: dict[str, Any]) -> str:
        with sagemaker_errors(request["EndpointName"]):
            return str(self._sm.create_endpoint(**request)["EndpointArn"])

    def model_arn(self, name: str) -> str:
        with sagemaker_errors():
            return str(self._sm.describe_model(ModelName=name)["ModelArn"])

    def endpoint_config_arn(self, name: str) -> str:
        return str(self.describe_endpoint_config(name)["EndpointConfigArn"])

    def describe_endpoint_config(self, name: str) -> dict[str, Any]:
        with sagemaker_errors():
            reply: dict[str, Any] = self._sm.describe_endpoint_config(EndpointConfigName=name)
        return reply

    def describe_endpoint(self, name: str) -> dict[str, Any]:
        with sagemaker_errors():
            reply: dict[str, Any] = self._sm.describe_endpoint(EndpointName=name)
        return reply

    # -- tags ------------------------------------------------------------------

    def tags(self, arn: str) -> list[dict[str, str]]:
        """Every tag of a SageMaker resource."""
        found: list[dict[str, str]] = []
        paginator = self._sm.get_paginator("list_tags")
        with sagemaker_errors():
            for page in paginator.paginate(ResourceArn=arn):
                found.extend(page.get("Tags", []))
        return found
