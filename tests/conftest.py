"""Server tests: real Jupyter servers over one real store (SQLite file and PostgreSQL).

alice is pytest-jupyter's in-process server; other users (bob, carol, …) are real
``jupyter server`` subprocesses configured with another ``username`` over the same
``db_url`` — several people sharing one catalog, as in a team deployment.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from jupyter_server.utils import url_path_join
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

pytest_plugins = ["pytest_jupyter.jupyter_server", "db_fixtures"]

API = "shared-models/api"
ME = "alice"


@dataclass
class Response:
    status: int
    body: Any
    headers: Any

    @property
    def error(self) -> dict[str, Any]:
        return self.body["error"]  # type: ignore[no-any-return]


def _decode(raw: bytes) -> Any:
    return json.loads(raw) if raw else None


class Client:
    """The REST API as one user sees it."""

    def __init__(self, username: str, send: Callable[..., Any]) -> None:
        self.username = username
        self._send = send

    async def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        raw_body: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        body = raw_body if raw_body is not None else None
        if json_body is not None:
            body = json.dumps(json_body).encode()
        if body is None and method in ("POST", "PUT"):
            body = b""
        response = await self._send(method, path, body, params or {}, headers or {})
        return Response(response.code, _decode(response.body), response.headers)

    async def get(self, path: str, **params: Any) -> Response:
        return await self.request("GET", path, params=params)

    async def post(self, path: str, body: Any, **kw: Any) -> Response:
        return await self.request("POST", path, json_body=body, **kw)

    async def put(self, path: str, body: Any, if_match: str | None = None) -> Response:
        headers = {"If-Match": if_match} if if_match is not None else {}
        return await self.request("PUT", path, json_body=body, headers=headers)

    async def delete(self, path: str, if_match: str | None = None) -> Response:
        headers = {"If-Match": if_match} if if_match is not None else {}
        return await self.request("DELETE", path, headers=headers)

    async def create(self, body: dict[str, Any]) -> dict[str, Any]:
        """Create an entry and return it, failing the test if the server refuses."""
        response = await self.post("entries", body)
        assert response.status == 201, response.body
        return response.body  # type: ignore[no-any-return]


@pytest.fixture
def jp_server_config(clean_db: str) -> dict[str, Any]:
    return {
        "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
        "SharedModelsApp": {"db_url": clean_db, "username": ME},
    }


@pytest.fixture
def api(jp_fetch: Any) -> Client:
    """alice's client on pytest-jupyter's server."""

    async def send(
        method: str, path: str, body: bytes | None, params: dict[str, Any], headers: dict[str, str]
    ) -> Any:
        return await jp_fetch(
            API, path, method=method, body=body, params=params, headers=headers, raise_error=False
        )

    return Client(ME, send)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class UserServer:
    """A real ``jupyter server`` process for one user over the shared store."""

    def __init__(
        self,
        username: str,
        db_url: str,
        home: Path,
        env: dict[str, str],
        settings: dict[str, Any] | None = None,
    ) -> None:
        """``settings``: more ``SharedModelsApp`` configuration (e.g. ``store_file_mode``)."""
        self.username = username
        self.root = home / "root"
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.base_url = f"http://127.0.0.1:{self.port}/"
        config_dir = home / "config"
        config_dir.mkdir(parents=True)
        (home / "root").mkdir()
        (config_dir / "jupyter_server_config.json").write_text(
            json.dumps(
                {
                    "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
                    "SharedModelsApp": {
                        "db_url": db_url,
                        "username": username,
                        **(settings or {}),
                    },
                    "IdentityProvider": {"token": self.token},
                }
            )
        )
        env = {
            **os.environ,
            **env,
            "JUPYTER_CONFIG_DIR": str(config_dir),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        }
        env.pop("JUPYTERHUB_USER", None)
        self.data_dir = home / "data"
        self._env = env
        self._log_path = home / "server.log"
        self._command = [
            sys.executable,
            "-m",
            "jupyter_server",
            "--no-browser",
            "--allow-root",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            "--ip=127.0.0.1",
            f"--ServerApp.root_dir={home / 'root'}",
        ]
        self._start()

    def _start(self) -> None:
        self.log = open(self._log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            self._command, env=self._env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self._wait_ready(self._log_path)

    def kill(self) -> None:
        """End the server abruptly (SIGKILL), as a crash or an OOM kill would."""
        self.process.kill()
        self.process.wait(timeout=10)
        self.log.close()

    def restart(self) -> None:
        """Start the server again on the same port, root, data and store."""
        self._start()

    def _wait_ready(self, log_path: Path) -> None:
        deadline = time.monotonic() + 60
        url = f"{self.base_url}{API}/me?token={self.token}"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.username}'s server exited:\n{log_path.read_text()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as reply:  # noqa: S310 - loopback
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.username}'s server did not start:\n{log_path.read_text()}")

    def client(self) -> Client:
        http = AsyncHTTPClient()

        async def send(
            method: str,
            path: str,
            body: bytes | None,
            params: dict[str, Any],
            headers: dict[str, str],
        ) -> Any:
            url = url_path_join(self.base_url, API, path)
            if params:
                url += "?" + urlencode(params)
            request = HTTPRequest(
                url,
                method=method,
                body=body,
                headers={"Authorization": f"token {self.token}", **headers},
                allow_nonstandard_methods=True,
            )
            return await http.fetch(request, raise_error=False)

        return Client(self.username, send)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


MOTO_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
    "AWS_CONFIG_FILE": "/nonexistent/config",
}


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """moto's HTTP server on loopback: S3, SageMaker, ECR for every server under test."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A clean moto account; returns a boto3 S3 client to arrange and inspect data."""
    import boto3

    reset = urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST")  # noqa: S310
    urllib.request.urlopen(reset, timeout=10).close()  # noqa: S310 - loopback
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION"):
        monkeypatch.delenv(name, raising=False)
    for name, value in {**MOTO_ENV, "AWS_ENDPOINT_URL": moto_endpoint}.items():
        monkeypatch.setenv(name, value)
    return boto3.client("s3", region_name="us-east-1", endpoint_url=moto_endpoint)


@pytest.fixture(scope="session")
def user_servers(db_url: str) -> Iterator[dict[str, UserServer]]:
    servers: dict[str, UserServer] = {}
    yield servers
    for server in servers.values():
        server.stop()


@pytest.fixture
def as_user(
    user_servers: dict[str, UserServer],
    db_url: str,
    moto_endpoint: str,
    tmp_path_factory: pytest.TempPathFactory,
    api: Client,
) -> Callable[[str], Client]:
    """``as_user("bob")``: bob's client, on his own server over the same store."""

    def client_for(username: str) -> Client:
        if username == ME:
            return api
        if username not in user_servers:
            home = tmp_path_factory.mktemp(f"server-{username}")
            aws_env = {**MOTO_ENV, "AWS_ENDPOINT_URL": moto_endpoint}
            user_servers[username] = UserServer(username, db_url, home, aws_env)
        return user_servers[username].client()

    return client_for
