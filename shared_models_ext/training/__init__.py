"""The SageMaker launch contract: request builders and status mapping (pure, no I/O)."""

from .deployment import DeploymentChoices, DeploymentRequests, build_deployment
from .request import TrainingChoices, build_training_job_request
from .rules import TAG_ENTRY_ID, TAG_LAUNCHED_BY, default_name, launch_tags, launched_from
from .status import deployment_status, training_job_status

__all__ = [
    "TAG_ENTRY_ID",
    "TAG_LAUNCHED_BY",
    "DeploymentChoices",
    "DeploymentRequests",
    "TrainingChoices",
    "build_deployment",
    "build_training_job_request",
    "default_name",
    "deployment_status",
    "launch_tags",
    "launched_from",
    "training_job_status",
]
