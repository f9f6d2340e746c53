"""The catalog service: who may see and change which entry, IDs, and the store.

No tornado here: handlers parse requests, call these methods off the event loop,
and serialise what comes back. Every failure is a domain error (``errors.py``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import TypeVar

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
from ..domain.models import CreateEntry, Entry, EntryPage, EntryQuery, ReplaceEntry
from ..domain.models._common import STORED
from ..store import CatalogStore, EntryFields, EntryRecord, StoreQuery

T = TypeVar("T")

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


def can_view(viewer: str, record: EntryRecord) -> bool:
    """Owners, named users and (for organization-wide shares) everyone may read.

    Names are compared in their canonical form (``identity.py``), so a share stored
    with another case ("Bob", by an older version) still lets bob read the entry.
    """
    fields = record.fields
    return (
        record.owner == viewer
        or fields.share_organization
        or viewer in {canonical_username(user) for user in fields.share_users}
    )


def to_fields(body: CreateEntry, owner: str) -> EntryFields:
    """The storable content of a validated request (the owner is never a named share)."""
    return EntryFields(
        kind=body.kind,
        title=body.title,
        description=body.description,
        data_type=body.data_type,
        task=body.task,
        framework=body.framework,
        keywords=list(body.keywords),
        share_organization=body.share.organization,
        share_users=[user for user in body.share.users if user != owner],
        canvas_users=list(body.share.canvas_users),
        training=body.training.model_dump(mode="json") if body.training else None,
        inference=body.inference.model_dump(mode="json") if body.inference else None,
        notebook=body.notebook.model_dump(mode="json") if body.notebook else None,
    )


def to_entry(record: EntryRecord) -> Entry:
    """The API shape of a stored entry.

    Validated as stored data (context ``STORED``): the write-only rules (text, user
    names) are not applied again, so an entry stored before a rule was tightened
    still reads.
    """
    fields = record.fields
    return Entry.model_validate(
        {
            "id": record.id,
            "kind": fields.kind,
            "title": fields.title,
            "description": fields.description,
            "data_type": fields.data_type,
            "task": fields.task,
            "framework": fields.framework,
            "keywords": fields.keywords,
            "owner": record.owner,
            "share": {
                "organization": fields.share_organization,
                "users": fields.share_users,
                "canvas_users": fields.canvas_users,
            },
            "training": fields.training,
            "inference": fields.inference,
            "notebook": fields.notebook,
            "created_at": record.created_at,
            "updated_at": record.updated_at,
            "version": record.version,
        },
        context={STORED: True},
    )


class Catalog:
    """Entries as one user sees them. Methods are synchronous: run them off the loop.

    ``open_store`` is called on first use (and again after a failure), so a
    database that is down at start-up makes requests answer 503 until it is back,
    instead of the extension failing to load.
    """

    def __init__(self, open_store: Callable[[], CatalogStore]) -> None:
        self._open_store = open_store
        self._store: CatalogStore | None = None
        self._lock = threading.Lock()

    @property
    def store(self) -> CatalogStore:
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
        return to_entry(self._visible(viewer, entry_id))

    def query(self, viewer: str, query: EntryQuery) -> EntryPage:
        page = self.store.query(
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
        return EntryPage(
            items=[to_entry(record) for record in page.items],
            next_cursor=page.next_cursor,
            total=page.total,
        )

    def suggest_id(self, title: str, kind: str = "model") -> str:
        """The ID a new entry with this title would get now (the wizard's live preview)."""
        return self.store.suggest_id(derive_id(title, fallback=kind))

    # -- writes ------------------------------------------------------------

    def create(self, owner: str, body: CreateEntry) -> Entry:
        fields = to_fields(body, owner)
        if body.id is not None:
            record = self.store.create(owner, body.id, fields, exact_id=True)
        else:
            base = derive_id(body.title, fallback=body.kind)
            record = self.store.create(owner, base, fields, exact_id=False)
        return to_entry(record)

    def replace(self, user: str, entry_id: str, body: ReplaceEntry, if_match: str | None) -> Entry:
        record = self._owned(user, entry_id)
        expected = self._expected_version(if_match, required=True)
        _check_unchanged(record, body)
        assert expected is not None
        if expected != record.version:
            raise _stale(entry_id, record.version)
        updated = self.store.replace(entry_id, to_fields(body, record.owner), expected)
        return to_entry(updated)

    def delete(self, user: str, entry_id: str, if_match: str | None = None) -> None:
        record = self._owned(user, entry_id)
        expected = self._expected_version(if_match, required=False)
        if expected is not None and expected != record.version:
            raise _stale(entry_id, record.version)
        if not self.store.delete(entry_id):
            raise _not_found(entry_id)

    # -- rules -------------------------------------------------------------

    def _visible(self, viewer: str, entry_id: str) -> EntryRecord:
        record = self.store.get(entry_id) if is_valid_id(entry_id) else None
        if record is None or not can_view(viewer, record):
            raise _not_found(entry_id)
        return record

    def _owned(self, user: str, entry_id: str) -> EntryRecord:
        record = self._visible(user, entry_id)
        if record.owner != user:
            raise Forbidden(
                f"Only the owner ({record.owner}) can change or delete the entry '{entry_id}'."
            )
        return record

    @staticmethod
    def _expected_version(if_match: str | None, *, required: bool) -> int | None:
        expected = parse_if_match(if_match)
        if expected is None and required:
            raise PreconditionRequired(
                "Send the entry's current ETag in an If-Match header to change it "
                "(GET the entry to read it)."
            )
        return expected


def _check_unchanged(record: EntryRecord, body: ReplaceEntry) -> None:
    """``id``, ``owner`` and ``kind`` are fixed at creation."""
    details: list[ErrorDetail] = []
    if body.id is not None and body.id != record.id:
        details.append({"loc": ["id"], "msg": "The ID cannot be changed after the entry is saved."})
    if body.kind != record.fields.kind:
        details.append({"loc": ["kind"], "msg": "The kind of an entry cannot be changed."})
    if body.owner is not None and body.owner != record.owner:
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
