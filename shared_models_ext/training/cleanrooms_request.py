"""The requests that register an entry with AWS Clean Rooms ML, checked before sending.

Pure: from an entry and the user's form to the ``CreateConfiguredModelAlgorithm`` (and
``CreateConfiguredModelAlgorithmAssociation``) request, the 400 that says what breaks the
API's constraints, and the warnings worth reading first (images Clean Rooms ML cannot
pull, no metrics). ``services/cleanrooms.py`` sends them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ..domain.dlc import load_containers
from ..domain.errors import ErrorDetail, InvalidInput
from ..domain.models import Entry
from ..domain.models.cleanrooms import (
    IMAGE_URI_MAX,
    METRIC_NAME_MAX,
    METRIC_REGEX_MAX,
    METRICS_MAX,
    ROLE_ARN,
    AlgorithmAssociation,
    PrivacyConfiguration,
    RegisterAlgorithm,
)
from . import launch_tags

# The registry host of an ECR image URI (entries hold only ECR URIs: domain/models/uris.py).
_ECR_HOST: Final = re.compile(r"(?P<account>\d{12})\.dkr\.ecr\.(?P<region>[a-z0-9-]+)\.")


@dataclass(frozen=True)
class RegistrationPlan:
    """What a registration will send, checked, with the warnings to show first."""

    entry: Entry
    algorithm: dict[str, object]
    association: dict[str, object] | None
    warnings: list[str]


def registration_plan(
    entry: Entry,
    body: RegisterAlgorithm,
    viewer: str,
    *,
    default_role_arn: str | None,
    region: str | None,
) -> RegistrationPlan:
    """The checked requests of a registration, or the 400 that says what to fix.

    ``region``: where the algorithm will be registered (None when none is configured:
    the real request says so plainly).
    """
    problems: list[ErrorDetail] = []
    role = body.role_arn or default_role_arn
    if not role:
        problems.append(
            {
                "loc": ["role_arn"],
                "msg": "choose the IAM role Clean Rooms ML uses to pull the images "
                "(or set SharedModelsApp.cleanrooms_role_arn)",
            }
        )
    elif not ROLE_ARN.fullmatch(role) or not 20 <= len(role) <= 2048:
        problems.append(
            {
                "loc": ["role_arn"],
                "msg": f"'{role[:80]}' (the cleanrooms_role_arn setting) is not an IAM role "
                "ARN such as arn:aws:iam::123456789012:role/MyRole",
            }
        )
    training = entry.training
    if entry.kind != "model" or training is None:
        raise InvalidInput(
            f"The entry '{entry.id}' has no training container to register with Clean "
            "Rooms ML; enable training on it first.",
            [{"loc": ["entry_id"], "msg": "the entry has no training container"}],
        )
    images = [("training", training.image.uri)]
    if entry.inference is not None:
        images.append(("inference", entry.inference.image.uri))
    for scope, uri in images:
        if len(uri) > IMAGE_URI_MAX:
            problems.append(
                {
                    "loc": ["entry_id"],
                    "msg": f"the entry's {scope} image URI is longer than Clean Rooms ML "
                    f"allows ({IMAGE_URI_MAX} characters)",
                }
            )
    metrics = training.metrics
    if len(metrics) > METRICS_MAX or any(
        len(m.name) > METRIC_NAME_MAX or len(m.regex) > METRIC_REGEX_MAX for m in metrics
    ):
        problems.append(
            {
                "loc": ["entry_id"],
                "msg": f"Clean Rooms ML takes at most {METRICS_MAX} metric definitions, names "
                f"of at most {METRIC_NAME_MAX} and regexes of at most {METRIC_REGEX_MAX} "
                "characters",
            }
        )
    if problems:
        fields = ", ".join(dict.fromkeys(".".join(map(str, p["loc"])) for p in problems))
        raise InvalidInput(f"The registration cannot be sent: {fields}", problems)
    assert role is not None
    tags = {item["Key"]: item["Value"] for item in launch_tags(entry.id, viewer)}
    container: dict[str, object] = {
        "imageUri": training.image.uri,
        "metricDefinitions": [{"name": m.name, "regex": m.regex} for m in metrics],
    }
    if body.entrypoint:
        container["entrypoint"] = list(body.entrypoint)
    if body.arguments:
        container["arguments"] = list(body.arguments)
    algorithm: dict[str, object] = {
        "name": body.name,
        "roleArn": role,
        "trainingContainerConfig": container,
        "tags": tags,
    }
    if body.description:
        algorithm["description"] = body.description
    if entry.inference is not None:
        algorithm["inferenceContainerConfig"] = {"imageUri": entry.inference.image.uri}
    if body.kms_key_arn:
        algorithm["kmsKeyArn"] = body.kms_key_arn
    association = None
    if body.association is not None:
        association = _association_request(body.association, tags)
    return RegistrationPlan(entry, algorithm, association, _warnings(entry, role, images, region))


def _warnings(
    entry: Entry, role: str, images: list[tuple[str, str]], region: str | None
) -> list[str]:
    found: list[str] = []
    training = entry.training
    registries = load_containers().registries
    dlc_accounts = {registries.default_account, *registries.accounts.values()}
    role_account = role.split(":")[4]
    for scope, uri in images:
        host = _ECR_HOST.match(uri)
        if host is None:
            continue
        account, image_region = host["account"], host["region"]
        if account in dlc_accounts:
            found.append(
                f"The {scope} image {uri} is an AWS Deep Learning Container (registry "
                f"account {account}). Clean Rooms ML can only pull an image from an ECR "
                f"repository of your own account ({role_account}): push the image there "
                "and point the entry at it before a collaboration uses the algorithm."
            )
        elif account != role_account:
            found.append(
                f"The {scope} image {uri} is in AWS account {account}, not in the account "
                f"of the role ({role_account}). Clean Rooms ML pulls images from an ECR "
                "repository of the account that registers the algorithm."
            )
        if region is not None and image_region != region:
            found.append(
                f"The {scope} image {uri} is in {image_region}, but the algorithm is "
                f"registered in {region}: Clean Rooms ML needs the image in the same region."
            )
    if training is not None and not training.metrics:
        found.append(
            "The entry defines no metrics: Clean Rooms ML will report no training metrics "
            "for models trained with this algorithm."
        )
    return found


def _association_request(
    association: AlgorithmAssociation, tags: dict[str, str]
) -> dict[str, object]:
    request: dict[str, object] = {
        "membershipIdentifier": association.membership_id,
        "name": association.name,
        "tags": tags,
    }
    if association.description:
        request["description"] = association.description
    if association.privacy_configuration is not None:
        request["privacyConfiguration"] = _privacy(association.privacy_configuration)
    return request


def _privacy(config: PrivacyConfiguration) -> dict[str, object]:
    """The API's ``privacyConfiguration``: trained models' logs, metrics, artifact size;
    inference jobs' output size."""
    trained: dict[str, object] = {}
    if config.container_logs is not None:
        logs: dict[str, object] = {
            "allowedAccountIds": list(config.container_logs.allowed_account_ids)
        }
        if config.container_logs.filter_pattern is not None:
            logs["filterPattern"] = config.container_logs.filter_pattern
        trained["containerLogs"] = [logs]
    if config.metrics_noise_level is not None:
        trained["containerMetrics"] = {"noiseLevel": config.metrics_noise_level}
    if config.max_artifact_size_gb is not None:
        trained["maxArtifactSize"] = {"unit": "GB", "value": config.max_artifact_size_gb}
    policies: dict[str, object] = {}
    if trained:
        policies["trainedModels"] = trained
    if config.max_output_size_gb is not None:
        policies["trainedModelInferenceJobs"] = {
            "maxOutputSize": {"unit": "GB", "value": config.max_output_size_gb}
        }
    return {"policies": policies}
