"""Launching from a card: training jobs and deployments, and each user's launches.

No tornado here: handlers parse, call these methods off the event loop, serialise.
Anyone who can see an entry may launch it (not only its owner); what they launch is
tagged ``shared-models:entry-id`` / ``shared-models:launched-by`` and recorded in the
store ("my launches").

Retries never launch twice: SageMaker names are unique per account and region, so a
retried request (same name) finds the name taken; when the resource that holds it was
launched from the same entry by the same user (its tags say so), that resource is the
answer; otherwise the name belongs to something else: 409.

A dry run (``check_training_job``, ``check_deployment``) builds the same requests and
puts them through the checks botocore makes before it sends anything, and sends
nothing: not the request, not a lookup of whether the name is free (docs/api.md).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from functools import cache
from typing import Any

import botocore.session
from botocore.exceptions import ParamValidationError
from botocore.model import ServiceModel
from botocore.validate import ParamValidator

from ..aws.errors import translate
from ..aws.sagemaker import NameInUse, SageMakerService
from ..domain.errors import Conflict, NotFound, invalid_field
from ..domain.models import Entry
from ..domain.models.dry_run import DryRunOk
from ..domain.models.launch import (
    DeploymentCreated,
    DeploymentStatus,
    LaunchNames,
    TrainingJobLaunched,
    TrainingJobStatus,
    TrainingJobStopping,
)
from ..domain.models.training_job import CreateTrainingJobRequest
from ..store import LaunchStore
from ..training import (
    DeploymentChoices,
    DeploymentRequests,
    TrainingChoices,
    build_deployment,
    build_training_job_request,
    deployment_status,
    launched_from,
    training_job_status,
)
from ..training.rules import default_name, is_valid_name
from .catalog import EntryCatalog
from .launch_records import record_launch


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Launcher:
    """Training jobs and endpoints launched from entries. Blocking: run off the loop."""

    def __init__(
        self,
        catalog: EntryCatalog,
        sagemaker: SageMakerService,
        open_store: Callable[[], LaunchStore],
        default_role_arn: str | None = None,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._catalog = catalog
        self._sagemaker = sagemaker
        self._open_store = open_store
        self._default_role_arn = default_role_arn or None
        self._clock = clock

    # -- names -----------------------------------------------------------------

    def launch_names(self, viewer: str, entry_id: str) -> LaunchNames:
        """The names a launch of the entry ``viewer`` can see gets by default, now."""
        entry = self._catalog.get(viewer, entry_id)
        name = default_name(entry.id, self._clock())
        return LaunchNames(training_job=name, endpoint=name)

    # -- training --------------------------------------------------------------

    def training_job_request(
        self, viewer: str, entry_id: str, choices: TrainingChoices
    ) -> CreateTrainingJobRequest:
        """The CreateTrainingJob request ``viewer`` would send (the export)."""
        return self._training_request(self._catalog.get(viewer, entry_id), viewer, choices)

    def check_training_job(self, viewer: str, entry_id: str, choices: TrainingChoices) -> DryRunOk:
        """Every check ``launch_training_job`` makes, with nothing sent to AWS."""
        request = self._training_request(self._catalog.get(viewer, entry_id), viewer, choices)
        check_request("CreateTrainingJob", request.to_api())
        return DryRunOk()

    def launch_training_job(
        self, viewer: str, entry_id: str, choices: TrainingChoices
    ) -> TrainingJobLaunched:
        entry = self._catalog.get(viewer, entry_id)
        request = self._training_request(entry, viewer, choices)
        name = request.TrainingJobName
        sagemaker = self._sagemaker
        arn, created = self._create_or_adopt(
            lambda: sagemaker.create_training_job(request.to_api()),
            lambda: str(sagemaker.describe_training_job(name)["TrainingJobArn"]),
            entry,
            viewer,
            ("training job", name, "job_name"),
        )
        status = (
            "InProgress"
            if created
            else str(sagemaker.describe_training_job(name)["TrainingJobStatus"])
        )
        self._record("training-job", viewer, entry, name, arn)
        return TrainingJobLaunched(job_name=name, arn=arn, status=status)

    def training_job(self, name: str) -> TrainingJobStatus:
        _check_name(name, "job_name")
        return training_job_status(self._sagemaker.describe_training_job(name))

    def stop_training_job(self, name: str) -> TrainingJobStopping:
        _check_name(name, "job_name")
        self._sagemaker.stop_training_job(name)
        return TrainingJobStopping(job_name=name, status="Stopping")

    # -- deployment ------------------------------------------------------------

    def check_deployment(self, viewer: str, entry_id: str, choices: DeploymentChoices) -> DryRunOk:
        """Every check ``deploy`` makes, with nothing sent to AWS."""
        requests = self._deployment_requests(self._catalog.get(viewer, entry_id), viewer, choices)
        check_request("CreateModel", requests.create_model)
        check_request("CreateEndpointConfig", requests.create_endpoint_config)
        check_request("CreateEndpoint", requests.create_endpoint)
        return DryRunOk()

    def deploy(self, viewer: str, entry_id: str, choices: DeploymentChoices) -> DeploymentCreated:
        """CreateModel, CreateEndpointConfig, CreateEndpoint (each adopted on a retry)."""
        entry = self._catalog.get(viewer, entry_id)
        requests = self._deployment_requests(entry, viewer, choices)
        name = requests.endpoint_name
        sagemaker = self._sagemaker
        self._create_or_adopt(
            lambda: sagemaker.create_model(requests.create_model),
            lambda: sagemaker.model_arn(name),
            entry,
            viewer,
            ("model", name, "endpoint_name"),
        )
        self._create_or_adopt(
            lambda: sagemaker.create_endpoint_config(requests.create_endpoint_config),
            lambda: sagemaker.endpoint_config_arn(name),
            entry,
            viewer,
            ("endpoint configuration", name, "endpoint_name"),
        )
        arn, created = self._create_or_adopt(
            lambda: sagemaker.create_endpoint(requests.create_endpoint),
            lambda: str(sagemaker.describe_endpoint(name)["EndpointArn"]),
            entry,
            viewer,
            ("endpoint", name, "endpoint_name"),
        )
        status = "Creating" if created else str(sagemaker.describe_endpoint(name)["EndpointStatus"])
        self._record("endpoint", viewer, entry, name, arn)
        return DeploymentCreated(
            endpoint_name=name, model_name=name, endpoint_config_name=name, status=status, arn=arn
        )

    def deployment(self, name: str) -> DeploymentStatus:
        _check_name(name, "endpoint_name")
        endpoint = self._sagemaker.describe_endpoint(name)
        config = None
        config_name = endpoint.get("EndpointConfigName")
        if config_name:
            try:
                config = self._sagemaker.describe_endpoint_config(str(config_name))
            except NotFound:
                config = None  # deleted since: the endpoint's own answer is still good
        return deployment_status(endpoint, config)

    # -- helpers ---------------------------------------------------------------

    def _training_request(
        self, entry: Entry, viewer: str, choices: TrainingChoices
    ) -> CreateTrainingJobRequest:
        return build_training_job_request(
            entry,
            choices,
            launched_by=viewer,
            now=self._clock(),
            default_role_arn=self._default_role_arn,
        )

    def _deployment_requests(
        self, entry: Entry, viewer: str, choices: DeploymentChoices
    ) -> DeploymentRequests:
        return build_deployment(
            entry,
            choices,
            launched_by=viewer,
            now=self._clock(),
            default_role_arn=self._default_role_arn,
        )

    def _create_or_adopt(
        self,
        create: Callable[[], str],
        existing_arn: Callable[[], str],
        entry: Entry,
        viewer: str,
        resource: tuple[str, str, str],
    ) -> tuple[str, bool]:
        """``(arn, True)`` once created; ``(arn, False)`` when the name already holds what
        this user launched from this entry (a retry); 409 when it holds anything else."""
        try:
            return create(), True
        except NameInUse as taken:
            arn = existing_arn()
            if launched_from(self._sagemaker.tags(arn), entry.id, viewer):
                return arn, False
            what, name, field = resource
            raise Conflict(
                f"A SageMaker {what} named '{name}' already exists and was not launched from "
                f"'{entry.id}' by {viewer}; choose another name. ({taken.message})",
                [{"loc": [field], "msg": f"the name '{name}' is taken"}],
            ) from None

    def _record(self, kind: str, viewer: str, entry: Entry, name: str, arn: str) -> None:
        record_launch(
            self._open_store(),
            entry,
            owner=viewer,
            kind=kind,
            name=name,
            arn=arn,
            region=self._sagemaker.region,
        )


@cache
def _sagemaker_model() -> ServiceModel:
    """botocore's model of the SageMaker API (loaded once: it is a large file)."""
    return botocore.session.get_session().get_service_model("sagemaker")


def check_request(operation: str, request: dict[str, Any]) -> None:
    """What botocore checks of a SageMaker request before sending it, offline.

    A request it refuses fails here as the real call would (the same error), so a dry
    run answers what the launch would have.
    """
    shape = _sagemaker_model().operation_model(operation).input_shape
    assert shape is not None  # every Create* operation takes input
    report = ParamValidator().validate(request, shape)
    if report.has_errors():
        raise translate(ParamValidationError(report=report.generate_report()))


def _check_name(name: str, field: str) -> None:
    if not is_valid_name(name):
        raise invalid_field(
            [field],
            f"'{name[:80]}' is not a SageMaker name (1 to 63 letters, digits and hyphens)",
        )
