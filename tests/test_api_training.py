"""Training jobs from a card, against moto's SageMaker (and before-call answers for what
moto lacks: StopTrainingJob, job status changes, AWS errors)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from aws_faults import aws_error, inject
from botocore.session import Session
from botocore.validate import ParamValidator
from conftest import Client
from launch_helpers import ROLE, capture, reply, sagemaker_client, trainable_entry
from payloads import DLC_IMAGE, model, tabular_training
from payloads import notebook as payload_notebook


def launch_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"role_arn": ROLE}
    body.update(overrides)
    return body


def detail_locs(response: Any) -> list[list[str | int]]:
    return [detail["loc"] for detail in response.error["details"]]


# -- launching -----------------------------------------------------------------


async def test_collaborator_launches_a_training_job(
    api: Client, as_user: Any, aws: Any, moto_endpoint: str
) -> None:
    entry = await trainable_entry(api)  # alice's, shared with the organization
    bob = as_user("bob")
    response = await bob.post(
        f"entries/{entry['id']}/training-jobs",
        launch_body(
            job_name="bob-churn-1",
            instance_type="ml.g5.2xlarge",
            instance_count=2,
            hyperparameters={"epochs": 20, "optimizer": "sgd"},
        ),
    )
    assert response.status == 201, response.body
    assert response.body == {
        "job_name": "bob-churn-1",
        "arn": "arn:aws:sagemaker:us-east-1:123456789012:training-job/bob-churn-1",
        "status": "InProgress",
    }

    sagemaker = sagemaker_client(moto_endpoint)
    job = sagemaker.describe_training_job(TrainingJobName="bob-churn-1")
    assert job["AlgorithmSpecification"]["TrainingImage"] == DLC_IMAGE
    assert job["AlgorithmSpecification"]["TrainingInputMode"] == "File"
    assert job["HyperParameters"] == {
        "epochs": "20",
        "lr": "0.001",
        "optimizer": "sgd",
        "note": "",
        "sagemaker_program": "train.py",
        "sagemaker_submit_directory": "/opt/ml/input/data/code/sourcedir.tar.gz",
    }
    channels = {c["ChannelName"]: c["DataSource"]["S3DataSource"] for c in job["InputDataConfig"]}
    assert channels["train"] == {
        "S3DataType": "S3Prefix",
        "S3Uri": "s3://team-bucket/data/train/",
        "S3DataDistributionType": "FullyReplicated",
    }
    assert channels["code"]["S3Uri"] == "s3://team-bucket/code/sourcedir.tar.gz"
    assert job["OutputDataConfig"]["S3OutputPath"] == "s3://team-bucket/output/"
    assert job["EnableNetworkIsolation"] is True
    assert job["ResourceConfig"] == {
        "InstanceType": "ml.g5.2xlarge",
        "InstanceCount": 2,
        "VolumeSizeInGB": 30,
    }
    assert job["RoleArn"] == ROLE
    assert job["CheckpointConfig"]["S3Uri"] == "s3://team-bucket/checkpoints/"
    tags = sagemaker.list_tags(ResourceArn=job["TrainingJobArn"])["Tags"]
    assert {tag["Key"]: tag["Value"] for tag in tags} == {
        "shared-models:entry-id": entry["id"],
        "shared-models:launched-by": "bob",
    }


async def test_what_sagemaker_receives_is_the_exported_request(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    """MetricDefinitions and Environment (which moto does not echo) as sent, and the
    launch sends exactly what the export shows."""
    entry = await trainable_entry(api)
    sent = capture(jp_serverapp, "CreateTrainingJob")
    choices = {"job_name": "alice-churn-7", "instance_type": "ml.m5.xlarge"}
    exported = await api.get(
        f"entries/{entry['id']}/training-job-request",
        role_arn=ROLE,
        hyperparameters=json.dumps({"lr": 0.01}),
        **choices,
    )
    assert exported.status == 200, exported.body
    launched = await api.post(
        f"entries/{entry['id']}/training-jobs",
        launch_body(hyperparameters={"lr": "0.01"}, **choices),
    )
    assert launched.status == 201, launched.body
    assert len(sent) == 1
    assert sent[0] == exported.body
    assert sent[0]["AlgorithmSpecification"]["MetricDefinitions"] == [
        {"Name": "loss", "Regex": "Loss =(.*?);"}
    ]
    assert sent[0]["Environment"] == {"LOG_LEVEL": "info"}
    assert sent[0]["HyperParameters"]["lr"] == "0.01"


async def test_export_is_a_cli_input_json(api: Client) -> None:
    entry = await trainable_entry(api)
    response = await api.get(
        f"entries/{entry['id']}/training-job-request",
        role_arn=ROLE,
        hyperparameters=json.dumps({"epochs": 5}),
    )
    assert response.status == 200, response.body
    request = response.body
    shape = Session().get_service_model("sagemaker").operation_model("CreateTrainingJob")
    report = ParamValidator().validate(request, shape.input_shape)
    assert not report.has_errors(), report.generate_report()
    assert request["HyperParameters"]["epochs"] == "5"
    assert request["TrainingJobName"].startswith(f"{entry['id']}-")
    assert "null" not in json.dumps(request)


async def test_export_without_a_role_names_the_role(api: Client) -> None:
    entry = await trainable_entry(api)
    response = await api.get(f"entries/{entry['id']}/training-job-request")
    assert response.status == 400
    assert detail_locs(response) == [["role_arn"]]


async def test_launch_names_are_the_defaults_made_now(api: Client) -> None:
    """What the Train and Deploy dialogs show and send: the server's default names."""
    entry = await trainable_entry(api)
    response = await api.get(f"entries/{entry['id']}/launch-names")
    assert response.status == 200, response.body
    assert set(response.body) == {"training_job", "endpoint"}
    stamp = r"\d{8}-\d{6}-\d{3}"
    assert re.fullmatch(f"{entry['id']}-{stamp}", response.body["training_job"])
    assert re.fullmatch(f"{entry['id']}-{stamp}", response.body["endpoint"])

    long_id = "churn-" + "x" * 57  # 63 characters: shortened so the name fits SageMaker's 63
    await trainable_entry(api, title="Long", id=long_id)
    names = (await api.get(f"entries/{long_id}/launch-names")).body
    assert len(names["training_job"]) == 63
    assert re.fullmatch(f"{long_id[:43]}-{stamp}", names["training_job"])

    missing = await api.get("entries/no-such-entry/launch-names")
    assert missing.status == 404
    assert missing.error["code"] == "not_found"


@pytest.mark.parametrize(
    ("hyperparameters", "loc"),
    [
        ({"epochs": 0}, ["hyperparameters", "epochs"]),
        ({"epochs": 500}, ["hyperparameters", "epochs"]),
        ({"lr": "fast"}, ["hyperparameters", "lr"]),
        ({"optimizer": "adagrad"}, ["hyperparameters", "optimizer"]),
        ({"batch_size": 64}, ["hyperparameters", "batch_size"]),
        ({"epochs": True}, ["hyperparameters", "epochs"]),
        ({"": "1"}, ["hyperparameters", ""]),
        ({"x" * 300: "1"}, ["hyperparameters", "x" * 300]),
    ],
)
async def test_bad_hyperparameters_are_refused_and_nothing_is_launched(
    api: Client, aws: Any, jp_serverapp: Any, hyperparameters: dict[str, Any], loc: list[str]
) -> None:
    entry = await trainable_entry(api)
    sent = capture(jp_serverapp, "CreateTrainingJob")
    response = await api.post(
        f"entries/{entry['id']}/training-jobs", launch_body(hyperparameters=hyperparameters)
    )
    assert response.status == 400, response.body
    assert response.error["code"] == "invalid"
    assert detail_locs(response) == [loc]
    assert sent == []


async def test_bad_hyperparameters_in_the_export_query(api: Client) -> None:
    entry = await trainable_entry(api)
    path = f"entries/{entry['id']}/training-job-request"
    out_of_range = await api.get(path, role_arn=ROLE, hyperparameters='{"epochs": 0}')
    assert detail_locs(out_of_range) == [["hyperparameters", "epochs"]]
    not_json = await api.get(path, role_arn=ROLE, hyperparameters="epochs=3")
    assert not_json.status == 400
    assert detail_locs(not_json) == [["hyperparameters"]]


@pytest.mark.parametrize("name", ["-bad", "bad_name", "x" * 64, "spa ce"])
async def test_invalid_job_name_is_refused(api: Client, name: str) -> None:
    entry = await trainable_entry(api)
    response = await api.post(f"entries/{entry['id']}/training-jobs", launch_body(job_name=name))
    assert response.status == 400
    assert detail_locs(response) == [["job_name"]]


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"role_arn": "not-an-arn"}, ["role_arn"]),
        ({}, ["role_arn"]),
        ({"role_arn": ROLE, "instance_type": "ml.p5.48xlarge"}, ["instance_type"]),
        ({"role_arn": ROLE, "instance_count": 0}, ["instance_count"]),
        ({"role_arn": ROLE, "surprise": 1}, ["surprise"]),
    ],
)
async def test_launch_choices_are_checked(
    api: Client, body: dict[str, Any], loc: list[str]
) -> None:
    entry = await trainable_entry(api)
    response = await api.post(f"entries/{entry['id']}/training-jobs", body)
    assert response.status == 400, response.body
    assert detail_locs(response) == [loc]


async def test_entries_one_cannot_see_or_train(api: Client, as_user: Any) -> None:
    bob = as_user("bob")
    private = await bob.create(
        model("Bob's private model", training=tabular_training(), share={"organization": False})
    )
    hidden = await api.post(f"entries/{private['id']}/training-jobs", launch_body())
    assert hidden.status == 404
    notebook = await api.create(payload_notebook())
    untrainable = await api.post(f"entries/{notebook['id']}/training-jobs", launch_body())
    assert untrainable.status == 400
    assert detail_locs(untrainable) == [["training"]]


class TestConfiguredRole:
    @pytest.fixture
    def jp_server_config(self, clean_db: str) -> dict[str, Any]:
        return {
            "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
            "SharedModelsApp": {
                "db_url": clean_db,
                "username": "alice",
                "sagemaker_role_arn": ROLE,
            },
        }

    async def test_role_defaults_to_the_setting(
        self, api: Client, aws: Any, moto_endpoint: str
    ) -> None:
        entry = await trainable_entry(api)
        response = await api.post(f"entries/{entry['id']}/training-jobs", {"job_name": "r-1"})
        assert response.status == 201, response.body
        job = sagemaker_client(moto_endpoint).describe_training_job(TrainingJobName="r-1")
        assert job["RoleArn"] == ROLE


# -- status and stop -----------------------------------------------------------


async def test_status_of_a_launched_job(api: Client, aws: Any) -> None:
    entry = await trainable_entry(api)
    await api.post(f"entries/{entry['id']}/training-jobs", launch_body(job_name="churn-s1"))
    response = await api.get("training-jobs/churn-s1")
    assert response.status == 200, response.body
    status = response.body
    assert status["job_name"] == "churn-s1"
    assert status["status"] == "Completed"  # moto's jobs complete at once
    assert status["image"] == DLC_IMAGE
    assert status["instance_type"] == "ml.m5.xlarge"
    assert status["model_artifacts"].startswith("s3://team-bucket/output/")
    assert status["logs"] == {
        "log_group": "/aws/sagemaker/TrainingJobs",
        "log_stream_prefix": "churn-s1/algo-1-",
    }
    assert status["created_at"].endswith("Z")
    assert status["final_metrics"][0]["name"]


async def test_job_moving_from_in_progress_to_failed(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    created = datetime(2026, 11, 21, 10, 0, tzinfo=timezone.utc)
    base = {
        "TrainingJobName": "churn-f1",
        "TrainingJobArn": "arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-f1",
        "AlgorithmSpecification": {"TrainingImage": DLC_IMAGE, "TrainingInputMode": "File"},
        "ResourceConfig": {
            "InstanceType": "ml.m5.xlarge",
            "InstanceCount": 1,
            "VolumeSizeInGB": 30,
        },
        "CreationTime": created,
        "ModelArtifacts": {"S3ModelArtifacts": ""},
    }
    in_progress = {
        **base,
        "TrainingJobStatus": "InProgress",
        "SecondaryStatus": "Downloading",
        "SecondaryStatusTransitions": [
            {
                "Status": "Starting",
                "StartTime": created,
                "EndTime": created + timedelta(minutes=2),
                "StatusMessage": "Preparing the instances for training",
            },
            {
                "Status": "Downloading",
                "StartTime": created + timedelta(minutes=2),
                "StatusMessage": "Downloading input data",
            },
        ],
    }
    failed = {
        **base,
        "TrainingJobStatus": "Failed",
        "SecondaryStatus": "Failed",
        "FailureReason": "AlgorithmError: ExecuteUserScriptError: No module named 'xgboost'",
        "TrainingStartTime": created + timedelta(minutes=2),
        "TrainingEndTime": created + timedelta(minutes=5),
        "BillableTimeInSeconds": 180,
        "SecondaryStatusTransitions": [
            *in_progress["SecondaryStatusTransitions"],
            {
                "Status": "Failed",
                "StartTime": created + timedelta(minutes=5),
                "StatusMessage": "Training job failed",
            },
        ],
    }
    answers = iter([in_progress, failed])
    inject(jp_serverapp, "sagemaker", "DescribeTrainingJob", lambda params: reply(next(answers)))

    first = await api.get("training-jobs/churn-f1")
    assert first.status == 200, first.body
    assert (first.body["status"], first.body["secondary_status"]) == ("InProgress", "Downloading")
    assert first.body["failure_reason"] is None
    assert [t["status"] for t in first.body["secondary_status_history"]] == [
        "Starting",
        "Downloading",
    ]
    assert first.body["secondary_status_history"][0]["message"] == (
        "Preparing the instances for training"
    )

    second = await api.get("training-jobs/churn-f1")
    assert second.body["status"] == "Failed"
    assert second.body["failure_reason"].startswith("AlgorithmError")
    assert second.body["billable_seconds"] == 180
    assert second.body["ended_at"] == "2026-11-21T10:05:00Z"
    assert second.body["secondary_status_history"][-1]["status"] == "Failed"


async def test_stop_a_training_job(api: Client, aws: Any, jp_serverapp: Any) -> None:
    sent: list[dict[str, Any]] = []

    def answer(params: dict[str, Any]) -> Any:
        sent.append(json.loads(params["body"]))
        return reply({})

    inject(jp_serverapp, "sagemaker", "StopTrainingJob", answer)
    response = await api.post("training-jobs/churn-1/stop", {})
    assert response.status == 200, response.body
    assert response.body == {"job_name": "churn-1", "status": "Stopping"}
    assert sent == [{"TrainingJobName": "churn-1"}]


async def test_stopping_a_finished_job_is_a_conflict(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    message = "The request was rejected because the training job is in status Completed."
    inject(
        jp_serverapp,
        "sagemaker",
        "StopTrainingJob",
        lambda params: aws_error("ValidationException", message, 400),
    )
    response = await api.post("training-jobs/churn-1/stop", {})
    assert response.status == 409
    assert message in response.error["message"]


async def test_unknown_job_is_404_and_bad_names_400(api: Client, aws: Any) -> None:
    missing = await api.get("training-jobs/no-such-job")
    assert missing.status == 404
    assert missing.error["code"] == "not_found"
    bad = await api.get("training-jobs/bad_name")
    assert bad.status == 400
    assert detail_locs(bad) == [["job_name"]]


# -- AWS errors and retries ----------------------------------------------------


async def test_access_denied_is_403(api: Client, aws: Any, jp_serverapp: Any) -> None:
    entry = await trainable_entry(api)
    message = "User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: "
    inject(
        jp_serverapp,
        "sagemaker",
        "CreateTrainingJob",
        lambda params: aws_error(
            "AccessDeniedException", message + "sagemaker:CreateTrainingJob", 400
        ),
    )
    response = await api.post(f"entries/{entry['id']}/training-jobs", launch_body())
    assert response.status == 403
    assert response.error["code"] == "forbidden"
    assert "AccessDeniedException" in response.error["message"]
    assert (await api.get("launches")).body["items"] == []


async def test_resource_limit_is_502_with_awss_code(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    entry = await trainable_entry(api)
    message = (
        "The account-level service limit 'ml.g5.2xlarge for training job usage' is 0 Instances"
    )
    inject(
        jp_serverapp,
        "sagemaker",
        "CreateTrainingJob",
        lambda params: aws_error("ResourceLimitExceeded", message, 400),
    )
    response = await api.post(
        f"entries/{entry['id']}/training-jobs", launch_body(instance_type="ml.g5.2xlarge")
    )
    assert response.status == 502
    assert response.error["code"] == "upstream"
    assert "ResourceLimitExceeded" in response.error["message"]
    assert message in response.error["message"]


async def test_retry_with_the_same_name_launches_no_duplicate(
    api: Client, aws: Any, jp_serverapp: Any, moto_endpoint: str
) -> None:
    entry = await trainable_entry(api)
    body = launch_body(job_name="churn-retry")
    first = await api.post(f"entries/{entry['id']}/training-jobs", body)
    assert first.status == 201, first.body
    # The retry finds the name taken, as SageMaker would say (moto accepts duplicates).
    in_use = "Training job names must be unique within an AWS account and region"
    inject(
        jp_serverapp,
        "sagemaker",
        "CreateTrainingJob",
        lambda params: aws_error("ResourceInUse", in_use, 400),
    )
    second = await api.post(f"entries/{entry['id']}/training-jobs", body)
    assert second.status == 201, second.body
    assert second.body["arn"] == first.body["arn"]
    assert second.body["job_name"] == "churn-retry"
    jobs = sagemaker_client(moto_endpoint).list_training_jobs()["TrainingJobSummaries"]
    assert [job["TrainingJobName"] for job in jobs] == ["churn-retry"]
    launches = (await api.get("launches")).body["items"]
    assert [(item["kind"], item["name"]) for item in launches] == [("training-job", "churn-retry")]


async def test_name_taken_by_another_job_is_a_conflict(
    api: Client, aws: Any, jp_serverapp: Any, moto_endpoint: str
) -> None:
    entry = await trainable_entry(api)
    other = await trainable_entry(api, title="Another model")
    first = await api.post(f"entries/{other['id']}/training-jobs", launch_body(job_name="taken"))
    assert first.status == 201
    inject(
        jp_serverapp,
        "sagemaker",
        "CreateTrainingJob",
        lambda params: aws_error("ResourceInUse", "Training job names must be unique", 400),
    )
    response = await api.post(f"entries/{entry['id']}/training-jobs", launch_body(job_name="taken"))
    assert response.status == 409, response.body
    assert detail_locs(response) == [["job_name"]]
    assert [item["entry_id"] for item in (await api.get("launches")).body["items"]] == [other["id"]]


# -- the "existing training job" picker ----------------------------------------


async def test_recent_jobs_with_their_images_searchable_by_name(
    api: Client, aws: Any, moto_endpoint: str
) -> None:
    sagemaker = sagemaker_client(moto_endpoint)
    images = {
        "churn-a": DLC_IMAGE,
        "fraud-b": "123456789012.dkr.ecr.us-east-1.amazonaws.com/fraud:2",
        "churn-c": "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:7",
    }
    for name, image in images.items():
        sagemaker.create_training_job(
            TrainingJobName=name,
            AlgorithmSpecification={"TrainingImage": image, "TrainingInputMode": "File"},
            RoleArn=ROLE,
            OutputDataConfig={"S3OutputPath": "s3://team-bucket/output/"},
            ResourceConfig={
                "InstanceType": "ml.m5.large",
                "InstanceCount": 1,
                "VolumeSizeInGB": 10,
            },
            StoppingCondition={"MaxRuntimeInSeconds": 600},
        )
    everything = await api.get("training-jobs")
    assert everything.status == 200, everything.body
    assert [item["name"] for item in everything.body["items"]] == ["churn-c", "fraud-b", "churn-a"]
    churn = await api.get("training-jobs", name_contains="churn")
    assert {item["name"]: item["image"] for item in churn.body["items"]} == {
        "churn-a": images["churn-a"],
        "churn-c": images["churn-c"],
    }
    item = churn.body["items"][0]
    assert item["arn"].endswith(":training-job/churn-c")
    assert item["status"] == "Completed"
    assert item["instance_type"] == "ml.m5.large"
    assert item["created_at"].endswith("Z")


@pytest.mark.parametrize(
    ("params", "loc"),
    [({"limit": 500}, ["limit"]), ({"name_contains": "churn_x"}, ["name_contains"])],
)
async def test_training_job_list_query_is_checked(
    api: Client, params: dict[str, Any], loc: list[str]
) -> None:
    response = await api.get("training-jobs", **params)
    assert response.status == 400
    assert detail_locs(response) == [loc]


async def test_a_made_up_page_cursor_is_a_400_on_cursor(api: Client, aws: Any) -> None:
    response = await api.get("training-jobs", cursor="made-up-by-the-client")
    assert response.status == 400, response.body
    assert response.error["details"][0]["loc"] == ["cursor"]
