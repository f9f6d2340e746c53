"""``GET /options``: the vocabularies with labels, and the instance types to offer."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from pydantic import BaseModel, Field

from .. import vocabulary as vocab
from ..dlc import load_containers
from ._common import format_number
from .containers import DeepLearningContainers


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


class Options(BaseModel):
    """Every choice list the wizards and filters offer."""

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
    """The ``GET /options`` response, from ``vocabulary.py``, ``data/instance_types.json``
    and ``data/deep_learning_containers.json``."""
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
    )
