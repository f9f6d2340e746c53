"""A local run's record, kept in its own folder (``.shared-models/run.json``).

Runs live on the machine that ran them, so their state stays beside their tree; the
catalog database only lists them in each user's launches. The record is rewritten
whole (temporary file + rename) so a reader never sees half of it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from typing import Any, Final

from ...domain.models.local_runs import FINAL_LOCAL_RUN_STATUSES, RUNNING

PRODUCT_DIR: Final = ".shared-models"
RECORD_FILE: Final = "run.json"
LOG_FILE: Final = "log.txt"
METRICS_FILE: Final = "metrics.jsonl"


def now_iso() -> str:
    """Now, as the record's times are written: ISO 8601, UTC."""
    return datetime.now(timezone.utc).isoformat()


@dataclass
class RunRecord:
    run_id: str
    owner: str
    entry_id: str
    entry_title: str
    run_root: str
    started_at: str  # ISO 8601, UTC
    status: str = RUNNING
    phase: str | None = "preparing"
    ended_at: str | None = None
    exit_code: int | None = None
    failure_reason: str | None = None
    model_artifact: str | None = None
    output_artifact: str | None = None
    output_location: str | None = None
    hyperparameters: dict[str, str] = field(default_factory=dict)
    instance_type: str = ""
    python: str = ""
    command: list[str] = field(default_factory=list)
    requirements_txt: bool = False
    requirements_installed: bool = False
    metric_names: list[str] = field(default_factory=list)
    server_pid: int = 0
    server_id: str = ""
    process_pid: int | None = None

    @property
    def ended(self) -> bool:
        return self.status in FINAL_LOCAL_RUN_STATUSES


def product_dir(run_root: str) -> str:
    return os.path.join(run_root, PRODUCT_DIR)


def record_path(run_root: str) -> str:
    return os.path.join(product_dir(run_root), RECORD_FILE)


def log_path(run_root: str) -> str:
    return os.path.join(product_dir(run_root), LOG_FILE)


def metrics_path(run_root: str) -> str:
    return os.path.join(product_dir(run_root), METRICS_FILE)


def save(record: RunRecord) -> None:
    path = record_path(record.run_root)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump(asdict(record), out)
    os.replace(temporary, path)


def load(run_root: str) -> RunRecord | None:
    """The record in ``run_root``; None when there is none (or it is unreadable)."""
    try:
        with open(record_path(run_root), encoding="utf-8") as source:
            data: dict[str, Any] = json.load(source)
    except (OSError, ValueError):
        return None
    known = {f.name for f in fields(RunRecord)}
    try:
        return RunRecord(**{k: v for k, v in data.items() if k in known})
    except TypeError:
        return None


def read_metric_points(run_root: str) -> list[tuple[str, tuple[float, float]]]:
    points: list[tuple[str, tuple[float, float]]] = []
    try:
        with open(metrics_path(run_root), encoding="utf-8") as source:
            for line in source:
                try:
                    name, t, v = json.loads(line)
                except (ValueError, TypeError):
                    continue  # a line cut by a crash
                points.append((str(name), (float(t), float(v))))
    except OSError:
        pass
    return points
