"""Where AWS calls run: their own bounded pool, each request under a deadline.

Database and file work (and jupyter-server's own contents API) share anyio's
default worker threads; AWS calls can hang for as long as AWS (or a proxy) lets
them, so they never take those threads. ``AwsPool.run`` admits at most
``max_concurrency`` AWS calls at a time and answers 504 once ``deadline_seconds``
have passed. A call abandoned at its deadline still ends on its own: the
interactive clients' connect/read timeouts and small retry budget bound it
(``aws/clients.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from ..errors import GatewayTimeout

T = TypeVar("T")


class AwsPool:
    """Bounded concurrency and an overall deadline for blocking AWS work."""

    def __init__(self, max_concurrency: int, deadline_seconds: float) -> None:
        self.max_concurrency = max_concurrency
        self.deadline_seconds = deadline_seconds
        self._limiter: anyio.CapacityLimiter | None = None

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        # Made on first use: a limiter belongs to the running event loop.
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.max_concurrency)
        return self._limiter

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` in an AWS worker thread; 504 past the deadline."""
        call = partial(fn, *args, **kwargs)
        with anyio.move_on_after(self.deadline_seconds):
            return await anyio.to_thread.run_sync(
                call, limiter=self.limiter, abandon_on_cancel=True
            )
        raise GatewayTimeout(
            f"AWS did not answer within {self.deadline_seconds:g} s, so the request "
            "was given up. AWS may be slow or unreachable from this server; try again "
            "in a moment."
        )
