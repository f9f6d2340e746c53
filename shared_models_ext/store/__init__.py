"""The catalog store: one protocol, one SQLAlchemy implementation (SQLite, PostgreSQL)."""

from .base import CatalogStore, EntryFields, EntryRecord, StorePage, StoreQuery

__all__ = ["CatalogStore", "EntryFields", "EntryRecord", "StorePage", "StoreQuery"]
