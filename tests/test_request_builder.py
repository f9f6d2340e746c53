"""The CreateTrainingJob request builder (pure): every field, every override rule."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest
from botocore.session import Session
from botocore.validate import ParamValidator
from payloads import model, training

from shared_models_ext.domain.errors import InvalidInput
from shared_models_ext.domain.models import Entry
from shared_models_ext.training import TrainingChoices, build_training_job_request
from shared_models_ext.training.rules import default_name, launched_from, tag_value

NOW = datetime(2026, 11, 21, 10, 0, 0, 123456, tzinfo=timezone.utc)
ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution"


def entry(training_spec: dict[str, Any] | None = None, **overrides: Any) -> Entry:
    body = model(training=training_spec if training_spec is not None else training(), **overrides)
    body.update(
        id=overrides.get("id", "churn-xgboost"),
        owner="alice",
        created_at=NOW,
        updated_at=NOW,
        version=1,
    )
    body["keywords"] = ["churn"]
    body.setdefault("notebook", None)
    return Entry.model_validate(body)


def build(
    item: Entry | None = None, *, default_role: str | None = ROLE, **choices: Any
) -> dict[str, Any]:
    request = build_training_job_request(
        item or entry(),
        TrainingChoices(**choices),
        launched_by="bob",
        now=NOW,
        default_role_arn=default_role,
    )
    return request.to_api()


def refused(**kwargs: Any) -> list[dict[str, Any]]:
    item = kwargs.pop("item", None)
    default_role = kwargs.pop("default_role", ROLE)
    with pytest.raises(InvalidInput) as caught:
        build(item, default_role=default_role, **kwargs)
    return caught.value.details  # type: ignore[return-value]


def locs(details: list[dict[str, Any]]) -> list[list[str | int]]:
    return [detail["loc"] for detail in details]


# -- every field ---------------------------------------------------------------


def test_defaults_give_the_whole_request() -> None:
    assert build() == {
        "TrainingJobName": "churn-xgboost-20261121-100000-123",
        "HyperParameters": {
            "epochs": "10",
            "lr": "0.001",
            "optimizer": "adam",
            "note": "",
            "sagemaker_program": "train.py",
            "sagemaker_submit_directory": "/opt/ml/input/data/code/sourcedir.tar.gz",
        },
        "AlgorithmSpecification": {
            "TrainingImage": training()["image"]["uri"],
            "TrainingInputMode": "File",
            "MetricDefinitions": [{"Name": "loss", "Regex": "Loss =(.*?);"}],
        },
        "RoleArn": ROLE,
        "InputDataConfig": [
            {
                "ChannelName": "train",
                "DataSource": {
                    "S3DataSource": {
                        "S3DataType": "S3Prefix",
                        "S3Uri": "s3://team-bucket/data/train/",
                        "S3DataDistributionType": "FullyReplicated",
                    }
                },
            },
            {
                "ChannelName": "code",
                "DataSource": {
                    "S3DataSource": {
                        "S3DataType": "S3Prefix",
                        "S3Uri": "s3://team-bucket/code/sourcedir.tar.gz",
                        "S3DataDistributionType": "FullyReplicated",
                    }
                },
            },
        ],
        "OutputDataConfig": {"S3OutputPath": "s3://team-bucket/output/"},
        "ResourceConfig": {
            "InstanceType": "ml.m5.xlarge",
            "InstanceCount": 1,
            "VolumeSizeInGB": 30,
        },
        "StoppingCondition": {"MaxRuntimeInSeconds": 86400},
        "EnableNetworkIsolation": True,
        "Environment": {"LOG_LEVEL": "info"},
        "CheckpointConfig": {"S3Uri": "s3://team-bucket/checkpoints/"},
        "Tags": [
            {"Key": "shared-models:entry-id", "Value": "churn-xgboost"},
            {"Key": "shared-models:launched-by", "Value": "bob"},
        ],
    }


def test_the_request_is_valid_for_botocore_and_the_cli() -> None:
    """The exact parameter names and types of CreateTrainingJob, JSON-serialisable."""
    request = build(hyperparameters={"epochs": "20"}, instance_count=2)
    service = Session().get_service_model("sagemaker")
    shape = service.operation_model("CreateTrainingJob").input_shape
    report = ParamValidator().validate(request, shape)
    assert not report.has_errors(), report.generate_report()
    assert json.loads(json.dumps(request)) == request


def test_without_network_isolation_the_script_is_read_from_s3() -> None:
    request = build(entry(training(network_isolation=False)))
    assert request["EnableNetworkIsolation"] is False
    assert request["HyperParameters"]["sagemaker_program"] == "train.py"
    assert request["HyperParameters"]["sagemaker_submit_directory"] == (
        "s3://team-bucket/code/sourcedir.tar.gz"
    )
    assert [channel["ChannelName"] for channel in request["InputDataConfig"]] == ["train"]


def test_without_script_mode_no_sagemaker_hyperparameters() -> None:
    spec = training(script_uri=None, entry_point=None, network_isolation=False)
    request = build(entry(spec))
    assert "sagemaker_program" not in request["HyperParameters"]
    assert "sagemaker_submit_directory" not in request["HyperParameters"]


def test_entry_point_in_a_subfolder_is_passed_as_is() -> None:
    request = build(entry(training(entry_point="src/train.py")))
    assert request["HyperParameters"]["sagemaker_program"] == "src/train.py"


def test_several_channels_in_order() -> None:
    channels = [
        {"name": "train", "uri": "s3://team-bucket/data/train/"},
        {"name": "test", "uri": "s3://team-bucket/data/test/"},
    ]
    request = build(entry(training(channels=channels, network_isolation=False)))
    assert [
        (c["ChannelName"], c["DataSource"]["S3DataSource"]["S3Uri"])
        for c in request["InputDataConfig"]
    ] == [("train", "s3://team-bucket/data/train/"), ("test", "s3://team-bucket/data/test/")]


def test_optional_parts_are_absent_not_null() -> None:
    spec = training(
        environment={},
        metrics=[],
        hyperparameters=[],
        artifacts_uri=None,
        script_uri=None,
        entry_point=None,
    )
    request = build(entry(spec))
    for absent in ("Environment", "CheckpointConfig", "HyperParameters"):
        assert absent not in request
    assert "MetricDefinitions" not in request["AlgorithmSpecification"]
    assert "null" not in json.dumps(request)


def test_hyperparameter_values_are_strings_as_sagemaker_takes_them() -> None:
    request = build(hyperparameters={"epochs": "20", "lr": "1e-4"})
    values = request["HyperParameters"]
    assert values["epochs"] == "20"
    assert values["lr"] == "1e-4"
    assert values["optimizer"] == "adam"  # defaults kept for the rest
    assert all(isinstance(value, str) for value in values.values())


# -- names, roles, instances ---------------------------------------------------


def test_default_job_name_is_entry_id_and_timestamp() -> None:
    assert default_name("churn-xgboost", NOW) == "churn-xgboost-20261121-100000-123"


def test_default_job_name_of_a_long_id_fits_63_characters() -> None:
    long_id = "a" * 40 + "-" + "b" * 22  # 63 characters
    name = default_name(long_id, NOW)
    assert name == "a" * 40 + "-bb-20261121-100000-123"
    assert len(name) == 63


def test_default_job_name_never_ends_a_stem_with_a_hyphen() -> None:
    # The cut falls right after the hyphen: the hyphen goes too.
    assert default_name("x" * 42 + "-yy", NOW) == "x" * 42 + "-20261121-100000-123"


def test_chosen_job_name_and_role() -> None:
    other = "arn:aws-cn:iam::210987654321:role/team/Trainer"
    request = build(job_name="My-run-7", role_arn=other)
    assert request["TrainingJobName"] == "My-run-7"
    assert request["RoleArn"] == other


@pytest.mark.parametrize("name", ["-leading", "trailing-", "under_score", "x" * 64, "sp ace", ""])
def test_invalid_job_name_is_refused(name: str) -> None:
    assert locs(refused(job_name=name)) == [["job_name"]]


def test_role_defaults_to_the_setting() -> None:
    assert build(default_role=ROLE)["RoleArn"] == ROLE


def test_no_role_at_all_is_refused() -> None:
    assert locs(refused(default_role=None)) == [["role_arn"]]


@pytest.mark.parametrize(
    "role", ["SageMakerExecution", "arn:aws:iam::1234:role/x", "arn:aws:iam::123456789012:user/x"]
)
def test_invalid_role_is_refused(role: str) -> None:
    assert locs(refused(role_arn=role)) == [["role_arn"]]


def test_instance_type_and_count() -> None:
    request = build(instance_type="ml.g5.2xlarge", instance_count=4)
    assert request["ResourceConfig"] == {
        "InstanceType": "ml.g5.2xlarge",
        "InstanceCount": 4,
        "VolumeSizeInGB": 30,
    }


def test_instance_type_must_be_one_the_entry_offers() -> None:
    details = refused(instance_type="ml.p4d.24xlarge")
    assert locs(details) == [["instance_type"]]
    assert "ml.m5.xlarge, ml.g5.2xlarge" in details[0]["msg"]


@pytest.mark.parametrize("count", [0, 101])
def test_instance_count_range(count: int) -> None:
    assert locs(refused(instance_count=count)) == [["instance_count"]]


def test_default_instance_type_is_the_entrys_default() -> None:
    spec = training(instance_types=["ml.c5.xlarge", "ml.m5.large"], default_instance_type=None)
    assert build(entry(spec))["ResourceConfig"]["InstanceType"] == "ml.c5.xlarge"


# -- hyperparameter overrides --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("epochs", "0"),
        ("epochs", "101"),
        ("epochs", "2.5"),
        ("epochs", "ten"),
        ("lr", "0"),
        ("lr", "2"),
        ("lr", "nan"),
        ("optimizer", "rmsprop"),
        ("note", "two\nlines"),
        ("note", "x" * 2501),
    ],
)
def test_out_of_range_hyperparameter_is_refused_with_its_name(name: str, value: str) -> None:
    details = refused(hyperparameters={name: value})
    assert locs(details) == [["hyperparameters", name]]
    assert name in details[0]["msg"]


@pytest.mark.parametrize(
    ("name", "value"),
    [("epochs", "1"), ("epochs", "100"), ("lr", "1e-5"), ("lr", "1"), ("optimizer", "sgd")],
)
def test_bounds_are_inclusive(name: str, value: str) -> None:
    assert build(hyperparameters={name: value})["HyperParameters"][name] == value


def test_unknown_hyperparameter_is_refused() -> None:
    details = refused(hyperparameters={"batch_size": "32"})
    assert locs(details) == [["hyperparameters", "batch_size"]]
    assert "epochs, lr, optimizer, note" in details[0]["msg"]


@pytest.mark.parametrize("name", ["sagemaker_program", "sagemaker_submit_directory"])
def test_script_mode_hyperparameters_cannot_be_overridden(name: str) -> None:
    details = refused(hyperparameters={name: "evil.py"})
    assert locs(details) == [["hyperparameters", name]]
    assert "script mode" in details[0]["msg"]


def test_every_problem_is_reported_at_once() -> None:
    details = refused(
        hyperparameters={"epochs": "0", "bogus": "1"},
        instance_type="ml.t3.medium",
        job_name="bad_name",
        default_role=None,
    )
    assert sorted(map(str, locs(details))) == sorted(
        map(
            str,
            [
                ["hyperparameters", "epochs"],
                ["hyperparameters", "bogus"],
                ["instance_type"],
                ["job_name"],
                ["role_arn"],
            ],
        )
    )


# -- entries that cannot be trained -------------------------------------------


def test_model_without_training_is_refused() -> None:
    body = model(training=None)
    body.update(id="x", owner="alice", created_at=NOW, updated_at=NOW, version=1, keywords=[])
    with pytest.raises(InvalidInput) as caught:
        build(Entry.model_validate({**body, "notebook": None}))
    assert locs(caught.value.details) == [["training"]]  # type: ignore[arg-type]


def test_code_channel_clash_under_network_isolation_is_refused() -> None:
    channels = [{"name": "code", "uri": "s3://team-bucket/data/code/"}]
    details = refused(item=entry(training(channels=channels)))
    assert locs(details) == [["training", "channels"]]


# -- tags ----------------------------------------------------------------------


def test_tag_values_drop_characters_aws_refuses() -> None:
    assert tag_value("alice") == "alice"
    assert tag_value("jöhn.doe@example.com") == "jöhn.doe@example.com"
    assert tag_value("a#b!c") == "a_b_c"
    assert len(tag_value("x" * 300)) == 256


def test_launched_from_reads_our_tags() -> None:
    tags = build()["Tags"]
    assert launched_from(tags, "churn-xgboost", "bob")
    assert not launched_from(tags, "churn-xgboost", "alice")
    assert not launched_from(tags, "other", "bob")
    assert not launched_from([], "churn-xgboost", "bob")
