"""Operations that take an entry where AWS users are: AWS Clean Rooms ML and SageMaker
private hubs."""

from __future__ import annotations

from ...domain.models.cleanrooms import (
    AlgorithmRegistered,
    RegisterAlgorithm,
    RegisteredAlgorithmPage,
    RegisteredAlgorithmQuery,
    RegistrationCheck,
)
from ...domain.models.dry_run import DryRunQuery
from ...domain.models.hubs import (
    CreateHub,
    Hub,
    HubPage,
    HubPublication,
    HubPublicationList,
    HubQuery,
    PublishToHub,
)
from ..handlers.cleanrooms import CleanRoomsAlgorithmsHandler, EntryCleanRoomsAlgorithmsHandler
from ..handlers.hubs import EntryHubPublicationsHandler, HubsHandler
from .operation import Operation

DESTINATION_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "post",
        "/entries/{entry_id}/cleanrooms-algorithms",
        EntryCleanRoomsAlgorithmsHandler,
        "Register the entry's training (and inference) container with AWS Clean Rooms ML "
        "(CreateConfiguredModelAlgorithm), optionally associated with a collaboration's "
        "membership. Anyone who can see the entry may register it; a retry with the same "
        "name registers once. With ?dry_run=true: 200 with the warnings, nothing sent",
        AlgorithmRegistered,
        status=201,
        body=RegisterAlgorithm,
        query=DryRunQuery,
        errors=(400, 404, 409, 413),
        also={200: RegistrationCheck},
        aws=True,
    ),
    Operation(
        "get",
        "/cleanrooms-algorithms",
        CleanRoomsAlgorithmsHandler,
        "The configured model algorithms the caller registered, newest first",
        RegisteredAlgorithmPage,
        query=RegisteredAlgorithmQuery,
        errors=(400, 503),
    ),
    Operation(
        "get",
        "/hubs",
        HubsHandler,
        "SageMaker private hubs of the account and region (ListHubs), paged",
        HubPage,
        query=HubQuery,
        errors=(400,),
        aws=True,
    ),
    Operation(
        "post",
        "/hubs",
        HubsHandler,
        "Create a SageMaker private hub (CreateHub)",
        Hub,
        status=201,
        body=CreateHub,
        errors=(400, 409, 413),
        aws=True,
    ),
    Operation(
        "get",
        "/entries/{entry_id}/hub-publications",
        EntryHubPublicationsHandler,
        "Where the entry is published: hub, latest version and status (DescribeHubContent)",
        HubPublicationList,
        errors=(404,),
        aws=True,
    ),
    Operation(
        "post",
        "/entries/{entry_id}/hub-publications",
        EntryHubPublicationsHandler,
        "Publish the entry to a private hub (ImportHubContent; owner only). Publishing an "
        "edited entry imports a new HubContentVersion; an unchanged one answers with the "
        "latest version",
        HubPublication,
        status=201,
        body=PublishToHub,
        errors=(400, 403, 404, 409, 413),
        aws=True,
    ),
)
