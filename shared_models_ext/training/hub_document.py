"""An entry as SageMaker hub content: the ``HubContentDocument`` and back (pure, no I/O).

The keys are those of the SageMaker Python SDK's hub documents
(``sagemaker.jumpstart.hub.interfaces.HubModelDocument``, schema version 2.3.0, and
``HubNotebookDocument``, 1.0.0), which is what SageMaker Studio and the SDK read from a
private hub. Only keys that exist there are written. What the document carries of a
model (``docs/clean-rooms-and-hubs.md`` has the table):

- training: ``TrainingSupported``, ``TrainingEcrUri``, ``TrainingScriptUri``,
  ``Hyperparameters`` (the ranges, plus the script-mode ``sagemaker_program`` and
  ``sagemaker_submit_directory`` as container-scope hyperparameters, as JumpStart
  models carry them), ``TrainingMetrics``, ``DefaultTrainingInstanceType``,
  ``SupportedTrainingInstanceTypes``, ``TrainingEnableNetworkIsolation``,
  ``DefaultTrainingDatasetUri``, ``ValidationSupported``;
- deployment: ``HostingEcrUri``, ``HostingArtifactUri``, ``HostingScriptUri``,
  ``HostingUseScriptUri``, ``InferenceEnvironmentVariables``,
  ``DefaultInferenceInstanceType``, ``SupportedInferenceInstanceTypes``;
- basic information: ``Task``, ``Framework``, ``Datatype``.

The hub document has no place for a continuous range's scaling, the training
environment, channels, output path or tabular format: those stay in the catalog.
"""

from __future__ import annotations

import json
from typing import Any, Final, Literal

from ..domain.models import Entry
from ..domain.models.hyperparameters import (
    CategoricalHyperparameter,
    ContinuousHyperparameter,
    HyperparameterSpec,
    IntegerHyperparameter,
)
from ..domain.models.training import InferenceSpec, TrainingSpec

MODEL_SCHEMA_VERSION: Final = "2.3.0"
NOTEBOOK_SCHEMA_VERSION: Final = "1.0.0"

HubContentType = Literal["Model", "Notebook"]

#: Every key of the SDK's ``HubModelDocument`` (its ``__slots__`` in UpperCamelCase).
HUB_MODEL_DOCUMENT_KEYS: Final = frozenset(
    {
        "Url",
        "MinSdkVersion",
        "TrainingSupported",
        "ModelTypes",
        "Capabilities",
        "IncrementalTrainingSupported",
        "DynamicContainerDeploymentSupported",
        "HostingEcrUri",
        "HostingArtifactS3DataType",
        "HostingArtifactCompressionType",
        "HostingArtifactUri",
        "HostingPrepackedArtifactUri",
        "HostingPrepackedArtifactVersion",
        "HostingScriptUri",
        "HostingUseScriptUri",
        "HostingEulaUri",
        "HostingModelPackageArn",
        "InferenceAmiVersion",
        "ModelSubscriptionLink",
        "InferenceConfigs",
        "InferenceConfigComponents",
        "InferenceConfigRankings",
        "TrainingArtifactS3DataType",
        "TrainingArtifactCompressionType",
        "TrainingModelPackageArtifactUri",
        "Hyperparameters",
        "InferenceEnvironmentVariables",
        "TrainingScriptUri",
        "TrainingPrepackedScriptUri",
        "TrainingPrepackedScriptVersion",
        "TrainingEcrUri",
        "TrainingMetrics",
        "TrainingArtifactUri",
        "TrainingConfigs",
        "TrainingConfigComponents",
        "TrainingConfigRankings",
        "InferenceDependencies",
        "TrainingDependencies",
        "DefaultInferenceInstanceType",
        "SupportedInferenceInstanceTypes",
        "DefaultTrainingInstanceType",
        "SupportedTrainingInstanceTypes",
        "SageMakerSdkPredictorSpecifications",
        "InferenceVolumeSize",
        "TrainingVolumeSize",
        "InferenceEnableNetworkIsolation",
        "TrainingEnableNetworkIsolation",
        "FineTuningSupported",
        "ValidationSupported",
        "DefaultTrainingDatasetUri",
        "ResourceNameBase",
        "GatedBucket",
        "DefaultPayloads",
        "HostingResourceRequirements",
        "HostingInstanceTypeVariants",
        "TrainingInstanceTypeVariants",
        "NotebookLocationUris",
        "ModelProviderIconUri",
        "Task",
        "Framework",
        "Datatype",
        "License",
        "ContextualHelp",
        "ModelDataDownloadTimeout",
        "ContainerStartupHealthCheckTimeout",
        "EncryptInterContainerTraffic",
        "MaxRuntimeInSeconds",
        "DisableOutputCompression",
        "ModelDir",
        "Dependencies",
    }
)
#: The keys of the SDK's ``HubNotebookDocument``.
HUB_NOTEBOOK_DOCUMENT_KEYS: Final = frozenset({"NotebookLocation", "Dependencies"})

#: Script-mode settings, carried as container-scope hyperparameters (as JumpStart does).
PROGRAM: Final = "sagemaker_program"
SUBMIT_DIRECTORY: Final = "sagemaker_submit_directory"
_ALGORITHM: Final = "algorithm"
_CONTAINER: Final = "container"


def content_type(entry: Entry) -> HubContentType:
    return "Notebook" if entry.kind == "notebook" else "Model"


def schema_version(kind: HubContentType) -> str:
    return NOTEBOOK_SCHEMA_VERSION if kind == "Notebook" else MODEL_SCHEMA_VERSION


def hub_document(entry: Entry) -> dict[str, Any]:
    """The ``HubContentDocument`` (as a dict) of ``entry``."""
    if entry.kind == "notebook":
        location = entry.notebook.s3_uri if entry.notebook is not None else ""
        return {"NotebookLocation": location, "Dependencies": []}
    document: dict[str, Any] = {
        "Task": entry.task,
        "Framework": entry.framework,
        "Datatype": entry.data_type,
        "TrainingSupported": entry.training is not None,
    }
    if entry.training is not None:
        document.update(_training(entry.training))
    if entry.inference is not None:
        document.update(_hosting(entry.inference))
    return document


def hub_document_text(entry: Entry) -> str:
    """The document as ImportHubContent's ``HubContentDocument`` string (stable key order)."""
    return json.dumps(hub_document(entry), sort_keys=True, separators=(",", ":"))


def _training(spec: TrainingSpec) -> dict[str, Any]:
    hyperparameters = [_hyperparameter(item) for item in spec.hyperparameters]
    if spec.entry_point is not None and spec.script_uri is not None:
        hyperparameters += [
            _container_setting(PROGRAM, spec.entry_point),
            _container_setting(SUBMIT_DIRECTORY, spec.script_uri),
        ]
    document: dict[str, Any] = {
        "TrainingEcrUri": spec.image.uri,
        "Hyperparameters": hyperparameters,
        "TrainingMetrics": [
            {"Name": metric.name, "Regex": metric.regex} for metric in spec.metrics
        ],
        "DefaultTrainingInstanceType": spec.default_instance_type or spec.instance_types[0],
        "SupportedTrainingInstanceTypes": list(spec.instance_types),
        "TrainingEnableNetworkIsolation": spec.network_isolation,
        "ValidationSupported": spec.validation_data_uri is not None,
    }
    if spec.script_uri is not None:
        document["TrainingScriptUri"] = spec.script_uri
    if spec.training_data_uri is not None:
        document["DefaultTrainingDatasetUri"] = spec.training_data_uri
    return document


def _hyperparameter(spec: HyperparameterSpec) -> dict[str, Any]:
    """A range as a JumpStart hyperparameter: ``int`` / ``float`` with Min and Max,
    ``text`` with Options (categorical) or without (free text)."""
    item: dict[str, Any] = {"Name": spec.name, "Default": spec.default, "Scope": _ALGORITHM}
    if isinstance(spec, IntegerHyperparameter):
        item.update(Type="int", Min=spec.min, Max=spec.max)
    elif isinstance(spec, ContinuousHyperparameter):
        item.update(Type="float", Min=spec.min, Max=spec.max)
    elif isinstance(spec, CategoricalHyperparameter):
        item.update(Type="text", Options=list(spec.values))
    else:
        item.update(Type="text")
    return item


def _container_setting(name: str, value: str) -> dict[str, Any]:
    return {"Name": name, "Type": "text", "Default": value, "Scope": _CONTAINER}


def _hosting(spec: InferenceSpec) -> dict[str, Any]:
    document: dict[str, Any] = {
        "HostingEcrUri": spec.image.uri,
        "HostingArtifactUri": spec.model_data_uri,
        "HostingUseScriptUri": spec.script_uri is not None,
        "InferenceEnvironmentVariables": [
            {
                "Name": name,
                "Type": "text",
                "Default": value,
                "Scope": _CONTAINER,
                "RequiredForModelClass": False,
            }
            for name, value in spec.environment.items()
        ],
        "DefaultInferenceInstanceType": spec.default_instance_type or spec.instance_types[0],
        "SupportedInferenceInstanceTypes": list(spec.instance_types),
    }
    if spec.script_uri is not None:
        document["HostingScriptUri"] = spec.script_uri
    return document


# -- the inverse: a document read back as entry fields ----------------------------


def entry_fields(kind: HubContentType, document: dict[str, Any]) -> dict[str, Any]:
    """The entry fields a hub document carries, in the catalog's shape.

    For a model: ``data_type``, ``task``, ``framework``, and ``training`` / ``inference``
    holding only the keys the document has (see the module docstring for what it
    cannot carry). For a notebook: ``notebook``.
    """
    if kind == "Notebook":
        return {"notebook": {"s3_uri": document["NotebookLocation"]}}
    fields: dict[str, Any] = {
        "data_type": document.get("Datatype"),
        "task": document.get("Task"),
        "framework": document.get("Framework"),
        "training": _training_fields(document) if document.get("TrainingSupported") else None,
        "inference": _inference_fields(document) if document.get("HostingEcrUri") else None,
    }
    return fields


def _training_fields(document: dict[str, Any]) -> dict[str, Any]:
    settings = {
        item["Name"]: item.get("Default")
        for item in document.get("Hyperparameters", [])
        if item.get("Scope") == _CONTAINER
    }
    return {
        "image_uri": document.get("TrainingEcrUri"),
        "script_uri": document.get("TrainingScriptUri"),
        "entry_point": settings.get(PROGRAM),
        "training_data_uri": document.get("DefaultTrainingDatasetUri"),
        "network_isolation": bool(document.get("TrainingEnableNetworkIsolation")),
        "has_validation_data": bool(document.get("ValidationSupported")),
        "hyperparameters": [
            _range(item)
            for item in document.get("Hyperparameters", [])
            if item.get("Scope") != _CONTAINER
        ],
        "instance_types": list(document.get("SupportedTrainingInstanceTypes", [])),
        "default_instance_type": document.get("DefaultTrainingInstanceType"),
        "metrics": [
            {"name": metric["Name"], "regex": metric["Regex"]}
            for metric in document.get("TrainingMetrics", [])
        ],
    }


def _range(item: dict[str, Any]) -> dict[str, Any]:
    kind = item.get("Type")
    found: dict[str, Any] = {"name": item["Name"], "default": item.get("Default", "")}
    if kind == "int":
        found.update(type="integer", min=item["Min"], max=item["Max"])
    elif kind == "float":
        found.update(type="continuous", min=item["Min"], max=item["Max"])
    elif item.get("Options"):
        found.update(type="categorical", values=list(item["Options"]))
    else:
        found.update(type="free-text")
    return found


def _inference_fields(document: dict[str, Any]) -> dict[str, Any]:
    return {
        "image_uri": document.get("HostingEcrUri"),
        "script_uri": document.get("HostingScriptUri"),
        "model_data_uri": document.get("HostingArtifactUri"),
        "environment": {
            item["Name"]: item.get("Default", "")
            for item in document.get("InferenceEnvironmentVariables", [])
        },
        "instance_types": list(document.get("SupportedInferenceInstanceTypes", [])),
        "default_instance_type": document.get("DefaultInferenceInstanceType"),
    }
