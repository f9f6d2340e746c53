"""Who launched what from an entry: each user's "my launches" (``store/launches.py``).

``record_launch`` is how the training jobs and endpoints (``launches.py``), the Clean
Rooms ML registrations (``cleanrooms.py``), the hub publications (``hubs.py``) and the
local runs (``local_runs/service.py``) record a launch. ``LaunchBook`` is the same
bookkeeping as the REST API serves it (``GET``/``POST``/``DELETE /launches``): what a
user's server uses when its catalog is a catalog service (``remote/launches.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from ..domain.errors import Forbidden, InvalidInput
from ..domain.models import Entry, Launch, LaunchKey, LaunchPage, LaunchQuery, NewLaunchRecord
from ..domain.models.launch import MAX_LAUNCH_NAMES, PUBLICATION_KIND
from ..store import LaunchRecord, LaunchStore, NewLaunch
from .catalog import EntryCatalog


def record_launch(
    store: LaunchStore, entry: Entry, *, owner: str, kind: str, name: str, arn: str, region: str
) -> LaunchRecord:
    """Record that ``owner`` launched ``name`` (a ``kind``) from ``entry``, in ``region``;
    a retried launch (same owner, kind, region and name) is recorded once."""
    return store.record(
        NewLaunch(
            owner=owner,
            kind=kind,
            name=name,
            entry_id=entry.id,
            entry_title=entry.title,
            arn=arn,
            region=region,
        )
    )


def launch_of(record: LaunchRecord) -> Launch:
    """A recorded launch as the REST API shows it (without its owner: always the caller)."""
    values = asdict(record)
    values.pop("owner")
    return Launch.model_construct(**values)


class LaunchBook:
    """Each user's launches, as the REST API serves them: a user reads and writes only
    their own, except the hub publications of an entry they may see."""

    def __init__(self, catalog: EntryCatalog, open_store: Callable[[], LaunchStore]) -> None:
        self._catalog = catalog
        self._open_store = open_store

    def page(self, viewer: str, query: LaunchQuery) -> LaunchPage:
        owner = self._owner(viewer, query)
        store = self._open_store()
        if query.names is not None or query.entry_id is not None:
            if query.kind is None:
                raise InvalidInput(
                    "Say which kind of launch to look for.",
                    [{"loc": ["kind"], "msg": "Needed with names or entry_id."}],
                )
            if query.names is not None:
                names = [name for name in query.names.split(",") if name]
                if len(names) > MAX_LAUNCH_NAMES:
                    raise InvalidInput(
                        f"Ask about at most {MAX_LAUNCH_NAMES} names at once.",
                        [{"loc": ["names"], "msg": f"At most {MAX_LAUNCH_NAMES} names."}],
                    )
                records = store.named(owner, query.kind, names)
            else:
                assert query.entry_id is not None
                records = store.for_entry(owner, query.kind, query.entry_id)
            return LaunchPage(items=[launch_of(record) for record in records])
        records, next_cursor = store.list(
            owner, kind=query.kind, limit=query.limit, after=query.cursor
        )
        return LaunchPage(items=[launch_of(record) for record in records], next_cursor=next_cursor)

    def record(self, viewer: str, body: NewLaunchRecord) -> Launch:
        record = self._open_store().record(NewLaunch(owner=viewer, **body.model_dump()))
        return launch_of(record)

    def forget(self, viewer: str, key: LaunchKey) -> None:
        self._open_store().delete(viewer, key.kind, key.region, key.name)

    def _owner(self, viewer: str, query: LaunchQuery) -> str:
        if query.owner is None or query.owner == viewer:
            return viewer
        if query.kind != PUBLICATION_KIND or query.entry_id is None:
            raise Forbidden(
                "Only your own launches can be read, except where an entry you can see "
                f"was published (kind={PUBLICATION_KIND} with entry_id)."
            )
        entry = self._catalog.get(viewer, query.entry_id)  # 404 unless the viewer may see it
        if entry.owner != query.owner:
            raise Forbidden(f"'{query.owner}' is not the owner of '{entry.id}'.")
        return entry.owner
