"""Clean Rooms ML registration: ``POST /entries/{id}/cleanrooms-algorithms`` and
``GET /cleanrooms-algorithms``.

moto has no ``cleanroomsml``: botocore's ``Stubber`` answers on the server's own client
(it checks every request against the service model), and a ``before-parameter-build``
handler records what the server sent, asserted field by field. One test talks to a
small fake endpoint on loopback reached through ``AWS_ENDPOINT_URL_CLEANROOMSML``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import botocore.session
import payloads
import pytest
from aws_stubs import OperationStubber, record_requests, stubbed
from conftest import ME, Client

from shared_models_ext.domain.models import cleanrooms as schema

ROLE = "arn:aws:iam::123456789012:role/CleanRoomsML"
DEFAULT_ROLE = "arn:aws:iam::123456789012:role/DefaultCleanRooms"
KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ECR_TRAINING = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-training:1.0"
ECR_INFERENCE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-inference:1.0"
ALGORITHM_ARN = (
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-model-algorithm/"
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
)
MEMBERSHIP = "1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f"
ASSOCIATION_ARN = (
    f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{MEMBERSHIP}/"
    "configured-model-algorithm-association/assoc-1"
)
CREATE = "CreateConfiguredModelAlgorithm"
ASSOCIATE = "CreateConfiguredModelAlgorithmAssociation"
EPOCH = "2026-12-01T10:00:00Z"


@pytest.fixture
def jp_server_config(clean_db: str) -> dict[str, Any]:
    return {
        "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
        "SharedModelsApp": {
            "db_url": clean_db,
            "username": ME,
            "cleanrooms_role_arn": DEFAULT_ROLE,
        },
    }


@pytest.fixture
def stub(jp_serverapp: Any, aws: Any) -> Iterator[OperationStubber]:
    """The server's own Clean Rooms ML client, answered by a Stubber (nothing queued:
    any call fails the request)."""
    with stubbed(jp_serverapp, "cleanroomsml") as stubber:
        yield stubber


@pytest.fixture
def sent(jp_serverapp: Any, aws: Any) -> dict[str, list[dict[str, Any]]]:
    return record_requests(jp_serverapp, "cleanroomsml")


async def ecr_entry(api: Client, **training: Any) -> dict[str, Any]:
    """A model whose training and inference images are in the caller's own ECR."""
    spec = payloads.tabular_training(image={"source": "ecr", "uri": ECR_TRAINING}, **training)
    inference = payloads.inference(image={"source": "ecr", "uri": ECR_INFERENCE})
    return await api.create(payloads.model(training=spec, inference=inference))


def tags(entry_id: str, user: str = ME) -> dict[str, str]:
    return {"shared-models:entry-id": entry_id, "shared-models:launched-by": user}


# -- the service model's constraints -------------------------------------------------


def test_constraints_equal_the_service_model() -> None:
    model = botocore.session.get_session().get_service_model("cleanroomsml")
    shapes = {name: model.shape_for(name).metadata for name in model.shape_names}
    assert (shapes["NameString"]["min"], shapes["NameString"]["max"]) == (
        schema.NAME_MIN,
        schema.NAME_MAX,
    )
    assert shapes["NameString"]["pattern"] == schema.NAME_AWS_PATTERN
    assert shapes["ResourceDescription"]["max"] == schema.DESCRIPTION_MAX
    assert shapes["ResourceDescription"]["pattern"] == schema.DESCRIPTION_AWS_PATTERN
    assert shapes["IamRoleArn"] == {
        "min": schema.ROLE_ARN_MIN,
        "max": schema.ROLE_ARN_MAX,
        "pattern": schema.ROLE_ARN_AWS_PATTERN,
    }
    assert shapes["KmsKeyArn"] == {
        "min": schema.KMS_KEY_ARN_MIN,
        "max": schema.KMS_KEY_ARN_MAX,
        "pattern": schema.KMS_KEY_ARN_AWS_PATTERN,
    }
    assert shapes["UUID"] == {
        "min": schema.MEMBERSHIP_ID_LENGTH,
        "max": schema.MEMBERSHIP_ID_LENGTH,
        "pattern": schema.MEMBERSHIP_ID_AWS_PATTERN,
    }
    for name in ("ContainerEntrypoint", "ContainerArguments"):
        assert shapes[name] == {"min": schema.CONTAINER_LIST_MIN, "max": schema.CONTAINER_LIST_MAX}
    for name in ("ContainerEntrypointString", "ContainerArgument"):
        assert (shapes[name]["min"], shapes[name]["max"]) == (
            schema.CONTAINER_STRING_MIN,
            schema.CONTAINER_STRING_MAX,
        )
    assert shapes["AlgorithmImage"]["max"] == schema.IMAGE_URI_MAX
    assert shapes["MetricDefinitionList"]["max"] == schema.METRICS_MAX
    assert shapes["MetricName"]["max"] == schema.METRIC_NAME_MAX
    assert shapes["MetricRegex"]["max"] == schema.METRIC_REGEX_MAX
    assert shapes["TagMap"]["max"] == schema.TAGS_MAX
    assert shapes["TagKey"]["max"] == schema.TAG_KEY_MAX
    assert shapes["TagValue"]["max"] == schema.TAG_VALUE_MAX
    assert shapes["AccountIdList"] == {
        "min": schema.ACCOUNT_IDS_MIN,
        "max": schema.ACCOUNT_IDS_MAX,
    }
    assert shapes["LogsConfigurationPolicyFilterPatternString"]["max"] == (
        schema.FILTER_PATTERN_MAX
    )
    assert tuple(shapes["NoiseLevelType"]["enum"]) == schema.NOISE_LEVELS
    artifact = shapes["TrainedModelArtifactMaxSizeValue"]
    assert (artifact["min"], artifact["max"]) == (
        schema.ARTIFACT_SIZE_MIN,
        schema.ARTIFACT_SIZE_MAX,
    )
    output = shapes["TrainedModelInferenceMaxOutputSizeValue"]
    assert (output["min"], output["max"]) == (schema.OUTPUT_SIZE_MIN, schema.OUTPUT_SIZE_MAX)


# -- registering ---------------------------------------------------------------------


async def test_register_sends_the_entrys_containers(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await ecr_entry(api)
    stub.add_response(CREATE, {"configuredModelAlgorithmArn": ALGORITHM_ARN})
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms",
        {
            "name": "churn-algorithm",
            "role_arn": ROLE,
            "description": "Churn model\nfor the collaboration",
            "entrypoint": ["python", "train.py"],
            "arguments": ["--epochs", "10"],
            "kms_key_arn": KMS,
        },
    )
    assert response.status == 201, response.body
    stub.assert_no_pending_responses()
    [request] = sent[CREATE]
    assert request["name"] == "churn-algorithm"
    assert request["roleArn"] == ROLE
    assert request["description"] == "Churn model\nfor the collaboration"
    assert request["kmsKeyArn"] == KMS
    container = request["trainingContainerConfig"]
    assert container["imageUri"] == entry["training"]["image"]["uri"] == ECR_TRAINING
    assert container["metricDefinitions"] == entry["training"]["metrics"]
    assert container["entrypoint"] == ["python", "train.py"]
    assert container["arguments"] == ["--epochs", "10"]
    assert request["inferenceContainerConfig"] == {"imageUri": ECR_INFERENCE}
    assert request["tags"] == tags(entry["id"])
    assert set(request) == {
        "name",
        "roleArn",
        "description",
        "kmsKeyArn",
        "trainingContainerConfig",
        "inferenceContainerConfig",
        "tags",
    }
    assert response.body["configured_model_algorithm_arn"] == ALGORITHM_ARN
    assert response.body["association_arn"] is None
    assert response.body["adopted"] is False
    assert response.body["warnings"] == []
    assert "cleanrooms" in response.body["console_url"]
    assert "us-east-1" in response.body["console_url"]

    mine = await api.get("cleanrooms-algorithms")
    assert mine.status == 200, mine.body
    [item] = mine.body["items"]
    assert item["name"] == "churn-algorithm"
    assert item["configured_model_algorithm_arn"] == ALGORITHM_ARN
    assert item["association_arn"] is None
    assert item["entry_id"] == entry["id"]
    assert mine.body["next_cursor"] is None


async def test_the_role_defaults_to_the_setting_and_optional_fields_are_left_out(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await api.create(
        payloads.model(
            training=payloads.tabular_training(image={"source": "ecr", "uri": ECR_TRAINING})
        )
    )
    stub.add_response(CREATE, {"configuredModelAlgorithmArn": ALGORITHM_ARN})
    response = await api.post(f"entries/{entry['id']}/cleanrooms-algorithms", {"name": "churn"})
    assert response.status == 201, response.body
    [request] = sent[CREATE]
    assert request["roleArn"] == DEFAULT_ROLE
    assert set(request) == {"name", "roleArn", "trainingContainerConfig", "tags"}
    assert set(request["trainingContainerConfig"]) == {"imageUri", "metricDefinitions"}


async def test_the_association_carries_the_privacy_configuration(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await ecr_entry(api)
    stub.add_response(CREATE, {"configuredModelAlgorithmArn": ALGORITHM_ARN})
    stub.add_response(ASSOCIATE, {"configuredModelAlgorithmAssociationArn": ASSOCIATION_ARN})
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms",
        {
            "name": "churn-algorithm",
            "role_arn": ROLE,
            "association": {
                "membership_id": MEMBERSHIP,
                "name": "churn-in-collab",
                "description": "For the churn collaboration",
                "privacy_configuration": {
                    "container_logs": {
                        "allowed_account_ids": ["111122223333", "444455556666"],
                        "filter_pattern": "ERROR",
                    },
                    "metrics_noise_level": "MEDIUM",
                    "max_artifact_size_gb": 2.5,
                    "max_output_size_gb": 10,
                },
            },
        },
    )
    assert response.status == 201, response.body
    stub.assert_no_pending_responses()
    [request] = sent[ASSOCIATE]
    assert request == {
        "membershipIdentifier": MEMBERSHIP,
        "configuredModelAlgorithmArn": ALGORITHM_ARN,
        "name": "churn-in-collab",
        "description": "For the churn collaboration",
        "privacyConfiguration": {
            "policies": {
                "trainedModels": {
                    "containerLogs": [
                        {
                            "allowedAccountIds": ["111122223333", "444455556666"],
                            "filterPattern": "ERROR",
                        }
                    ],
                    "containerMetrics": {"noiseLevel": "MEDIUM"},
                    "maxArtifactSize": {"unit": "GB", "value": 2.5},
                },
                "trainedModelInferenceJobs": {"maxOutputSize": {"unit": "GB", "value": 10.0}},
            }
        },
        "tags": tags(entry["id"]),
    }
    assert response.body["association_arn"] == ASSOCIATION_ARN
    mine = await api.get("cleanrooms-algorithms")
    assert mine.body["items"][0]["association_arn"] == ASSOCIATION_ARN


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"name": "x" * 64}, ["name"]),
        ({"name": "   "}, ["name"]),
        ({"name": ""}, ["name"]),
        ({"name": "ok", "description": "d" * 256}, ["description"]),
        ({"name": "ok", "role_arn": "arn:aws:iam::12345:role/x"}, ["role_arn"]),
        ({"name": "ok", "entrypoint": []}, ["entrypoint"]),
        ({"name": "ok", "entrypoint": ["x" * 257]}, ["entrypoint", 0]),
        ({"name": "ok", "arguments": ["a"] * 101}, ["arguments"]),
        ({"name": "ok", "kms_key_arn": "arn:aws:kms:us-east-1:1:key/x"}, ["kms_key_arn"]),
        (
            {"name": "ok", "association": {"membership_id": MEMBERSHIP[:-1], "name": "a"}},
            ["association", "membership_id"],
        ),
        (
            {"name": "ok", "association": {"membership_id": MEMBERSHIP + "0", "name": "a"}},
            ["association", "membership_id"],
        ),
        (
            {"name": "ok", "association": {"membership_id": MEMBERSHIP.upper(), "name": "a"}},
            ["association", "membership_id"],
        ),
        (
            {
                "name": "ok",
                "association": {
                    "membership_id": MEMBERSHIP,
                    "name": "a",
                    "privacy_configuration": {"metrics_noise_level": "LOUD"},
                },
            },
            ["association", "privacy_configuration", "metrics_noise_level"],
        ),
        (
            {
                "name": "ok",
                "association": {
                    "membership_id": MEMBERSHIP,
                    "name": "a",
                    "privacy_configuration": {"max_artifact_size_gb": 0},
                },
            },
            ["association", "privacy_configuration", "max_artifact_size_gb"],
        ),
        (
            {
                "name": "ok",
                "association": {
                    "membership_id": MEMBERSHIP,
                    "name": "a",
                    "privacy_configuration": {"container_logs": {"allowed_account_ids": []}},
                },
            },
            ["association", "privacy_configuration", "container_logs", "allowed_account_ids"],
        ),
        ({"name": "ok", "surprise": 1}, ["surprise"]),
    ],
)
async def test_a_field_outside_the_apis_constraints_is_400_and_nothing_is_sent(
    api: Client,
    stub: OperationStubber,
    sent: dict[str, list[dict[str, Any]]],
    body: dict[str, Any],
    loc: list[Any],
) -> None:
    entry = await ecr_entry(api)
    response = await api.post(f"entries/{entry['id']}/cleanrooms-algorithms", body)
    assert response.status == 400, response.body
    assert response.error["code"] == "invalid"
    assert loc in [detail["loc"] for detail in response.error["details"]]
    assert sent == {}
    mine = await api.get("cleanrooms-algorithms")
    assert mine.body["items"] == []


async def test_a_dlc_image_is_a_warning_before_anything_is_sent(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    # payloads.training() uses a Deep Learning Container from account 763104351884.
    entry = await api.create(payloads.model(training=payloads.tabular_training(metrics=[])))
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms",
        {"name": "churn", "role_arn": ROLE},
        params={"dry_run": "true"},
    )
    assert response.status == 200, response.body
    warnings = response.body["warnings"]
    assert any("Deep Learning Container" in w and "763104351884" in w for w in warnings)
    assert any("no metrics" in w for w in warnings)
    assert sent == {}

    stub.add_response(CREATE, {"configuredModelAlgorithmArn": ALGORITHM_ARN})
    registered = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms", {"name": "churn", "role_arn": ROLE}
    )
    assert registered.status == 201, registered.body
    assert registered.body["warnings"] == warnings


async def test_an_image_of_another_account_or_region_is_a_warning(api: Client, aws: Any) -> None:
    other = "210987654321.dkr.ecr.eu-west-1.amazonaws.com/churn-training:1.0"
    entry = await api.create(
        payloads.model(training=payloads.tabular_training(image={"source": "ecr", "uri": other}))
    )
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms",
        {"name": "churn", "role_arn": ROLE},
        params={"dry_run": "true"},
    )
    assert response.status == 200, response.body
    warnings = " ".join(response.body["warnings"])
    for mentioned in ("210987654321", "123456789012", "eu-west-1", "us-east-1"):
        assert mentioned in warnings


async def test_an_entry_without_training_or_a_notebook_is_400(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    deploy_only = await api.create(payloads.model("Deploy only", inference=payloads.inference()))
    notebook = await api.create(payloads.notebook())
    for entry in (deploy_only, notebook):
        response = await api.post(
            f"entries/{entry['id']}/cleanrooms-algorithms", {"name": "x", "role_arn": ROLE}
        )
        assert response.status == 400, response.body
        assert response.error["details"][0]["loc"] == ["entry_id"]
    assert sent == {}


async def test_an_entry_the_caller_cannot_see_is_404(
    api: Client, as_user: Any, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    bob = as_user("bob")
    private = await bob.create(
        payloads.model(
            "Bob's private model",
            share={"organization": False, "users": [], "canvas_users": []},
            training=payloads.tabular_training(),
        )
    )
    for entry_id in (private["id"], "no-such-entry"):
        response = await api.post(
            f"entries/{entry_id}/cleanrooms-algorithms", {"name": "x", "role_arn": ROLE}
        )
        assert response.status == 404, response.body
    assert sent == {}


# -- retries and AWS's refusals ------------------------------------------------------


def _conflict(stub: OperationStubber, operation: str) -> None:
    stub.add_client_error(
        operation,
        service_error_code="ConflictException",
        service_message="A resource with this name already exists.",
        http_status_code=409,
    )


def _listed(stub: OperationStubber, name: str) -> None:
    stub.add_response(
        "ListConfiguredModelAlgorithms",
        {
            "configuredModelAlgorithms": [
                {
                    "createTime": EPOCH,
                    "updateTime": EPOCH,
                    "configuredModelAlgorithmArn": ALGORITHM_ARN,
                    "name": name,
                }
            ]
        },
    )


async def test_a_retry_adopts_the_algorithm_this_user_registered(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await ecr_entry(api)
    _conflict(stub, CREATE)
    _listed(stub, "churn-algorithm")
    stub.add_response(
        "ListTagsForResource", {"tags": tags(entry["id"])}, {"resourceArn": ALGORITHM_ARN}
    )
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms",
        {"name": "churn-algorithm", "role_arn": ROLE},
    )
    assert response.status == 201, response.body
    assert response.body["adopted"] is True
    assert response.body["configured_model_algorithm_arn"] == ALGORITHM_ARN
    stub.assert_no_pending_responses()
    assert len(sent[CREATE]) == 1
    mine = await api.get("cleanrooms-algorithms")
    assert [item["name"] for item in mine.body["items"]] == ["churn-algorithm"]


async def test_a_name_held_by_something_else_is_409(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await ecr_entry(api)
    _conflict(stub, CREATE)
    _listed(stub, "churn-algorithm")
    stub.add_response("ListTagsForResource", {"tags": tags(entry["id"], "carol")})
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms",
        {"name": "churn-algorithm", "role_arn": ROLE},
    )
    assert response.status == 409, response.body
    assert response.error["code"] == "conflict"
    assert response.error["details"][0]["loc"] == ["name"]
    assert "ConflictException" in response.error["message"]
    mine = await api.get("cleanrooms-algorithms")
    assert mine.body["items"] == []


async def test_an_association_retry_adopts_and_a_foreign_one_is_409(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await ecr_entry(api)
    body = {
        "name": "churn-algorithm",
        "role_arn": ROLE,
        "association": {"membership_id": MEMBERSHIP, "name": "churn-in-collab"},
    }
    summary = {
        "createTime": EPOCH,
        "updateTime": EPOCH,
        "configuredModelAlgorithmAssociationArn": ASSOCIATION_ARN,
        "configuredModelAlgorithmArn": ALGORITHM_ARN,
        "name": "churn-in-collab",
        "membershipIdentifier": MEMBERSHIP,
        "collaborationIdentifier": MEMBERSHIP,
    }
    for owner, status in ((ME, 201), ("carol", 409)):
        stub.add_response(CREATE, {"configuredModelAlgorithmArn": ALGORITHM_ARN})
        _conflict(stub, ASSOCIATE)
        stub.add_response(
            "ListConfiguredModelAlgorithmAssociations",
            {"configuredModelAlgorithmAssociations": [summary]},
            {"membershipIdentifier": MEMBERSHIP},
        )
        stub.add_response("ListTagsForResource", {"tags": tags(entry["id"], owner)})
        response = await api.post(f"entries/{entry['id']}/cleanrooms-algorithms", body)
        assert response.status == status, response.body
        stub.assert_no_pending_responses()
    mine = await api.get("cleanrooms-algorithms")
    [item] = mine.body["items"]
    assert item["association_arn"] == ASSOCIATION_ARN


async def test_access_denied_is_403_and_nothing_is_recorded(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await ecr_entry(api)
    stub.add_client_error(
        CREATE,
        service_error_code="AccessDeniedException",
        service_message="User is not authorized to perform this action",
        http_status_code=403,
    )
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms", {"name": "churn", "role_arn": ROLE}
    )
    assert response.status == 403, response.body
    assert response.error["code"] == "forbidden"
    assert "AccessDeniedException" in response.error["message"]
    mine = await api.get("cleanrooms-algorithms")
    assert mine.body["items"] == []


async def test_a_validation_exception_is_400_with_awss_words(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await ecr_entry(api)
    stub.add_client_error(
        CREATE,
        service_error_code="ValidationException",
        service_message="The role cannot be assumed by Clean Rooms ML.",
        http_status_code=400,
    )
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms", {"name": "churn", "role_arn": ROLE}
    )
    assert response.status == 400, response.body
    assert "cannot be assumed" in response.error["message"]


# -- "my launches" ---------------------------------------------------------------


async def test_registrations_are_in_my_launches(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await ecr_entry(api)
    stub.add_response(CREATE, {"configuredModelAlgorithmArn": ALGORITHM_ARN})
    stub.add_response(ASSOCIATE, {"configuredModelAlgorithmAssociationArn": ASSOCIATION_ARN})
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms",
        {
            "name": "churn-algorithm",
            "role_arn": ROLE,
            "association": {"membership_id": MEMBERSHIP, "name": "churn-in-collab"},
        },
    )
    assert response.status == 201, response.body
    launches = await api.get("launches")
    assert launches.status == 200, launches.body
    found = {(item["kind"], item["name"], item["arn"]) for item in launches.body["items"]}
    assert found == {
        ("cr-algorithm", "churn-algorithm", ALGORITHM_ARN),
        ("cr-association", "churn-algorithm", ASSOCIATION_ARN),
    }
    only = await api.get("launches", kind="cr-algorithm")
    assert [item["kind"] for item in only.body["items"]] == ["cr-algorithm"]


async def test_registrations_are_paged(
    api: Client, stub: OperationStubber, sent: dict[str, list[dict[str, Any]]]
) -> None:
    entry = await ecr_entry(api)
    for index in range(3):
        stub.add_response(CREATE, {"configuredModelAlgorithmArn": f"{ALGORITHM_ARN}{index}"})
        response = await api.post(
            f"entries/{entry['id']}/cleanrooms-algorithms",
            {"name": f"algo-{index}", "role_arn": ROLE},
        )
        assert response.status == 201, response.body
    first = await api.get("cleanrooms-algorithms", limit=2)
    assert [item["name"] for item in first.body["items"]] == ["algo-2", "algo-1"]
    second = await api.get("cleanrooms-algorithms", limit=2, cursor=first.body["next_cursor"])
    assert [item["name"] for item in second.body["items"]] == ["algo-0"]
    assert second.body["next_cursor"] is None
    bad = await api.get("cleanrooms-algorithms", cursor="not-a-cursor")
    assert bad.status == 400, bad.body


# -- the service-specific endpoint variable ------------------------------------------


class _FakeCleanRooms(BaseHTTPRequestHandler):
    received: list[tuple[str, str, dict[str, Any]]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        self.received.append(("POST", self.path, body))
        payload = json.dumps({"configuredModelAlgorithmArn": ALGORITHM_ARN}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def fake_endpoint(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[type[_FakeCleanRooms]]:
    handler = type("Handler", (_FakeCleanRooms,), {"received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLEANROOMSML", f"http://{host!s}:{port}")
    yield handler
    server.shutdown()
    server.server_close()


async def test_the_service_specific_endpoint_variable_is_honoured(
    api: Client, fake_endpoint: type[_FakeCleanRooms]
) -> None:
    entry = await ecr_entry(api)
    response = await api.post(
        f"entries/{entry['id']}/cleanrooms-algorithms", {"name": "churn", "role_arn": ROLE}
    )
    assert response.status == 201, response.body
    [(method, path, body)] = fake_endpoint.received
    assert (method, path) == ("POST", "/configured-model-algorithms")
    assert body["name"] == "churn"
    assert body["trainingContainerConfig"]["imageUri"] == ECR_TRAINING
