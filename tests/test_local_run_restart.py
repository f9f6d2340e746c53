"""A server that stops mid-run: the run is reported failed, saying why, never left
running — whether the server shut down cleanly or was killed."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Client, UserServer
from local_run_helpers import runnable_entry, start, wait_for, write_code

SCRIPT = """
import os, time
with open(os.path.join(os.environ["SM_OUTPUT_DATA_DIR"], "pid"), "w") as f:
    f.write(str(os.getpid()))
time.sleep(300)
"""


async def _pid(run_root: Path) -> int:
    for _ in range(200):
        path = run_root / "output/data/pid"
        if path.exists() and path.read_text():
            return int(path.read_text())
        await asyncio.sleep(0.05)
    raise AssertionError("the script did not start")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize(("username", "how"), [("dave", "killed"), ("erin", "shut down")])
async def test_restart_mid_run_reports_failed(
    as_user: Callable[[str], Client],
    user_servers: dict[str, UserServer],
    username: str,
    how: str,
) -> None:
    client = as_user(username)
    server = user_servers[username]
    entry = await runnable_entry(client, title=f"{username} model")
    code = write_code(server.root, SCRIPT)
    run_id = await start(client, entry["id"], {"synthetic_rows": 5, "code": code})
    status = await wait_for(client, run_id, ("running",))
    pid = await _pid(Path(status["run_root"]))
    if how == "killed":
        server.kill()
        assert _alive(pid)  # its own process group outlived the server
    else:
        server.stop()
    server.restart()
    client = server.client()
    status = (await client.get(f"local-runs/{run_id}")).body
    assert status["status"] == "failed"
    assert "server stopped while this run was in progress" in status["failure_reason"]
    for _ in range(100):
        if not _alive(pid):
            break
        await asyncio.sleep(0.05)
    assert not _alive(pid)
    listed = (await client.get("local-runs")).body["items"]
    assert [(i["run_id"], i["status"]) for i in listed] == [(run_id, "failed")]
