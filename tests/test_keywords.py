"""Keywords (docs/api.md): every space is a comma; lowercase, de-duplicated, ≤ 50 of ≤ 255."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from shared_models_ext.domain.models import (
    CreateEntry,
    invalid_from_validation_error,
    normalize_keywords,
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("churn xgboost,tabular", ["churn", "xgboost", "tabular"]),  # the wizard's own example
        (["churn model"], ["churn", "model"]),  # list items are split the same way
        (["churn", "xgboost"], ["churn", "xgboost"]),
        ("XGBoost Churn", ["xgboost", "churn"]),  # lowercase
        ("churn, Churn ,CHURN", ["churn"]),  # de-duplicated after lowercasing
        ("b a b c a", ["b", "a", "c"]),  # first-seen order kept
        ("a\tb\nc\u00a0d\u2003e", ["a", "b", "c", "d", "e"]),  # every whitespace char
        (",, ,a,,", ["a"]),  # empty items dropped
        ("", []),
        ("   ", []),
        ([], []),
        (["", " ", ","], []),
        (["A,b", "c d", "a"], ["a", "b", "c", "d"]),
        ("time-series,c++", ["time-series", "c++"]),  # punctuation other than ',' kept
    ],
)
def test_normalize_keywords(given: str | list[str], expected: list[str]) -> None:
    assert normalize_keywords(given) == expected


@pytest.mark.parametrize("given", [42, None, [1, "a"], {"a": 1}, [["nested"]]])
def test_normalize_keywords_rejects_other_types(given: Any) -> None:
    with pytest.raises(ValueError, match="list of strings"):
        normalize_keywords(given)


def _entry(keywords: Any) -> dict[str, Any]:
    return {
        "kind": "model",
        "title": "Churn",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "xgboost",
        "keywords": keywords,
    }


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        ("churn xgboost,tabular", ["churn", "xgboost", "tabular"]),
        (["Churn Model", "churn"], ["churn", "model"]),
        (" ".join(f"k{i}" for i in range(50)), [f"k{i}" for i in range(50)]),  # exactly 50
        ([f"k{i % 50}" for i in range(80)], [f"k{i}" for i in range(50)]),  # 50 once de-duplicated
        ("x" * 255, ["x" * 255]),  # longest keyword
    ],
)
def test_entry_keywords_within_limits(keywords: Any, expected: list[str]) -> None:
    assert CreateEntry.model_validate(_entry(keywords)).keywords == expected


def test_entry_keywords_default_to_empty() -> None:
    body = _entry("x")
    del body["keywords"]
    assert CreateEntry.model_validate(body).keywords == []


@pytest.mark.parametrize(
    ("keywords", "words"),
    [
        (" ".join(f"k{i}" for i in range(51)), "at most 50 keywords"),
        ("x" * 256, "at most 255 characters"),
        (["ok", "y" * 300], "at most 255 characters"),
        (42, "list of strings"),
        ([None], "list of strings"),
    ],
)
def test_entry_keywords_beyond_limits(keywords: Any, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        CreateEntry.model_validate(_entry(keywords))
    details = invalid_from_validation_error(info.value).details
    assert [detail["loc"] for detail in details] == [["keywords"]]
    assert words in details[0]["msg"]
