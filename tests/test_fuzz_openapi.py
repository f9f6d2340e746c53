"""schemathesis over the served OpenAPI document, on SQLite and on PostgreSQL.

Every operation of the document gets a few generated requests (``SME_FUZZ_EXAMPLES`` per
generation mode; seeded, so CI sees the same cases every run) against a real
``jupyter server`` with a token, over the store under test, with AWS pointed at moto.
Checks: no 5xx, every status documented, content type and body as documented, and
requests the document calls valid not refused. ``scripts/fuzz_openapi.py`` is the long run.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import payloads
import pytest
from conftest import MOTO_ENV, UserServer
from fuzzing import examples_per_operation, fuzz_operation, load_schema, served_document
from sqlalchemy import create_engine

from shared_models_ext.api.openapi import build_openapi
from shared_models_ext.store.engine import parse_url

FUZZER = "fuzzer"
OPERATIONS = [
    (method.upper(), path)
    for path, methods in build_openapi("/")["paths"].items()
    for method in methods
]
TEAM_BUCKET = "team-bucket"


def _request(server: UserServer, method: str, path: str, body: Any = None) -> Any:
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"{server.base_url}shared-models/api/{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"token {server.token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:  # noqa: S310 - loopback
        return json.loads(reply.read() or b"null")


@pytest.fixture(scope="module")
def fuzz_server(
    db_url: str, moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[UserServer]:
    """A real server for the fuzzer over the store under test; AWS is moto."""
    from db_fixtures import empty_catalog

    engine = create_engine(parse_url(db_url))
    empty_catalog(engine)
    home: Path = tmp_path_factory.mktemp("fuzz-server")
    server = UserServer(FUZZER, db_url, home, {**MOTO_ENV, "AWS_ENDPOINT_URL": moto_endpoint})
    try:
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
        _request(server, "POST", "entries", payloads.notebook(id="exploring-churn"))
        yield server
    finally:
        server.stop()
        empty_catalog(engine)
        engine.dispose()


@pytest.fixture(scope="module")
def fuzz_schema(fuzz_server: UserServer) -> Any:
    document = served_document(fuzz_server.base_url, fuzz_server.token)
    assert document["paths"] == build_openapi("/")["paths"]
    return load_schema(document)


def _arrange_s3(aws: Any) -> None:
    aws.create_bucket(Bucket=TEAM_BUCKET)
    aws.put_object(Bucket=TEAM_BUCKET, Key="data/train/train.csv", Body=b"age,churn\n1,0\n")
    aws.put_object(Bucket=TEAM_BUCKET, Key="data/validation/v.csv", Body=b"age,churn\n2,1\n")


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_survives_fuzzing(
    method: str, path: str, fuzz_server: UserServer, fuzz_schema: Any, aws: Any
) -> None:
    _arrange_s3(aws)
    report = fuzz_operation(
        fuzz_schema[path][method],
        fuzz_server.base_url,
        fuzz_server.token,
        examples=examples_per_operation(),
    )
    assert report.cases > 0, report.summary()
    assert not report.findings, "\n".join([report.summary(), *map(str, report.findings)])
