"""/notebooks/share and /entries/{id}/open: notebooks between the workspace and S3."""

from __future__ import annotations

import asyncio
import os

from jupyter_core.utils import ensure_async
from jupyter_server.auth.decorator import authorized
from jupyter_server.utils import url_path_join
from tornado import web

from ...domain.errors import invalid_field
from ...domain.models import OpenedNotebook, OpenNotebook
from ...services.notebooks import validate_notebook
from ...services.workspace import Workspace, free_name, workspace_path
from .base import SharedModelsHandler
from .entries import send_entry

# Choosing a free name and saving under it happen together, one open at a time.
_OPEN_LOCK = asyncio.Lock()


def _workspace_on_disk(handler: SharedModelsHandler) -> Workspace | None:
    """The workspace's folder, when the contents manager keeps files on this disk."""
    root = getattr(handler.contents_manager, "root_dir", None)
    return Workspace(root) if isinstance(root, str) and os.path.isdir(root) else None


class ShareNotebookHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self) -> None:
        sharing = self.services.notebooks
        target, entry = await self.run(sharing.prepare, self.parse_json())
        path = workspace_path(target.path, "path", notebook=True)
        workspace = _workspace_on_disk(self)
        if workspace is not None:
            workspace.resolve(path, ["path"])  # a link out of the workspace is refused
        model = await ensure_async(
            self.contents_manager.get(path, content=True, type="file", format="text")
        )
        text = str(model["content"])
        await self.run(validate_notebook, text)
        created = await self.run_aws(sharing.share, self.me, entry, text)
        send_entry(self, created, status=201)


class OpenNotebookHandler(SharedModelsHandler):
    @web.authenticated
    @authorized
    async def post(self, entry_id: str) -> None:
        body = self.parse_body(OpenNotebook)
        directory = workspace_path(body.directory, "directory", notebook=False)
        contents = self.contents_manager
        workspace = _workspace_on_disk(self)
        folder = workspace.resolve(directory, ["directory"]) if workspace else None
        if directory and not await ensure_async(contents.dir_exists(directory)):
            raise invalid_field(
                ["directory"], f"There is no folder '{directory}' in the workspace."
            )
        name, notebook = await self.run_aws(self.services.notebooks.fetch, self.me, entry_id)
        async with _OPEN_LOCK:
            if folder is not None:
                # Never an existing name, nor a (dangling) link that would write elsewhere.
                stem, suffix = os.path.splitext(name)
                name = free_name(folder, stem, suffix)
            else:
                name = await ensure_async(contents.increment_filename(name, directory, insert="-"))
            path = url_path_join(directory, name) if directory else name
            model = {"type": "notebook", "format": "json", "content": notebook}
            await ensure_async(contents.save(model, path))
        self.send_json(OpenedNotebook(path=path), status=201)
