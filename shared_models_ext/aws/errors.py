"""Turn what boto3 raises into the product's errors: plain words, no credentials."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

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

from ..domain.errors import (
    Forbidden,
    NotFound,
    SharedModelsError,
    Unavailable,
    Upstream,
    invalid_field,
)

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

# Throttling (botocore retries these; what is left after the retry budget): 503.
_THROTTLED = {
    "SlowDown",
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottled",
    "RequestThrottledException",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "ProvisionedThroughputExceededException",
}
THROTTLED_HINT = "AWS is limiting the request rate; try again in a moment."

MAX_MESSAGE_CHARS: Final = 300
_CODE_CHARS: Final = re.compile(r"[^A-Za-z0-9._-]+")
_TAG: Final = re.compile(r"<[^>]*>|<!--.*?-->", re.DOTALL)
_DROPPED_BLOCKS: Final = re.compile(
    r"<(script|style|head)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
# A line that is an HTTP request header (an endpoint or proxy echoing the request).
_HEADER_LINE: Final = re.compile(
    r"^\s*(authorization|proxy-authorization|host|cookie|user-agent|expect|connection|"
    r"accept(-[a-z]+)?|content-[a-z0-9-]+|amz-sdk-[a-z0-9-]+|x-amz-[a-z0-9-]+|"
    r"x-amzn-[a-z0-9-]+|x-api-key)\s*:.*$",
    re.IGNORECASE | re.MULTILINE,
)
_SECRETS: Final = (
    # A SigV4 Authorization value, up to the end of its line (credential scope,
    # signed headers, signature).
    re.compile(r"AWS4-HMAC-SHA256\b[^\r\n]*", re.IGNORECASE),
    re.compile(r"\bAWS [A-Z0-9]{16,}:\S+"),  # a SigV2 Authorization value
    # name=value / name: value pairs that carry credentials or signatures.
    re.compile(
        r"\b(authorization|credential|signature|signedheaders|security-token|"
        r"x-amz-[a-z0-9-]*|aws_?secret_?access_?key|aws_?session_?token|"
        r"aws_?access_?key_?id|secret|token|password)\b\s*[:=]\s*[^\s,;&<]+",
        re.IGNORECASE,
    ),
    re.compile(r"\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b"),  # access key IDs
    re.compile(r"\b[0-9a-fA-F]{32,}\b"),  # signatures, hashes
    # secret keys and session tokens (base64: mixed case and digits, no word breaks)
    re.compile(
        r"(?=[A-Za-z0-9+/=]*[0-9])(?=[A-Za-z0-9+/=]*[a-z])(?=[A-Za-z0-9+/=]*[A-Z])[A-Za-z0-9+/=]{32,}"
    ),
)
_REDACTED: Final = "[redacted]"


def _safe_code(code: object) -> str:
    cleaned = _CODE_CHARS.sub("", _TAG.sub("", str(code or "")))[:64]
    return cleaned or "Unknown"


def _plain_message(message: object) -> str:
    """Upstream text as one short plain sentence: no markup, headers or credentials."""
    text = str(message or "")
    text = _DROPPED_BLOCKS.sub("\n", text)
    text = _TAG.sub("\n", text)  # a tag ends a line: headers inside <pre> stay lines
    text = html.unescape(text)
    text = _HEADER_LINE.sub(" ", text)
    for pattern in _SECRETS:
        text = pattern.sub(_REDACTED, text)
    text = " ".join(text.split())
    text = "".join(ch for ch in text if ch.isprintable())
    if len(text) > MAX_MESSAGE_CHARS:
        cut = text[: MAX_MESSAGE_CHARS - 1]
        cut = cut.rsplit(" ", 1)[0] if " " in cut[MAX_MESSAGE_CHARS // 2 :] else cut
        text = cut.rstrip(" .,;:") + "…"
    return text


def upstream_text(error: ClientError) -> tuple[str, str, str]:
    """What AWS said, safe to show: ``(code, message, sentence)``.

    The one place AWS error text is cleaned (every translated error goes through it):
    the code keeps only name characters; the message loses markup (moto answers some
    errors with HTML), echoed request headers and anything that looks like a key,
    token or signature, has its whitespace collapsed and is cut to about 300
    characters. ``sentence`` is ``"AWS said <code>: <message>"``.
    """
    info = error.response.get("Error", {}) or {}
    code = _safe_code(info.get("Code"))
    message = _plain_message(info.get("Message"))
    sentence = f"AWS said {code}: {message}" if message else f"AWS said {code}."
    return code, message, sentence


def translate(error: Exception) -> SharedModelsError:
    """The product error for an exception raised by boto3/botocore."""
    if isinstance(error, NoCredentialsError | PartialCredentialsError):
        return Unavailable(NO_CREDENTIALS)
    if isinstance(error, NoRegionError):
        return Unavailable(NO_REGION)
    if isinstance(error, EndpointConnectionError | ConnectionError | ReadTimeoutError):
        return Unavailable(f"Could not reach AWS: {type(error).__name__}. Try again later.")
    if isinstance(error, ClientError):
        code, _, text = upstream_text(error)
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if code in _ACCESS_DENIED or status == 403:
            return Forbidden(text)
        if code in _NOT_FOUND or status == 404:
            return NotFound(text)
        if code in _THROTTLED:
            return Unavailable(f"{text.rstrip('.')}. {THROTTLED_HINT}")
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


#: What AWS answers to a page token it did not make (SageMaker; S3's ListObjectsV2).
_BAD_PAGE_TOKEN: Final = frozenset({"ValidationException", "InvalidNextToken", "InvalidArgument"})


@contextmanager
def refused_page_token(cursor: str | None) -> Iterator[None]:
    """A page token AWS refuses is the client's bad ``cursor`` (400), not AWS failing."""
    try:
        yield
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code")
        if cursor and code in _BAD_PAGE_TOKEN:
            raise invalid_field(
                ["cursor"], "This page cursor is not valid; start again from the first page."
            ) from None
        raise
