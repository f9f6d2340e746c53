"""What the catalog service needs from a store, free of any database library."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from ..domain.vocabulary import Scope, SortKey, SortOrder


@dataclass(frozen=True)
class EntryFields:
    """The owner-editable content of an entry, already validated and normalised."""

    kind: str
    title: str
    description: str
    data_type: str
    task: str
    framework: str
    keywords: list[str] = field(default_factory=list)
    share_organization: bool = False
    share_users: list[str] = field(default_factory=list)
    canvas_users: list[str] = field(default_factory=list)
    training: dict[str, Any] | None = None
    inference: dict[str, Any] | None = None
    notebook: dict[str, Any] | None = None


@dataclass(frozen=True)
class EntryRecord:
    """A stored entry: its fields plus what the store owns (id, owner, times, version)."""

    id: str
    owner: str
    fields: EntryFields
    created_at: datetime  # timezone-aware, UTC
    updated_at: datetime  # timezone-aware, UTC
    version: int


@dataclass(frozen=True)
class StoreQuery:
    """One page of a catalog query, as seen by ``viewer``.

    scope: ``mine`` = owner is viewer; ``shared-with-me`` = owner is not viewer and
    viewer is a named user of the share; ``organization`` = shared organization-wide.
    ``text`` is the raw user search string (any characters; never a syntax error).
    ``cursor`` is an opaque string from a previous page's ``next_cursor``.
    """

    viewer: str
    scope: Scope = "organization"
    kind: str | None = None
    data_type: str | None = None
    task: str | None = None
    framework: str | None = None
    canvas_only: bool = False
    text: str | None = None
    sort: SortKey = "updated"
    order: SortOrder = "desc"
    limit: int = 50
    cursor: str | None = None


@dataclass(frozen=True)
class StorePage:
    items: list[EntryRecord]
    next_cursor: str | None
    total: int


class CatalogStore(Protocol):
    """Persistence of entries. Every method is synchronous and thread-safe; callers
    run them off the event loop. Errors are the domain errors of ``errors.py``."""

    def create(
        self, owner: str, entry_id: str, fields: EntryFields, *, exact_id: bool
    ) -> EntryRecord:
        """Insert a new entry (version 1).

        ``exact_id``: the ID was chosen by the user; raise ``Conflict`` if taken.
        Otherwise ``entry_id`` is a base and the first free of ``ids.with_suffix(base, n)``
        for n = 1, 2, … is used, atomically with the insert.
        """
        ...

    def suggest_id(self, base: str) -> str:
        """The ID ``create(..., exact_id=False)`` would pick right now for ``base``."""
        ...

    def get(self, entry_id: str) -> EntryRecord | None: ...

    def replace(self, entry_id: str, fields: EntryFields, expected_version: int) -> EntryRecord:
        """Overwrite the fields; bump version and updated_at.

        Raises ``NotFound`` if absent, ``PreconditionFailed`` if the version moved on.
        """
        ...

    def delete(self, entry_id: str) -> bool:
        """Delete; False when there was nothing to delete."""
        ...

    def query(self, query: StoreQuery) -> StorePage:
        """Filter, search, sort and page (keyset). ``InvalidInput`` for a bad cursor."""
        ...

    def close(self) -> None: ...
