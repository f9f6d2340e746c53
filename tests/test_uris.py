"""S3 and ECR image URIs (SPEC §8): every rule with a failing and a passing case."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from shared_models_ext.domain.models import (
    EcrImageUri,
    S3Uri,
    parse_s3_uri,
    validate_ecr_image_uri,
    validate_s3_uri,
)

ACCOUNT_HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com"
DIGEST = "sha256:" + "0123456789abcdef" * 4


# -- S3 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "uri",
    [
        "s3://my-bucket/data/train.csv",
        "s3://my-bucket/",  # a bucket root is a valid prefix
        "s3://my-bucket",  # so is the bare bucket
        "s3://abc/x",  # 3-character bucket
        "s3://" + "a" * 63 + "/x",  # 63-character bucket
        "s3://my.bucket-1/x",  # dots and hyphens inside
        "s3://1bucket9/x",  # starts and ends with digits
        "s3://my-bucket/folder with spaces/file (1).csv",
        "s3://my-bucket/données/é.csv",  # non-ASCII keys
        "s3://my-bucket/" + "k" * 1024,  # key of exactly 1024 bytes
        "s3://my-bucket/a..b/c",  # '..' inside a name is not a path segment
        "s3://my-bucket/a//b",  # S3 keys may hold empty segments
    ],
)
def test_valid_s3_uris(uri: str) -> None:
    assert validate_s3_uri(uri) == uri


def test_s3_uri_surrounding_spaces_are_removed() -> None:
    assert validate_s3_uri("  s3://my-bucket/x.csv\n") == "s3://my-bucket/x.csv"


@pytest.mark.parametrize(
    ("uri", "words"),
    [
        ("http://my-bucket/x", "s3://"),
        ("S3://my-bucket/x", "s3://"),
        ("my-bucket/x", "s3://"),
        ("", "s3://"),
        ("s3://", "bucket name"),
        ("s3:///key", "bucket name"),
        ("s3://ab/x", "3 to 63"),
        ("s3://" + "a" * 64 + "/x", "3 to 63"),
        ("s3://My-Bucket/x", "lowercase"),
        ("s3://my_bucket/x", "lowercase"),
        ("s3://-bucket/x", "start and end"),
        ("s3://bucket-/x", "start and end"),
        ("s3://.bucket/x", "start and end"),
        ("s3://my..bucket/x", "two dots"),
        ("s3://192.168.1.10/x", "IP address"),
        ("s3://my-bucket/a\nb", "control characters"),
        ("s3://my-bucket/a\x00b", "control characters"),
        ("s3://my-bucket/" + "é" * 513, "1024 bytes"),  # 1026 bytes
        ("s3://my-bucket/" + "k" * 1025, "1024 bytes"),
        ("s3://my-bucket/a/../b", "'..'"),
        ("s3://my-bucket/..", "'..'"),
    ],
)
def test_invalid_s3_uris(uri: str, words: str) -> None:
    with pytest.raises(ValueError, match=words) as info:
        validate_s3_uri(uri)
    assert not str(info.value).startswith("Value error")


def test_s3_uri_must_be_a_string() -> None:
    with pytest.raises(ValueError, match="S3 URI"):
        validate_s3_uri(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("s3://my-bucket/a/b.csv", ("my-bucket", "a/b.csv")),
        ("s3://my-bucket/prefix/", ("my-bucket", "prefix/")),
        ("s3://my-bucket/", ("my-bucket", "")),
        ("s3://my-bucket", ("my-bucket", "")),
    ],
)
def test_parse_s3_uri(uri: str, expected: tuple[str, str]) -> None:
    assert parse_s3_uri(uri) == expected


def test_parse_s3_uri_rejects_invalid_uris() -> None:
    with pytest.raises(ValueError, match="bucket"):
        parse_s3_uri("s3://UPPER/x")


# -- ECR --------------------------------------------------------------------


@pytest.mark.parametrize(
    "uri",
    [
        "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
        "pytorch-training:2.3.0-cpu-py311-ubuntu20.04-sagemaker",
        f"{ACCOUNT_HOST}/churn",  # no tag: latest
        f"{ACCOUNT_HOST}/team/churn/xgboost:v1",  # namespaced repository
        f"{ACCOUNT_HOST}/my_repo.name-x:Tag_1.0-rc",
        f"{ACCOUNT_HOST}/churn@{DIGEST}",
        f"{ACCOUNT_HOST}/churn:" + "t" * 128,  # longest tag
        f"{ACCOUNT_HOST}/ab:_tag",  # 2-character repository, tag starting with '_'
        "727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/pytorch-inference:2.1.0-gpu-py310",
        "123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/churn:1",
        "123456789012.dkr.ecr.ap-southeast-2.amazonaws.com/churn:1",
    ],
)
def test_valid_ecr_image_uris(uri: str) -> None:
    assert validate_ecr_image_uri(uri) == uri


def test_ecr_image_uri_surrounding_spaces_are_removed() -> None:
    assert validate_ecr_image_uri(f" {ACCOUNT_HOST}/churn:1 ") == f"{ACCOUNT_HOST}/churn:1"


@pytest.mark.parametrize(
    ("uri", "words"),
    [
        ("12345678901.dkr.ecr.us-east-1.amazonaws.com/churn:1", "ECR image URI"),  # 11 digits
        ("1234567890123.dkr.ecr.us-east-1.amazonaws.com/churn:1", "ECR image URI"),
        ("123456789012.dkr.ecr.useast1.amazonaws.com/churn:1", "ECR image URI"),
        ("123456789012.dkr.ecr.us-east-1.amazonaws.org/churn:1", "ECR image URI"),
        (ACCOUNT_HOST, "ECR image URI"),  # no repository
        (f"https://{ACCOUNT_HOST}/churn:1", "no scheme"),
        ("docker.io/library/python:3.11", "ECR image URI"),
        ("python:3.11", "ECR image URI"),
        ("123456789012.dkr.ecr.cn-north-1.amazonaws.com/churn:1", "amazonaws.com.cn"),
        ("123456789012.dkr.ecr.us-east-1.amazonaws.com.cn/churn:1", "amazonaws.com"),
        (f"{ACCOUNT_HOST}/Churn:1", "repository name"),  # uppercase
        (f"{ACCOUNT_HOST}/a:1", "repository name"),  # 1 character
        (f"{ACCOUNT_HOST}/churn-:1", "repository name"),
        (f"{ACCOUNT_HOST}/churn--x:1", "repository name"),  # double separator
        (f"{ACCOUNT_HOST}/team//churn:1", "repository name"),
        (f"{ACCOUNT_HOST}/:1", "repository name"),
        (f"{ACCOUNT_HOST}/churn:-bad", "tag"),
        (f"{ACCOUNT_HOST}/churn:.bad", "tag"),
        (f"{ACCOUNT_HOST}/churn:", "tag"),
        (f"{ACCOUNT_HOST}/churn:a:b", "tag"),
        (f"{ACCOUNT_HOST}/churn:" + "t" * 129, "tag"),
        (f"{ACCOUNT_HOST}/churn@sha256:abc", "digest"),
        (f"{ACCOUNT_HOST}/churn@sha256:" + "A" * 64, "digest"),
        (f"{ACCOUNT_HOST}/churn@md5:" + "a" * 64, "digest"),
        (f"{ACCOUNT_HOST}/" + "r" * 200 + ":" + "t" * 60, "255"),
    ],
)
def test_invalid_ecr_image_uris(uri: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        validate_ecr_image_uri(uri)


# -- as pydantic types --------------------------------------------------------


class _Holder(BaseModel):
    s3: S3Uri
    image: EcrImageUri


def test_annotated_types_validate_and_report_plain_words() -> None:
    ok = _Holder(s3=" s3://my-bucket/x ", image=f"{ACCOUNT_HOST}/churn:1")
    assert ok.s3 == "s3://my-bucket/x"
    with pytest.raises(ValidationError) as info:
        _Holder(s3="s3://ab/x", image="python:3.11")
    errors = {error["loc"]: error["msg"] for error in info.value.errors()}
    assert set(errors) == {("s3",), ("image",)}
    assert "3 to 63" in errors[("s3",)]
