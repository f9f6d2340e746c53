"""Benchmark: a hanging AWS endpoint must not slow the catalog or the file browser.

Starts a real ``jupyter server`` on loopback whose AWS endpoint
(``SharedModelsApp.aws_endpoint_url``) is a fake that accepts requests and never
answers (``tests/fake_aws.py``). Measures, and prints beside each target:

1. ``GET /entries`` and jupyter-server's ``GET /api/contents`` with AWS idle
   (p50 / p99);
2. the same while N AWS calls (``GET /s3?uri=…``, default 60) hang;
3. how long each hanging call takes to be answered, and with what status
   (target: 504 at ``aws_deadline_seconds``, default 30 s).

Usage: ``python scripts/bench_slow_aws.py [--hanging 60] [--deadline 30]``.
Everything stays on 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from bench_server import API, BenchServer
from fake_aws import FakeAws

FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
    "AWS_CONFIG_FILE": "/nonexistent/config",
}


def start_server(home: Path, endpoint: str, deadline: float) -> BenchServer:
    root = home / "root"
    root.mkdir(parents=True)
    for n in range(20):
        (root / f"file-{n}.txt").write_text("x")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    return BenchServer(
        home,
        {"aws_endpoint_url": endpoint, "aws_deadline_seconds": deadline},
        {**env, **FAKE_CREDENTIALS},
    )


def seed(server: BenchServer, entries: int) -> None:
    for n in range(entries):
        server.call(
            "POST",
            "entries",
            {
                "kind": "notebook",
                "title": f"Bench notebook {n}",
                "data_type": "tabular",
                "task": "tabular-classification",
                "framework": "scikit-learn",
                "share": {"organization": True, "users": [], "canvas_users": []},
                "notebook": {"s3_uri": f"s3://bench-bucket/nb-{n}.ipynb"},
            },
        )


def latencies(server: BenchServer, path: str, count: int) -> list[float]:
    found = []
    for _ in range(count):
        began = time.perf_counter()
        status, _ = server.fetch("GET", path)
        found.append((time.perf_counter() - began) * 1000)
        if status != 200:
            raise RuntimeError(f"GET {path} -> {status}")
    return found


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, values: list[float], target: str = "") -> None:
    print(
        f"  {name:<34} p50 {statistics.median(values):7.1f} ms   p99 {p(values, 0.99):7.1f} ms"
        f"   (n={len(values)}){'   target ' + target if target else ''}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hanging", type=int, default=60, help="AWS calls left hanging")
    parser.add_argument("--deadline", type=float, default=30.0, help="aws_deadline_seconds")
    parser.add_argument("--samples", type=int, default=200, help="requests per measurement")
    args = parser.parse_args()

    fake = FakeAws("hang")
    with tempfile.TemporaryDirectory(prefix="bench-slow-aws-") as home:
        server = start_server(Path(home), fake.url, args.deadline)
        try:
            seed(server, 50)
            entries, contents = f"{API}/entries", "api/contents"
            latencies(server, entries, 20)  # warm up
            print(f"AWS idle (endpoint {fake.url}):")
            report("GET /entries", latencies(server, entries, args.samples))
            report("GET /api/contents", latencies(server, contents, args.samples))

            answered: list[tuple[int, float]] = []
            lock = threading.Lock()

            def hanging_call(n: int) -> None:
                began = time.perf_counter()
                status, _ = server.fetch("GET", f"{API}/s3?uri=s3://bench-bucket/{n}/")
                with lock:
                    answered.append((status, time.perf_counter() - began))

            pool = ThreadPoolExecutor(max_workers=args.hanging)
            started = time.perf_counter()
            futures: list[Future[None]] = [
                pool.submit(hanging_call, n) for n in range(args.hanging)
            ]
            time.sleep(0.5)  # every call has reached the server (and the pool or its queue)
            print(f"\nWhile {args.hanging} AWS calls hang (fake saw {fake.requests['hang']}):")
            busy_entries: list[float] = []
            busy_contents: list[float] = []
            while len(busy_entries) < args.samples and time.perf_counter() - started < (
                args.deadline - 1
            ):
                busy_entries += latencies(server, entries, 1)
                busy_contents += latencies(server, contents, 1)
            report("GET /entries", busy_entries, "p99 <= 50 ms")
            report("GET /api/contents", busy_contents)
            for future in futures:
                future.result()
            pool.shutdown()
            statuses = sorted({status for status, _ in answered})
            times = [elapsed for _, elapsed in answered]
            print(
                f"\nHanging calls answered: {len(answered)} of {args.hanging}, status "
                f"{statuses}, after {min(times):.2f} s (first) to {max(times):.2f} s (last); "
                f"target: 504 within aws_deadline_seconds = {args.deadline:g} s "
                "(before: 671 s)"
            )
            print(f"AWS requests the fake saw in all (retries included): {fake.requests['hang']}")
        finally:
            fake.stop()
            server.stop()


if __name__ == "__main__":
    main()
