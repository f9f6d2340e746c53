"""SageMaker private hubs: listing and creating hubs, publishing entries as hub content.

Limits are those of botocore's ``sagemaker`` service model (``CreateHub``, ``ImportHubContent``);
``tests/test_api_hubs.py`` checks that the constants below still equal it.
"""

from __future__ import annotations

import re
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, Field

from ._common import RequestModel, matches, unique_strings
from .containers import QueryModel

#: ``HubName``: a SageMaker name.
HUB_NAME_MAX: Final = 63
HUB_NAME_AWS_PATTERN: Final = r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
#: ``HubDescription`` and ``HubDisplayName``.
HUB_DESCRIPTION_MAX: Final = 1023
HUB_DISPLAY_NAME_MAX: Final = 255
#: ``HubSearchKeywordList`` / ``HubSearchKeyword``: at most 50, ≤ 255, no capital letters.
HUB_KEYWORDS_MAX: Final = 50
HUB_KEYWORD_MAX: Final = 255
HUB_KEYWORD_AWS_PATTERN: Final = r"[^A-Z]*"
#: ``ListHubs``' ``NextToken`` and ``MaxResults``.
NEXT_TOKEN_MAX: Final = 8192
LIST_MAX_RESULTS: Final = 100

_HUB_NAME: Final = re.compile(HUB_NAME_AWS_PATTERN)
_HUB_KEYWORD: Final = re.compile(r"[^A-Z]*")

ContentType = Literal["Model", "Notebook"]

HubName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=HUB_NAME_MAX,
        json_schema_extra={"pattern": f"^{HUB_NAME_AWS_PATTERN}$"},
        examples=["team-models"],
    ),
    matches(
        _HUB_NAME,
        "a hub name is 1 to 63 letters, digits and hyphens, starting and ending with a "
        "letter or digit",
    ),
]
HubKeyword = Annotated[
    str,
    Field(
        max_length=HUB_KEYWORD_MAX,
        json_schema_extra={"pattern": "^[^A-Z]*$"},
        examples=["churn"],
    ),
    matches(_HUB_KEYWORD, "a search keyword is lowercase"),
]


class CreateHub(RequestModel):
    """``POST /hubs``: a private hub in the caller's account and region."""

    name: HubName
    description: Annotated[str, Field(max_length=HUB_DESCRIPTION_MAX)]
    display_name: Annotated[str, Field(max_length=HUB_DISPLAY_NAME_MAX)] | None = None
    search_keywords: Annotated[
        list[HubKeyword],
        Field(max_length=HUB_KEYWORDS_MAX),
        AfterValidator(unique_strings("search keyword")),
    ] = Field(default_factory=list)


class Hub(BaseModel):
    name: str
    arn: str
    display_name: str | None = None
    description: str | None = None
    status: str = Field(examples=["InService"], description="HubStatus: InService, Creating, …")


class HubPage(BaseModel):
    items: list[Hub]
    next_cursor: str | None = None


class HubQuery(QueryModel):
    """``GET /hubs``: one page of ListHubs."""

    limit: Annotated[int, Field(ge=1, le=LIST_MAX_RESULTS)] = 50
    cursor: Annotated[str, Field(min_length=1, max_length=NEXT_TOKEN_MAX)] | None = Field(
        default=None, description="next_cursor of the previous page"
    )


class PublishToHub(RequestModel):
    """``POST /entries/{id}/hub-publications`` (owner only)."""

    hub_name: HubName


class HubPublication(BaseModel):
    hub_name: str
    content_name: str
    content_type: ContentType
    version: str | None = Field(
        default=None,
        examples=["1.0.0"],
        description="The latest HubContentVersion; null when it can no longer be read",
    )
    status: str = Field(
        examples=["Available"],
        description="HubContentStatus (Available, Importing, ImportFailed, …); 'Deleted' "
        "when the content is gone from the hub, 'Unknown' when the caller's AWS "
        "credentials cannot read it",
    )
    arn: str | None = None
    failure_reason: str | None = None


class HubPublicationList(BaseModel):
    items: list[HubPublication]
