"""How to train and deploy a model: containers, channels, hyperparameters, metrics.

Limits follow SageMaker's CreateTrainingJob / CreateModel so an entry that passes
here gives a request SageMaker accepts.
"""

from __future__ import annotations

import re
from typing import Annotated, Final

from pydantic import AfterValidator, Field, model_validator
from typing_extensions import Self

from ..vocabulary import ColumnType, ImageSource
from ._common import (
    Loc,
    RequestModel,
    matches,
    no_control_chars,
    problems,
    unique_by,
    unique_strings,
)
from .hyperparameters import HyperparameterSpec
from .uris import EcrImageUri, S3Uri

#: How many channels a training job has (and a local run may name).
MIN_CHANNELS: Final = 1
MAX_CHANNELS: Final = 20
#: Hyperparameters the product sets itself in script mode.
RESERVED_HYPERPARAMETERS: Final = frozenset({"sagemaker_program", "sagemaker_submit_directory"})

_CHANNEL_NAME = re.compile(r"[A-Za-z0-9.\-_]{1,64}")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INSTANCE_TYPE = re.compile(r"ml\.[a-z0-9]+\.[a-z0-9]+")


def _no_dotdot_path(value: str) -> str:
    parts = re.split(r"[/\\]", value)
    if value.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", value):
        raise ValueError("the entry point must be a path relative to the script location")
    if ".." in parts or "" in parts:
        raise ValueError("the entry point must be a plain relative path such as src/train.py")
    return value


def _s3_object(value: str) -> str:
    if value.endswith("/") or "/" not in value[len("s3://") :]:
        raise ValueError("must point to a file such as s3://bucket/code/sourcedir.tar.gz")
    return value


def _tar_gz(value: str) -> str:
    if not value.endswith(".tar.gz"):
        raise ValueError("must point to a compressed tar file such as s3://bucket/model.tar.gz")
    return value


ChannelName = Annotated[
    str,
    matches(_CHANNEL_NAME, "a channel name is 1 to 64 letters, digits, '.', '-' or '_'"),
    Field(json_schema_extra={"pattern": f"^{_CHANNEL_NAME.pattern}$"}),
]
EnvironmentName = Annotated[
    str,
    Field(max_length=512, json_schema_extra={"pattern": f"^{_ENV_NAME.pattern}$"}),
    matches(_ENV_NAME, "a variable name uses letters, digits and '_', not starting with a digit"),
]
Environment = Annotated[
    dict[EnvironmentName, Annotated[str, Field(max_length=512)]], Field(max_length=100)
]
InstanceType = Annotated[
    str,
    matches(_INSTANCE_TYPE, "an instance type looks like ml.m5.xlarge"),
    Field(json_schema_extra={"pattern": f"^{_INSTANCE_TYPE.pattern}$"}, examples=["ml.m5.xlarge"]),
]
InstanceTypes = Annotated[
    list[InstanceType],
    Field(min_length=1, max_length=100),
    AfterValidator(unique_strings("instance type")),
]
ScriptUri = Annotated[S3Uri, AfterValidator(_s3_object)]
EntryPoint = Annotated[
    str,
    Field(min_length=1, max_length=256, examples=["train.py"]),
    AfterValidator(no_control_chars),
    AfterValidator(_no_dotdot_path),
]


class ContainerImage(RequestModel):
    """A container image and where it was picked from."""

    source: ImageSource
    uri: EcrImageUri


class Channel(RequestModel):
    """A named training input (``train``, ``test``, …) and its S3 location."""

    name: ChannelName
    uri: S3Uri


def _compiles_with_one_group(regex: str) -> str:
    try:
        groups = re.compile(regex).groups
    except re.error as error:
        raise ValueError(f"the regular expression does not compile: {error}") from None
    if groups != 1:
        raise ValueError(
            f"the regular expression must have exactly one capture group (it has {groups})"
        )
    return regex


class MetricDefinition(RequestModel):
    """A metric read from the training log: the regex's one group captures the value."""

    name: Annotated[str, Field(min_length=1, max_length=255), AfterValidator(no_control_chars)]
    regex: Annotated[
        str,
        Field(min_length=1, max_length=500, examples=["Loss =(.*?);"]),
        AfterValidator(_compiles_with_one_group),
    ]


class ColumnSpec(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=255), AfterValidator(no_control_chars)]
    type: ColumnType


class TabularFormat(RequestModel):
    """The columns of a tabular dataset, and which one the model predicts."""

    columns: Annotated[
        list[ColumnSpec],
        Field(min_length=1, max_length=1000),
        AfterValidator(unique_by("name", "column name")),
    ]
    target_column: str

    @model_validator(mode="after")
    def _target_is_a_column(self) -> Self:
        if self.target_column not in {column.name for column in self.columns}:
            raise problems(
                [(("target_column",), f"'{self.target_column}' is not one of the columns")]
            )
        return self


def _default_instance_type(spec: TrainingSpec | InferenceSpec) -> list[tuple[Loc, str]]:
    """Fill a missing default with the first instance type; else it must be one of them."""
    if spec.default_instance_type is None:
        spec.default_instance_type = spec.instance_types[0]
    elif spec.default_instance_type not in spec.instance_types:
        return [(("default_instance_type",), "must be one of the instance types")]
    return []


class TrainingSpec(RequestModel):
    """Everything needed to launch a training job from the entry (README, "Share a model")."""

    image: ContainerImage
    environment: Environment = Field(default_factory=dict)
    script_uri: ScriptUri | None = None
    entry_point: EntryPoint | None = None
    artifacts_uri: S3Uri | None = None
    training_data_uri: S3Uri | None = None
    validation_data_uri: S3Uri | None = None
    output_path: S3Uri
    network_isolation: bool = False
    channels: Annotated[
        list[Channel],
        Field(min_length=MIN_CHANNELS, max_length=MAX_CHANNELS),
        AfterValidator(unique_by("name", "channel name")),
    ]
    hyperparameters: Annotated[
        list[HyperparameterSpec],
        Field(max_length=100),
        AfterValidator(unique_by("name", "hyperparameter name")),
    ] = Field(default_factory=list)
    instance_types: InstanceTypes
    default_instance_type: InstanceType | None = Field(
        default=None, description="One of instance_types; null means the first"
    )
    metrics: Annotated[
        list[MetricDefinition],
        Field(max_length=40),
        AfterValidator(unique_by("name", "metric name")),
    ] = Field(default_factory=list)
    tabular: TabularFormat | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        found = _default_instance_type(self)
        if self.script_uri is not None and self.entry_point is None:
            found.append((("entry_point",), "an entry point is needed with a script location"))
        if self.entry_point is not None and self.script_uri is None:
            found.append((("script_uri",), "a script location is needed with an entry point"))
        for index, spec in enumerate(self.hyperparameters):
            if spec.name in RESERVED_HYPERPARAMETERS:
                found.append(
                    (
                        ("hyperparameters", index, "name"),
                        f"'{spec.name}' is set by Shared Models in script mode; use another name",
                    )
                )
        if found:
            raise problems(found)
        return self

    def hyperparameter(self, name: str) -> HyperparameterSpec | None:
        """The spec of hyperparameter ``name``, if declared."""
        return next((spec for spec in self.hyperparameters if spec.name == name), None)


class InferenceSpec(RequestModel):
    """Everything needed to deploy the model to a SageMaker endpoint."""

    image: ContainerImage
    script_uri: ScriptUri | None = None
    model_data_uri: Annotated[S3Uri, AfterValidator(_tar_gz)]
    environment: Environment = Field(default_factory=dict)
    instance_types: InstanceTypes
    default_instance_type: InstanceType | None = Field(
        default=None, description="One of instance_types; null means the first"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        found = _default_instance_type(self)
        if found:
            raise problems(found)
        return self
