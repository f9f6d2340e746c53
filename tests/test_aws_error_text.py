"""What AWS says reaches the client as one short plain sentence with AWS's error code:
no markup, no echoed request headers, no credentials or signatures.

Ugly messages are injected into the server's own boto3 client (``tests/aws_faults.py``)
or come for real from a loopback endpoint that echoes the request (``tests/fake_aws.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from aws_faults import aws_error, inject
from conftest import MOTO_ENV, Client
from fake_aws import FakeAws

SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
AUTHORIZATION = (
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261201/us-east-1/s3/aws4_request, "
    f"SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={SIGNATURE}"
)
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6ExampleToken"

UGLY_HTML = f"""<!DOCTYPE html>
<html><head><title>500 Internal Server Error</title>
<style>body {{ font-family: sans-serif }}</style>
<script>var leaked = "{SECRET}";</script></head>
<body>
  <h1>Internal      Server
      Error</h1>
  <p>The server could not handle   GET /team-data?list-type=2 &amp; gave up.</p>
  <pre>
Host: team-data.s3.amazonaws.com
Authorization: {AUTHORIZATION}
X-Amz-Security-Token: {SESSION_TOKEN}
X-Amz-Date: 20261201T120000Z
User-Agent: Boto3/1.43 shared-models-ext
  </pre>
  <p>{"Please retry later. " * 40}</p>
</body></html>"""

FORBIDDEN = [
    "<",
    ">",
    "AWS4-HMAC-SHA256",
    "Signature",
    SIGNATURE,
    "AKIAIOSFODNN7EXAMPLE",
    SECRET,
    SESSION_TOKEN,
    "20261201T120000Z",
    "Boto3/1.43",
    "font-family",
]


def assert_plain(message: str, code: str) -> None:
    assert message.startswith(f"AWS said {code}: "), message
    for text in FORBIDDEN:
        assert text not in message, (text, message)
    assert "  " not in message
    assert "\n" not in message
    assert len(message) <= len(f"AWS said {code}: ") + 300, len(message)


async def test_s3_html_error_becomes_a_short_plain_sentence(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    aws.create_bucket(Bucket="team-data")
    inject(
        jp_serverapp,
        "s3",
        "ListObjectsV2",
        lambda _: aws_error("InternalError", UGLY_HTML, 500),
    )
    response = await api.get("s3", uri="s3://team-data/")
    assert response.status == 502, response.body
    assert response.error["code"] == "upstream"
    message = response.error["message"]
    assert_plain(message, "InternalError")
    assert "Internal Server Error" in message
    assert "GET /team-data?list-type=2 & gave up." in message
    assert message.endswith("…")


async def test_sagemaker_message_with_credentials_is_redacted(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    ugly = (
        f"<Error><b>Bad</b> request\r\n\twith aws_secret_access_key={SECRET} and "
        f"X-Amz-Security-Token: {SESSION_TOKEN} sent as {AUTHORIZATION}</Error>"
    )
    inject(
        jp_serverapp,
        "sagemaker",
        "DescribeTrainingJob",
        lambda _: aws_error("<i>ValidationError</i>", ugly, 400),
    )
    response = await api.get("training-jobs/churn-1")
    assert response.status == 502, response.body
    message = response.error["message"]
    assert_plain(message, "ValidationError")
    assert message.startswith("AWS said ValidationError: Bad request with")


class TestEchoingEndpoint:
    """A real endpoint (a proxy, a misconfigured store) that answers with a page
    echoing the request, Authorization header included."""

    @pytest.fixture
    def fake_aws(self, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAws]:
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ENDPOINT_URL"):
            monkeypatch.delenv(name, raising=False)
        for name, value in MOTO_ENV.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAZZZZZZZZZZZZZZZZ")
        fake = FakeAws("echo")
        yield fake
        fake.stop()

    @pytest.fixture
    def jp_server_config(self, clean_db: str, fake_aws: FakeAws) -> dict[str, Any]:
        return {
            "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
            "SharedModelsApp": {
                "db_url": clean_db,
                "username": "alice",
                "aws_endpoint_url": fake_aws.url,
            },
        }

    @pytest.mark.parametrize(
        ("path", "params"),
        [("training-jobs/churn-1", {}), ("ecr/images", {"repository": "churn"})],
    )
    async def test_echoed_headers_never_reach_the_client(
        self, api: Client, fake_aws: FakeAws, path: str, params: dict[str, str]
    ) -> None:
        response = await api.get(path, **params)
        assert response.status == 502, response.body
        message = response.error["message"]
        assert fake_aws.requests["echo"] >= 1
        assert_plain(message, "BadRequestException")
        assert "AKIAZZZZZZZZZZZZZZZZ" not in message
        assert not re.search(r"(?i)authorization|credential|x-amz|user-agent|host:", message)
        assert message == (
            "AWS said BadRequestException: Bad Request Your request was refused & logged."
        )
