"""Helpers of the launch tests: trainable entries, what the server sent to SageMaker,
and answers moto cannot give (through ``aws_faults.inject`` on the server's client)."""

from __future__ import annotations

import json
from typing import Any

import boto3
from aws_faults import inject
from botocore.awsrequest import AWSResponse
from conftest import Client
from payloads import inference, model, tabular_training

ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution"


def sagemaker_client(moto_endpoint: str) -> Any:
    """A boto3 SageMaker client on moto, to arrange and inspect what the servers did."""
    return boto3.client("sagemaker", region_name="us-east-1", endpoint_url=moto_endpoint)


async def trainable_entry(
    owner: Client, title: str = "Churn XGBoost", **overrides: Any
) -> dict[str, Any]:
    """An organization-wide tabular model with training and deployment settings."""
    training = tabular_training(**overrides.pop("training", {}))
    body = model(title, training=training, inference=inference(**overrides.pop("inference", {})))
    body.update(overrides)
    return await owner.create(body)


def capture(serverapp: Any, operation: str) -> list[dict[str, Any]]:
    """The requests of ``operation`` the server's SageMaker client sends (still sent on)."""
    sent: list[dict[str, Any]] = []

    def record(params: dict[str, Any]) -> None:
        sent.append(json.loads(params["body"]))

    inject(serverapp, "sagemaker", operation, record)
    return sent


def reply(parsed: dict[str, Any]) -> tuple[AWSResponse, dict[str, Any]]:
    """A successful AWS answer, as botocore would have parsed it."""
    return AWSResponse("https://aws.invalid/", 200, {}, None), parsed
