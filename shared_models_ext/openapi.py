"""The OpenAPI document of the REST API, generated from the pydantic models.

``OPERATIONS`` is the machine-readable contract of API.md; a test checks that it
and the registered routes list the same methods and paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from . import __version__
from .schemas import (
    BucketList,
    CreateDeployment,
    CreateEntry,
    CreateTrainingJobRequest,
    DatasetCheck,
    DatasetCheckRequest,
    DeploymentCreated,
    DeploymentStatus,
    DlcImage,
    DlcImageQuery,
    EcrImageList,
    EcrImagesQuery,
    EcrRepositoryList,
    Entry,
    EntryPage,
    EntryQuery,
    ErrorResponse,
    IdSuggestion,
    IdSuggestionQuery,
    LaunchPage,
    LaunchQuery,
    LaunchTrainingJob,
    Me,
    OpenedNotebook,
    OpenNotebook,
    Options,
    ReplaceEntry,
    S3Exists,
    S3ExistsQuery,
    S3Listing,
    S3Query,
    ShareNotebookTarget,
    TrainingJobLaunched,
    TrainingJobList,
    TrainingJobListQuery,
    TrainingJobRequestQuery,
    TrainingJobStatus,
    TrainingJobStopping,
)

REF = "#/components/schemas/{model}"
PATH_PARAMETER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # relative to /shared-models/api, OpenAPI template syntax
    summary: str
    response: type[BaseModel] | None
    status: int = 200
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    errors: tuple[int, ...] = ()
    request_headers: dict[str, str] = field(default_factory=dict)
    response_headers: dict[str, str] = field(default_factory=dict)
    alternatives: tuple[type[BaseModel], ...] = ()  # other shapes of the success response


_SAGEMAKER_ERRORS = (400, 404, 502, 503)

LAUNCH_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "get",
        "/training-jobs",
        "Recent training jobs of the account (newest first, searchable by name), with the "
        "image each used: the 'existing training job' container source",
        TrainingJobList,
        query=TrainingJobListQuery,
        errors=(400, 502, 503),
    ),
    Operation(
        "get",
        "/ecr/images",
        "No repository: the account's ECR repositories. With one: its images, one item per "
        "tag, newest push first, each with its full image URI",
        EcrImageList,
        query=EcrImagesQuery,
        errors=_SAGEMAKER_ERRORS,
        alternatives=(EcrRepositoryList,),
    ),
    Operation(
        "get",
        "/dlc-image",
        "The image URI of one Deep Learning Container (choices: GET /options, "
        "deep_learning_containers) in a region (default: the server's)",
        DlcImage,
        query=DlcImageQuery,
        errors=(400, 503),
    ),
    Operation(
        "get",
        "/entries/{entry_id}/training-job-request",
        "The exact CreateTrainingJob request a launch with these choices sends, usable as "
        "`aws sagemaker create-training-job --cli-input-json file://training_job.json`. "
        'Hyperparameter overrides go in one JSON object: ?hyperparameters={"epochs":20}',
        CreateTrainingJobRequest,
        query=TrainingJobRequestQuery,
        errors=(400, 404),
    ),
    Operation(
        "post",
        "/entries/{entry_id}/training-jobs",
        "Launch a SageMaker training job from an entry the caller can see. Overrides are "
        "checked against the entry (400 at ['hyperparameters', name]). A retry with the "
        "same job_name returns the job it launched instead of a second one (409 if the "
        "name holds another job)",
        TrainingJobLaunched,
        status=201,
        body=LaunchTrainingJob,
        errors=(400, 404, 409, 413, 502, 503),
    ),
    Operation(
        "get",
        "/training-jobs/{job_name}",
        "A training job's status, secondary status history, failure reason, final metrics, "
        "times, billable seconds, CloudWatch log location and model artifacts",
        TrainingJobStatus,
        errors=_SAGEMAKER_ERRORS,
    ),
    Operation(
        "post",
        "/training-jobs/{job_name}/stop",
        "Stop a training job (409 when it has already ended)",
        TrainingJobStopping,
        errors=(400, 404, 409, 502, 503),
    ),
    Operation(
        "post",
        "/entries/{entry_id}/deployments",
        "Deploy an entry: CreateModel, CreateEndpointConfig and CreateEndpoint, all named "
        "endpoint_name. A retry with the same name deploys once",
        DeploymentCreated,
        status=201,
        body=CreateDeployment,
        errors=(400, 404, 409, 413, 502, 503),
    ),
    Operation(
        "get",
        "/deployments/{endpoint_name}",
        "An endpoint's status, failure reason, times and instances",
        DeploymentStatus,
        errors=_SAGEMAKER_ERRORS,
    ),
    Operation(
        "get",
        "/launches",
        "The training jobs and endpoints the caller launched from Shared Models, newest first",
        LaunchPage,
        query=LaunchQuery,
        errors=(400, 503),
    ),
)

OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "get",
        "/entries",
        "Query the catalog (scope, filters, full-text search, keyset paging)",
        EntryPage,
        query=EntryQuery,
        errors=(400,),
    ),
    Operation(
        "post",
        "/entries",
        "Share a model or notebook (the ID is derived from the title unless given)",
        Entry,
        status=201,
        body=CreateEntry,
        errors=(400, 409, 413),
        response_headers={"Location": "URL of the new entry", "ETag": "its version"},
    ),
    Operation(
        "get",
        "/entries/{entry_id}",
        "One entry",
        Entry,
        errors=(404,),
        response_headers={"ETag": "the entry's version, for If-Match"},
    ),
    Operation(
        "put",
        "/entries/{entry_id}",
        "Replace an entry (owner only)",
        Entry,
        body=ReplaceEntry,
        errors=(400, 403, 404, 412, 413, 428),
        request_headers={"If-Match": "the ETag of the version being replaced"},
        response_headers={"ETag": "the new version"},
    ),
    Operation(
        "delete",
        "/entries/{entry_id}",
        "Delete an entry (owner only)",
        None,
        status=204,
        errors=(403, 404, 412),
        request_headers={"If-Match": "optional: only delete this version"},
    ),
    Operation("get", "/options", "Vocabularies and choices for the forms", Options),
    Operation("get", "/me", "Who 'me' is in the catalog", Me),
    Operation(
        "get",
        "/id-suggestions",
        "The ID a new entry with this title would get",
        IdSuggestion,
        query=IdSuggestionQuery,
        errors=(400,),
    ),
    Operation("get", "/openapi.json", "This document", None),
    Operation(
        "get",
        "/s3",
        "No uri: the caller's buckets. Else one page of folders and objects under the prefix",
        S3Listing,
        query=S3Query,
        errors=(400, 404, 502, 503),
        alternatives=(BucketList,),
    ),
    Operation(
        "get",
        "/s3/exists",
        "Is there an object at, or under, this S3 URI?",
        S3Exists,
        query=S3ExistsQuery,
        errors=(400, 502, 503),
    ),
    Operation(
        "post",
        "/notebooks/share",
        "Validate a workspace notebook with nbformat, upload it to S3 and list it. "
        "The body also carries the entry's basic information (as in CreateEntry).",
        Entry,
        status=201,
        body=ShareNotebookTarget,
        errors=(400, 404, 409, 413, 502, 503),
    ),
    Operation(
        "post",
        "/entries/{entry_id}/open",
        "Copy a shared notebook into the workspace (never overwriting)",
        OpenedNotebook,
        status=201,
        body=OpenNotebook,
        errors=(400, 404, 413, 502, 503),
    ),
    Operation(
        "post",
        "/entries/{entry_id}/validation-check",
        "Compare the CSV headers of the entry's training and validation datasets",
        DatasetCheck,
        errors=(400, 404, 502, 503),
    ),
    Operation(
        "post",
        "/validation-check",
        "Compare the CSV headers of two datasets (before an entry exists)",
        DatasetCheck,
        body=DatasetCheckRequest,
        errors=(400, 404, 502, 503),
    ),
    *LAUNCH_OPERATIONS,
)


def build_openapi(base_url: str = "/") -> dict[str, Any]:
    """The OpenAPI 3.1 document for a server mounted at ``base_url``."""
    models = {op.response for op in OPERATIONS} | {op.body for op in OPERATIONS}
    models |= {model for op in OPERATIONS for model in op.alternatives}
    models.add(ErrorResponse)
    named = sorted((m for m in models if m is not None), key=lambda m: m.__name__)
    _, schema = models_json_schema(
        [(model, "serialization" if model in _responses() else "validation") for model in named],
        ref_template=REF,
    )
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method] = _operation(op)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Shared Models", "version": __version__},
        "servers": [{"url": base_url.rstrip("/") + "/shared-models/api"}],
        "paths": paths,
        "components": {"schemas": schema.get("$defs", {})},
    }


def _responses() -> set[type[BaseModel]]:
    responses = {op.response for op in OPERATIONS if op.response is not None}
    return responses | {m for op in OPERATIONS for m in op.alternatives} | {ErrorResponse}


def _operation(op: Operation) -> dict[str, Any]:
    parameters: list[dict[str, Any]] = []
    for name in PATH_PARAMETER.findall(op.path):
        parameters.append(
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        )
    if op.query is not None:
        query_schema = op.query.model_json_schema(ref_template=REF)
        required = set(query_schema.get("required", []))
        for name, prop in query_schema.get("properties", {}).items():
            parameters.append(
                {"name": name, "in": "query", "required": name in required, "schema": prop}
            )
    for name, description in op.request_headers.items():
        parameters.append(
            {"name": name, "in": "header", "description": description, "schema": {"type": "string"}}
        )
    success: dict[str, Any] = {"description": op.summary}
    if op.response is not None and op.alternatives:
        options = [_ref(model) for model in (op.response, *op.alternatives)]
        success["content"] = {"application/json": {"schema": {"oneOf": options}}}
    elif op.response is not None:
        success["content"] = _json_content(op.response)
    elif op.path == "/openapi.json":
        success["content"] = {"application/json": {"schema": {"type": "object"}}}
    if op.response_headers:
        success["headers"] = {
            name: {"description": text, "schema": {"type": "string"}}
            for name, text in op.response_headers.items()
        }
    responses: dict[str, Any] = {str(op.status): success}
    for status in (*op.errors, 403):
        responses[str(status)] = {"description": "Error", "content": _json_content(ErrorResponse)}
    result: dict[str, Any] = {
        "summary": op.summary,
        "parameters": parameters,
        "responses": responses,
    }
    if op.body is not None:
        result["requestBody"] = {"required": True, "content": _json_content(op.body)}
    return result


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__)}


def _json_content(model: type[BaseModel]) -> dict[str, Any]:
    return {"application/json": {"schema": _ref(model)}}
