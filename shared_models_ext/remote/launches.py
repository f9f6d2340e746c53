"""Who launched what, where the catalog is a catalog service: the
:class:`~..store.launches.LaunchStore` over the service's ``/launches``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from pydantic import TypeAdapter

from ..domain.errors import Forbidden
from ..domain.models import Launch, LaunchPage
from ..domain.models.launch import MAX_LAUNCH_NAMES, PUBLICATION_KIND
from ..store import LaunchRecord, NewLaunch
from .client import CatalogServiceClient

_LAUNCH: Final = TypeAdapter(Launch)


class RemoteLaunchStore:
    """``owner``'s launches (this server's JupyterHub user) in the catalog service."""

    def __init__(self, client: CatalogServiceClient, owner: str) -> None:
        self._client = client
        self._owner = owner

    def record(self, launch: NewLaunch) -> LaunchRecord:
        self._speaks_for(launch.owner)
        reply = self._client.call(
            "POST",
            "launches",
            json_body=_LAUNCH.serializer.to_json(
                {
                    "kind": launch.kind,
                    "name": launch.name,
                    "entry_id": launch.entry_id,
                    "entry_title": launch.entry_title,
                    "arn": launch.arn,
                    "region": launch.region,
                }
            ).decode(),
        )
        return self._record(Launch.model_validate_json(reply.body))

    def delete(self, owner: str, kind: str, region: str, name: str) -> None:
        self._speaks_for(owner)
        self._client.call(
            "DELETE", "launches", params={"kind": kind, "region": region, "name": name}
        )

    def named(self, owner: str, kind: str, names: Sequence[str]) -> list[LaunchRecord]:
        self._speaks_for(owner)
        found: list[LaunchRecord] = []
        for start in range(0, len(names), MAX_LAUNCH_NAMES):
            chunk = ",".join(names[start : start + MAX_LAUNCH_NAMES])
            found.extend(self._page({"kind": kind, "names": chunk}, owner)[0])
        return found

    def for_entry(self, owner: str, kind: str, entry_id: str) -> list[LaunchRecord]:
        if owner != self._owner and kind != PUBLICATION_KIND:
            self._speaks_for(owner)
        params = {"kind": kind, "entry_id": entry_id}
        if owner != self._owner:
            params["owner"] = owner  # an entry's publications, which its viewers see
        return self._page(params, owner)[0]

    def _page(
        self, params: Mapping[str, str | int | None], owner: str
    ) -> tuple[list[LaunchRecord], str | None]:
        page = LaunchPage.model_validate_json(
            self._client.call("GET", "launches", params=params).body
        )
        return [self._record(item, owner) for item in page.items], page.next_cursor

    def _record(self, launch: Launch, owner: str | None = None) -> LaunchRecord:
        return LaunchRecord(
            owner=owner or self._owner,
            kind=launch.kind,
            name=launch.name,
            entry_id=launch.entry_id,
            entry_title=launch.entry_title,
            arn=launch.arn,
            region=launch.region,
            id=launch.id,
            created_at=launch.created_at,
        )

    def _speaks_for(self, user: str) -> None:
        if user != self._owner:
            raise Forbidden(
                f"This server records launches in the team catalog as {self._owner}, its "
                f"JupyterHub user, not as {user}."
            )

    # Last: below it, ``list`` in an annotation would name this method.
    def list(
        self, owner: str, *, kind: str | None = None, limit: int = 50, after: str | None = None
    ) -> tuple[list[LaunchRecord], str | None]:
        self._speaks_for(owner)
        return self._page({"kind": kind, "limit": limit, "cursor": after}, owner)
