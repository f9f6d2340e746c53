"""The container pickers: Deep Learning Containers, ECR images, existing training jobs."""

from __future__ import annotations

import re
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, Field, model_validator

from ._common import RequestModel, matches
from .entries import UtcDatetime

Processor = Literal["cpu", "gpu"]
ImageScope = Literal["training", "inference"]

REGION_PATTERN: Final = re.compile(r"[a-z]{2}(-[a-z]+)+-\d{1,2}")
_ECR_REPOSITORY = re.compile(r"(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*")
_PYTHON = re.compile(r"py\d{1,3}")
_NAME_PART = re.compile(r"[a-zA-Z0-9-]+")

Region = Annotated[
    str,
    Field(max_length=32, examples=["us-east-1"]),
    matches(REGION_PATTERN, "an AWS region looks like us-east-1"),
]


class QueryModel(RequestModel):
    """A query string's model: an empty parameter (``?region=``) means unset."""

    @model_validator(mode="before")
    @classmethod
    def _empty_means_unset(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value != ""}
        return data


# -- Deep Learning Containers (GET /options, GET /dlc-image) -------------------


class DlcBuild(BaseModel):
    """How one processor's image of a release is tagged."""

    os: str = Field(examples=["ubuntu22.04"])
    cuda: str | None = Field(default=None, examples=["cu124"], description="GPU images only")


class DlcVersion(BaseModel):
    """One framework release: its Python versions and the processors it is built for."""

    version: str = Field(examples=["2.5.1"])
    python: list[Annotated[str, matches(_PYTHON, "a Python version looks like py311")]]
    processors: dict[Processor, DlcBuild]


class DlcFamily(BaseModel):
    """The training (or inference) images of a framework: one ECR repository."""

    repository: str = Field(examples=["pytorch-training"])
    versions: list[DlcVersion] = Field(description="Newest first")


class DlcFramework(BaseModel):
    id: str = Field(examples=["pytorch"])
    label: str
    training: DlcFamily | None = None
    inference: DlcFamily | None = None


class DlcRegistries(BaseModel):
    """The account of the DLC registry in each region (most regions share the default)."""

    default_account: str
    accounts: dict[str, str] = Field(description="Regions whose registry is another account")


class DeepLearningContainers(BaseModel):
    """The Deep Learning Container choices: framework → scope → version → processor → Python.

    URI: ``ACCOUNT.dkr.ecr.REGION.amazonaws.com[.cn]/REPOSITORY:TAG`` with TAG
    ``{version}-{cpu|gpu}-{python}[-{cuda}]-{os}-sagemaker``; ``GET /dlc-image`` builds it.
    """

    frameworks: list[DlcFramework]
    registries: DlcRegistries


class DlcImageQuery(QueryModel):
    """``GET /dlc-image``: one Deep Learning Container, for a region."""

    framework: Annotated[str, Field(min_length=1, max_length=64, examples=["pytorch"])]
    scope: ImageScope = "training"
    version: Annotated[str, Field(min_length=1, max_length=64, examples=["2.5.1"])]
    processor: Processor
    python: Annotated[
        str,
        Field(
            min_length=1,
            max_length=16,
            examples=["py311"],
            description="py311 (3.11 and 311 are accepted too)",
        ),
    ]
    region: Region | None = Field(
        default=None, description="Default: the region of the server's AWS clients"
    )


class DlcImage(BaseModel):
    uri: str = Field(
        examples=[
            "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
            "pytorch-training:2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker"
        ]
    )
    account: str
    region: str
    repository: str
    tag: str


# -- ECR (GET /ecr/images) -----------------------------------------------------


class EcrImagesQuery(QueryModel):
    """``GET /ecr/images``: no ``repository`` lists repositories; else its images."""

    repository: (
        Annotated[
            str,
            Field(min_length=2, max_length=256),
            matches(_ECR_REPOSITORY, "an ECR repository name looks like team/churn-training"),
        ]
        | None
    ) = None


class EcrRepository(BaseModel):
    name: str
    uri: str = Field(examples=["123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-training"])
    created_at: UtcDatetime | None = None


class EcrRepositoryList(BaseModel):
    repositories: list[EcrRepository] = Field(description="By name")
    truncated: bool = Field(description="True when there were more than the server lists")


class EcrImage(BaseModel):
    """One tag of an image (an untagged image appears once, with its digest)."""

    tag: str | None
    digest: str
    uri: str = Field(
        description="repository URI :tag, or @digest for an untagged image",
        examples=["123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-training:1.4"],
    )
    pushed_at: UtcDatetime | None = None
    size_bytes: int | None = None


class EcrImageList(BaseModel):
    repository: str
    repository_uri: str
    images: list[EcrImage] = Field(description="Newest first")
    truncated: bool = Field(description="True when there were more than the server lists")


# -- existing training jobs (GET /training-jobs) -------------------------------


class TrainingJobListQuery(QueryModel):
    """``GET /training-jobs``: recent training jobs of the account, newest first."""

    name_contains: (
        Annotated[
            str,
            Field(max_length=63),
            matches(_NAME_PART, "search with letters, digits and hyphens, as in job names"),
        ]
        | None
    ) = None
    limit: Annotated[int, Field(ge=1, le=50)] = 20
    cursor: Annotated[str, Field(max_length=4096)] | None = Field(
        default=None, description="next_cursor of the previous page"
    )


class TrainingJobSummary(BaseModel):
    name: str
    arn: str
    status: str = Field(examples=["Completed"])
    created_at: UtcDatetime | None = None
    image: str | None = Field(
        description="The job's training image; null for a job of a SageMaker algorithm"
    )
    instance_type: str | None = None


class TrainingJobList(BaseModel):
    items: list[TrainingJobSummary]
    next_cursor: str | None = None
