"""The container pickers: GET /ecr/images (moto's ECR), GET /dlc-image, GET /options."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import boto3
import pytest
from aws_faults import aws_error, inject
from conftest import Client
from launch_helpers import reply

REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com"


def manifest(layer: str) -> str:
    return json.dumps(
        {
            "schemaVersion": 2,
            "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {
                "mediaType": "application/vnd.docker.container.image.v1+json",
                "size": 1000,
                "digest": "sha256:" + layer * 64,
            },
            "layers": [],
        }
    )


@pytest.fixture
def ecr(aws: Any, moto_endpoint: str) -> Any:
    return boto3.client("ecr", region_name="us-east-1", endpoint_url=moto_endpoint)


def detail_locs(response: Any) -> list[list[str | int]]:
    return [detail["loc"] for detail in response.error["details"]]


async def test_lists_repositories(api: Client, ecr: Any) -> None:
    for name in ("team/churn-training", "fraud-inference"):
        ecr.create_repository(repositoryName=name)
    response = await api.get("ecr/images")
    assert response.status == 200, response.body
    assert response.body["truncated"] is False
    assert [(r["name"], r["uri"]) for r in response.body["repositories"]] == [
        ("fraud-inference", f"{REGISTRY}/fraud-inference"),
        ("team/churn-training", f"{REGISTRY}/team/churn-training"),
    ]
    assert response.body["repositories"][0]["created_at"].endswith("Z")


async def test_lists_the_images_of_a_repository_with_uris(api: Client, ecr: Any) -> None:
    ecr.create_repository(repositoryName="team/churn-training")
    ecr.put_image(repositoryName="team/churn-training", imageManifest=manifest("a"), imageTag="1.0")
    ecr.put_image(
        repositoryName="team/churn-training", imageManifest=manifest("a"), imageTag="latest"
    )
    response = await api.get("ecr/images", repository="team/churn-training")
    assert response.status == 200, response.body
    listing = response.body
    assert listing["repository"] == "team/churn-training"
    assert listing["repository_uri"] == f"{REGISTRY}/team/churn-training"
    assert sorted(image["uri"] for image in listing["images"]) == [
        f"{REGISTRY}/team/churn-training:1.0",
        f"{REGISTRY}/team/churn-training:latest",
    ]
    image = listing["images"][0]
    assert image["digest"].startswith("sha256:")
    assert image["pushed_at"].endswith("Z")


async def test_images_newest_first_and_untagged_by_digest(
    api: Client, ecr: Any, jp_serverapp: Any
) -> None:
    ecr.create_repository(repositoryName="churn")

    def pushed(day: int) -> datetime:
        return datetime(2026, 11, day, 9, 0, tzinfo=timezone.utc)

    digests = {name: "sha256:" + name * 64 for name in "abc"}
    inject(
        jp_serverapp,
        "ecr",
        "DescribeImages",
        lambda params: reply(
            {
                "imageDetails": [
                    {"imageDigest": digests["a"], "imageTags": ["1.0"], "imagePushedAt": pushed(1)},
                    {
                        "imageDigest": digests["b"],
                        "imageTags": ["2.0", "latest"],
                        "imagePushedAt": pushed(3),
                        "imageSizeInBytes": 123,
                    },
                    {"imageDigest": digests["c"], "imagePushedAt": pushed(2)},
                ]
            }
        ),
    )
    response = await api.get("ecr/images", repository="churn")
    assert response.status == 200, response.body
    assert [(image["tag"], image["uri"]) for image in response.body["images"]] == [
        ("2.0", f"{REGISTRY}/churn:2.0"),
        ("latest", f"{REGISTRY}/churn:latest"),
        (None, f"{REGISTRY}/churn@{digests['c']}"),
        ("1.0", f"{REGISTRY}/churn:1.0"),
    ]
    assert response.body["images"][0]["size_bytes"] == 123
    assert response.body["images"][0]["pushed_at"] == "2026-11-03T09:00:00Z"


async def test_unknown_repository_is_404(api: Client, ecr: Any) -> None:
    response = await api.get("ecr/images", repository="no-such-repo")
    assert response.status == 404
    assert "RepositoryNotFoundException" in response.error["message"]


async def test_invalid_repository_name_is_400(api: Client) -> None:
    response = await api.get("ecr/images", repository="Has Spaces")
    assert response.status == 400
    assert detail_locs(response) == [["repository"]]


async def test_ecr_access_denied_is_403(api: Client, ecr: Any, jp_serverapp: Any) -> None:
    inject(
        jp_serverapp,
        "ecr",
        "DescribeRepositories",
        lambda params: aws_error("AccessDeniedException", "not authorized", 400),
    )
    response = await api.get("ecr/images")
    assert response.status == 403


# -- Deep Learning Containers ----------------------------------------------------


async def test_options_serve_the_dlc_choices(api: Client) -> None:
    options = (await api.get("options")).body["deep_learning_containers"]
    frameworks = {item["id"]: item for item in options["frameworks"]}
    pytorch = frameworks["pytorch"]
    assert pytorch["training"]["repository"] == "pytorch-training"
    release = next(v for v in pytorch["training"]["versions"] if v["version"] == "2.5.1")
    assert release["python"] == ["py311"]
    assert release["processors"]["gpu"] == {"os": "ubuntu22.04", "cuda": "cu124"}
    assert release["processors"]["cpu"] == {"os": "ubuntu22.04", "cuda": None}
    assert options["registries"]["default_account"] == "763104351884"
    assert options["registries"]["accounts"]["af-south-1"] == "626614931356"


async def test_dlc_image_in_the_servers_region(api: Client, aws: Any) -> None:
    response = await api.get(
        "dlc-image", framework="pytorch", version="2.5.1", processor="gpu", python="3.11"
    )
    assert response.status == 200, response.body
    assert response.body == {
        "uri": "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
        "pytorch-training:2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker",
        "account": "763104351884",
        "region": "us-east-1",
        "repository": "pytorch-training",
        "tag": "2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker",
    }


async def test_dlc_image_in_another_region(api: Client) -> None:
    response = await api.get(
        "dlc-image",
        framework="tensorflow",
        scope="inference",
        version="2.16.1",
        processor="cpu",
        python="py310",
        region="me-central-1",
    )
    assert response.status == 200, response.body
    assert response.body["uri"] == (
        "914824155844.dkr.ecr.me-central-1.amazonaws.com/"
        "tensorflow-inference:2.16.1-cpu-py310-ubuntu20.04-sagemaker"
    )


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"version": "9.9.9"}, ["version"]),
        ({"framework": "caffe"}, ["framework"]),
        ({"processor": "tpu"}, ["processor"]),
        ({"python": "py27"}, ["python"]),
        ({"region": "moon-1"}, ["region"]),
    ],
)
async def test_dlc_image_choices_are_checked(
    api: Client, params: dict[str, str], loc: list[str]
) -> None:
    query = {
        "framework": "pytorch",
        "version": "2.5.1",
        "processor": "gpu",
        "python": "py311",
        "region": "us-east-1",
    }
    query.update(params)
    response = await api.get("dlc-image", **query)
    assert response.status == 400, response.body
    assert detail_locs(response) == [loc]
