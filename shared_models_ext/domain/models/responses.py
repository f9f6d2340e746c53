"""What the API answers: catalog entries (``Entry``, ``EntryPage``), who am I, an ID
suggestion, and the error body (for OpenAPI).

Reads never validate: the store builds ``Entry`` from rows with ``construct.construct``,
so an entry stored under older or looser rules always reads back as stored. ``Entry``
shares its content fields with the requests (``EntryContent`` in ``entries.py``), one
declaration, but none of their rules runs on a read.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ._common import UtcDatetime
from .entries import EntryContent


class Entry(EntryContent):
    """An entry as the API returns it: its content plus what the store owns."""

    model_config = ConfigDict(extra="ignore")

    id: str
    owner: str
    created_at: UtcDatetime
    updated_at: UtcDatetime
    version: int


class EntryPage(BaseModel):
    """One page of ``GET /entries``."""

    items: list[Entry]
    next_cursor: str | None = None
    total: int = Field(
        description="How many entries match: exact when total_is_exact, else at least this "
        "many (GET /options → rules.page.max_exact_total)"
    )
    total_is_exact: bool = True


class RenderedPage:
    """One page of ``GET /entries`` as the store reads it: each entry's JSON document
    (the ``Entry`` rendered when it was written), sent as it is, no model built.

    :meth:`model_dump_json` is the JSON of the same :class:`EntryPage` (its envelope
    serialised by ``EntryPage`` itself); :attr:`items` parses the documents, for the
    few callers that want the entries as models.
    """

    __slots__ = ("documents", "next_cursor", "total", "total_is_exact")

    def __init__(
        self, *, documents: list[str], next_cursor: str | None, total: int, total_is_exact: bool
    ) -> None:
        self.documents = documents
        self.next_cursor = next_cursor
        self.total = total
        self.total_is_exact = total_is_exact

    @property
    def items(self) -> list[Entry]:
        return [Entry.model_validate_json(document) for document in self.documents]

    def to_page(self) -> EntryPage:
        return EntryPage.model_construct(
            items=self.items,
            next_cursor=self.next_cursor,
            total=self.total,
            total_is_exact=self.total_is_exact,
        )

    def model_dump_json(self) -> str:
        envelope = EntryPage.model_construct(
            items=[],
            next_cursor=self.next_cursor,
            total=self.total,
            total_is_exact=self.total_is_exact,
        ).model_dump_json()
        # "items" is EntryPage's first field: its empty list opens the envelope.
        head = '{"items":['
        return head + ",".join(self.documents) + envelope[len(head) :]


class Me(BaseModel):
    """``GET /me``."""

    username: str
    display_name: str


class IdSuggestionQuery(BaseModel):
    """``GET /id-suggestions``: the title typed so far, and the entry's kind."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=256)
    kind: Literal["model", "notebook"] = "model"


class IdSuggestion(BaseModel):
    """The ID a new entry with a given title would get now."""

    id: str


class ErrorDetailModel(BaseModel):
    """One field-level problem: where (``loc``) and what (``msg``)."""

    loc: list[str | int]
    msg: str


class ErrorBody(BaseModel):
    code: str = Field(examples=["invalid"])
    message: str
    details: list[ErrorDetailModel] = Field(default_factory=list)


class ErrorResponse(BaseModel):
    """Every error response: ``{"error": {"code", "message", "details"}}``."""

    error: ErrorBody
