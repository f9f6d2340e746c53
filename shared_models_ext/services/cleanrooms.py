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

from collections.abc import Callable
from typing import Final

from ..aws.cleanrooms import CleanRoomsMLService
from ..aws.sagemaker import NameInUse
from ..domain.errors import Conflict, SharedModelsError
from ..domain.models import Entry
from ..domain.models.cleanrooms import (
    AlgorithmAssociation,
    AlgorithmRegistered,
    RegisterAlgorithm,
    RegisteredAlgorithm,
    RegisteredAlgorithmPage,
    RegisteredAlgorithmQuery,
    RegistrationCheck,
)
from ..store import LaunchStore
from ..training import launched_from
from ..training.cleanrooms_request import RegistrationPlan, registration_plan
from .catalog import EntryCatalog
from .launch_records import record_launch

ALGORITHM_KIND: Final = "cr-algorithm"
ASSOCIATION_KIND: Final = "cr-association"


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
        catalog: EntryCatalog,
        cleanrooms: CleanRoomsMLService,
        open_store: Callable[[], LaunchStore],
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

    def _plan(self, viewer: str, entry_id: str, body: RegisterAlgorithm) -> RegistrationPlan:
        entry = self._catalog.get(viewer, entry_id)
        try:
            region: str | None = self._cleanrooms.region
        except SharedModelsError:
            region = None  # no region configured: the real request says so plainly
        return registration_plan(
            entry, body, viewer, default_role_arn=self._default_role_arn, region=region
        )

    def _record(
        self, kind: str, viewer: str, entry: Entry, name: str, arn: str, region: str
    ) -> None:
        record_launch(
            self._open_store(), entry, owner=viewer, kind=kind, name=name, arn=arn, region=region
        )
