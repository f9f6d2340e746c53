"""Synthetic tabular data: CSV shape and quoting, values of every column type, seeding,
and a target that a model fitted on the features actually predicts."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import numpy as np
import numpy.typing as npt
import pytest

from shared_models_ext.domain.models.training import TabularFormat
from shared_models_ext.training import synthetic
from shared_models_ext.training.synthetic import synthetic_csv_bytes, write_synthetic_csv

Matrix = npt.NDArray[np.float64]

ODD_NAMES = ["plain", "with,comma", 'with "quote"', "ünïcödé", "  spaced  "]
MIXED = [
    ("age", "numeric"),
    ("income", "numeric"),
    ("balance", "numeric"),
    ("plan", "categorical"),
    ("active", "boolean"),
    ("signup", "datetime"),
    ("note", "text"),
]
NUMBER = re.compile(r"-?\d+\.\d{1,4}")
ISO_SECONDS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def tabular(columns: list[tuple[str, str]], target: str) -> TabularFormat:
    return TabularFormat.model_validate(
        {
            "columns": [{"name": name, "type": kind} for name, kind in columns],
            "target_column": target,
        }
    )


def with_target(kind: str, position: int = 3) -> TabularFormat:
    """The mixed columns with a target of type ``kind`` in the middle, not last."""
    columns = [*MIXED]
    columns.insert(position, ("target", kind))
    return tabular(columns, "target")


def parse(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def column(rows: list[list[str]], name: str) -> list[str]:
    index = rows[0].index(name)
    return [row[index] for row in rows[1:]]


# -- CSV shape --------------------------------------------------------------------------


def test_header_is_the_column_names_in_order_quoted_as_csv_quotes_them() -> None:
    columns = [(name, "numeric") for name in ODD_NAMES]
    data = synthetic_csv_bytes(tabular(columns, "plain"), 3, 0)
    header = data.split(b"\n", 1)[0]
    assert header == 'plain,"with,comma","with ""quote""",ünïcödé,  spaced  '.encode()
    assert parse(data)[0] == ODD_NAMES


@pytest.mark.parametrize("rows", [1, 7, synthetic.CHUNK_ROWS + 3])
def test_row_count_and_line_endings(rows: int) -> None:
    data = synthetic_csv_bytes(with_target("categorical"), rows, 1)
    assert data.endswith(b"\n")
    assert b"\r" not in data
    assert data.count(b"\n") == rows + 1
    parsed = parse(data)
    assert len(parsed) == rows + 1
    assert {len(row) for row in parsed} == {len(MIXED) + 1}


def test_rewriting_with_the_csv_module_gives_the_same_bytes() -> None:
    data = synthetic_csv_bytes(tabular([*MIXED, ('odd, "name"', "text")], "plan"), 2000, 2)
    again = io.StringIO()
    csv.writer(again, lineterminator="\n").writerows(parse(data))
    assert again.getvalue().encode("utf-8") == data


def test_rows_below_one_and_negative_seeds_are_refused() -> None:
    with pytest.raises(ValueError, match="rows"):
        synthetic_csv_bytes(with_target("numeric"), 0, 1)
    with pytest.raises(ValueError, match="seed"):
        synthetic_csv_bytes(with_target("numeric"), 5, -1)


# -- values -----------------------------------------------------------------------------


def test_every_column_type_parses_as_its_type() -> None:
    rows = parse(synthetic_csv_bytes(with_target("numeric"), 3000, 3))
    for name in ("age", "income", "balance", "target"):
        assert all(NUMBER.fullmatch(value) for value in column(rows, name)), name
        float(column(rows, name)[0])
    plan = set(column(rows, "plan"))
    assert 2 <= len(plan) <= len(synthetic.CATEGORIES)
    assert plan <= set(synthetic.CATEGORIES)
    assert set(column(rows, "active")) == {"true", "false"}
    for value in column(rows, "signup"):
        assert ISO_SECONDS.fullmatch(value)
        assert datetime(2020, 1, 1) <= datetime.fromisoformat(value) < datetime(2025, 1, 1)
    notes = column(rows, "note")
    assert all(1 <= len(note.split(" ")) <= 5 for note in notes)
    assert {word for note in notes for word in note.split(" ")} <= set(synthetic.WORDS)
    assert len(set(notes)) > 100


def test_numeric_columns_have_their_own_scale() -> None:
    spreads = []
    for seed in range(4):
        rows = parse(synthetic_csv_bytes(with_target("boolean"), 1000, seed))
        for name in ("age", "income", "balance"):
            spreads.append(float(np.std([float(value) for value in column(rows, name)])))
    assert len({round(spread, 1) for spread in spreads}) == len(spreads)
    assert max(spreads) / min(spreads) > 10


@pytest.mark.parametrize("kind", ["numeric", "categorical", "text", "boolean", "datetime"])
def test_every_target_type_varies_and_parses(kind: str) -> None:
    values = column(parse(synthetic_csv_bytes(with_target(kind), 500, 4)), "target")
    assert len(set(values)) > 1
    if kind == "numeric":
        assert all(NUMBER.fullmatch(value) for value in values)
    elif kind == "boolean":
        assert set(values) == {"true", "false"}
    elif kind == "datetime":
        assert all(ISO_SECONDS.fullmatch(value) for value in values)
        assert all(2020 <= datetime.fromisoformat(value).year <= 2024 for value in values)
    elif kind == "text":
        assert set(values) <= set(synthetic.WORDS)
    else:
        assert set(values) <= set(synthetic.TARGET_CLASSES)


@pytest.mark.parametrize("decimals", [0, 1, 2, 3, 4])
def test_numbers_are_written_as_printf_writes_them(decimals: int) -> None:
    integers = np.random.default_rng(decimals).integers(-(10**7), 10**7, 500)
    integers[:4] = [0, -1, 1, 10**decimals]
    values = integers / 10**decimals
    lines = synthetic.join_fields([synthetic.decimal_field(values, decimals)])
    assert lines.decode().splitlines() == [f"{value:.{decimals}f}" for value in values]
    negative_zero = synthetic.join_fields([synthetic.decimal_field(np.array([-0.0]), 2)])
    assert negative_zero == b"0.00\n"


# -- seeding ----------------------------------------------------------------------------


class RecordingSink(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.writes += 1
        return super().write(data)


def test_same_seed_same_bytes_whatever_the_write_grouping() -> None:
    table, rows = with_target("categorical"), 3 * synthetic.CHUNK_ROWS + 5
    default, one_by_one = RecordingSink(), RecordingSink()
    write_synthetic_csv(table, rows, 42, default)
    synthetic.write_chunks(table, rows, 42, one_by_one, chunks_per_write=1)
    assert one_by_one.writes > default.writes
    assert one_by_one.getvalue() == default.getvalue()
    assert synthetic_csv_bytes(table, rows, 42) == default.getvalue()
    assert synthetic_csv_bytes(table, rows, 43) != default.getvalue()


def test_different_seeds_differ_in_every_column() -> None:
    first = parse(synthetic_csv_bytes(with_target("numeric"), 200, 1))
    second = parse(synthetic_csv_bytes(with_target("numeric"), 200, 2))
    for name in first[0]:
        assert column(first, name) != column(second, name), name


def test_the_first_rows_do_not_depend_on_the_row_count() -> None:
    table = with_target("boolean")
    short = synthetic_csv_bytes(table, 100, 5).splitlines()
    long = synthetic_csv_bytes(table, synthetic.CHUNK_ROWS + 50, 5).splitlines()
    assert long[: len(short)] == short


# -- learnability -----------------------------------------------------------------------


def features(rows: list[list[str]]) -> Matrix:
    """Standardised numeric and datetime columns, 0/1 booleans, one-hot categories."""
    parts: list[Matrix] = []
    for name, kind in MIXED:
        values = column(rows, name)
        if kind in ("numeric", "datetime"):
            convert = float if kind == "numeric" else datetime.fromisoformat
            numbers = np.array([_number(convert(value)) for value in values])
            parts.append(((numbers - numbers.mean()) / numbers.std())[:, None])
        elif kind == "boolean":
            parts.append(np.array([[value == "true"] for value in values], float))
        elif kind == "categorical":
            one_hot = [[value == level for level in synthetic.CATEGORIES] for value in values]
            parts.append(np.array(one_hot, float))
    return np.hstack(parts)


def _number(value: float | datetime) -> float:
    return value.timestamp() if isinstance(value, datetime) else value


def nearest_centroid_accuracy(x: Matrix, labels: list[str], train: int) -> tuple[float, float]:
    """Held-out accuracy of a nearest-centroid classifier, and the majority-class rate."""
    classes = sorted(set(labels))
    y = np.array([classes.index(label) for label in labels])
    centroids = np.array([x[:train][y[:train] == k].mean(axis=0) for k in range(len(classes))])
    distances = ((x[train:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    accuracy = float((distances.argmin(axis=1) == y[train:]).mean())
    majority = float(np.bincount(y[train:]).max() / len(y[train:]))
    return accuracy, majority


@pytest.mark.parametrize(("kind", "seed"), [("categorical", 11), ("boolean", 12), ("text", 13)])
def test_a_classifier_learns_the_target_from_the_features(kind: str, seed: int) -> None:
    rows = parse(synthetic_csv_bytes(with_target(kind), 5000, seed))
    accuracy, majority = nearest_centroid_accuracy(features(rows), column(rows, "target"), 4000)
    assert majority < 0.8
    assert accuracy > majority + 0.15, (accuracy, majority)


@pytest.mark.parametrize("kind", ["numeric", "datetime"])
def test_a_least_squares_fit_predicts_a_numeric_or_datetime_target(kind: str) -> None:
    rows = parse(synthetic_csv_bytes(with_target(kind), 5000, 21))
    x = np.hstack([features(rows), np.ones((5000, 1))])
    y = np.array([_number(_parse_target(kind, value)) for value in column(rows, "target")])
    weights, *_ = np.linalg.lstsq(x[:4000], y[:4000], rcond=None)
    correlation = float(np.corrcoef(x[4000:] @ weights, y[4000:])[0, 1])
    assert correlation > 0.5, correlation


def _parse_target(kind: str, value: str) -> float | datetime:
    return float(value) if kind == "numeric" else datetime.fromisoformat(value)


def test_text_columns_carry_no_signal_and_a_lone_target_is_noise() -> None:
    table = tabular([("note", "text"), ("target", "boolean")], "target")
    values = column(parse(synthetic_csv_bytes(table, 4000, 3)), "target")
    assert 0.4 < values.count("true") / len(values) < 0.6
