"""The catalog's storage: one :class:`Database` (SQLite or PostgreSQL, migrations, one
unit of work), and the stores on it: entries (``SqlCatalogStore``) and launches
(``SqlLaunchStore``)."""

from .database import Database

# Imported here so that its table is part of ``tables.Base.metadata`` whenever the store is.
from .launches import LaunchRecord, LaunchStore, NewLaunch, SqlLaunchStore
from .listing import StoreQuery
from .sql import SqlCatalogStore

__all__ = [
    "Database",
    "LaunchRecord",
    "LaunchStore",
    "NewLaunch",
    "SqlCatalogStore",
    "SqlLaunchStore",
    "StoreQuery",
]
