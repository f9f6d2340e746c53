"""Opaque keyset cursors: where the next page starts, for one sort and order.

A cursor is ``<payload>.<mac>``: the URL-safe base64 of compact JSON
``[sort, order, key, id]`` (``key`` is the last row's sort value: ISO UTC time for
``updated``, the title sort key for ``title``, the rank for ``relevance`` as the
shortest decimal that reads back as the same double), then an HMAC-SHA256 of it under the
store's cursor key (:data:`CURSOR_KEY_NAME` in ``store_secrets``, shared by every
server on the database, so a cursor made by one user's server works on another's).
A cursor that was cut, edited or made up is refused (``InvalidInput`` at
``["cursor"]``), and so is one whose values the database could not take (a time
outside years 1 to 9999 in UTC, text with no UTF-8 form), before any query runs.
The payload is not secret; the key is, and never leaves the server.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Final

from ..domain.errors import InvalidInput
from ..domain.ids import is_valid_id
from ..domain.vocabulary import SortKey, SortOrder

MAX_CURSOR_LENGTH: Final = 2048
CURSOR_KEY_NAME: Final = "cursor_hmac_key"
KEY_BYTES: Final = 32
_MAC_BYTES: Final = 16
_MAC_CONTEXT: Final = b"shared-models cursor v2\x00"
_MAX_KEY_TEXT: Final = 255  # the width of the title sort key column
_SHAPE: Final = re.compile(r"([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)")


@dataclass(frozen=True)
class Position:
    """The sort key and id of the last row of a page."""

    sort: SortKey
    order: SortOrder
    key: datetime | str | float
    id: str


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, _MAC_CONTEXT + payload, hashlib.sha256).digest()[:_MAC_BYTES]


def encode(position: Position, secret: bytes) -> str:
    """The opaque cursor for ``position``, authenticated with ``secret``."""
    key = position.key
    if isinstance(key, datetime):
        key_text = key.astimezone(timezone.utc).isoformat()
    else:
        key_text = repr(key) if isinstance(key, float) else key
    parts = [position.sort, position.order, key_text, position.id]
    payload = json.dumps(parts, separators=(",", ":"), ensure_ascii=True).encode()
    return f"{_b64(payload)}.{_b64(_mac(secret, payload))}"


def invalid_cursor(reason: str) -> InvalidInput:
    return InvalidInput(
        f"The page cursor is not valid for this query ({reason}); start again from the first page.",
        [{"loc": ["cursor"], "msg": reason}],
    )


def decode(cursor: str, sort: SortKey, order: SortOrder, secret: bytes) -> Position:
    """The position a cursor names; ``InvalidInput`` unless made by :func:`encode` with
    ``secret`` for the same ``sort`` and ``order``, with values the database can take."""
    shape = _SHAPE.fullmatch(cursor) if len(cursor) <= MAX_CURSOR_LENGTH else None
    if shape is None:
        raise invalid_cursor("malformed cursor")
    try:
        payload, mac = _unb64(shape.group(1)), _unb64(shape.group(2))
    except (binascii.Error, ValueError):
        raise invalid_cursor("malformed cursor") from None
    if not hmac.compare_digest(mac, _mac(secret, payload)):
        raise invalid_cursor("the cursor was not made by this catalog, or was changed")
    try:
        parts = json.loads(payload.decode())
    except ValueError:  # UnicodeDecodeError and JSONDecodeError included
        raise invalid_cursor("malformed cursor") from None
    if (
        not isinstance(parts, list)
        or len(parts) != 4
        or not all(isinstance(part, str) and _storable(part) for part in parts)
    ):
        raise invalid_cursor("malformed cursor")
    cursor_sort, cursor_order, key_text, entry_id = parts
    if cursor_sort != sort or cursor_order != order:
        raise invalid_cursor(f"the cursor was made for sort={cursor_sort}, order={cursor_order}")
    if not is_valid_id(entry_id) or len(key_text) > _MAX_KEY_TEXT:
        raise invalid_cursor("malformed cursor")
    key: datetime | str | float = key_text
    if sort == "updated":
        key = _utc_time(key_text)
    elif sort == "relevance":
        key = _rank(key_text)
    return Position(sort=sort, order=order, key=key, id=entry_id)


def _storable(text: str) -> bool:
    """Text a database parameter can carry: UTF-8 encodable, no NUL."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return False
    return "\x00" not in text


def _rank(text: str) -> float:
    """The finite rank ``text`` names; ``InvalidInput`` otherwise."""
    try:
        rank = float(text)
    except ValueError:
        raise invalid_cursor("malformed cursor") from None
    if not math.isfinite(rank):
        raise invalid_cursor("malformed cursor")
    return rank


def _utc_time(text: str) -> datetime:
    """The aware UTC time ``text`` names; ``InvalidInput`` when it has no UTC form."""
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            raise ValueError(text)
        return moment.astimezone(timezone.utc)
    except (ValueError, OverflowError):  # e.g. 0001-01-01T00:00:00+01:00 is before year 1
        raise invalid_cursor("the cursor names a time outside the catalog's range") from None
