"""SageMaker private hubs: ``GET/POST /hubs`` and ``/entries/{id}/hub-publications``.

moto has no hub API: botocore's ``Stubber`` answers on the server's own SageMaker client
(checking every request against the service model) and a ``before-parameter-build``
handler records what the server sent, asserted field by field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import botocore.session
import payloads
import pytest
from aws_stubs import OperationStubber, record_requests, stubbed
from conftest import ME, Client

from shared_models_ext.domain.models import hubs as schema
from shared_models_ext.services.hubs import next_version, record_name
from shared_models_ext.training.hub_document import HUB_MODEL_DOCUMENT_KEYS

ECR_TRAINING = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-training:1.0"
HUB = "team-models"
HUB_ARN = f"arn:aws:sagemaker:us-east-1:123456789012:hub/{HUB}"
NOW = "2026-12-01T10:00:00Z"


def content_arn(name: str, version: str = "1.0.0", kind: str = "Model") -> str:
    return f"arn:aws:sagemaker:us-east-1:123456789012:hub-content/{HUB}/{kind}/{name}/{version}"


@pytest.fixture
def stub(jp_serverapp: Any, aws: Any) -> Iterator[OperationStubber]:
    """The server's own SageMaker client, answered by a Stubber."""
    with stubbed(jp_serverapp, "sagemaker") as stubber:
        yield stubber


@pytest.fixture
def sent(jp_serverapp: Any, aws: Any) -> dict[str, list[dict[str, Any]]]:
    return record_requests(jp_serverapp, "sagemaker")


def not_found(stub: OperationStubber, operation: str = "DescribeHubContent") -> None:
    stub.add_client_error(
        operation,
        service_error_code="ResourceNotFound",
        service_message="Hub content not found.",
        http_status_code=400,
    )


def described(request: dict[str, Any], status: str = "Available") -> dict[str, Any]:
    """DescribeHubContent's answer for the content ``request`` imported."""
    reply = {
        key: request[key]
        for key in (
            "HubContentName",
            "HubContentVersion",
            "HubContentType",
            "DocumentSchemaVersion",
            "HubContentDisplayName",
            "HubContentDocument",
            "HubContentSearchKeywords",
        )
    }
    if "HubContentDescription" in request:
        reply["HubContentDescription"] = request["HubContentDescription"]
    return {
        **reply,
        "HubName": HUB,
        "HubArn": HUB_ARN,
        "HubContentArn": content_arn(request["HubContentName"], request["HubContentVersion"]),
        "HubContentStatus": status,
        "CreationTime": NOW,
    }


def test_constraints_equal_the_service_model() -> None:
    model = botocore.session.get_session().get_service_model("sagemaker")
    meta = {name: model.shape_for(name).metadata for name in model.shape_names}
    assert meta["HubName"]["max"] == schema.HUB_NAME_MAX
    assert meta["HubName"]["pattern"] == schema.HUB_NAME_AWS_PATTERN
    assert meta["HubDescription"]["max"] == schema.HUB_DESCRIPTION_MAX
    assert meta["HubDisplayName"]["max"] == schema.HUB_DISPLAY_NAME_MAX
    assert meta["HubSearchKeywordList"]["max"] == schema.HUB_KEYWORDS_MAX
    assert meta["HubSearchKeyword"]["max"] == schema.HUB_KEYWORD_MAX
    assert meta["HubSearchKeyword"]["pattern"] == schema.HUB_KEYWORD_AWS_PATTERN
    assert meta["NextToken"]["max"] == schema.NEXT_TOKEN_MAX
    assert meta["MaxResults"]["max"] == schema.LIST_MAX_RESULTS


def test_versions_and_record_names() -> None:
    assert next_version(None) == "1.0.0"
    assert next_version("1.0.0") == "1.1.0"
    assert next_version("2.9998.3") == "2.9999.0"
    assert next_version("2.9999.0") == "3.0.0"
    assert record_name("hub", "churn") == "hub/churn"
    long = record_name("h" * 63, "c" * 63)
    assert len(long) <= 63
    assert long != record_name("h" * 62 + "x", "c" * 63)


# -- hubs ----------------------------------------------------------------------------


async def test_hubs_are_listed_and_paged(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    summary = {
        "HubName": HUB,
        "HubArn": HUB_ARN,
        "HubDisplayName": "Team models",
        "HubDescription": "What the team trains",
        "HubStatus": "InService",
        "CreationTime": NOW,
        "LastModifiedTime": NOW,
    }
    stub.add_response("ListHubs", {"HubSummaries": [summary], "NextToken": "page-2"})
    stub.add_response(
        "ListHubs",
        {"HubSummaries": [{**summary, "HubName": "other", "HubDisplayName": ""}]},
    )
    first = await api.get("hubs", limit=1)
    assert first.status == 200, first.body
    assert first.body == {
        "items": [
            {
                "name": HUB,
                "arn": HUB_ARN,
                "display_name": "Team models",
                "description": "What the team trains",
                "status": "InService",
            }
        ],
        "next_cursor": "page-2",
    }
    second = await api.get("hubs", limit=1, cursor="page-2")
    assert second.body["items"][0]["display_name"] is None
    assert second.body["next_cursor"] is None
    assert sent["ListHubs"][0]["MaxResults"] == 1
    assert "NextToken" not in sent["ListHubs"][0]
    assert sent["ListHubs"][1]["NextToken"] == "page-2"


async def test_create_a_hub(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    stub.add_response("CreateHub", {"HubArn": HUB_ARN})
    response = await api.post(
        "hubs",
        {
            "name": HUB,
            "description": "What the team trains",
            "display_name": "Team models",
            "search_keywords": ["churn", "tabular"],
        },
    )
    assert response.status == 201, response.body
    assert sent["CreateHub"] == [
        {
            "HubName": HUB,
            "HubDescription": "What the team trains",
            "HubDisplayName": "Team models",
            "HubSearchKeywords": ["churn", "tabular"],
            "Tags": [{"Key": "shared-models:launched-by", "Value": ME}],
        }
    ]
    assert response.body == {
        "name": HUB,
        "arn": HUB_ARN,
        "display_name": "Team models",
        "description": "What the team trains",
        "status": "Creating",
    }


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"name": "-bad", "description": "d"}, ["name"]),
        ({"name": "a" * 64, "description": "d"}, ["name"]),
        ({"name": HUB, "description": "d" * 1024}, ["description"]),
        ({"name": HUB}, ["description"]),
        ({"name": HUB, "description": "d", "search_keywords": ["Churn"]}, ["search_keywords", 0]),
        ({"name": HUB, "description": "d", "search_keywords": ["k"] * 51}, ["search_keywords"]),
        ({"name": HUB, "description": "d", "display_name": "x" * 256}, ["display_name"]),
    ],
)
async def test_a_bad_hub_is_400_and_nothing_is_sent(
    api: Client,
    stub: OperationStubber,
    sent: dict[str, list[dict[str, Any]]],
    body: dict[str, Any],
    loc: list[Any],
) -> None:
    response = await api.post("hubs", body)
    assert response.status == 400, response.body
    assert loc in [detail["loc"] for detail in response.error["details"]]
    assert sent == {}


async def test_a_taken_hub_name_is_409(api: Client, stub: OperationStubber) -> None:
    stub.add_client_error(
        "CreateHub",
        service_error_code="ResourceInUse",
        service_message="Hub already exists",
        http_status_code=400,
    )
    response = await api.post("hubs", {"name": HUB, "description": "d"})
    assert response.status == 409, response.body
    assert response.error["details"][0]["loc"] == ["name"]


# -- publishing ----------------------------------------------------------------------


def _document(request: dict[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(request["HubContentDocument"])
    assert set(document) <= HUB_MODEL_DOCUMENT_KEYS | {"NotebookLocation"}
    return document


async def test_publish_a_model_with_training_and_deployment(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await api.create(
        payloads.model(
            training=payloads.tabular_training(image={"source": "ecr", "uri": ECR_TRAINING}),
            inference=payloads.inference(),
        )
    )
    not_found(stub)
    stub.add_response(
        "ImportHubContent", {"HubArn": HUB_ARN, "HubContentArn": content_arn(entry["id"])}
    )
    response = await api.post(f"entries/{entry['id']}/hub-publications", {"hub_name": HUB})
    assert response.status == 201, response.body
    stub.assert_no_pending_responses()
    [request] = sent["ImportHubContent"]
    assert {key: value for key, value in request.items() if key != "HubContentDocument"} == {
        "HubName": HUB,
        "HubContentName": entry["id"],
        "HubContentVersion": "1.0.0",
        "HubContentType": "Model",
        "DocumentSchemaVersion": "2.3.0",
        "HubContentDisplayName": entry["title"],
        "HubContentDescription": entry["description"],
        "HubContentMarkdown": entry["description"],
        "HubContentSearchKeywords": entry["keywords"],
        "Tags": [
            {"Key": "shared-models:entry-id", "Value": entry["id"]},
            {"Key": "shared-models:launched-by", "Value": ME},
        ],
    }
    document = _document(request)
    training, inference = entry["training"], entry["inference"]
    assert document["TrainingSupported"] is True
    assert document["TrainingEcrUri"] == ECR_TRAINING
    assert document["TrainingScriptUri"] == training["script_uri"]
    assert document["TrainingMetrics"] == [
        {"Name": m["name"], "Regex": m["regex"]} for m in training["metrics"]
    ]
    assert document["DefaultTrainingInstanceType"] == training["default_instance_type"]
    assert document["SupportedTrainingInstanceTypes"] == training["instance_types"]
    assert document["TrainingEnableNetworkIsolation"] is training["network_isolation"]
    assert document["DefaultTrainingDatasetUri"] == training["training_data_uri"]
    ranges = {item["Name"]: item for item in document["Hyperparameters"]}
    assert ranges["epochs"] == {
        "Name": "epochs",
        "Type": "int",
        "Min": 1,
        "Max": 100,
        "Default": "10",
        "Scope": "algorithm",
    }
    assert ranges["optimizer"]["Options"] == ["adam", "sgd"]
    assert ranges["sagemaker_program"]["Default"] == training["entry_point"]
    assert document["HostingEcrUri"] == inference["image"]["uri"]
    assert document["HostingArtifactUri"] == inference["model_data_uri"]
    assert document["HostingScriptUri"] == inference["script_uri"]
    assert document["DefaultInferenceInstanceType"] == inference["default_instance_type"]
    assert document["SupportedInferenceInstanceTypes"] == inference["instance_types"]
    assert (document["Task"], document["Framework"], document["Datatype"]) == (
        entry["task"],
        entry["framework"],
        entry["data_type"],
    )
    assert response.body == {
        "hub_name": HUB,
        "content_name": entry["id"],
        "content_type": "Model",
        "version": "1.0.0",
        "status": "Importing",
        "arn": content_arn(entry["id"]),
        "failure_reason": None,
    }

    stub.add_response("DescribeHubContent", described(request))
    where = await api.get(f"entries/{entry['id']}/hub-publications")
    assert where.status == 200, where.body
    assert where.body["items"] == [{**response.body, "status": "Available"}]


async def test_publish_a_model_with_training_only(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await api.create(payloads.model(training=payloads.tabular_training()))
    not_found(stub)
    stub.add_response(
        "ImportHubContent", {"HubArn": HUB_ARN, "HubContentArn": content_arn(entry["id"])}
    )
    response = await api.post(f"entries/{entry['id']}/hub-publications", {"hub_name": HUB})
    assert response.status == 201, response.body
    document = _document(sent["ImportHubContent"][0])
    assert document["TrainingSupported"] is True
    assert document["TrainingEcrUri"] == entry["training"]["image"]["uri"]
    assert not [key for key in document if key.startswith(("Hosting", "Inference"))]
    assert "DefaultInferenceInstanceType" not in document


async def test_publish_a_notebook(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await api.create(payloads.notebook())
    arn = content_arn(entry["id"], kind="Notebook")
    not_found(stub)
    stub.add_response("ImportHubContent", {"HubArn": HUB_ARN, "HubContentArn": arn})
    response = await api.post(f"entries/{entry['id']}/hub-publications", {"hub_name": HUB})
    assert response.status == 201, response.body
    [request] = sent["ImportHubContent"]
    assert request["HubContentType"] == "Notebook"
    assert request["DocumentSchemaVersion"] == "1.0.0"
    assert json.loads(request["HubContentDocument"]) == {
        "NotebookLocation": entry["notebook"]["s3_uri"],
        "Dependencies": [],
    }
    assert response.body["content_type"] == "Notebook"
    assert sent["DescribeHubContent"][0]["HubContentType"] == "Notebook"


async def test_republishing_an_edited_entry_imports_a_new_version(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await api.create(payloads.model(training=payloads.tabular_training()))
    path = f"entries/{entry['id']}/hub-publications"
    not_found(stub)
    stub.add_response(
        "ImportHubContent", {"HubArn": HUB_ARN, "HubContentArn": content_arn(entry["id"])}
    )
    assert (await api.post(path, {"hub_name": HUB})).status == 201
    first = sent["ImportHubContent"][0]

    # Unchanged: the latest version is the answer, nothing is imported.
    stub.add_response("DescribeHubContent", described(first))
    again = await api.post(path, {"hub_name": HUB})
    assert again.status == 201, again.body
    assert again.body["version"] == "1.0.0"
    assert again.body["status"] == "Available"
    assert len(sent["ImportHubContent"]) == 1

    # Edited: a new HubContentVersion.
    changed = {
        key: entry[key]
        for key in entry
        if key not in ("owner", "created_at", "updated_at", "version")
    }
    changed["training"] = {**entry["training"], "default_instance_type": "ml.g5.2xlarge"}
    edited = await api.put(f"entries/{entry['id']}", changed, if_match='"1"')
    assert edited.status == 200, edited.body
    stub.add_response("DescribeHubContent", described(first))
    stub.add_response(
        "ImportHubContent", {"HubArn": HUB_ARN, "HubContentArn": content_arn(entry["id"], "1.1.0")}
    )
    republished = await api.post(path, {"hub_name": HUB})
    assert republished.status == 201, republished.body
    second = sent["ImportHubContent"][1]
    assert second["HubContentVersion"] == "1.1.0"
    assert (
        json.loads(second["HubContentDocument"])["DefaultTrainingInstanceType"] == "ml.g5.2xlarge"
    )
    assert republished.body["version"] == "1.1.0"
    stub.assert_no_pending_responses()

    stub.add_response("DescribeHubContent", described(second, status="Importing"))
    where = await api.get(path)
    [item] = where.body["items"]
    assert (item["version"], item["status"]) == ("1.1.0", "Importing")


async def test_only_the_owner_publishes(api: Client, as_user: Any, stub: OperationStubber) -> None:
    entry = await api.create(payloads.model(training=payloads.tabular_training()))
    bob = as_user("bob")
    response = await bob.post(f"entries/{entry['id']}/hub-publications", {"hub_name": HUB})
    assert response.status == 403, response.body
    assert response.error["code"] == "forbidden"
    seen = await bob.get(f"entries/{entry['id']}/hub-publications")
    assert seen.status == 200, seen.body
    assert seen.body["items"] == []


async def test_publishing_errors(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await api.create(payloads.model(training=payloads.tabular_training()))
    path = f"entries/{entry['id']}/hub-publications"
    bad = await api.post(path, {"hub_name": "not a hub"})
    assert bad.status == 400, bad.body
    assert bad.error["details"][0]["loc"] == ["hub_name"]
    assert sent == {}
    assert (
        await api.post("entries/no-such-entry/hub-publications", {"hub_name": HUB})
    ).status == 404

    not_found(stub)
    not_found(stub, "ImportHubContent")
    missing = await api.post(path, {"hub_name": HUB})
    assert missing.status == 400, missing.body
    assert missing.error["details"][0]["loc"] == ["hub_name"]

    not_found(stub)
    stub.add_client_error(
        "ImportHubContent",
        service_error_code="AccessDeniedException",
        service_message="not authorized to perform sagemaker:ImportHubContent",
        http_status_code=403,
    )
    denied = await api.post(path, {"hub_name": HUB})
    assert denied.status == 403, denied.body
    where = await api.get(path)
    assert where.body["items"] == []
