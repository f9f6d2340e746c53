"""Entry IDs: derived from the title, SageMaker-name compatible, de-duplicated."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

MAX_ID_LENGTH: Final = 63
ID_PATTERN: Final = re.compile(r"^[a-z0-9](-*[a-z0-9]){0,62}$")
_NOT_ALNUM: Final = re.compile(r"[^a-z0-9]+")


def is_valid_id(value: str) -> bool:
    """True when ``value`` is a well-formed entry ID (lowercase SageMaker name)."""
    return len(value) <= MAX_ID_LENGTH and bool(ID_PATTERN.fullmatch(value))


def derive_id(title: str, fallback: str = "entry") -> str:
    """The ID a title suggests: ASCII-folded, lowercase, hyphen-separated, ≤ 63 chars.

    ``"Churn XGBoost (v2)"`` → ``"churn-xgboost-v2"``. A title with no letter or
    digit left after folding (e.g. only emoji) gives ``fallback``.
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_ALNUM.sub("-", folded.lower()).strip("-")
    slug = slug[:MAX_ID_LENGTH].rstrip("-")
    return slug or fallback


def with_suffix(base: str, number: int) -> str:
    """``base`` made unique with ``-number``, trimmed so the whole stays ≤ 63 chars.

    ``number`` ≤ 1 returns ``base`` itself (the first candidate).
    """
    if number <= 1:
        return base
    suffix = f"-{number}"
    stem = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-")
    return f"{stem}{suffix}"
