"""AWS Clean Rooms ML: registering an entry's containers as a configured model algorithm.

Every limit here is the one of botocore's ``cleanroomsml`` service model (the shapes of
``CreateConfiguredModelAlgorithm`` and ``CreateConfiguredModelAlgorithmAssociation``), so
a request that passes is one the API accepts as far as shapes go; ``tests/test_api_cleanrooms.py``
reads the service model and checks that the constants below still equal it.
"""

from __future__ import annotations

import re
from typing import Annotated, Final, Literal

from pydantic import BaseModel, BeforeValidator, Field

from ._common import MULTILINE, RequestModel, matches, normalize_line_breaks
from .containers import QueryModel
from .entries import UtcDatetime

# -- the service model's constraints (shape name: value) ------------------------

#: ``NameString``: 1-63 characters, not only white space, no control characters but tab.
NAME_MIN: Final = 1
NAME_MAX: Final = 63
NAME_AWS_PATTERN: Final = r"(?!\s*$)[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t]*"
#: ``ResourceDescription``: up to 255 characters; tab and line breaks allowed.
DESCRIPTION_MAX: Final = 255
DESCRIPTION_AWS_PATTERN: Final = r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t\r\n]*"
#: ``IamRoleArn``.
ROLE_ARN_MIN: Final = 20
ROLE_ARN_MAX: Final = 2048
ROLE_ARN_AWS_PATTERN: Final = r"arn:aws[-a-z]*:iam::[0-9]{12}:role/.+"
#: ``KmsKeyArn``.
KMS_KEY_ARN_MIN: Final = 20
KMS_KEY_ARN_MAX: Final = 2048
KMS_KEY_ARN_AWS_PATTERN: Final = r"arn:aws[-a-z]*:kms:[-a-z0-9]+:[0-9]{12}:key/.+"
#: ``UUID`` (a membership identifier): 36 characters, lowercase.
MEMBERSHIP_ID_LENGTH: Final = 36
MEMBERSHIP_ID_AWS_PATTERN: Final = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
#: ``ContainerEntrypoint`` / ``ContainerArguments``: 1-100 items of 1-256 characters.
CONTAINER_LIST_MIN: Final = 1
CONTAINER_LIST_MAX: Final = 100
CONTAINER_STRING_MIN: Final = 1
CONTAINER_STRING_MAX: Final = 256
#: ``AlgorithmImage``: the image URI, 1-255 characters.
IMAGE_URI_MAX: Final = 255
#: ``MetricDefinitionList`` / ``MetricName`` / ``MetricRegex``.
METRICS_MAX: Final = 40
METRIC_NAME_MAX: Final = 255
METRIC_REGEX_MAX: Final = 500
#: ``TagMap``: at most 200 tags; keys 1-128, values 0-256 characters.
TAGS_MAX: Final = 200
TAG_KEY_MAX: Final = 128
TAG_VALUE_MAX: Final = 256
#: ``LogsConfigurationPolicyList`` and ``AccountIdList``: 1-5 items each.
ACCOUNT_IDS_MIN: Final = 1
ACCOUNT_IDS_MAX: Final = 5
#: ``LogsConfigurationPolicyFilterPatternString``: up to 1024 characters.
FILTER_PATTERN_MAX: Final = 1024
#: ``NoiseLevelType``.
NOISE_LEVELS: Final = ("HIGH", "MEDIUM", "LOW", "NONE")
#: ``TrainedModelArtifactMaxSizeValue`` and ``TrainedModelInferenceMaxOutputSizeValue`` (GB).
ARTIFACT_SIZE_MIN: Final = 0.01
ARTIFACT_SIZE_MAX: Final = 100.0
OUTPUT_SIZE_MIN: Final = 0.01
OUTPUT_SIZE_MAX: Final = 100.0

# The service model's patterns are Java regular expressions: a surrogate pair there is
# one supplementary character here, and Java's ``\s`` is ASCII white space only.
_NAME: Final = re.compile(
    r"(?![ \t\n\x0b\f\r]*$)[\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff\t]*"
)
_DESCRIPTION: Final = re.compile(r"[\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff\t\r\n]*")
ROLE_ARN: Final = re.compile(ROLE_ARN_AWS_PATTERN)
_KMS_KEY_ARN: Final = re.compile(KMS_KEY_ARN_AWS_PATTERN)
MEMBERSHIP_ID: Final = re.compile(MEMBERSHIP_ID_AWS_PATTERN)
_ACCOUNT_ID: Final = re.compile(r"[0-9]{12}")

# What the OpenAPI document says (ECMA regular expressions the fuzzer can use).
_NAME_SCHEMA_PATTERN: Final = r"^(?![ \t\n\u000b\f\r]*$)[^\u0000-\u001f\u007f-\u009f]*$"

NoiseLevel = Literal["HIGH", "MEDIUM", "LOW", "NONE"]

AlgorithmName = Annotated[
    str,
    Field(
        min_length=NAME_MIN,
        max_length=NAME_MAX,
        json_schema_extra={"pattern": _NAME_SCHEMA_PATTERN},
        examples=["churn-xgboost"],
    ),
    matches(_NAME, "a name is 1 to 63 characters, not only spaces"),
]
Description = Annotated[
    str,
    MULTILINE,
    BeforeValidator(normalize_line_breaks),
    Field(max_length=DESCRIPTION_MAX),
    matches(_DESCRIPTION, "a description has no control characters other than line breaks"),
]
CleanRoomsRoleArn = Annotated[
    str,
    Field(
        min_length=ROLE_ARN_MIN,
        max_length=ROLE_ARN_MAX,
        json_schema_extra={"pattern": f"^{ROLE_ARN_AWS_PATTERN}$"},
        examples=["arn:aws:iam::123456789012:role/CleanRoomsML"],
    ),
    matches(ROLE_ARN, "an IAM role ARN looks like arn:aws:iam::123456789012:role/MyRole"),
]
KmsKeyArn = Annotated[
    str,
    Field(
        min_length=KMS_KEY_ARN_MIN,
        max_length=KMS_KEY_ARN_MAX,
        json_schema_extra={"pattern": f"^{KMS_KEY_ARN_AWS_PATTERN}$"},
    ),
    matches(
        _KMS_KEY_ARN,
        "a KMS key ARN looks like arn:aws:kms:us-east-1:123456789012:key/1234abcd-…",
    ),
]
MembershipId = Annotated[
    str,
    Field(
        min_length=MEMBERSHIP_ID_LENGTH,
        max_length=MEMBERSHIP_ID_LENGTH,
        json_schema_extra={"pattern": f"^{MEMBERSHIP_ID_AWS_PATTERN}$"},
        examples=["1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f"],
    ),
    matches(
        MEMBERSHIP_ID,
        "a membership ID is a 36-character lowercase UUID such as "
        "1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f",
    ),
]
ContainerString = Annotated[
    str, Field(min_length=CONTAINER_STRING_MIN, max_length=CONTAINER_STRING_MAX)
]
ContainerList = Annotated[
    list[ContainerString], Field(min_length=CONTAINER_LIST_MIN, max_length=CONTAINER_LIST_MAX)
]
AccountId = Annotated[
    str,
    Field(json_schema_extra={"pattern": "^[0-9]{12}$"}, examples=["123456789012"]),
    matches(_ACCOUNT_ID, "an AWS account ID is 12 digits"),
]


class ContainerLogs(RequestModel):
    """Who may read the trained model's container logs (``LogsConfigurationPolicy``)."""

    allowed_account_ids: Annotated[
        list[AccountId], Field(min_length=ACCOUNT_IDS_MIN, max_length=ACCOUNT_IDS_MAX)
    ]
    filter_pattern: Annotated[str, Field(max_length=FILTER_PATTERN_MAX)] | None = Field(
        default=None, description="A CloudWatch Logs filter pattern; only matching lines are kept"
    )


class PrivacyConfiguration(RequestModel):
    """The association's privacy configuration (``PrivacyConfigurationPolicies``)."""

    container_logs: ContainerLogs | None = None
    metrics_noise_level: NoiseLevel | None = Field(
        default=None, description="Noise added to the container's metrics (containerMetrics)"
    )
    max_artifact_size_gb: (
        Annotated[float, Field(ge=ARTIFACT_SIZE_MIN, le=ARTIFACT_SIZE_MAX, allow_inf_nan=False)]
        | None
    ) = Field(default=None, description="Largest trained model artifact, in GB")
    max_output_size_gb: (
        Annotated[float, Field(ge=OUTPUT_SIZE_MIN, le=OUTPUT_SIZE_MAX, allow_inf_nan=False)] | None
    ) = Field(default=None, description="Largest inference job output, in GB")


class AlgorithmAssociation(RequestModel):
    """``CreateConfiguredModelAlgorithmAssociation``: the algorithm in a collaboration."""

    membership_id: MembershipId
    name: AlgorithmName
    description: Description = ""
    privacy_configuration: PrivacyConfiguration | None = None


class RegisterAlgorithm(RequestModel):
    """``POST /entries/{id}/cleanrooms-algorithms``.

    The training container (image, metric definitions) and the inference container come
    from the entry; a retry with the same ``name`` never registers twice.
    """

    name: AlgorithmName
    role_arn: CleanRoomsRoleArn | None = Field(
        default=None, description="Default: the cleanrooms_role_arn setting"
    )
    description: Description = ""
    entrypoint: ContainerList | None = None
    arguments: ContainerList | None = None
    kms_key_arn: KmsKeyArn | None = None
    association: AlgorithmAssociation | None = None


class RegistrationCheck(BaseModel):
    """``?dry_run=true``: every check passed; nothing was sent to AWS."""

    ok: bool = True
    warnings: list[str] = Field(
        description="What may stop Clean Rooms ML from using the algorithm (read before sending)"
    )


class AlgorithmRegistered(BaseModel):
    name: str
    configured_model_algorithm_arn: str
    association_arn: str | None = None
    adopted: bool = Field(
        description="True when a retry found the algorithm this user had already registered"
    )
    warnings: list[str]
    console_url: str = Field(description="The AWS Clean Rooms console page of the algorithm")


class RegisteredAlgorithm(BaseModel):
    name: str
    configured_model_algorithm_arn: str
    association_arn: str | None = None
    entry_id: str
    created: UtcDatetime


class RegisteredAlgorithmPage(BaseModel):
    items: list[RegisteredAlgorithm]
    next_cursor: str | None = None


class RegisteredAlgorithmQuery(QueryModel):
    """``GET /cleanrooms-algorithms``: the caller's registrations, newest first."""

    limit: Annotated[int, Field(ge=1, le=200)] = 50
    cursor: Annotated[str, Field(max_length=512)] | None = Field(
        default=None, description="next_cursor of the previous page"
    )
