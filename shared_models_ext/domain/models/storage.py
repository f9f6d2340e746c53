"""Requests and responses of the S3, notebook and dataset-check routes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from ._common import RequestModel
from .uris import S3Uri


class S3Query(RequestModel):
    """``GET /s3``: no ``uri`` lists buckets; else one page under the prefix."""

    uri: S3Uri | None = None
    cursor: Annotated[str, Field(max_length=4096)] | None = None
    limit: Annotated[int, Field(ge=1, le=1000)] = 1000


class S3ExistsQuery(RequestModel):
    """``GET /s3/exists``: is there an object at (or under) this URI?"""

    uri: S3Uri


class Bucket(BaseModel):
    name: str
    uri: str


class BucketList(BaseModel):
    buckets: list[Bucket]


class S3Folder(BaseModel):
    name: str
    uri: str


class S3ObjectInfo(BaseModel):
    key: str
    uri: str
    size: int
    last_modified: datetime

    @field_serializer("last_modified")
    def _iso_z(self, value: datetime) -> str:
        return value.isoformat().replace("+00:00", "Z")


class S3Listing(BaseModel):
    uri: str
    folders: list[S3Folder]
    objects: list[S3ObjectInfo]
    next_cursor: str | None


class S3Exists(BaseModel):
    uri: str
    exists: bool


class ShareNotebookTarget(BaseModel):
    """``POST /notebooks/share``: which notebook, and where in S3.

    The rest of the body is the entry's basic information (title, description,
    data type, task, framework, keywords, sharing, optional id), validated as a
    ``CreateEntry`` of kind ``notebook``.
    """

    model_config = ConfigDict(extra="allow")

    path: Annotated[str, Field(min_length=1, max_length=4096)]
    s3_uri: S3Uri | None = Field(
        default=None,
        description="An s3://…/name.ipynb object, or a prefix to upload <entry id>.ipynb under. "
        "Default: the share_notebooks_to setting.",
    )


class OpenNotebook(RequestModel):
    """``POST /entries/{id}/open``: the workspace folder to copy the notebook into."""

    directory: Annotated[str, Field(max_length=4096)] = ""


class OpenedNotebook(BaseModel):
    path: str


class DatasetCheckRequest(RequestModel):
    """``POST /validation-check``: compare two datasets before an entry exists."""

    training_data_uri: S3Uri
    validation_data_uri: S3Uri


class DatasetCheck(BaseModel):
    ok: bool
    training_columns: list[str]
    validation_columns: list[str]
    problems: list[str]
    training_object: str | None = None
    validation_object: str | None = None
