"""The SQLite store file is private: 0600 (its -wal/-shm too) in a 0700 folder, or per
``SharedModelsApp.store_file_mode``; an existing world-readable file is tightened at
start-up, with a line in the log. Checked on real server starts."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import UserServer

from shared_models_ext.store.sql import SqlCatalogStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The usual umask (022): without the fix every new file is world-readable."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def start(tmp_path: Path, permissive_umask: None) -> Iterator[Any]:
    servers: list[UserServer] = []

    def start_server(db_path: Path, **settings: Any) -> UserServer:
        server = UserServer(
            "alice", f"sqlite:///{db_path}", tmp_path / f"home{len(servers)}", {}, settings
        )
        servers.append(server)
        return server

    yield start_server
    for server in servers:
        server.stop()


async def _touch_catalog(server: UserServer) -> None:
    """A read and a write, so that SQLite has its -wal and -shm files."""
    client = server.client()
    created = await client.post(
        "entries",
        {
            "kind": "model",
            "title": "Private",
            "data_type": "text",
            "task": "text-generation",
            "framework": "pytorch",
        },
    )
    assert created.status == 201, created.body
    assert (await client.get("entries")).status == 200


async def test_a_new_store_file_and_its_folder_are_private(start: Any, tmp_path: Path) -> None:
    db_path = tmp_path / "made" / "here" / "catalog.sqlite"
    server = start(db_path)
    await _touch_catalog(server)
    assert mode(db_path) == 0o600
    for suffix in ("-wal", "-shm"):
        side = Path(f"{db_path}{suffix}")
        assert side.exists(), suffix
        assert mode(side) == 0o600, suffix
    assert mode(db_path.parent) == 0o700
    assert mode(db_path.parent.parent) == 0o700


async def test_store_file_mode_is_honoured(start: Any, tmp_path: Path) -> None:
    db_path = tmp_path / "group" / "catalog.sqlite"
    server = start(db_path, store_file_mode="0640")
    await _touch_catalog(server)
    assert mode(db_path) == 0o640
    assert mode(Path(f"{db_path}-wal")) == 0o640
    assert mode(db_path.parent) == 0o750


async def test_an_existing_world_readable_store_is_tightened_with_a_log_line(
    start: Any, tmp_path: Path
) -> None:
    db_path = tmp_path / "catalog.sqlite"
    SqlCatalogStore.open(f"sqlite:///{db_path}").close()
    os.chmod(db_path, 0o644)
    server = start(db_path)
    await _touch_catalog(server)
    assert mode(db_path) == 0o600
    log = (tmp_path / "home0" / "server.log").read_text()
    assert "restricted the permissions" in log
    assert str(db_path) in log


def test_a_bad_store_file_mode_is_refused() -> None:
    from traitlets import TraitError

    from shared_models_ext.app import SharedModelsApp

    for bad in ("0400", "rw-------", "01777"):
        with pytest.raises(TraitError):
            SharedModelsApp(store_file_mode=bad)
