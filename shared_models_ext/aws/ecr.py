"""ECR: the account's repositories, and the images of one (newest first, with URIs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from .clients import AwsClients
from .errors import aws_errors

MAX_ITEMS: Final = 5000  # listed per request; more is reported as truncated


@dataclass(frozen=True)
class Repository:
    name: str
    uri: str
    created_at: datetime | None


@dataclass(frozen=True)
class Image:
    tag: str | None
    digest: str
    uri: str
    pushed_at: datetime | None
    size_bytes: int | None


class EcrService:
    def __init__(self, clients: AwsClients) -> None:
        self._clients = clients

    @property
    def _ecr(self) -> Any:
        return self._clients.client("ecr")

    def repositories(self) -> tuple[list[Repository], bool]:
        """Every repository of the account's registry, by name; True when truncated."""
        found: list[Repository] = []
        paginator = self._ecr.get_paginator("describe_repositories")
        with aws_errors():
            for page in paginator.paginate(PaginationConfig={"MaxItems": MAX_ITEMS + 1}):
                found.extend(
                    Repository(
                        name=item["repositoryName"],
                        uri=item["repositoryUri"],
                        created_at=item.get("createdAt"),
                    )
                    for item in page.get("repositories", [])
                )
        found.sort(key=lambda repository: repository.name)
        return found[:MAX_ITEMS], len(found) > MAX_ITEMS

    def images(self, repository: str) -> tuple[str, list[Image], bool]:
        """The repository's URI and its images, one per tag, newest push first."""
        with aws_errors():
            described = self._ecr.describe_repositories(repositoryNames=[repository])
        repository_uri = str(described["repositories"][0]["repositoryUri"])
        details: list[dict[str, Any]] = []
        paginator = self._ecr.get_paginator("describe_images")
        with aws_errors():
            for page in paginator.paginate(
                repositoryName=repository, PaginationConfig={"MaxItems": MAX_ITEMS + 1}
            ):
                details.extend(page.get("imageDetails", []))
        truncated = len(details) > MAX_ITEMS
        images = [
            image for detail in details[:MAX_ITEMS] for image in _images(repository_uri, detail)
        ]
        images.sort(key=_newest_first)
        return repository_uri, images, truncated


def _images(repository_uri: str, detail: dict[str, Any]) -> list[Image]:
    digest = str(detail["imageDigest"])
    pushed_at = detail.get("imagePushedAt")
    size = detail.get("imageSizeInBytes")
    tags = sorted(detail.get("imageTags") or [])
    if not tags:
        return [Image(None, digest, f"{repository_uri}@{digest}", pushed_at, size)]
    return [Image(tag, digest, f"{repository_uri}:{tag}", pushed_at, size) for tag in tags]


def _newest_first(image: Image) -> tuple[float, str]:
    pushed = image.pushed_at.timestamp() if image.pushed_at else 0.0
    return (-pushed, image.tag or "")
