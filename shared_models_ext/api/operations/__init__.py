"""The REST API's operations — the single declaration of the REST contract.

Each operation names its method, path, handler class, models and error statuses, in one
module per group of routes. ``api/routes.py`` derives the tornado routes from this table
and ``api/openapi.py`` the OpenAPI document, so the two cannot drift apart (docs/api.md).
"""

from __future__ import annotations

from .catalog import CATALOG_OPERATIONS
from .destinations import DESTINATION_OPERATIONS
from .launches import LAUNCH_OPERATIONS
from .local_runs import LOCAL_RUN_OPERATIONS
from .operation import AWS_ERRORS, COMMON_ERRORS, PATH_PARAMETERS, REF, Header, Operation
from .storage import STORAGE_OPERATIONS

#: Every operation, in the order the OpenAPI document lists them.
OPERATIONS: tuple[Operation, ...] = (
    *CATALOG_OPERATIONS,
    *STORAGE_OPERATIONS,
    *LAUNCH_OPERATIONS,
    *LOCAL_RUN_OPERATIONS,
    *DESTINATION_OPERATIONS,
)

__all__ = [
    "AWS_ERRORS",
    "CATALOG_OPERATIONS",
    "COMMON_ERRORS",
    "DESTINATION_OPERATIONS",
    "LAUNCH_OPERATIONS",
    "LOCAL_RUN_OPERATIONS",
    "OPERATIONS",
    "PATH_PARAMETERS",
    "REF",
    "STORAGE_OPERATIONS",
    "Header",
    "Operation",
]
