"""The tornado routes of the extension, derived from the operations table.

A path's route pattern replaces each ``{name}`` of the path with a named group matching
one path segment; its handler is the class its operations name (``operations/``).
"""

from __future__ import annotations

import re

from .handlers.base import API_PREFIX, SharedModelsHandler
from .handlers.forwarding import ForwardingHandler
from .operations import OPERATIONS, Operation

_PATH_PARAMETER = re.compile(r"\{(\w+)\}")


def route_pattern(path: str) -> str:
    """``/entries/{entry_id}`` → ``/shared-models/api/entries/(?P<entry_id>[^/]+)``."""
    return f"/{API_PREFIX}" + _PATH_PARAMETER.sub(r"(?P<\1>[^/]+)", path)


def handlers_by_path(
    operations: tuple[Operation, ...] = OPERATIONS,
) -> dict[str, type[SharedModelsHandler]]:
    """Each documented path and its handler class, in the table's order.

    Raises ``ValueError`` when two operations of one path name different handlers.
    """
    found: dict[str, type[SharedModelsHandler]] = {}
    for op in operations:
        handler = found.setdefault(op.path, op.handler)
        if handler is not op.handler:
            raise ValueError(
                f"{op.method.upper()} {op.path} names {op.handler.__name__}, but another "
                f"operation of the path names {handler.__name__}"
            )
    return found


def catalog_paths(operations: tuple[Operation, ...] = OPERATIONS) -> set[str]:
    """The paths whose every operation is the catalog's (``Operation.catalog``)."""
    paths = {op.path for op in operations}
    return {path for path in paths if all(op.catalog for op in operations if op.path == path)}


def routes(*, forward_catalog: bool = False) -> list[tuple[str, type[SharedModelsHandler]]]:
    """Every route of the extension, relative to the server's base_url; with
    ``forward_catalog``, the catalog's paths go to the catalog service."""
    forwarded = catalog_paths() if forward_catalog else set()
    return [
        (route_pattern(path), ForwardingHandler if path in forwarded else handler)
        for path, handler in handlers_by_path().items()
    ]


def catalog_routes() -> list[tuple[str, type[SharedModelsHandler]]]:
    """The routes of the catalog service (``service/app.py``): the catalog's paths only."""
    served = catalog_paths()
    return [
        (route_pattern(path), handler)
        for path, handler in handlers_by_path().items()
        if path in served
    ]
