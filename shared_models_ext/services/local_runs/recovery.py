"""Runs cut off by a server that stopped (shut down, or killed) before they ended.

A run's record (``record.py``) outlives the server. One that still says *running*
but that no live server holds was cut off: the first read of it after the restart
ends what is left of its process and records it *failed*, saying why (docs/local-runs.md,
"Ending").
"""

from __future__ import annotations

import os
import signal
from typing import Final

from . import record as records
from .process import is_run_process, signal_group
from .record import RunRecord, now_iso

SERVER_STOPPED: Final = (
    "The Jupyter server stopped while this run was in progress, so the run was ended. "
    "Start it again."
)


def held_elsewhere(found: RunRecord, server_id: str) -> bool:
    """Another live server (sharing this runs folder) is running it."""
    if found.server_id == server_id or found.server_pid == os.getpid():
        return False
    try:
        with open(f"/proc/{found.server_pid}/cmdline", "rb") as cmdline:
            return b"jupyter" in cmdline.read()
    except OSError:
        return False


def settle_cut_off(found: RunRecord) -> None:
    """End what is left of the run's process; record the run failed, saying why."""
    pid = found.process_pid
    if pid and is_run_process(pid, found.run_root):
        signal_group(pid, signal.SIGKILL)
    found.status, found.phase = "failed", None
    found.failure_reason = SERVER_STOPPED
    found.ended_at = now_iso()
    records.save(found)
