"""``?dry_run=true`` on the five routes that take it: every check of the real request,
nothing stored, started or sent to AWS; 200 ``{"ok": true}`` or exactly the error the
real request gives (compared with the real request's own answer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import payloads
import pytest
from conftest import ME, Client, Response
from launch_helpers import ROLE, sagemaker_client, trainable_entry
from local_run_helpers import runnable_entry, write_code

DRY = {"dry_run": "true"}
OK = {"ok": True}


@pytest.fixture
def runs_dir(tmp_path: Path) -> Path:
    return tmp_path / "runs"


@pytest.fixture
def jp_server_config(clean_db: str, runs_dir: Path) -> dict[str, Any]:
    return {
        "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
        "SharedModelsApp": {"db_url": clean_db, "username": ME, "local_runs_dir": str(runs_dir)},
    }


@pytest.fixture
def sagemaker_sends(jp_serverapp: Any, aws: Any) -> list[str]:
    """The URL of every request the server's SageMaker clients send (still sent on)."""
    sent: list[str] = []

    def record(request: Any, **_: Any) -> None:
        sent.append(request.url)

    services = jp_serverapp.web_app.settings["shared_models"]
    for long in (False, True):
        services.aws.client("sagemaker", long=long).meta.events.register(
            "before-send.sagemaker", record
        )
    return sent


async def post(api: Client, path: str, body: Any, *, dry: bool) -> Response:
    return await api.post(path, body, params=DRY if dry else {})


async def put(api: Client, path: str, body: Any, if_match: str | None, *, dry: bool) -> Response:
    headers = {} if if_match is None else {"If-Match": if_match}
    return await api.request(
        "PUT", path, json_body=body, params=DRY if dry else {}, headers=headers
    )


def assert_same_error(dry: Response, real: Response, status: int) -> None:
    """The dry run's answer is the real request's: status, code, message and details."""
    assert (dry.status, real.status) == (status, status), (dry.body, real.body)
    assert dry.body == real.body
    assert dry.error["details"] or status != 400


async def my_entries(api: Client) -> list[dict[str, Any]]:
    listing = await api.get("entries", scope="mine")
    assert listing.status == 200, listing.body
    return listing.body["items"]  # type: ignore[no-any-return]


# -- POST /entries ---------------------------------------------------------------


async def test_create_dry_run_stores_nothing(api: Client) -> None:
    response = await post(api, "entries", payloads.model("Churn dry"), dry=True)
    assert response.status == 200, response.body
    assert response.body == OK
    assert "ETag" not in response.headers
    assert "Location" not in response.headers
    assert await my_entries(api) == []
    # The ID it would have taken is still free.
    assert (await api.get("id-suggestions", title="Churn dry")).body == {"id": "churn-dry"}


@pytest.mark.parametrize(
    "body",
    [
        payloads.model(keywords=" ".join(f"k{number}" for number in range(51))),
        payloads.model(task="object-detection"),
        payloads.model(training=payloads.training()),
        payloads.notebook(share={"organization": True, "users": [], "canvas_users": ["x"]}),
        payloads.model(unexpected="field"),
    ],
    ids=["keywords", "task", "tabular", "canvas", "extra"],
)
async def test_create_dry_run_gives_the_real_400(api: Client, body: dict[str, Any]) -> None:
    dry = await post(api, "entries", body, dry=True)
    real = await post(api, "entries", body, dry=False)
    assert_same_error(dry, real, 400)
    assert await my_entries(api) == []


async def test_create_dry_run_with_a_taken_id_is_the_real_409(api: Client) -> None:
    await api.create(payloads.model("First", id="shared-name"))
    body = payloads.model("Second", id="shared-name")
    dry = await post(api, "entries", body, dry=True)
    real = await post(api, "entries", body, dry=False)
    assert_same_error(dry, real, 409)
    assert [entry["title"] for entry in await my_entries(api)] == ["First"]


async def test_a_query_parameter_create_does_not_know_is_a_400(api: Client) -> None:
    response = await api.post("entries", payloads.model(), params={"dry": "true"})
    assert response.status == 400
    assert response.error["details"][0]["loc"] == ["dry"]
    assert await my_entries(api) == []


# -- PUT /entries/{id} -----------------------------------------------------------


async def test_replace_dry_run_changes_nothing(api: Client) -> None:
    entry = await api.create(payloads.model("Churn"))
    path = f"entries/{entry['id']}"
    edited = {**payloads.model("Churn renamed"), "id": entry["id"]}
    response = await put(api, path, edited, '"1"', dry=True)
    assert response.status == 200, response.body
    assert response.body == OK
    assert "ETag" not in response.headers
    after = await api.get(path)
    assert after.body == entry
    assert after.headers["ETag"] == '"1"'


@pytest.mark.parametrize(
    ("if_match", "change", "status"),
    [
        (None, {}, 428),
        ('"7"', {}, 412),
        ('"1"', {"kind": "notebook"}, 400),
        ('"1"', {"title": ""}, 400),
        ('"1"', {"id": "another-id"}, 400),
    ],
    ids=["no-if-match", "stale", "kind", "title", "id"],
)
async def test_replace_dry_run_gives_the_real_error(
    api: Client, if_match: str | None, change: dict[str, Any], status: int
) -> None:
    entry = await api.create(payloads.model("Churn"))
    path = f"entries/{entry['id']}"
    body = {**payloads.model("Churn renamed"), "id": entry["id"], **change}
    dry = await put(api, path, body, if_match, dry=True)
    real = await put(api, path, body, if_match, dry=False)
    assert_same_error(dry, real, status)
    assert (await api.get(path)).body == entry


async def test_replace_dry_run_of_an_unknown_entry_is_the_real_404(api: Client) -> None:
    body = payloads.model("Nothing here")
    dry = await put(api, "entries/no-such-entry", body, '"1"', dry=True)
    real = await put(api, "entries/no-such-entry", body, '"1"', dry=False)
    assert_same_error(dry, real, 404)


# -- POST /entries/{id}/training-jobs --------------------------------------------


async def test_training_dry_run_sends_nothing_to_aws(
    api: Client, aws: Any, moto_endpoint: str, sagemaker_sends: list[str]
) -> None:
    entry = await trainable_entry(api)
    body = {
        "role_arn": ROLE,
        "job_name": "churn-dry-1",
        "instance_type": "ml.g5.2xlarge",
        "hyperparameters": {"epochs": 20},
    }
    response = await post(api, f"entries/{entry['id']}/training-jobs", body, dry=True)
    assert response.status == 200, response.body
    assert response.body == OK
    assert sagemaker_sends == []
    assert sagemaker_client(moto_endpoint).list_training_jobs()["TrainingJobSummaries"] == []
    assert (await api.get("launches")).body["items"] == []
    # The same body launches for real.
    launched = await post(api, f"entries/{entry['id']}/training-jobs", body, dry=False)
    assert launched.status == 201, launched.body
    assert sagemaker_sends


@pytest.mark.parametrize(
    "body",
    [
        {"role_arn": ROLE, "hyperparameters": {"epochs": "1000", "unknown": "1"}},
        {"role_arn": ROLE, "instance_type": "ml.p4d.24xlarge"},
        {"hyperparameters": {"epochs": 5}},
        {"role_arn": ROLE, "job_name": "not a name"},
        {"role_arn": ROLE, "instance_count": 0},
    ],
    ids=["hyperparameters", "instance-type", "no-role", "job-name", "instance-count"],
)
async def test_training_dry_run_gives_the_real_400(
    api: Client, aws: Any, moto_endpoint: str, sagemaker_sends: list[str], body: dict[str, Any]
) -> None:
    entry = await trainable_entry(api)
    path = f"entries/{entry['id']}/training-jobs"
    dry = await post(api, path, body, dry=True)
    real = await post(api, path, body, dry=False)
    assert_same_error(dry, real, 400)
    assert sagemaker_sends == []
    assert sagemaker_client(moto_endpoint).list_training_jobs()["TrainingJobSummaries"] == []


async def test_training_dry_run_of_a_model_without_training(
    api: Client, aws: Any, sagemaker_sends: list[str]
) -> None:
    entry = await api.create(payloads.notebook())
    path = f"entries/{entry['id']}/training-jobs"
    dry = await post(api, path, {"role_arn": ROLE}, dry=True)
    real = await post(api, path, {"role_arn": ROLE}, dry=False)
    assert_same_error(dry, real, 400)
    assert sagemaker_sends == []


# -- POST /entries/{id}/deployments ----------------------------------------------


async def test_deployment_dry_run_sends_nothing_to_aws(
    api: Client, aws: Any, moto_endpoint: str, sagemaker_sends: list[str]
) -> None:
    entry = await trainable_entry(api)
    body = {"role_arn": ROLE, "endpoint_name": "churn-dry", "instance_count": 2}
    response = await post(api, f"entries/{entry['id']}/deployments", body, dry=True)
    assert response.status == 200, response.body
    assert response.body == OK
    assert sagemaker_sends == []
    sagemaker = sagemaker_client(moto_endpoint)
    assert sagemaker.list_models()["Models"] == []
    assert sagemaker.list_endpoint_configs()["EndpointConfigs"] == []
    assert sagemaker.list_endpoints()["Endpoints"] == []
    assert (await api.get("launches")).body["items"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"role_arn": ROLE, "instance_type": "ml.g5.xlarge"},
        {"role_arn": ROLE, "endpoint_name": "x" * 64},
        {"role_arn": "arn:aws:iam::123:role/x"},
        {},
    ],
    ids=["instance-type", "endpoint-name", "role", "no-role"],
)
async def test_deployment_dry_run_gives_the_real_400(
    api: Client, aws: Any, moto_endpoint: str, sagemaker_sends: list[str], body: dict[str, Any]
) -> None:
    entry = await trainable_entry(api)
    path = f"entries/{entry['id']}/deployments"
    dry = await post(api, path, body, dry=True)
    real = await post(api, path, body, dry=False)
    assert_same_error(dry, real, 400)
    assert sagemaker_sends == []
    assert sagemaker_client(moto_endpoint).list_endpoints()["Endpoints"] == []


# -- POST /entries/{id}/local-runs -----------------------------------------------


async def test_local_run_dry_run_starts_nothing(
    api: Client, jp_root_dir: Path, runs_dir: Path
) -> None:
    entry = await runnable_entry(api)
    body = {"synthetic_rows": 5, "code": write_code(Path(jp_root_dir), "print(1)")}
    response = await post(api, f"entries/{entry['id']}/local-runs", body, dry=True)
    assert response.status == 200, response.body
    assert response.body == OK
    assert not runs_dir.exists() or not list(runs_dir.iterdir())
    assert (await api.get("local-runs")).body["items"] == []
    assert (await api.get("launches")).body["items"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"hyperparameters": {"epochs": "0", "optimizer": "rmsprop"}},
        {"channels": {"nope": "synthetic"}, "synthetic_rows": 5},
        {"instance_type": "ml.p4d.24xlarge", "synthetic_rows": 5},
        {"code": "../outside.py", "synthetic_rows": 5},
    ],
    ids=["hyperparameters", "channel", "instance-type", "code"],
)
async def test_local_run_dry_run_gives_the_real_400(
    api: Client, runs_dir: Path, body: dict[str, Any]
) -> None:
    entry = await runnable_entry(api)
    path = f"entries/{entry['id']}/local-runs"
    dry = await post(api, path, body, dry=True)
    real = await post(api, path, body, dry=False)
    assert_same_error(dry, real, 400)
    assert not runs_dir.exists() or not list(runs_dir.iterdir())
    assert (await api.get("local-runs")).body["items"] == []


# -- the document ----------------------------------------------------------------


async def test_the_document_declares_the_flag_on_each_route(api: Client) -> None:
    document = (await api.get("openapi.json")).body
    for method, path in (
        ("post", "/entries"),
        ("put", "/entries/{entry_id}"),
        ("post", "/entries/{entry_id}/training-jobs"),
        ("post", "/entries/{entry_id}/deployments"),
        ("post", "/entries/{entry_id}/local-runs"),
    ):
        operation = document["paths"][path][method]
        flags = [p for p in operation["parameters"] if p["name"] == "dry_run"]
        assert [(p["in"], p["required"], p["schema"]["type"]) for p in flags] == [
            ("query", False, "boolean")
        ], (method, path)
        shapes = operation["responses"]["200"]["content"]["application/json"]["schema"]
        refs = [shape["$ref"] for shape in shapes.get("oneOf", [shapes])]
        assert "#/components/schemas/DryRunOk" in refs, (method, path)
    assert document["components"]["schemas"]["DryRunOk"]["required"] == ["ok"]
