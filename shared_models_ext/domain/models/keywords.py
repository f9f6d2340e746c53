"""Keywords: free text where every space is a comma, stored lowercase and de-duplicated."""

from __future__ import annotations

import re
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

MAX_KEYWORDS: Final = 50
MAX_KEYWORD_LENGTH: Final = 255

_WHITESPACE = re.compile(r"\s")


def normalize_keywords(value: str | list[str]) -> list[str]:
    """Keywords from one string or a list of strings (each item treated the same way).

    Every whitespace character becomes a comma, the text is split on commas, each
    item is stripped and lowercased, empty items are dropped and repeats removed
    (first seen wins): ``"churn xgboost,tabular"`` → ``["churn", "xgboost", "tabular"]``.
    Raises ``ValueError`` for anything but a string or a list of strings.
    """
    texts = [value] if isinstance(value, str) else value
    if not isinstance(texts, list | tuple) or not all(isinstance(text, str) for text in texts):
        raise ValueError("keywords must be a list of strings or one comma-separated string")
    keywords: dict[str, None] = {}
    for text in texts:
        for item in _WHITESPACE.sub(",", text).split(","):
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
                "A list of keywords or one string; spaces and commas separate keywords. "
                f"Stored lowercase and de-duplicated; at most {MAX_KEYWORDS}, "
                f"each at most {MAX_KEYWORD_LENGTH} characters."
            ),
        },
        mode="validation",
    ),
]
"""Keywords as a request gives them (list or string), normalised and limited."""
