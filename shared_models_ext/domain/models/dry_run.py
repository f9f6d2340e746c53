"""``?dry_run=true``: validate a request without saving (docs/api.md).

One query model and one answer for every route that takes the flag: the request gets
every check the real one gets, and nothing is stored, started or sent to AWS.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .containers import QueryModel


class DryRunQuery(QueryModel):
    """The query string of a route that can validate without doing anything."""

    dry_run: bool = Field(
        default=False,
        description="Check everything the real request would; store, start and send nothing. "
        "The answer is 200 when it would succeed, else exactly its error",
    )


class DryRunOk(BaseModel):
    """A dry run that found nothing wrong."""

    # ``ok`` is required in the document, so that this shape and a route's own success
    # shape can be told apart (a ``oneOf`` of the two).
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    ok: Literal[True] = True
