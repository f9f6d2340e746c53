"""Recording a launch from an entry in its launcher's "my launches" (``store/launches.py``):
the training jobs and endpoints (``launches.py``), the Clean Rooms ML registrations
(``cleanrooms.py``) and the local runs (``local_runs/service.py``)."""

from __future__ import annotations

from ..domain.models import Entry
from ..store import LaunchRecord, NewLaunch, SqlLaunchStore


def record_launch(
    store: SqlLaunchStore, entry: Entry, *, owner: str, kind: str, name: str, arn: str, region: str
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
