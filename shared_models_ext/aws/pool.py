"""Where AWS calls run: their own bounded pool, each request under a deadline.

Database and file work run on the catalog's worker threads (``api/workers.py``),
jupyter-server's own contents API on anyio's; AWS calls can hang for as long as AWS
(or a proxy) lets them, so they never take either. ``AwsPool.run`` lets at most
``max_concurrency`` AWS calls run at a time and answers 504 once
``deadline_seconds`` have passed (waiting for a free slot included). A call given
up at its deadline keeps its slot until its thread really ends, so a sustained
hang never grows the number of threads past the limit; the interactive clients'
timeouts and small retry budget end such a thread soon after (``aws/clients.py``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import anyio
import anyio.from_thread
import anyio.to_thread

from ..domain.errors import GatewayTimeout

T = TypeVar("T")


class AwsPool:
    """Bounded concurrency and an overall deadline for blocking AWS work."""

    def __init__(self, max_concurrency: int, deadline_seconds: float) -> None:
        self.max_concurrency = max_concurrency
        self.deadline_seconds = deadline_seconds
        self._slots: anyio.CapacityLimiter | None = None
        self._threads: anyio.CapacityLimiter | None = None

    def _limiters(self) -> tuple[anyio.CapacityLimiter, anyio.CapacityLimiter]:
        # Made on first use: a limiter belongs to the running event loop.
        if self._slots is None or self._threads is None:
            self._slots = anyio.CapacityLimiter(self.max_concurrency)
            self._threads = anyio.CapacityLimiter(self.max_concurrency)
        return self._slots, self._threads

    @property
    def busy(self) -> int:
        """How many AWS calls hold a slot now (given-up ones still running included)."""
        return int(self._slots.borrowed_tokens) if self._slots is not None else 0

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` in an AWS worker thread; 504 past the deadline."""
        slots, threads = self._limiters()
        call = partial(fn, *args, **kwargs)
        holder = _Holder()

        def work() -> T:
            if not holder.start():
                raise GatewayTimeout("given up before it started")  # nobody is waiting
            try:
                return call()
            finally:
                # The slot is this thread's until it ends, even after the request gave up.
                # (At shutdown the event loop may be gone, and the slots with it.)
                with contextlib.suppress(RuntimeError):
                    anyio.from_thread.run_sync(slots.release_on_behalf_of, holder)

        with anyio.move_on_after(self.deadline_seconds):
            await slots.acquire_on_behalf_of(holder)
            try:
                return await anyio.to_thread.run_sync(work, limiter=threads, abandon_on_cancel=True)
            finally:
                if holder.give_up():  # the thread never started: the slot is ours to free
                    slots.release_on_behalf_of(holder)
        raise GatewayTimeout(
            f"AWS did not answer within {self.deadline_seconds:g} s, so the request "
            "was given up. AWS may be slow or unreachable from this server; try again "
            "in a moment."
        )


class _Holder:
    """Who holds an AWS slot: the request until its thread starts, then the thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = "waiting"

    def start(self) -> bool:
        """The thread takes over the slot; False when the request already gave up."""
        with self._lock:
            if self._state == "given-up":
                return False
            self._state = "running"
            return True

    def give_up(self) -> bool:
        """The request is done with it; True when the thread never started."""
        with self._lock:
            if self._state == "waiting":
                self._state = "given-up"
                return True
            return False
