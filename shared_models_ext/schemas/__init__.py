"""The API's nouns as pydantic v2 models: requests (``extra="forbid"``) and responses."""

from __future__ import annotations

from .entries import (
    CreateEntry,
    Entry,
    EntryPage,
    EntryQuery,
    NotebookRef,
    ReplaceEntry,
    Share,
)
from .hyperparameters import (
    CategoricalHyperparameter,
    ContinuousHyperparameter,
    FreeTextHyperparameter,
    HyperparameterSpec,
    IntegerHyperparameter,
)
from .keywords import Keywords, normalize_keywords
from .options import Choice, InstanceTypeInfo, InstanceTypeOptions, Options, build_options
from .responses import (
    ErrorBody,
    ErrorDetailModel,
    ErrorResponse,
    IdSuggestion,
    IdSuggestionQuery,
    Me,
)
from .training import (
    Channel,
    ColumnSpec,
    ContainerImage,
    InferenceSpec,
    MetricDefinition,
    TabularFormat,
    TrainingSpec,
)
from .uris import EcrImageUri, S3Uri, parse_s3_uri, validate_ecr_image_uri, validate_s3_uri
from .validation import invalid_from_validation_error

__all__ = [
    "CategoricalHyperparameter",
    "Channel",
    "Choice",
    "ColumnSpec",
    "ContainerImage",
    "ContinuousHyperparameter",
    "CreateEntry",
    "EcrImageUri",
    "Entry",
    "EntryPage",
    "EntryQuery",
    "ErrorBody",
    "ErrorDetailModel",
    "ErrorResponse",
    "FreeTextHyperparameter",
    "HyperparameterSpec",
    "IdSuggestion",
    "IdSuggestionQuery",
    "InferenceSpec",
    "InstanceTypeInfo",
    "InstanceTypeOptions",
    "IntegerHyperparameter",
    "Keywords",
    "Me",
    "MetricDefinition",
    "NotebookRef",
    "Options",
    "ReplaceEntry",
    "S3Uri",
    "Share",
    "TabularFormat",
    "TrainingSpec",
    "build_options",
    "invalid_from_validation_error",
    "normalize_keywords",
    "parse_s3_uri",
    "validate_ecr_image_uri",
    "validate_s3_uri",
]
