"""Opaque keyset cursors: where the next page starts, for one sort and order.

A cursor is the URL-safe base64 of compact JSON ``[sort, order, key, id, check]``
where ``key`` is the last row's sort value (ISO UTC time for ``updated``, the
title sort key for ``title``) and ``check`` a short digest of the rest, so a cursor
that was cut, edited or made up is refused (``InvalidInput`` at ``["cursor"]``)
instead of silently starting somewhere else. It is not a secret: anyone may read
it, and a forged one can only move within what the viewer may already see.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Final

from ..errors import InvalidInput
from ..vocabulary import SortKey, SortOrder

MAX_CURSOR_LENGTH: Final = 2048
_CHECK_LENGTH: Final = 12
_ALPHABET: Final = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Position:
    """The sort key and id of the last row of a page."""

    sort: SortKey
    order: SortOrder
    key: datetime | str
    id: str


def _check(parts: list[str]) -> str:
    digest = hashlib.sha256(json.dumps(parts, separators=(",", ":")).encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()[:_CHECK_LENGTH]


def encode(position: Position) -> str:
    """The opaque cursor for ``position``."""
    key = position.key
    key_text = key.astimezone(timezone.utc).isoformat() if isinstance(key, datetime) else key
    parts = [position.sort, position.order, key_text, position.id]
    payload = json.dumps([*parts, _check(parts)], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def invalid_cursor(reason: str) -> InvalidInput:
    return InvalidInput(
        f"The page cursor is not valid for this query ({reason}); start again from the first page.",
        [{"loc": ["cursor"], "msg": reason}],
    )


def decode(cursor: str, sort: SortKey, order: SortOrder) -> Position:
    """The position a cursor names; ``InvalidInput`` unless made by :func:`encode` for
    the same ``sort`` and ``order``."""
    if len(cursor) > MAX_CURSOR_LENGTH or not _ALPHABET.fullmatch(cursor):
        raise invalid_cursor("malformed cursor")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        parts = json.loads(raw.decode())
    except (binascii.Error, ValueError):  # UnicodeDecodeError and JSONDecodeError included
        raise invalid_cursor("malformed cursor") from None
    if (
        not isinstance(parts, list)
        or len(parts) != 5
        or not all(isinstance(part, str) for part in parts)
        or parts[4] != _check(parts[:4])
    ):
        raise invalid_cursor("malformed cursor")
    cursor_sort, cursor_order, key_text, entry_id, _ = parts
    if cursor_sort != sort or cursor_order != order:
        raise invalid_cursor(f"the cursor was made for sort={cursor_sort}, order={cursor_order}")
    key: datetime | str = key_text
    if sort == "updated":
        try:
            key = datetime.fromisoformat(key_text)
        except ValueError:
            raise invalid_cursor("malformed cursor") from None
        if key.tzinfo is None:
            raise invalid_cursor("malformed cursor")
    return Position(sort=sort, order=order, key=key, id=entry_id)
