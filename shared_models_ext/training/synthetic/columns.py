"""The columns of a synthetic table: features the target depends on, and the target.

A :class:`Plan` is drawn once per (format, seed): per column its look (scale, levels,
phrases) and its weights on the target's scores.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Protocol

import numpy as np

from ...domain.models.training import ColumnSpec, TabularFormat
from .encoding import (
    DATETIME_END,
    DATETIME_START,
    TRUE_FALSE,
    Bytes,
    Floats,
    Strings,
    csv_line,
    datetime_field,
    decimal_field,
    string_field,
)

Rng = np.random.Generator

#: Phrases in a text column's pool; rows pick from it.
TEXT_POOL_SIZE: Final = 1024
_WORD_LIST: Final = (
    "account address amber apple april autumn basic battery blue bonus bright budget "
    "cable calm camera card care cargo cheap city clean clear cloud coast coffee cold "
    "cotton credit daily dark delivery desk digital early east easy energy engine "
    "evening express fast fresh friendly front garden gold green happy heavy home "
    "hotel house light local long loyal market metal mobile modern morning music "
    "narrow new night north office old online orange order paper plan plastic "
    "premium price quick quiet rapid red refund river road round service short "
    "silver simple slow small smart soft solid south spring steel store strong "
    "summer support sweet table thin travel urban warm water west white wide "
    "winter wood yellow young"
)
#: Words that text values are made of.
WORDS: Final = tuple(_WORD_LIST.split())

#: Every level a categorical column (feature or target) may have; a column has 2 to 5.
CATEGORIES: Final = ("a", "b", "c", "d", "e")
TARGET_CLASSES: Final = CATEGORIES
PARAMETER_STREAM: Final = 0
VALUE_STREAM: Final = 1
NOISE_STREAM: Final = 2


def rng(seed: int, *key: int) -> Rng:
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=key))


@dataclass(frozen=True)
class Drawn:
    """One chunk of one feature column: its rendered field and its effect on the scores."""

    field: Bytes  # (rows, width) bytes, zero = padding
    effect: Floats  # (rows, outputs), added to the raw scores


class Feature(Protocol):
    """A column the target depends on (or, for text, does not)."""

    def draw(self, rng: Rng, rows: int) -> Drawn: ...

    def effect_moments(self) -> tuple[Floats, Floats]:
        """Mean and variance of ``effect`` per output, over the column's distribution."""
        ...


class Target(Protocol):
    """The predicted column: its field made from the per-output scores."""

    @property
    def outputs(self) -> int:
        """How many scores the target is made from."""
        ...

    def render(self, scores: Floats) -> Bytes: ...


@dataclass(frozen=True)
class NumericLook:
    """How a numeric column's values look: ``center + scale * z``, fixed decimals."""

    center: float
    scale: float
    decimals: int

    @classmethod
    def draw(cls, rng: Rng) -> NumericLook:
        scale = float(f"{10 ** rng.uniform(-1.0, 3.5):.2g}")
        decimals = int(min(4, max(1, 2 - math.floor(math.log10(scale)))))
        center = round(scale * rng.uniform(-1.0, 3.0), decimals)
        return cls(center, scale, decimals)

    def render(self, standard: Floats) -> Bytes:
        return decimal_field(self.center + self.scale * standard, self.decimals)


@dataclass(frozen=True)
class NumericFeature:
    look: NumericLook
    weights: Floats  # (outputs,)

    def draw(self, rng: Rng, rows: int) -> Drawn:
        standard = rng.standard_normal(rows)
        return Drawn(self.look.render(standard), np.outer(standard, self.weights))

    def effect_moments(self) -> tuple[Floats, Floats]:
        return np.zeros_like(self.weights), self.weights**2


@dataclass(frozen=True)
class CategoricalFeature:
    levels: Strings
    probabilities: Floats  # (levels,)
    effects: Floats  # (levels, outputs)

    def draw(self, rng: Rng, rows: int) -> Drawn:
        cumulative = np.cumsum(self.probabilities)
        chosen = np.searchsorted(cumulative, rng.random(rows) * cumulative[-1], side="right")
        chosen = np.minimum(chosen, len(self.levels) - 1)
        return Drawn(string_field(self.levels[chosen]), self.effects[chosen])

    def effect_moments(self) -> tuple[Floats, Floats]:
        mean = self.probabilities @ self.effects
        return mean, self.probabilities @ self.effects**2 - mean**2


@dataclass(frozen=True)
class BooleanFeature:
    probability: float  # of true
    effects: Floats  # (outputs,): +effect when true, -effect when false

    def draw(self, rng: Rng, rows: int) -> Drawn:
        true = rng.random(rows) < self.probability
        signs = np.where(true, 1.0, -1.0)
        return Drawn(string_field(TRUE_FALSE[true.astype(np.intp)]), np.outer(signs, self.effects))

    def effect_moments(self) -> tuple[Floats, Floats]:
        p = self.probability
        return self.effects * (2 * p - 1), self.effects**2 * 4 * p * (1 - p)


@dataclass(frozen=True)
class DatetimeFeature:
    weights: Floats  # (outputs,), per standardised position in the date range

    def draw(self, rng: Rng, rows: int) -> Drawn:
        seconds = rng.integers(0, datetime_span(), rows)
        position = (seconds / datetime_span() - 0.5) * math.sqrt(12.0)
        return Drawn(datetime_field(seconds), np.outer(position, self.weights))

    def effect_moments(self) -> tuple[Floats, Floats]:
        return np.zeros_like(self.weights), self.weights**2


@dataclass(frozen=True)
class TextFeature:
    pool: Strings  # CSV-quoted phrases

    def draw(self, rng: Rng, rows: int) -> Drawn:
        chosen = rng.integers(0, len(self.pool), rows)
        return Drawn(string_field(self.pool[chosen]), np.zeros((rows, 0)))

    def effect_moments(self) -> tuple[Floats, Floats]:
        return np.zeros(0), np.zeros(0)


@dataclass(frozen=True)
class NumericTarget:
    look: NumericLook
    outputs: int = 1

    def render(self, scores: Floats) -> Bytes:
        return self.look.render(scores[:, 0])


@dataclass(frozen=True)
class LevelTarget:
    """Categorical (and text) target: the level whose score is highest."""

    levels: Strings

    @property
    def outputs(self) -> int:
        return len(self.levels)

    def render(self, scores: Floats) -> Bytes:
        return string_field(self.levels[np.argmax(scores, axis=1)])


@dataclass(frozen=True)
class BooleanTarget:
    outputs: int = 1

    def render(self, scores: Floats) -> Bytes:
        return string_field(TRUE_FALSE[(scores[:, 0] > 0).astype(np.intp)])


@dataclass(frozen=True)
class DatetimeTarget:
    """A time in the range, later the higher the score (logistic in the score)."""

    outputs: int = 1

    def render(self, scores: Floats) -> Bytes:
        position = 1.0 / (1.0 + np.exp(-1.7 * scores[:, 0]))
        seconds = np.minimum(position * datetime_span(), datetime_span() - 1)
        return datetime_field(seconds.astype(np.int64))


@dataclass(frozen=True)
class Plan:
    """Per column, in column order: a feature, or (at ``target_index``) the target."""

    features: list[tuple[int, Feature]]
    target_index: int
    target: Target
    moments: tuple[Floats, Floats]  # mean and variance of the summed feature effects


def plan(tabular: TabularFormat, seed: int) -> Plan:
    names = [column.name for column in tabular.columns]
    target_index = names.index(tabular.target_column)
    target_column = tabular.columns[target_index]
    target = _target(target_column, rng(seed, PARAMETER_STREAM, target_index))
    features: list[tuple[int, Feature]] = [
        (index, _feature(column, target.outputs, rng(seed, PARAMETER_STREAM, index)))
        for index, column in enumerate(tabular.columns)
        if index != target_index
    ]
    mean, variance = np.zeros(target.outputs), np.zeros(target.outputs)
    for _, feature in features:
        feature_mean, feature_variance = feature.effect_moments()
        if feature_mean.size:
            mean, variance = mean + feature_mean, variance + feature_variance
    return Plan(features, target_index, target, (mean, variance))


def _target(column: ColumnSpec, rng: Rng) -> Target:
    if column.type == "numeric":
        return NumericTarget(NumericLook.draw(rng))
    if column.type == "categorical":
        return LevelTarget(_levels(rng))
    if column.type == "text":
        count = int(rng.integers(2, 5))
        words = rng.choice(len(WORDS), size=count, replace=False)
        return LevelTarget(np.array([WORDS[i].encode() for i in words]))
    if column.type == "boolean":
        return BooleanTarget()
    return DatetimeTarget()


def _feature(column: ColumnSpec, outputs: int, rng: Rng) -> Feature:
    if column.type == "numeric":
        look = NumericLook.draw(rng)
        return NumericFeature(look, _signed_weights(rng, outputs))
    if column.type == "categorical":
        levels = _levels(rng)
        probabilities = rng.dirichlet(np.full(len(levels), 5.0))
        return CategoricalFeature(
            levels, probabilities, rng.normal(0.0, 1.0, (len(levels), outputs))
        )
    if column.type == "boolean":
        return BooleanFeature(float(rng.uniform(0.3, 0.7)), _signed_weights(rng, outputs))
    if column.type == "datetime":
        return DatetimeFeature(_signed_weights(rng, outputs) * 0.6)
    return TextFeature(_text_pool(rng))


def _signed_weights(rng: Rng, outputs: int) -> Floats:
    """Weights of magnitude 0.5 to 1.5 with random signs: no feature is negligible."""
    weights: Floats = rng.uniform(0.5, 1.5, outputs) * rng.choice([-1.0, 1.0], outputs)
    return weights


def _levels(rng: Rng) -> Strings:
    """The first 2 to 5 of :data:`CATEGORIES`."""
    count = int(rng.integers(2, len(CATEGORIES) + 1))
    return np.array([name.encode() for name in CATEGORIES[:count]])


def _text_pool(rng: Rng) -> Strings:
    """Phrases of 1 to 5 vocabulary words joined by spaces, CSV-quoted when needed."""
    phrases = []
    for _ in range(TEXT_POOL_SIZE):
        words = rng.integers(0, len(WORDS), int(rng.integers(1, 6)))
        phrase = " ".join(WORDS[i] for i in words)
        phrases.append(csv_line([phrase])[:-1].encode("ascii"))
    return np.array(phrases)


def datetime_span() -> int:
    return int((DATETIME_END - DATETIME_START) / np.timedelta64(1, "s"))
