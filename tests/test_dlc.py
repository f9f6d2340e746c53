"""Deep Learning Container URIs (pure) and the table shipped in data/."""

from __future__ import annotations

from typing import Any

import pytest

from shared_models_ext.domain.dlc import (
    dlc_image,
    image_tag,
    load_containers,
    normalize_python,
    registry_account,
    registry_host,
)
from shared_models_ext.domain.errors import InvalidInput
from shared_models_ext.domain.models import validate_ecr_image_uri
from shared_models_ext.domain.models.containers import DlcImageQuery
from shared_models_ext.domain.vocabulary import FRAMEWORK_LABELS


def query(**overrides: Any) -> DlcImageQuery:
    values = {"framework": "pytorch", "version": "2.5.1", "processor": "gpu", "python": "py311"}
    values.update(overrides)
    return DlcImageQuery.model_validate(values)


@pytest.mark.parametrize(
    ("region", "account"),
    [
        ("us-east-1", "763104351884"),
        ("eu-west-1", "763104351884"),
        ("af-south-1", "626614931356"),
        ("ap-east-1", "871362719292"),
        ("ap-northeast-3", "364406365360"),
        ("ap-south-2", "772153158452"),
        ("ap-southeast-3", "907027046896"),
        ("ap-southeast-4", "457447274322"),
        ("ap-southeast-5", "550225433462"),
        ("ap-southeast-7", "590183813437"),
        ("ca-west-1", "204538143572"),
        ("eu-central-2", "380420809688"),
        ("eu-south-1", "692866216735"),
        ("eu-south-2", "503227376785"),
        ("il-central-1", "780543022126"),
        ("me-central-1", "914824155844"),
        ("me-south-1", "217643126080"),
        ("mx-central-1", "637423239942"),
        ("cn-north-1", "727897471807"),
        ("cn-northwest-1", "727897471807"),
        ("us-gov-east-1", "446045086412"),
        ("us-gov-west-1", "442386744353"),
    ],
)
def test_registry_account_per_region(region: str, account: str) -> None:
    assert registry_account(region) == account


def test_china_regions_use_the_cn_domain() -> None:
    assert registry_host("cn-north-1") == "727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn"
    assert registry_host("us-west-2") == "763104351884.dkr.ecr.us-west-2.amazonaws.com"


def test_tag_format() -> None:
    assert image_tag("2.5.1", "gpu", "py311", "ubuntu22.04", "cu124") == (
        "2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker"
    )
    assert image_tag("2.5.1", "cpu", "py311", "ubuntu22.04", None) == (
        "2.5.1-cpu-py311-ubuntu22.04-sagemaker"
    )


def test_gpu_training_image_uri() -> None:
    image = dlc_image(query(), "us-east-1")
    assert image.uri == (
        "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
        "pytorch-training:2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker"
    )
    assert (image.account, image.region, image.repository) == (
        "763104351884",
        "us-east-1",
        "pytorch-training",
    )


def test_cpu_image_has_no_cuda_part_and_matches_the_api_example() -> None:
    image = dlc_image(query(version="2.3.0", processor="cpu"), "us-east-1")
    assert image.uri == (
        "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
        "pytorch-training:2.3.0-cpu-py311-ubuntu20.04-sagemaker"
    )


def test_inference_image_in_an_exception_region() -> None:
    image = dlc_image(query(scope="inference", version="2.6.0", python="3.12"), "cn-north-1")
    assert image.uri == (
        "727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/"
        "pytorch-inference:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker"
    )


@pytest.mark.parametrize("given", ["py311", "3.11", "311", " PY311 "])
def test_python_versions_are_normalised(given: str) -> None:
    assert normalize_python(given) == "py311"


@pytest.mark.parametrize(
    ("overrides", "region", "loc"),
    [
        ({"framework": "caffe"}, "us-east-1", "framework"),
        ({"version": "0.4"}, "us-east-1", "version"),
        ({"python": "py27"}, "us-east-1", "python"),
        ({"python": "three"}, "us-east-1", "python"),
        ({}, "mars-north-1x", "region"),
        ({}, "us-iso-east-1", "region"),
    ],
)
def test_unknown_choices_are_refused_with_the_parameter(
    overrides: dict[str, str], region: str, loc: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        dlc_image(query(**overrides), region)
    assert [detail["loc"] for detail in caught.value.details] == [[loc]]


def test_every_choice_of_the_table_builds_a_valid_image_uri() -> None:
    table = load_containers()
    count = 0
    for framework in table.frameworks:
        assert framework.id in FRAMEWORK_LABELS  # the wizard can preselect it
        for scope, family in (("training", framework.training), ("inference", framework.inference)):
            assert family is not None
            for release in family.versions:
                for processor, build in release.processors.items():
                    assert (build.cuda is not None) == (processor == "gpu")
                    for python in release.python:
                        for region in ("us-east-1", "cn-northwest-1", "us-gov-west-1"):
                            choice = query(
                                framework=framework.id,
                                scope=scope,
                                version=release.version,
                                processor=processor,
                                python=python,
                            )
                            validate_ecr_image_uri(dlc_image(choice, region).uri)
                            count += 1
    assert count >= 30


def test_every_region_account_is_twelve_digits() -> None:
    registries = load_containers().registries
    for account in (registries.default_account, *registries.accounts.values()):
        assert len(account) == 12
        assert account.isdigit()
