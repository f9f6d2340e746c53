"""GET /s3 and /s3/exists against moto's S3 server."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from aws_faults import aws_error, inject
from conftest import Client


async def test_lists_buckets(api: Client, aws: Any) -> None:
    for name in ("team-models", "analytics-data"):
        aws.create_bucket(Bucket=name)
    response = await api.get("s3")
    assert response.status == 200, response.body
    assert response.body["buckets"] == [
        {"name": "analytics-data", "uri": "s3://analytics-data/"},
        {"name": "team-models", "uri": "s3://team-models/"},
    ]


async def test_lists_folders_and_objects_under_a_prefix(api: Client, aws: Any) -> None:
    aws.create_bucket(Bucket="team-models")
    for key in ("data/train/a.csv", "data/train/b.csv", "data/test/c.csv", "data/readme.txt"):
        aws.put_object(Bucket="team-models", Key=key, Body=b"x,y\n1,2\n")
    response = await api.get("s3", uri="s3://team-models/data/")
    assert response.status == 200, response.body
    listing = response.body
    assert listing["uri"] == "s3://team-models/data/"
    assert listing["folders"] == [
        {"name": "test", "uri": "s3://team-models/data/test/"},
        {"name": "train", "uri": "s3://team-models/data/train/"},
    ]
    assert [o["key"] for o in listing["objects"]] == ["data/readme.txt"]
    assert listing["objects"][0]["size"] == 8
    assert listing["objects"][0]["last_modified"].endswith("Z")
    assert listing["next_cursor"] is None


async def test_pages_through_thousands_of_objects(api: Client, aws: Any) -> None:
    aws.create_bucket(Bucket="big-bucket")
    keys = [f"shards/part-{index:05d}.csv" for index in range(1550)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda key: aws.put_object(Bucket="big-bucket", Key=key, Body=b"1"), keys))

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"uri": "s3://big-bucket/shards/", **({"cursor": cursor} if cursor else {})}
        response = await api.get("s3", **params)
        assert response.status == 200, response.body
        seen += [item["key"] for item in response.body["objects"]]
        pages += 1
        cursor = response.body["next_cursor"]
        if not cursor:
            break
    assert pages == 2
    assert seen == keys


@pytest.mark.parametrize(
    "uri", ["https://team-models/data", "s3://", "s3://ab/", "s3://Upper_Case/x", "s3://b..x/y"]
)
async def test_invalid_uris_are_refused_before_any_aws_call(
    api: Client, aws: Any, jp_serverapp: Any, uri: str
) -> None:
    calls: list[dict[str, Any]] = []
    inject(jp_serverapp, "s3", "ListObjectsV2", lambda params: calls.append(params))
    response = await api.get("s3", uri=uri)
    assert response.status == 400
    assert ["uri"] in [detail["loc"] for detail in response.error["details"]]
    assert calls == []


async def test_missing_bucket_is_404(api: Client, aws: Any) -> None:
    response = await api.get("s3", uri="s3://no-such-bucket/data/")
    assert response.status == 404
    assert response.error["code"] == "not_found"
    assert "NoSuchBucket" in response.error["message"]


async def test_access_denied_is_403_with_aws_message(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    aws.create_bucket(Bucket="locked-bucket")
    inject(
        jp_serverapp,
        "s3",
        "ListObjectsV2",
        lambda params: aws_error("AccessDenied", "Access Denied by bucket policy", 403),
    )
    response = await api.get("s3", uri="s3://locked-bucket/")
    assert response.status == 403
    assert response.error["code"] == "forbidden"
    assert "AccessDenied" in response.error["message"]
    assert "Access Denied by bucket policy" in response.error["message"]


async def test_failure_on_a_later_page_is_an_error(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    aws.create_bucket(Bucket="flaky-bucket")
    for index in range(5):
        aws.put_object(Bucket="flaky-bucket", Key=f"k{index}", Body=b"1")
    inject(
        jp_serverapp,
        "s3",
        "ListObjectsV2",
        lambda params: (
            aws_error("InternalError", "We encountered an internal error", 500)
            if "continuation-token" in params["query_string"]
            else None
        ),
    )
    first = await api.get("s3", uri="s3://flaky-bucket/", limit=2)
    assert first.status == 200
    assert len(first.body["objects"]) == 2
    second = await api.get(
        "s3", uri="s3://flaky-bucket/", limit=2, cursor=first.body["next_cursor"]
    )
    assert second.status == 502
    assert second.error["code"] == "upstream"
    assert "InternalError" in second.error["message"]
    assert "objects" not in second.body


async def test_no_credentials_is_503_with_instructions(
    api: Client, aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    response = await api.get("s3")
    assert response.status == 503
    assert response.error["code"] == "unavailable"
    assert "credentials are not configured" in response.error["message"]
    assert "testing" not in str(response.body)


async def test_exists(api: Client, aws: Any) -> None:
    aws.create_bucket(Bucket="team-models")
    aws.put_object(Bucket="team-models", Key="data/train/a.csv", Body=b"1")
    found = await api.get("s3/exists", uri="s3://team-models/data/train/")
    assert found.body == {"uri": "s3://team-models/data/train/", "exists": True}
    missing = await api.get("s3/exists", uri="s3://team-models/data/nothing/")
    assert missing.body["exists"] is False


async def test_a_page_cursor_s3_refuses_is_a_400_on_cursor(
    api: Client, aws: Any, jp_serverapp: Any
) -> None:
    """Real S3 answers InvalidArgument to a ContinuationToken it did not make."""
    aws.create_bucket(Bucket="team-data")
    inject(
        jp_serverapp,
        "s3",
        "ListObjectsV2",
        lambda params: (
            aws_error("InvalidArgument", "The continuation token provided is incorrect", 400)
            if "continuation-token" in str(params.get("query_string", ""))
            else None
        ),
    )
    response = await api.get("s3", uri="s3://team-data/", cursor="made-up")
    assert response.status == 400, response.body
    assert response.error["details"][0]["loc"] == ["cursor"]
    assert (await api.get("s3", uri="s3://team-data/")).status == 200
