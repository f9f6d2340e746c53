"""Where the catalog's blocking work runs: database, file and catalog-service calls.

One pool of threads per process, kept between requests. (anyio's worker threads,
used before, end with the asyncio task that started them when the event loop was not
started by ``asyncio.run``: under ``jupyterhub-singleuser`` every request started a
thread of its own, most of a forwarded request's time; scripts/bench_forwarding.py.)

AWS calls have their own bounded pool (``aws/pool.py``): they can hang, these cannot
for long.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, Final, TypeVar

T = TypeVar("T")

#: As many threads as anyio's default limiter allowed: a slow query never starves the
#: rest of the catalog.
MAX_WORKERS: Final = 40

_pool = ThreadPoolExecutor(max_workers=MAX_WORKERS, thread_name_prefix="shared-models")


async def run_blocking(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` in a kept worker thread, in the caller's context."""
    call = partial(contextvars.copy_context().run, fn, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_pool, call)
