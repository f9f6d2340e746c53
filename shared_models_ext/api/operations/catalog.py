"""The catalog's operations: entries, the form vocabularies and rules, who "me" is,
ID suggestions, and this document."""

from __future__ import annotations

from ...domain.models import (
    CreateEntry,
    Entry,
    EntryPage,
    EntryQuery,
    IdSuggestion,
    IdSuggestionQuery,
    Me,
    Options,
    ReplaceEntry,
)
from ...domain.models.dry_run import DryRunOk, DryRunQuery
from ..handlers.entries import EntriesHandler, EntryHandler
from ..handlers.meta import IdSuggestionHandler, MeHandler, OpenAPIHandler, OptionsHandler
from .operation import Header, Operation

CATALOG_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "get",
        "/entries",
        EntriesHandler,
        "Query the catalog (scope, filters, full-text search, keyset paging)",
        EntryPage,
        query=EntryQuery,
        errors=(400,),
        catalog=True,
    ),
    Operation(
        "post",
        "/entries",
        EntriesHandler,
        "Share a model or notebook (the ID is derived from the title unless given). "
        "With ?dry_run=true: every check of the real request (409 for a taken ID "
        "included), 200 {ok: true} or the same error, nothing stored",
        Entry,
        status=201,
        body=CreateEntry,
        query=DryRunQuery,
        errors=(400, 409, 413),
        response_headers={"Location": "URL of the new entry", "ETag": "its version"},
        also={200: DryRunOk},
        catalog=True,
    ),
    Operation(
        "get",
        "/entries/{entry_id}",
        EntryHandler,
        "One entry",
        Entry,
        errors=(404,),
        response_headers={"ETag": "the entry's version, for If-Match"},
        catalog=True,
    ),
    Operation(
        "put",
        "/entries/{entry_id}",
        EntryHandler,
        "Replace an entry (owner only). With ?dry_run=true: every check of the real "
        "request (If-Match still required), 200 {ok: true} or the same error, nothing "
        "stored",
        Entry,
        body=ReplaceEntry,
        query=DryRunQuery,
        errors=(400, 403, 404, 412, 413, 428),
        request_headers={
            "If-Match": Header("the ETag of the version being replaced", required=True)
        },
        response_headers={"ETag": "the new version (not sent by a dry run)"},
        alternatives=(DryRunOk,),
        catalog=True,
    ),
    Operation(
        "delete",
        "/entries/{entry_id}",
        EntryHandler,
        "Delete an entry (owner only)",
        None,
        status=204,
        errors=(403, 404, 412),
        request_headers={"If-Match": Header("optional: only delete this version")},
        catalog=True,
    ),
    Operation(
        "get",
        "/options",
        OptionsHandler,
        "Vocabularies and choices for the forms, and the rules the server checks their "
        "fields with (limits, patterns, the keyword separators)",
        Options,
        catalog=True,
    ),
    Operation("get", "/me", MeHandler, "Who 'me' is in the catalog", Me, catalog=True),
    Operation(
        "get",
        "/id-suggestions",
        IdSuggestionHandler,
        "The ID a new entry with this title would get",
        IdSuggestion,
        query=IdSuggestionQuery,
        errors=(400,),
        catalog=True,
    ),
    Operation("get", "/openapi.json", OpenAPIHandler, "This document", None),
)
