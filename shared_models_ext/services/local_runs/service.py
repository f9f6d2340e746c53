"""Local runs as the API serves them: start, follow, stop, list, delete.

No tornado here: handlers parse, call these methods off the event loop, serialise.
Each run's state is its record in its own folder (``record.py``); the catalog database
lists it among the owner's launches (kind ``local-run``). A run this server does not
hold, whose record still says *running*, was cut off by a server that stopped: the
first read of it says so (``failed``) and ends what is left of its process.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import shutil
import signal
import subprocess
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Final

import boto3

from ...aws.s3 import S3Service
from ...domain.errors import Conflict, InvalidInput, NotFound, invalid_field
from ...domain.models import Entry
from ...domain.models.dry_run import DryRunOk
from ...domain.models.local_runs import (
    LocalRunLog,
    LocalRunPage,
    LocalRunQuery,
    LocalRunStarted,
    LocalRunStatus,
    LocalRunSummary,
    StartLocalRun,
    SyntheticDataRequest,
    SyntheticDataWritten,
)
from ...store import NewLaunch, SqlLaunchStore
from ...training import contract
from ...training.metrics import MetricExtractor, Series
from ...training.request import training_spec
from ...training.rules import default_name, is_valid_name
from ...training.run_tree import RunLayout
from ...training.synthetic import write_synthetic_csv
from ..catalog import Catalog
from ..workspace import Workspace, free_name
from . import record as records
from .plan import plan_run
from .process import is_run_process, signal_group
from .record import RunRecord
from .runner import ActiveRun, Settings, now_iso, supervise, write_config

LAUNCH_KIND: Final = "local-run"
LOCAL_REGION: Final = "local"
MAX_LOG_READ: Final = 256 * 1024
SERVER_STOPPED: Final = (
    "The Jupyter server stopped while this run was in progress, so the run was ended. "
    "Start it again."
)
_FINISHED_CACHE: Final = 16


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


def _gpus() -> int:
    """The toolkit's count: lines of ``nvidia-smi --list-gpus`` that start with 'GPU '."""
    try:
        output = subprocess.run(
            ["nvidia-smi", "--list-gpus"],  # noqa: S607 - as the toolkit runs it
            capture_output=True,
            check=True,
            timeout=10,
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return 0
    return sum(1 for line in output.split("\n") if line.startswith("GPU "))


class LocalRuns:
    """Every local run of this server. Blocking methods: run them off the event loop."""

    def __init__(
        self,
        catalog: Catalog,
        s3: S3Service,
        open_launches: Callable[[], SqlLaunchStore],
        *,
        workspace_root: str,
        runs_dir: str,
        max_concurrent: int = 2,
        stop_grace_seconds: float = 10.0,
        max_download_bytes: int = 10 * 1024**3,
        region: str | None = None,
    ) -> None:
        self._catalog = catalog
        self._open_launches = open_launches
        self._runs_dir = os.path.realpath(runs_dir)
        self._max_concurrent = max_concurrent
        self._region = region
        self._server_id = uuid.uuid4().hex
        self._lock = threading.Lock()
        self._active: dict[str, ActiveRun] = {}
        self._reserved = 0
        self._machine: contract.Machine | None = None
        self._finished: collections.OrderedDict[str, dict[str, list[tuple[float, float]]]] = (
            collections.OrderedDict()
        )
        self.workspace = Workspace(workspace_root)
        self.settings = Settings(
            workspace=self.workspace,
            s3=s3,
            stop_grace_seconds=stop_grace_seconds,
            max_download_bytes=max_download_bytes,
            machine=self.machine,
        )

    def machine(self) -> contract.Machine:
        if self._machine is None:
            region = self._region or boto3.session.Session().region_name
            self._machine = contract.Machine(
                num_cpus=multiprocessing.cpu_count(), num_gpus=_gpus(), region=region
            )
        return self._machine

    # -- start ---------------------------------------------------------------

    def start(
        self, viewer: str, entry_id: str, body: StartLocalRun, *, dry_run: bool = False
    ) -> LocalRunStarted | DryRunOk:
        entry = self._catalog.get(viewer, entry_id)
        plan = plan_run(entry, body, self.workspace)
        if dry_run:
            return DryRunOk()
        self._reserve()
        try:
            run_id, root = self._new_run_folder(entry)
            record = RunRecord(
                run_id=run_id,
                owner=viewer,
                entry_id=entry.id,
                entry_title=entry.title,
                run_root=root,
                started_at=now_iso(),
                hyperparameters=plan.hyperparameters,
                instance_type=plan.instance_type,
                python=plan.python_label,
                metric_names=list(plan.metrics),
                server_pid=os.getpid(),
                server_id=self._server_id,
            )
            active = ActiveRun(
                plan=plan,
                record=record,
                layout=RunLayout(root),
                extractor=MetricExtractor(plan.metrics),
            )
            write_config(active)
            active.save()
            self._open_launches().record(
                NewLaunch(
                    owner=viewer,
                    kind=LAUNCH_KIND,
                    name=run_id,
                    entry_id=entry.id,
                    entry_title=entry.title,
                    arn="",
                    region=LOCAL_REGION,
                )
            )
        except BaseException:
            with self._lock:
                self._reserved -= 1
            if "root" in locals():
                shutil.rmtree(root, ignore_errors=True)  # nothing half-created
            raise
        with self._lock:
            self._reserved -= 1
            self._active[run_id] = active
        threading.Thread(
            target=supervise,
            args=(active, self.settings, self._ended),
            name=f"local-run-{run_id}",
            daemon=True,
        ).start()
        return LocalRunStarted(run_id=run_id, status="running")

    def _reserve(self) -> None:
        with self._lock:
            running = len(self._active) + self._reserved
            if running >= self._max_concurrent:
                raise Conflict(
                    f"{running} local runs are already running, the most this server runs "
                    f"at once (SharedModelsApp.local_runs_max_concurrent = "
                    f"{self._max_concurrent}). Stop one or wait for it to end.",
                    [{"loc": [], "msg": "too many local runs at once"}],
                )
            self._reserved += 1

    def _new_run_folder(self, entry: Entry) -> tuple[str, str]:
        os.makedirs(self._runs_dir, exist_ok=True)
        for _ in range(100):
            run_id = default_name(entry.id, datetime.now(timezone.utc))
            root = os.path.join(self._runs_dir, run_id)
            try:
                os.makedirs(records.product_dir(root))
            except FileExistsError:
                continue  # the same millisecond: the next one is free
            return run_id, root
        raise Conflict("Could not find a free run name; try again.")

    def _ended(self, active: ActiveRun) -> None:
        with self._lock:
            self._active.pop(active.record.run_id, None)

    # -- read ----------------------------------------------------------------

    def _record(self, viewer: str, run_id: str) -> RunRecord:
        """The caller's run (404 for anyone else's), cut-off runs settled first."""
        if not is_valid_name(run_id):
            raise NotFound(f"There is no local run '{run_id[:80]}'.")
        with self._lock:
            active = self._active.get(run_id)
        if active is not None:
            if active.record.owner != viewer:
                raise NotFound(f"There is no local run '{run_id}'.")
            return active.record
        found = records.load(os.path.join(self._runs_dir, run_id))
        if found is None or found.owner != viewer:
            raise NotFound(f"There is no local run '{run_id}'.")
        if not found.ended and not self._held_elsewhere(found):
            self._settle_cut_off(found)
        return found

    def _held_elsewhere(self, found: RunRecord) -> bool:
        """Another live server (sharing this runs folder) is running it."""
        if found.server_id == self._server_id or found.server_pid == os.getpid():
            return False
        try:
            with open(f"/proc/{found.server_pid}/cmdline", "rb") as cmdline:
                return b"jupyter" in cmdline.read()
        except OSError:
            return False

    def _settle_cut_off(self, found: RunRecord) -> None:
        pid = found.process_pid
        if pid and is_run_process(pid, found.run_root):
            signal_group(pid, signal.SIGKILL)
        found.status, found.phase = "failed", None
        found.failure_reason = SERVER_STOPPED
        found.ended_at = now_iso()
        records.save(found)

    def status(self, viewer: str, run_id: str) -> LocalRunStatus:
        record = self._record(viewer, run_id)
        return self._status(record)

    def _status(self, record: RunRecord) -> LocalRunStatus:
        return LocalRunStatus(
            **_summary(record).model_dump(),
            run_root=record.run_root,
            metrics=self._metrics(record),
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

    def _metrics(self, record: RunRecord) -> dict[str, list[tuple[float, float]]]:
        with self._lock:
            active = self._active.get(record.run_id)
            cached = self._finished.get(record.run_id)
        if active is not None:
            return active.extractor.snapshot()
        if cached is not None:
            return cached
        kept = {name: Series() for name in record.metric_names}
        for name, point in records.read_metric_points(record.run_root):
            if name in kept:
                kept[name].add(point)
        series = {name: list(points.points) for name, points in kept.items()}
        with self._lock:
            self._finished[record.run_id] = series
            while len(self._finished) > _FINISHED_CACHE:
                self._finished.popitem(last=False)
        return series

    def log(self, viewer: str, run_id: str, offset: int) -> LocalRunLog:
        record = self._record(viewer, run_id)
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
        )

    def list(self, viewer: str, query: LocalRunQuery) -> LocalRunPage:
        launches, next_cursor = self._open_launches().list(
            viewer, kind=LAUNCH_KIND, limit=query.limit, after=query.cursor
        )
        items: list[LocalRunSummary] = []
        for launch in launches:
            try:
                items.append(_summary(self._record(viewer, launch.name)))
            except NotFound:
                items.append(
                    LocalRunSummary(
                        run_id=launch.name,
                        entry_id=launch.entry_id,
                        entry_title=launch.entry_title,
                        status="failed",
                        started_at=launch.created_at,
                        failure_reason="This run's folder is not on this server "
                        "(it was removed, or the run was started by another server).",
                    )
                )
        return LocalRunPage(items=items, next_cursor=next_cursor)

    # -- stop, delete --------------------------------------------------------

    def stop(self, viewer: str, run_id: str) -> LocalRunStatus:
        record = self._record(viewer, run_id)
        with self._lock:
            active = self._active.get(run_id)
        if active is None:
            return self._status(record)  # already ended: stopping is a no-op
        process = active.request_stop()
        if process is not None:
            threading.Thread(
                target=process.stop,
                args=(self.settings.stop_grace_seconds,),
                name=f"local-run-stop-{run_id}",
                daemon=True,
            ).start()
        active.done.wait(timeout=min(self.settings.stop_grace_seconds + 1, 5))
        return self._status(active.record)

    def delete(self, viewer: str, run_id: str) -> None:
        record = self._record(viewer, run_id)
        if not record.ended:
            raise Conflict(
                f"The local run '{run_id}' is still running: stop it first.",
                [{"loc": ["run_id"], "msg": "still running"}],
            )
        shutil.rmtree(record.run_root, ignore_errors=True)
        with self._lock:
            self._finished.pop(run_id, None)
        self._open_launches().delete(viewer, LAUNCH_KIND, LOCAL_REGION, run_id)

    def shutdown(self) -> None:
        """The server is stopping: end every run (reported failed, saying why)."""
        with self._lock:
            running = list(self._active.values())
        for active in running:
            process = active.request_stop()
            if process is not None:
                process.stop(min(self.settings.stop_grace_seconds, 5))
            active.done.wait(timeout=5)
            active.end("failed", SERVER_STOPPED, active.record.exit_code)

    # -- synthetic data ------------------------------------------------------

    def write_synthetic(
        self, viewer: str, entry_id: str, body: SyntheticDataRequest
    ) -> SyntheticDataWritten:
        entry = self._catalog.get(viewer, entry_id)
        tabular = training_spec(entry).tabular
        if tabular is None:
            raise invalid_field(
                ["training", "tabular"],
                "synthetic data is made from the entry's column format: only tabular "
                "models with a column format have it",
            )
        folder = self.workspace.existing_dir(body.directory, ["directory"])
        name = free_name(folder, f"{entry.id}-synthetic", ".csv")
        path = os.path.join(folder, name)
        temporary = os.path.join(folder, f".{name}.{uuid.uuid4().hex}.tmp")
        try:
            with open(temporary, "xb") as out:
                write_synthetic_csv(tabular, body.rows, body.seed, out)
            os.link(temporary, path)  # fails rather than overwrite a file made meanwhile
        except FileExistsError:
            raise Conflict(f"'{name}' appeared while it was written; try again.") from None
        except OSError as error:
            raise InvalidInput(f"Could not write the CSV: {error.strerror}") from None
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)
        return SyntheticDataWritten(
            path=self.workspace.relative(path),
            rows=body.rows,
            columns=[column.name for column in tabular.columns],
        )


def _summary(record: RunRecord) -> LocalRunSummary:
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
