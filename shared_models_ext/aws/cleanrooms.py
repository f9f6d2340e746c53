"""AWS Clean Rooms ML (botocore service ``cleanroomsml``): configured model algorithms.

Every call goes through the shared client factory (``aws/clients.py``: standard retries,
so throttling is retried; the service-specific ``AWS_ENDPOINT_URL_CLEANROOMSML`` is
honoured by boto3 itself) and its failures become the product's errors. Beyond
``aws_errors``: ``ConflictException`` (the name is taken) → ``NameInUse``, which the
domain turns into an idempotent retry or a 409; ``ValidationException`` → 400 with AWS's
words (the request broke a rule the service model cannot express).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from ..domain.errors import InvalidInput, SharedModelsError
from .clients import AwsClients
from .errors import translate, upstream_text
from .sagemaker import NameInUse

SERVICE: Final = "cleanroomsml"


def _cleanrooms_error(error: BotoCoreError | ClientError, name: str | None) -> SharedModelsError:
    if isinstance(error, ClientError):
        code, _, text = upstream_text(error)
        if code == "ConflictException" and name is not None:
            return NameInUse(text, name)
        if code == "ValidationException":
            return InvalidInput(text)
    return translate(error)


@contextmanager
def cleanrooms_errors(name: str | None = None) -> Iterator[None]:
    """Run Clean Rooms ML calls about ``name``; re-raise failures as the product's errors."""
    try:
        yield
    except (BotoCoreError, ClientError) as error:
        raise _cleanrooms_error(error, name) from None


class CleanRoomsMLService:
    """Blocking calls: run them off the event loop (``AwsPool``)."""

    def __init__(self, clients: AwsClients) -> None:
        self._clients = clients

    @property
    def _client(self) -> Any:
        return self._clients.client(SERVICE)

    @property
    def region(self) -> str:
        with cleanrooms_errors():
            return str(self._client.meta.region_name)

    def create_configured_model_algorithm(self, request: dict[str, Any]) -> str:
        """Its ARN; ``NameInUse`` when Clean Rooms ML says the name is taken."""
        with cleanrooms_errors(request["name"]):
            reply = self._client.create_configured_model_algorithm(**request)
        return str(reply["configuredModelAlgorithmArn"])

    def find_configured_model_algorithm(self, name: str) -> str | None:
        """The ARN of this account's configured model algorithm named ``name``, if any."""
        with cleanrooms_errors():
            paginator = self._client.get_paginator("list_configured_model_algorithms")
            for page in paginator.paginate():
                for summary in page.get("configuredModelAlgorithms", []):
                    if summary.get("name") == name:
                        return str(summary["configuredModelAlgorithmArn"])
        return None

    def create_association(self, request: dict[str, Any]) -> str:
        """The association's ARN; ``NameInUse`` when the name is taken in the membership."""
        with cleanrooms_errors(request["name"]):
            reply = self._client.create_configured_model_algorithm_association(**request)
        return str(reply["configuredModelAlgorithmAssociationArn"])

    def find_association(self, membership_id: str, name: str, algorithm_arn: str) -> str | None:
        """The ARN of the membership's association ``name`` of ``algorithm_arn``, if any."""
        with cleanrooms_errors():
            paginator = self._client.get_paginator("list_configured_model_algorithm_associations")
            for page in paginator.paginate(membershipIdentifier=membership_id):
                for summary in page.get("configuredModelAlgorithmAssociations", []):
                    if (
                        summary.get("name") == name
                        and summary.get("configuredModelAlgorithmArn") == algorithm_arn
                    ):
                        return str(summary["configuredModelAlgorithmAssociationArn"])
        return None

    def tags(self, arn: str) -> dict[str, str]:
        with cleanrooms_errors():
            reply = self._client.list_tags_for_resource(resourceArn=arn)
        return {str(key): str(value) for key, value in reply.get("tags", {}).items()}
