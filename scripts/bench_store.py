"""Benchmark the catalog store: 10,000 entries, then the first page of every query shape.

Usage (from the repository, with the package importable, e.g. ``pip install -e .``
or ``PYTHONPATH=.``)::

    python scripts/bench_store.py                      # SQLite (temp file) and PostgreSQL
    python scripts/bench_store.py --url sqlite:///x.sqlite --entries 50000
    python scripts/bench_store.py --backend sqlite

PostgreSQL runs in a throw-away schema of ``SME_TEST_POSTGRES_URL`` (default
``postgresql+psycopg://postgres@127.0.0.1:5432/test``), dropped at the end. Prints the
fill rate, the median time of each query's first page (and of a page 20 pages deep),
and the plan the database chose for the default query.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text

from shared_models_ext.domain.ids import derive_id, with_suffix
from shared_models_ext.domain.models import CreateEntry
from shared_models_ext.store import StoreQuery
from shared_models_ext.store.engine import parse_url
from shared_models_ext.store.sql import SqlCatalogStore

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
USERS = [f"user{n:02d}" for n in range(50)]
VIEWER = "user07"
WORDS = [
    "churn",
    "forecast",
    "sales",
    "demand",
    "fraud",
    "detection",
    "sentiment",
    "review",
    "image",
    "street",
    "vehicle",
    "speech",
    "keyword",
    "spotting",
    "translation",
    "summarizer",
    "customer",
    "retention",
    "anomaly",
    "sensor",
    "vibration",
    "credit",
    "risk",
    "default",
    "price",
    "housing",
    "energy",
    "load",
    "weather",
    "embedding",
    "search",
    "ranking",
    "recommender",
    "clicks",
    "segmentation",
    "medical",
    "scan",
    "caption",
    "generation",
    "question",
    "answer",
]
SHAPES = [
    ("tabular", "tabular-classification", "xgboost"),
    ("tabular", "tabular-regression", "lightgbm"),
    ("tabular", "time-series-forecasting", "scikit-learn"),
    ("image", "image-classification", "pytorch"),
    ("image", "object-detection", "tensorflow"),
    ("text", "text-classification", "huggingface"),
    ("text", "text-generation", "huggingface"),
    ("audio", "speech-recognition", "pytorch"),
]


def make_entry(rng: random.Random) -> tuple[str, CreateEntry]:
    data_type, task, framework = rng.choice(SHAPES)
    kind = "notebook" if rng.random() < 0.3 else "model"
    title = " ".join(rng.sample(WORDS, 3)).title() + f" {rng.randint(1, 999)}"
    canvas = kind == "model" and data_type == "tabular" and rng.random() < 0.2
    entry = CreateEntry.model_validate(
        {
            "kind": kind,
            "title": title,
            "description": " ".join(rng.choices(WORDS, k=rng.randint(15, 60))) + ".",
            "data_type": data_type,
            "task": task,
            "framework": framework,
            "keywords": rng.sample(WORDS, rng.randint(1, 5)),
            "share": {
                "organization": rng.random() < 0.7,
                "users": rng.sample(USERS, rng.randint(0, 3)),
                "canvas_users": (
                    [f"canvas-{n}" for n in range(rng.randint(1, 3))] if canvas else []
                ),
            },
            "notebook": {"s3_uri": "s3://bench/notebooks/n.ipynb"} if kind == "notebook" else None,
        }
    )
    return rng.choice(USERS), entry


def fill(store: SqlCatalogStore, count: int, workers: int) -> float:
    """Create ``count`` entries through the store; seconds taken."""
    rng = random.Random(20261121)
    entries = [make_entry(rng) for _ in range(count)]

    def create(item: tuple[str, CreateEntry]) -> None:
        owner, entry = item
        store.create(owner, derive_id(entry.title), entry, exact_id=False)

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(create, entries))
    return time.perf_counter() - started


QUERIES: list[tuple[str, StoreQuery]] = [
    ("organization, updated desc (default)", StoreQuery(viewer=VIEWER)),
    ("organization, title asc", StoreQuery(viewer=VIEWER, sort="title", order="asc")),
    ("organization, title desc", StoreQuery(viewer=VIEWER, sort="title", order="desc")),
    ("organization, updated asc", StoreQuery(viewer=VIEWER, order="asc")),
    ("mine, updated desc", StoreQuery(viewer=VIEWER, scope="mine")),
    ("mine, title asc", StoreQuery(viewer=VIEWER, scope="mine", sort="title", order="asc")),
    ("shared-with-me, updated desc", StoreQuery(viewer=VIEWER, scope="shared-with-me")),
    (
        "shared-with-me, title asc",
        StoreQuery(viewer=VIEWER, scope="shared-with-me", sort="title", order="asc"),
    ),
    ("organization + kind=notebook", StoreQuery(viewer=VIEWER, kind="notebook")),
    (
        "organization + tabular + xgboost",
        StoreQuery(viewer=VIEWER, data_type="tabular", framework="xgboost"),
    ),
    ("organization + canvas only", StoreQuery(viewer=VIEWER, canvas_only=True)),
    ("search 'churn'", StoreQuery(viewer=VIEWER, text="churn")),
    ("search 'fore' (prefix)", StoreQuery(viewer=VIEWER, text="fore")),
    ("search 'churn credit risk'", StoreQuery(viewer=VIEWER, text="churn credit risk")),
    ("search 'c' (1-letter prefix)", StoreQuery(viewer=VIEWER, text="c")),
    ("search '123' (rare)", StoreQuery(viewer=VIEWER, text="123")),
    ("search + title asc", StoreQuery(viewer=VIEWER, text="sales", sort="title", order="asc")),
]


def duplicate_ids(store: SqlCatalogStore, count: int, samples: int = 50) -> tuple[float, float]:
    """p50 and p99 milliseconds of ``samples`` creates whose title ``count`` entries
    already share (their IDs ``duplicate``, ``duplicate-2``, … made directly first)."""
    _, entry = make_entry(random.Random(1))
    hidden = entry.share.model_copy(update={"organization": False, "users": []})
    entry = entry.model_copy(update={"share": hidden})  # out of the way
    for number in range(1, count + 1):
        store.create("duplicator", with_suffix("duplicate", number), entry, exact_id=True)
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        store.create("duplicator", "duplicate", entry, exact_id=False)
        times.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49], cuts[98]


def timed(call: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median milliseconds of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def deep_page(store: SqlCatalogStore, query: StoreQuery, depth: int) -> StoreQuery | None:
    """The query for page ``depth`` (following cursors); None when there are fewer pages."""
    for _ in range(depth - 1):
        page = store.query(query)
        if page.next_cursor is None:
            return None
        query = replace(query, cursor=page.next_cursor)
    return query


def explain_default(store: SqlCatalogStore, engine: Engine) -> str:
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "ORDER BY" in statement:
            captured.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", capture)
    try:
        store.query(StoreQuery(viewer=VIEWER))
    finally:
        event.remove(Engine, "before_cursor_execute", capture)
    statement, parameters = captured[-1]
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            rows = connection.exec_driver_sql(
                "EXPLAIN (ANALYZE, COSTS OFF) " + statement, parameters
            ).all()
            return "\n".join(row[0] for row in rows)
        rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
        return "\n".join(str(row[-1]) for row in rows)


def run(url: str, entries: int, repeat: int, workers: int, same_title: int = 4291) -> None:
    print(f"\n== {parse_url(url).render_as_string(hide_password=True)}")
    store = SqlCatalogStore.open(url)
    engine = create_engine(parse_url(url))
    try:
        seconds = fill(store, entries, workers)
        print(
            f"fill: {entries} creates in {seconds:.1f} s "
            f"({seconds / entries * 1000:.2f} ms each, {workers} threads)"
        )
        p50, p99 = duplicate_ids(store, same_title)
        print(
            f"create with {same_title} entries sharing its title: "
            f"p50 {p50:.1f} ms, p99 {p99:.1f} ms (50 creates)"
        )
        # What autovacuum / PRAGMA optimize would have done by now on a live catalog.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            postgres = connection.dialect.name == "postgresql"
            connection.exec_driver_sql("VACUUM ANALYZE" if postgres else "ANALYZE")
        print(f"{'query':44} {'first page':>11} {'page 20':>9} {'total':>7}")
        for label, query in QUERIES:
            first_ms, page = timed(partial(store.query, query), repeat)
            deep = deep_page(store, query, 20)
            deep_text = "      -  "
            if deep is not None:
                deep_text = f"{timed(partial(store.query, deep), repeat)[0]:7.1f}ms"
            print(f"{label:44} {first_ms:9.1f}ms {deep_text} {page.total:7d}")
        some_id = store.query(StoreQuery(viewer=VIEWER, limit=1)).items[0].id
        get_ms, _ = timed(partial(store.get, some_id), repeat)
        print(f"{'get one entry':44} {get_ms:9.1f}ms")
        print("plan of the default query:")
        print("  " + explain_default(store, engine).replace("\n", "\n  "))
    finally:
        store.close()
        engine.dispose()


@contextmanager
def postgres_url() -> Iterator[str]:
    server = parse_url(os.environ.get("SME_TEST_POSTGRES_URL", DEFAULT_POSTGRES))
    schema = f"sme_bench_{secrets.token_hex(4)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = server.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="benchmark this database (it gets the entries added)")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--same-title", type=int, default=4291, help="entries sharing one title (ID choice)"
    )
    args = parser.parse_args()
    if args.url:
        run(args.url, args.entries, args.repeat, args.workers, args.same_title)
        return
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            run(
                f"sqlite:///{Path(folder) / 'bench.sqlite'}",
                args.entries,
                args.repeat,
                args.workers,
                args.same_title,
            )
    if args.backend in ("postgresql", "both"):
        with postgres_url() as url:
            run(url, args.entries, args.repeat, args.workers, args.same_title)


if __name__ == "__main__":
    main()
