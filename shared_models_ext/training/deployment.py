"""The CreateModel, CreateEndpointConfig and CreateEndpoint requests of an entry: pure.

The model, its endpoint configuration and the endpoint share one name (the endpoint's).

Inference script: when the entry names one (``inference.script_uri``), the container
gets ``SAGEMAKER_SUBMIT_DIRECTORY`` = that S3 URI and ``SAGEMAKER_PROGRAM`` = the file
to run: the URI's file name when it is a ``.py`` file, else ``inference.py`` (the
SageMaker inference toolkits' convention for a ``.tar.gz`` of code). Variables the
entry sets itself in ``inference.environment`` win, so an owner whose archive holds
``serve.py`` sets ``SAGEMAKER_PROGRAM=serve.py`` there.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from ..domain.errors import invalid_field
from ..domain.models import Entry, InferenceSpec
from .rules import Problems, choose_instance_type, choose_name, choose_role, launch_tags

DEFAULT_INFERENCE_PROGRAM: Final = "inference.py"
VARIANT_NAME: Final = "AllTraffic"


@dataclass(frozen=True)
class DeploymentChoices:
    role_arn: str | None = None
    endpoint_name: str | None = None
    instance_type: str | None = None
    instance_count: int = 1


@dataclass(frozen=True)
class DeploymentRequests:
    """The three SageMaker requests of one deployment, in the order they are sent."""

    endpoint_name: str
    create_model: dict[str, Any]
    create_endpoint_config: dict[str, Any]
    create_endpoint: dict[str, Any]


def inference_spec(entry: Entry) -> InferenceSpec:
    """The entry's deployment settings; 400 when it has none."""
    if entry.inference is None:
        what = "a notebook" if entry.kind == "notebook" else "a model without deployment settings"
        raise invalid_field(["inference"], f"'{entry.id}' is {what}: it cannot be deployed.")
    return entry.inference


def inference_environment(spec: InferenceSpec) -> dict[str, str]:
    """The container's environment: script-mode variables, then the entry's own."""
    environment: dict[str, str] = {}
    if spec.script_uri is not None:
        name = posixpath.basename(spec.script_uri)
        program = name if name.endswith(".py") else DEFAULT_INFERENCE_PROGRAM
        environment["SAGEMAKER_PROGRAM"] = program
        environment["SAGEMAKER_SUBMIT_DIRECTORY"] = spec.script_uri
    environment.update(spec.environment)
    return environment


def build_deployment(
    entry: Entry,
    choices: DeploymentChoices,
    *,
    launched_by: str,
    now: datetime,
    default_role_arn: str | None = None,
) -> DeploymentRequests:
    """The requests deploying ``entry``; 400 listing every problem with ``choices``."""
    spec = inference_spec(entry)
    problems = Problems()
    name = choose_name(problems, "endpoint_name", choices.endpoint_name, entry.id, now)
    role_arn = choose_role(problems, choices.role_arn, default_role_arn)
    instance_type = choose_instance_type(
        problems, choices.instance_type, spec.instance_types, spec.default_instance_type
    )
    if not 1 <= choices.instance_count <= 100:
        problems.add(["instance_count"], "the instance count must be between 1 and 100")
    problems.raise_if_any()
    tags = launch_tags(entry.id, launched_by)
    container: dict[str, Any] = {"Image": spec.image.uri, "ModelDataUrl": spec.model_data_uri}
    environment = inference_environment(spec)
    if environment:
        container["Environment"] = environment
    return DeploymentRequests(
        endpoint_name=name,
        create_model={
            "ModelName": name,
            "PrimaryContainer": container,
            "ExecutionRoleArn": role_arn,
            "Tags": tags,
        },
        create_endpoint_config={
            "EndpointConfigName": name,
            "ProductionVariants": [
                {
                    "VariantName": VARIANT_NAME,
                    "ModelName": name,
                    "InitialInstanceCount": choices.instance_count,
                    "InstanceType": instance_type,
                    "InitialVariantWeight": 1.0,
                }
            ],
            "Tags": tags,
        },
        create_endpoint={"EndpointName": name, "EndpointConfigName": name, "Tags": tags},
    )
