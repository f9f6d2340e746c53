"""S3 and ECR image URIs: one checking function each, and the pydantic types built on them."""

from __future__ import annotations

import re
from typing import Annotated, Final

from pydantic import AfterValidator, Field

from ._common import has_control_chars

S3_SCHEME: Final = "s3://"
MAX_S3_KEY_BYTES: Final = 1024
MAX_IMAGE_URI_LENGTH: Final = 255  # SageMaker's limit on TrainingImage / container Image

_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_IP_ADDRESS = re.compile(r"\d{1,3}(\.\d{1,3}){3}")

_ECR_HOST = re.compile(
    r"(?P<account>\d{12})\.dkr\.ecr\.(?P<region>[a-z]{2}(-[a-z]+)+-\d)"
    r"\.amazonaws\.com(?P<cn>\.cn)?"
)
# ECR's repositoryName pattern, 2 to 256 characters.
_ECR_REPOSITORY = re.compile(r"(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*")
_ECR_TAG = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")
_SHA256_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")

S3_EXAMPLE: Final = "s3://my-bucket/path/to/data/"
ECR_EXAMPLE: Final = "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-repository:latest"


def parse_s3_uri(value: str) -> tuple[str, str]:
    """``"s3://bucket/a/b.csv"`` → ``("bucket", "a/b.csv")``; the key is ``""`` for a bucket root.

    Raises ``ValueError`` (in plain words) when ``value`` is not a valid S3 URI.
    """
    uri = validate_s3_uri(value)
    bucket, _, key = uri[len(S3_SCHEME) :].partition("/")
    return bucket, key


def validate_s3_uri(value: str) -> str:
    """``value`` when it is a valid ``s3://bucket[/key]`` URI (surrounding spaces removed).

    Bucket: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending
    with a letter or digit, no ``..``, not an IP address. Key: optional (a bucket
    root like ``s3://b/`` is a valid prefix), at most 1024 bytes of UTF-8, no
    control characters, no ``..`` path segment.
    """
    if not isinstance(value, str):
        raise ValueError(f"must be an S3 URI such as {S3_EXAMPLE}")
    uri = value.strip()
    if not uri.startswith(S3_SCHEME):
        raise ValueError(f"must be an S3 URI starting with s3:// (for example {S3_EXAMPLE})")
    bucket, _, key = uri[len(S3_SCHEME) :].partition("/")
    _check_bucket(bucket)
    if has_control_chars(key):
        raise ValueError("the S3 key must not contain control characters such as line breaks")
    if len(key.encode("utf-8")) > MAX_S3_KEY_BYTES:
        raise ValueError(f"the S3 key must be at most {MAX_S3_KEY_BYTES} bytes long")
    if ".." in key.split("/"):
        raise ValueError("the S3 key must not contain a '..' path segment")
    return uri


def _check_bucket(bucket: str) -> None:
    if not bucket:
        raise ValueError(f"the S3 URI needs a bucket name after s3:// (for example {S3_EXAMPLE})")
    if not 3 <= len(bucket) <= 63:
        raise ValueError(f"the bucket name '{bucket}' must be 3 to 63 characters long")
    if not _BUCKET.fullmatch(bucket):
        raise ValueError(
            f"the bucket name '{bucket}' may only hold lowercase letters, digits, dots and "
            "hyphens, and must start and end with a letter or digit"
        )
    if ".." in bucket:
        raise ValueError(f"the bucket name '{bucket}' must not contain two dots in a row")
    if _IP_ADDRESS.fullmatch(bucket):
        raise ValueError(f"the bucket name '{bucket}' must not look like an IP address")


def validate_ecr_image_uri(value: str) -> str:
    """``value`` when it is an ECR image URI (surrounding spaces removed).

    Shape: ``ACCOUNT.dkr.ecr.REGION.amazonaws.com[.cn]/repository[:tag | @sha256:<64 hex>]``
    with a 12-digit account, ``.cn`` exactly for the China regions, ECR's repository
    naming rules, a tag of at most 128 characters, and at most 255 characters in all.
    """
    if not isinstance(value, str):
        raise ValueError(f"must be an ECR image URI such as {ECR_EXAMPLE}")
    uri = value.strip()
    if "://" in uri:
        raise ValueError(f"an ECR image URI has no scheme (for example {ECR_EXAMPLE})")
    if len(uri) > MAX_IMAGE_URI_LENGTH:
        raise ValueError(f"an image URI must be at most {MAX_IMAGE_URI_LENGTH} characters long")
    host, slash, reference = uri.partition("/")
    host_match = _ECR_HOST.fullmatch(host)
    if not host_match or not slash:
        raise ValueError(
            "must be an ECR image URI like ACCOUNT.dkr.ecr.REGION.amazonaws.com/repository:tag "
            f"(for example {ECR_EXAMPLE})"
        )
    china = host_match["region"].startswith("cn-")
    if china != bool(host_match["cn"]):
        domain = "amazonaws.com.cn" if china else "amazonaws.com"
        raise ValueError(f"images in region {host_match['region']} are served from {domain}")
    repository, tag, digest = _split_reference(reference)
    if not 2 <= len(repository) <= 256 or not _ECR_REPOSITORY.fullmatch(repository):
        raise ValueError(
            f"the repository name '{repository}' is not valid: use 2 to 256 lowercase letters, "
            "digits and single '.', '_' or '-' separators, in '/'-separated parts"
        )
    if tag is not None and not _ECR_TAG.fullmatch(tag):
        raise ValueError(
            f"the image tag '{tag}' is not valid: use at most 128 letters, digits, '_', '.' "
            "or '-', not starting with '.' or '-'"
        )
    if digest is not None and not _SHA256_DIGEST.fullmatch(digest):
        raise ValueError("an image digest must be 'sha256:' followed by 64 lowercase hex digits")
    return uri


def _split_reference(reference: str) -> tuple[str, str | None, str | None]:
    """``repo:tag`` / ``repo@digest`` / ``repo`` → (repository, tag, digest)."""
    if "@" in reference:
        repository, _, digest = reference.partition("@")
        return repository, None, digest
    last_slash = reference.rfind("/")
    colon = reference.find(":", last_slash + 1)
    if colon >= 0:
        return reference[:colon], reference[colon + 1 :], None
    return reference, None, None


S3Uri = Annotated[
    str,
    AfterValidator(validate_s3_uri),
    Field(description="An S3 URI: s3://bucket/key or a prefix", examples=[S3_EXAMPLE]),
]
"""An ``s3://bucket[/key]`` URI, checked by :func:`validate_s3_uri`."""

EcrImageUri = Annotated[
    str,
    AfterValidator(validate_ecr_image_uri),
    Field(description="An ECR image URI", examples=[ECR_EXAMPLE]),
]
"""An ECR image URI, checked by :func:`validate_ecr_image_uri`."""
