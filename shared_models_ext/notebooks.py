"""Share a workspace notebook through S3, and copy a shared notebook back into a workspace.

The contents manager (jupyter-server) reads and writes workspace files; this module
holds the rules: validation with nbformat, where the upload goes, what name it gets.
"""

from __future__ import annotations

import posixpath
from typing import Any, Final

import nbformat
from pydantic import ValidationError

from .aws.s3 import S3Service
from .catalog import Catalog
from .errors import InvalidInput, TooLarge, Upstream, invalid_field
from .ids import derive_id
from .schemas import (
    CreateEntry,
    Entry,
    NotebookRef,
    ShareNotebookTarget,
    invalid_from_validation_error,
)

MAX_NOTEBOOK_BYTES: Final = 100 * 1024 * 1024
NOTEBOOK_CONTENT_TYPE: Final = "application/x-ipynb+json"


def validate_notebook(text: str) -> nbformat.NotebookNode:
    """The notebook in ``text``; ``InvalidInput`` with nbformat's message if it is not one."""
    if len(text.encode("utf-8")) > MAX_NOTEBOOK_BYTES:
        raise TooLarge(f"The notebook is larger than {MAX_NOTEBOOK_BYTES // (1024 * 1024)} MiB.")
    try:
        notebook = nbformat.reads(text, as_version=4)
        nbformat.validate(notebook)
    except Exception as error:  # nbformat raises several types (JSON, schema, version)
        raise invalid_field(["path"], f"This is not a valid notebook: {error}") from None
    return notebook


class NotebookSharing:
    """Upload a notebook and list it; download a listed one. Blocking: run off the loop."""

    def __init__(self, catalog: Catalog, s3: S3Service, default_prefix: str | None) -> None:
        self._catalog = catalog
        self._s3 = s3
        self._default_prefix = default_prefix

    def prepare(self, body: dict[str, Any]) -> tuple[ShareNotebookTarget, CreateEntry]:
        """Validate the request and decide the entry's ID and S3 destination (no upload yet)."""
        target = ShareNotebookTarget.model_validate(body)
        info = {k: v for k, v in body.items() if k not in ("path", "s3_uri")}
        try:
            probe = CreateEntry.model_validate(
                {**info, "kind": "notebook", "notebook": {"s3_uri": "s3://placeholder/x.ipynb"}}
            )
        except ValidationError as error:
            raise invalid_from_validation_error(error) from None
        entry_id = probe.id or self._catalog.suggest_id(probe.title, "notebook")
        destination = self._destination(target.s3_uri, entry_id)
        notebook = NotebookRef.model_validate({"s3_uri": destination})
        return target, probe.model_copy(update={"id": entry_id, "notebook": notebook})

    def share(self, owner: str, entry: CreateEntry, text: str) -> Entry:
        """Upload the (validated) notebook, then list it; no listing without the upload."""
        assert entry.notebook is not None
        destination = entry.notebook.s3_uri
        self._s3.upload(destination, text.encode("utf-8"), NOTEBOOK_CONTENT_TYPE)
        try:
            return self._catalog.create(owner, entry)
        except Exception:
            self._s3.delete(destination)  # don't leave an orphan behind a failed listing
            raise

    def fetch(self, viewer: str, entry_id: str) -> tuple[str, nbformat.NotebookNode]:
        """A shared notebook the viewer may see: its file name and content."""
        entry = self._catalog.get(viewer, entry_id)
        if entry.kind != "notebook" or entry.notebook is None:
            raise InvalidInput(
                f"'{entry_id}' is a model, not a notebook: there is nothing to open."
            )
        uri = entry.notebook.s3_uri
        raw = self._s3.download(uri, MAX_NOTEBOOK_BYTES)
        try:
            notebook = nbformat.reads(raw.decode("utf-8"), as_version=4)
        except Exception as error:
            raise Upstream(
                f"The shared notebook at {uri} is not a valid notebook: {error}"
            ) from None
        name = posixpath.basename(uri).lstrip(".") or f"{entry_id}.ipynb"
        return name, notebook

    def _destination(self, s3_uri: str | None, entry_id: str) -> str:
        prefix = s3_uri or self._default_prefix
        if not prefix:
            raise invalid_field(
                ["s3_uri"],
                "Choose where in S3 to upload the notebook "
                "(or set SharedModelsApp.share_notebooks_to).",
            )
        if prefix.lower().endswith(".ipynb"):
            return prefix
        return prefix.rstrip("/") + "/" + f"{derive_id(entry_id)}.ipynb"
