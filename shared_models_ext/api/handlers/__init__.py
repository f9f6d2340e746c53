"""The HTTP layer: one module per resource, all routes listed here."""

from __future__ import annotations

from typing import Any

from .base import API_PREFIX, SharedModelsHandler
from .cleanrooms import CleanRoomsAlgorithmsHandler, EntryCleanRoomsAlgorithmsHandler
from .containers import DlcImageHandler, EcrImagesHandler
from .datasets import DatasetCheckHandler, EntryDatasetCheckHandler
from .deployments import DeploymentHandler, EntryDeploymentsHandler, LaunchesHandler
from .entries import EntriesHandler, EntryHandler
from .hubs import EntryHubPublicationsHandler, HubsHandler
from .local_runs import (
    EntryLocalRunsHandler,
    LocalRunHandler,
    LocalRunLogHandler,
    LocalRunsHandler,
    StopLocalRunHandler,
    SyntheticDataHandler,
)
from .meta import IdSuggestionHandler, MeHandler, OpenAPIHandler, OptionsHandler
from .notebooks import OpenNotebookHandler, ShareNotebookHandler
from .storage import S3ExistsHandler, S3Handler
from .training import (
    EntryTrainingJobsHandler,
    StopTrainingJobHandler,
    TrainingJobHandler,
    TrainingJobRequestHandler,
    TrainingJobsHandler,
)

ENTRY_ID = r"(?P<entry_id>[^/]+)"
JOB_NAME = r"(?P<job_name>[^/]+)"
ENDPOINT_NAME = r"(?P<endpoint_name>[^/]+)"
RUN_ID = r"(?P<run_id>[^/]+)"


def routes() -> list[tuple[str, type[SharedModelsHandler]]]:
    """Every route of the extension, relative to the server's base_url."""
    table: list[tuple[str, type[Any]]] = [
        ("entries", EntriesHandler),
        (f"entries/{ENTRY_ID}", EntryHandler),
        ("options", OptionsHandler),
        ("me", MeHandler),
        ("id-suggestions", IdSuggestionHandler),
        ("openapi.json", OpenAPIHandler),
        ("s3", S3Handler),
        ("s3/exists", S3ExistsHandler),
        ("notebooks/share", ShareNotebookHandler),
        (f"entries/{ENTRY_ID}/open", OpenNotebookHandler),
        (f"entries/{ENTRY_ID}/validation-check", EntryDatasetCheckHandler),
        ("validation-check", DatasetCheckHandler),
        ("training-jobs", TrainingJobsHandler),
        (f"training-jobs/{JOB_NAME}", TrainingJobHandler),
        (f"training-jobs/{JOB_NAME}/stop", StopTrainingJobHandler),
        (f"entries/{ENTRY_ID}/training-job-request", TrainingJobRequestHandler),
        (f"entries/{ENTRY_ID}/training-jobs", EntryTrainingJobsHandler),
        (f"entries/{ENTRY_ID}/deployments", EntryDeploymentsHandler),
        (f"deployments/{ENDPOINT_NAME}", DeploymentHandler),
        ("launches", LaunchesHandler),
        ("ecr/images", EcrImagesHandler),
        ("dlc-image", DlcImageHandler),
        (f"entries/{ENTRY_ID}/local-runs", EntryLocalRunsHandler),
        ("local-runs", LocalRunsHandler),
        (f"local-runs/{RUN_ID}", LocalRunHandler),
        (f"local-runs/{RUN_ID}/log", LocalRunLogHandler),
        (f"local-runs/{RUN_ID}/stop", StopLocalRunHandler),
        (f"entries/{ENTRY_ID}/synthetic-data", SyntheticDataHandler),
        (f"entries/{ENTRY_ID}/cleanrooms-algorithms", EntryCleanRoomsAlgorithmsHandler),
        ("cleanrooms-algorithms", CleanRoomsAlgorithmsHandler),
        ("hubs", HubsHandler),
        (f"entries/{ENTRY_ID}/hub-publications", EntryHubPublicationsHandler),
    ]
    return [(f"/{API_PREFIX}/{path}", handler) for path, handler in table]


__all__ = ["routes"]
