"""A user's server whose catalog is a catalog service (``SharedModelsApp.catalog_url``):
the one client of the service (``client.py``), and the catalog and launch store the rest
of the server uses through it (``catalog.py``, ``launches.py``). docs/team-deployment.md.
"""

from .catalog import RemoteCatalog
from .client import CatalogServiceClient, Reply
from .launches import RemoteLaunchStore

__all__ = ["CatalogServiceClient", "RemoteCatalog", "RemoteLaunchStore", "Reply"]
