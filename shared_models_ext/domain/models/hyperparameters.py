"""Hyperparameter ranges: what collaborators may change, and the check every launch uses."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator
from typing_extensions import Self

from ..vocabulary import Scaling
from ._common import (
    Loc,
    RequestModel,
    format_number,
    has_control_chars,
    no_control_chars,
    problems,
    quote_list,
    unique_strings,
)

MAX_HYPERPARAMETER_VALUE: Final = 2500

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


def _string_form(value: Any) -> Any:
    """A JSON number given as a hyperparameter value becomes its string form (10 → "10")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


HyperparameterName = Annotated[
    str, Field(min_length=1, max_length=256), AfterValidator(no_control_chars)
]
HyperparameterValue = Annotated[
    str,
    BeforeValidator(_string_form),
    Field(max_length=MAX_HYPERPARAMETER_VALUE, description="A string; a JSON number is accepted"),
]


class _Hyperparameter(RequestModel):
    name: HyperparameterName

    def check(self, value: str) -> str | None:
        """The problem with ``value`` for this hyperparameter in plain words, or None."""
        if len(value) > MAX_HYPERPARAMETER_VALUE:
            return f"{self.name} must be at most {MAX_HYPERPARAMETER_VALUE} characters long"
        return self._check(value)

    def _check(self, value: str) -> str | None:
        return None

    def _range_problems(self) -> list[tuple[Loc, str]]:
        return []

    @model_validator(mode="after")
    def _default_fits(self) -> Self:
        found = self._range_problems()
        if not found:
            problem = self.check(getattr(self, "default", ""))
            if problem:
                found.append((("default",), problem))
        if found:
            raise problems(found)
        return self


class IntegerHyperparameter(_Hyperparameter):
    """A whole number between ``min`` and ``max`` (inclusive)."""

    type: Literal["integer"]
    min: int
    max: int
    default: HyperparameterValue

    def _check(self, value: str) -> str | None:
        if _INTEGER.fullmatch(value) and self.min <= int(value) <= self.max:
            return None
        return f"{self.name} must be an integer between {self.min} and {self.max}"

    def _range_problems(self) -> list[tuple[Loc, str]]:
        if self.min >= self.max:
            return [(("max",), f"max must be greater than min ({self.min})")]
        return []


class ContinuousHyperparameter(_Hyperparameter):
    """A real number between ``min`` and ``max`` (inclusive), searched with ``scaling``."""

    type: Literal["continuous"]
    min: Annotated[float, Field(allow_inf_nan=False)]
    max: Annotated[float, Field(allow_inf_nan=False)]
    scaling: Scaling = "auto"
    default: HyperparameterValue

    def _check(self, value: str) -> str | None:
        if _DECIMAL.fullmatch(value):
            number = float(value)
            if math.isfinite(number) and self.min <= number <= self.max:
                return None
        low, high = format_number(self.min), format_number(self.max)
        return f"{self.name} must be a number between {low} and {high}"

    def _range_problems(self) -> list[tuple[Loc, str]]:
        found: list[tuple[Loc, str]] = []
        if self.min >= self.max:
            found.append((("max",), f"max must be greater than min ({format_number(self.min)})"))
        if self.scaling == "logarithmic" and self.min <= 0:
            found.append((("min",), "logarithmic scaling needs min greater than 0"))
        if self.scaling == "reverse-logarithmic":
            if self.min < 0:
                found.append((("min",), "reverse-logarithmic scaling needs min of at least 0"))
            if self.max >= 1:
                found.append((("max",), "reverse-logarithmic scaling needs max less than 1"))
        return found


CategoricalValue = Annotated[
    str, Field(min_length=1, max_length=MAX_HYPERPARAMETER_VALUE), AfterValidator(no_control_chars)
]


class CategoricalHyperparameter(_Hyperparameter):
    """One of a list of allowed values."""

    type: Literal["categorical"]
    values: Annotated[
        list[CategoricalValue],
        Field(min_length=1, max_length=100),
        AfterValidator(unique_strings("value")),
    ]
    default: HyperparameterValue

    def _check(self, value: str) -> str | None:
        if value in self.values:
            return None
        return f"{self.name} must be one of: {quote_list(self.values)}"


class FreeTextHyperparameter(_Hyperparameter):
    """Any one-line text."""

    type: Literal["free-text"]
    default: HyperparameterValue = ""

    def _check(self, value: str) -> str | None:
        if has_control_chars(value):
            return f"{self.name} must not contain control characters such as line breaks"
        return None


HyperparameterSpec = Annotated[
    IntegerHyperparameter
    | ContinuousHyperparameter
    | CategoricalHyperparameter
    | FreeTextHyperparameter,
    Field(discriminator="type"),
]
"""A hyperparameter collaborators may change, with its range of valid values."""
