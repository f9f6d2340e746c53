"""Registering an entry with AWS Clean Rooms ML, and each user's registrations.

No tornado here: handlers parse, call these methods off the event loop, serialise.

Anyone who can see an entry may register it (as anyone who can see it may launch a
training job from it): the configured model algorithm is created in the caller's own
AWS account, with the caller's credentials, and changes nothing in the catalog. It is
tagged ``shared-models:entry-id`` / ``shared-models:launched-by`` and recorded in "my
launches" (kinds ``cr-algorithm`` and ``cr-association``).

Retries never register twice: Clean Rooms ML refuses a second algorithm (or
association) with the same name with ``ConflictException``; when the one that holds the
name was registered from the same entry by the same user (its tags say so), it is the
answer; otherwise: 409.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ..aws.cleanrooms import CleanRoomsMLService
from ..aws.sagemaker import NameInUse
from ..domain.dlc import load_containers
from ..domain.errors import Conflict, ErrorDetail, InvalidInput, SharedModelsError
from ..domain.models import Entry
from ..domain.models.cleanrooms import (
    IMAGE_URI_MAX,
    METRIC_NAME_MAX,
    METRIC_REGEX_MAX,
    METRICS_MAX,
    ROLE_ARN,
    AlgorithmAssociation,
    AlgorithmRegistered,
    PrivacyConfiguration,
    RegisterAlgorithm,
    RegisteredAlgorithm,
    RegisteredAlgorithmPage,
    RegisteredAlgorithmQuery,
    RegistrationCheck,
)
from ..store import NewLaunch, SqlLaunchStore
from ..training import launch_tags, launched_from
from .catalog import Catalog

ALGORITHM_KIND: Final = "cr-algorithm"
ASSOCIATION_KIND: Final = "cr-association"
# The registry host of an ECR image URI (entries hold only ECR URIs: schemas/uris.py).
_ECR_HOST: Final = re.compile(r"(?P<account>\d{12})\.dkr\.ecr\.(?P<region>[a-z0-9-]+)\.")


@dataclass(frozen=True)
class _Plan:
    """What a registration will send, checked, with the warnings to show first."""

    entry: Entry
    algorithm: dict[str, object]
    association: dict[str, object] | None
    warnings: list[str]


def console_url(region: str) -> str:
    """The AWS Clean Rooms console's page of configured model algorithms in ``region``."""
    return (
        f"https://{region}.console.aws.amazon.com/cleanrooms/home?region={region}"
        "#/configured-model-algorithms"
    )


class CleanRoomsRegistrar:
    """Configured model algorithms registered from entries. Blocking: run off the loop."""

    def __init__(
        self,
        catalog: Catalog,
        cleanrooms: CleanRoomsMLService,
        open_store: Callable[[], SqlLaunchStore],
        default_role_arn: str | None = None,
    ) -> None:
        self._catalog = catalog
        self._cleanrooms = cleanrooms
        self._open_store = open_store
        self._default_role_arn = default_role_arn or None

    # -- registering -----------------------------------------------------------

    def check(self, viewer: str, entry_id: str, body: RegisterAlgorithm) -> RegistrationCheck:
        """``?dry_run=true``: every check of the real request; nothing sent to AWS."""
        return RegistrationCheck(warnings=self._plan(viewer, entry_id, body).warnings)

    def register(self, viewer: str, entry_id: str, body: RegisterAlgorithm) -> AlgorithmRegistered:
        plan = self._plan(viewer, entry_id, body)
        entry, name = plan.entry, body.name
        service = self._cleanrooms
        region = service.region
        adopted = False
        try:
            arn = service.create_configured_model_algorithm(plan.algorithm)
        except NameInUse as taken:
            found = self._adoptable(service.find_configured_model_algorithm(name), entry, viewer)
            if found is None:
                raise Conflict(
                    f"A Clean Rooms ML configured model algorithm named '{name}' already exists "
                    f"and was not registered from '{entry.id}' by {viewer}; choose another "
                    f"name. ({taken.message})",
                    [{"loc": ["name"], "msg": f"the name '{name}' is taken"}],
                ) from None
            arn, adopted = found, True
        # Recorded before the association: if that fails, a retry adopts this algorithm.
        self._record(ALGORITHM_KIND, viewer, entry, name, arn, region)
        association_arn = None
        if body.association is not None and plan.association is not None:
            association_arn = self._associate(
                body.association, plan.association, arn, entry, viewer
            )
            self._record(ASSOCIATION_KIND, viewer, entry, name, association_arn, region)
        return AlgorithmRegistered(
            name=name,
            configured_model_algorithm_arn=arn,
            association_arn=association_arn,
            adopted=adopted,
            warnings=plan.warnings,
            console_url=console_url(region),
        )

    def _associate(
        self,
        association: AlgorithmAssociation,
        request: dict[str, object],
        algorithm_arn: str,
        entry: Entry,
        viewer: str,
    ) -> str:
        service = self._cleanrooms
        request = {**request, "configuredModelAlgorithmArn": algorithm_arn}
        try:
            return service.create_association(request)
        except NameInUse as taken:
            found = service.find_association(
                association.membership_id, association.name, algorithm_arn
            )
            arn = self._adoptable(found, entry, viewer)
            if arn is None:
                raise Conflict(
                    f"The membership {association.membership_id} already has an association "
                    f"named '{association.name}' that was not made from '{entry.id}' by "
                    f"{viewer}; choose another name. ({taken.message})",
                    [{"loc": ["association", "name"], "msg": "the name is taken"}],
                ) from None
            return arn

    def _adoptable(self, arn: str | None, entry: Entry, viewer: str) -> str | None:
        if arn is None:
            return None
        tags = [{"Key": key, "Value": value} for key, value in self._cleanrooms.tags(arn).items()]
        return arn if launched_from(tags, entry.id, viewer) else None

    # -- my registrations ------------------------------------------------------

    def registrations(self, owner: str, query: RegisteredAlgorithmQuery) -> RegisteredAlgorithmPage:
        store = self._open_store()
        records, next_cursor = store.list(
            owner, kind=ALGORITHM_KIND, limit=query.limit, after=query.cursor
        )
        associations = {
            (record.region, record.name): record.arn
            for record in store.named(owner, ASSOCIATION_KIND, [r.name for r in records])
        }
        items = [
            RegisteredAlgorithm(
                name=record.name,
                configured_model_algorithm_arn=record.arn,
                association_arn=associations.get((record.region, record.name)),
                entry_id=record.entry_id,
                created=record.created_at,
            )
            for record in records
        ]
        return RegisteredAlgorithmPage(items=items, next_cursor=next_cursor)

    # -- the checks ------------------------------------------------------------

    def _plan(self, viewer: str, entry_id: str, body: RegisterAlgorithm) -> _Plan:
        entry = self._catalog.get(viewer, entry_id)
        problems: list[ErrorDetail] = []
        role = body.role_arn or self._default_role_arn
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
        return _Plan(entry, algorithm, association, self._warnings(entry, role, images))

    def _warnings(self, entry: Entry, role: str, images: list[tuple[str, str]]) -> list[str]:
        found: list[str] = []
        training = entry.training
        registries = load_containers().registries
        dlc_accounts = {registries.default_account, *registries.accounts.values()}
        role_account = role.split(":")[4]
        try:
            region: str | None = self._cleanrooms.region
        except SharedModelsError:
            region = None  # no region configured: the real request says so plainly
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

    def _record(
        self, kind: str, viewer: str, entry: Entry, name: str, arn: str, region: str
    ) -> None:
        self._open_store().record(
            NewLaunch(
                owner=viewer,
                kind=kind,
                name=name,
                entry_id=entry.id,
                entry_title=entry.title,
                arn=arn,
                region=region,
            )
        )


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
