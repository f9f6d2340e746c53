"""A run this server is running (``ActiveRun``) and what its thread needs from the
server (``Settings``).

The run's thread (``supervisor.py``) and the service (``service.py``) share an
``ActiveRun``: the plan, the record, the process once started and a stop request, which
can never fall between "not stopped yet" and the process appearing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ...aws.s3 import S3Service
from ...training import contract, entry_point
from ...training.metrics import MetricExtractor
from ...training.run_tree import RunLayout
from ..workspace import Workspace
from . import record as records
from .plan import RunPlan
from .process import LogSink, RunProcess
from .record import RunRecord, now_iso


@dataclass
class Settings:
    workspace: Workspace
    s3: S3Service
    stop_grace_seconds: float
    max_download_bytes: int
    machine: Callable[[], contract.Machine]


@dataclass
class ActiveRun:
    """A run this server is running: its plan, record, process and series."""

    plan: RunPlan
    record: RunRecord
    layout: RunLayout
    extractor: MetricExtractor
    stop_requested: threading.Event = field(default_factory=threading.Event)
    process: RunProcess | None = None
    done: threading.Event = field(default_factory=threading.Event)
    # Held while a process is started and while a stop is asked for, so a stop never
    # falls between "not stopped yet" and the process appearing.
    lock: threading.Lock = field(default_factory=threading.Lock)

    def spawn(self, command: list[str], env: Mapping[str, str], sink: LogSink) -> RunProcess | None:
        """Start ``command`` in ``code/``, unless a stop was asked for (then None)."""
        with self.lock:
            if self.stop_requested.is_set():
                return None
            self.process = RunProcess(command, cwd=self.layout.code_dir, env=env, sink=sink)
            return self.process

    def request_stop(self) -> RunProcess | None:
        """Mark the run stopping; the process to signal, if one was started."""
        with self.lock:
            self.stop_requested.set()
            return self.process

    def save(self) -> None:
        records.save(self.record)

    def end(self, status: str, reason: str | None = None, exit_code: int | None = None) -> None:
        self.record.status = status
        self.record.phase = None
        self.record.failure_reason = entry_point.failure_reason(reason) if reason else None
        self.record.exit_code = exit_code
        self.record.ended_at = now_iso()
        self.save()
