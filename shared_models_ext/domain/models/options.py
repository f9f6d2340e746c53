"""``GET /options``: the vocabularies with labels, the instance types to offer, and the
rules the server checks a form's fields with (``rules``), so the UI can check as the user
types without keeping its own copy of them (docs/api.md).

Every rule is read from the constant its validator uses: one source.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .. import vocabulary as vocab
from ..dlc import load_containers
from ..identity import MAX_USERNAME_LENGTH
from ..ids import ID_PATTERN, MAX_ID_LENGTH
from ..paging import DEFAULT_PAGE_SIZE, MAX_EXACT_TOTAL, MAX_PAGE_SIZE
from ._common import format_number
from .containers import DeepLearningContainers
from .entries import (
    CANVAS_DATA_TYPES,
    CANVAS_KINDS,
    COLUMN_FORMAT_DATA_TYPES,
    MAX_CANVAS_USERS,
    MAX_DESCRIPTION_BYTES,
    MAX_SEARCH_LENGTH,
    MAX_SHARED_USERS,
    MAX_TITLE_LENGTH,
)
from .keywords import MAX_KEYWORD_LENGTH, MAX_KEYWORDS, NORMALIZATION, SEPARATOR_PATTERN
from .launch import ENDPOINT_FINAL_STATUSES, TRAINING_JOB_FINAL_STATUSES
from .local_runs import (
    DEFAULT_OUTPUT,
    DEFAULT_SEED,
    DEFAULT_SYNTHETIC_ROWS,
    FINAL_LOCAL_RUN_STATUSES,
    MAX_SYNTHETIC_ROWS,
)
from .training import MAX_CHANNELS, MIN_CHANNELS


class Choice(BaseModel):
    """A vocabulary id and its label for people."""

    id: str
    label: str


class InstanceTypeInfo(BaseModel):
    """A SageMaker ML instance type and what it offers."""

    id: str = Field(examples=["ml.g5.2xlarge"])
    label: str
    gpu: bool
    memory_gib: float
    vcpus: int
    accelerators: int = Field(description="Number of GPUs or Inferentia chips")
    accelerator: str | None = Field(description="e.g. NVIDIA A10G; null without one")
    accelerator_memory_gib: float = Field(description="Total memory of the accelerators")


class InstanceTypeOptions(BaseModel):
    training: list[InstanceTypeInfo]
    inference: list[InstanceTypeInfo]


class KeywordRules(BaseModel):
    """How the server reads ``keywords``."""

    separator_pattern: str = Field(
        description="A regular-expression character class (its source, for "
        "`new RegExp(pattern, 'g')` in JavaScript or `re.compile` in Python) matching "
        "every keyword separator: each character Python's str.isspace() calls whitespace "
        f"(not U+FEFF), and the comma. {NORMALIZATION}: that is the stored list (lowercase "
        "as Python's str.lower(); JavaScript's toLowerCase() differs for a few characters)",
        examples=[SEPARATOR_PATTERN],
    )
    max_count: int = Field(description="At most this many keywords, after normalisation")
    max_length: int = Field(description="Each keyword at most this many characters")


class IdRules(BaseModel):
    """An entry ID (given, or derived from the title)."""

    pattern: str = Field(description="A regular expression the whole ID matches")
    max_length: int


class TitleRules(BaseModel):
    max_length: int = Field(
        description="Characters, after leading and trailing whitespace is stripped"
    )


class DescriptionRules(BaseModel):
    max_bytes: int = Field(description="UTF-8 bytes, after CRLF and CR become LF")


class CanvasRules(BaseModel):
    """Which entries may be shared with SageMaker Canvas users."""

    kinds: list[vocab.Kind] = Field(description="An entry of one of these kinds…")
    data_types: list[vocab.DataType] = Field(description="…and of one of these data types")


class ShareRules(BaseModel):
    max_users: int = Field(description="Named users an entry is shared with")
    max_canvas_users: int = Field(description="SageMaker Canvas users (where `canvas` allows)")
    max_user_name_length: int = Field(description="Characters of one user name")
    canvas: CanvasRules = Field(description="Who may have Canvas users at all")


class PageRules(BaseModel):
    """``limit`` of ``GET /entries``."""

    max_limit: int
    default_limit: int
    max_exact_total: int = Field(
        description="A page's total is exact up to this many matches; beyond, a lower bound"
    )


class SearchRules(BaseModel):
    """``q`` of ``GET /entries``."""

    max_length: int = Field(description="Characters of the search text")


class TrainingRules(BaseModel):
    """An entry's ``training``."""

    min_channels: int
    max_channels: int = Field(description="Also of a local run's `channels`")
    column_format_data_types: list[vocab.DataType] = Field(
        description="The data types whose training has a column format (`tabular`), and "
        "needs one; the others have none"
    )


class FinalStatuses(BaseModel):
    final: list[str] = Field(description="The statuses after which polling stops")


class StatusRules(BaseModel):
    """The statuses of what "My launches" polls, by launch kind."""

    model_config = ConfigDict(serialize_by_alias=True, validate_by_name=True)

    training_job: FinalStatuses = Field(
        alias="training-job", description="TrainingJobStatus of GET /training-jobs/{name}"
    )
    endpoint: FinalStatuses = Field(
        description="EndpointStatus of GET /deployments/{endpoint_name}"
    )
    local_run: FinalStatuses = Field(alias="local-run", description="GET /local-runs/{run_id}")


class LocalRunRules(BaseModel):
    """What ``POST /entries/{id}/local-runs`` does with what it is not given."""

    default_synthetic_rows: int = Field(description="`synthetic_rows` when not given")
    max_synthetic_rows: int
    default_seed: int = Field(description="`seed` when not given")
    default_output: str = Field(description="`output` when not given: a workspace folder")


class Rules(BaseModel):
    """What the server checks while a form is filled in, what it does with what a request
    leaves out, and which statuses are final: from the constants its code uses."""

    keywords: KeywordRules
    id: IdRules
    title: TitleRules
    description: DescriptionRules
    share: ShareRules
    page: PageRules
    search: SearchRules
    training: TrainingRules
    statuses: StatusRules
    local_runs: LocalRunRules


def build_rules() -> Rules:
    return Rules(
        keywords=KeywordRules(
            separator_pattern=SEPARATOR_PATTERN,
            max_count=MAX_KEYWORDS,
            max_length=MAX_KEYWORD_LENGTH,
        ),
        id=IdRules(pattern=ID_PATTERN.pattern, max_length=MAX_ID_LENGTH),
        title=TitleRules(max_length=MAX_TITLE_LENGTH),
        description=DescriptionRules(max_bytes=MAX_DESCRIPTION_BYTES),
        share=ShareRules(
            max_users=MAX_SHARED_USERS,
            max_canvas_users=MAX_CANVAS_USERS,
            max_user_name_length=MAX_USERNAME_LENGTH,
            canvas=CanvasRules(kinds=list(CANVAS_KINDS), data_types=list(CANVAS_DATA_TYPES)),
        ),
        page=PageRules(
            max_limit=MAX_PAGE_SIZE,
            default_limit=DEFAULT_PAGE_SIZE,
            max_exact_total=MAX_EXACT_TOTAL,
        ),
        search=SearchRules(max_length=MAX_SEARCH_LENGTH),
        training=TrainingRules(
            min_channels=MIN_CHANNELS,
            max_channels=MAX_CHANNELS,
            column_format_data_types=list(COLUMN_FORMAT_DATA_TYPES),
        ),
        statuses=StatusRules(
            training_job=FinalStatuses(final=list(TRAINING_JOB_FINAL_STATUSES)),
            endpoint=FinalStatuses(final=list(ENDPOINT_FINAL_STATUSES)),
            local_run=FinalStatuses(final=list(FINAL_LOCAL_RUN_STATUSES)),
        ),
        local_runs=LocalRunRules(
            default_synthetic_rows=DEFAULT_SYNTHETIC_ROWS,
            max_synthetic_rows=MAX_SYNTHETIC_ROWS,
            default_seed=DEFAULT_SEED,
            default_output=DEFAULT_OUTPUT,
        ),
    )


class Options(BaseModel):
    """Every choice list the wizards and filters offer, and the rules of their fields."""

    kinds: list[Choice]
    data_types: list[Choice]
    tasks: dict[str, list[Choice]] = Field(description="The tasks of each data type")
    frameworks: list[Choice]
    hyperparameter_types: list[Choice]
    scalings: list[Choice]
    column_types: list[Choice]
    image_sources: list[Choice]
    instance_types: InstanceTypeOptions
    deep_learning_containers: DeepLearningContainers = Field(
        description="AWS Deep Learning Container choices and their registry account per region "
        "(GET /dlc-image builds the URI of one)"
    )
    rules: Rules = Field(
        description="The limits and patterns the server checks fields with, its defaults, "
        "and the final statuses of what it launches"
    )


def _choices(labels: dict[str, str]) -> list[Choice]:
    return [Choice(id=key, label=label) for key, label in labels.items()]


@lru_cache(maxsize=1)
def _instance_table() -> tuple[dict[str, Any], ...]:
    resource = files("shared_models_ext").joinpath("data").joinpath("instance_types.json")
    text = resource.read_text("utf-8")
    return tuple(json.loads(text)["instance_types"])


def _label(row: dict[str, Any]) -> str:
    parts = [row["id"], f"{row['vcpus']} vCPUs", f"{format_number(row['memory_gib'])} GiB"]
    if row["accelerator"]:
        memory = format_number(row["accelerator_memory_gib"])
        parts.append(f"{row['accelerators']} x {row['accelerator']} ({memory} GiB)")
    return " · ".join(parts)


def _instance_info(row: dict[str, Any]) -> InstanceTypeInfo:
    return InstanceTypeInfo(
        id=row["id"],
        label=_label(row),
        gpu=row["gpu"],
        memory_gib=row["memory_gib"],
        vcpus=row["vcpus"],
        accelerators=row["accelerators"],
        accelerator=row["accelerator"],
        accelerator_memory_gib=row["accelerator_memory_gib"],
    )


def build_options() -> Options:
    """The ``GET /options`` response, from ``vocabulary.py``, ``data/instance_types.json``,
    ``data/deep_learning_containers.json`` and the validators' constants."""
    table = _instance_table()
    return Options(
        kinds=_choices(vocab.KIND_LABELS),
        data_types=_choices(vocab.DATA_TYPE_LABELS),
        tasks={data_type: _choices(tasks) for data_type, tasks in vocab.TASK_LABELS.items()},
        frameworks=_choices(vocab.FRAMEWORK_LABELS),
        hyperparameter_types=_choices(vocab.HYPERPARAMETER_TYPE_LABELS),
        scalings=_choices(vocab.SCALING_LABELS),
        column_types=_choices(vocab.COLUMN_TYPE_LABELS),
        image_sources=_choices(vocab.IMAGE_SOURCE_LABELS),
        instance_types=InstanceTypeOptions(
            training=[_instance_info(row) for row in table if row["training"]],
            inference=[_instance_info(row) for row in table if row["inference"]],
        ),
        deep_learning_containers=load_containers(),
        rules=build_rules(),
    )
