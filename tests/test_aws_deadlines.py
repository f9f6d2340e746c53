"""Bounded time: a slow, hanging or throttling AWS never holds a request for long,
and never slows the catalog or jupyter-server's file browser.

A real pytest-jupyter server talks to a loopback fake AWS endpoint
(``tests/fake_aws.py``) through ``SharedModelsApp.aws_endpoint_url``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import MOTO_ENV
from fake_aws import FakeAws
from tornado.httpclient import AsyncHTTPClient, HTTPResponse

DEADLINE = 2.0
SLACK = 1.5
MAX_CONCURRENCY = 4


@pytest.fixture
def fake_aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAws]:
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in MOTO_ENV.items():
        monkeypatch.setenv(name, value)
    fake = FakeAws()
    yield fake
    fake.stop()


def server_config(clean_db: str, fake: FakeAws, deadline: float) -> dict[str, Any]:
    return {
        "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
        "SharedModelsApp": {
            "db_url": clean_db,
            "username": "alice",
            "aws_endpoint_url": fake.url,
            "aws_deadline_seconds": deadline,
            "aws_max_concurrency": MAX_CONCURRENCY,
        },
    }


@pytest.fixture
def jp_server_config(clean_db: str, fake_aws: FakeAws) -> dict[str, Any]:
    return server_config(clean_db, fake_aws, DEADLINE)


class Http:
    """Its own HTTP client (many connections at once; jp_fetch's allows 10)."""

    def __init__(self, port: int, base_url: str, headers: dict[str, str]) -> None:
        self._root = f"http://localhost:{port}{base_url}"
        self._headers = headers
        self._client: AsyncHTTPClient | None = None

    async def get(self, path: str) -> HTTPResponse:
        if self._client is None:  # made on the test's running loop
            self._client = AsyncHTTPClient(force_instance=True, max_clients=200)
        return await self._client.fetch(
            self._root + path, headers=self._headers, raise_error=False, request_timeout=120
        )

    async def timed(self, path: str) -> tuple[HTTPResponse, float]:
        start = time.monotonic()
        response = await self.get(path)
        return response, time.monotonic() - start

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


@pytest.fixture
def http(
    jp_serverapp: Any, http_server: Any, jp_http_port: int, jp_base_url: str, jp_auth_header: Any
) -> Any:
    """``http_server``: pytest-jupyter's listening server (``jp_fetch`` starts it too)."""
    client = Http(jp_http_port, jp_base_url, dict(jp_auth_header))
    yield client
    client.close()


def error_of(response: HTTPResponse) -> dict[str, Any]:
    import json

    return json.loads(response.body)["error"]  # type: ignore[no-any-return]


async def test_a_hanging_endpoint_is_answered_504_within_the_deadline(
    http: Http, fake_aws: FakeAws
) -> None:
    response, elapsed = await http.timed("shared-models/api/s3?uri=s3://team-data/")
    assert response.code == 504, response.body
    error = error_of(response)
    assert error["code"] == "timeout"
    assert f"{DEADLINE:g} s" in error["message"]
    assert DEADLINE - 0.2 <= elapsed < DEADLINE + SLACK
    assert fake_aws.requests["hang"] >= 1


async def test_catalog_and_file_browser_stay_fast_while_aws_calls_hang(
    http: Http, fake_aws: FakeAws
) -> None:
    """45 hanging AWS calls: more than aws_max_concurrency, and more than the 40 worker
    threads that the catalog (api/workers.py) and the contents API (anyio) each run on."""
    hanging = [
        asyncio.ensure_future(http.timed(f"shared-models/api/s3?uri=s3://team-data/{n}/"))
        for n in range(45)
    ]
    await asyncio.sleep(0.3)  # let them reach the server and the fake
    entries, contents = [], []
    for _ in range(20):
        response, elapsed = await http.timed("shared-models/api/entries")
        assert response.code == 200, response.body
        entries.append(elapsed)
        response, elapsed = await http.timed("api/contents")
        assert response.code == 200, response.body
        contents.append(elapsed)
    assert max(entries) < 1.0, entries  # p99 of 20 samples is their maximum
    assert max(contents) < 1.0, contents
    assert fake_aws.requests["hang"] <= MAX_CONCURRENCY  # the rest waited for the pool

    results = await asyncio.gather(*hanging)
    # Each is answered 504 at its deadline; the last ones waited in the pool's queue.
    assert {response.code for response, _ in results} == {504}
    assert max(elapsed for _, elapsed in results) < DEADLINE + SLACK


async def test_calls_given_up_at_the_deadline_keep_their_slots_until_they_end(
    http: Http, fake_aws: FakeAws
) -> None:
    """A request answered 504 leaves its AWS call running (a thread cannot be killed):
    that call keeps its slot, so a sustained hang never has more than
    aws_max_concurrency calls in flight against AWS."""
    first = await asyncio.gather(
        *(http.timed(f"shared-models/api/s3?uri=s3://team-data/a{n}/") for n in range(8))
    )
    assert {response.code for response, _ in first} == {504}
    assert fake_aws.requests["hang"] == MAX_CONCURRENCY
    # The given-up calls still hang (the read timeout is longer than the deadline):
    # new requests wait for a slot and are answered at their own deadline.
    second = await asyncio.gather(
        *(http.timed(f"shared-models/api/s3?uri=s3://team-data/b{n}/") for n in range(8))
    )
    assert {response.code for response, _ in second} == {504}
    assert fake_aws.requests["hang"] == MAX_CONCURRENCY
    response = await http.get("shared-models/api/entries")
    assert response.code == 200


class TestThrottling:
    """What is left of throttling after a small retry budget reaches the user in a
    few seconds (it took 54 s for SlowDown and 89 s for ThrottlingException)."""

    @pytest.fixture
    def jp_server_config(self, clean_db: str, fake_aws: FakeAws) -> dict[str, Any]:
        return server_config(clean_db, fake_aws, 20.0)

    async def test_s3_slowdown(self, http: Http, fake_aws: FakeAws) -> None:
        fake_aws.mode = "slowdown"
        response, elapsed = await http.timed("shared-models/api/s3?uri=s3://team-data/")
        assert response.code == 503, response.body
        error = error_of(response)
        assert error["code"] == "unavailable"
        assert error["message"].startswith("AWS said SlowDown: Please reduce your request rate.")
        assert "try again" in error["message"]
        assert elapsed < 5.0
        assert fake_aws.requests["slowdown"] == 3

    async def test_sagemaker_throttling(self, http: Http, fake_aws: FakeAws) -> None:
        fake_aws.mode = "throttle"
        response, elapsed = await http.timed("shared-models/api/training-jobs/churn-1")
        assert response.code == 503, response.body
        error = error_of(response)
        assert error["message"].startswith("AWS said ThrottlingException: Rate exceeded")
        assert elapsed < 5.0
        assert fake_aws.requests["throttle"] == 3


async def test_long_operations_keep_the_full_retry_budget(jp_serverapp: Any) -> None:
    """Local runs' transfers nobody waits on in a request keep the full budget; what a
    request waits for gets the small one."""
    clients = jp_serverapp.web_app.settings["shared_models"].aws
    interactive, long = clients.client("s3"), clients.client("s3", long=True)
    assert interactive is not long
    assert interactive.meta.config.retries["total_max_attempts"] == 3
    assert interactive.meta.config.read_timeout <= 10
    assert interactive.meta.config.connect_timeout <= 5
    assert long.meta.config.retries["total_max_attempts"] == 11
    assert long.meta.config.read_timeout == 60
    assert clients.client("s3", long=True) is long  # made once, reused
