"""A real ``jupyter server`` with the extension, for the benchmark scripts.

One user (``bench``), a free port on loopback, its own config, data, runtime and
workspace folders under ``home``, and an SQLite catalog there; ``settings`` adds to
(or overrides) the ``SharedModelsApp`` settings.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

API = "shared-models/api"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class BenchServer:
    def __init__(
        self,
        home: Path,
        settings: Mapping[str, Any] | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.root = home / "root"
        self.root.mkdir(parents=True, exist_ok=True)
        config = home / "config"
        config.mkdir()
        app = {"db_url": f"sqlite:///{home / 'catalog.sqlite'}", "username": "bench"}
        (config / "jupyter_server_config.json").write_text(
            json.dumps(
                {
                    "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
                    "SharedModelsApp": {**app, **(settings or {})},
                    "IdentityProvider": {"token": self.token},
                }
            )
        )
        environment = {
            **(os.environ if env is None else env),
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
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        started = time.monotonic() + 60
        while time.monotonic() < started:
            try:
                self.call("GET", "me")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def fetch(
        self, method: str, path: str, body: Any = None, timeout: float = 120
    ) -> tuple[int, bytes]:
        """Status and body of ``path`` (relative to the server's root)."""
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

    def call(self, method: str, path: str, body: Any = None, timeout: float = 120) -> Any:
        """The JSON answer of the extension's route ``path``; RuntimeError on a 4xx/5xx."""
        status, raw = self.fetch(method, f"{API}/{path}", body, timeout)
        if status >= 400:
            raise RuntimeError(f"{method} {path} -> {status}: {raw[:200]!r}")
        return json.loads(raw) if raw else None

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()
