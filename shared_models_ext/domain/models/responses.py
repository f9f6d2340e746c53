"""Small response nouns: who am I, an ID suggestion, and the error body (for OpenAPI)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


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
