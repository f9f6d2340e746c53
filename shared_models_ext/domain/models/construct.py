"""Trusted data into pydantic models, nested ones included, with no validation.

The store reads its rows back with :func:`construct`: what it stored was validated when
it was written, and must read back as it is even after a rule has been tightened (a
response model never re-applies a request's rules). See ``responses.py``.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

Convert = Callable[[Any], Any]


def construct(model: type[M], data: Mapping[str, Any]) -> M:
    """``model`` built from data already known to be of its shape (a stored row), with
    no validation at all: pydantic's ``model_construct``, applied to nested models too
    (``model_construct`` alone would leave them as dicts).

    Values are kept as they are, so a row stored under older or looser rules reads back
    exactly as stored; missing fields take their defaults and unknown keys are dropped.
    Each model's plan (which fields hold models) is worked out once, from its annotations.
    """
    values = dict(data)
    for name, convert in _plan(model):
        if name in values:
            values[name] = convert(values[name])
    return model.model_construct(**values)


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, Convert], ...]:
    """The fields of ``model`` whose values need converting, and how."""
    plan = []
    for name, field in model.model_fields.items():
        convert = _converter(field.annotation)
        if convert is not None:
            plan.append((name, convert))
    return tuple(plan)


def _converter(annotation: Any) -> Convert | None:
    """How to turn stored JSON for ``annotation`` into models; None when nothing to do."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _converter(get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_converter(annotation)
    if origin is list:
        (item_type,) = get_args(annotation) or (Any,)
        item = _converter(item_type)
        return None if item is None else _each(item)
    if origin is dict:
        value = _converter(get_args(annotation)[-1]) if get_args(annotation) else None
        return None if value is None else _each_value(value)
    if origin is Union or origin is types.UnionType:
        members = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _union_converter(members)
    return None


def _model_converter(model: type[BaseModel]) -> Convert:
    def convert(value: Any) -> Any:
        return construct(model, value) if isinstance(value, Mapping) else value

    return convert


def _each(item: Convert) -> Convert:
    def convert(value: Any) -> Any:
        return [item(one) for one in value] if isinstance(value, list) else value

    return convert


def _each_value(item: Convert) -> Convert:
    def convert(value: Any) -> Any:
        if not isinstance(value, Mapping):
            return value
        return {key: item(one) for key, one in value.items()}

    return convert


def _union_converter(members: list[Any]) -> Convert | None:
    """``X | None``: X's converter. A union of models (a discriminated union): the first
    model whose ``Literal`` fields all match the value's; none matching, the value as is."""
    converters = [(member, _converter(member)) for member in members]
    found = [(member, convert) for member, convert in converters if convert is not None]
    if len(found) <= 1:
        return found[0][1] if found else None
    choices = [(_literals(member), convert) for member, convert in found]

    def convert(value: Any) -> Any:
        if not isinstance(value, Mapping):
            return value
        for literals, member_convert in choices:
            if all(value.get(name) in allowed for name, allowed in literals.items()):
                return member_convert(value)
        return value

    return convert


def _literals(annotation: Any) -> dict[str, tuple[Any, ...]]:
    """The ``Literal`` fields of a model (its discriminators) and their allowed values."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return {}
    return {
        name: get_args(field.annotation)
        for name, field in annotation.model_fields.items()
        if get_origin(field.annotation) is Literal
    }
