"""The API's nouns (SPEC §3, §5, §8): every rule with a failing and a passing case.

Failing cases assert the exact API ``loc`` of the error (as the client sees it,
through ``invalid_from_validation_error``).
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any

import pytest
from pydantic import AfterValidator, BaseModel, ValidationError

from shared_models_ext.domain.errors import InvalidInput
from shared_models_ext.domain.ids import ID_PATTERN, derive_id, with_suffix
from shared_models_ext.domain.models import (
    CategoricalHyperparameter,
    ContinuousHyperparameter,
    CreateEntry,
    Entry,
    EntryQuery,
    FreeTextHyperparameter,
    InferenceSpec,
    IntegerHyperparameter,
    Options,
    ReplaceEntry,
    TrainingSpec,
    build_options,
    invalid_from_validation_error,
)
from shared_models_ext.domain.vocabulary import TASK_LABELS

ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1.0"
Loc = list[str | int]

# API.md's examples, copied as they are except for two placeholders a real request
# cannot carry: the one-letter bucket "b" (S3 bucket names are 3-63 characters,
# SPEC §8) is "my-bucket", and the inference image "…" is a real ECR URI.
API_TRAINING_JSON = """
{
  "image": {"source": "dlc" , "uri": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-cpu-py311-ubuntu20.04-sagemaker"},
  "environment": {"LOG_LEVEL": "info"},
  "script_uri": "s3://b/code/sourcedir.tar.gz",
  "entry_point": "train.py",
  "artifacts_uri": "s3://b/checkpoints/",
  "training_data_uri": "s3://b/data/train/",
  "validation_data_uri": "s3://b/data/validation/",
  "output_path": "s3://b/output/",
  "network_isolation": true,
  "channels": [{"name": "train", "uri": "s3://b/data/train/"}],
  "hyperparameters": [
    {"name": "epochs", "type": "integer", "min": 1, "max": 100, "default": "10"},
    {"name": "lr", "type": "continuous", "min": 1e-5, "max": 1, "scaling": "logarithmic", "default": "0.001"},
    {"name": "optimizer", "type": "categorical", "values": ["adam", "sgd"], "default": "adam"},
    {"name": "note", "type": "free-text", "default": ""}
  ],
  "instance_types": ["ml.m5.xlarge", "ml.g5.2xlarge"],
  "default_instance_type": "ml.m5.xlarge",
  "metrics": [{"name": "loss", "regex": "Loss =(.*?);"}],
  "tabular": {"columns": [{"name": "age", "type": "numeric"}, {"name": "churn", "type": "categorical"}],
              "target_column": "churn"}
}
"""  # noqa: E501
API_INFERENCE_JSON = """
{"image": {"source": "ecr", "uri": "…"}, "script_uri": "s3://b/code/inference.tar.gz",
 "model_data_uri": "s3://b/output/model.tar.gz", "environment": {},
 "instance_types": ["ml.m5.large"], "default_instance_type": "ml.m5.large"}
"""


def _api_example(text: str) -> dict[str, Any]:
    text = text.replace("s3://b/", "s3://my-bucket/").replace('"…"', json.dumps(ECR))
    return json.loads(text)  # type: ignore[no-any-return]


def training(**changes: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "image": {"source": "ecr", "uri": ECR},
        "output_path": "s3://my-bucket/output/",
        "channels": [{"name": "train", "uri": "s3://my-bucket/data/train/"}],
        "instance_types": ["ml.m5.xlarge"],
    }
    spec.update(changes)
    return spec


def inference(**changes: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "image": {"source": "ecr", "uri": ECR},
        "model_data_uri": "s3://my-bucket/output/model.tar.gz",
        "instance_types": ["ml.m5.large"],
    }
    spec.update(changes)
    return spec


TABULAR = {
    "columns": [{"name": "age", "type": "numeric"}, {"name": "churn", "type": "categorical"}],
    "target_column": "churn",
}


def entry(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "model",
        "title": "Churn XGBoost",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "xgboost",
    }
    body.update(changes)
    return body


def notebook(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"kind": "notebook", "notebook": {"s3_uri": "s3://my-bucket/nb.ipynb"}}
    return entry(**{**fields, **changes})


def hp(**spec: Any) -> dict[str, Any]:
    """A training spec with one hyperparameter."""
    return training(hyperparameters=[spec])


def details(model: type[BaseModel], data: Any) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return [dict(detail) for detail in invalid_from_validation_error(info.value).details]


def locs(model: type[BaseModel], data: Any) -> list[Loc]:
    return [detail["loc"] for detail in details(model, data)]


# -- API.md's examples round-trip ---------------------------------------------


def test_api_training_example_validates_unchanged() -> None:
    example = _api_example(API_TRAINING_JSON)
    assert TrainingSpec.model_validate(example).model_dump(mode="json") == example


def test_api_inference_example_validates_unchanged() -> None:
    example = _api_example(API_INFERENCE_JSON)
    assert InferenceSpec.model_validate(example).model_dump(mode="json") == example


def test_api_example_with_one_letter_bucket_is_rejected() -> None:
    """SPEC §8 (bucket 3-63 characters) wins over API.md's placeholder bucket ``b``."""
    assert ["output_path"] in locs(TrainingSpec, json.loads(API_TRAINING_JSON))


# -- TrainingSpec -------------------------------------------------------------

PASSING_TRAINING = {
    "minimal": training(),
    "bucket root output": training(output_path="s3://my-bucket/"),
    "script mode": training(script_uri="s3://my-bucket/code/src.tar.gz", entry_point="train.py"),
    "nested entry point": training(
        script_uri="s3://my-bucket/code/train.py", entry_point="src/models/train.py"
    ),
    "100 env vars": training(environment={f"VAR_{i}": "x" * 512 for i in range(100)}),
    "env name limits": training(environment={"_A1": "", "a" * 512: "v"}),
    "20 channels": training(
        channels=[{"name": f"c{i}", "uri": "s3://my-bucket/x/"} for i in range(20)]
    ),
    "channel name charset": training(
        channels=[{"name": "Train.v1-A_b" + "x" * 52, "uri": "s3://my-bucket/x/"}]
    ),
    "100 hyperparameters": training(
        hyperparameters=[{"name": f"h{i}", "type": "free-text"} for i in range(100)]
    ),
    "40 metrics": training(metrics=[{"name": f"m{i}", "regex": "m=(.*)"} for i in range(40)]),
    "several instance types": training(
        instance_types=["ml.m5.xlarge", "ml.p4d.24xlarge", "ml.g5.2xlarge"],
        default_instance_type="ml.g5.2xlarge",
    ),
    "all image sources": training(image={"source": "training-job", "uri": ECR}),
    "all uris": training(
        artifacts_uri="s3://my-bucket/ckpt/",
        training_data_uri="s3://my-bucket/train.csv",
        validation_data_uri="s3://my-bucket/valid.csv",
        network_isolation=True,
    ),
    "tabular with 1000 columns": training(
        tabular={
            "columns": [{"name": f"c{i}", "type": "numeric"} for i in range(1000)],
            "target_column": "c999",
        }
    ),
    "every column type": training(
        tabular={
            "columns": [
                {"name": t, "type": t}
                for t in ["numeric", "categorical", "text", "boolean", "datetime"]
            ],
            "target_column": "boolean",
        }
    ),
}


@pytest.mark.parametrize("data", PASSING_TRAINING.values(), ids=PASSING_TRAINING.keys())
def test_valid_training_specs(data: dict[str, Any]) -> None:
    TrainingSpec.model_validate(data)


def test_default_instance_type_defaults_to_the_first() -> None:
    spec = TrainingSpec.model_validate(training(instance_types=["ml.c5.xlarge", "ml.m5.large"]))
    assert spec.default_instance_type == "ml.c5.xlarge"
    assert spec.network_isolation is False
    assert spec.hyperparameters == []
    assert spec.metrics == []
    assert spec.environment == {}


FAILING_TRAINING: list[tuple[str, dict[str, Any], Loc]] = [
    ("no image", {k: v for k, v in training().items() if k != "image"}, ["image"]),
    ("image source", training(image={"source": "docker", "uri": ECR}), ["image", "source"]),
    ("image uri", training(image={"source": "ecr", "uri": "python:3"}), ["image", "uri"]),
    ("env name", training(environment={"1BAD": "x"}), ["environment", "1BAD", "[key]"]),
    ("env name chars", training(environment={"A-B": "x"}), ["environment", "A-B", "[key]"]),
    ("env name long", training(environment={"a" * 513: "x"}), ["environment", "a" * 513, "[key]"]),
    ("env value long", training(environment={"A": "x" * 513}), ["environment", "A"]),
    ("101 env vars", training(environment={f"V{i}": "" for i in range(101)}), ["environment"]),
    ("script without entry point", training(script_uri="s3://my-bucket/c.tar.gz"), ["entry_point"]),
    ("entry point without script", training(entry_point="train.py"), ["script_uri"]),
    (
        "script is a folder",
        training(script_uri="s3://my-bucket/code/", entry_point="t.py"),
        ["script_uri"],
    ),
    (
        "script is a bucket",
        training(script_uri="s3://my-bucket", entry_point="t.py"),
        ["script_uri"],
    ),
    (
        "no output path",
        {k: v for k, v in training().items() if k != "output_path"},
        ["output_path"],
    ),
    ("bad output path", training(output_path="s3://BAD/"), ["output_path"]),
    ("bad artifacts uri", training(artifacts_uri="http://x/"), ["artifacts_uri"]),
    ("bad training data", training(training_data_uri="s3://a/"), ["training_data_uri"]),
    ("bad validation data", training(validation_data_uri="s3://x..y/"), ["validation_data_uri"]),
    ("network isolation", training(network_isolation="maybe"), ["network_isolation"]),
    ("no channels", training(channels=[]), ["channels"]),
    (
        "21 channels",
        training(channels=[{"name": f"c{i}", "uri": "s3://my-bucket/"} for i in range(21)]),
        ["channels"],
    ),
    (
        "duplicate channels",
        training(channels=[{"name": "train", "uri": "s3://my-bucket/"}] * 2),
        ["channels", 1, "name"],
    ),
    (
        "channel name chars",
        training(channels=[{"name": "tr ain", "uri": "s3://my-bucket/"}]),
        ["channels", 0, "name"],
    ),
    (
        "channel name long",
        training(channels=[{"name": "c" * 65, "uri": "s3://my-bucket/"}]),
        ["channels", 0, "name"],
    ),
    (
        "channel name empty",
        training(channels=[{"name": "", "uri": "s3://my-bucket/"}]),
        ["channels", 0, "name"],
    ),
    (
        "channel uri",
        training(channels=[{"name": "train", "uri": "s3://my-bucket/a/../b"}]),
        ["channels", 0, "uri"],
    ),
    (
        "101 hyperparameters",
        training(hyperparameters=[{"name": f"h{i}", "type": "free-text"} for i in range(101)]),
        ["hyperparameters"],
    ),
    (
        "duplicate hyperparameters",
        training(hyperparameters=[{"name": "lr", "type": "free-text"}] * 2),
        ["hyperparameters", 1, "name"],
    ),
    (
        "reserved hyperparameter",
        training(hyperparameters=[{"name": "sagemaker_program", "type": "free-text"}]),
        ["hyperparameters", 0, "name"],
    ),
    ("no instance types", training(instance_types=[]), ["instance_types"]),
    ("instance type shape", training(instance_types=["m5.xlarge"]), ["instance_types", 0]),
    ("instance type case", training(instance_types=["ml.M5.xlarge"]), ["instance_types", 0]),
    (
        "duplicate instance types",
        training(instance_types=["ml.m5.xlarge", "ml.m5.xlarge"]),
        ["instance_types", 1],
    ),
    (
        "default not among instance types",
        training(default_instance_type="ml.g5.2xlarge"),
        ["default_instance_type"],
    ),
    (
        "41 metrics",
        training(metrics=[{"name": f"m{i}", "regex": "(.*)"} for i in range(41)]),
        ["metrics"],
    ),
    (
        "duplicate metrics",
        training(metrics=[{"name": "loss", "regex": "(.*)"}] * 2),
        ["metrics", 1, "name"],
    ),
    ("unknown field", training(instance_count=2), ["instance_count"]),
    (
        "unknown channel field",
        training(channels=[{"name": "train", "uri": "s3://my-bucket/", "mode": "Pipe"}]),
        ["channels", 0, "mode"],
    ),
]


@pytest.mark.parametrize(
    ("data", "loc"), [case[1:] for case in FAILING_TRAINING], ids=[c[0] for c in FAILING_TRAINING]
)
def test_invalid_training_specs(data: dict[str, Any], loc: Loc) -> None:
    assert locs(TrainingSpec, data) == [loc]


# -- entry points -------------------------------------------------------------


@pytest.mark.parametrize("entry_point", ["train.py", "src/train.py", "a/b/c/run.sh", "t" * 256])
def test_valid_entry_points(entry_point: str) -> None:
    TrainingSpec.model_validate(
        training(script_uri="s3://my-bucket/c.tar.gz", entry_point=entry_point)
    )


@pytest.mark.parametrize(
    "entry_point",
    ["", "/abs/train.py", "\\train.py", "C:\\train.py", "../train.py", "src/../../x.py",
     "src/..", "src//train.py", "src/", "t" * 257, "train\n.py"],
)  # fmt: skip
def test_invalid_entry_points(entry_point: str) -> None:
    data = training(script_uri="s3://my-bucket/c.tar.gz", entry_point=entry_point)
    assert locs(TrainingSpec, data) == [["entry_point"]]


# -- hyperparameters -------------------------------------------------------------

INT = {"name": "epochs", "type": "integer", "min": 1, "max": 100, "default": "10"}
FLOAT = {"name": "lr", "type": "continuous", "min": 1e-5, "max": 1, "default": "0.001"}
CAT = {"name": "optimizer", "type": "categorical", "values": ["adam", "sgd"], "default": "adam"}
TEXT = {"name": "note", "type": "free-text", "default": ""}

PASSING_HYPERPARAMETERS = {
    "integer": INT,
    "integer default at min": {**INT, "default": "1"},
    "integer default at max": {**INT, "default": "100"},
    "integer negative range": {**INT, "min": -10, "max": -1, "default": "-5"},
    "continuous": FLOAT,
    "continuous exponent default": {**FLOAT, "default": "1e-3"},
    "continuous default at max": {**FLOAT, "default": "1"},
    "linear": {**FLOAT, "scaling": "linear", "min": -1},
    "logarithmic": {**FLOAT, "scaling": "logarithmic"},
    "reverse-logarithmic": {**FLOAT, "scaling": "reverse-logarithmic", "min": 0, "max": 0.999},
    "categorical": CAT,
    "categorical 100 values": {**CAT, "values": [f"v{i}" for i in range(100)], "default": "v99"},
    "free text": TEXT,
    "free text without default": {"name": "note", "type": "free-text"},
    "free text 2500 chars": {**TEXT, "default": "x" * 2500},
    "name 256 chars": {**TEXT, "name": "n" * 256},
    "name with spaces and dots": {**TEXT, "name": "model.max depth"},
}


@pytest.mark.parametrize(
    "spec", PASSING_HYPERPARAMETERS.values(), ids=PASSING_HYPERPARAMETERS.keys()
)
def test_valid_hyperparameters(spec: dict[str, Any]) -> None:
    TrainingSpec.model_validate(hp(**spec))


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({**INT, "default": 10}, "10"),
        ({**FLOAT, "default": 0.001}, "0.001"),
        ({**FLOAT, "default": 1e-5}, "1e-05"),
        ({**CAT, "values": ["1", "2"], "default": 2}, "2"),
    ],
)
def test_json_number_defaults_are_stored_as_strings(spec: dict[str, Any], expected: str) -> None:
    assert TrainingSpec.model_validate(hp(**spec)).hyperparameters[0].default == expected


FAILING_HYPERPARAMETERS: list[tuple[str, dict[str, Any], str]] = [
    ("integer min = max", {**INT, "min": 5, "max": 5, "default": "5"}, "max"),
    ("integer min > max", {**INT, "min": 100, "max": 1}, "max"),
    ("integer min not a number", {**INT, "min": "one"}, "min"),
    ("integer min fractional", {**INT, "min": 1.5}, "min"),
    ("integer default text", {**INT, "default": "ten"}, "default"),
    ("integer default decimal", {**INT, "default": "5.0"}, "default"),
    ("integer default below", {**INT, "default": "0"}, "default"),
    ("integer default above", {**INT, "default": "101"}, "default"),
    ("integer default missing", {k: v for k, v in INT.items() if k != "default"}, "default"),
    ("integer default boolean", {**INT, "default": True}, "default"),
    ("integer has no scaling", {**INT, "scaling": "linear"}, "scaling"),
    ("continuous min = max", {**FLOAT, "min": 1, "max": 1, "default": "1"}, "max"),
    ("continuous min infinite", {**FLOAT, "min": float("-inf")}, "min"),
    ("continuous default text", {**FLOAT, "default": "fast"}, "default"),
    ("continuous default nan", {**FLOAT, "min": -1, "default": "nan"}, "default"),
    ("continuous default inf", {**FLOAT, "default": "inf"}, "default"),
    ("continuous default below", {**FLOAT, "default": "1e-6"}, "default"),
    ("continuous default above", {**FLOAT, "default": "1.5"}, "default"),
    ("continuous scaling", {**FLOAT, "scaling": "exponential"}, "scaling"),
    ("log with min 0", {**FLOAT, "scaling": "logarithmic", "min": 0}, "min"),
    ("log with min < 0", {**FLOAT, "scaling": "logarithmic", "min": -1}, "min"),
    (
        "reverse-log min < 0",
        {**FLOAT, "scaling": "reverse-logarithmic", "min": -0.1, "max": 0.9},
        "min",
    ),
    ("reverse-log max = 1", {**FLOAT, "scaling": "reverse-logarithmic", "min": 0}, "max"),
    ("categorical no values", {**CAT, "values": []}, "values"),
    ("categorical 101 values", {**CAT, "values": [f"v{i}" for i in range(101)]}, "values"),
    ("categorical empty value", {**CAT, "values": ["adam", ""]}, "values.1"),
    ("categorical duplicate value", {**CAT, "values": ["adam", "adam"]}, "values.1"),
    ("categorical default not among", {**CAT, "default": "rmsprop"}, "default"),
    ("free text too long", {**TEXT, "default": "x" * 2501}, "default"),
    ("free text line break", {**TEXT, "default": "a\nb"}, "default"),
    ("name empty", {**TEXT, "name": ""}, "name"),
    ("name too long", {**TEXT, "name": "n" * 257}, "name"),
    ("name control char", {**TEXT, "name": "a\tb"}, "name"),
    ("type missing", {"name": "x", "default": ""}, "type"),
    ("type unknown", {"name": "x", "type": "boolean", "default": ""}, "type"),
]


@pytest.mark.parametrize(
    ("spec", "field"),
    [case[1:] for case in FAILING_HYPERPARAMETERS],
    ids=[case[0] for case in FAILING_HYPERPARAMETERS],
)
def test_invalid_hyperparameters(spec: dict[str, Any], field: str) -> None:
    expected: Loc = ["hyperparameters", 0]
    expected += [int(part) if part.isdigit() else part for part in field.split(".")]
    assert locs(TrainingSpec, hp(**spec)) == [expected]


def test_hyperparameter_problems_are_plain_words() -> None:
    [detail] = details(TrainingSpec, hp(**{**INT, "default": "500"}))
    assert detail["msg"] == "epochs must be an integer between 1 and 100"
    [detail] = details(TrainingSpec, hp(**{**FLOAT, "scaling": "logarithmic", "min": 0}))
    assert detail["msg"] == "logarithmic scaling needs min greater than 0"


@pytest.mark.parametrize(
    ("spec", "value", "problem"),
    [
        (IntegerHyperparameter(**INT), "50", None),
        (IntegerHyperparameter(**INT), "-3", "epochs must be an integer between 1 and 100"),
        (IntegerHyperparameter(**INT), "101", "epochs must be an integer between 1 and 100"),
        (IntegerHyperparameter(**INT), "1.5", "epochs must be an integer between 1 and 100"),
        (IntegerHyperparameter(**INT), " 5", "epochs must be an integer between 1 and 100"),
        (ContinuousHyperparameter(**FLOAT), "0.5", None),
        (ContinuousHyperparameter(**FLOAT), "1E-4", None),
        (ContinuousHyperparameter(**FLOAT), "2", "lr must be a number between 1e-05 and 1"),
        (ContinuousHyperparameter(**FLOAT), "NaN", "lr must be a number between 1e-05 and 1"),
        (CategoricalHyperparameter(**CAT), "sgd", None),
        (CategoricalHyperparameter(**CAT), "SGD", "optimizer must be one of: adam, sgd"),
        (FreeTextHyperparameter(**TEXT), "anything at all", None),
        (FreeTextHyperparameter(**TEXT), "x" * 2501, "note must be at most 2500 characters long"),
        (FreeTextHyperparameter(**TEXT), "a\rb", "note must not contain control characters"),
    ],
)
def test_hyperparameter_check(spec: Any, value: str, problem: str | None) -> None:
    found = spec.check(value)
    assert found == problem if problem is None else found.startswith(problem)


# -- metrics and tabular format ------------------------------------------------


@pytest.mark.parametrize(
    "regex", ["Loss =(.*?);", "(?P<value>[0-9.]+)", "acc: ([0-9.]+)(?:%)", "x" * 497 + "(.)"]
)
def test_valid_metric_regexes(regex: str) -> None:
    TrainingSpec.model_validate(training(metrics=[{"name": "m", "regex": regex}]))


@pytest.mark.parametrize(
    ("metric", "field", "words"),
    [
        ({"name": "", "regex": "(.*)"}, "name", "required"),
        ({"name": "m" * 256, "regex": "(.*)"}, "name", "at most 255"),
        ({"name": "m", "regex": ""}, "regex", "required"),
        ({"name": "m", "regex": "(" + "x" * 499 + ")"}, "regex", "at most 500"),
        ({"name": "m", "regex": "Loss =(.*?;"}, "regex", "does not compile"),
        ({"name": "m", "regex": "Loss = .*;"}, "regex", "exactly one capture group (it has 0)"),
        ({"name": "m", "regex": "(a)=(b)"}, "regex", "exactly one capture group (it has 2)"),
    ],
)
def test_invalid_metrics(metric: dict[str, Any], field: str, words: str) -> None:
    [detail] = details(TrainingSpec, training(metrics=[metric]))
    assert detail["loc"] == ["metrics", 0, field]
    assert words in detail["msg"]


@pytest.mark.parametrize(
    ("tabular", "loc"),
    [
        ({**TABULAR, "columns": []}, ["columns"]),
        (
            {
                "columns": [{"name": f"c{i}", "type": "text"} for i in range(1001)],
                "target_column": "c0",
            },
            ["columns"],
        ),
        (
            {"columns": [{"name": "a", "type": "text"}] * 2, "target_column": "a"},
            ["columns", 1, "name"],
        ),
        (
            {"columns": [{"name": "a", "type": "float"}], "target_column": "a"},
            ["columns", 0, "type"],
        ),
        ({"columns": [{"name": "", "type": "text"}], "target_column": ""}, ["columns", 0, "name"]),
        (
            {"columns": [{"name": "a" * 256, "type": "text"}], "target_column": "a"},
            ["columns", 0, "name"],
        ),
        ({**TABULAR, "target_column": "label"}, ["target_column"]),
        ({"columns": TABULAR["columns"]}, ["target_column"]),
    ],
)
def test_invalid_tabular_formats(tabular: dict[str, Any], loc: Loc) -> None:
    assert locs(TrainingSpec, training(tabular=tabular)) == [["tabular", *loc]]


# -- InferenceSpec ----------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        inference(),
        inference(script_uri="s3://my-bucket/code/inference.tar.gz", environment={"A": "b"}),
        inference(image={"source": "dlc", "uri": ECR}, model_data_uri="s3://my-bucket/m.tar.gz"),
        inference(
            instance_types=["ml.m5.large", "ml.inf2.xlarge"], default_instance_type="ml.inf2.xlarge"
        ),
    ],
)
def test_valid_inference_specs(data: dict[str, Any]) -> None:
    spec = InferenceSpec.model_validate(data)
    assert spec.default_instance_type in spec.instance_types


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        ({k: v for k, v in inference().items() if k != "model_data_uri"}, ["model_data_uri"]),
        (inference(model_data_uri="s3://my-bucket/output/model.zip"), ["model_data_uri"]),
        (inference(model_data_uri="s3://my-bucket/output/"), ["model_data_uri"]),
        (inference(model_data_uri="s3://x/model.tar.gz"), ["model_data_uri"]),
        (inference(script_uri="s3://my-bucket/code/"), ["script_uri"]),
        (inference(environment={"bad-name": "x"}), ["environment", "bad-name", "[key]"]),
        (inference(environment={"A": "x" * 513}), ["environment", "A"]),
        (inference(instance_types=[]), ["instance_types"]),
        (inference(default_instance_type="ml.m5.xlarge"), ["default_instance_type"]),
        (inference(image={"source": "ecr"}), ["image", "uri"]),
        (inference(entry_point="x.py"), ["entry_point"]),
    ],
)
def test_invalid_inference_specs(data: dict[str, Any], loc: Loc) -> None:
    assert locs(InferenceSpec, data) == [loc]


# -- entries: basic information -----------------------------------------------


PASSING_ENTRIES = {
    "minimal model": entry(),
    "explicit id": entry(id="churn-xgboost"),
    "63-char id": entry(id="a" * 63),
    "id with double hyphen": entry(id="a--b"),
    "description 64 KiB": entry(description="é" * 32768),
    "title 256 chars": entry(title="t" * 256),
    "notebook": notebook(),
    "tabular model trained with a format": entry(training=training(tabular=TABULAR)),
    "tabular model without training": entry(inference=inference()),
    "text model trained without a format": entry(
        data_type="text", task="text-generation", training=training()
    ),
    "canvas on tabular model": entry(share={"canvas_users": [f"u{i}" for i in range(23)]}),
    "100 named users": entry(share={"organization": True, "users": [f"u{i}" for i in range(100)]}),
    "user name of 255 chars": entry(share={"users": ["u" * 255]}),
    "full model": entry(
        keywords=["churn"], training=training(tabular=TABULAR), inference=inference()
    ),
}


@pytest.mark.parametrize("data", PASSING_ENTRIES.values(), ids=PASSING_ENTRIES.keys())
def test_valid_entries(data: dict[str, Any]) -> None:
    CreateEntry.model_validate(data)


@pytest.mark.parametrize(
    ("data_type", "task"),
    [(data_type, task) for data_type, tasks in TASK_LABELS.items() for task in tasks],
)
def test_every_task_of_a_data_type_is_accepted(data_type: str, task: str) -> None:
    assert CreateEntry.model_validate(entry(data_type=data_type, task=task)).task == task


def test_entry_normalisation() -> None:
    body = CreateEntry.model_validate(
        entry(
            title="  Churn XGBoost  ",
            keywords="churn xgboost,tabular",
            share={"users": [" bob ", "carol", "bob"]},
        )
    )
    assert body.title == "Churn XGBoost"
    assert body.keywords == ["churn", "xgboost", "tabular"]
    assert body.share.users == ["bob", "carol"]
    assert body.share.organization is False
    assert body.share.canvas_users == []
    assert body.id is None
    assert body.description == ""


FAILING_ENTRIES: list[tuple[str, dict[str, Any], Loc]] = [
    ("id uppercase", entry(id="Churn"), ["id"]),
    ("id leading hyphen", entry(id="-churn"), ["id"]),
    ("id trailing hyphen", entry(id="churn-"), ["id"]),
    ("id underscore", entry(id="churn_x"), ["id"]),
    ("id empty", entry(id=""), ["id"]),
    ("id 64 chars", entry(id="a" * 64), ["id"]),
    ("id of many hyphens", entry(id="a" + "-" * 70 + "b"), ["id"]),
    ("kind", entry(kind="dataset"), ["kind"]),
    ("title blank", entry(title="   "), ["title"]),
    ("title missing", {k: v for k, v in entry().items() if k != "title"}, ["title"]),
    ("title too long", entry(title="t" * 257), ["title"]),
    ("title line break", entry(title="Churn\nXGBoost"), ["title"]),
    ("description too big", entry(description="é" * 32769), ["description"]),
    ("data type", entry(data_type="video"), ["data_type"]),
    ("task of another data type", entry(task="image-classification"), ["task"]),
    ("task unknown", entry(task="clustering"), ["task"]),
    ("framework", entry(framework="caffe"), ["framework"]),
    ("share extra field", entry(share={"groups": ["x"]}), ["share", "groups"]),
    ("user with space", entry(share={"users": ["bob smith"]}), ["share", "users", 0]),
    ("user empty", entry(share={"users": ["ok", "  "]}), ["share", "users", 1]),
    ("user too long", entry(share={"users": ["u" * 256]}), ["share", "users", 0]),
    ("user control char", entry(share={"users": ["bo\x07b"]}), ["share", "users", 0]),
    ("101 users", entry(share={"users": [f"u{i}" for i in range(101)]}), ["share", "users"]),
    (
        "24 canvas users",
        entry(share={"canvas_users": [f"u{i}" for i in range(24)]}),
        ["share", "canvas_users"],
    ),
    (
        "canvas user with space",
        entry(share={"canvas_users": ["a b"]}),
        ["share", "canvas_users", 0],
    ),
    ("owner is read-only", entry(owner="alice"), ["owner"]),
    ("version is read-only", entry(version=1), ["version"]),
    ("unknown field", entry(colour="blue"), ["colour"]),
    (
        "notebook uri not ipynb",
        notebook(notebook={"s3_uri": "s3://my-bucket/x.py"}),
        ["notebook", "s3_uri"],
    ),
    (
        "notebook uri invalid",
        notebook(notebook={"s3_uri": "s3://a/x.ipynb"}),
        ["notebook", "s3_uri"],
    ),
    (
        "notebook extra field",
        notebook(notebook={"s3_uri": "s3://my-bucket/x.ipynb", "path": "x"}),
        ["notebook", "path"],
    ),
]


@pytest.mark.parametrize(
    ("data", "loc"), [case[1:] for case in FAILING_ENTRIES], ids=[c[0] for c in FAILING_ENTRIES]
)
def test_invalid_entries(data: dict[str, Any], loc: Loc) -> None:
    assert locs(CreateEntry, data) == [loc]


def test_task_is_checked_against_a_known_data_type_only() -> None:
    assert locs(CreateEntry, entry(data_type="video", task="nope")) == [["data_type"], ["task"]]
    # a valid task with an invalid data type: only the data type is wrong
    assert locs(CreateEntry, entry(data_type="video")) == [["data_type"]]


# -- entries: cross-field rules (SPEC §3, §4, §5) -----------------------------

CROSS_FIELD: list[tuple[str, dict[str, Any], list[Loc]]] = [
    ("notebook without notebook", entry(kind="notebook"), [["notebook"]]),
    ("notebook with training", notebook(training=training(tabular=TABULAR)), [["training"]]),
    ("notebook with inference", notebook(inference=inference()), [["inference"]]),
    ("model with notebook", notebook(kind="model"), [["notebook"]]),
    (
        "canvas on a notebook",
        notebook(share={"canvas_users": ["ann"]}),
        [["share", "canvas_users"]],
    ),
    (
        "canvas on a text model",
        entry(data_type="text", task="summarization", share={"canvas_users": ["ann"]}),
        [["share", "canvas_users"]],
    ),
    ("tabular training without format", entry(training=training()), [["training", "tabular"]]),
    (
        "format on text data",
        entry(data_type="text", task="summarization", training=training(tabular=TABULAR)),
        [["training", "tabular"]],
    ),
    (
        "several at once",
        entry(
            kind="notebook",
            data_type="image",
            task="object-detection",
            inference=inference(),
            share={"canvas_users": ["ann"]},
        ),
        [["notebook"], ["inference"], ["share", "canvas_users"]],
    ),
]


@pytest.mark.parametrize(
    ("data", "expected"), [case[1:] for case in CROSS_FIELD], ids=[c[0] for c in CROSS_FIELD]
)
def test_cross_field_rules(data: dict[str, Any], expected: list[Loc]) -> None:
    assert locs(CreateEntry, data) == expected


def test_cross_field_messages() -> None:
    [detail] = details(CreateEntry, notebook(share={"canvas_users": ["ann"]}))
    assert detail == {
        "loc": ["share", "canvas_users"],
        "msg": "only tabular models can be shared with Canvas users",
    }


# -- ReplaceEntry and Entry ------------------------------------------------------

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=timezone.utc)


def stored(**changes: Any) -> dict[str, Any]:
    data = entry(
        id="churn-xgboost",
        description="",
        keywords=["churn"],
        owner="alice",
        share={"organization": True, "users": ["bob"], "canvas_users": []},
        training=None,
        inference=None,
        notebook=None,
        created_at=NOW,
        updated_at=NOW,
        version=1,
    )
    data.update(changes)
    return data


def test_entry_serialises_exactly_api_shape() -> None:
    payload = json.loads(Entry.model_validate(stored()).model_dump_json())
    assert set(payload) == {
        "id", "kind", "title", "description", "data_type", "task", "framework", "keywords",
        "owner", "share", "training", "inference", "notebook", "created_at", "updated_at",
        "version",
    }  # fmt: skip
    assert payload["created_at"] == "2026-11-21T10:00:00Z"
    assert payload["share"] == {"organization": True, "users": ["bob"], "canvas_users": []}


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (NOW, "2026-11-21T10:00:00Z"),
        (datetime(2026, 11, 21, 10, 0), "2026-11-21T10:00:00Z"),  # naive means UTC
        (
            datetime(2026, 11, 21, 12, 0, tzinfo=timezone(timedelta(hours=2))),
            "2026-11-21T10:00:00Z",
        ),
        (NOW.replace(microsecond=123456), "2026-11-21T10:00:00.123456Z"),
    ],
)
def test_entry_times_are_iso_8601_utc_with_z(moment: datetime, text: str) -> None:
    payload = json.loads(Entry.model_validate(stored(updated_at=moment)).model_dump_json())
    assert payload["updated_at"] == text


def test_replace_accepts_what_get_returned() -> None:
    echoed = json.loads(
        Entry.model_validate(stored(training=training(tabular=TABULAR))).model_dump_json()
    )
    body = ReplaceEntry.model_validate(echoed)
    assert body.owner == "alice"
    assert body.version == 1
    assert body.created_at == NOW
    assert body.training is not None
    assert body.training.tabular is not None


def test_replace_applies_the_create_rules() -> None:
    echoed = json.loads(Entry.model_validate(stored()).model_dump_json())
    assert locs(ReplaceEntry, {**echoed, "colour": "blue"}) == [["colour"]]
    assert locs(ReplaceEntry, {**echoed, "training": training()}) == [["training", "tabular"]]
    assert locs(ReplaceEntry, {**echoed, "version": "one"}) == [["version"]]


# -- EntryQuery -----------------------------------------------------------------


def test_entry_query_defaults() -> None:
    query = EntryQuery.model_validate({})
    assert (query.scope, query.sort, query.effective_order) == ("organization", "updated", "desc")
    assert (query.limit, query.canvas, query.q, query.cursor) == (50, False, None, None)


@pytest.mark.parametrize(
    ("params", "attribute", "value"),
    [
        ({"sort": "title"}, "effective_order", "asc"),
        ({"sort": "title", "order": "desc"}, "effective_order", "desc"),
        ({"order": "asc"}, "effective_order", "asc"),
        ({"sort": "relevance", "q": "churn"}, "effective_order", "desc"),
        ({"sort": "relevance", "q": "!!!", "order": "asc"}, "effective_order", "asc"),
        ({"scope": "mine"}, "scope", "mine"),
        ({"scope": "shared-with-me"}, "scope", "shared-with-me"),
        ({"canvas": "true"}, "canvas", True),
        ({"canvas": "1"}, "canvas", True),
        ({"canvas": "false"}, "canvas", False),
        ({"canvas": "0"}, "canvas", False),
        ({"limit": "1"}, "limit", 1),
        ({"limit": "200"}, "limit", 200),
        ({"kind": "notebook"}, "kind", "notebook"),
        ({"data_type": "image", "task": "object-detection"}, "task", "object-detection"),
        ({"task": "summarization"}, "task", "summarization"),
        ({"framework": "pytorch"}, "framework", "pytorch"),
        ({"q": "x\" AND (y* OR -z) '; -- %_ \\ 漢字"}, "q", "x\" AND (y* OR -z) '; -- %_ \\ 漢字"),
        ({"q": "q" * 256}, "q", "q" * 256),
        ({"cursor": "c" * 2048}, "cursor", "c" * 2048),
        ({"kind": "", "q": "", "cursor": ""}, "q", None),  # empty means unset
    ],
)
def test_valid_entry_queries(params: dict[str, str], attribute: str, value: Any) -> None:
    assert getattr(EntryQuery.model_validate(params), attribute) == value


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"scope": "everyone"}, ["scope"]),
        ({"kind": "dataset"}, ["kind"]),
        ({"data_type": "video"}, ["data_type"]),
        ({"data_type": "image", "task": "summarization"}, ["task"]),
        ({"task": "clustering"}, ["task"]),
        ({"framework": "caffe"}, ["framework"]),
        ({"canvas": "maybe"}, ["canvas"]),
        ({"q": "q" * 257}, ["q"]),
        ({"sort": "owner"}, ["sort"]),
        ({"sort": "relevance"}, ["sort"]),  # Best match ranks a search: q is needed
        ({"sort": "relevance", "q": ""}, ["sort"]),
        ({"order": "up"}, ["order"]),
        ({"limit": "0"}, ["limit"]),
        ({"limit": "201"}, ["limit"]),
        ({"limit": "ten"}, ["limit"]),
        ({"cursor": "c" * 2049}, ["cursor"]),
        ({"page": "2"}, ["page"]),
    ],
)
def test_invalid_entry_queries(params: dict[str, str], loc: Loc) -> None:
    assert locs(EntryQuery, params) == [loc]


# -- invalid_from_validation_error --------------------------------------------------


def test_error_summary_names_the_fields() -> None:
    data = entry(
        title="",
        data_type="text",
        task="summarization",
        training=training(channels=[{"name": "train", "uri": "s3://x/"}]),
    )
    with pytest.raises(ValidationError) as info:
        CreateEntry.model_validate(data)
    error = invalid_from_validation_error(info.value)
    assert isinstance(error, InvalidInput)
    assert (error.status, error.code) == (400, "invalid")
    assert error.message == "2 fields are invalid: title, training.channels.0.uri"
    assert [d["loc"] for d in error.details] == [["title"], ["training", "channels", 0, "uri"]]
    assert all(not d["msg"].startswith("Value error") for d in error.details)
    assert error.to_json()["error"]["details"] == error.details


def test_error_with_one_field_quotes_the_problem() -> None:
    with pytest.raises(ValidationError) as info:
        CreateEntry.model_validate(entry(task="image-classification"))
    message = invalid_from_validation_error(info.value).message
    assert message.startswith("task is invalid: 'image-classification' is not a task for tabular")


def test_error_prefix_and_union_tags() -> None:
    with pytest.raises(ValidationError) as info:
        TrainingSpec.model_validate(hp(**{**INT, "min": "x"}))
    [detail] = invalid_from_validation_error(info.value, ["training"]).details
    assert detail["loc"] == ["training", "hyperparameters", 0, "min"]  # no "integer" tag


def test_error_drops_pydantic_internal_segments() -> None:
    def positive(value: int) -> int:
        if value <= 0:
            raise ValueError("must be positive")
        return value

    class Model(BaseModel):
        value: Annotated[int, AfterValidator(positive)] | list[int]

    with pytest.raises(ValidationError) as info:
        Model.model_validate({"value": -1})
    assert any("function-after" in str(e["loc"]) for e in info.value.errors())
    details_ = invalid_from_validation_error(info.value).details
    assert {tuple(d["loc"]) for d in details_} == {("value",)}
    assert "must be positive" in [d["msg"] for d in details_]


def test_error_for_a_root_problem() -> None:
    with pytest.raises(ValidationError) as info:
        CreateEntry.model_validate("not an object")
    error = invalid_from_validation_error(info.value)
    assert error.details[0]["loc"] == []
    assert error.message.startswith("the request is invalid")


# -- options ----------------------------------------------------------------------


def test_options_lists_the_vocabularies() -> None:
    options = build_options()
    assert [c.id for c in options.data_types] == ["text", "image", "tabular", "audio"]
    assert [c.id for c in options.tasks["audio"]] == list(TASK_LABELS["audio"])
    assert "scikit-learn" in [c.id for c in options.frameworks]
    assert [c.id for c in options.hyperparameter_types] == [
        "integer", "continuous", "categorical", "free-text",
    ]  # fmt: skip
    assert [c.id for c in options.scalings][-1] == "reverse-logarithmic"
    assert {c.id for c in options.image_sources} == {"training-job", "ecr", "dlc"}
    assert "datetime" in [c.id for c in options.column_types]
    assert all(choice.label for choice in options.frameworks)
    Options.model_validate_json(options.model_dump_json())


def test_options_instance_types() -> None:
    types = build_options().instance_types
    training_ids = {t.id for t in types.training}
    inference_ids = {t.id for t in types.inference}
    by_id = {t.id: t for t in [*types.training, *types.inference]}
    assert by_id["ml.m5.xlarge"].vcpus == 4
    assert by_id["ml.m5.xlarge"].memory_gib == 16
    assert not by_id["ml.m5.xlarge"].gpu
    assert by_id["ml.g5.2xlarge"].gpu
    assert by_id["ml.g5.2xlarge"].accelerators == 1
    assert by_id["ml.p4d.24xlarge"].accelerators == 8
    assert "ml.inf2.xlarge" in inference_ids - training_ids
    assert not by_id["ml.inf2.xlarge"].gpu
    for family in ["m5", "m6i", "c5", "c6i", "r5", "g4dn", "g5", "p3", "p4d"]:
        assert any(i.startswith(f"ml.{family}.") for i in training_ids), family
    TrainingSpec.model_validate(training(instance_types=sorted(training_ids)))
    InferenceSpec.model_validate(inference(instance_types=sorted(inference_ids)))
    assert all(t.label.startswith(t.id) for t in by_id.values())


# -- ids.py -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Churn XGBoost (v2)", "churn-xgboost-v2"),
        ("Modèle Élan", "modele-elan"),
        ("  --Hello,   World!--  ", "hello-world"),
        ("Ünïcödé ñame", "unicode-name"),
        ("🚀🔥", "entry"),  # nothing left: the fallback
        ("", "entry"),
    ],
)
def test_derive_id(title: str, expected: str) -> None:
    assert derive_id(title) == expected
    assert ID_PATTERN.fullmatch(expected)


def test_derive_id_fallback_and_length() -> None:
    assert derive_id("🚀", fallback="model") == "model"
    long_id = derive_id("word " * 40)  # 200 characters
    assert len(long_id) <= 63
    assert ID_PATTERN.fullmatch(long_id)
    assert derive_id("a" * 62 + " b") == "a" * 62  # a trailing hyphen is trimmed


@pytest.mark.parametrize("number", [2, 9, 10, 123, 10_000])
def test_with_suffix_keeps_63_characters(number: int) -> None:
    base = derive_id("x" * 200)
    candidate = with_suffix(base, number)
    assert len(candidate) <= 63
    assert candidate.endswith(f"-{number}")
    assert ID_PATTERN.fullmatch(candidate)
    CreateEntry.model_validate(entry(id=candidate))


def test_with_suffix_first_candidate_is_the_base() -> None:
    assert with_suffix("churn", 1) == "churn"
    assert with_suffix("churn", 2) == "churn-2"
    assert re.fullmatch(r"a{59}-123", with_suffix("a" * 62 + "-b", 123))
