"""Between the store's dataclasses (``base.py``) and the table rows (``tables.py``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .base import EntryFields, EntryRecord
from .search import search_text, title_key
from .tables import EntryRow


def row_values(fields: EntryFields) -> dict[str, Any]:
    """The ``entries`` columns that ``fields`` determine (not id, owner, times, version)."""
    return {
        "kind": fields.kind,
        "title": fields.title,
        "title_key": title_key(fields.title),
        "description": fields.description,
        "data_type": fields.data_type,
        "task": fields.task,
        "framework": fields.framework,
        "keywords": list(fields.keywords),
        "search_title": search_text(fields.title),
        "search_keywords": search_text(" ".join(fields.keywords)),
        "search_description": search_text(fields.description),
        "share_organization": fields.share_organization,
        "canvas_shared": bool(fields.canvas_users),
        "canvas_users": list(fields.canvas_users),
        "training": fields.training,
        "inference": fields.inference,
        "notebook": fields.notebook,
    }


def share_rows(entry_id: str, users: Iterable[str]) -> list[dict[str, str]]:
    """The ``entry_shares`` rows of an entry (each user once)."""
    return [{"entry_id": entry_id, "username": user} for user in sorted(set(users))]


def to_record(row: EntryRow, share_users: Iterable[str]) -> EntryRecord:
    """The store's view of a row; ``share_users`` sorted, keywords in stored order."""
    return EntryRecord(
        id=row.id,
        owner=row.owner,
        fields=EntryFields(
            kind=row.kind,
            title=row.title,
            description=row.description,
            data_type=row.data_type,
            task=row.task,
            framework=row.framework,
            keywords=list(row.keywords),
            share_organization=row.share_organization,
            share_users=sorted(share_users),
            canvas_users=list(row.canvas_users),
            training=row.training,
            inference=row.inference,
            notebook=row.notebook,
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )
