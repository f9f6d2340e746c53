"""One local run from start to end, in its own thread: stage, run, pack, report.

The phases mirror a SageMaker training job's: *preparing* (the tree's data and code
are put in place, ``preparing.py``), *training* (the entry point runs, ``process.py``),
*uploading* (``model/`` and ``output/data/`` are packed as ``model.tar.gz`` /
``output.tar.gz`` into the output location, ``delivery.py``). Every way out of
``supervise`` ends the run's record as completed, failed or stopped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from ...domain.errors import SharedModelsError
from ...training import entry_point
from . import record as records
from .active_run import ActiveRun, Settings
from .container import command_for, container_env
from .delivery import deliver
from .preparing import REQUIREMENTS, prepare
from .process import LogSink
from .staging import StagingError

log = logging.getLogger(__name__)


def install_requirements(active: ActiveRun, sink: LogSink, settings: Settings) -> int | None:
    """``pip install -r requirements.txt``: its exit code, None when stopped first."""
    command = [active.plan.python, "-m", "pip", "install", "-r", REQUIREMENTS]
    sink.write_text(f"[shared-models] {' '.join(command)}\n")
    process = active.spawn(command, container_env(active, settings), sink)
    return None if process is None else process.wait()


def failure_from(active: ActiveRun, sink: LogSink, exit_code: int, command: list[str]) -> str:
    """``output/failure`` when the script wrote it, else the toolkit's message."""
    try:
        with open(active.layout.failure_file, encoding="utf-8", errors="replace") as failure:
            written = failure.read(entry_point.MAX_FAILURE_REASON + 1)
    except OSError:
        written = ""
    if written.strip():
        return entry_point.failure_reason(written)
    empty = entry_point.toolkit_failure_reason(exit_code, "", command)
    room = max(0, entry_point.MAX_FAILURE_REASON - len(empty))
    tail = "\n".join(sink.stderr_tail)[-room:] if room else ""
    return entry_point.failure_reason(entry_point.toolkit_failure_reason(exit_code, tail, command))


def supervise(active: ActiveRun, settings: Settings, on_end: Callable[[ActiveRun], None]) -> None:
    """The run's thread: every way out ends the record as completed, failed or stopped."""
    root = active.layout.root
    sink = LogSink(records.log_path(root), records.metrics_path(root), active.extractor)
    record = active.record
    try:
        prepare(active, sink, settings)
        if record.requirements_txt and not active.plan.install_requirements:
            sink.write_text(
                "[shared-models] code/ holds requirements.txt; it was not installed "
                "(tick 'Install requirements.txt first' to install it)\n"
            )
        if record.requirements_txt and active.plan.install_requirements:
            code = install_requirements(active, sink, settings)
            if code is not None and code != 0 and not active.stop_requested.is_set():
                active.end(
                    "failed",
                    f"InstallRequirementsError:\nExitCode {code}\n"
                    + "\n".join(sink.stderr_tail)[-800:],
                    code,
                )
                return
            record.requirements_installed = code == 0
        env = container_env(active, settings)
        command = command_for(active, env)
        record.command, record.phase = command, "training"
        sink.write_text(f"[shared-models] {' '.join(command)}\n")
        process = active.spawn(command, env, sink)
        if process is None:
            active.end("stopped")
            return
        record.process_pid = process.pid
        active.save()
        exit_code = process.wait()
        if active.stop_requested.is_set():
            active.end("stopped", exit_code=exit_code)
        elif exit_code != 0:
            active.end("failed", failure_from(active, sink, exit_code, command), exit_code)
        else:
            record.phase = "uploading"
            active.save()
            deliver(active, settings)
            active.end("completed", exit_code=0)
    except (StagingError, SharedModelsError) as error:
        active.end("failed" if not active.stop_requested.is_set() else "stopped", str(error))
    except Exception as error:  # a bug: the run must still end, with a reason
        log.exception("Shared models: local run %s failed unexpectedly", record.run_id)
        active.end("failed", f"The local run failed unexpectedly: {error!r}")
    finally:
        sink.close()
        on_end(active)
        active.done.set()
