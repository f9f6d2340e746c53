"""The long fuzz run: schemathesis over every operation of the served OpenAPI document,
on SQLite and on PostgreSQL, with AWS pointed at moto.

    python scripts/fuzz_openapi.py --examples 100 [--backend sqlite] [--backend postgresql]

Prints, per backend and operation, the number of cases, statuses, 5xx and schema
violations, then a reproducible request (curl) for each failure. Seeded: the same
document gives the same cases. Exit status 1 when anything failed. The PostgreSQL URL is
``SME_TEST_POSTGRES_URL`` (default: the test suite's, tests/db_fixtures.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import payloads  # noqa: E402
from conftest import MOTO_ENV, UserServer  # noqa: E402
from db_fixtures import new_database  # noqa: E402
from fuzzing import OperationReport, fuzz_operation, load_schema, served_document  # noqa: E402
from moto.server import ThreadedMotoServer  # noqa: E402
from test_fuzz_openapi import FUZZER, TEAM_BUCKET, _request  # noqa: E402

from shared_models_ext.store.sql import SqlCatalogStore  # noqa: E402


@contextmanager
def moto() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def _arrange(endpoint: str) -> None:
    import boto3

    s3 = boto3.client(
        "s3",
        region_name="us-east-1",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 - moto
    )
    s3.create_bucket(Bucket=TEAM_BUCKET)
    s3.put_object(Bucket=TEAM_BUCKET, Key="data/train/train.csv", Body=b"age,churn\n1,0\n")


def run_backend(backend: str, examples: int, workdir: Path, endpoint: str) -> list[OperationReport]:
    reports: list[OperationReport] = []
    with new_database(backend, workdir, f"fuzz_{backend}") as url:
        SqlCatalogStore.open(url).close()
        server = UserServer(
            FUZZER, url, workdir / f"home-{backend}", {**MOTO_ENV, "AWS_ENDPOINT_URL": endpoint}
        )
        try:
            _arrange(endpoint)
            _request(
                server,
                "POST",
                "entries",
                payloads.model(
                    id="churn-xgboost",
                    training=payloads.tabular_training(),
                    inference=payloads.inference(),
                ),
            )
            schema = load_schema(served_document(server.base_url, server.token))
            for path, methods in schema.raw_schema["paths"].items():
                for method in methods:
                    started = time.monotonic()
                    report = fuzz_operation(
                        schema[path][method.upper()],
                        server.base_url,
                        server.token,
                        examples=examples,
                        keep=10,
                    )
                    reports.append(report)
                    took = time.monotonic() - started
                    print(f"[{backend}] {report.summary()} in {took:.1f} s", flush=True)
        finally:
            server.stop()
    return reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=100, help="per operation and mode")
    parser.add_argument("--backend", action="append", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    backends = args.backend or ["sqlite", "postgresql"]
    for name, value in MOTO_ENV.items():
        import os

        os.environ.setdefault(name, value)

    totals: dict[str, tuple[int, int, int]] = {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, moto() as endpoint:
        for backend in backends:
            reports = run_backend(backend, args.examples, Path(tmp), endpoint)
            cases = sum(r.cases for r in reports)
            errors = sum(r.server_errors for r in reports)
            violations = sum(r.schema_violations for r in reports)
            totals[backend] = (cases, errors, violations)
            for report in reports:
                failures += [f"[{backend}] {report.label} {finding}" for finding in report.findings]
    print()
    for backend, (cases, errors, violations) in totals.items():
        print(f"{backend}: {cases} cases, {errors} x 5xx, {violations} distinct schema violations")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
