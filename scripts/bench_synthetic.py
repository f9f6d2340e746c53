"""Benchmark the synthetic CSV generator: rows per second for 10 mixed columns.

Usage (from the repository, with the package importable, e.g. ``pip install -e .``
or ``PYTHONPATH=.``)::

    python scripts/bench_synthetic.py                  # 1,000,000 rows, median of 5 runs
    python scripts/bench_synthetic.py --rows 200000 --runs 3 --file

By default the CSV goes to a sink that only counts bytes, so the figure is the
generator's own speed; ``--file`` writes a temporary file instead (disk included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from typing import BinaryIO, cast

from shared_models_ext.domain.models.training import TabularFormat
from shared_models_ext.training.synthetic import write_synthetic_csv

COLUMNS = [
    ("age", "numeric"),
    ("income", "numeric"),
    ("balance", "numeric"),
    ("tenure", "numeric"),
    ("plan", "categorical"),
    ("region", "categorical"),
    ("active", "boolean"),
    ("signup", "datetime"),
    ("note", "text"),
    ("churn", "categorical"),
]


class CountingSink:
    """A binary stream that keeps only the number of bytes written."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)


def tabular() -> TabularFormat:
    return TabularFormat.model_validate(
        {
            "columns": [{"name": name, "type": kind} for name, kind in COLUMNS],
            "target_column": "churn",
        }
    )


def run_once(table: TabularFormat, rows: int, seed: int, to_file: bool) -> tuple[float, int]:
    """Seconds taken and bytes written for one CSV."""
    if to_file:
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "synthetic.csv")
            start = time.perf_counter()
            with open(path, "wb") as out:
                write_synthetic_csv(table, rows, seed, out)
            return time.perf_counter() - start, os.path.getsize(path)
    sink = CountingSink()
    start = time.perf_counter()
    write_synthetic_csv(table, rows, seed, cast(BinaryIO, sink))
    return time.perf_counter() - start, sink.size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--file", action="store_true", help="write a temporary file")
    args = parser.parse_args()
    table = tabular()
    timings = []
    for run in range(args.runs):
        seconds, size = run_once(table, args.rows, args.seed + run, args.file)
        timings.append(seconds)
        print(f"run {run + 1}: {seconds:.3f} s, {args.rows / seconds:,.0f} rows/s, {size:,} bytes")
    median = statistics.median(timings)
    target = "file" if args.file else "memory sink"
    print(
        f"median: {args.rows / median:,.0f} rows/s "
        f"({args.rows:,} rows x {len(COLUMNS)} columns, {target}, {os.cpu_count()} CPUs)"
    )


if __name__ == "__main__":
    main()
