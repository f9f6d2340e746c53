"""Catalog entries as a client sends them: ``CreateEntry``, ``ReplaceEntry``, ``EntryQuery``.

These are the request validators (``extra="forbid"``, lengths, cross-field rules). What a
client gets back, ``Entry`` and ``EntryPage``, lives in ``responses.py`` and has none of
them, so tightening a rule here never makes a stored entry unreadable.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Annotated, Any, Final

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from typing_extensions import Self

from ..identity import MAX_USERNAME_LENGTH, InvalidUserName, normalize_username
from ..ids import ID_PATTERN, MAX_ID_LENGTH
from ..paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from ..vocabulary import (
    TASK_LABELS,
    DataType,
    Framework,
    Kind,
    Scope,
    SortKey,
    SortOrder,
    tasks_for,
)
from ._common import (
    ANY_TEXT,
    MULTILINE,
    Loc,
    RequestModel,
    no_control_chars,
    normalize_line_breaks,
    problems,
    quote_list,
)
from ._common import UtcDatetime as UtcDatetime  # re-exported: launch.py, containers.py, …
from .keywords import Keywords
from .training import InferenceSpec, TrainingSpec
from .uris import S3Uri

MAX_TITLE_LENGTH: Final = 256
MAX_DESCRIPTION_BYTES: Final = 64 * 1024
MAX_SHARED_USERS: Final = 100
MAX_CANVAS_USERS: Final = 23
MAX_SEARCH_LENGTH: Final = 256
#: Who may be shared with SageMaker Canvas users: entries of these kinds and data types
#: (``canvas_allowed``); ``GET /options`` serves both (``rules.share.canvas``).
CANVAS_KINDS: Final[tuple[Kind, ...]] = ("model",)
CANVAS_DATA_TYPES: Final[tuple[DataType, ...]] = ("tabular",)
#: The data types whose training has a column format, and needs one
#: (``rules.training.column_format_data_types``).
COLUMN_FORMAT_DATA_TYPES: Final[tuple[DataType, ...]] = ("tabular",)
ALL_TASKS: Final = [task for tasks in TASK_LABELS.values() for task in tasks]


def canvas_allowed(kind: str, data_type: str) -> bool:
    """Whether an entry of ``kind`` and ``data_type`` may be shared with Canvas users."""
    return kind in CANVAS_KINDS and data_type in CANVAS_DATA_TYPES


def _utf8_at_most(limit: int) -> AfterValidator:
    def check(value: str) -> str:
        if len(value.encode("utf-8")) > limit:
            raise ValueError(f"must be at most {limit // 1024} KiB of UTF-8 text")
        return value

    return AfterValidator(check)


# Bidirectional embeddings, overrides and isolates: they reorder what a reader sees.
_BIDI_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters that render as nothing (Hangul fillers) and a blank that is a symbol.
_BLANK_GLYPHS: Final = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _user_name(value: str) -> str:
    """A request's user name, normalised (see ``identity.py``)."""
    try:
        return normalize_username(value)
    except InvalidUserName as error:
        raise ValueError(str(error)) from None


def _canvas_user(value: str) -> str:
    """A SageMaker Canvas user profile name: one word, kept as given (AWS compares it
    case-sensitively)."""
    value = value.strip()
    if not value:
        raise ValueError("a user name must not be empty")
    if len(value) > MAX_USERNAME_LENGTH:
        raise ValueError(f"a user name must be at most {MAX_USERNAME_LENGTH} characters")
    if any(char.isspace() for char in value):
        raise ValueError("a user name must not contain spaces")
    return no_control_chars(value)


def _visible_title(value: str) -> str:
    """A title someone can read as it is: no bidi overrides, not only invisible characters."""
    if any(char in _BIDI_CONTROLS for char in value):
        raise ValueError(
            "must not contain bidirectional override or isolate characters (U+202A to U+202E, "
            "U+2066 to U+2069): they make a title read differently from what it says"
        )
    if not any(
        unicodedata.category(char)[0] in "LNPS" and char not in _BLANK_GLYPHS for char in value
    ):
        raise ValueError("must contain at least one visible letter, digit or symbol")
    return value


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _at_most(limit: int, what: str) -> AfterValidator:
    def check(items: list[str]) -> list[str]:
        if len(items) > limit:
            raise ValueError(f"at most {limit} {what} are allowed ({len(items)} given)")
        return items

    return AfterValidator(check)


def _is_notebook(value: str) -> str:
    if not value.endswith(".ipynb"):
        raise ValueError("must point to a notebook file ending in .ipynb")
    return value


def _entry_id(value: str) -> str:
    if len(value) > MAX_ID_LENGTH or not ID_PATTERN.fullmatch(value):
        raise ValueError(
            f"an ID is 1 to {MAX_ID_LENGTH} lowercase letters, digits and hyphens, "
            "starting and ending with a letter or digit"
        )
    return value


EntryId = Annotated[
    str,
    AfterValidator(_entry_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN.pattern, "maxLength": MAX_ID_LENGTH}),
]
TaskId = Annotated[str, WithJsonSchema({"type": "string", "enum": ALL_TASKS})]
UserName = Annotated[
    str,
    AfterValidator(_user_name),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_USERNAME_LENGTH}),
]
CanvasUserName = Annotated[
    str,
    AfterValidator(_canvas_user),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_USERNAME_LENGTH}),
]


class Share(RequestModel):
    """Who may see the entry besides its owner; Canvas users only for tabular models."""

    organization: bool = False
    users: Annotated[
        list[UserName], AfterValidator(_unique), _at_most(MAX_SHARED_USERS, "users")
    ] = Field(default_factory=list)
    canvas_users: Annotated[
        list[CanvasUserName], AfterValidator(_unique), _at_most(MAX_CANVAS_USERS, "Canvas users")
    ] = Field(default_factory=list)


class NotebookRef(RequestModel):
    """Where a shared notebook lives."""

    s3_uri: Annotated[S3Uri, AfterValidator(_is_notebook)]


class EntryContent(RequestModel):
    """What an owner writes of an entry: the one declaration of its fields.

    ``CreateEntry`` adds the optional ``id`` and the rules between fields; ``Entry``
    (``responses.py``) adds what the store owns. A field added here is sent, stored
    (a column of the same name in ``store/tables.py`` and a migration) and returned.
    The constraints bind requests only: reads build ``Entry`` without validation.
    """

    kind: Kind
    title: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE_LENGTH),
        AfterValidator(no_control_chars),
        AfterValidator(_visible_title),
    ]
    description: Annotated[
        str, BeforeValidator(normalize_line_breaks), _utf8_at_most(MAX_DESCRIPTION_BYTES), MULTILINE
    ] = ""
    data_type: DataType
    task: TaskId
    framework: Framework
    keywords: Keywords = Field(default_factory=list)
    share: Share = Field(default_factory=Share)
    training: TrainingSpec | None = None
    inference: InferenceSpec | None = None
    notebook: NotebookRef | None = None


class CreateEntry(EntryContent):
    """``POST /entries``: an entry without owner, times and version; ``id`` optional."""

    id: EntryId | None = Field(default=None, description="Derived from the title when omitted")

    @field_validator("task")
    @classmethod
    def _task_fits_data_type(cls, task: str, info: ValidationInfo) -> str:
        return _check_task(task, info.data.get("data_type"))

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        found: list[tuple[Loc, str]] = []
        if self.kind == "notebook":
            if self.notebook is None:
                found.append((("notebook",), "a notebook entry needs the notebook's S3 URI"))
            if self.training is not None:
                found.append((("training",), "only models can be trained, not notebooks"))
            if self.inference is not None:
                found.append((("inference",), "only models can be deployed, not notebooks"))
        else:
            if self.notebook is not None:
                found.append((("notebook",), "only notebook entries have a notebook"))
            tabular = self.training.tabular if self.training else None
            columns = self.data_type in COLUMN_FORMAT_DATA_TYPES
            if self.training and columns and tabular is None:
                found.append(
                    (
                        ("training", "tabular"),
                        "training a tabular model needs the column format and target column",
                    )
                )
            if not columns and tabular is not None:
                found.append((("training", "tabular"), "a column format is for tabular data only"))
        if self.share.canvas_users and not canvas_allowed(self.kind, self.data_type):
            found.append(
                (("share", "canvas_users"), "only tabular models can be shared with Canvas users")
            )
        if found:
            raise problems(found)
        return self


class ReplaceEntry(CreateEntry):
    """``PUT /entries/{id}``: a full entry. The read-only fields a client may echo back
    from GET are accepted; the catalog checks ``id``, ``kind`` and ``owner`` against
    the stored entry and ignores the rest."""

    owner: Annotated[str | None, ANY_TEXT] = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int | None = None


class EntryQuery(RequestModel):
    """``GET /entries`` query parameters (strings from the query string; empty means unset)."""

    scope: Scope = "organization"
    kind: Kind | None = None
    data_type: DataType | None = None
    task: TaskId | None = None
    framework: Framework | None = None
    canvas: bool = Field(default=False, description="Only entries shared with Canvas users")
    q: Annotated[str | None, Field(max_length=MAX_SEARCH_LENGTH), ANY_TEXT] = Field(
        default=None, description="Full-text search over title, description and keywords"
    )
    sort: SortKey = Field(
        default="updated",
        description="relevance (Best match): the search's best matches first; needs q",
    )
    order: SortOrder | None = Field(
        default=None,
        description="Default: desc for sort=updated and sort=relevance, asc for sort=title",
    )
    limit: Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE
    cursor: Annotated[str, Field(max_length=2048)] | None = Field(
        default=None, description="next_cursor of the previous page"
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_means_unset(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value != ""}
        return data

    @field_validator("task")
    @classmethod
    def _task_fits_data_type(cls, task: str | None, info: ValidationInfo) -> str | None:
        return None if task is None else _check_task(task, info.data.get("data_type"))

    @model_validator(mode="after")
    def _relevance_needs_a_search(self) -> Self:
        if self.sort == "relevance" and self.q is None:
            message = "Best match ranks the results of a search: give q, or sort otherwise"
            raise problems([(("sort",), message)])
        return self

    @property
    def effective_order(self) -> SortOrder:
        """The order to use: ``order`` when given, else the sort key's natural order."""
        if self.order is not None:
            return self.order
        return "asc" if self.sort == "title" else "desc"


def _check_task(task: str, data_type: str | None) -> str:
    if data_type is None:
        if task not in ALL_TASKS:
            raise ValueError(f"'{task}' is not a known ML task")
        return task
    allowed = tasks_for(data_type)
    if task not in allowed:
        raise ValueError(
            f"'{task}' is not a task for {data_type} data; choose one of: {quote_list(allowed)}"
        )
    return task
