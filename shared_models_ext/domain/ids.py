"""Entry IDs: derived from the title, SageMaker-name compatible, de-duplicated."""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable
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


# The suffixes probed first: the small ones (the usual case), then powers of two far
# enough to bracket any realistic number of entries sharing one title.
_FIRST_PROBES: Final = (*range(1, 9), *(2**power for power in range(4, 24)))
_PROBES_PER_QUERY: Final = 64


def choose_free_id(base: str, taken_of: Callable[[list[str]], set[str]]) -> str:
    """A free ID for ``base`` in a few lookups, however many entries share the base.

    ``taken_of(candidates)`` answers which of the candidates exist (one indexed query).
    The smallest free suffix is found when the taken ones are contiguous (the usual
    ``base``, ``base-2``, … ``base-N`` gives ``base-(N+1)``); with gaps, some free one.
    It costs one query when one of ``base`` … ``base-8`` is free, and about
    2 + log₆₄(N) queries otherwise, never one per existing entry. Beyond ~8 million
    entries sharing a base, a random numeric suffix is tried.
    """
    candidates = {number: with_suffix(base, number) for number in _FIRST_PROBES}
    taken = taken_of(list(candidates.values()))
    free = [number for number, candidate in candidates.items() if candidate not in taken]
    if not free:
        while True:  # practically never: 2**23 entries share this base
            candidate = with_suffix(base, 10**8 + secrets.randbelow(9 * 10**8))
            if not taken_of([candidate]):
                return candidate
    high = free[0]  # free
    low = max((number for number in _FIRST_PROBES if number < high), default=0)  # taken
    while high - low > 1:
        step = max(1, (high - low) // (_PROBES_PER_QUERY + 1))
        points = list(range(low + step, high, step))[:_PROBES_PER_QUERY]
        names = {number: with_suffix(base, number) for number in points}
        taken = taken_of(list(names.values()))
        first_free = next((number for number in points if names[number] not in taken), None)
        if first_free is None:
            low = points[-1]
        else:
            high = first_free
            low = max((number for number in points if number < first_free), default=low)
    return with_suffix(base, high)
