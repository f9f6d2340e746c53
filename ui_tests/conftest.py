"""Browser tests: a real ``jupyter lab`` driven by Playwright (headless Chromium).

Run them on their own, from the repository root::

    python -m pytest ui_tests

The browser is the system Chromium (Debian: ``apt-get install chromium``), not
one downloaded by ``playwright install``; set ``SME_CHROMIUM`` to use another
binary. Screenshots and the server log land in ``ui_tests/artifacts/``.

AWS is moto's server, started once for the session (``s3_server``): the lab
server talks to it through ``AWS_ENDPOINT_URL`` with dummy credentials, so
no test ever reaches AWS.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from playwright.sync_api import ConsoleMessage, Error, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ARTIFACTS = Path(__file__).parent / "artifacts"
EXTENSION_NAME = "shared-models-ext"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
START_TIMEOUT = 60.0
AWS_REGION = "us-east-1"


@dataclass(frozen=True)
class S3Server:
    """moto's server, standing in for AWS."""

    endpoint_url: str

    def client(self) -> Any:
        """A boto3 S3 client on the server (to seed buckets and check uploads)."""
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=AWS_REGION,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    def environment(self) -> dict[str, str]:
        """What a process needs to use this server as AWS."""
        return {
            "AWS_ENDPOINT_URL": self.endpoint_url,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": AWS_REGION,
            "AWS_EC2_METADATA_DISABLED": "true",
        }

    def reset(self) -> None:
        """Forget every bucket and object."""
        request = urllib.request.Request(  # noqa: S310 - always http://127.0.0.1
            f"{self.endpoint_url}/moto-api/reset", method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            assert response.status == 200


@dataclass(frozen=True)
class LabServer:
    """A running ``jupyter lab``."""

    base_url: str  # ends with "/"
    token: str
    root_dir: Path
    log_file: Path
    db_url: str  # the catalog store the server uses (SQLite)

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    def get(self, path: str) -> tuple[int, bytes]:
        """GET a server path with the token; returns (status, body)."""
        return self.request("GET", path)

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        """Call a server path with the token (and a JSON body); returns (status, body)."""
        data = None if body is None else json.dumps(body).encode()
        # Always http://127.0.0.1:<port>/…: no file: or custom schemes.
        request = urllib.request.Request(  # noqa: S310
            self.url(path),
            data=data,
            method=method,
            headers={
                "Authorization": f"token {self.token}",
                "Content-Type": "application/json",
                **(headers or {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _chromium() -> str:
    candidates = [os.environ.get("SME_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    pytest.exit(
        "No Chromium found: install it (Debian: apt-get install -y chromium) or set SME_CHROMIUM.",
        returncode=2,
    )


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """moto's server on a free port, for the whole session."""
    from moto.server import ThreadedMotoServer

    # One log line per S3 request drowns the report of a failing test.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield S3Server(f"http://{host}:{port}")
    finally:
        server.stop()


# Nothing of the developer's own AWS setup reaches the lab server.
_AWS_VARIABLES = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_ENDPOINT_URL",
    "AWS_DEFAULT_REGION",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_REGION",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
)


@contextlib.contextmanager
def launch_lab(
    home: Path,
    log_file: Path,
    *,
    username: str = "alice",
    db_url: str | None = None,
    aws: S3Server | None = None,
    extra_env: dict[str, str] | None = None,
) -> Iterator[LabServer]:
    """Start a real ``jupyter lab`` on a free port, with a random token and its
    own workspace, catalog, settings and config under ``home``: nothing of the
    developer's own JupyterLab is read or changed. Stopped on exit.

    ``db_url`` shares another server's catalog (several users, one store);
    ``aws`` points boto3 at moto's server; ``extra_env`` adds variables (e.g.
    boto3's service-specific ``AWS_ENDPOINT_URL_<SERVICE>``)."""
    root_dir = home / "workspace"
    root_dir.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    token = secrets.token_hex(24)
    db_url = db_url or f"sqlite:///{home / 'catalog.sqlite'}"
    base_env = {k: v for k, v in os.environ.items() if k not in _AWS_VARIABLES}
    # Without ``aws``, no credentials at all: the product says so (503).
    aws_env = aws.environment() if aws else {"AWS_EC2_METADATA_DISABLED": "true"}
    env = {
        **base_env,
        **aws_env,
        "AWS_CONFIG_FILE": str(home / "aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(home / "aws-credentials"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        **(extra_env or {}),
    }
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.open_browser=False",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.expose_app_in_browser=True",
        f"--SharedModelsApp.db_url={db_url}",
        f"--SharedModelsApp.username={username}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers, CI runners
        command.append("--allow-root")
    _write_user_settings(
        home / "user-settings",
        # No "Would you like to get notified about official Jupyter news?" toast.
        {"@jupyterlab/apputils-extension/notification": {"fetchNews": "false"}},
    )
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=root_dir, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        server = LabServer(f"http://127.0.0.1:{port}/", token, root_dir, log_file, db_url)
        try:
            _wait_until_up(server, process)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


@pytest.fixture(scope="session")
def lab_server(
    tmp_path_factory: pytest.TempPathFactory, artifacts_dir: Path, s3_server: S3Server
) -> Iterator[LabServer]:
    """The session's ``jupyter lab``, signed in to the catalog as alice, with
    moto's server as AWS."""
    with launch_lab(
        tmp_path_factory.mktemp("lab"), artifacts_dir / "jupyter-lab.log", aws=s3_server
    ) as server:
        yield server


def _write_user_settings(settings_dir: Path, settings: dict[str, dict[str, Any]]) -> None:
    for plugin, values in settings.items():
        path = settings_dir / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def _wait_until_up(server: LabServer, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = server.log_file.read_text(errors="replace")[-4000:]
            pytest.fail(f"jupyter lab exited with {process.returncode}:\n{log}")
        try:
            status, _ = server.get("api/status")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"jupyter lab did not answer /api/status within {START_TIMEOUT:.0f} s")


# --- pytest-playwright: use the system Chromium -----------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": _chromium(),
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 800},
        "device_scale_factor": 2,  # crisp screenshots
    }


@pytest.fixture
def console_errors(page: Page) -> list[str]:
    """Errors the page logs to its console (and uncaught exceptions)."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    def on_page_error(error: Error) -> None:
        errors.append(str(error))

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    return errors


PLUGIN_SETTINGS = "lab/api/settings/shared-models-ext:plugin"
PANEL = "Shared models"


def panel_region(page: Page) -> Locator:
    """The Shared models panel (a named region)."""
    return page.get_by_role("region", name=PANEL, exact=True)


def sidebar_tab(page: Page) -> Locator:
    """The panel's tab in the left sidebar."""
    return page.get_by_role("complementary", name="main sidebar").get_by_role(
        "tab", name=PANEL, exact=True
    )


def open_dialog(page: Page, name: str) -> Locator:
    """The dialog named `name`, once it is shown and has put the focus in itself.

    A JupyterLab dialog focuses its first field only once its body has
    rendered: typing before then would land in whichever field the focus
    moves to, as it would for a user who typed before seeing the focus.
    """
    found = page.get_by_role("dialog", name=name, exact=True)
    expect(found).to_be_visible()
    expect(found.locator(":focus")).to_have_count(1)
    return found


def set_theme(page: Page, theme: str, *, light: bool) -> None:
    page.evaluate(
        "theme => window.jupyterapp.commands.execute('apputils:change-theme', {theme})", theme
    )
    expect(page.locator("body")).to_have_attribute("data-jp-theme-light", str(light).lower())
    expect(page.locator("body")).to_have_attribute("data-jp-theme-name", theme)
    # Switching themes shows the splash screen until the new CSS is loaded.
    expect(page.locator("#jupyterlab-splash")).to_have_count(0)


def reset_panel_settings(server: LabServer, **values: Any) -> None:
    """Put the panel's user settings back to the defaults (plus ``values``): the
    panel remembers the selected tab, and one test must not choose the next one's."""
    status, body = server.request("PUT", PLUGIN_SETTINGS, {"raw": json.dumps(values)})
    assert status == 204, body


def open_lab(page: Page, server: LabServer) -> Page:
    """Load JupyterLab with a fresh layout and wait until the shell is ready."""
    reset_panel_settings(server)
    page.set_default_timeout(20_000)
    page.goto(server.url(f"lab?reset&token={server.token}"))
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=60_000)
    expect(page.locator(".jp-LabShell")).to_be_visible()
    # window.jupyterapp exists with --LabApp.expose_app_in_browser; wait until
    # the layout is restored, so nothing steals focus from the test later.
    page.wait_for_function("() => window.jupyterapp !== undefined")
    page.evaluate("() => window.jupyterapp.restored.then(() => true)")
    # A fresh layout opens the Launcher, which then takes the focus (closing
    # any open command palette): let that happen before the test starts.
    expect(page.locator(".jp-Launcher")).to_be_visible()
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "() => document.activeElement?.closest('.jp-Launcher') != null", timeout=5_000
        )
    expect(page.get_by_role("tab", name="File Browser")).to_be_visible()
    config = json.loads(page.locator("#jupyter-config-data").text_content() or "{}")
    installed = [ext.get("name") for ext in config.get("federated_extensions", [])]
    if EXTENSION_NAME not in installed:
        pytest.fail(
            f"{EXTENSION_NAME} is not installed in this JupyterLab (found {installed}): "
            "build and install it first (pip install -e . && jupyter labextension develop . "
            "--overwrite)."
        )
    return page


@pytest.fixture
def lab_page(page: Page, lab_server: LabServer, console_errors: list[str]) -> Page:
    """A JupyterLab page with a fresh layout, once the shell is ready."""
    return open_lab(page, lab_server)
