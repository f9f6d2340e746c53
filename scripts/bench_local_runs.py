"""Benchmark local runs against a real ``jupyter server`` on loopback.

Measures, and prints beside each target:
1. request → entry point started, for a workspace-folder run (median of N runs);
2. metric extraction throughput (lines/s through the entry's regexes);
3. synthetic data throughput (rows/s, 1,000,000 rows of 10 columns);
4. while a script prints 50,000 lines/s for 10 s, the latency of ``GET /entries``
   (p50 / p99 over a bounded number of requests) and the lines the run logged.

Usage: ``python scripts/bench_local_runs.py [--runs 15]``. Everything stays on
127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

from bench_server import BenchServer

from shared_models_ext.domain.models.training import TabularFormat
from shared_models_ext.training.metrics import MetricExtractor
from shared_models_ext.training.synthetic import write_synthetic_csv


class Server(BenchServer):
    def __init__(self, home: Path) -> None:
        super().__init__(home, {"local_runs_dir": str(home / "runs")})

    def wait(self, run_id: str, timeout: float = 120) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status: dict[str, Any] = self.call("GET", f"local-runs/{run_id}")
            if status["status"] != "running":
                return status
            time.sleep(0.05)
        raise RuntimeError(f"{run_id} did not end")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def entry_body() -> dict[str, Any]:
    columns = [{"name": f"f{i}", "type": "numeric"} for i in range(8)]
    columns += [{"name": "segment", "type": "categorical"}, {"name": "label", "type": "boolean"}]
    return {
        "kind": "model",
        "title": "Bench model",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "scikit-learn",
        "share": {"organization": True, "users": [], "canvas_users": []},
        "training": {
            "image": {
                "source": "dlc",
                "uri": "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
                "pytorch-training:2.3.0-cpu-py311-ubuntu20.04-sagemaker",
            },
            "script_uri": "s3://bench-bucket/code/sourcedir.tar.gz",
            "entry_point": "train.py",
            "output_path": "s3://bench-bucket/output/",
            "channels": [{"name": "train", "uri": "s3://bench-bucket/train/"}],
            "instance_types": ["ml.m5.xlarge"],
            "metrics": [
                {"name": "loss", "regex": "Loss = (.*?);"},
                {"name": "accuracy", "regex": "Accuracy = ([0-9.]+)"},
            ],
            "tabular": {"columns": columns, "target_column": "label"},
        },
    }


def start_latency(server: Server, entry_id: str, runs: int) -> list[float]:
    code = server.root / "start-code"
    code.mkdir()
    (code / "train.py").write_text(
        "import os, time\n"
        "open(os.path.join(os.environ['SM_OUTPUT_DATA_DIR'], 't'), 'w').write(repr(time.time()))\n"
    )
    data = server.root / "start-data"
    data.mkdir()
    (data / "rows.csv").write_text("f0,label\n1,true\n" * 100)
    latencies = []
    for _ in range(runs):
        sent = time.time()
        started = server.call(
            "POST",
            f"entries/{entry_id}/local-runs",
            {"channels": {"train": "start-data"}, "code": "start-code"},
        )
        status = server.wait(started["run_id"])
        began = float((Path(status["run_root"]) / "output/data/t").read_text())
        latencies.append((began - sent) * 1000)
        server.call("DELETE", f"local-runs/{started['run_id']}")
    return latencies


def metric_throughput(lines: int = 1_000_000) -> float:
    extractor = MetricExtractor({"loss": "Loss = (.*?);", "accuracy": "Accuracy = ([0-9.]+)"})
    batch = [f"step {i} Loss = {1 / (i + 1):.5f}; Accuracy = 0.{i % 97}" for i in range(10_000)]
    began = time.perf_counter()
    for _ in range(lines // len(batch)):
        extractor.feed(batch, time.time())
    return lines / (time.perf_counter() - began)


def synthetic_throughput(rows: int = 1_000_000) -> float:
    tabular = TabularFormat.model_validate(entry_body()["training"]["tabular"])
    began = time.perf_counter()
    write_synthetic_csv(tabular, rows, 1, io.BytesIO())
    return rows / (time.perf_counter() - began)


def loud_run(server: Server, entry_id: str, requests: int) -> dict[str, Any]:
    code = server.root / "loud-code"
    code.mkdir()
    (code / "train.py").write_text(
        textwrap.dedent(
            """
            import sys, time
            out = sys.stdout
            began = time.time()
            i = 0
            while time.time() - began < 10:
                block = "".join(f"step {n} Loss = {1 / (n + 1):.6f};\\n" for n in range(i, i + 500))
                out.write(block)
                i += 500
                target = began + i / 50000
                delay = target - time.time()
                if delay > 0:
                    time.sleep(delay)
            out.flush()
            print(f"printed {i} lines", flush=True)
            """
        )
    )
    started = server.call(
        "POST", f"entries/{entry_id}/local-runs", {"synthetic_rows": 100, "code": "loud-code"}
    )
    run_id = started["run_id"]
    time.sleep(1.0)
    latencies: list[float] = []
    stop_at = time.monotonic() + 8
    while len(latencies) < requests and time.monotonic() < stop_at:
        began = time.perf_counter()
        server.call("GET", "entries?limit=50")
        latencies.append((time.perf_counter() - began) * 1000)
        time.sleep(0.02)
    status = server.wait(run_id)
    log = (Path(status["run_root"]) / ".shared-models/log.txt").read_bytes()
    printed = log.rstrip().rsplit(b"\n", 1)[-1].decode()
    points = len(status["metrics"]["loss"])
    latencies.sort()
    return {
        "requests": len(latencies),
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[max(0, int(len(latencies) * 0.99) - 1)],
        "status": status["status"],
        "loss_points_kept": points,
        "printed": printed,
        "log_lines": log.count(b"\n"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    print(f"metric extraction: {metric_throughput():,.0f} lines/s (target >= 100,000)")
    print(f"synthetic data: {synthetic_throughput():,.0f} rows/s (target >= 200,000)")
    with tempfile.TemporaryDirectory() as home:
        server = Server(Path(home))
        try:
            for _ in range(5):
                server.call("POST", "entries", entry_body())
            entry_id = server.call("POST", "entries", entry_body())["id"]
            latencies = start_latency(server, entry_id, args.runs)
            print(
                f"request -> entry point started: median {statistics.median(latencies):.0f} ms, "
                f"max {max(latencies):.0f} ms over {len(latencies)} runs (target <= 300 ms)"
            )
            loud = loud_run(server, entry_id, args.requests)
            print(
                f"GET /entries while a run prints 50,000 lines/s: p50 {loud['p50_ms']:.1f} ms, "
                f"p99 {loud['p99_ms']:.1f} ms over {loud['requests']} requests "
                f"(target p99 <= 20 ms); run {loud['status']}, "
                f"({loud['printed']}, {loud['log_lines']:,} log lines), "
                f"{loud['loss_points_kept']} loss points kept"
            )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
