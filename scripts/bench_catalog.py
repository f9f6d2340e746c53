"""Benchmark a large catalog through a real server: every figure against the floor.

Usage (from the repository, after the README's test command installed everything)::

    python scripts/bench_catalog.py                          # 100,000 entries, both backends
    python scripts/bench_catalog.py --entries 20000 --backend sqlite
    python scripts/bench_catalog.py --url sqlite:////tmp/catalog.sqlite   # reuse a catalog

For each backend it seeds the catalog through the store (``bench_store.fill``, the same
synthetic entries; a catalog given with ``--url`` that already holds entries is used as
it is), starts a real ``jupyter server`` with the extension on it (``bench_server.py``)
and times, over HTTP with kept-alive connections, in the same run:

- the floor: jupyter-server's own ``GET /api/status``;
- the first page (50, last updated), a facet filter, searches (a common word, a rare
  token, two words), Best match (``sort=relevance``) of the common word and the rare
  token, page 50 by cursor;
- 8 concurrent clients on the first page, and on the floor;
- creates through the API from 8 clients.

It prints p50/p99 and each one's ratio to the floor, since the machine's speed varies
from run to run and the ratios do not. Timings are for reading, not for tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_server import API, BenchServer
from bench_store import fill, postgres_url
from sqlalchemy import create_engine, delete

from shared_models_ext.store.engine import parse_url
from shared_models_ext.store.sql import SqlCatalogStore
from shared_models_ext.store.tables import EntryRow

PAGE = 50
CLIENTS = 8


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def timed(client: httpx.Client, path: str, params: dict[str, Any], requests: int) -> list[float]:
    """Milliseconds of ``requests`` GETs of ``path`` (after a short warm-up)."""
    for _ in range(5):
        client.get(path, params=params).raise_for_status()
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        reply = client.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        reply.raise_for_status()
    return times


def page_by_cursor(client: httpx.Client, depth: int, requests: int) -> list[float]:
    """Milliseconds of the page ``depth`` pages deep, its cursor followed from page 1."""
    path = f"{API}/entries"
    cursor: str | None = None
    for _ in range(depth - 1):
        page = client.get(path, params={"limit": PAGE, **({"cursor": cursor} if cursor else {})})
        cursor = page.raise_for_status().json()["next_cursor"]
        if cursor is None:
            return []
    return timed(client, path, {"limit": PAGE, "cursor": cursor}, requests)


def throughput(make: Callable[[], httpx.Client], path: str, seconds: float) -> tuple[float, float]:
    """Requests per second of ``CLIENTS`` clients asking ``path`` for ``seconds``, and
    their p99 in milliseconds."""
    times: list[float] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def work() -> None:
        mine = []
        with make() as client:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                client.get(path).raise_for_status()
                mine.append((time.perf_counter() - started) * 1000)
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=work) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(times) / seconds, percentile(times, 0.99)


def creates(make: Callable[[], httpx.Client], count: int) -> float:
    """Creates per second through ``POST /entries`` from ``CLIENTS`` clients."""
    numbers = iter(range(count))
    lock = threading.Lock()

    def work() -> None:
        with make() as client:
            while True:
                with lock:
                    number = next(numbers, None)
                if number is None:
                    return
                body = {
                    "kind": "model",
                    "title": f"Benchmark create {number}",
                    "description": "Made by the catalog benchmark.",
                    "data_type": "tabular",
                    "task": "tabular-classification",
                    "framework": "xgboost",
                    "keywords": ["benchmark"],
                    "share": {"organization": True, "users": [], "canvas_users": []},
                }
                client.post(f"{API}/entries", json=body).raise_for_status()

    started = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return count / (time.perf_counter() - started)


@contextmanager
def catalog(backend: str, url: str | None, entries: int) -> Iterator[str]:
    """A database URL holding ``entries`` synthetic entries (seeded unless it has some)."""
    with tempfile.TemporaryDirectory() as folder:
        made = (
            nullcontext(url)
            if url
            else nullcontext(f"sqlite:///{folder}/catalog.sqlite")
            if backend == "sqlite"
            else postgres_url()
        )
        with made as db_url:
            assert db_url is not None
            store = SqlCatalogStore.open(db_url)
            try:
                engine = create_engine(parse_url(db_url))
                with engine.connect() as connection:
                    held = connection.exec_driver_sql("SELECT count(*) FROM entries").scalar()
                if not held:
                    seconds = fill(store, entries, workers=4)
                    print(f"seeded {entries:,} entries through the store in {seconds:.0f} s")
                    held = entries
                # What autovacuum (PostgreSQL) or PRAGMA optimize would have done by now
                # on a live catalog: statistics, and on PostgreSQL the visibility map
                # that lets a capped count read the scope's index alone (9 → 4 ms).
                with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    postgres = conn.dialect.name == "postgresql"
                    conn.exec_driver_sql("VACUUM ANALYZE" if postgres else "ANALYZE")
                engine.dispose()
            finally:
                store.close()
            print(f"{held:,} entries")
            yield db_url


def run(backend: str, url: str | None, entries: int, requests: int, api_creates: int) -> None:
    with catalog(backend, url, entries) as db_url, tempfile.TemporaryDirectory() as home:
        print(f"\n== {parse_url(db_url).render_as_string(hide_password=True)}")
        server = BenchServer(Path(home), {"db_url": db_url})
        base = f"http://127.0.0.1:{server.port}/"
        headers = {"Authorization": f"token {server.token}"}

        def make() -> httpx.Client:
            return httpx.Client(base_url=base, headers=headers, timeout=120)

        try:
            with make() as client:
                floor = timed(client, "api/status", {}, requests)
                rows: list[tuple[str, list[float]]] = [
                    ("floor: GET /api/status", floor),
                    ("first page, last updated", timed(client, f"{API}/entries", {}, requests)),
                    (
                        "facet filter (tabular + xgboost)",
                        timed(
                            client,
                            f"{API}/entries",
                            {"data_type": "tabular", "framework": "xgboost"},
                            requests,
                        ),
                    ),
                    (
                        "search, common word",
                        timed(client, f"{API}/entries", {"q": "churn"}, requests),
                    ),
                    (
                        "search, rare token",
                        timed(client, f"{API}/entries", {"q": "123"}, requests),
                    ),
                    (
                        "search, two words",
                        timed(client, f"{API}/entries", {"q": "churn credit"}, requests),
                    ),
                    (
                        "Best match, common word",
                        timed(
                            client, f"{API}/entries", {"q": "churn", "sort": "relevance"}, requests
                        ),
                    ),
                    (
                        "Best match, rare token",
                        timed(
                            client, f"{API}/entries", {"q": "123", "sort": "relevance"}, requests
                        ),
                    ),
                    ("page 1 by cursor", page_by_cursor(client, 1, requests)),
                    ("page 50 by cursor", page_by_cursor(client, 50, requests)),
                ]
            base_p50 = statistics.median(floor)
            print(f"{'measure':36} {'p50 ms':>8} {'p99 ms':>8} {'p50 / floor':>12}")
            for label, times in rows:
                if not times:
                    print(f"{label:36} {'-':>8}")
                    continue
                p50 = statistics.median(times)
                print(
                    f"{label:36} {p50:8.2f} {percentile(times, 0.99):8.2f} {p50 / base_p50:11.1f}x"
                )
            floor_rate, floor_p99 = throughput(make, "api/status", 10)
            list_rate, list_p99 = throughput(make, f"{API}/entries", 10)
            print(
                f"{CLIENTS} clients: first page {list_rate:.0f} req/s (p99 {list_p99:.0f} ms), "
                f"floor {floor_rate:.0f} req/s (p99 {floor_p99:.0f} ms): "
                f"{list_rate / floor_rate:.0%} of the floor"
            )
            print(f"creates through the API, {CLIENTS} clients: {creates(make, api_creates):.0f}/s")
        finally:
            server.stop()
            forget_creates(db_url)


def forget_creates(db_url: str) -> None:
    """Delete the entries the create measure made: they are the newest, so a catalog
    reused with ``--url`` would otherwise list them first on the next run and a search
    would walk past them (none holds the benchmark's words)."""
    engine = create_engine(parse_url(db_url))
    try:
        with engine.begin() as connection:
            connection.execute(delete(EntryRow).where(EntryRow.id.like("benchmark-create-%")))
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--url", help="a catalog to use (seeded first if it is empty)")
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="per measure")
    parser.add_argument("--api-creates", type=int, default=2000)
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    if args.url:
        backends = ["postgresql" if args.url.startswith("postgresql") else "sqlite"]
    for backend in backends:
        run(backend, args.url, args.entries, args.requests, args.api_creates)


if __name__ == "__main__":
    main()
