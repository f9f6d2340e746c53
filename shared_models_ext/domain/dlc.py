"""AWS Deep Learning Containers: the choices (``data/deep_learning_containers.json``) and
the image URI of one choice in one region. Pure: no AWS call, no tornado."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Final

from .errors import invalid_field
from .models.containers import (
    REGION_PATTERN,
    DeepLearningContainers,
    DlcFamily,
    DlcImage,
    DlcImageQuery,
    DlcVersion,
)

DATA_FILE: Final = "deep_learning_containers.json"
_PYTHON_FORMS: Final = re.compile(r"(?:py)?(?P<major>\d)\.?(?P<minor>\d{1,2})")


@lru_cache(maxsize=1)
def load_containers() -> DeepLearningContainers:
    """The table shipped in ``shared_models_ext/data/deep_learning_containers.json``."""
    text = files("shared_models_ext").joinpath("data").joinpath(DATA_FILE).read_text("utf-8")
    return DeepLearningContainers.model_validate_json(text)


def registry_account(region: str, table: DeepLearningContainers | None = None) -> str:
    """The AWS account of the DLC registry in ``region``."""
    registries = (table or load_containers()).registries
    return registries.accounts.get(region, registries.default_account)


def registry_host(region: str, table: DeepLearningContainers | None = None) -> str:
    """``ACCOUNT.dkr.ecr.REGION.amazonaws.com`` (``.com.cn`` in the China regions)."""
    check_region(region)
    domain = "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
    return f"{registry_account(region, table)}.dkr.ecr.{region}.{domain}"


def check_region(region: str) -> str:
    if not REGION_PATTERN.fullmatch(region):
        raise invalid_field(["region"], f"'{region}' is not an AWS region such as us-east-1")
    if region.startswith("us-iso"):
        raise invalid_field(
            ["region"], f"Deep Learning Container URIs of {region} are not known to Shared Models"
        )
    return region


def normalize_python(value: str) -> str:
    """``"3.11"``, ``"311"`` and ``"py311"`` all mean ``"py311"``."""
    match = _PYTHON_FORMS.fullmatch(value.strip().lower())
    if not match:
        raise invalid_field(["python"], f"'{value}' is not a Python version such as py311")
    return f"py{match['major']}{match['minor']}"


def image_tag(version: str, processor: str, python: str, os: str, cuda: str | None) -> str:
    """``2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker`` (no CUDA part for CPU images)."""
    parts = [version, processor, python]
    if processor == "gpu" and cuda:
        parts.append(cuda)
    parts += [os, "sagemaker"]
    return "-".join(parts)


def dlc_image(
    query: DlcImageQuery, region: str, table: DeepLearningContainers | None = None
) -> DlcImage:
    """The image URI of one choice in ``region``; 400 naming the parameter that fits no
    image of the table."""
    table = table or load_containers()
    family = _family(table, query.framework, query.scope)
    release = _release(family, query.version, query.framework, query.scope)
    build = release.processors.get(query.processor)
    if build is None:
        offered = ", ".join(release.processors)
        raise invalid_field(
            ["processor"], f"{query.framework} {release.version} is built for {offered} only"
        )
    python = normalize_python(query.python)
    if python not in release.python:
        raise invalid_field(
            ["python"],
            f"{query.framework} {release.version} comes with {', '.join(release.python)}",
        )
    host = registry_host(region, table)
    tag = image_tag(release.version, query.processor, python, build.os, build.cuda)
    return DlcImage(
        uri=f"{host}/{family.repository}:{tag}",
        account=registry_account(region, table),
        region=region,
        repository=family.repository,
        tag=tag,
    )


def _family(table: DeepLearningContainers, framework: str, scope: str) -> DlcFamily:
    for item in table.frameworks:
        if item.id == framework:
            family = item.training if scope == "training" else item.inference
            if family is None:
                raise invalid_field(["scope"], f"there are no {scope} images of {framework}")
            return family
    known = ", ".join(item.id for item in table.frameworks)
    raise invalid_field(["framework"], f"'{framework}' has no Deep Learning Container ({known})")


def _release(family: DlcFamily, version: str, framework: str, scope: str) -> DlcVersion:
    for release in family.versions:
        if release.version == version:
            return release
    known = ", ".join(release.version for release in family.versions)
    raise invalid_field(["version"], f"{framework} {scope} images come in versions {known}")
