"""What the API answers: catalog entries (``Entry``, ``EntryPage``), who am I, an ID
suggestion, and the error body (for OpenAPI).

Response models declare types and nothing else: no ``extra="forbid"``, no lengths, no
cross-field rules. The store builds them from rows with ``construct.construct`` (no
validation), so an entry stored under older or looser rules always reads back as stored.
The request validators are in ``entries.py``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..vocabulary import DataType, Framework, Kind
from ._common import UtcDatetime
from .entries import NotebookRef, Share, TaskId
from .training import InferenceSpec, TrainingSpec


# The content fields of ``CreateEntry`` (tests/test_catalog.py keeps the two in step),
# plus what the store owns: ``id``, ``owner``, the times and the version.
class Entry(BaseModel):
    """An entry as the API returns it."""

    id: str
    kind: Kind
    title: str
    description: str
    data_type: DataType
    task: TaskId
    framework: Framework
    keywords: list[str]
    owner: str
    share: Share
    training: TrainingSpec | None
    inference: InferenceSpec | None
    notebook: NotebookRef | None
    created_at: UtcDatetime
    updated_at: UtcDatetime
    version: int


class EntryPage(BaseModel):
    """One page of ``GET /entries``."""

    items: list[Entry]
    next_cursor: str | None = None
    total: int


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
