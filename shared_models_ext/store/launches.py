""" "My launches": the training jobs and endpoints each user launched from Shared Models.

One table (``launches``, migration ``0002``) in the catalog's database, used through
the same :class:`~shared_models_ext.store.database.Database` as the entries: same
transactions (``Database.transaction``), same error handling, same SQLite write lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Final, Protocol, get_args

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint, and_, delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.errors import InvalidInput
from ..domain.vocabulary import LaunchKind
from . import cursor
from .database import Database
from .tables import ID_TYPE, NAME_TYPE, Base, UtcDateTime

LAUNCH_KINDS: Final = get_args(LaunchKind)


class LaunchRow(Base):
    """A training job or endpoint one user launched from an entry."""

    __tablename__ = "launches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(NAME_TYPE)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(63))
    entry_id: Mapped[str] = mapped_column(ID_TYPE)
    entry_title: Mapped[str] = mapped_column(Text)
    arn: Mapped[str] = mapped_column(String(2048))
    region: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
        # A retried launch (same name, same region) is recorded once.
        UniqueConstraint("owner", "kind", "region", "name"),
        Index(None, "owner", "created_at", "id"),
    )


@dataclass(frozen=True)
class NewLaunch:
    """A launch to record: what the caller says of it."""

    owner: str
    kind: str
    name: str
    entry_id: str
    entry_title: str
    arn: str
    region: str


@dataclass(frozen=True, kw_only=True)
class LaunchRecord(NewLaunch):
    """A recorded launch: the new launch, and what the store gave it."""

    id: int
    created_at: datetime  # timezone-aware, UTC


class LaunchStore(Protocol):
    """Who launched what: :class:`SqlLaunchStore` in the catalog's database, or the
    catalog service's ``/launches`` (``remote/launches.py``) where the catalog is one."""

    def record(self, launch: NewLaunch) -> LaunchRecord: ...
    def delete(self, owner: str, kind: str, region: str, name: str) -> None: ...
    def named(self, owner: str, kind: str, names: Sequence[str]) -> list[LaunchRecord]: ...
    def for_entry(self, owner: str, kind: str, entry_id: str) -> list[LaunchRecord]: ...
    def list(
        self, owner: str, *, kind: str | None = None, limit: int = 50, after: str | None = None
    ) -> tuple[list[LaunchRecord], str | None]: ...


class SqlLaunchStore:
    """Launches in the catalog's database. Synchronous and thread-safe: run off the loop.

    Each method is one ``Database.transaction``, like the catalog store's.
    """

    def __init__(self, database: Database) -> None:
        self.database = database

    def record(self, launch: NewLaunch) -> LaunchRecord:
        """Add a launch; a launch already recorded (a retry) is returned as it was."""
        if launch.kind not in LAUNCH_KINDS:
            raise ValueError(f"unknown launch kind {launch.kind!r}")
        values = {
            "owner": launch.owner,
            "kind": launch.kind,
            "name": launch.name,
            "entry_id": launch.entry_id,
            "entry_title": launch.entry_title,
            "arn": launch.arn,
            "region": launch.region,
            "created_at": datetime.now(timezone.utc),
        }
        with self.database.transaction(write=True) as session:
            connection = session.connection()
            dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
            connection.execute(
                dialect.insert(LaunchRow)
                .values(**values)
                .on_conflict_do_nothing(index_elements=["owner", "kind", "region", "name"])
            )
            row = session.scalars(
                select(LaunchRow).where(
                    LaunchRow.owner == launch.owner,
                    LaunchRow.kind == launch.kind,
                    LaunchRow.region == launch.region,
                    LaunchRow.name == launch.name,
                )
            ).one()
            return _record(row)

    def delete(self, owner: str, kind: str, region: str, name: str) -> None:
        """Forget one launch (a local run whose tree was removed)."""
        with self.database.transaction(write=True) as session:
            session.execute(
                delete(LaunchRow).where(
                    LaunchRow.owner == owner,
                    LaunchRow.kind == kind,
                    LaunchRow.region == region,
                    LaunchRow.name == name,
                )
            )

    def named(self, owner: str, kind: str, names: Sequence[str]) -> list[LaunchRecord]:
        """``owner``'s launches of ``kind`` with one of ``names`` (any region)."""
        if not names:
            return []
        query = select(LaunchRow).where(
            LaunchRow.owner == owner, LaunchRow.kind == kind, LaunchRow.name.in_(list(names))
        )
        with self.database.transaction(write=False) as session:
            return [_record(row) for row in session.scalars(query.order_by(LaunchRow.id))]

    def for_entry(self, owner: str, kind: str, entry_id: str) -> list[LaunchRecord]:
        """``owner``'s launches of ``kind`` from ``entry_id``, oldest first."""
        query = select(LaunchRow).where(
            LaunchRow.owner == owner, LaunchRow.kind == kind, LaunchRow.entry_id == entry_id
        )
        with self.database.transaction(write=False) as session:
            return [_record(row) for row in session.scalars(query.order_by(LaunchRow.id))]

    def list(
        self, owner: str, *, kind: str | None = None, limit: int = 50, after: str | None = None
    ) -> tuple[list[LaunchRecord], str | None]:
        """``owner``'s launches, newest first: one page and the cursor of the next."""
        query = select(LaunchRow).where(LaunchRow.owner == owner)
        if kind is not None:
            query = query.where(LaunchRow.kind == kind)
        if after:
            created_at, launch_id = _decode(after, self.database.cursor_secret())
            query = query.where(
                or_(
                    LaunchRow.created_at < created_at,
                    and_(LaunchRow.created_at == created_at, LaunchRow.id < launch_id),
                )
            )
        query = query.order_by(LaunchRow.created_at.desc(), LaunchRow.id.desc()).limit(limit + 1)
        with self.database.transaction(write=False) as session:
            rows = list(session.scalars(query))
        records = [_record(row) for row in rows[:limit]]
        next_cursor = None
        if len(rows) > limit:
            last = records[-1]
            position = cursor.Position("updated", "desc", last.created_at, str(last.id))
            next_cursor = cursor.encode(position, self.database.cursor_secret())
        return records, next_cursor


def _decode(after: str, secret: bytes) -> tuple[datetime, int]:
    position = cursor.decode(after, "updated", "desc", secret)
    if not position.id.isdigit() or not isinstance(position.key, datetime):
        raise InvalidInput(
            "The page cursor is not valid.", [{"loc": ["cursor"], "msg": "malformed cursor"}]
        )
    return position.key, int(position.id)


def _record(row: LaunchRow) -> LaunchRecord:
    return LaunchRecord(
        id=row.id,
        owner=row.owner,
        kind=row.kind,
        name=row.name,
        entry_id=row.entry_id,
        entry_title=row.entry_title,
        arn=row.arn,
        region=row.region,
        created_at=row.created_at,
    )
