"""Small building blocks shared by the schema modules: text checks and cross-field errors."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pydantic import AfterValidator, BaseModel, ConfigDict
from pydantic_core import PydanticCustomError

#: The ``ctx`` key under which :func:`problems` carries its (loc, msg) pairs.
PROBLEMS_KEY = "sme_problems"

Loc = tuple[str | int, ...]


class RequestModel(BaseModel):
    """Base of every request model: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


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
