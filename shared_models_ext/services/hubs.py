"""Publishing entries to SageMaker private hubs, and where each entry is published.

No tornado here: handlers parse, call these methods off the event loop, serialise.

Only an entry's owner may publish it: a hub is read by everyone in the account who
uses SageMaker Studio, so publishing is a way of sharing, and sharing is the owner's
decision (as changing ``share`` is). Anyone who can see the entry sees where it is
published.

The entry becomes hub content named after its ID (``HubContentType`` ``Model`` or
``Notebook``, the document built by ``training/hub_document.py``). Publishing again
imports a new ``HubContentVersion`` when the entry changed since the latest version,
and answers with that version when it did not (a retry publishes once). Each
publication is recorded in the owner's launches (kind ``hub-content``); version and
status are read live with ``DescribeHubContent``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from typing import Any, Final

from ..aws.hubs import HubService
from ..aws.sagemaker import NameInUse
from ..domain.errors import Conflict, Forbidden, NotFound, invalid_field
from ..domain.models import Entry
from ..domain.models.hubs import (
    HUB_DESCRIPTION_MAX,
    HUB_DISPLAY_NAME_MAX,
    HUB_KEYWORDS_MAX,
    CreateHub,
    Hub,
    HubPage,
    HubPublication,
    HubPublicationList,
    HubQuery,
    PublishToHub,
)
from ..domain.models.launch import PUBLICATION_KIND
from ..store import LaunchStore
from ..training import TAG_LAUNCHED_BY, launch_tags
from ..training.hub_document import content_type, hub_document, hub_document_text, schema_version
from ..training.rules import tag_value
from .catalog import EntryCatalog
from .launch_records import record_launch

FIRST_VERSION: Final = "1.0.0"
MAX_RECORD_NAME: Final = 63
_MAX_VERSION_PART: Final = 9999
_CONTENT_ARN: Final = re.compile(
    r"arn:[^:]+:sagemaker:[^:]*:[^:]*:hub-content/(?P<hub>[^/]+)/(?P<type>[^/]+)/(?P<name>[^/]+)"
)
_VERSION: Final = re.compile(r"(\d{1,4})\.(\d{1,4})\.(\d{1,4})")


def next_version(latest: str | None) -> str:
    """The version after ``latest`` (``1.0.0`` → ``1.1.0``); ``1.0.0`` for the first."""
    match = _VERSION.fullmatch(latest or "")
    if match is None:
        return FIRST_VERSION
    major, minor = int(match[1]), int(match[2])
    if minor < _MAX_VERSION_PART:
        return f"{major}.{minor + 1}.0"
    return f"{min(major + 1, _MAX_VERSION_PART)}.0.0"


def record_name(hub_name: str, content_name: str) -> str:
    """``<hub>/<content>``, shortened with a digest to fit the launch record's 63 characters."""
    name = f"{hub_name}/{content_name}"
    if len(name) <= MAX_RECORD_NAME:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:12]
    return f"{digest}/{content_name}"[:MAX_RECORD_NAME]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class HubPublisher:
    """Private hubs and the entries published to them. Blocking: run off the loop."""

    def __init__(
        self, catalog: EntryCatalog, hubs: HubService, open_store: Callable[[], LaunchStore]
    ) -> None:
        self._catalog = catalog
        self._hubs = hubs
        self._open_store = open_store

    # -- hubs ------------------------------------------------------------------

    def list_hubs(self, query: HubQuery) -> HubPage:
        summaries, next_token = self._hubs.list_hubs(query.limit, query.cursor)
        return HubPage(items=[_hub(summary) for summary in summaries], next_cursor=next_token)

    def create_hub(self, viewer: str, body: CreateHub) -> Hub:
        request: dict[str, Any] = {
            "HubName": body.name,
            "HubDescription": body.description,
            "Tags": [{"Key": TAG_LAUNCHED_BY, "Value": tag_value(viewer)}],
        }
        if body.display_name is not None:
            request["HubDisplayName"] = body.display_name
        if body.search_keywords:
            request["HubSearchKeywords"] = list(body.search_keywords)
        try:
            arn = self._hubs.create_hub(request)
        except NameInUse as taken:
            raise Conflict(
                f"A hub named '{body.name}' already exists; choose it or another name. "
                f"({taken.message})",
                [{"loc": ["name"], "msg": f"the hub name '{body.name}' is taken"}],
            ) from None
        return Hub(
            name=body.name,
            arn=arn,
            display_name=body.display_name,
            description=body.description,
            status="Creating",
        )

    # -- publishing ------------------------------------------------------------

    def publish(self, viewer: str, entry_id: str, body: PublishToHub) -> HubPublication:
        entry = self._catalog.get(viewer, entry_id)
        if entry.owner != viewer:
            raise Forbidden(f"Only the owner ({entry.owner}) can publish '{entry.id}' to a hub.")
        hub, kind, name = body.hub_name, content_type(entry), entry.id
        request = _import_request(entry, hub, viewer)
        latest = self._latest(hub, kind, name)
        if latest is not None and _same_content(latest, request):
            return self._recorded(viewer, entry, latest)
        request["HubContentVersion"] = next_version(
            str(latest["HubContentVersion"]) if latest is not None else None
        )
        try:
            arn = self._hubs.import_hub_content(request)
        except NameInUse as taken:
            # Someone published the same version at the same moment: fine if it is ours.
            latest = self._latest(hub, kind, name)
            if latest is not None and _same_content(latest, request):
                return self._recorded(viewer, entry, latest)
            raise Conflict(
                f"Version {request['HubContentVersion']} of '{name}' in the hub '{hub}' was "
                f"just imported with other content; publish again. ({taken.message})",
                [{"loc": ["hub_name"], "msg": "the hub content changed meanwhile"}],
            ) from None
        except NotFound:
            raise invalid_field(
                ["hub_name"], f"there is no hub named '{hub}' in {self._hubs.region}"
            ) from None
        self._record(viewer, entry, hub, arn)
        return HubPublication(
            hub_name=hub,
            content_name=name,
            content_type=kind,
            version=str(request["HubContentVersion"]),
            status="Importing",
            arn=arn,
        )

    def publications(self, viewer: str, entry_id: str) -> HubPublicationList:
        """Where ``entry_id`` is published (by its owner), each with its latest version."""
        entry = self._catalog.get(viewer, entry_id)
        records = self._open_store().for_entry(entry.owner, PUBLICATION_KIND, entry.id)
        items = []
        for record in records:
            found = _CONTENT_ARN.match(record.arn)
            if found is None:
                continue
            kind = "Notebook" if found["type"] == "Notebook" else "Model"
            items.append(self._publication(found["hub"], kind, found["name"]))
        return HubPublicationList(items=items)

    def _publication(self, hub: str, kind: Any, name: str) -> HubPublication:
        try:
            latest = self._hubs.describe_hub_content(hub, kind, name)
        except NotFound:
            return HubPublication(
                hub_name=hub, content_name=name, content_type=kind, status="Deleted"
            )
        except Forbidden:
            return HubPublication(
                hub_name=hub, content_name=name, content_type=kind, status="Unknown"
            )
        return _publication(latest, hub, kind, name)

    def _latest(self, hub: str, kind: str, name: str) -> dict[str, Any] | None:
        """The content's latest version; None when it was never imported (or the hub is
        missing: then ImportHubContent says so)."""
        try:
            return self._hubs.describe_hub_content(hub, kind, name)
        except NotFound:
            return None

    def _recorded(self, viewer: str, entry: Entry, latest: dict[str, Any]) -> HubPublication:
        hub, kind = str(latest["HubName"]), content_type(entry)
        self._record(viewer, entry, hub, str(latest["HubContentArn"]))
        return _publication(latest, hub, kind, entry.id)

    def _record(self, viewer: str, entry: Entry, hub: str, arn: str) -> None:
        record_launch(
            self._open_store(),
            entry,
            owner=viewer,
            kind=PUBLICATION_KIND,
            name=record_name(hub, entry.id),
            arn=arn,
            region=self._hubs.region,
        )


def _hub(summary: dict[str, Any]) -> Hub:
    return Hub(
        name=str(summary["HubName"]),
        arn=str(summary["HubArn"]),
        display_name=summary.get("HubDisplayName") or None,
        description=summary.get("HubDescription") or None,
        status=str(summary.get("HubStatus", "Unknown")),
    )


def _import_request(entry: Entry, hub: str, viewer: str) -> dict[str, Any]:
    kind = content_type(entry)
    request: dict[str, Any] = {
        "HubName": hub,
        "HubContentName": entry.id,
        "HubContentType": kind,
        "DocumentSchemaVersion": schema_version(kind),
        "HubContentDisplayName": _shorten(entry.title, HUB_DISPLAY_NAME_MAX),
        "HubContentDocument": hub_document_text(entry),
        "HubContentSearchKeywords": list(entry.keywords[:HUB_KEYWORDS_MAX]),
        "Tags": launch_tags(entry.id, viewer),
    }
    if entry.description:
        request["HubContentDescription"] = _shorten(entry.description, HUB_DESCRIPTION_MAX)
        request["HubContentMarkdown"] = entry.description
    return request


def _same_content(latest: dict[str, Any], request: dict[str, Any]) -> bool:
    """True when the latest version holds what ``request`` would import."""
    try:
        document = json.loads(str(latest.get("HubContentDocument", "")))
    except ValueError:
        return False
    return (
        document == json.loads(request["HubContentDocument"])
        and latest.get("HubContentDisplayName") == request.get("HubContentDisplayName")
        and latest.get("HubContentDescription") == request.get("HubContentDescription")
        and list(latest.get("HubContentSearchKeywords") or [])
        == request["HubContentSearchKeywords"]
    )


def _publication(latest: dict[str, Any], hub: str, kind: Any, name: str) -> HubPublication:
    return HubPublication(
        hub_name=hub,
        content_name=name,
        content_type=kind,
        version=str(latest["HubContentVersion"]),
        status=str(latest.get("HubContentStatus", "Unknown")),
        arn=str(latest["HubContentArn"]),
        failure_reason=latest.get("FailureReason") or None,
    )


__all__ = ["HubPublisher", "hub_document", "next_version", "record_name"]
