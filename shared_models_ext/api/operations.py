"""The REST API's operations: method, path, models, errors — the REST contract.

A test checks that this table and the registered routes list the same methods and paths;
``openapi.py`` turns it into the OpenAPI document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import BaseModel

from ..domain.ids import ID_PATTERN, MAX_ID_LENGTH
from ..domain.models import (
    BucketList,
    CreateDeployment,
    CreateEntry,
    CreateTrainingJobRequest,
    DatasetCheck,
    DatasetCheckRequest,
    DeploymentCreated,
    DeploymentStatus,
    DlcImage,
    DlcImageQuery,
    EcrImageList,
    EcrImagesQuery,
    EcrRepositoryList,
    Entry,
    EntryPage,
    EntryQuery,
    IdSuggestion,
    IdSuggestionQuery,
    LaunchPage,
    LaunchQuery,
    LaunchTrainingJob,
    Me,
    OpenedNotebook,
    OpenNotebook,
    Options,
    ReplaceEntry,
    S3Exists,
    S3ExistsQuery,
    S3Listing,
    S3Query,
    ShareNotebookTarget,
    TrainingJobLaunched,
    TrainingJobList,
    TrainingJobListQuery,
    TrainingJobRequestQuery,
    TrainingJobStatus,
    TrainingJobStopping,
)
from ..domain.models.cleanrooms import (
    AlgorithmRegistered,
    RegisterAlgorithm,
    RegisteredAlgorithmPage,
    RegisteredAlgorithmQuery,
    RegistrationCheck,
)
from ..domain.models.hubs import (
    CreateHub,
    Hub,
    HubPage,
    HubPublication,
    HubPublicationList,
    HubQuery,
    PublishToHub,
)
from ..domain.models.launch import SAGEMAKER_NAME
from ..domain.models.local_runs import (
    DryRunOk,
    DryRunQuery,
    LocalRunLog,
    LocalRunLogQuery,
    LocalRunPage,
    LocalRunQuery,
    LocalRunStarted,
    LocalRunStatus,
    StartLocalRun,
    SyntheticDataRequest,
    SyntheticDataWritten,
)

REF = "#/components/schemas/{model}"

_SAGEMAKER_NAME_SCHEMA: Final[dict[str, Any]] = {
    "type": "string",
    "minLength": 1,
    "maxLength": 63,
    "pattern": f"^{SAGEMAKER_NAME.pattern}$",
}

#: The schema of every path parameter, by name: what the server accepts. A value
#: outside it is answered 404 (there is no such entry, job, endpoint or run).
PATH_PARAMETERS: Final[dict[str, dict[str, Any]]] = {
    "entry_id": {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_ID_LENGTH,
        "pattern": ID_PATTERN.pattern,
        "description": "An entry ID: lowercase letters, digits and hyphens (README.md)",
    },
    "job_name": {**_SAGEMAKER_NAME_SCHEMA, "description": "A SageMaker training job name"},
    "endpoint_name": {**_SAGEMAKER_NAME_SCHEMA, "description": "A SageMaker endpoint name"},
    "run_id": {**_SAGEMAKER_NAME_SCHEMA, "description": "A local run's ID (GET /local-runs)"},
}

#: Statuses every operation can answer: 403 when the caller is not authenticated
#: or not authorised (jupyter-server's own check, before the handler runs).
COMMON_ERRORS: Final = (403,)
#: Statuses of an operation that calls AWS: AWS refused (502), no credentials,
#: region or capacity (503), no answer within the request's deadline (504).
AWS_ERRORS: Final = (502, 503, 504)


@dataclass(frozen=True)
class Header:
    """A request header an operation reads."""

    description: str
    required: bool = False


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # relative to /shared-models/api, OpenAPI template syntax
    summary: str
    response: type[BaseModel] | None
    status: int = 200
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    errors: tuple[int, ...] = ()
    request_headers: dict[str, Header] = field(default_factory=dict)
    response_headers: dict[str, str] = field(default_factory=dict)
    alternatives: tuple[type[BaseModel], ...] = ()  # other shapes of the success response
    also: dict[int, type[BaseModel]] = field(default_factory=dict)  # other success statuses
    #: The rest of the body is validated as this model (less ``fixed_fields``, which the
    #: server sets itself); the document shows one body with the fields of both.
    body_rest: type[BaseModel] | None = None
    fixed_fields: tuple[str, ...] = ()
    aws: bool = False  # calls AWS: AWS_ERRORS are documented too

    @property
    def statuses(self) -> tuple[int, ...]:
        """Every error status the operation can answer, sorted."""
        found = set(self.errors) | set(COMMON_ERRORS)
        if self.aws:
            found |= set(AWS_ERRORS)
        if self.body is not None:
            found |= {400, 413}
        if self.query is not None:
            found.add(400)
        if "{" in self.path:
            found.add(404)
        return tuple(sorted(found))


_SAGEMAKER_ERRORS = (400, 404)

_RUN_ERRORS = (400, 404)

LOCAL_RUN_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "post",
        "/entries/{entry_id}/local-runs",
        "Run the entry's training script on this machine in SageMaker's training-container "
        "contract (a folder standing for /opt/ml, the SM_* variables, the toolkit's command "
        "line). Hyperparameters are checked as for a SageMaker launch. 409 when "
        "local_runs_max_concurrent runs are running. With ?dry_run=true: 200 {ok: true} "
        "or the same 400, nothing started",
        LocalRunStarted,
        status=201,
        body=StartLocalRun,
        query=DryRunQuery,
        errors=(400, 404, 409, 413, 503),
        also={200: DryRunOk},
    ),
    Operation(
        "get",
        "/local-runs",
        "The caller's local runs, newest first",
        LocalRunPage,
        query=LocalRunQuery,
        errors=(400, 503),
    ),
    Operation(
        "get",
        "/local-runs/{run_id}",
        "A local run: status, phase, failure reason (at most 1024 characters), metric series "
        "so far, artifacts",
        LocalRunStatus,
        errors=_RUN_ERRORS,
    ),
    Operation(
        "get",
        "/local-runs/{run_id}/log",
        "The run's log (stdout and stderr) from byte offset N, at most 256 KiB, and where "
        "the next read starts",
        LocalRunLog,
        query=LocalRunLogQuery,
        errors=_RUN_ERRORS,
    ),
    Operation(
        "post",
        "/local-runs/{run_id}/stop",
        "Stop a run: SIGTERM to its process group, SIGKILL after the grace period",
        LocalRunStatus,
        errors=_RUN_ERRORS,
    ),
    Operation(
        "delete",
        "/local-runs/{run_id}",
        "Remove a finished run and its tree (409 while it runs)",
        None,
        status=204,
        errors=(404, 409),
    ),
    Operation(
        "post",
        "/entries/{entry_id}/synthetic-data",
        "Write a seeded synthetic CSV made from the entry's column format into a workspace "
        "folder (never overwriting)",
        SyntheticDataWritten,
        status=201,
        body=SyntheticDataRequest,
        errors=(400, 404, 409, 413),
    ),
)

LAUNCH_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "get",
        "/training-jobs",
        "Recent training jobs of the account (newest first, searchable by name), with the "
        "image each used: the 'existing training job' container source",
        TrainingJobList,
        query=TrainingJobListQuery,
        errors=(400,),
        aws=True,
    ),
    Operation(
        "get",
        "/ecr/images",
        "No repository: the account's ECR repositories. With one: its images, one item per "
        "tag, newest push first, each with its full image URI",
        EcrImageList,
        query=EcrImagesQuery,
        errors=_SAGEMAKER_ERRORS,
        aws=True,
        alternatives=(EcrRepositoryList,),
    ),
    Operation(
        "get",
        "/dlc-image",
        "The image URI of one Deep Learning Container (choices: GET /options, "
        "deep_learning_containers) in a region (default: the server's)",
        DlcImage,
        query=DlcImageQuery,
        errors=(400,),
        aws=True,
    ),
    Operation(
        "get",
        "/entries/{entry_id}/training-job-request",
        "The exact CreateTrainingJob request a launch with these choices sends, usable as "
        "`aws sagemaker create-training-job --cli-input-json file://training_job.json`. "
        'Hyperparameter overrides go in one JSON object: ?hyperparameters={"epochs":20}',
        CreateTrainingJobRequest,
        query=TrainingJobRequestQuery,
        errors=(400, 404),
    ),
    Operation(
        "post",
        "/entries/{entry_id}/training-jobs",
        "Launch a SageMaker training job from an entry the caller can see. Overrides are "
        "checked against the entry (400 at ['hyperparameters', name]). A retry with the "
        "same job_name returns the job it launched instead of a second one (409 if the "
        "name holds another job)",
        TrainingJobLaunched,
        status=201,
        body=LaunchTrainingJob,
        errors=(400, 404, 409, 413),
        aws=True,
    ),
    Operation(
        "get",
        "/training-jobs/{job_name}",
        "A training job's status, secondary status history, failure reason, final metrics, "
        "times, billable seconds, CloudWatch log location and model artifacts",
        TrainingJobStatus,
        errors=_SAGEMAKER_ERRORS,
        aws=True,
    ),
    Operation(
        "post",
        "/training-jobs/{job_name}/stop",
        "Stop a training job (409 when it has already ended)",
        TrainingJobStopping,
        errors=(400, 404, 409),
        aws=True,
    ),
    Operation(
        "post",
        "/entries/{entry_id}/deployments",
        "Deploy an entry: CreateModel, CreateEndpointConfig and CreateEndpoint, all named "
        "endpoint_name. A retry with the same name deploys once",
        DeploymentCreated,
        status=201,
        body=CreateDeployment,
        errors=(400, 404, 409, 413),
        aws=True,
    ),
    Operation(
        "get",
        "/deployments/{endpoint_name}",
        "An endpoint's status, failure reason, times and instances",
        DeploymentStatus,
        errors=_SAGEMAKER_ERRORS,
        aws=True,
    ),
    Operation(
        "get",
        "/launches",
        "The training jobs and endpoints the caller launched from Shared Models, newest first",
        LaunchPage,
        query=LaunchQuery,
        errors=(400, 503),
    ),
)

DESTINATION_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "post",
        "/entries/{entry_id}/cleanrooms-algorithms",
        "Register the entry's training (and inference) container with AWS Clean Rooms ML "
        "(CreateConfiguredModelAlgorithm), optionally associated with a collaboration's "
        "membership. Anyone who can see the entry may register it; a retry with the same "
        "name registers once. With ?dry_run=true: 200 with the warnings, nothing sent",
        AlgorithmRegistered,
        status=201,
        body=RegisterAlgorithm,
        query=DryRunQuery,
        errors=(400, 404, 409, 413),
        also={200: RegistrationCheck},
        aws=True,
    ),
    Operation(
        "get",
        "/cleanrooms-algorithms",
        "The configured model algorithms the caller registered, newest first",
        RegisteredAlgorithmPage,
        query=RegisteredAlgorithmQuery,
        errors=(400, 503),
    ),
    Operation(
        "get",
        "/hubs",
        "SageMaker private hubs of the account and region (ListHubs), paged",
        HubPage,
        query=HubQuery,
        errors=(400,),
        aws=True,
    ),
    Operation(
        "post",
        "/hubs",
        "Create a SageMaker private hub (CreateHub)",
        Hub,
        status=201,
        body=CreateHub,
        errors=(400, 409, 413),
        aws=True,
    ),
    Operation(
        "get",
        "/entries/{entry_id}/hub-publications",
        "Where the entry is published: hub, latest version and status (DescribeHubContent)",
        HubPublicationList,
        errors=(404,),
        aws=True,
    ),
    Operation(
        "post",
        "/entries/{entry_id}/hub-publications",
        "Publish the entry to a private hub (ImportHubContent; owner only). Publishing an "
        "edited entry imports a new HubContentVersion; an unchanged one answers with the "
        "latest version",
        HubPublication,
        status=201,
        body=PublishToHub,
        errors=(400, 403, 404, 409, 413),
        aws=True,
    ),
)


OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "get",
        "/entries",
        "Query the catalog (scope, filters, full-text search, keyset paging)",
        EntryPage,
        query=EntryQuery,
        errors=(400,),
    ),
    Operation(
        "post",
        "/entries",
        "Share a model or notebook (the ID is derived from the title unless given)",
        Entry,
        status=201,
        body=CreateEntry,
        errors=(400, 409, 413),
        response_headers={"Location": "URL of the new entry", "ETag": "its version"},
    ),
    Operation(
        "get",
        "/entries/{entry_id}",
        "One entry",
        Entry,
        errors=(404,),
        response_headers={"ETag": "the entry's version, for If-Match"},
    ),
    Operation(
        "put",
        "/entries/{entry_id}",
        "Replace an entry (owner only)",
        Entry,
        body=ReplaceEntry,
        errors=(400, 403, 404, 412, 413, 428),
        request_headers={
            "If-Match": Header("the ETag of the version being replaced", required=True)
        },
        response_headers={"ETag": "the new version"},
    ),
    Operation(
        "delete",
        "/entries/{entry_id}",
        "Delete an entry (owner only)",
        None,
        status=204,
        errors=(403, 404, 412),
        request_headers={"If-Match": Header("optional: only delete this version")},
    ),
    Operation("get", "/options", "Vocabularies and choices for the forms", Options),
    Operation("get", "/me", "Who 'me' is in the catalog", Me),
    Operation(
        "get",
        "/id-suggestions",
        "The ID a new entry with this title would get",
        IdSuggestion,
        query=IdSuggestionQuery,
        errors=(400,),
    ),
    Operation("get", "/openapi.json", "This document", None),
    Operation(
        "get",
        "/s3",
        "No uri: the caller's buckets. Else one page of folders and objects under the prefix",
        S3Listing,
        query=S3Query,
        errors=(400, 404),
        aws=True,
        alternatives=(BucketList,),
    ),
    Operation(
        "get",
        "/s3/exists",
        "Is there an object at, or under, this S3 URI?",
        S3Exists,
        query=S3ExistsQuery,
        errors=(400, 404),
        aws=True,
    ),
    Operation(
        "post",
        "/notebooks/share",
        "Validate a workspace notebook with nbformat, upload it to S3 and list it. "
        "The body also carries the entry's basic information (as in CreateEntry).",
        Entry,
        status=201,
        body=ShareNotebookTarget,
        body_rest=CreateEntry,
        fixed_fields=("kind", "notebook"),
        errors=(400, 404, 409, 413),
        aws=True,
    ),
    Operation(
        "post",
        "/entries/{entry_id}/open",
        "Copy a shared notebook into the workspace (never overwriting)",
        OpenedNotebook,
        status=201,
        body=OpenNotebook,
        errors=(400, 404, 413),
        aws=True,
    ),
    Operation(
        "post",
        "/entries/{entry_id}/validation-check",
        "Compare the CSV headers of the entry's training and validation datasets",
        DatasetCheck,
        errors=(400, 404),
        aws=True,
    ),
    Operation(
        "post",
        "/validation-check",
        "Compare the CSV headers of two datasets (before an entry exists)",
        DatasetCheck,
        body=DatasetCheckRequest,
        errors=(400, 404),
        aws=True,
    ),
    *LAUNCH_OPERATIONS,
    *LOCAL_RUN_OPERATIONS,
    *DESTINATION_OPERATIONS,
)
