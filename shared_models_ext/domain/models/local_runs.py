"""Local runs: a shared model's training script on this machine, in SageMaker's contract.

The run's own tree stands for the training container's ``/opt/ml`` (see
``docs/local-runs.md``); these are the request and response shapes of the
``/local-runs`` routes.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal, get_args

from pydantic import BaseModel, Field

from ._common import RequestModel
from .containers import QueryModel
from .entries import UtcDatetime
from .launch import HyperparameterOverrides
from .training import MAX_CHANNELS, InstanceType

LocalRunStatusName = Literal["running", "completed", "failed", "stopped"]
RUNNING: Final = "running"
#: Every status but running: a run that has one has ended, for good.
FINAL_LOCAL_RUN_STATUSES: Final[tuple[LocalRunStatusName, ...]] = tuple(
    status for status in get_args(LocalRunStatusName) if status != RUNNING
)
# What a running run is doing: staging its data and code, running the entry point,
# or packing and writing model.tar.gz / output.tar.gz.
LocalRunPhase = Literal["preparing", "training", "uploading"]

MAX_SYNTHETIC_ROWS: Final = 1_000_000
DEFAULT_SYNTHETIC_ROWS: Final = 1000
DEFAULT_SEED: Final = 0
SYNTHETIC: Final = "synthetic"
#: The workspace folder a run's model.tar.gz and output.tar.gz go to by default.
DEFAULT_OUTPUT: Final = "shared-models-runs"

# A workspace path (relative to the contents root) or an S3 URI; checked by the runner,
# which knows the workspace root and reports each problem at its own field.
Source = Annotated[
    str,
    Field(
        min_length=1,
        max_length=1024,
        examples=["data/train", "s3://team-bucket/churn/train/", SYNTHETIC],
    ),
]
SyntheticRows = Annotated[int, Field(ge=1, le=MAX_SYNTHETIC_ROWS)]
Seed = Annotated[int, Field(ge=0, le=2**32 - 1)]


class StartLocalRun(RequestModel):
    """``POST /entries/{id}/local-runs``."""

    hyperparameters: HyperparameterOverrides = Field(
        default_factory=dict, description="Overrides, checked exactly as for a SageMaker launch"
    )
    instance_type: InstanceType | None = Field(
        default=None,
        description="One of the entry's instance types (SM_CURRENT_INSTANCE_TYPE); "
        "default: its default",
    )
    channels: Annotated[dict[str, Source], Field(max_length=MAX_CHANNELS)] = Field(
        default_factory=dict,
        description="Per channel: a workspace folder, an s3:// URI or 'synthetic'. "
        "A channel left out uses the entry's own S3 URI.",
    )
    synthetic_rows: SyntheticRows | None = Field(
        default=None,
        description="Rows of each synthetic channel; given alone, every channel is synthetic",
    )
    seed: Seed = Field(
        default=DEFAULT_SEED, description="Seed of the synthetic data (same seed, same bytes)"
    )
    python: Annotated[str, Field(min_length=1, max_length=255)] | None = Field(
        default=None,
        description="The name of a Jupyter kernelspec whose Python runs the script; "
        "default: the server's Python",
    )
    install_requirements: bool = Field(
        default=False,
        description="Run `python -m pip install -r requirements.txt` from code/ first",
    )
    code: Source | None = Field(
        default=None,
        description="The training code: a workspace file or folder, or an s3:// URI "
        "(.tar.gz or .py); default: the entry's script location",
    )
    output: Source | None = Field(
        default=None,
        description="Where model.tar.gz and output.tar.gz go: a workspace folder or an "
        "s3:// prefix (laid out as <output>/<run id>/output/); default: the workspace "
        f"folder {DEFAULT_OUTPUT}",
    )


class LocalRunStarted(BaseModel):
    run_id: str = Field(examples=["churn-xgboost-20261201-101500-123"])
    status: LocalRunStatusName


class LocalRunSummary(BaseModel):
    """One run, as ``GET /local-runs`` lists it."""

    run_id: str
    entry_id: str
    entry_title: str
    status: LocalRunStatusName
    phase: LocalRunPhase | None = Field(default=None, description="While running")
    started_at: UtcDatetime
    ended_at: UtcDatetime | None = None
    exit_code: int | None = None
    failure_reason: str | None = Field(default=None, max_length=1024)


class LocalRunStatus(LocalRunSummary):
    """``GET /local-runs/{run_id}``: the run, its metric series so far, its artifacts."""

    run_root: str = Field(description="The folder that stands for /opt/ml")
    metrics: dict[str, list[tuple[float, float]]] = Field(
        description="Per metric of the entry, [epoch seconds, value] points in log order "
        "(evenly thinned past 5,000 points)",
        examples=[{"loss": [[1796112000.5, 0.69], [1796112001.0, 0.52]]}],
    )
    model_artifact: str | None = Field(
        default=None, description="Workspace path or S3 URI of model.tar.gz"
    )
    output_artifact: str | None = Field(
        default=None, description="Workspace path or S3 URI of output.tar.gz"
    )
    output_location: str | None = Field(
        default=None, description="The workspace folder or S3 prefix holding both"
    )
    hyperparameters: dict[str, str] = Field(
        description="hyperparameters.json as written (strings, script-mode keys included)"
    )
    instance_type: str
    python: str = Field(description="The interpreter that ran the script")
    command: list[str] = Field(description="The entry point's command line")
    requirements_txt: bool = Field(description="code/ holds a requirements.txt")
    requirements_installed: bool


class LocalRunPage(BaseModel):
    items: list[LocalRunSummary]
    next_cursor: str | None = None


class LocalRunQuery(QueryModel):
    """``GET /local-runs``: the caller's runs, newest first."""

    limit: Annotated[int, Field(ge=1, le=200)] = 50
    cursor: Annotated[str, Field(max_length=512)] | None = Field(
        default=None, description="next_cursor of the previous page"
    )


class LocalRunLogQuery(QueryModel):
    offset: Annotated[int, Field(ge=0)] = Field(
        default=0, description="Byte offset to read from (next_offset of the previous read)"
    )


class LocalRunLog(BaseModel):
    """A slice of the run's log (stdout and stderr as they arrived), at most 256 KiB."""

    offset: int
    next_offset: int = Field(description="Where the next read starts")
    text: str
    complete: bool = Field(description="The run has ended and the log is read to its end")
    more: bool = Field(
        default=False,
        description="The log already holds bytes past next_offset: read again now, not later",
    )


class SyntheticDataRequest(RequestModel):
    """``POST /entries/{id}/synthetic-data``."""

    rows: SyntheticRows
    seed: Seed = DEFAULT_SEED
    directory: Annotated[str, Field(max_length=1024)] = Field(
        default="", description="Workspace folder (default: the workspace root)"
    )


class SyntheticDataWritten(BaseModel):
    path: str = Field(description="Workspace path of the CSV", examples=["churn-xgboost.csv"])
    rows: int
    columns: list[str]
