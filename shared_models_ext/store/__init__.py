"""The catalog store: one protocol, one SQLAlchemy implementation (SQLite, PostgreSQL)."""

from .base import CatalogStore, EntryFields, EntryRecord, StorePage, StoreQuery

# Imported here so that its table is part of ``tables.Base.metadata`` whenever the store is.
from .launches import LaunchRecord, NewLaunch, SqlLaunchStore

__all__ = [
    "CatalogStore",
    "EntryFields",
    "EntryRecord",
    "LaunchRecord",
    "NewLaunch",
    "SqlLaunchStore",
    "StorePage",
    "StoreQuery",
]
