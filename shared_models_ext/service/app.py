"""``jupyter shared-models-service``: the catalog service of a team (docs/team-deployment.md).

A jupyter-server process that serves only the catalog's routes (``Operation.catalog``:
the entries, the form rules, who "me" is, ID suggestions, the launches bookkeeping) and
alone holds ``db_url``. None of jupyter-server's own services are on (no files, no
kernels, no terminals, no extensions), but ``/api/status`` for health checks. Every
request is identified by the Hub (``hub_identity.py``); the rules are the extension's
own (``services/catalog.py``), run here instead of in each user's server.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlparse

from jupyter_core.paths import jupyter_data_dir
from jupyter_server.serverapp import ServerApp
from traitlets import Bool, Integer, Unicode, default

from ..api.routes import catalog_routes
from ..services.catalog import Catalog
from ..services.launch_records import LaunchBook
from ..services.wiring import SETTINGS_KEY, CatalogServices
from ..store import LaunchStore, SqlCatalogStore, SqlLaunchStore
from .hub_identity import HubTokenIdentityProvider

#: The name the extension's handlers know their settings by (ExtensionHandlerMixin).
_HANDLER_NAME = "shared_models_ext"
DEFAULT_SERVICE_NAME = "shared-models"


class CatalogService(ServerApp):
    """The catalog's REST API for every user of a JupyterHub, on one database.

    Configure on the command line (``--CatalogService.db_url=…``) or in
    ``jupyter_shared_models_service_config.py`` (``c.CatalogService.db_url = …``).
    """

    name = "jupyter-shared-models-service"
    description = "The Shared Models catalog service: one catalog for every JupyterHub user."
    # Only /api/status and /api/me of jupyter-server's own routes; nothing that reads
    # files or runs code on this machine.
    default_services = ("api",)  # type: ignore[assignment]

    db_url = Unicode(
        config=True,
        help=(
            "SQLAlchemy URL of the catalog's database: postgresql+psycopg://user@host:5432/db "
            "for a team (the password in PGPASSWORD or a pgpass file of this service's "
            "account, never in users' environments), or sqlite:///path/file.sqlite."
        ),
    )
    auth_cache_seconds = Integer(
        30,
        min=0,
        config=True,
        help=(
            "How long the Hub's answer about a token is kept: a token revoked at the Hub "
            "(a logout, a stopped server) still works here for at most this long. "
            "0: ask the Hub on every request."
        ),
    )
    store_file_mode = Unicode(
        "0600",
        config=True,
        help="Octal permissions of an SQLite catalog file (as SharedModelsApp.store_file_mode).",
    )
    service_name = Unicode(
        config=True,
        help=(
            "This service's name at the Hub; callers' tokens need "
            "access:services!service=<name>. Default: JUPYTERHUB_SERVICE_NAME, else "
            f"{DEFAULT_SERVICE_NAME}."
        ),
    )
    # Not a notebook server: nothing to open, no other extension to load.
    open_browser = Bool(False, config=True, help="Never: the service has no pages.")

    @default("service_name")
    def _default_service_name(self) -> str:
        return os.environ.get("JUPYTERHUB_SERVICE_NAME") or DEFAULT_SERVICE_NAME

    @default("db_url")
    def _default_db_url(self) -> str:
        return "sqlite:///" + os.path.join(jupyter_data_dir(), "shared_models.sqlite")

    @default("ip")
    def _default_ip(self) -> str:
        return urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "")).hostname or "127.0.0.1"

    @default("port")
    def _default_port(self) -> int:
        return urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "")).port or 10101

    @default("port_retries")
    def _default_port_retries(self) -> int:
        return 0  # the Hub and the users' servers know one port: never another

    @default("base_url")
    def _default_base_url(self) -> str:
        return os.environ.get("JUPYTERHUB_SERVICE_PREFIX") or "/services/shared-models/"

    @default("allow_remote_access")
    def _default_allow_remote_access(self) -> bool:
        return True  # callers are named by the Hub's token check, wherever they come from

    @default("identity_provider_class")
    def _default_identity_provider_class(self) -> type[HubTokenIdentityProvider]:
        return HubTokenIdentityProvider

    def find_server_extensions(self) -> None:
        """No extensions: the service serves the catalog and nothing else."""

    def init_server_extensions(self) -> None:
        self.jpserver_extensions = {}
        super().init_server_extensions()

    def init_configurables(self) -> None:
        super().init_configurables()
        from jupyterhub.services.auth import HubAuth  # the service extra (README)

        if not os.environ.get("JUPYTERHUB_API_TOKEN") or not os.environ.get("JUPYTERHUB_API_URL"):
            self.log.critical(
                "The catalog service names each caller through JupyterHub: run it as a "
                "JupyterHub service (c.JupyterHub.services, docs/team-deployment.md); "
                "JUPYTERHUB_API_TOKEN and JUPYTERHUB_API_URL are not set."
            )
            self.exit(1)
        provider = self.identity_provider
        if not isinstance(provider, HubTokenIdentityProvider):
            self.log.critical(
                "The catalog service names callers with HubTokenIdentityProvider only "
                "(identity_provider_class is %s).",
                type(provider).__name__,
            )
            self.exit(1)
            return
        provider.hub_auth = HubAuth(
            parent=self,
            cache_max_age=self.auth_cache_seconds,
            access_scopes={f"access:services!service={self.service_name}"},
        )

    def init_webapp(self) -> None:
        super().init_webapp()
        db_url = self.db_url
        file_mode = int(self.store_file_mode, 8)
        catalog = Catalog(lambda: SqlCatalogStore.open(db_url, file_mode=file_mode))
        try:
            catalog.store  # noqa: B018 - open now: migrations are applied at start-up
        except Exception as error:  # requests answer 503 until the database is back
            self.log.warning("Catalog service: the store is not available yet: %s", error)

        def launch_store() -> LaunchStore:
            return SqlLaunchStore(catalog.store.database)

        self._catalog = catalog
        settings: dict[str, Any] = self.web_app.settings
        settings[SETTINGS_KEY] = CatalogServices(
            fallback_identity=None,  # every caller is named by the Hub
            catalog=catalog,
            launch_book=LaunchBook(catalog, launch_store),
        )
        settings[_HANDLER_NAME] = self  # what the handlers' log and config come from
        settings[f"{_HANDLER_NAME}_config"] = self.config
        self.web_app.add_handlers(  # type: ignore[no-untyped-call]
            ".*$",
            [
                (self.base_url.rstrip("/") + pattern, handler, {"name": _HANDLER_NAME})
                for pattern, handler in catalog_routes()
            ],
        )
        self.log.info(
            "Catalog service %r on %s: callers need access:services!service=%s",
            self.service_name,
            _redacted(db_url),
            self.service_name,
        )

    async def _cleanup(self) -> None:
        await super()._cleanup()
        catalog = getattr(self, "_catalog", None)
        if catalog is not None:
            catalog.close()


def _redacted(db_url: str) -> str:
    """A database URL fit for a log line: no password."""
    parsed = urlparse(db_url)
    if parsed.password is None:
        return db_url
    return db_url.replace(f":{parsed.password}@", ":***@", 1)


main = launch_new_instance = CatalogService.launch_instance
