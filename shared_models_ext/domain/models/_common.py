"""Small building blocks shared by the schema modules: text checks, cross-field errors,
and UTC times."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Annotated, Any, Final

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError
from typing_extensions import Self

#: The ``ctx`` key under which :func:`problems` carries its (loc, msg) pairs.
PROBLEMS_KEY = "sme_problems"

Loc = tuple[str | int, ...]
MULTILINE: Final = "sme_multiline"
"""Field marker (``Annotated[str, MULTILINE]``): line breaks (``\\n``) are allowed."""

ANY_TEXT: Final = "sme_any_text"
"""Field marker: not stored, never reaches a database (e.g. a search string); any text."""

_LINE_BREAKS: Final = re.compile(r"\r\n?")
# Unicode's control characters (category Cc) and surrogates (Cs), as one character class.
_UNSTORABLE: Final = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSTORABLE_MULTILINE: Final = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """What makes ``value`` unstorable under the one text rule, or None.

    The rule, identical on SQLite and PostgreSQL: no NUL and no other control character
    (C0, DEL, C1; line breaks only where ``multiline``), no lone surrogate (it has no
    UTF-8 form).
    """
    found = (_UNSTORABLE_MULTILINE if multiline else _UNSTORABLE).search(value)
    if found is None:
        return None
    char = found.group()
    if char == "\x00":
        return "must not contain NUL characters"
    if unicodedata.category(char) == "Cs":
        return "must not contain unpaired surrogate characters"
    if multiline:
        return "must not contain control characters other than line breaks"
    return "must not contain control characters such as tabs or line breaks"


def normalize_line_breaks(value: Any) -> Any:
    """``\\r\\n`` and ``\\r`` → ``\\n`` (before the text rule of a multi-line field)."""
    return _LINE_BREAKS.sub("\n", value) if isinstance(value, str) else value


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every string directly in ``value`` (in lists and dicts, keys too; not in models)."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, (*loc, str(key)))
            yield from _strings(item, (*loc, str(key)))


class RequestModel(BaseModel):
    """Base of every request model: unknown fields are an error, not silently dropped,
    and every text field obeys the one text rule (:func:`text_problem`).

    Nested request models check their own fields, so each problem carries the loc of
    its field. Only requests are validated: what the catalog stored is read back with
    ``construct.construct``, so a rule tightened later never makes an older entry
    unreadable.
    """

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _text_rule(self) -> Self:
        found: list[tuple[Loc, str]] = []
        for name, field in type(self).model_fields.items():
            if ANY_TEXT in field.metadata:
                continue
            multiline = MULTILINE in field.metadata
            for loc, text in _strings(getattr(self, name), (name,)):
                problem = text_problem(text, multiline=multiline)
                if problem:
                    found.append((loc, problem))
        if found:
            raise problems(found)
        return self


def has_control_chars(value: str) -> bool:
    """True when ``value`` holds a control character (C0, DEL or C1: tab, newline, …)."""
    return any(unicodedata.category(char) == "Cc" for char in value)


def no_control_chars(value: str) -> str:
    """Validator: reject control characters (tabs, line breaks, …)."""
    if has_control_chars(value):
        raise ValueError("must not contain control characters such as tabs or line breaks")
    return value


def format_number(value: float) -> str:
    """``1.0`` → ``"1"``, ``1e-05`` → ``"1e-05"``: how a number reads in a message."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def quote_list(values: Iterable[str], limit: int = 10) -> str:
    """``a, b, c`` (the first ``limit`` values, then ``…``)."""
    items = list(values)
    shown = ", ".join(items[:limit])
    return shown + (", …" if len(items) > limit else "")


def problems(found: Sequence[tuple[Loc, str]]) -> PydanticCustomError:
    """One pydantic error carrying several cross-field problems, each with its own ``loc``.

    A model validator raises this; ``invalid_from_validation_error`` expands it into
    one API detail per problem, with ``loc`` relative to the model that raised it.
    """
    message = "; ".join(msg for _, msg in found)
    return PydanticCustomError(
        "rule", message, {PROBLEMS_KEY: [(list(loc), msg) for loc, msg in found]}
    )


def unique_by(field: str, what: str) -> Callable[[list[Any]], list[Any]]:
    """Validator for a list of models: the ``field`` of each item is unique."""

    def check(items: list[Any]) -> list[Any]:
        seen: dict[Any, int] = {}
        found: list[tuple[Loc, str]] = []
        for index, item in enumerate(items):
            key = getattr(item, field)
            if key in seen:
                found.append(((index, field), f"{what} '{key}' is used more than once"))
            seen.setdefault(key, index)
        if found:
            raise problems(found)
        return items

    return check


def unique_strings(what: str) -> Callable[[list[str]], list[str]]:
    """Validator for a list of strings: no repeats."""

    def check(items: list[str]) -> list[str]:
        found: list[tuple[Loc, str]] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item in seen:
                found.append(((index,), f"{what} '{item}' is listed more than once"))
            seen.add(item)
        if found:
            raise problems(found)
        return items

    return check


def matches(pattern: re.Pattern[str], message: str) -> AfterValidator:
    """Validator: the whole string matches ``pattern``, else ``message``."""

    def check(value: str) -> str:
        if not pattern.fullmatch(value):
            raise ValueError(message)
        return value

    return AfterValidator(check)


def _iso_z(value: datetime) -> str:
    """ISO-8601 in UTC with a ``Z``: ``2026-11-21T10:00:00Z``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


UtcDatetime = Annotated[
    datetime,
    PlainSerializer(_iso_z, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}, mode="serialization"),
]
"""A time the API sends as ISO-8601 UTC with a ``Z`` (a naive time is taken as UTC)."""
