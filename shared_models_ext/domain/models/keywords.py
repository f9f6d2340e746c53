"""Keywords: free text where every space is a comma, stored lowercase and de-duplicated.

The separators are every character Python's ``str.isspace()`` calls whitespace, plus the
comma. ``SEPARATOR_PATTERN`` is that set as one regular-expression character class, read
from the running Python's own Unicode tables; the server splits with it, and
``GET /options`` serves it (``rules.keywords.separator_pattern``) so that the UI splits
exactly as the server does (docs/api.md).
"""

from __future__ import annotations

import re
import sys
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

MAX_KEYWORDS: Final = 50
MAX_KEYWORD_LENGTH: Final = 255

#: What the normalisation does (GET /options serves it in its field descriptions).
NORMALIZATION: Final = (
    "Split on every separator (whitespace as Python's str.isspace() defines it, and the "
    "comma), strip each item, lowercase it, drop empty items and keep the first of "
    "repeated ones"
)


def _class_item(first: int, last: int) -> str:
    """One item of a character class, with ``\\uXXXX`` escapes (the same in Python's
    ``re`` and in JavaScript, with or without the ``u`` flag)."""
    if last > 0xFFFF:
        raise ValueError("a separator beyond U+FFFF has no escape both languages read")
    if first == last:
        return f"\\u{first:04x}"
    return f"\\u{first:04x}-\\u{last:04x}"


def _separator_pattern() -> str:
    """``[...]``: every code point that ``str.isspace()`` calls whitespace, and the comma."""
    points = [point for point in range(sys.maxunicode + 1) if chr(point).isspace()]
    points = sorted({*points, ord(",")})
    ranges: list[tuple[int, int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return "[" + "".join(_class_item(first, last) for first, last in ranges) + "]"


#: The keyword separators as a character class, computed once when the module loads
#: (~70 ms: every code point is asked).
SEPARATOR_PATTERN: Final = _separator_pattern()
_SEPARATOR: Final = re.compile(SEPARATOR_PATTERN)


def normalize_keywords(value: str | list[str]) -> list[str]:
    """Keywords from one string or a list of strings (each item treated the same way).

    The text is split on every separator (``SEPARATOR_PATTERN``: whitespace and the
    comma), each item is stripped and lowercased, empty items are dropped and repeats
    removed (first seen wins): ``"churn xgboost,tabular"`` →
    ``["churn", "xgboost", "tabular"]``. Raises ``ValueError`` for anything but a string
    or a list of strings.
    """
    texts = [value] if isinstance(value, str) else value
    if not isinstance(texts, list | tuple) or not all(isinstance(text, str) for text in texts):
        raise ValueError("keywords must be a list of strings or one comma-separated string")
    keywords: dict[str, None] = {}
    for text in texts:
        for item in _SEPARATOR.split(text):
            keyword = item.strip().lower()
            if keyword:
                keywords.setdefault(keyword, None)
    return list(keywords)


def _normalize(value: Any) -> list[str]:
    return normalize_keywords(value)


def _check_limits(keywords: list[str]) -> list[str]:
    if len(keywords) > MAX_KEYWORDS:
        raise ValueError(f"at most {MAX_KEYWORDS} keywords are allowed ({len(keywords)} given)")
    too_long = [keyword for keyword in keywords if len(keyword) > MAX_KEYWORD_LENGTH]
    if too_long:
        raise ValueError(
            f"each keyword must be at most {MAX_KEYWORD_LENGTH} characters long "
            f"('{too_long[0][:40]}…' has {len(too_long[0])})"
        )
    return keywords


Keywords = Annotated[
    list[str],
    BeforeValidator(_normalize),
    AfterValidator(_check_limits),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "array", "items": {"type": "string", "maxLength": MAX_KEYWORD_LENGTH}},
                {"type": "string"},
            ],
            "description": (
                "A list of keywords or one string; whitespace and commas separate "
                f"keywords. {NORMALIZATION} (GET /options: rules.keywords). At most "
                f"{MAX_KEYWORDS}, each at most {MAX_KEYWORD_LENGTH} characters."
            ),
        },
        mode="validation",
    ),
]
"""Keywords as a request gives them (list or string), normalised and limited."""
