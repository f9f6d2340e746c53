"""Local runs as the API serves them: start, follow, stop, list, delete.

No tornado here: handlers parse, call these methods off the event loop, serialise.
Each run's state is its record in its own folder (``record.py``); the catalog database
lists it among the owner's launches (kind ``local-run``). At most ``max_concurrent``
runs run at once. A run this server does not hold, whose record still says *running*,
was cut off by a server that stopped: the first read of it says so (``failed``) and
ends what is left of its process (``recovery.py``). Each run's thread is
``supervisor.py``'s; the API's views of a record are ``views.py``'s.
"""

from __future__ import annotations

import collections
import os
import shutil
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Final

from ...aws.s3 import S3Service
from ...domain.errors import Conflict, NotFound
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
from ...store import LaunchStore
from ...training import contract
from ...training.metrics import MetricExtractor
from ...training.rules import default_name, is_valid_name
from ...training.run_tree import RunLayout
from ..catalog import EntryCatalog
from ..launch_records import record_launch
from ..workspace import Workspace
from . import record as records
from .active_run import ActiveRun, Settings
from .container import write_config
from .machine import this_machine
from .plan import plan_run
from .record import RunRecord, now_iso
from .recovery import SERVER_STOPPED, held_elsewhere, settle_cut_off
from .supervisor import supervise
from .synthetic_data import write_synthetic_data
from .views import finished_series, missing_summary, read_log, status_of, summary_of

LAUNCH_KIND: Final = "local-run"
LOCAL_REGION: Final = "local"
_FINISHED_CACHE: Final = 16


class LocalRuns:
    """Every local run of this server. Blocking methods: run them off the event loop."""

    def __init__(
        self,
        catalog: EntryCatalog,
        s3: S3Service,
        open_launches: Callable[[], LaunchStore],
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
            self._machine = this_machine(self._region)
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
            record_launch(
                self._open_launches(),
                entry,
                owner=viewer,
                kind=LAUNCH_KIND,
                name=run_id,
                arn="",
                region=LOCAL_REGION,
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
        if not found.ended and not held_elsewhere(found, self._server_id):
            settle_cut_off(found)
        return found

    def status(self, viewer: str, run_id: str) -> LocalRunStatus:
        record = self._record(viewer, run_id)
        return self._status(record)

    def _status(self, record: RunRecord) -> LocalRunStatus:
        return status_of(record, self._metrics(record))

    def _metrics(self, record: RunRecord) -> dict[str, list[tuple[float, float]]]:
        with self._lock:
            active = self._active.get(record.run_id)
            cached = self._finished.get(record.run_id)
        if active is not None:
            return active.extractor.snapshot()
        if cached is not None:
            return cached
        series = finished_series(record)
        with self._lock:
            self._finished[record.run_id] = series
            while len(self._finished) > _FINISHED_CACHE:
                self._finished.popitem(last=False)
        return series

    def log(self, viewer: str, run_id: str, offset: int) -> LocalRunLog:
        record = self._record(viewer, run_id)
        return read_log(record, offset)

    def list(self, viewer: str, query: LocalRunQuery) -> LocalRunPage:
        launches, next_cursor = self._open_launches().list(
            viewer, kind=LAUNCH_KIND, limit=query.limit, after=query.cursor
        )
        items: list[LocalRunSummary] = []
        for launch in launches:
            try:
                items.append(summary_of(self._record(viewer, launch.name)))
            except NotFound:
                items.append(missing_summary(launch))
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
        return write_synthetic_data(self._catalog, self.workspace, viewer, entry_id, body)
