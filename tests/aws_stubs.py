"""The server's own boto3 clients under botocore's Stubber, and a record of the
requests they send: for AWS services moto lacks (Clean Rooms ML, SageMaker hubs)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from botocore import xform_name
from botocore.stub import Stubber


def server_client(serverapp: Any, service: str) -> Any:
    """The interactive client the extension uses for ``service``."""
    return serverapp.web_app.settings["shared_models"].aws.client(service)


class OperationStubber(Stubber):
    """A Stubber that takes the API's operation names (``CreateConfiguredModelAlgorithm``)."""

    def add_response(self, method: str, *args: Any, **kwargs: Any) -> None:
        super().add_response(xform_name(method), *args, **kwargs)

    def add_client_error(self, method: str, *args: Any, **kwargs: Any) -> None:
        super().add_client_error(xform_name(method), *args, **kwargs)


@contextmanager
def stubbed(serverapp: Any, service: str) -> Iterator[OperationStubber]:
    """``service``'s client answered by a Stubber (nothing queued: any call fails)."""
    stubber = OperationStubber(server_client(serverapp, service))
    stubber.activate()
    try:
        yield stubber
    finally:
        stubber.deactivate()


def record_requests(serverapp: Any, service: str) -> dict[str, list[dict[str, Any]]]:
    """Every request of ``service`` the server builds, by operation, as it passed them."""
    found: dict[str, list[dict[str, Any]]] = {}

    def record(params: dict[str, Any], model: Any, **_: Any) -> None:
        found.setdefault(model.name, []).append(copy.deepcopy(params))

    server_client(serverapp, service).meta.events.register(
        f"before-parameter-build.{service}", record
    )
    return found
