"""The CreateTrainingJob request of an entry: pure, no I/O.

One function builds what ``GET /entries/{id}/training-job-request`` exports and what
``POST /entries/{id}/training-jobs`` sends, so the two can never disagree.

Script mode: ``sagemaker_program`` is the entry point and ``sagemaker_submit_directory``
the script location (the SageMaker training toolkit downloads and unpacks it). With
network isolation the container cannot reach S3, so — as the SageMaker Python SDK
does — the script goes in as an extra ``code`` channel and
``sagemaker_submit_directory`` names its local copy under ``/opt/ml/input/data/code/``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from ..domain.errors import invalid_field
from ..domain.models import Entry, TrainingSpec
from ..domain.models.training import RESERVED_HYPERPARAMETERS
from ..domain.models.training_job import (
    AlgorithmSpecificationShape,
    ChannelShape,
    CheckpointConfigShape,
    CreateTrainingJobRequest,
    DataSourceShape,
    MetricDefinitionShape,
    OutputDataConfigShape,
    ResourceConfigShape,
    S3DataSourceShape,
    StoppingConditionShape,
    TagShape,
)
from .rules import Problems, choose_instance_type, choose_name, choose_role, launch_tags

VOLUME_SIZE_GB: Final = 30  # SageMaker Python SDK's default
MAX_RUNTIME_SECONDS: Final = 24 * 60 * 60  # SageMaker's default: one day
SAGEMAKER_PROGRAM: Final = "sagemaker_program"
SAGEMAKER_SUBMIT_DIRECTORY: Final = "sagemaker_submit_directory"
CODE_CHANNEL: Final = "code"
CODE_CHANNEL_DIR: Final = "/opt/ml/input/data/code"


@dataclass(frozen=True)
class TrainingChoices:
    """What the person launching may change; ``None`` means the default."""

    role_arn: str | None = None
    hyperparameters: Mapping[str, str] = field(default_factory=dict)
    instance_type: str | None = None
    instance_count: int = 1
    job_name: str | None = None


def training_spec(entry: Entry) -> TrainingSpec:
    """The entry's training settings; 400 when it has none."""
    if entry.training is None:
        what = "a notebook" if entry.kind == "notebook" else "a model without training settings"
        raise invalid_field(["training"], f"'{entry.id}' is {what}: it cannot be trained.")
    return entry.training


def check_hyperparameters(
    spec: TrainingSpec, overrides: Mapping[str, str], problems: Problems
) -> dict[str, str]:
    """Every declared hyperparameter's value: the override when given, else its default.

    An override must name a declared hyperparameter and fit its range; each problem is
    reported at ``["hyperparameters", <name>]``.
    """
    declared = ", ".join(spec.name for spec in spec.hyperparameters) or "none"
    for name, value in overrides.items():
        hyperparameter = spec.hyperparameter(name)
        if hyperparameter is None:
            reason = (
                "is set by Shared Models in script mode"
                if name in RESERVED_HYPERPARAMETERS
                else "is not a hyperparameter of this entry"
            )
            problems.add(["hyperparameters", name], f"'{name}' {reason} (declared: {declared})")
            continue
        problem = hyperparameter.check(value)
        if problem:
            problems.add(["hyperparameters", name], problem)
    return {
        hyperparameter.name: str(overrides.get(hyperparameter.name, hyperparameter.default))
        for hyperparameter in spec.hyperparameters
    }


def script_mode(
    spec: TrainingSpec, hyperparameters: dict[str, str], problems: Problems
) -> list[tuple[str, str]]:
    """Add ``sagemaker_program`` / ``sagemaker_submit_directory`` to ``hyperparameters``;
    the job's channels as ``(name, S3 URI)``, the ``code`` channel included under
    network isolation. Local runs use the same function, so their
    ``hyperparameters.json`` is the launch's ``HyperParameters``."""
    channels = [(channel.name, channel.uri) for channel in spec.channels]
    if spec.script_uri is None or spec.entry_point is None:
        return channels
    submit_directory = spec.script_uri
    if spec.network_isolation:
        if any(channel.name == CODE_CHANNEL for channel in spec.channels):
            problems.add(
                ["training", "channels"],
                f"with network isolation the script is sent in a channel named "
                f"'{CODE_CHANNEL}': rename the entry's '{CODE_CHANNEL}' channel",
            )
        channels.append((CODE_CHANNEL, spec.script_uri))
        submit_directory = f"{CODE_CHANNEL_DIR}/{posixpath.basename(spec.script_uri)}"
    hyperparameters[SAGEMAKER_PROGRAM] = spec.entry_point
    hyperparameters[SAGEMAKER_SUBMIT_DIRECTORY] = submit_directory
    return channels


def build_training_job_request(
    entry: Entry,
    choices: TrainingChoices,
    *,
    launched_by: str,
    now: datetime,
    default_role_arn: str | None = None,
) -> CreateTrainingJobRequest:
    """The CreateTrainingJob request for ``entry`` with ``choices``.

    400 (``InvalidInput``) listing every problem: unknown or out-of-range hyperparameters
    (``["hyperparameters", name]``), an instance type the entry does not offer, a bad job
    name or role, a missing role.
    """
    spec = training_spec(entry)
    problems = Problems()
    hyperparameters = check_hyperparameters(spec, choices.hyperparameters, problems)
    instance_type = choose_instance_type(
        problems, choices.instance_type, spec.instance_types, spec.default_instance_type
    )
    if not 1 <= choices.instance_count <= 100:
        problems.add(["instance_count"], "the instance count must be between 1 and 100")
    job_name = choose_name(problems, "job_name", choices.job_name, entry.id, now)
    role_arn = choose_role(problems, choices.role_arn, default_role_arn)
    channels = [_channel(name, uri) for name, uri in script_mode(spec, hyperparameters, problems)]
    problems.raise_if_any()
    metrics = [MetricDefinitionShape(Name=m.name, Regex=m.regex) for m in spec.metrics]
    return CreateTrainingJobRequest(
        TrainingJobName=job_name,
        HyperParameters=hyperparameters or None,
        AlgorithmSpecification=AlgorithmSpecificationShape(
            TrainingImage=spec.image.uri,
            TrainingInputMode="File",
            MetricDefinitions=metrics or None,
        ),
        RoleArn=role_arn,
        InputDataConfig=channels,
        OutputDataConfig=OutputDataConfigShape(S3OutputPath=spec.output_path),
        ResourceConfig=ResourceConfigShape(
            InstanceType=instance_type,
            InstanceCount=choices.instance_count,
            VolumeSizeInGB=VOLUME_SIZE_GB,
        ),
        StoppingCondition=StoppingConditionShape(MaxRuntimeInSeconds=MAX_RUNTIME_SECONDS),
        EnableNetworkIsolation=spec.network_isolation,
        Environment=dict(spec.environment) or None,
        CheckpointConfig=(
            CheckpointConfigShape(S3Uri=spec.artifacts_uri) if spec.artifacts_uri else None
        ),
        Tags=[TagShape(**tag) for tag in launch_tags(entry.id, launched_by)],
    )


def _channel(name: str, uri: str) -> ChannelShape:
    return ChannelShape(
        ChannelName=name,
        DataSource=DataSourceShape(
            S3DataSource=S3DataSourceShape(
                S3DataType="S3Prefix", S3Uri=uri, S3DataDistributionType="FullyReplicated"
            )
        ),
    )
