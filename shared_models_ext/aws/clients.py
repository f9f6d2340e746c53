"""One place that makes boto3 clients: credentials chain, region, endpoint, retries."""

from __future__ import annotations

import threading
from typing import Any

import boto3
from botocore.config import Config

from .errors import aws_errors

# Standard retry mode retries throttling and transient errors with backoff.
CLIENT_CONFIG = Config(
    retries={"max_attempts": 10, "mode": "standard"},
    connect_timeout=5,
    read_timeout=60,
    user_agent_extra="shared-models-ext",
)


class AwsClients:
    """boto3 clients made once and reused (they are thread-safe).

    Credentials come from boto3's standard chain (environment, profile, instance
    or execution role); ``AWS_ENDPOINT_URL`` is honoured by botocore itself.
    ``endpoint_url`` overrides it for every service (S3-compatible stores).
    """

    def __init__(self, region: str | None = None, endpoint_url: str | None = None) -> None:
        self._region = region or None
        self._endpoint_url = endpoint_url or None
        self._clients: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._session: boto3.session.Session | None = None

    def client(self, service: str) -> Any:
        """The shared client for ``service`` (``s3``, ``sagemaker``, ``ecr``, …)."""
        client = self._clients.get(service)
        if client is not None:
            return client
        with self._lock, aws_errors():
            if service not in self._clients:
                if self._session is None:
                    self._session = boto3.session.Session(region_name=self._region)
                kwargs: dict[str, Any] = {"config": CLIENT_CONFIG}
                if self._endpoint_url:
                    kwargs["endpoint_url"] = self._endpoint_url
                self._clients[service] = self._session.client(service, **kwargs)  # type: ignore[call-overload]
            return self._clients[service]
