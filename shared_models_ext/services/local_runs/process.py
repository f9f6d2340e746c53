"""The entry point's process: its own process group, its log, its metrics, its end.

stdout and stderr are read in chunks by two threads; each chunk is appended to the
run's log file as it arrives and its complete lines go through the metric extractor.
The last lines of stderr are kept for the failure reason. Stopping sends SIGTERM to
the whole group, then SIGKILL after the grace period.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Final

from ...training.metrics import MetricExtractor

CHUNK: Final = 64 * 1024
STDERR_TAIL_LINES: Final = 40


class LogSink:
    """The run's log file and metric series, fed by the output readers."""

    def __init__(self, log_path: str, metrics_path: str, extractor: MetricExtractor) -> None:
        self._log = open(log_path, "ab", buffering=0)  # noqa: SIM115 - closed in close()
        self._metrics = open(metrics_path, "a", encoding="utf-8")  # noqa: SIM115
        self._extractor = extractor
        self._lock = threading.Lock()
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=STDERR_TAIL_LINES)

    def write_text(self, text: str) -> None:
        """A line of the product's own (what runs, what was staged) in the log."""
        with self._lock:
            self._log.write(text.encode("utf-8"))

    def lines(self, data: bytes, *, stderr: bool) -> None:
        """Complete lines of one stream: into the log, through the metric regexes."""
        with self._lock:
            self._log.write(data)
            if not (stderr or self._extractor.active):
                return
            lines = data.decode("utf-8", errors="replace").splitlines()
            if stderr:
                self.stderr_tail.extend(lines)
            points = self._extractor.feed(lines, time.time())
            if points:
                self._metrics.write(
                    "".join(json.dumps([name, t, v]) + "\n" for name, (t, v) in points)
                )
                self._metrics.flush()

    def close(self) -> None:
        with self._lock:
            self._log.close()
            self._metrics.close()


def _read_stream(stream: IO[bytes], sink: LogSink, *, stderr: bool) -> None:
    """Forward a pipe to the sink line by line (a partial line waits for its end)."""
    pending = b""
    fd = stream.fileno()
    while True:
        chunk = os.read(fd, CHUNK)
        if not chunk:
            break
        data = pending + chunk
        cut = data.rfind(b"\n") + 1
        pending = data[cut:]
        if cut:
            sink.lines(data[:cut], stderr=stderr)
        if len(pending) > CHUNK:  # a very long line: take it as it is
            sink.lines(pending, stderr=stderr)
            pending = b""
    if pending:
        sink.lines(pending + b"\n", stderr=stderr)
    stream.close()


class RunProcess:
    """One started entry point."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        cwd: str,
        env: Mapping[str, str],
        sink: LogSink,
    ) -> None:
        self._sink = sink
        self._stopping = threading.Event()
        self.process = subprocess.Popen(  # noqa: S603 - the toolkit's own command line
            list(command),
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group: stop ends all of it
        )
        assert self.process.stdout is not None
        assert self.process.stderr is not None
        self._readers = [
            threading.Thread(
                target=_read_stream,
                args=(stream, sink),
                kwargs={"stderr": is_stderr},
                daemon=True,
                name=f"local-run-{'stderr' if is_stderr else 'stdout'}",
            )
            for stream, is_stderr in ((self.process.stdout, False), (self.process.stderr, True))
        ]
        for reader in self._readers:
            reader.start()

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def wait(self) -> int:
        """Wait for the process and for its output to be read to the end."""
        code = self.process.wait()
        for reader in self._readers:
            reader.join()
        return code

    def stop(self, grace_seconds: float, on_killed: Callable[[], None] | None = None) -> None:
        """SIGTERM to the group; SIGKILL to whatever is left after ``grace_seconds``."""
        self._stopping.set()
        if not signal_group(self.process.pid, signal.SIGTERM):
            return
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=grace_seconds)
        if signal_group(self.process.pid, signal.SIGKILL) and on_killed is not None:
            on_killed()


def signal_group(pgid: int, signum: int) -> bool:
    """Send ``signum`` to process group ``pgid``; False when the group is gone."""
    try:
        os.killpg(pgid, signum)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def is_run_process(pid: int, run_root: str) -> bool:
    """Whether process ``pid`` is still the entry point of the run at ``run_root`` (its
    environment names the run's tree), so a reused PID is never signalled."""
    try:
        with open(f"/proc/{pid}/environ", "rb") as environ:
            variables = environ.read().split(b"\0")
    except OSError:
        return False
    return f"SAGEMAKER_BASE_DIR={run_root}".encode() in variables
