"""Pydantic's validation errors turned into the API's ``invalid`` error (400, field by field)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final, get_args

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..errors import ErrorDetail, InvalidInput
from ..vocabulary import HyperparameterType
from ._common import PROBLEMS_KEY

# Tags of the discriminated unions in the schemas: pydantic puts the tag in ``loc``
# (``["training", "hyperparameters", 0, "integer", "min"]``); the API does not.
_UNION_TAGS: Final = frozenset(get_args(HyperparameterType))
# pydantic's names for inner validators and union members: ``function-after[...]``, …
_INTERNAL = re.compile(
    r"(function-(after|before|wrap|plain)|tagged-union|union|nullable|list|dict|set|tuple"
    r"|lax-or-strict|json-or-python|chain|definition-ref|model|is-instance|literal"
    r"|constrained-\w+|default)\[.*\]"
)
_PREFIXES: Final = ("Value error, ", "Assertion failed, ")
_MAX_NAMED_FIELDS: Final = 10


def invalid_from_validation_error(
    exc: ValidationError, prefix: Sequence[str | int] = ()
) -> InvalidInput:
    """An ``InvalidInput`` (400 ``invalid``) with one API detail per problem.

    ``loc`` is a list of field names and list indexes (``prefix`` first), free of
    pydantic's internal segments; ``msg`` is plain words. The message names the
    fields: ``"2 fields are invalid: title, training.channels.0.uri"``.
    """
    details: list[ErrorDetail] = []
    for error in exc.errors(include_url=False):
        details.extend(_details(error, list(prefix)))
    return InvalidInput(_summary(details), details)


def _details(error: ErrorDetails, prefix: list[str | int]) -> list[ErrorDetail]:
    loc = prefix + _clean_loc(error["loc"])
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if PROBLEMS_KEY in ctx:
        return [{"loc": loc + list(sub), "msg": msg} for sub, msg in ctx[PROBLEMS_KEY]]
    kind = error["type"]
    if kind == "union_tag_invalid":
        field = str(ctx.get("discriminator", "type")).strip("'")
        return [
            {"loc": [*loc, field], "msg": f"Input should be one of {ctx.get('expected_tags', '')}"}
        ]
    if kind == "union_tag_not_found":
        field = str(ctx.get("discriminator", "type")).strip("'")
        if isinstance(error.get("input"), dict):
            return [{"loc": [*loc, field], "msg": "Field required"}]
        return [{"loc": loc, "msg": "Input should be an object"}]
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        # An empty required text: say so as a form would, not as a length rule.
        return [{"loc": loc, "msg": "This field is required."}]
    return [{"loc": loc, "msg": _plain(error["msg"])}]


def _clean_loc(loc: Sequence[str | int]) -> list[str | int]:
    cleaned: list[str | int] = []
    for segment in loc:
        if isinstance(segment, str):
            if _INTERNAL.fullmatch(segment):
                continue
            if segment in _UNION_TAGS and cleaned and isinstance(cleaned[-1], int):
                continue
        cleaned.append(segment)
    return cleaned


def _plain(msg: str) -> str:
    for prefix in _PREFIXES:
        if msg.startswith(prefix):
            return msg[len(prefix) :]
    return msg


def dotted(loc: Sequence[str | int]) -> str:
    """``["training", "channels", 0, "uri"]`` → ``"training.channels.0.uri"``."""
    return ".".join(str(part) for part in loc) or "the request"


def _summary(details: list[ErrorDetail]) -> str:
    if not details:
        return "The request is invalid."
    if len(details) == 1:
        detail = details[0]
        return f"{dotted(detail['loc'])} is invalid: {detail['msg']}"
    fields = list(dict.fromkeys(dotted(detail["loc"]) for detail in details))
    named = ", ".join(fields[:_MAX_NAMED_FIELDS])
    if len(fields) > _MAX_NAMED_FIELDS:
        named += f" and {len(fields) - _MAX_NAMED_FIELDS} more"
    noun = "field is" if len(fields) == 1 else "fields are"
    return f"{len(fields)} {noun} invalid: {named}"
