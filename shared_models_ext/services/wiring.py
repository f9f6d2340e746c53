"""What the HTTP layer reaches for: built once when the extension starts."""

from __future__ import annotations

from dataclasses import dataclass

from ..aws import AwsClients
from ..aws.ecr import EcrService
from ..aws.pool import AwsPool
from ..aws.s3 import S3Service
from ..aws.sagemaker import SageMakerService
from ..domain.identity import Identity
from ..remote.client import CatalogServiceClient
from .catalog import EntryCatalog
from .cleanrooms import CleanRoomsRegistrar
from .hubs import HubPublisher
from .launch_records import LaunchBook
from .launches import Launcher
from .local_runs import LocalRuns
from .notebooks import NotebookSharing

SETTINGS_KEY = "shared_models"


@dataclass(frozen=True)
class RemoteCatalogUse:
    """Where the catalog is a catalog service: its client, and the JupyterHub user this
    server speaks for there (``api/handlers/forwarding.py``)."""

    client: CatalogServiceClient
    owner: str


@dataclass(frozen=True)
class CatalogServices:
    """What the catalog's routes reach for: all the catalog service has (``service/``)."""

    #: The one user of a server whose users are anonymous; None when jupyter-server's
    #: identity provider names each request's user (``domain/identity.py``).
    fallback_identity: Identity | None
    catalog: EntryCatalog
    launch_book: LaunchBook


@dataclass(frozen=True)
class Services(CatalogServices):
    """What every route of the extension reaches for."""

    aws: AwsClients
    s3: S3Service
    notebooks: NotebookSharing
    sagemaker: SageMakerService
    ecr: EcrService
    launcher: Launcher
    local_runs: LocalRuns
    share_notebooks_to: str | None
    aws_region: str | None
    sagemaker_role_arn: str | None
    local_runs_dir: str
    aws_pool: AwsPool
    cleanrooms: CleanRoomsRegistrar
    hubs: HubPublisher
    cleanrooms_role_arn: str | None = None
    #: Set where ``SharedModelsApp.catalog_url`` is: the catalog's routes are forwarded.
    remote: RemoteCatalogUse | None = None
