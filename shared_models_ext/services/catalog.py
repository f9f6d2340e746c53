"""The catalog service: who may see and change which entry, IDs, and the store.

No tornado here: handlers parse requests, call these methods off the event loop,
and serialise what comes back. Every failure is a domain error (``domain/errors.py``).
Requests arrive validated (``CreateEntry``, ``ReplaceEntry``); the store returns
``Entry`` built from its rows without validation, and pages of the entries' documents
rendered when they were written (``RenderedPage``, ``store/mapping.py``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Literal, Protocol, TypeVar, overload

from ..domain.errors import (
    ErrorDetail,
    Forbidden,
    InvalidInput,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
)
from ..domain.identity import canonical_username
from ..domain.ids import derive_id, is_valid_id
from ..domain.models import CreateEntry, Entry, EntryPage, EntryQuery, RenderedPage, ReplaceEntry
from ..store import SqlCatalogStore, StoreQuery

Body = TypeVar("Body", bound=CreateEntry)

_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,18})"?\s*$')


def etag_for(version: int) -> str:
    """The ETag header value of an entry version."""
    return f'"{version}"'


def parse_if_match(header: str | None) -> int | None:
    """The version an ``If-Match`` header names; None when absent.

    A header that names no version of ours (``*``, garbage, a list) can never
    match the stored version, so it is treated as stale (412), not as absent.
    """
    if header is None or not header.strip():
        return None
    match = _ETAG.match(header)
    return int(match.group(1)) if match else -1


def can_view(viewer: str, entry: Entry) -> bool:
    """Owners, named users and (for organization-wide shares) everyone may read.

    Names are compared in their canonical form (``identity.py``), so a share stored
    with another case ("Bob", by an older version) still lets bob read the entry.
    """
    share = entry.share
    return (
        entry.owner == viewer
        or share.organization
        or viewer in {canonical_username(user) for user in share.users}
    )


def without_owner(body: Body, owner: str) -> Body:
    """``body`` with the owner taken out of the named users (never a share of their own)."""
    users = [user for user in body.share.users if user != owner]
    if len(users) == len(body.share.users):
        return body
    return body.model_copy(update={"share": body.share.model_copy(update={"users": users})})


class EntryCatalog(Protocol):
    """What the rest of the server asks of the catalog: :class:`Catalog` on the store
    here, or the catalog service's API (``remote/catalog.py``) where the extension has a
    ``catalog_url``. The same rules hold either way: they are :class:`Catalog`'s."""

    def get(self, viewer: str, entry_id: str) -> Entry: ...
    def query(self, viewer: str, query: EntryQuery) -> EntryPage | RenderedPage: ...
    def suggest_id(self, title: str, kind: str = "model") -> str: ...
    def free_id(self, base: str) -> str: ...
    def is_taken(self, entry_id: str) -> bool: ...
    @overload
    def create(
        self, owner: str, body: CreateEntry, *, dry_run: Literal[False] = False
    ) -> Entry: ...
    @overload
    def create(self, owner: str, body: CreateEntry, *, dry_run: Literal[True]) -> None: ...
    @overload
    def create(self, owner: str, body: CreateEntry, *, dry_run: bool) -> Entry | None: ...
    def replace(
        self,
        user: str,
        entry_id: str,
        body: ReplaceEntry,
        if_match: str | None,
        *,
        dry_run: bool = False,
    ) -> Entry | None: ...
    def delete(self, user: str, entry_id: str, if_match: str | None = None) -> None: ...
    def close(self) -> None: ...


class Catalog:
    """Entries as one user sees them. Methods are synchronous: run them off the loop.

    ``open_store`` is called on first use (and again after a failure), so a
    database that is down at start-up makes requests answer 503 until it is back,
    instead of the extension failing to load.
    """

    def __init__(self, open_store: Callable[[], SqlCatalogStore]) -> None:
        self._open_store = open_store
        self._store: SqlCatalogStore | None = None
        self._lock = threading.Lock()

    @property
    def store(self) -> SqlCatalogStore:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._open_store()
        return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    # -- reads -------------------------------------------------------------

    def get(self, viewer: str, entry_id: str) -> Entry:
        return self._visible(viewer, entry_id)

    def query(self, viewer: str, query: EntryQuery) -> RenderedPage:
        return self.store.query(
            StoreQuery(
                viewer=viewer,
                scope=query.scope,
                kind=query.kind,
                data_type=query.data_type,
                task=query.task,
                framework=query.framework,
                canvas_only=query.canvas,
                text=query.q,
                sort=query.sort,
                order=query.effective_order,
                limit=query.limit,
                cursor=query.cursor,
            )
        )

    def suggest_id(self, title: str, kind: str = "model") -> str:
        """The ID a new entry with this title would get now (the wizard's live preview)."""
        return self.store.suggest_id(derive_id(title, fallback=kind))

    def free_id(self, base: str) -> str:
        """``base`` if no entry has it (seen by anyone or not), else its first free
        numbered form (``base-2``, …)."""
        return self.store.suggest_id(base)

    def is_taken(self, entry_id: str) -> bool:
        """Whether an entry has this ID, whoever may see it."""
        return self.store.get(entry_id) is not None

    # -- writes ------------------------------------------------------------
    #
    # ``dry_run``: every check of the real call, in the same order and with the same
    # errors (the ID taken: 409; If-Match missing or stale: 428 or 412; not the owner:
    # 403 or 404; what the database would refuse), then nothing is kept: None.

    @overload
    def create(
        self, owner: str, body: CreateEntry, *, dry_run: Literal[False] = False
    ) -> Entry: ...
    @overload
    def create(self, owner: str, body: CreateEntry, *, dry_run: Literal[True]) -> None: ...
    @overload
    def create(self, owner: str, body: CreateEntry, *, dry_run: bool) -> Entry | None: ...

    def create(self, owner: str, body: CreateEntry, *, dry_run: bool = False) -> Entry | None:
        body = without_owner(body, owner)
        if body.id is not None:
            entry = self.store.create(owner, body.id, body, exact_id=True, dry_run=dry_run)
        else:
            base = derive_id(body.title, fallback=body.kind)
            entry = self.store.create(owner, base, body, exact_id=False, dry_run=dry_run)
        return None if dry_run else entry

    def replace(
        self,
        user: str,
        entry_id: str,
        body: ReplaceEntry,
        if_match: str | None,
        *,
        dry_run: bool = False,
    ) -> Entry | None:
        """The entry as replaced; None for a dry run. Not overloaded on ``dry_run`` as
        ``create`` is (``services/notebooks.py`` needs its Entry): the PUT handler, its
        one caller, narrows the answer itself."""
        current = self._owned(user, entry_id)
        expected = self._expected_version(if_match, required=True)
        _check_unchanged(current, body)
        assert expected is not None
        if expected != current.version:
            raise _stale(entry_id, current.version)
        body = without_owner(body, current.owner)
        entry = self.store.replace(entry_id, body, expected, dry_run=dry_run)
        return None if dry_run else entry

    def delete(self, user: str, entry_id: str, if_match: str | None = None) -> None:
        current = self._owned(user, entry_id)
        expected = self._expected_version(if_match, required=False)
        if expected is not None and expected != current.version:
            raise _stale(entry_id, current.version)
        if not self.store.delete(entry_id):
            raise _not_found(entry_id)

    # -- rules -------------------------------------------------------------

    def _visible(self, viewer: str, entry_id: str) -> Entry:
        entry = self.store.get(entry_id) if is_valid_id(entry_id) else None
        if entry is None or not can_view(viewer, entry):
            raise _not_found(entry_id)
        return entry

    def _owned(self, user: str, entry_id: str) -> Entry:
        entry = self._visible(user, entry_id)
        if entry.owner != user:
            raise Forbidden(
                f"Only the owner ({entry.owner}) can change or delete the entry '{entry_id}'."
            )
        return entry

    @staticmethod
    def _expected_version(if_match: str | None, *, required: bool) -> int | None:
        expected = parse_if_match(if_match)
        if expected is None and required:
            raise PreconditionRequired(
                "Send the entry's current ETag in an If-Match header to change it "
                "(GET the entry to read it)."
            )
        return expected


def _check_unchanged(current: Entry, body: ReplaceEntry) -> None:
    """``id``, ``owner`` and ``kind`` are fixed at creation."""
    details: list[ErrorDetail] = []
    if body.id is not None and body.id != current.id:
        details.append({"loc": ["id"], "msg": "The ID cannot be changed after the entry is saved."})
    if body.kind != current.kind:
        details.append({"loc": ["kind"], "msg": "The kind of an entry cannot be changed."})
    if body.owner is not None and body.owner != current.owner:
        details.append({"loc": ["owner"], "msg": "The owner of an entry cannot be changed."})
    if details:
        raise InvalidInput(details[0]["msg"], details)


def _not_found(entry_id: str) -> NotFound:
    return NotFound(f"No entry '{entry_id}' is shared with you.")


def _stale(entry_id: str, current: int) -> PreconditionFailed:
    return PreconditionFailed(
        f"The entry '{entry_id}' was changed by someone else (it is now at version {current}). "
        "Reload it and apply your changes again."
    )
