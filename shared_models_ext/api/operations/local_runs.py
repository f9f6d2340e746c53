"""Local-run operations: SageMaker's training-container contract on this machine, and
synthetic data for it."""

from __future__ import annotations

from ...domain.models.dry_run import DryRunOk, DryRunQuery
from ...domain.models.local_runs import (
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
from ..handlers.local_runs import (
    EntryLocalRunsHandler,
    LocalRunHandler,
    LocalRunLogHandler,
    LocalRunsHandler,
    StopLocalRunHandler,
    SyntheticDataHandler,
)
from .operation import Operation

_RUN_ERRORS = (400, 404)

LOCAL_RUN_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "post",
        "/entries/{entry_id}/local-runs",
        EntryLocalRunsHandler,
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
        LocalRunsHandler,
        "The caller's local runs, newest first",
        LocalRunPage,
        query=LocalRunQuery,
        errors=(400, 503),
    ),
    Operation(
        "get",
        "/local-runs/{run_id}",
        LocalRunHandler,
        "A local run: status, phase, failure reason (at most 1024 characters), metric series "
        "so far, artifacts",
        LocalRunStatus,
        errors=_RUN_ERRORS,
    ),
    Operation(
        "get",
        "/local-runs/{run_id}/log",
        LocalRunLogHandler,
        "The run's log (stdout and stderr) from byte offset N, at most 256 KiB, and where "
        "the next read starts",
        LocalRunLog,
        query=LocalRunLogQuery,
        errors=_RUN_ERRORS,
    ),
    Operation(
        "post",
        "/local-runs/{run_id}/stop",
        StopLocalRunHandler,
        "Stop a run: SIGTERM to its process group, SIGKILL after the grace period",
        LocalRunStatus,
        errors=_RUN_ERRORS,
    ),
    Operation(
        "delete",
        "/local-runs/{run_id}",
        LocalRunHandler,
        "Remove a finished run and its tree (409 while it runs)",
        None,
        status=204,
        errors=(404, 409),
    ),
    Operation(
        "post",
        "/entries/{entry_id}/synthetic-data",
        SyntheticDataHandler,
        "Write a seeded synthetic CSV made from the entry's column format into a workspace "
        "folder (never overwriting)",
        SyntheticDataWritten,
        status=201,
        body=SyntheticDataRequest,
        errors=(400, 404, 409, 413),
    ),
)
