"""One place that makes boto3 clients: credentials chain, region, endpoint, retries.

Two flavours of each service's client, same credentials and endpoint:

- **interactive** (the default): what a request waits for (browse S3, share or open a
  notebook, SageMaker and ECR calls). A small retry budget and short timeouts, so a
  hanging endpoint or throttling reaches the user in seconds and always within
  ``SharedModelsApp.aws_deadline_seconds`` (``aws/pool.py``).
- **long** (``long=True``): work nobody waits on in a request (local runs' S3
  downloads and uploads, large transfers). The full retry budget and read timeout.
"""

from __future__ import annotations

import os
import threading
from typing import Any, Final

import boto3
import botocore.session
from botocore.config import Config

from .errors import aws_errors

# Standard retry mode retries throttling and transient errors with jittered
# exponential backoff. Interactive: 3 attempts in all (the first and two retries);
# against an endpoint that accepts and never answers that is 3 x 8 s plus backoff,
# so a call abandoned at the default 30 s deadline (aws/pool.py) has ended by then.
INTERACTIVE_CONFIG: Final = Config(
    retries={"total_max_attempts": 3, "mode": "standard"},
    connect_timeout=3,
    read_timeout=8,
    user_agent_extra="shared-models-ext",
)
# Long: 11 attempts in all (``max_attempts`` counts the retries).
LONG_CONFIG: Final = Config(
    retries={"max_attempts": 10, "mode": "standard"},
    connect_timeout=5,
    read_timeout=60,
    user_agent_extra="shared-models-ext",
)


def service_endpoint_variable(service: str) -> str | None:
    """The value of ``service``'s own endpoint variable, as boto3 names it (from the
    service model's ``serviceId``: ``CleanRoomsML`` → ``AWS_ENDPOINT_URL_CLEANROOMSML``)."""
    service_id = botocore.session.get_session().get_service_model(service).service_id
    name = "AWS_ENDPOINT_URL_" + str(service_id).upper().replace(" ", "_")
    return os.environ.get(name) or None


class AwsClients:
    """boto3 clients made once and reused (they are thread-safe).

    Credentials come from boto3's standard chain (environment, profile, instance
    or execution role). Endpoints, most specific first: a service's own variable
    (``AWS_ENDPOINT_URL_SAGEMAKER``, ``AWS_ENDPOINT_URL_CLEANROOMSML``, …), then
    ``endpoint_url`` (the ``aws_endpoint_url`` setting) for every other service, then
    ``AWS_ENDPOINT_URL``, then AWS's own; boto3 itself reads the variables.
    """

    def __init__(self, region: str | None = None, endpoint_url: str | None = None) -> None:
        self._region = region or None
        self._endpoint_url = endpoint_url or None
        self._clients: dict[tuple[str, bool], Any] = {}
        self._lock = threading.Lock()
        self._session: boto3.session.Session | None = None

    def client(self, service: str, *, long: bool = False) -> Any:
        """The shared client for ``service`` (``s3``, ``sagemaker``, ``ecr``, …).

        ``long=True``: the client for long operations (full retry budget).
        """
        key = (service, long)
        client = self._clients.get(key)
        if client is not None:
            return client
        with self._lock, aws_errors():
            if key not in self._clients:
                if self._session is None:
                    self._session = boto3.session.Session(region_name=self._region)
                config = LONG_CONFIG if long else INTERACTIVE_CONFIG
                kwargs: dict[str, Any] = {"config": config}
                if self._endpoint_url and not service_endpoint_variable(service):
                    kwargs["endpoint_url"] = self._endpoint_url
                self._clients[key] = self._session.client(service, **kwargs)  # type: ignore[call-overload]
            return self._clients[key]
