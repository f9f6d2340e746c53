"""SageMaker operations: the container pickers, training jobs, deployments, and the
caller's launches."""

from __future__ import annotations

from pydantic import BaseModel

from ...domain.models import (
    CreateDeployment,
    CreateTrainingJobRequest,
    DeploymentCreated,
    DeploymentStatus,
    DlcImage,
    DlcImageQuery,
    EcrImageList,
    EcrImagesQuery,
    EcrRepositoryList,
    Launch,
    LaunchKey,
    LaunchNames,
    LaunchPage,
    LaunchQuery,
    LaunchTrainingJob,
    NewLaunchRecord,
    TrainingJobLaunched,
    TrainingJobList,
    TrainingJobListQuery,
    TrainingJobRequestQuery,
    TrainingJobStatus,
    TrainingJobStopping,
)
from ...domain.models.dry_run import DryRunOk, DryRunQuery
from ..handlers.base import SharedModelsHandler
from ..handlers.containers import DlcImageHandler, EcrImagesHandler
from ..handlers.deployments import (
    DeploymentHandler,
    EntryDeploymentsHandler,
    LaunchesHandler,
    LaunchNamesHandler,
)
from ..handlers.training import (
    EntryTrainingJobsHandler,
    StopTrainingJobHandler,
    TrainingJobHandler,
    TrainingJobRequestHandler,
    TrainingJobsHandler,
)
from .operation import Operation

_SAGEMAKER_ERRORS = (400, 404)


def _launch_from_entry(
    path: str,
    handler: type[SharedModelsHandler],
    summary: str,
    response: type[BaseModel],
    body: type[BaseModel],
) -> Operation:
    """A POST that launches something on SageMaker from an entry (a training job, a
    deployment): 201 with what it launched, or with ?dry_run=true 200 {ok: true} once
    the requests are built and checked; 409 when the name holds something else."""
    return Operation(
        "post",
        path,
        handler,
        summary,
        response,
        status=201,
        body=body,
        query=DryRunQuery,
        errors=(400, 404, 409, 413),
        aws=True,
        also={200: DryRunOk},
    )


LAUNCH_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "get",
        "/training-jobs",
        TrainingJobsHandler,
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
        EcrImagesHandler,
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
        DlcImageHandler,
        "The image URI of one Deep Learning Container (choices: GET /options, "
        "deep_learning_containers) in a region (default: the server's)",
        DlcImage,
        query=DlcImageQuery,
        errors=(400,),
        aws=True,
    ),
    Operation(
        "get",
        "/entries/{entry_id}/launch-names",
        LaunchNamesHandler,
        "The names a training job and a deployment of the entry get when the request names "
        "none, made now: <entry id>-<UTC timestamp>, at most 63 characters. The Train and "
        "Deploy dialogs show them and send the one shown, so a retry launches once",
        LaunchNames,
        errors=(404,),
    ),
    Operation(
        "get",
        "/entries/{entry_id}/training-job-request",
        TrainingJobRequestHandler,
        "The exact CreateTrainingJob request a launch with these choices sends, usable as "
        "`aws sagemaker create-training-job --cli-input-json file://training_job.json`. "
        'Hyperparameter overrides go in one JSON object: ?hyperparameters={"epochs":20}',
        CreateTrainingJobRequest,
        query=TrainingJobRequestQuery,
        errors=(400, 404),
    ),
    _launch_from_entry(
        "/entries/{entry_id}/training-jobs",
        EntryTrainingJobsHandler,
        "Launch a SageMaker training job from an entry the caller can see. Overrides are "
        "checked against the entry (400 at ['hyperparameters', name]). A retry with the "
        "same job_name returns the job it launched instead of a second one (409 if the "
        "name holds another job). With ?dry_run=true: the whole CreateTrainingJob request "
        "is built and checked, nothing is sent to AWS (whether the name is free is not "
        "asked either); 200 {ok: true} or the same 400",
        TrainingJobLaunched,
        LaunchTrainingJob,
    ),
    Operation(
        "get",
        "/training-jobs/{job_name}",
        TrainingJobHandler,
        "A training job's status, secondary status history, failure reason, final metrics, "
        "times, billable seconds, CloudWatch log location and model artifacts",
        TrainingJobStatus,
        errors=_SAGEMAKER_ERRORS,
        aws=True,
    ),
    Operation(
        "post",
        "/training-jobs/{job_name}/stop",
        StopTrainingJobHandler,
        "Stop a training job (409 when it has already ended)",
        TrainingJobStopping,
        errors=(400, 404, 409),
        aws=True,
    ),
    _launch_from_entry(
        "/entries/{entry_id}/deployments",
        EntryDeploymentsHandler,
        "Deploy an entry: CreateModel, CreateEndpointConfig and CreateEndpoint, all named "
        "endpoint_name. A retry with the same name deploys once. With ?dry_run=true: the "
        "three requests are built and checked, nothing is sent to AWS; 200 {ok: true} or "
        "the same 400",
        DeploymentCreated,
        CreateDeployment,
    ),
    Operation(
        "get",
        "/deployments/{endpoint_name}",
        DeploymentHandler,
        "An endpoint's status, failure reason, times and instances",
        DeploymentStatus,
        errors=_SAGEMAKER_ERRORS,
        aws=True,
    ),
    Operation(
        "get",
        "/launches",
        LaunchesHandler,
        "The training jobs and endpoints the caller launched from Shared Models, newest first "
        "(names or entry_id: only those, all in one page, oldest first)",
        LaunchPage,
        query=LaunchQuery,
        errors=(400, 403, 404),
        catalog=True,
    ),
    Operation(
        "post",
        "/launches",
        LaunchesHandler,
        "Record one of the caller's launches (what a user's server does when its catalog "
        "is a catalog service); a retry with the same kind, region and name is recorded once",
        Launch,
        status=201,
        body=NewLaunchRecord,
        catalog=True,
    ),
    Operation(
        "delete",
        "/launches",
        LaunchesHandler,
        "Forget one of the caller's launches (a local run whose folder was removed)",
        None,
        status=204,
        query=LaunchKey,
        catalog=True,
    ),
)
