"""Deploying an entry: the three requests (pure), and the routes against moto."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from aws_faults import aws_error, inject
from botocore.session import Session
from botocore.validate import ParamValidator
from conftest import Client
from launch_helpers import ROLE, capture, reply, sagemaker_client, trainable_entry
from payloads import inference, model, tabular_training

from shared_models_ext.domain.errors import InvalidInput
from shared_models_ext.domain.models import Entry, InferenceSpec
from shared_models_ext.training import DeploymentChoices, build_deployment
from shared_models_ext.training.deployment import inference_environment

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=timezone.utc)
IMAGE = inference()["image"]["uri"]


def entry_with(**inference_overrides: Any) -> Entry:
    body = model(training=tabular_training(), inference=inference(**inference_overrides))
    body.update(
        id="churn-xgboost",
        owner="alice",
        keywords=["churn"],
        notebook=None,
        created_at=NOW,
        updated_at=NOW,
        version=1,
    )
    return Entry.model_validate(body)


def detail_locs(response: Any) -> list[list[str | int]]:
    return [detail["loc"] for detail in response.error["details"]]


# -- the requests (pure) -------------------------------------------------------


def test_three_requests_with_one_name() -> None:
    requests = build_deployment(
        entry_with(), DeploymentChoices(role_arn=ROLE), launched_by="bob", now=NOW
    )
    name = "churn-xgboost-20261121-100000-000"
    tags = [
        {"Key": "shared-models:entry-id", "Value": "churn-xgboost"},
        {"Key": "shared-models:launched-by", "Value": "bob"},
    ]
    assert requests.endpoint_name == name
    assert requests.create_model == {
        "ModelName": name,
        "PrimaryContainer": {
            "Image": IMAGE,
            "ModelDataUrl": "s3://team-bucket/output/model.tar.gz",
            "Environment": {
                "SAGEMAKER_PROGRAM": "inference.py",
                "SAGEMAKER_SUBMIT_DIRECTORY": "s3://team-bucket/code/inference.tar.gz",
            },
        },
        "ExecutionRoleArn": ROLE,
        "Tags": tags,
    }
    assert requests.create_endpoint_config == {
        "EndpointConfigName": name,
        "ProductionVariants": [
            {
                "VariantName": "AllTraffic",
                "ModelName": name,
                "InitialInstanceCount": 1,
                "InstanceType": "ml.m5.large",
                "InitialVariantWeight": 1.0,
            }
        ],
        "Tags": tags,
    }
    assert requests.create_endpoint == {
        "EndpointName": name,
        "EndpointConfigName": name,
        "Tags": tags,
    }
    service = Session().get_service_model("sagemaker")
    for operation, request in (
        ("CreateModel", requests.create_model),
        ("CreateEndpointConfig", requests.create_endpoint_config),
        ("CreateEndpoint", requests.create_endpoint),
    ):
        shape = service.operation_model(operation).input_shape
        report = ParamValidator().validate(request, shape)
        assert not report.has_errors(), report.generate_report()


@pytest.mark.parametrize(
    ("script_uri", "environment", "expected"),
    [
        (
            "s3://bkt/code/inference.tar.gz",
            {},
            {
                "SAGEMAKER_PROGRAM": "inference.py",
                "SAGEMAKER_SUBMIT_DIRECTORY": "s3://bkt/code/inference.tar.gz",
            },
        ),
        (
            "s3://bkt/code/serve.py",
            {},
            {
                "SAGEMAKER_PROGRAM": "serve.py",
                "SAGEMAKER_SUBMIT_DIRECTORY": "s3://bkt/code/serve.py",
            },
        ),
        (
            "s3://bkt/code/bundle.tar.gz",
            {"SAGEMAKER_PROGRAM": "handler.py", "LOG_LEVEL": "debug"},
            {
                "SAGEMAKER_PROGRAM": "handler.py",
                "SAGEMAKER_SUBMIT_DIRECTORY": "s3://bkt/code/bundle.tar.gz",
                "LOG_LEVEL": "debug",
            },
        ),
        (None, {"LOG_LEVEL": "debug"}, {"LOG_LEVEL": "debug"}),
    ],
)
def test_inference_environment(
    script_uri: str | None, environment: dict[str, str], expected: dict[str, str]
) -> None:
    spec = InferenceSpec.model_validate(inference(script_uri=script_uri, environment=environment))
    assert inference_environment(spec) == expected


def test_no_environment_without_script_or_variables() -> None:
    requests = build_deployment(
        entry_with(script_uri=None),
        DeploymentChoices(role_arn=ROLE, endpoint_name="e-1", instance_count=3),
        launched_by="bob",
        now=NOW,
    )
    assert "Environment" not in requests.create_model["PrimaryContainer"]
    variant = requests.create_endpoint_config["ProductionVariants"][0]
    assert variant["InitialInstanceCount"] == 3


@pytest.mark.parametrize(
    ("choices", "loc"),
    [
        (DeploymentChoices(), ["role_arn"]),
        (DeploymentChoices(role_arn=ROLE, endpoint_name="bad_name"), ["endpoint_name"]),
        (DeploymentChoices(role_arn=ROLE, instance_type="ml.g5.xlarge"), ["instance_type"]),
        (DeploymentChoices(role_arn=ROLE, instance_count=0), ["instance_count"]),
    ],
)
def test_deployment_choices_are_checked(choices: DeploymentChoices, loc: list[str]) -> None:
    with pytest.raises(InvalidInput) as caught:
        build_deployment(entry_with(), choices, launched_by="bob", now=NOW)
    assert [detail["loc"] for detail in caught.value.details] == [loc]


# -- the routes ----------------------------------------------------------------


async def test_collaborator_deploys_and_reads_the_status(
    api: Client, as_user: Any, aws: Any, moto_endpoint: str
) -> None:
    entry = await trainable_entry(api)
    bob = as_user("bob")
    response = await bob.post(
        f"entries/{entry['id']}/deployments",
        {"role_arn": ROLE, "endpoint_name": "churn-live", "instance_count": 2},
    )
    assert response.status == 201, response.body
    assert response.body == {
        "endpoint_name": "churn-live",
        "model_name": "churn-live",
        "endpoint_config_name": "churn-live",
        "status": "Creating",
        "arn": "arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-live",
    }
    sagemaker = sagemaker_client(moto_endpoint)
    described = sagemaker.describe_model(ModelName="churn-live")
    assert described["PrimaryContainer"]["Image"] == IMAGE
    assert described["PrimaryContainer"]["ModelDataUrl"] == "s3://team-bucket/output/model.tar.gz"
    assert described["ExecutionRoleArn"] == ROLE
    config = sagemaker.describe_endpoint_config(EndpointConfigName="churn-live")
    variant = config["ProductionVariants"][0]
    assert (variant["InstanceType"], variant["InitialInstanceCount"]) == ("ml.m5.large", 2)
    tags = sagemaker.list_tags(ResourceArn=response.body["arn"])["Tags"]
    assert {"Key": "shared-models:launched-by", "Value": "bob"} in tags

    status = await bob.get("deployments/churn-live")
    assert status.status == 200, status.body
    assert status.body["status"] == "InService"  # moto's endpoints are in service at once
    assert status.body["endpoint_config_name"] == "churn-live"
    assert status.body["instance_type"] == "ml.m5.large"
    assert status.body["instance_count"] == 2
    assert status.body["failure_reason"] is None


async def test_the_model_gets_the_inference_script(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    entry = await trainable_entry(api)
    sent = capture(jp_serverapp, "CreateModel")
    response = await api.post(f"entries/{entry['id']}/deployments", {"role_arn": ROLE})
    assert response.status == 201, response.body
    assert sent[0]["PrimaryContainer"]["Environment"] == {
        "SAGEMAKER_PROGRAM": "inference.py",
        "SAGEMAKER_SUBMIT_DIRECTORY": "s3://team-bucket/code/inference.tar.gz",
    }
    assert response.body["endpoint_name"].startswith(f"{entry['id']}-")


async def test_failed_endpoint_reports_why(api: Client, aws: Any, jp_serverapp: Any) -> None:
    created = datetime(2026, 11, 21, 10, 0, tzinfo=timezone.utc)
    inject(
        jp_serverapp,
        "sagemaker",
        "DescribeEndpoint",
        lambda params: reply(
            {
                "EndpointName": "churn-live",
                "EndpointArn": "arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-live",
                "EndpointConfigName": "gone-config",
                "EndpointStatus": "Failed",
                "FailureReason": "The primary container for production variant AllTraffic "
                "did not pass the ping health check.",
                "CreationTime": created,
                "LastModifiedTime": created,
            }
        ),
    )
    response = await api.get("deployments/churn-live")
    assert response.status == 200, response.body
    assert response.body["status"] == "Failed"
    assert "ping health check" in response.body["failure_reason"]
    assert response.body["instance_type"] is None  # its configuration no longer exists
    assert response.body["created_at"] == "2026-11-21T10:00:00Z"


async def test_a_model_without_deployment_settings(api: Client, aws: Any) -> None:
    entry = await api.create(model(training=tabular_training(), inference=None))
    response = await api.post(f"entries/{entry['id']}/deployments", {"role_arn": ROLE})
    assert response.status == 400
    assert detail_locs(response) == [["inference"]]


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"role_arn": ROLE, "instance_type": "ml.g5.xlarge"}, ["instance_type"]),
        ({"role_arn": ROLE, "endpoint_name": "x" * 64}, ["endpoint_name"]),
        ({"role_arn": "arn:aws:iam::123:role/x"}, ["role_arn"]),
        ({}, ["role_arn"]),
    ],
)
async def test_deployment_choices_are_checked_by_the_route(
    api: Client, body: dict[str, Any], loc: list[str]
) -> None:
    entry = await trainable_entry(api)
    response = await api.post(f"entries/{entry['id']}/deployments", body)
    assert response.status == 400, response.body
    assert detail_locs(response) == [loc]


async def test_retried_deployment_deploys_once(
    api: Client, aws: Any, jp_serverapp: Any, moto_endpoint: str
) -> None:
    entry = await trainable_entry(api)
    body = {"role_arn": ROLE, "endpoint_name": "churn-retry"}
    first = await api.post(f"entries/{entry['id']}/deployments", body)
    assert first.status == 201, first.body
    for operation, what in (
        ("CreateModel", "model"),
        ("CreateEndpointConfig", "endpoint configuration"),
        ("CreateEndpoint", "endpoint"),
    ):
        message = f'Cannot create already existing {what} "arn:aws:sagemaker:...:churn-retry".'
        inject(
            jp_serverapp,
            "sagemaker",
            operation,
            lambda params, message=message: aws_error("ValidationException", message, 400),
        )
    second = await api.post(f"entries/{entry['id']}/deployments", body)
    assert second.status == 201, second.body
    assert second.body["arn"] == first.body["arn"]
    assert second.body["status"] == "InService"
    endpoints = sagemaker_client(moto_endpoint).list_endpoints()["Endpoints"]
    assert [item["EndpointName"] for item in endpoints] == ["churn-retry"]
    launches = (await api.get("launches", kind="endpoint")).body["items"]
    assert [item["name"] for item in launches] == ["churn-retry"]


async def test_unknown_endpoint_is_404(api: Client, aws: Any) -> None:
    response = await api.get("deployments/no-such-endpoint")
    assert response.status == 404
