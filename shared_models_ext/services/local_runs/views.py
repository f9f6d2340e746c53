"""A run's record as the API shows it: its summary (the list's item), its full status
with its metric series, its log read from an offset (``GET /local-runs/{id}/log?offset=N``,
docs/local-runs.md).
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Final

from ...domain.models.local_runs import LocalRunLog, LocalRunStatus, LocalRunSummary
from ...store import LaunchRecord
from ...training.metrics import Series
from . import record as records
from .record import RunRecord

MAX_LOG_READ: Final = 256 * 1024


def summary_of(record: RunRecord) -> LocalRunSummary:
    """The run as the list shows it: what, when, how it ended."""
    return LocalRunSummary(
        run_id=record.run_id,
        entry_id=record.entry_id,
        entry_title=record.entry_title,
        status=record.status,
        phase=record.phase if not record.ended else None,
        started_at=datetime.fromisoformat(record.started_at),
        ended_at=datetime.fromisoformat(record.ended_at) if record.ended_at else None,
        exit_code=record.exit_code,
        failure_reason=record.failure_reason,
    )


def missing_summary(launch: LaunchRecord) -> LocalRunSummary:
    """A run the owner's launches list but whose folder is gone: failed, saying so."""
    return LocalRunSummary(
        run_id=launch.name,
        entry_id=launch.entry_id,
        entry_title=launch.entry_title,
        status="failed",
        started_at=launch.created_at,
        failure_reason="This run's folder is not on this server "
        "(it was removed, or the run was started by another server).",
    )


def finished_series(record: RunRecord) -> dict[str, list[tuple[float, float]]]:
    """The series of a run this server does not hold, from its metric points file."""
    kept = {name: Series() for name in record.metric_names}
    for name, point in records.read_metric_points(record.run_root):
        if name in kept:
            kept[name].add(point)
    return {name: list(points.points) for name, points in kept.items()}


def status_of(record: RunRecord, metrics: dict[str, list[tuple[float, float]]]) -> LocalRunStatus:
    """The run's full status: its summary, tree, series so far, artifacts and choices."""
    return LocalRunStatus(
        **summary_of(record).model_dump(),
        run_root=record.run_root,
        metrics=metrics,
        model_artifact=record.model_artifact,
        output_artifact=record.output_artifact,
        output_location=record.output_location,
        hyperparameters=record.hyperparameters,
        instance_type=record.instance_type,
        python=record.python,
        command=record.command,
        requirements_txt=record.requirements_txt,
        requirements_installed=record.requirements_installed,
    )


def read_log(record: RunRecord, offset: int) -> LocalRunLog:
    """At most ``MAX_LOG_READ`` bytes of the run's log from byte ``offset``; a UTF-8
    sequence cut at the end comes with the next read, unless the run has ended."""
    path = records.log_path(record.run_root)
    try:
        with open(path, "rb") as source:
            size = os.fstat(source.fileno()).st_size
            start = min(offset, size)
            source.seek(start)
            data = source.read(MAX_LOG_READ)
    except FileNotFoundError:
        size, start, data = 0, 0, b""
    at_end = start + len(data) >= size
    if not (record.ended and at_end):
        data = _utf8_complete(data)
    next_offset = start + len(data)
    return LocalRunLog(
        offset=start,
        next_offset=next_offset,
        text=data.decode("utf-8", errors="replace"),
        complete=record.ended and next_offset >= size,
        more=next_offset < size,
    )


def _utf8_complete(data: bytes) -> bytes:
    """``data`` without a UTF-8 sequence cut at its end (it comes with the next read)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return data
        if byte >= 0xC0:  # a lead byte: is its sequence whole?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data if back >= need else data[:-back]
    return data
