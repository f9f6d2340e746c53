"""Which endpoint each AWS client talks to: a service's own variable wins over the
``aws_endpoint_url`` setting, as boto3 itself ranks it over ``AWS_ENDPOINT_URL``."""

from __future__ import annotations

import pytest

from shared_models_ext.aws import AwsClients


def test_a_service_variable_beats_the_setting_for_that_service_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLEANROOMSML", "http://127.0.0.1:4001")
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER", "http://127.0.0.1:4002")
    clients = AwsClients(endpoint_url="http://127.0.0.1:4000")
    assert clients.client("cleanroomsml").meta.endpoint_url == "http://127.0.0.1:4001"
    assert clients.client("sagemaker").meta.endpoint_url == "http://127.0.0.1:4002"
    assert clients.client("s3").meta.endpoint_url == "http://127.0.0.1:4000"
    assert clients.client("ecr", long=True).meta.endpoint_url == "http://127.0.0.1:4000"


def test_without_the_setting_boto3_reads_the_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLEANROOMSML", "http://127.0.0.1:4001")
    clients = AwsClients()
    assert clients.client("cleanroomsml").meta.endpoint_url == "http://127.0.0.1:4001"
    assert (
        clients.client("sagemaker").meta.endpoint_url
        == "https://api.sagemaker.eu-west-1.amazonaws.com"
    )
