"""One local run from start to end, in its own thread: stage, run, pack, report.

The phases mirror a SageMaker training job's: *preparing* (the tree's data and code
are put in place), *training* (the entry point runs), *uploading* (``model/`` and
``output/data/`` are packed as ``model.tar.gz`` / ``output.tar.gz`` into the output
location, laid out as SageMaker does: ``<output>/<run id>/output/``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import tarfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Final

from ...aws.s3 import S3Service
from ...domain.errors import SharedModelsError
from ...training import contract, entry_point
from ...training.metrics import MetricExtractor
from ...training.run_tree import RunLayout
from ...training.synthetic import write_synthetic_csv
from ..workspace import Workspace
from . import record as records
from .plan import ChannelPlan, RunPlan
from .process import LogSink, RunProcess
from .record import RunRecord
from .staging import StagingError, copy_workspace_folder, download_prefix, stage_code

log = logging.getLogger(__name__)

REQUIREMENTS: Final = "requirements.txt"
TAR_GZ: Final = "application/gzip"
# What the entry point inherits from the server's environment (a container starts
# clean): the shell basics, interpreter and numeric-library settings; never the
# server's own secrets (Jupyter or JupyterHub tokens).
_PASSED_THROUGH: Final = (
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "LANG",
    "TZ",
    "TMPDIR",
    "SHELL",
    "TERM",
    "VIRTUAL_ENV",
    "CONDA_PREFIX",
    "LD_LIBRARY_PATH",
    "CUDA_VISIBLE_DEVICES",
)
_PASSED_PREFIXES: Final = ("LC_", "OPENBLAS_", "OMP_", "MKL_")
_AWS_PREFIX: Final = "AWS_"


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat()


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


def container_env(active: ActiveRun, settings: Settings) -> dict[str, str]:
    """The entry point's environment: the toolkit's variables over a clean base, then the
    entry's own environment."""
    plan, layout = active.plan, active.layout
    with open(os.path.join(layout.input_config_dir, "inputdataconfig.json"), "rb") as f:
        input_config = _json(f.read())
    resources = contract.resource_config(plan.instance_type)
    computed = contract.container_environment(
        layout,
        plan.hyperparameters,
        input_config,
        resources,
        job_name=active.record.run_id,
        machine=settings.machine(),
    )
    isolated = plan.entry.training is not None and plan.entry.training.network_isolation
    env = {
        name: value
        for name, value in os.environ.items()
        if name in _PASSED_THROUGH
        or name.startswith(_PASSED_PREFIXES)
        or (name.startswith(_AWS_PREFIX) and not isolated)
    }
    env.update(computed.variables)
    env["SAGEMAKER_BASE_DIR"] = layout.root
    env["TRAINING_JOB_NAME"] = active.record.run_id
    env["FILE_FORMAT"] = contract.DEFAULT_FILE_FORMAT
    env["PYTHONUNBUFFERED"] = "1"  # as the Deep Learning Containers set it: live logs
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (layout.code_dir, os.environ.get("PYTHONPATH")) if part
    )
    env.update(plan.environment)
    return env


def _json(data: bytes) -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = json.loads(data)
    return loaded


def write_config(active: ActiveRun) -> None:
    """The tree's folders and ``input/config/*.json``, as SageMaker writes them."""
    plan, layout = active.plan, active.layout
    for folder in layout.folders([c.name for c in plan.channels]):
        os.makedirs(folder, exist_ok=True)
    files: dict[str, Mapping[str, Any]] = {
        "hyperparameters.json": plan.hyperparameters,
        "inputdataconfig.json": contract.input_data_config(
            {c.name: c.content_type for c in plan.channels}
        ),
        "resourceconfig.json": contract.resource_config(plan.instance_type),
    }
    for name, value in files.items():
        with open(os.path.join(layout.input_config_dir, name), "w", encoding="utf-8") as out:
            out.write(contract.config_json(value))


def _stage_channel(
    channel: ChannelPlan, index: int, active: ActiveRun, settings: Settings, used: int
) -> int:
    plan, target = active.plan, active.layout.channel_dir(channel.name)
    if channel.kind == "synthetic":
        assert plan.tabular is not None
        path = os.path.join(target, f"{channel.name}.csv")
        with open(path, "wb") as out:
            write_synthetic_csv(plan.tabular, plan.synthetic_rows, plan.seed * 64 + index, out)
        return used
    if channel.kind == "s3":
        return used + download_prefix(
            settings.s3, channel.source, target, settings.max_download_bytes, used
        )
    if os.path.isdir(channel.source):
        copy_workspace_folder(settings.workspace, channel.source, target)
    else:
        shutil.copy(channel.source, target)
    return used


def prepare(active: ActiveRun, sink: LogSink, settings: Settings) -> None:
    """Data into ``input/data/<channel>/``, code into ``code/``."""
    plan, layout = active.plan, active.layout
    used = 0
    for index, channel in enumerate(plan.channels):
        if active.stop_requested.is_set():
            return
        shown = (
            f"{plan.synthetic_rows:,} synthetic rows"
            if channel.kind == "synthetic"
            else (
                channel.source
                if channel.kind == "s3"
                else settings.workspace.relative(channel.source) or "."
            )
        )
        sink.write_text(f"[shared-models] channel {channel.name}: {shown}\n")
        used = _stage_channel(channel, index, active, settings, used)
    sink.write_text(f"[shared-models] code: {_shown(plan.code, plan.code_is_s3, settings)}\n")
    stage_code(
        plan.code,
        layout.code_dir,
        workspace=settings.workspace,
        s3=settings.s3,
        download_dir=records.product_dir(layout.root),
        from_s3=plan.code_is_s3,
    )
    entry = os.path.join(layout.code_dir, plan.entry_point)
    if not os.path.isfile(entry):
        present = ", ".join(sorted(os.listdir(layout.code_dir))[:20]) or "nothing"
        raise StagingError(
            f"The entry point '{plan.entry_point}' is not in the training code "
            f"(code/ holds: {present})."
        )
    active.record.requirements_txt = os.path.isfile(os.path.join(layout.code_dir, REQUIREMENTS))


def _shown(source: str, s3: bool, settings: Settings) -> str:
    return source if s3 else settings.workspace.relative(source) or "."


def install_requirements(active: ActiveRun, sink: LogSink, settings: Settings) -> int | None:
    """``pip install -r requirements.txt``: its exit code, None when stopped first."""
    command = [active.plan.python, "-m", "pip", "install", "-r", REQUIREMENTS]
    sink.write_text(f"[shared-models] {' '.join(command)}\n")
    process = active.spawn(command, container_env(active, settings), sink)
    return None if process is None else process.wait()


def command_for(active: ActiveRun, env: Mapping[str, str]) -> list[str]:
    layout, plan = active.layout, active.plan
    args = json.loads(env.get("SM_USER_ARGS", "[]"))
    package = entry_point.is_python_package(os.listdir(layout.code_dir))
    command = entry_point.entry_point_command(plan.entry_point, args, plan.python, package=package)
    if command[0] == "/bin/sh":  # the toolkit makes a command entry point executable
        path = os.path.join(layout.code_dir, plan.entry_point)
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return command


def pack(folder: str, archive: str) -> bool:
    """``folder``'s content as a ``.tar.gz`` (members relative to it); False when empty."""
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    if not names:
        return False
    with tarfile.open(archive, "w:gz") as tar:
        for name in names:
            tar.add(os.path.join(folder, name), arcname=name)
    return True


def deliver(active: ActiveRun, settings: Settings) -> None:
    """Pack ``model/`` and ``output/data/`` into ``<output>/<run id>/output/``."""
    plan, layout, record = active.plan, active.layout, active.record
    staging = records.product_dir(layout.root)
    archives = {
        "model.tar.gz": layout.model_dir,
        "output.tar.gz": layout.output_data_dir,
    }
    packed = {
        name: os.path.join(staging, name)
        for name, folder in archives.items()
        if pack(folder, os.path.join(staging, name)) or name == "model.tar.gz"
    }
    if not os.path.exists(packed["model.tar.gz"]):  # an empty model/ still gives an archive
        with tarfile.open(packed["model.tar.gz"], "w:gz"):
            pass
    if plan.output.kind == "s3":
        location = f"{plan.output.location.rstrip('/')}/{record.run_id}/output/"
        for name, path in packed.items():
            settings.s3.upload_file(path, location + name, TAR_GZ)
        record.output_location = location
        record.model_artifact = location + "model.tar.gz"
        record.output_artifact = location + "output.tar.gz" if "output.tar.gz" in packed else None
        return
    folder = os.path.join(plan.output.location, record.run_id, "output")
    if not settings.workspace.contains(os.path.dirname(os.path.dirname(folder))):
        raise StagingError("The output folder leads outside the workspace.")
    os.makedirs(folder, exist_ok=True)
    for name, path in packed.items():
        shutil.move(path, os.path.join(folder, name))
    relative = settings.workspace.relative(folder)
    record.output_location = relative
    record.model_artifact = f"{relative}/model.tar.gz"
    record.output_artifact = f"{relative}/output.tar.gz" if "output.tar.gz" in packed else None


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
