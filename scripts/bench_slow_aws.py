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
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fake_aws import FakeAws

API = "shared-models/api"
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
    "AWS_CONFIG_FILE": "/nonexistent/config",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, home: Path, endpoint: str, deadline: float) -> None:
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.root = home / "root"
        self.root.mkdir(parents=True)
        for n in range(20):
            (self.root / f"file-{n}.txt").write_text("x")
        config = home / "config"
        config.mkdir()
        (config / "jupyter_server_config.json").write_text(
            json.dumps(
                {
                    "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
                    "SharedModelsApp": {
                        "db_url": f"sqlite:///{home / 'catalog.sqlite'}",
                        "username": "bench",
                        "aws_endpoint_url": endpoint,
                        "aws_deadline_seconds": deadline,
                    },
                    "IdentityProvider": {"token": self.token},
                }
            )
        )
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
            **FAKE_CREDENTIALS,
            "JUPYTER_CONFIG_DIR": str(config),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        }
        self.log = open(home / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyter_server",
                "--no-browser",
                "--allow-root",
                f"--port={self.port}",
                "--ip=127.0.0.1",
                f"--ServerApp.root_dir={self.root}",
            ],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline_at = time.monotonic() + 60
        while time.monotonic() < deadline_at:
            try:
                self.call("GET", f"{API}/me")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def call(self, method: str, path: str, body: Any = None, timeout: float = 120) -> Any:
        status, raw = self.fetch(method, path, body, timeout)
        if status >= 400:
            raise RuntimeError(f"{method} {path} -> {status}: {raw[:200]!r}")
        return json.loads(raw) if raw else None

    def fetch(
        self, method: str, path: str, body: Any = None, timeout: float = 120
    ) -> tuple[int, bytes]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310
                return reply.status, reply.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def seed(server: Server, entries: int) -> None:
    for n in range(entries):
        server.call(
            "POST",
            f"{API}/entries",
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


def latencies(server: Server, path: str, count: int) -> list[float]:
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
        server = Server(Path(home), fake.url, args.deadline)
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
