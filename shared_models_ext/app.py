"""SharedModelsApp: the jupyter-server extension, its configuration and its services."""

from __future__ import annotations

import os
from typing import Any

import anyio.to_thread
from jupyter_core.paths import jupyter_data_dir
from jupyter_server.extension.application import ExtensionApp
from traitlets import Float, Integer, TraitError, Unicode, default, validate

from .api.routes import routes
from .aws import AwsClients
from .aws.cleanrooms import CleanRoomsMLService
from .aws.ecr import EcrService
from .aws.hubs import HubService
from .aws.pool import AwsPool
from .aws.s3 import S3Service
from .aws.sagemaker import SageMakerService
from .domain.identity import (
    Identity,
    IdentityConflict,
    InvalidUserName,
    names_real_users,
    normalize_username,
    server_identity,
)
from .domain.models import validate_s3_uri
from .remote import CatalogServiceClient, RemoteCatalog, RemoteLaunchStore
from .services.catalog import Catalog, EntryCatalog
from .services.cleanrooms import CleanRoomsRegistrar
from .services.hubs import HubPublisher
from .services.launch_records import LaunchBook
from .services.launches import Launcher
from .services.local_runs import LocalRuns
from .services.notebooks import NotebookSharing
from .services.wiring import SETTINGS_KEY, RemoteCatalogUse, Services
from .store import LaunchStore, SqlCatalogStore, SqlLaunchStore


class SharedModelsApp(ExtensionApp):
    """Share ML models and notebooks with colleagues, from JupyterLab.

    Configure in ``jupyter_server_config.py`` (``c.SharedModelsApp.db_url = ...``)
    or on the command line (``jupyter lab --SharedModelsApp.username=alice``).
    """

    name = "shared_models_ext"
    load_other_extensions = True

    db_url = Unicode(
        config=True,
        help=(
            "SQLAlchemy URL of the catalog store shared by every user: "
            "sqlite:///path/file.sqlite (default, under the Jupyter data dir) or "
            "postgresql+psycopg://user@host:5432/db for a team. Put passwords in "
            "PGPASSWORD or ~/.pgpass rather than in this URL."
        ),
    )
    catalog_url = Unicode(
        None,
        allow_none=True,
        config=True,
        help=(
            "URL of the team's catalog service (jupyter shared-models-service) under "
            "JupyterHub, e.g. http://127.0.0.1:10101/services/shared-models/. Set, this "
            "server keeps no catalog of its own: the catalog's routes go to the service "
            "with this server's JupyterHub token (JUPYTERHUB_API_TOKEN), and the service "
            "asks the Hub who that is. Unset: the embedded store of db_url."
        ),
    )
    username = Unicode(
        None,
        allow_none=True,
        config=True,
        help=(
            "Who 'me' is in the catalog on a server whose users are anonymous "
            "(jupyter-server's own token or password login). Unset: JUPYTERHUB_USER, else "
            "the OS login name (stable across restarts). Where the identity provider names "
            "real users (JupyterHub), 'me' is each request's user and this is not used; "
            "under JupyterHub a name other than the signed-in user stops the extension "
            "from loading."
        ),
    )
    share_notebooks_to = Unicode(
        None,
        allow_none=True,
        config=True,
        help=(
            "S3 prefix (s3://bucket/prefix/) where 'Share notebook' uploads. "
            "Unset: the wizard asks."
        ),
    )
    aws_region = Unicode(
        None,
        allow_none=True,
        config=True,
        help="AWS region for S3, SageMaker and ECR clients. Unset: boto3's own resolution.",
    )
    aws_endpoint_url = Unicode(
        None,
        allow_none=True,
        config=True,
        help=(
            "Endpoint URL for every AWS client (an S3-compatible store, a private "
            "endpoint). Unset: AWS_ENDPOINT_URL or AWS's own endpoints."
        ),
    )
    sagemaker_role_arn = Unicode(
        None,
        allow_none=True,
        config=True,
        help=(
            "Default IAM execution role for training jobs and endpoints. "
            "Unset: the launch form asks."
        ),
    )
    cleanrooms_role_arn = Unicode(
        None,
        allow_none=True,
        config=True,
        help=(
            "Default IAM role AWS Clean Rooms ML assumes to pull a registered algorithm's "
            "images (arn:aws:iam::<account>:role/…). Unset: the registration dialog asks."
        ),
    )
    local_runs_dir = Unicode(
        config=True,
        help=(
            "Where local training runs keep their /opt/ml trees. "
            "Default: under the Jupyter data dir."
        ),
    )

    local_runs_max_concurrent = Integer(
        2,
        min=1,
        config=True,
        help="How many local runs may run at once on this server; beyond that a start is refused.",
    )
    local_runs_stop_grace_seconds = Float(
        10.0,
        min=0.0,
        config=True,
        help=(
            "Stopping a local run sends SIGTERM to its process group, then SIGKILL after "
            "this many seconds."
        ),
    )
    local_runs_max_download_bytes = Integer(
        10 * 1024**3,
        min=1,
        config=True,
        help=(
            "The most a local run downloads from S3 (all channels together); a run whose "
            "data is larger fails before downloading anything."
        ),
    )

    aws_max_concurrency = Integer(
        16,
        min=1,
        config=True,
        help=(
            "How many AWS calls this server makes at once. AWS work has its own worker "
            "pool, so catalog and file requests never wait behind slow AWS calls."
        ),
    )
    aws_deadline_seconds = Float(
        30.0,
        min=1.0,
        config=True,
        help=(
            "The longest an interactive AWS request (browse S3, launch, check a "
            "container, …) may take before the server answers 504."
        ),
    )
    store_file_mode = Unicode(
        "0600",
        config=True,
        help=(
            "Octal permissions of the SQLite catalog file (and its -wal/-shm files); "
            "its folder gets the matching directory mode (0600 → 0700). The default "
            "keeps other local accounts out."
        ),
    )

    @default("db_url")
    def _default_db_url(self) -> str:
        return "sqlite:///" + os.path.join(jupyter_data_dir(), "shared_models.sqlite")

    @default("local_runs_dir")
    def _default_local_runs_dir(self) -> str:
        return os.path.join(jupyter_data_dir(), "shared_models_runs")

    @validate("store_file_mode")
    def _valid_store_file_mode(self, proposal: Any) -> str:
        value = str(proposal["value"]).strip()
        try:
            mode = int(value, 8)
        except ValueError:
            raise TraitError(f"store_file_mode must be octal, like 0600 (got {value!r})") from None
        if not 0 <= mode <= 0o777 or not mode & 0o600 == 0o600:
            raise TraitError(
                f"store_file_mode must give the owner read and write, like 0600 (got {value!r})"
            )
        return value

    @validate("username")
    def _valid_username(self, proposal: Any) -> str | None:
        value = proposal["value"]
        if value is None or not str(value).strip():
            return None
        try:
            return normalize_username(str(value))
        except InvalidUserName as error:
            raise TraitError(f"SharedModelsApp.username {str(value)[:40]!r}: {error}") from None

    @validate("share_notebooks_to")
    def _valid_share_prefix(self, proposal: Any) -> str | None:
        value = proposal["value"]
        return validate_s3_uri(value) if value else None

    def _server_identity(self) -> Identity | None:
        """This server's one user, or None when each request's user is "me" (identity.py)."""
        provider = self.serverapp.identity_provider if self.serverapp else None
        names_users = provider is not None and names_real_users(provider)
        try:
            identity = server_identity(self.username, names_users=names_users)
        except IdentityConflict as error:
            self.log.error("Shared models is not loaded: %s", error)
            raise
        if identity is not None:
            self.log.info("Shared models: signed in as %r", identity.username)
            return identity
        provider_name = f"{type(provider).__module__}.{type(provider).__qualname__}"
        self.log.info("Shared models: 'me' is each request's user, as named by %s", provider_name)
        if self.username:
            self.log.warning(
                "Shared models: SharedModelsApp.username=%r is not used: %s names each "
                "request's user, and that user is 'me'",
                self.username,
                provider_name,
            )
        return None

    def initialize_settings(self) -> None:
        identity = self._server_identity()
        remote = self._remote_catalog() if self.catalog_url else None
        catalog: EntryCatalog
        if remote is not None:
            catalog = RemoteCatalog(remote.client, remote.owner)
            remote_launches = RemoteLaunchStore(remote.client, remote.owner)

            def launch_store() -> LaunchStore:
                return remote_launches

        else:
            embedded = self._embedded_catalog()
            catalog = embedded

            def launch_store() -> LaunchStore:
                return SqlLaunchStore(embedded.store.database)  # the catalog's database

        aws = AwsClients(region=self.aws_region, endpoint_url=self.aws_endpoint_url)
        s3 = S3Service(aws)
        sagemaker = SageMakerService(aws)
        local_runs = LocalRuns(
            catalog,
            s3,
            launch_store,
            workspace_root=self.serverapp.root_dir if self.serverapp else os.getcwd(),
            runs_dir=self.local_runs_dir,
            max_concurrent=self.local_runs_max_concurrent,
            stop_grace_seconds=self.local_runs_stop_grace_seconds,
            max_download_bytes=self.local_runs_max_download_bytes,
            region=self.aws_region,
        )
        self.settings[SETTINGS_KEY] = Services(
            fallback_identity=identity,
            catalog=catalog,
            launch_book=LaunchBook(catalog, launch_store),
            remote=remote,
            aws=aws,
            s3=s3,
            notebooks=NotebookSharing(catalog, s3, self.share_notebooks_to),
            sagemaker=sagemaker,
            ecr=EcrService(aws),
            launcher=Launcher(catalog, sagemaker, launch_store, self.sagemaker_role_arn),
            local_runs=local_runs,
            share_notebooks_to=self.share_notebooks_to,
            aws_region=self.aws_region,
            sagemaker_role_arn=self.sagemaker_role_arn,
            local_runs_dir=self.local_runs_dir,
            aws_pool=AwsPool(self.aws_max_concurrency, self.aws_deadline_seconds),
            cleanrooms=CleanRoomsRegistrar(
                catalog, CleanRoomsMLService(aws), launch_store, self.cleanrooms_role_arn
            ),
            hubs=HubPublisher(catalog, HubService(aws), launch_store),
            cleanrooms_role_arn=self.cleanrooms_role_arn,
        )

    def _embedded_catalog(self) -> Catalog:
        db_url = self.db_url
        file_mode = int(self.store_file_mode, 8)
        catalog = Catalog(lambda: SqlCatalogStore.open(db_url, file_mode=file_mode))
        try:
            catalog.store  # noqa: B018 - open now: migrations are applied at start-up
        except Exception as error:  # the store answers 503 until the database is back
            self.log.warning("Shared models: the catalog store is not available yet: %s", error)
        return catalog

    def _remote_catalog(self) -> RemoteCatalogUse:
        """The catalog service this server speaks to, as its JupyterHub user."""
        token = os.environ.get("JUPYTERHUB_API_TOKEN", "")
        owner = os.environ.get("JUPYTERHUB_USER", "")
        if not token or not owner:
            message = (
                f"SharedModelsApp.catalog_url is {self.catalog_url!r}, but this server was "
                "not started by JupyterHub (no JUPYTERHUB_API_TOKEN or JUPYTERHUB_USER): the "
                "catalog service only answers requests the Hub vouches for "
                "(docs/team-deployment.md)"
            )
            self.log.error("Shared models is not loaded: %s", message)
            raise RuntimeError(message)
        self.log.info(
            "Shared models: the catalog is the catalog service at %s, as %r",
            self.catalog_url,
            owner,
        )
        client = CatalogServiceClient(str(self.catalog_url), token)
        return RemoteCatalogUse(client=client, owner=normalize_username(owner))

    def initialize_handlers(self) -> None:
        self.handlers.extend(routes(forward_catalog=bool(self.catalog_url)))

    async def stop_extension(self) -> None:
        services: Services | None = self.settings.get(SETTINGS_KEY)
        if services is not None:
            await anyio.to_thread.run_sync(services.local_runs.shutdown)
            services.catalog.close()
            if services.remote is not None:
                await services.remote.client.aclose()
