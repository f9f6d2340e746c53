"""Synthetic tabular data: every column type, quoting, seeding, and a target that a
model can learn from the features."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import numpy as np
import pytest

from shared_models_ext.schemas.training import TabularFormat
from shared_models_ext.training import synthetic
from shared_models_ext.training.synthetic import synthetic_csv_bytes


def tabular(target: str = "label", target_type: str = "categorical") -> TabularFormat:
    columns = [
        {"name": "age", "type": "numeric"},
        {"name": "income", "type": "numeric"},
        {"name": 'plan, "pro"', "type": "categorical"},
        {"name": "active", "type": "boolean"},
        {"name": "signup", "type": "datetime"},
        {"name": "note", "type": "text"},
        {"name": target, "type": target_type},
    ]
    return TabularFormat.model_validate({"columns": columns, "target_column": target})


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_header_in_column_order_and_quoted() -> None:
    rows = rows_of(synthetic_csv_bytes(tabular(), 10, 0))
    assert rows[0] == ["age", "income", 'plan, "pro"', "active", "signup", "note", "label"]
    assert synthetic_csv_bytes(tabular(), 1, 0).startswith(b'age,income,"plan, ""pro""",')
    assert len(rows) == 11
    assert all(len(row) == 7 for row in rows)


def test_every_column_type_parses_as_its_type() -> None:
    for row in rows_of(synthetic_csv_bytes(tabular(), 200, 3))[1:]:
        float(row[0])
        float(row[1])
        assert row[2] in synthetic.CATEGORIES
        assert row[3] in ("true", "false")
        assert 2020 <= datetime.fromisoformat(row[4]).year <= 2026
        assert row[5]
        assert all(word in synthetic.WORDS for word in row[5].split(" "))
        assert row[6] in synthetic.TARGET_CLASSES


@pytest.mark.parametrize("kind", ["numeric", "categorical", "boolean", "text", "datetime"])
def test_every_target_type(kind: str) -> None:
    rows = rows_of(synthetic_csv_bytes(tabular("y", kind), 50, 1))[1:]
    values = [row[6] for row in rows]
    assert len(set(values)) > 1


def test_same_seed_same_bytes_across_chunks() -> None:
    rows = synthetic.CHUNK_ROWS + 10
    first = synthetic_csv_bytes(tabular(), rows, 42)
    assert first == synthetic_csv_bytes(tabular(), rows, 42)
    assert first != synthetic_csv_bytes(tabular(), rows, 43)
    with pytest.raises(ValueError, match="at least 1"):
        synthetic_csv_bytes(tabular(), 0, 1)


def _features(rows: list[list[str]]) -> np.ndarray:
    numeric = np.array([[float(row[0]), float(row[1])] for row in rows])
    numeric = (numeric - numeric.mean(0)) / numeric.std(0)
    plan = np.array([[row[2] == c for c in synthetic.CATEGORIES] for row in rows], float)
    active = np.array([[row[3] == "true"] for row in rows], float)
    signup = np.array([[datetime.fromisoformat(row[4]).timestamp()] for row in rows])
    signup = (signup - signup.mean()) / signup.std()
    return np.hstack([numeric, plan, active, signup, np.ones((len(rows), 1))])


def test_a_classifier_learns_the_target_from_the_features() -> None:
    rows = rows_of(synthetic_csv_bytes(tabular("label", "boolean"), 5000, 9))[1:]
    x = _features(rows)
    y = np.array([row[6] == "true" for row in rows], float)
    train, test = slice(0, 4000), slice(4000, None)
    weights, *_ = np.linalg.lstsq(x[train], y[train] * 2 - 1, rcond=None)
    accuracy = float(((x[test] @ weights > 0) == (y[test] > 0.5)).mean())
    majority = max(y[test].mean(), 1 - y[test].mean())
    assert accuracy > majority + 0.15


def test_a_regression_fits_a_numeric_target() -> None:
    rows = rows_of(synthetic_csv_bytes(tabular("spend", "numeric"), 5000, 4))[1:]
    x = _features(rows)
    y = np.array([float(row[6]) for row in rows])
    weights, *_ = np.linalg.lstsq(x, y, rcond=None)
    assert np.corrcoef(x @ weights, y)[0, 1] > 0.8
