"""Share a workspace notebook through S3, and copy a shared notebook back into a workspace.

The contents manager (jupyter-server) reads and writes workspace files; this module
holds the rules: validation with nbformat, where the upload goes, what name it gets.
"""

from __future__ import annotations

import posixpath
import random
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Any, Final

import nbformat
from pydantic import ValidationError

from ..aws.s3 import ObjectExists, S3Service
from ..domain.errors import (
    Conflict,
    InvalidInput,
    SharedModelsError,
    TooLarge,
    Upstream,
    invalid_field,
)
from ..domain.ids import derive_id, with_suffix
from ..domain.models import (
    CreateEntry,
    Entry,
    NotebookRef,
    ShareNotebookTarget,
    invalid_from_validation_error,
)
from .catalog import EntryCatalog

MAX_NOTEBOOK_BYTES: Final = 100 * 1024 * 1024
NOTEBOOK_CONTENT_TYPE: Final = "application/x-ipynb+json"
SHARE_ATTEMPTS: Final = 10  # IDs tried when the derived one is taken meanwhile
MAX_SUFFIX: Final = 1_000_000


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


@dataclass(frozen=True)
class SharePlan:
    """What ``NotebookSharing.prepare`` decided: the entry, and where its upload goes.

    ``entry`` carries the first ID to try (and its S3 URI). ``id_chosen``: the user
    gave the ID (a taken one is a 409; otherwise the next free one is tried).
    ``exact_uri``: the user named the object itself; else the key is
    ``<prefix>/<entry id>.ipynb``.
    """

    entry: CreateEntry
    id_chosen: bool
    prefix: str | None
    exact_uri: str | None

    def uri_for(self, entry_id: str) -> str:
        if self.exact_uri is not None:
            return self.exact_uri
        assert self.prefix is not None
        return self.prefix.rstrip("/") + "/" + f"{derive_id(entry_id)}.ipynb"


class NotebookSharing:
    """Upload a notebook and list it; download a listed one. Blocking: run off the loop.

    Sharing never deletes or overwrites an object it did not write: the upload is a
    conditional put (``If-None-Match: *``), and the clean-up after a failed listing
    deletes only the object this request wrote, and only while it still is that
    object (its ETag, ``If-Match``). When the user did not choose the ID and the
    derived one (or its S3 key) is taken meanwhile, e.g. two people sharing notebooks
    with the same title at the same moment, the next free ID is tried.
    """

    def __init__(self, catalog: EntryCatalog, s3: S3Service, default_prefix: str | None) -> None:
        self._catalog = catalog
        self._s3 = s3
        self._default_prefix = default_prefix

    def prepare(self, body: dict[str, Any]) -> tuple[ShareNotebookTarget, SharePlan]:
        """Validate the request and decide the entry's ID and S3 destination (no upload yet)."""
        target = ShareNotebookTarget.model_validate(body)
        info = {k: v for k, v in body.items() if k not in ("path", "s3_uri")}
        try:
            probe = CreateEntry.model_validate(
                {**info, "kind": "notebook", "notebook": {"s3_uri": "s3://placeholder/x.ipynb"}}
            )
        except ValidationError as error:
            raise invalid_from_validation_error(error) from None
        id_chosen = probe.id is not None
        if probe.id is not None:
            self._check_free(probe.id)
        entry_id = probe.id or self._catalog.suggest_id(probe.title, "notebook")
        prefix = target.s3_uri or self._default_prefix
        if not prefix:
            raise invalid_field(
                ["s3_uri"],
                "Choose where in S3 to upload the notebook "
                "(or set SharedModelsApp.share_notebooks_to).",
            )
        exact = prefix if prefix.lower().endswith(".ipynb") else None
        plan = SharePlan(entry=probe, id_chosen=id_chosen, prefix=prefix, exact_uri=exact)
        plan = replace(plan, entry=_with_id(probe, entry_id, plan.uri_for(entry_id)))
        return target, plan

    def share(self, owner: str, plan: SharePlan, text: str) -> Entry:
        """Upload the (validated) notebook, then list it; no listing without the upload."""
        body = text.encode("utf-8")
        tried: set[str] = set()
        written: tuple[str, str] | None = None  # (uri, etag) of what this request wrote
        entry_id = str(plan.entry.id)
        try:
            for attempt in range(SHARE_ATTEMPTS):
                if attempt:
                    entry_id = self._next_id(plan, tried, attempt)
                tried.add(entry_id)
                if plan.id_chosen:
                    self._check_free(entry_id)
                uri = plan.uri_for(entry_id)
                if written is None:
                    try:
                        written = (uri, self._s3.put_new(uri, body, NOTEBOOK_CONTENT_TYPE))
                    except ObjectExists:
                        if plan.id_chosen or plan.exact_uri is not None:
                            raise
                        continue  # someone else's object holds this ID's key: next ID
                try:
                    return self._catalog.create(owner, _with_id(plan.entry, entry_id, uri))
                except Conflict:
                    if plan.id_chosen:
                        raise
                if plan.exact_uri is None:
                    self._remove(written)  # the next ID gets its own key
                    written = None
            raise Conflict(
                f"Could not find a free ID for '{plan.entry.title}' after {SHARE_ATTEMPTS} "
                "tries (others are sharing notebooks with this title right now); try again "
                "or choose an ID.",
                [{"loc": ["id"], "msg": "Every ID tried was taken meanwhile."}],
            )
        except BaseException:
            if written is not None:
                self._remove(written)  # don't leave an orphan behind a failed listing
            raise

    def _check_free(self, entry_id: str) -> None:
        if self._catalog.is_taken(entry_id):
            raise Conflict(
                f"The ID '{entry_id}' is already taken; choose another one.",
                [{"loc": ["id"], "msg": f"The ID '{entry_id}' is already taken."}],
            )

    def _next_id(self, plan: SharePlan, tried: set[str], attempt: int) -> str:
        """A free ID not tried yet: the next one, then (when that was lost too) one of
        the next few at random, so concurrent sharers of one title spread out instead
        of colliding again."""
        base = derive_id(plan.entry.title, fallback="notebook")
        first = self._catalog.free_id(base)
        number = next((n for n in range(1, MAX_SUFFIX) if with_suffix(base, n) == first), 1)
        spread = min(2 ** (attempt - 1), 16)  # the first retry takes the next free ID
        choices: list[str] = []
        while len(choices) < spread and number < MAX_SUFFIX:
            candidate = with_suffix(base, number)
            number += 1
            if candidate not in tried and not self._catalog.is_taken(candidate):
                choices.append(candidate)
        if not choices:
            raise Conflict(f"There is no free ID left for '{plan.entry.title}'; choose one.")
        return random.choice(choices)  # noqa: S311 - spreading, not security

    def _remove(self, written: tuple[str, str]) -> None:
        """Delete what this request wrote, if it still is that object; never raise."""
        uri, etag = written
        if not etag:
            return  # no ETag from the store: it cannot be told apart, so it stays
        with suppress(SharedModelsError):
            self._s3.delete_if_unchanged(uri, etag)

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


def _with_id(entry: CreateEntry, entry_id: str, uri: str) -> CreateEntry:
    return entry.model_copy(
        update={"id": entry_id, "notebook": NotebookRef.model_validate({"s3_uri": uri})}
    )
