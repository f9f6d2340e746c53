"""Turn what boto3 raises into the product's errors: plain words, no credentials."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionError,
    EndpointConnectionError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
    ReadTimeoutError,
)

from ..errors import Forbidden, NotFound, SharedModelsError, Unavailable, Upstream

NO_CREDENTIALS = (
    "AWS credentials are not configured. Set AWS_PROFILE (with ~/.aws/credentials), "
    "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance or "
    "execution role provides them, then try again."
)
NO_REGION = (
    "No AWS region is configured. Set SharedModelsApp.aws_region, or AWS_REGION / "
    "AWS_DEFAULT_REGION, or a region in your AWS profile, then try again."
)

_ACCESS_DENIED = {
    "AccessDenied",
    "AccessDeniedException",
    "Forbidden",
    "UnauthorizedOperation",
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "ExpiredToken",
    "ExpiredTokenException",
    "InvalidClientTokenId",
    "AllAccessDisabled",
}
_NOT_FOUND = {
    "NoSuchBucket",
    "NoSuchKey",
    "NotFound",
    "404",
    "ResourceNotFound",
    "ResourceNotFoundException",
    "RepositoryNotFoundException",
    "ImageNotFoundException",
}


def translate(error: Exception) -> SharedModelsError:
    """The product error for an exception raised by boto3/botocore."""
    if isinstance(error, NoCredentialsError | PartialCredentialsError):
        return Unavailable(NO_CREDENTIALS)
    if isinstance(error, NoRegionError):
        return Unavailable(NO_REGION)
    if isinstance(error, EndpointConnectionError | ConnectionError | ReadTimeoutError):
        return Unavailable(f"Could not reach AWS: {type(error).__name__}. Try again later.")
    if isinstance(error, ClientError):
        info = error.response.get("Error", {})
        code = str(info.get("Code") or "Unknown")
        message = str(info.get("Message") or "").strip()
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        text = f"AWS said {code}: {message}" if message else f"AWS said {code}."
        if code in _ACCESS_DENIED or status == 403:
            return Forbidden(text)
        if code in _NOT_FOUND or status == 404:
            return NotFound(text)
        return Upstream(text)
    if isinstance(error, BotoCoreError):
        return Upstream(f"The AWS request failed: {type(error).__name__}.")
    raise error


@contextmanager
def aws_errors() -> Iterator[None]:
    """Run boto3 calls; re-raise their failures as the product's errors."""
    try:
        yield
    except (BotoCoreError, ClientError) as error:
        raise translate(error) from None
