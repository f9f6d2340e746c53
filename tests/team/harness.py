"""A real JupyterHub for the team-catalog tests and the forwarding benchmark
(scripts/bench_forwarding.py): configurable-http-proxy from node_modules, the
DummyAuthenticator, SimpleLocalProcessSpawner single-user servers with this extension,
and the catalog service as a managed Hub service on a throw-away PostgreSQL database.

Plain Python (no pytest): ``with team_hub() as hub: ...``. The hub's configuration is
the one docs/team-deployment.md documents (services, load_roles, catalog_url in the
spawner's arguments, shutdown_on_logout), plus a test-admin service with a known token
and, per user, extra server arguments (``hub.server_args[name] = [...]``) read when the
server is spawned.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
PROXY = Path(
    os.environ.get("SME_PROXY")
    or ROOT / "node_modules" / ".bin" / "configurable-http-proxy"  # a devDependency
)
POSTGRES = os.environ.get(
    "SME_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SERVICE = "shared-models"
AS_ROOT = ["--allow-root"] if os.getuid() == 0 else []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(ready: Callable[[], bool], what: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(0.2)


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database; dropped afterwards."""
    name = f"sme_team_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class TeamHub:
    """A running JupyterHub: its URLs, an admin client, and the users' servers."""

    home: Path
    db_url: str
    ports: dict[str, int]
    admin_token: str
    server_args: dict[str, list[str]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports['hub']}"

    @property
    def catalog_url(self) -> str:
        """What the users' servers are given: the service's own address (no proxy)."""
        return f"http://127.0.0.1:{self.ports['service']}/services/{SERVICE}/"

    @property
    def service_api(self) -> str:
        return self.catalog_url + "shared-models/api/"

    def admin(self) -> httpx.Client:
        return httpx.Client(
            base_url=f"{self.url}/hub/api/",
            headers={"Authorization": f"token {self.admin_token}"},
            timeout=60,
        )

    def add_user(self, name: str) -> None:
        with self.admin() as hub:
            reply = hub.post(f"users/{name}")
            if reply.status_code != 409:  # already there
                reply.raise_for_status()

    def start_server(self, name: str, args: list[str] | None = None) -> None:
        """Start ``name``'s server (with ``args`` added to the spawner's) and wait for it."""
        self.server_args[name] = list(args or [])
        (self.home / "server_args.json").write_text(json.dumps(self.server_args))
        self.add_user(name)
        with self.admin() as hub:
            hub.post(f"users/{name}/server").raise_for_status()
            wait_for(lambda: self._ready(hub, name), f"{name}'s server to start")

    def stop_server(self, name: str) -> None:
        with self.admin() as hub:
            reply = hub.delete(f"users/{name}/server")
            if reply.status_code not in (202, 204, 400):
                reply.raise_for_status()
            wait_for(lambda: not self._running(hub, name), f"{name}'s server to stop")

    def token(self, name: str, scopes: list[str] | None = None) -> tuple[str, str]:
        """A new API token of ``name`` (its value and its id at the Hub)."""
        scopes = scopes or [f"access:servers!user={name}", f"access:services!service={SERVICE}"]
        with self.admin() as hub:
            reply = hub.post(f"users/{name}/tokens", json={"scopes": scopes, "expires_in": 3600})
            model = reply.raise_for_status().json()
        return str(model["token"]), str(model["id"])

    def revoke(self, name: str, token_id: str) -> None:
        with self.admin() as hub:
            hub.delete(f"users/{name}/tokens/{token_id}").raise_for_status()

    def server_pid(self, name: str) -> int:
        with self.admin() as hub:
            model = hub.get(f"users/{name}").raise_for_status().json()
        return int(model["servers"][""]["state"]["pid"])

    def server(self, name: str, token: str) -> httpx.Client:
        """``name``'s server's catalog API, through the Hub's proxy, with ``token``."""
        return httpx.Client(
            base_url=f"{self.url}/user/{name}/shared-models/api/",
            headers={"Authorization": f"token {token}"},
            timeout=60,
        )

    def service_pids(self) -> list[int]:
        """The catalog service's processes (the Hub starts it again when it exits)."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if any(part.endswith(b"jupyter-shared-models-service") for part in command) and any(
                self.db_url.encode() in part for part in command
            ):
                found.append(int(entry.name))
        return found

    def service_answers(self) -> bool:
        try:
            return httpx.get(self.service_api + "me", timeout=2).status_code == 403
        except httpx.HTTPError:
            return False

    def _ready(self, hub: httpx.Client, name: str) -> bool:
        model = hub.get(f"users/{name}").json()
        server = model.get("servers", {}).get("")
        return bool(server and server.get("ready"))

    def _running(self, hub: httpx.Client, name: str) -> bool:
        model = hub.get(f"users/{name}").json()
        return bool(model.get("servers", {}).get(""))


def hub_config(hub: TeamHub, *, auth_cache_seconds: int) -> str:
    ports = hub.ports
    return textwrap.dedent(
        f"""
        import json, pathlib
        c = get_config()  # noqa: F821
        c.JupyterHub.ip = "127.0.0.1"
        c.JupyterHub.port = {ports["hub"]}
        c.JupyterHub.hub_port = {ports["hub_api"]}
        c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports["proxy_api"]}"
        c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
        c.JupyterHub.authenticator_class = "dummy"
        c.DummyAuthenticator.password = "team-password"
        c.Authenticator.allow_all = True
        c.JupyterHub.spawner_class = "simple"
        c.Spawner.start_timeout = 120
        c.Spawner.http_timeout = 120
        c.Spawner.default_url = "/lab"
        c.JupyterHub.shutdown_on_logout = True

        # As docs/team-deployment.md: every server speaks to the catalog service.
        CATALOG = ["--SharedModelsApp.catalog_url={hub.catalog_url}"]

        def pre_spawn(spawner):
            extra = json.loads(pathlib.Path("server_args.json").read_text())
            extra = extra.get(spawner.user.name, [])
            # traitlets refuses a setting given twice: a server's own catalog_url wins.
            ours = [arg for arg in extra if arg.startswith("--SharedModelsApp.catalog_url=")]
            spawner.args = {AS_ROOT!r} + ([] if ours else CATALOG) + extra

        c.Spawner.pre_spawn_hook = pre_spawn
        c.JupyterHub.services = [
            {{
                "name": "{SERVICE}",
                "url": "http://127.0.0.1:{ports["service"]}",
                "command": [
                    "jupyter-shared-models-service", *{AS_ROOT!r},
                    "--CatalogService.db_url={hub.db_url}",
                    "--CatalogService.auth_cache_seconds={auth_cache_seconds}",
                ],
            }},
            {{"name": "test-admin", "api_token": "{hub.admin_token}"}},
        ]
        c.JupyterHub.load_roles = [
            {{"name": "user", "scopes": ["self", "access:services!service={SERVICE}"]}},
            {{
                "name": "server",
                "scopes": [
                    "users:activity!user",
                    "access:servers!server",
                    "access:services!service={SERVICE}",
                ],
            }},
            {{
                "name": "test-admin",
                "services": ["test-admin"],
                "scopes": ["admin:users", "admin:servers", "admin:server_state", "tokens",
                           "access:servers"],
            }},
        ]
        """
    )


@contextmanager
def team_hub(*, auth_cache_seconds: int = 1) -> Iterator[TeamHub]:
    """A JupyterHub with the catalog service on a new PostgreSQL database."""
    if not PROXY.exists():
        raise RuntimeError(f"{PROXY} is missing: run `jlpm install` first")
    with postgres_database() as db_url:
        home = Path(tempfile.mkdtemp(prefix="sme-team-hub-"))
        ports = {key: free_port() for key in ("hub", "hub_api", "proxy_api", "service")}
        hub = TeamHub(home=home, db_url=db_url, ports=ports, admin_token=uuid.uuid4().hex)
        (home / "server_args.json").write_text("{}")
        (home / "jupyterhub_config.py").write_text(
            hub_config(hub, auth_cache_seconds=auth_cache_seconds)
        )
        log = (home / "hub.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", "jupyterhub_config.py"],
            cwd=home,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_for(lambda: _answers(f"{hub.url}/hub/api/"), "JupyterHub to start")
            wait_for(hub.service_answers, "the catalog service to start")
            yield hub
        except BaseException:
            log.flush()
            sys.stderr.write((home / "hub.log").read_text(errors="replace")[-6000:])
            raise
        finally:
            _stop(process)
            for pid in hub.service_pids():
                _kill(pid)
            log.close()
            shutil.rmtree(home, ignore_errors=True)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _stop(process: subprocess.Popen[Any]) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


def _kill(pid: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
