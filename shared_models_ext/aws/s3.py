"""S3: list buckets and prefixes (paged), read the head of an object, upload, download."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from ..domain.errors import Conflict, TooLarge
from ..domain.models.uris import parse_s3_uri
from .clients import AwsClients
from .errors import aws_errors, refused_page_token, translate

MAX_PAGE = 1000  # S3 returns at most 1,000 keys per ListObjectsV2 call


@dataclass(frozen=True)
class Folder:
    name: str
    uri: str


@dataclass(frozen=True)
class S3Object:
    key: str
    uri: str
    size: int
    last_modified: datetime


@dataclass(frozen=True)
class Listing:
    uri: str
    folders: list[Folder]
    objects: list[S3Object]
    next_cursor: str | None


class S3Service:
    def __init__(self, clients: AwsClients) -> None:
        self._clients = clients

    @property
    def _s3(self) -> Any:
        """The interactive client: what a request waits for (small retry budget)."""
        return self._clients.client("s3")

    @property
    def _s3_long(self) -> Any:
        """The long-operation client: local runs' transfers (full retry budget)."""
        return self._clients.client("s3", long=True)

    def buckets(self) -> list[str]:
        with aws_errors():
            reply = self._s3.list_buckets()
        return sorted(bucket["Name"] for bucket in reply.get("Buckets", []))

    def list(self, uri: str, cursor: str | None = None, limit: int = MAX_PAGE) -> Listing:
        """One page of the folders (common prefixes) and objects directly under ``uri``.

        Each call is one S3 request: a page that fails is an error, never a partial list.
        """
        bucket, prefix = parse_s3_uri(uri)
        request: dict[str, Any] = {
            "Bucket": bucket,
            "Prefix": prefix,
            "Delimiter": "/",
            "MaxKeys": max(1, min(limit, MAX_PAGE)),
        }
        if cursor:
            request["ContinuationToken"] = cursor
        with aws_errors(), refused_page_token(cursor):
            reply = self._s3.list_objects_v2(**request)
        folders = [
            Folder(
                name=item["Prefix"][len(prefix) :].rstrip("/"),
                uri=f"s3://{bucket}/{item['Prefix']}",
            )
            for item in reply.get("CommonPrefixes", [])
        ]
        objects = [
            S3Object(
                key=item["Key"],
                uri=f"s3://{bucket}/{item['Key']}",
                size=int(item.get("Size", 0)),
                last_modified=item["LastModified"],
            )
            for item in reply.get("Contents", [])
            if item["Key"] != prefix  # the "folder" placeholder object itself
        ]
        next_cursor = reply.get("NextContinuationToken") if reply.get("IsTruncated") else None
        return Listing(
            uri=f"s3://{bucket}/{prefix}", folders=folders, objects=objects, next_cursor=next_cursor
        )

    def exists(self, uri: str) -> bool:
        """An object at ``uri``, or (for a prefix) at least one object under it."""
        bucket, key = parse_s3_uri(uri)
        with aws_errors():
            reply = self._s3.list_objects_v2(Bucket=bucket, Prefix=key, MaxKeys=1)
        return bool(reply.get("KeyCount", 0))

    def first_object(self, uri: str, suffixes: tuple[str, ...]) -> str | None:
        """``uri`` itself when it names such an object, else the first key under it that
        ends with one of ``suffixes`` (in S3's lexicographic order), as a URI."""
        bucket, key = parse_s3_uri(uri)
        if key.lower().endswith(suffixes):
            return uri
        paginator = self._s3.get_paginator("list_objects_v2")
        with aws_errors():
            for page in paginator.paginate(Bucket=bucket, Prefix=key):
                for item in page.get("Contents", []):
                    if item["Key"].lower().endswith(suffixes):
                        return f"s3://{bucket}/{item['Key']}"
        return None

    def read_head(self, uri: str, length: int) -> bytes:
        """The first ``length`` bytes of an object (a ranged GET)."""
        bucket, key = parse_s3_uri(uri)
        with aws_errors():
            reply = self._s3.get_object(Bucket=bucket, Key=key, Range=f"bytes=0-{length - 1}")
            return bytes(reply["Body"].read(length))

    def download(self, uri: str, max_bytes: int) -> bytes:
        bucket, key = parse_s3_uri(uri)
        with aws_errors():
            reply = self._s3.get_object(Bucket=bucket, Key=key)
            size = int(reply.get("ContentLength", 0))
            if size > max_bytes:
                reply["Body"].close()
                raise TooLarge(f"{uri} is {size} bytes; the limit is {max_bytes} bytes.")
            return bytes(reply["Body"].read())

    def objects_under(self, uri: str) -> builtins.list[S3Object]:
        """Every object under ``uri`` (an object's own URI gives just that object), all
        pages; a page that fails is an error, never a partial list. A long operation
        (local runs' staging): the full retry budget."""
        bucket, key = parse_s3_uri(uri)
        paginator = self._s3_long.get_paginator("list_objects_v2")
        found: builtins.list[S3Object] = []
        with aws_errors():
            for page in paginator.paginate(Bucket=bucket, Prefix=key):
                for item in page.get("Contents", []):
                    if item["Key"].endswith("/"):
                        continue  # a "folder" placeholder object
                    found.append(
                        S3Object(
                            key=item["Key"],
                            uri=f"s3://{bucket}/{item['Key']}",
                            size=int(item.get("Size", 0)),
                            last_modified=item["LastModified"],
                        )
                    )
        return found

    def download_file(self, uri: str, path: str) -> None:
        """Download one object to a local file (multipart, streamed to disk); a long
        operation."""
        bucket, key = parse_s3_uri(uri)
        with aws_errors():
            self._s3_long.download_file(bucket, key, path)

    def upload_file(self, path: str, uri: str, content_type: str) -> None:
        """Upload a local file (multipart past boto3's threshold); a long operation."""
        bucket, key = parse_s3_uri(uri)
        with aws_errors():
            self._s3_long.upload_file(path, bucket, key, ExtraArgs={"ContentType": content_type})

    def put_new(self, uri: str, body: bytes, content_type: str) -> str:
        """Create the object at ``uri`` only if there is none (``If-None-Match: *``): never
        overwrites. Its ETag; ``ObjectExists`` when the key already holds an object."""
        bucket, key = parse_s3_uri(uri)
        try:
            reply = self._s3.put_object(
                Bucket=bucket, Key=key, Body=body, ContentType=content_type, IfNoneMatch="*"
            )
        except ClientError as error:
            if _code(error) in _KEY_TAKEN:
                raise ObjectExists(uri) from None
            raise translate(error) from None
        except BotoCoreError as error:
            raise translate(error) from None
        return str(reply.get("ETag") or "")

    def delete_if_unchanged(self, uri: str, etag: str) -> bool:
        """Delete the object at ``uri`` only while it is still the one with ``etag`` (the
        one this server wrote): ``If-Match`` on the delete, or, where the store does not
        support conditional deletes, a check of the ETag just before. True if deleted."""
        bucket, key = parse_s3_uri(uri)
        try:
            self._s3.delete_object(Bucket=bucket, Key=key, IfMatch=etag)
            return True
        except ClientError as error:
            code = _code(error)
            if code in _KEY_TAKEN or code in _NO_KEY:
                return False  # replaced or gone since: not ours to delete any more
            if code not in _NOT_SUPPORTED:
                raise translate(error) from None
        except BotoCoreError as error:
            raise translate(error) from None
        with aws_errors():
            try:
                head = self._s3.head_object(Bucket=bucket, Key=key)
            except ClientError as error:
                if _code(error) in _NO_KEY:
                    return False
                raise
            if _same_etag(str(head.get("ETag") or ""), etag):
                self._s3.delete_object(Bucket=bucket, Key=key)
                return True
        return False


class ObjectExists(Conflict):
    """There already is an object at this S3 URI (``put_new`` never replaces one)."""

    def __init__(self, uri: str) -> None:
        super().__init__(
            f"There already is an object at {uri}; it was left untouched. "
            "Choose another S3 location.",
            [{"loc": ["s3_uri"], "msg": f"There already is an object at {uri}."}],
        )
        self.uri = uri


# 412 for If-None-Match / If-Match; 409 when concurrent conditional writes race.
_KEY_TAKEN: Final = {"PreconditionFailed", "412", "ConditionalRequestConflict"}
_NO_KEY: Final = {"NoSuchKey", "NotFound", "404"}
_NOT_SUPPORTED: Final = {"NotImplemented", "501"}


def _code(error: ClientError) -> str:
    code = error.response.get("Error", {}).get("Code")
    if code:
        return str(code)
    return str(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or "")


def _same_etag(left: str, right: str) -> bool:
    return bool(left) and left.strip('"') == right.strip('"')
