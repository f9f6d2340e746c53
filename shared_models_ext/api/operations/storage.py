"""S3 and workspace operations: browsing buckets, sharing and opening notebooks,
comparing the headers of two datasets."""

from __future__ import annotations

from ...domain.models import (
    BucketList,
    CreateEntry,
    DatasetCheck,
    DatasetCheckRequest,
    Entry,
    OpenedNotebook,
    OpenNotebook,
    S3Exists,
    S3ExistsQuery,
    S3Listing,
    S3Query,
    ShareNotebookTarget,
)
from ..handlers.datasets import DatasetCheckHandler, EntryDatasetCheckHandler
from ..handlers.notebooks import OpenNotebookHandler, ShareNotebookHandler
from ..handlers.storage import S3ExistsHandler, S3Handler
from .operation import Operation

STORAGE_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "get",
        "/s3",
        S3Handler,
        "No uri: the caller's buckets. Else one page of folders and objects under the prefix",
        S3Listing,
        query=S3Query,
        errors=(400, 404),
        aws=True,
        alternatives=(BucketList,),
    ),
    Operation(
        "get",
        "/s3/exists",
        S3ExistsHandler,
        "Is there an object at, or under, this S3 URI?",
        S3Exists,
        query=S3ExistsQuery,
        errors=(400, 404),
        aws=True,
    ),
    Operation(
        "post",
        "/notebooks/share",
        ShareNotebookHandler,
        "Validate a workspace notebook with nbformat, upload it to S3 and list it. "
        "The body also carries the entry's basic information (as in CreateEntry).",
        Entry,
        status=201,
        body=ShareNotebookTarget,
        body_rest=CreateEntry,
        fixed_fields=("kind", "notebook"),
        errors=(400, 404, 409, 413),
        aws=True,
    ),
    Operation(
        "post",
        "/entries/{entry_id}/open",
        OpenNotebookHandler,
        "Copy a shared notebook into the workspace (never overwriting)",
        OpenedNotebook,
        status=201,
        body=OpenNotebook,
        errors=(400, 404, 413),
        aws=True,
    ),
    Operation(
        "post",
        "/entries/{entry_id}/validation-check",
        EntryDatasetCheckHandler,
        "Compare the CSV headers of the entry's training and validation datasets",
        DatasetCheck,
        errors=(400, 404),
        aws=True,
    ),
    Operation(
        "post",
        "/validation-check",
        DatasetCheckHandler,
        "Compare the CSV headers of two datasets (before an entry exists)",
        DatasetCheck,
        body=DatasetCheckRequest,
        errors=(400, 404),
        aws=True,
    ),
)
