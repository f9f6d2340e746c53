"""Seeded synthetic CSV data in an entry's tabular format, for local training runs.

Every column gets values of its type, and the target column is a noisy function of the
other columns, so a training script has something real to learn (``docs/synthetic-data.md``
states the rules). Output is a pure function of (format, rows, seed): rows are drawn in
fixed chunks of :data:`CHUNK_ROWS`, each from its own generator seeded by
``(seed, chunk, column)``, and written chunk by chunk, so memory stays bounded and the
bytes do not depend on how the writes are grouped. Each chunk is rendered without a
Python loop per cell: every field becomes a zero-padded byte matrix, the matrices are
laid side by side with the separators, and the padding is dropped in one pass.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Final, Protocol

import numpy as np
import numpy.typing as npt

from ..domain.models.training import ColumnSpec, TabularFormat

#: Rows drawn from one generator; a fixed part of the output's definition.
CHUNK_ROWS: Final = 8192
#: Chunks rendered and written together (any value gives the same bytes).
CHUNKS_PER_WRITE: Final = 8
#: Standard deviation of the noise added to each standardised target score.
NOISE: Final = 0.3
#: Datetime values lie in [DATETIME_START, DATETIME_END).
DATETIME_START: Final = np.datetime64("2020-01-01T00:00:00", "s")
DATETIME_END: Final = np.datetime64("2025-01-01T00:00:00", "s")
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

_SEPARATOR: Final = ord(",")
_NEWLINE: Final = ord("\n")
#: Every level a categorical column (feature or target) may have; a column has 2 to 5.
CATEGORIES: Final = ("a", "b", "c", "d", "e")
TARGET_CLASSES: Final = CATEGORIES
_TRUE_FALSE: Final = np.array([b"false", b"true"])
_PARAMETER_STREAM: Final = 0
_VALUE_STREAM: Final = 1
_NOISE_STREAM: Final = 2

Floats = npt.NDArray[np.float64]
Bytes = npt.NDArray[np.uint8]
Strings = npt.NDArray[np.bytes_]
Rng = np.random.Generator


def write_synthetic_csv(tabular: TabularFormat, rows: int, seed: int, out: BinaryIO) -> None:
    """Write a header line (column names in column order) and `rows` data rows as UTF-8 CSV
    to `out`."""
    write_chunks(tabular, rows, seed, out, chunks_per_write=CHUNKS_PER_WRITE)


def synthetic_csv_bytes(tabular: TabularFormat, rows: int, seed: int) -> bytes:
    """The whole CSV of :func:`write_synthetic_csv` as bytes (for small row counts)."""
    buffer = io.BytesIO()
    write_synthetic_csv(tabular, rows, seed, buffer)
    return buffer.getvalue()


def write_chunks(
    tabular: TabularFormat, rows: int, seed: int, out: BinaryIO, *, chunks_per_write: int
) -> None:
    """:func:`write_synthetic_csv`, grouping ``chunks_per_write`` chunks into one write."""
    if rows < 1:
        raise ValueError(f"rows must be at least 1 (got {rows})")
    if seed < 0:
        raise ValueError(f"seed must not be negative (got {seed})")
    if chunks_per_write < 1:
        raise ValueError("chunks_per_write must be at least 1")
    plan = _plan(tabular, seed)
    out.write(csv_line([column.name for column in tabular.columns]).encode("utf-8"))
    pending: list[bytes] = []
    for chunk in _chunk_sizes(rows):
        pending.append(_render_chunk(plan, seed, *chunk))
        if len(pending) == chunks_per_write:
            out.write(b"".join(pending))
            pending.clear()
    if pending:
        out.write(b"".join(pending))


def csv_line(fields: Sequence[str]) -> str:
    """One CSV line ending in ``\\n``, quoted as the csv module quotes (QUOTE_MINIMAL)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()


def _chunk_sizes(rows: int) -> Iterator[tuple[int, int]]:
    """(chunk index, rows in the chunk) for ``rows`` rows."""
    for index, start in enumerate(range(0, rows, CHUNK_ROWS)):
        yield index, min(CHUNK_ROWS, rows - start)


def _rng(seed: int, *key: int) -> Rng:
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=key))


# -- columns ----------------------------------------------------------------------------


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
        return Drawn(string_field(_TRUE_FALSE[true.astype(np.intp)]), np.outer(signs, self.effects))

    def effect_moments(self) -> tuple[Floats, Floats]:
        p = self.probability
        return self.effects * (2 * p - 1), self.effects**2 * 4 * p * (1 - p)


@dataclass(frozen=True)
class DatetimeFeature:
    weights: Floats  # (outputs,), per standardised position in the date range

    def draw(self, rng: Rng, rows: int) -> Drawn:
        seconds = rng.integers(0, _datetime_span(), rows)
        position = (seconds / _datetime_span() - 0.5) * math.sqrt(12.0)
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
        return string_field(_TRUE_FALSE[(scores[:, 0] > 0).astype(np.intp)])


@dataclass(frozen=True)
class DatetimeTarget:
    """A time in the range, later the higher the score (logistic in the score)."""

    outputs: int = 1

    def render(self, scores: Floats) -> Bytes:
        position = 1.0 / (1.0 + np.exp(-1.7 * scores[:, 0]))
        seconds = np.minimum(position * _datetime_span(), _datetime_span() - 1)
        return datetime_field(seconds.astype(np.int64))


# -- planning ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """Per column, in column order: a feature, or (at ``target_index``) the target."""

    features: list[tuple[int, Feature]]
    target_index: int
    target: Target
    moments: tuple[Floats, Floats]  # mean and variance of the summed feature effects


def _plan(tabular: TabularFormat, seed: int) -> Plan:
    names = [column.name for column in tabular.columns]
    target_index = names.index(tabular.target_column)
    target_column = tabular.columns[target_index]
    target = _target(target_column, _rng(seed, _PARAMETER_STREAM, target_index))
    features: list[tuple[int, Feature]] = [
        (index, _feature(column, target.outputs, _rng(seed, _PARAMETER_STREAM, index)))
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


def _datetime_span() -> int:
    return int((DATETIME_END - DATETIME_START) / np.timedelta64(1, "s"))


# -- rendering --------------------------------------------------------------------------


def _render_chunk(plan: Plan, seed: int, chunk: int, rows: int) -> bytes:
    fields: dict[int, Bytes] = {}
    raw = np.zeros((rows, plan.target.outputs))
    for index, feature in plan.features:
        drawn = feature.draw(_rng(seed, _VALUE_STREAM, chunk, index), rows)
        fields[index] = drawn.field
        if drawn.effect.size:
            raw += drawn.effect
    noise = _rng(seed, _NOISE_STREAM, chunk).standard_normal((rows, plan.target.outputs))
    fields[plan.target_index] = plan.target.render(_standardised(raw, plan) + NOISE * noise)
    return join_fields([fields[index] for index in range(len(fields))])


def _standardised(raw: Floats, plan: Plan) -> Floats:
    mean, variance = plan.moments
    spread = np.sqrt(np.where(variance > 0, variance, 1.0))
    return (raw - mean) / spread


def join_fields(fields: Sequence[Bytes]) -> bytes:
    """CSV lines of zero-padded field matrices: separators and newlines between, no padding."""
    rows = fields[0].shape[0]
    separator = np.full((rows, 1), _SEPARATOR, np.uint8)
    newline = np.full((rows, 1), _NEWLINE, np.uint8)
    parts: list[Bytes] = []
    for field in fields:
        parts += [field, separator]
    parts[-1] = newline
    lines = np.concatenate(parts, axis=1)
    text: bytes = lines[lines != 0].tobytes()
    return text


def string_field(values: Strings) -> Bytes:
    """Fixed-width byte strings as a (rows, width) matrix, zero-padded."""
    values = np.ascontiguousarray(values)
    return values.view(np.uint8).reshape(len(values), values.dtype.itemsize)


def datetime_field(seconds: npt.NDArray[np.int64]) -> Bytes:
    """``YYYY-MM-DDTHH:MM:SS`` of ``DATETIME_START + seconds``."""
    stamps = DATETIME_START + seconds.astype("timedelta64[s]")
    return string_field(stamps.astype("S19"))


def decimal_field(values: Floats, decimals: int) -> Bytes:
    """``values`` written with exactly ``decimals`` decimals (as ``%.nf``, never ``-0``)."""
    scaled = np.rint(values * 10.0**decimals).astype(np.int64)
    magnitude = np.abs(scaled)
    integer_digits = len(str(int(magnitude.max()) // 10**decimals))
    digits = _digit_matrix(magnitude, integer_digits + decimals)
    leading = np.logical_and.accumulate(digits[:, : integer_digits - 1] == ord("0"), axis=1)
    digits[:, : integer_digits - 1][leading] = 0
    sign = np.where(scaled < 0, ord("-"), 0).astype(np.uint8)[:, None]
    parts = [sign, digits[:, :integer_digits]]
    if decimals:
        point = np.full((len(values), 1), ord("."), np.uint8)
        parts += [point, digits[:, integer_digits:]]
    return np.concatenate(parts, axis=1)


def _digit_matrix(magnitude: npt.NDArray[np.int64], width: int) -> Bytes:
    """The last ``width`` decimal digits of each non-negative integer, as ASCII."""
    digits = np.empty((len(magnitude), width), np.uint8)
    rest = magnitude.copy()
    for position in range(width - 1, -1, -1):
        rest, digit = np.divmod(rest, 10)
        digits[:, position] = digit
    digits += ord("0")
    return digits
