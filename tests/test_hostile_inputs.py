"""Hostile inputs (``tests/hostile_inputs.py``) against a real server on each backend.

For every case: never a 5xx; an error is JSON of the documented shape
(``{"error": {"code", "message", "details"}}``); after a 4xx every catalog table holds
exactly the rows it held before; and SQLite and PostgreSQL answer with the same status.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import payloads
import pytest
from conftest import MOTO_ENV, UserServer
from hostile_inputs import CASES, ESCAPE, ESCAPE_DIR, NOTEBOOK, SEEDED, Hostile
from sqlalchemy import Engine, create_engine, func, inspect, select, table
from sqlalchemy.engine import make_url

from shared_models_ext.store.engine import parse_url

HOSTILE_USER = "mallory"
#: Tables that are not catalog content: the migration mark and the server's own keys
#: (the cursor key is created on first use).
NOT_CATALOG = {"alembic_version", "store_secrets"}
#: status per case name, per backend: filled by the tests, compared across backends.
RESULTS: dict[str, dict[str, int]] = {}


def _send(server: UserServer, case: Hostile) -> tuple[int, bytes, str]:
    headers = {"Authorization": f"token {server.token}", **case.headers}
    if case.body is not None:
        headers.setdefault("Content-Type", "application/json")
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"{server.base_url}shared-models/api/{case.path}",
        method=case.method,
        data=case.body if case.body is not None else (b"" if case.method in "POST PUT" else None),
        headers=headers,
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:  # noqa: S310 - loopback
            return reply.status, reply.read(), reply.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


def _row_counts(engine: Engine) -> dict[str, int]:
    names = [n for n in inspect(engine).get_table_names() if n not in NOT_CATALOG]
    with engine.connect() as connection:
        return {
            name: int(
                connection.execute(select(func.count()).select_from(table(name))).scalar_one()
            )
            for name in sorted(names)
        }


@pytest.fixture(scope="module")
def hostile_engine(db_url: str) -> Iterator[Engine]:
    engine = create_engine(parse_url(db_url))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def hostile_server(
    db_url: str,
    hostile_engine: Engine,
    moto_endpoint: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[UserServer]:
    """mallory's real server over the store under test, with a seeded entry and a
    workspace holding a notebook and two symlinks that lead outside it."""
    from db_fixtures import empty_catalog

    empty_catalog(hostile_engine)
    home: Path = tmp_path_factory.mktemp("hostile-server")
    outside = tmp_path_factory.mktemp("outside-the-root")
    nbformat.write(nbformat.v4.new_notebook(), outside / "secret.ipynb")
    server = UserServer(HOSTILE_USER, db_url, home, {**MOTO_ENV, "AWS_ENDPOINT_URL": moto_endpoint})
    work = server.root / "work"
    work.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), server.root / NOTEBOOK)
    (work / "notes.txt").write_text("not a notebook")
    (server.root / ESCAPE).symlink_to(outside / "secret.ipynb")
    (server.root / ESCAPE_DIR).symlink_to(outside, target_is_directory=True)
    try:
        seed = Hostile(
            "seed",
            "POST",
            "entries",
            json.dumps(payloads.model(id=SEEDED, training=payloads.tabular_training())).encode(),
        )
        status, body, _ = _send(server, seed)
        assert status == 201, body
        yield server
    finally:
        server.stop()
        empty_catalog(hostile_engine)


def _backend(db_url: str) -> str:
    return make_url(db_url).get_backend_name()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(
    case: Hostile, hostile_server: UserServer, hostile_engine: Engine, db_url: str, aws: Any
) -> None:
    aws.create_bucket(Bucket="team-bucket")
    before = _row_counts(hostile_engine)
    status, raw, content_type = _send(hostile_server, case)
    RESULTS.setdefault(case.name, {})[_backend(db_url)] = status

    assert status < 500, (status, raw[:500])
    if case.expect == "refused":
        assert 400 <= status < 500, (status, raw[:500])
    if status >= 400:
        assert content_type.startswith("application/json"), content_type
        error = json.loads(raw)["error"]
        assert isinstance(error["code"], str)
        assert error["code"]
        assert isinstance(error["message"], str)
        assert error["message"]
        assert isinstance(error["details"], list)
        for detail in error["details"]:
            assert isinstance(detail["loc"], list)
            assert isinstance(detail["msg"], str)
        assert "Traceback" not in error["message"]
        assert _row_counts(hostile_engine) == before, "a refused request changed the catalog"


def test_hostile_inputs_answer_alike_on_both_backends(db_url: str) -> None:
    """Runs after the cases of its backend; compares once both backends have run."""
    both = {name: seen for name, seen in RESULTS.items() if len(seen) == 2}
    if not both:
        pytest.skip("only one backend has run the corpus so far")
    differing = {name: seen for name, seen in both.items() if len(set(seen.values())) > 1}
    assert not differing, differing
    assert len(both) == len(CASES)
