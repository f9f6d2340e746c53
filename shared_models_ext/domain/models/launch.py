"""Launching from a card: training jobs, deployments, and "my launches"."""

from __future__ import annotations

import re
from typing import Annotated, Final

from pydantic import BaseModel, Field, Json

from ..vocabulary import LaunchKind
from ._common import RequestModel, matches
from .containers import REGION_PATTERN, QueryModel
from .entries import EntryId, UtcDatetime
from .hyperparameters import HyperparameterValue
from .training import InstanceType

SAGEMAKER_NAME: Final = re.compile(r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}")
ROLE_ARN: Final = re.compile(r"arn:aws[a-z-]*:iam::\d{12}:role/[A-Za-z0-9_+=,.@/-]{1,1024}")


SageMakerName = Annotated[
    str,
    Field(max_length=63, json_schema_extra={"pattern": f"^{SAGEMAKER_NAME.pattern}$"}),
    matches(
        SAGEMAKER_NAME,
        "a SageMaker name is 1 to 63 letters, digits and hyphens, starting and ending with a "
        "letter or digit",
    ),
]
RoleArn = Annotated[
    str,
    Field(
        max_length=2048,
        json_schema_extra={"pattern": f"^{ROLE_ARN.pattern}$"},
        examples=["arn:aws:iam::123456789012:role/SageMakerExecution"],
    ),
    matches(ROLE_ARN, "an IAM role ARN looks like arn:aws:iam::123456789012:role/MyRole"),
]
InstanceCount = Annotated[int, Field(ge=1, le=100)]
#: Where a launch ran: an AWS region, or ``local`` for a local run.
LAUNCH_REGION: Final = re.compile(rf"local|{REGION_PATTERN.pattern}")
LaunchRegion = Annotated[
    str,
    Field(max_length=32, json_schema_extra={"pattern": f"^({LAUNCH_REGION.pattern})$"}),
    matches(LAUNCH_REGION, "an AWS region such as us-east-1, or local for a local run"),
]

#: SageMaker TrainingJobStatus values after which nothing changes.
TRAINING_JOB_FINAL_STATUSES: Final = ("Completed", "Failed", "Stopped")
#: SageMaker EndpointStatus values at which a deployment is over until someone changes
#: the endpoint: in service, or failed (after a failed update whose rollback failed too,
#: UpdateRollbackFailed, it serves a mix of the old and new configurations).
ENDPOINT_FINAL_STATUSES: Final = ("InService", "Failed", "OutOfService", "UpdateRollbackFailed")
# Names are checked against the entry (an unknown one is refused at its own loc).
HyperparameterOverrides = Annotated[
    dict[str, HyperparameterValue],
    Field(max_length=100, examples=[{"epochs": "20", "lr": "0.01"}]),
]

# -- training jobs -------------------------------------------------------------


class TrainingJobRequestQuery(QueryModel):
    """``GET /entries/{id}/training-job-request``: the same choices as a launch."""

    hyperparameters: Json[HyperparameterOverrides] | None = Field(
        default=None,
        description='A JSON object of hyperparameter overrides, e.g. {"epochs": 20}',
    )
    instance_type: InstanceType | None = Field(
        default=None, description="One of the entry's instance types; default: its default"
    )
    instance_count: InstanceCount = 1
    job_name: SageMakerName | None = Field(
        default=None, description="Default: <entry id>-<UTC timestamp>"
    )
    role_arn: RoleArn | None = Field(
        default=None, description="Default: the sagemaker_role_arn setting"
    )


class LaunchTrainingJob(QueryModel):
    """``POST /entries/{id}/training-jobs``.

    Send the ``job_name`` you were shown (``GET …/training-job-request``): a retried
    request with the same name never launches a second job.
    """

    job_name: SageMakerName | None = Field(
        default=None, description="Default: <entry id>-<UTC timestamp>"
    )
    role_arn: RoleArn | None = Field(
        default=None, description="Default: the sagemaker_role_arn setting"
    )
    instance_type: InstanceType | None = Field(
        default=None, description="One of the entry's instance types; default: its default"
    )
    instance_count: InstanceCount = 1
    hyperparameters: HyperparameterOverrides = Field(default_factory=dict)


class LaunchNames(BaseModel):
    """``GET /entries/{id}/launch-names``: the names a launch of the entry gets when it
    names none, made now (``<entry id>-<UTC timestamp>``, at most 63 characters).

    A dialog shows them and sends the one it showed, so that a retry after a lost answer
    sends the same name and launches once."""

    training_job: str = Field(
        examples=["churn-xgboost-20261121-100000-123"], description="A job_name for a training job"
    )
    endpoint: str = Field(
        examples=["churn-xgboost-20261121-100000-123"],
        description="An endpoint_name for a deployment (its model and endpoint configuration)",
    )


class TrainingJobLaunched(BaseModel):
    job_name: str
    arn: str
    status: str = Field(examples=["InProgress"])


class StatusTransition(BaseModel):
    status: str = Field(examples=["Downloading"])
    start_time: UtcDatetime | None = None
    end_time: UtcDatetime | None = None
    message: str | None = None


class FinalMetric(BaseModel):
    name: str
    value: float
    timestamp: UtcDatetime | None = None


class TrainingLogs(BaseModel):
    """Where CloudWatch keeps the job's log: one stream per instance,
    ``<job name>/algo-<n>-<epoch seconds>``."""

    log_group: str = Field(examples=["/aws/sagemaker/TrainingJobs"])
    log_stream_prefix: str = Field(examples=["churn-20261121-100000/algo-1-"])


class TrainingJobStatus(BaseModel):
    """``GET /training-jobs/{name}``: SageMaker's DescribeTrainingJob, in short."""

    job_name: str
    arn: str
    status: str = Field(
        examples=["InProgress"],
        description="InProgress, Completed, …; the final ones: GET /options → rules.statuses",
    )
    secondary_status: str | None = None
    secondary_status_history: list[StatusTransition]
    failure_reason: str | None = None
    final_metrics: list[FinalMetric]
    created_at: UtcDatetime | None = None
    started_at: UtcDatetime | None = None
    ended_at: UtcDatetime | None = None
    last_modified_at: UtcDatetime | None = None
    billable_seconds: int | None = None
    training_seconds: int | None = None
    image: str | None = None
    instance_type: str | None = None
    instance_count: int | None = None
    model_artifacts: str | None = Field(default=None, description="S3 URI of model.tar.gz")
    logs: TrainingLogs


class TrainingJobStopping(BaseModel):
    job_name: str
    status: str = Field(examples=["Stopping"])


# -- deployments ---------------------------------------------------------------


class CreateDeployment(QueryModel):
    """``POST /entries/{id}/deployments``: model, endpoint configuration and endpoint are
    all named ``endpoint_name``; a retry with the same name never deploys twice."""

    endpoint_name: SageMakerName | None = Field(
        default=None, description="Default: <entry id>-<UTC timestamp>"
    )
    role_arn: RoleArn | None = Field(
        default=None, description="Default: the sagemaker_role_arn setting"
    )
    instance_type: InstanceType | None = Field(
        default=None, description="One of the entry's inference instance types"
    )
    instance_count: InstanceCount = 1


class DeploymentCreated(BaseModel):
    endpoint_name: str
    model_name: str
    endpoint_config_name: str
    status: str = Field(examples=["Creating"])
    arn: str | None = None


class DeploymentStatus(BaseModel):
    """``GET /deployments/{endpoint_name}``: SageMaker's DescribeEndpoint, in short."""

    endpoint_name: str
    arn: str
    status: str = Field(
        examples=["Creating"],
        description="EndpointStatus: InService, …; the final ones: GET /options → rules.statuses",
    )
    failure_reason: str | None = None
    endpoint_config_name: str | None = None
    created_at: UtcDatetime | None = None
    last_modified_at: UtcDatetime | None = None
    instance_type: str | None = None
    instance_count: int | None = Field(default=None, description="Initial instance count")
    current_instance_count: int | None = None


# -- my launches ---------------------------------------------------------------


#: The one kind of launch that the viewers of an entry may read of its owner's: where
#: the owner published it (``services/hubs.py``, "Published to").
PUBLICATION_KIND: Final = "hub-content"
#: The most names one ``GET /launches?names=`` may ask about.
MAX_LAUNCH_NAMES: Final = 200


class LaunchQuery(QueryModel):
    """``GET /launches``: what the caller launched from Shared Models, newest first.

    ``names`` or ``entry_id`` narrow it to those launches (all of them, oldest first,
    one page); ``owner`` reads another user's hub publications of an entry the caller
    may see (``services/launch_records.py``).
    """

    kind: LaunchKind | None = None
    limit: Annotated[int, Field(ge=1, le=200)] = 50
    cursor: Annotated[str, Field(max_length=512)] | None = Field(
        default=None, description="next_cursor of the previous page"
    )
    names: Annotated[str, Field(max_length=64 * 200)] | None = Field(
        default=None, description="comma-separated launch names: only these (needs kind)"
    )
    entry_id: Annotated[str, Field(max_length=63)] | None = Field(
        default=None, description="only the launches from this entry (needs kind)"
    )
    owner: Annotated[str, Field(max_length=64)] | None = Field(
        default=None,
        description="whose launches: the caller (default), or, for kind=hub-content with "
        "entry_id, the owner of an entry the caller may see",
    )


class NewLaunchRecord(RequestModel):
    """``POST /launches``: record that the caller launched ``name`` from an entry (a
    retry with the same kind, region and name is recorded once). The user's server
    records its launches this way when its catalog is a catalog service."""

    kind: LaunchKind
    name: Annotated[str, Field(min_length=1, max_length=63)]
    entry_id: EntryId
    entry_title: Annotated[str, Field(max_length=4096)]
    arn: Annotated[str, Field(max_length=2048)] = ""
    region: LaunchRegion


class LaunchKey(QueryModel):
    """``DELETE /launches``: forget one of the caller's launches (a removed local run)."""

    kind: LaunchKind
    region: LaunchRegion
    name: Annotated[str, Field(min_length=1, max_length=63)]


class Launch(BaseModel):
    id: int
    kind: LaunchKind
    name: str = Field(description="The training job or endpoint name, or the local run's ID")
    entry_id: str
    entry_title: str
    arn: str = Field(description="Empty for a local run")
    region: str = Field(description="'local' for a local run")
    created_at: UtcDatetime


class LaunchPage(BaseModel):
    items: list[Launch]
    next_cursor: str | None = None
