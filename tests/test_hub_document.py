"""The entry → SageMaker ``HubContentDocument`` mapping (pure) and its inverse."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import payloads
import pytest

from shared_models_ext.domain.models import CreateEntry, Entry
from shared_models_ext.training.hub_document import (
    HUB_MODEL_DOCUMENT_KEYS,
    HUB_NOTEBOOK_DOCUMENT_KEYS,
    MODEL_SCHEMA_VERSION,
    NOTEBOOK_SCHEMA_VERSION,
    content_type,
    entry_fields,
    hub_document,
    hub_document_text,
    schema_version,
)

ECR_TRAINING = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-training:1.0"

#: ``HubModelDocument.__slots__`` of the SageMaker Python SDK
#: (src/sagemaker/jumpstart/hub/interfaces.py), snake_case as the SDK writes them.
SDK_MODEL_SLOTS = """url min_sdk_version training_supported model_types capabilities
incremental_training_supported dynamic_container_deployment_supported hosting_ecr_uri
hosting_artifact_s3_data_type hosting_artifact_compression_type hosting_artifact_uri
hosting_prepacked_artifact_uri hosting_prepacked_artifact_version hosting_script_uri
hosting_use_script_uri hosting_eula_uri hosting_model_package_arn inference_ami_version
model_subscription_link inference_configs inference_config_components
inference_config_rankings training_artifact_s3_data_type training_artifact_compression_type
training_model_package_artifact_uri hyperparameters inference_environment_variables
training_script_uri training_prepacked_script_uri training_prepacked_script_version
training_ecr_uri training_metrics training_artifact_uri training_configs
training_config_components training_config_rankings inference_dependencies
training_dependencies default_inference_instance_type supported_inference_instance_types
default_training_instance_type supported_training_instance_types
sage_maker_sdk_predictor_specifications inference_volume_size training_volume_size
inference_enable_network_isolation training_enable_network_isolation fine_tuning_supported
validation_supported default_training_dataset_uri resource_name_base gated_bucket
default_payloads hosting_resource_requirements hosting_instance_type_variants
training_instance_type_variants notebook_location_uris model_provider_icon_uri task
framework datatype license contextual_help model_data_download_timeout
container_startup_health_check_timeout encrypt_inter_container_traffic
max_runtime_in_seconds disable_output_compression model_dir dependencies""".split()  # noqa: SIM905


def _upper_camel(name: str) -> str:
    # The SDK's snake_to_upper_camel: "sage_maker_sdk_…" → "SageMakerSdk…".
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def make_entry(body: dict[str, Any], entry_id: str = "churn-xgboost") -> Entry:
    created = CreateEntry.model_validate(body)
    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    return Entry(
        id=entry_id,
        kind=created.kind,
        title=created.title,
        description=created.description,
        data_type=created.data_type,
        task=created.task,
        framework=created.framework,
        keywords=list(created.keywords),
        owner="alice",
        share=created.share,
        training=created.training,
        inference=created.inference,
        notebook=created.notebook,
        created_at=now,
        updated_at=now,
        version=1,
    )


def full_model() -> Entry:
    training = payloads.tabular_training(image={"source": "ecr", "uri": ECR_TRAINING})
    return make_entry(
        payloads.model(
            training=training,
            inference=payloads.inference(environment={"MODEL_SERVER_WORKERS": "2"}),
        )
    )


def test_the_key_list_is_the_sdks() -> None:
    assert {_upper_camel(slot) for slot in SDK_MODEL_SLOTS} == HUB_MODEL_DOCUMENT_KEYS


def test_a_model_with_training_and_deployment() -> None:
    entry = full_model()
    document = hub_document(entry)
    assert set(document) <= HUB_MODEL_DOCUMENT_KEYS
    assert document == {
        "Task": "tabular-classification",
        "Framework": "xgboost",
        "Datatype": "tabular",
        "TrainingSupported": True,
        "TrainingEcrUri": ECR_TRAINING,
        "TrainingScriptUri": "s3://team-bucket/code/sourcedir.tar.gz",
        "Hyperparameters": [
            {"Name": "epochs", "Type": "int", "Min": 1, "Max": 100, "Default": "10",
             "Scope": "algorithm"},
            {"Name": "lr", "Type": "float", "Min": 1e-5, "Max": 1.0, "Default": "0.001",
             "Scope": "algorithm"},
            {"Name": "optimizer", "Type": "text", "Options": ["adam", "sgd"],
             "Default": "adam", "Scope": "algorithm"},
            {"Name": "note", "Type": "text", "Default": "", "Scope": "algorithm"},
            {"Name": "sagemaker_program", "Type": "text", "Default": "train.py",
             "Scope": "container"},
            {"Name": "sagemaker_submit_directory", "Type": "text",
             "Default": "s3://team-bucket/code/sourcedir.tar.gz", "Scope": "container"},
        ],
        "TrainingMetrics": [{"Name": "loss", "Regex": "Loss =(.*?);"}],
        "DefaultTrainingInstanceType": "ml.m5.xlarge",
        "SupportedTrainingInstanceTypes": ["ml.m5.xlarge", "ml.g5.2xlarge"],
        "TrainingEnableNetworkIsolation": True,
        "DefaultTrainingDatasetUri": "s3://team-bucket/data/train/",
        "ValidationSupported": True,
        "HostingEcrUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-inference:1.0",
        "HostingArtifactUri": "s3://team-bucket/output/model.tar.gz",
        "HostingScriptUri": "s3://team-bucket/code/inference.tar.gz",
        "HostingUseScriptUri": True,
        "InferenceEnvironmentVariables": [
            {"Name": "MODEL_SERVER_WORKERS", "Type": "text", "Default": "2",
             "Scope": "container", "RequiredForModelClass": False}
        ],
        "DefaultInferenceInstanceType": "ml.m5.large",
        "SupportedInferenceInstanceTypes": ["ml.m5.large"],
    }  # fmt: skip
    assert content_type(entry) == "Model"
    assert schema_version("Model") == MODEL_SCHEMA_VERSION == "2.3.0"
    assert json.loads(hub_document_text(entry)) == document


def test_a_model_with_training_only() -> None:
    entry = make_entry(
        payloads.model(training=payloads.tabular_training(entry_point=None, script_uri=None))
    )
    document = hub_document(entry)
    assert set(document) <= HUB_MODEL_DOCUMENT_KEYS
    assert document["TrainingSupported"] is True
    assert not [key for key in document if key.startswith(("Hosting", "Inference"))]
    assert "DefaultInferenceInstanceType" not in document
    assert "TrainingScriptUri" not in document
    names = [item["Name"] for item in document["Hyperparameters"]]
    assert names == ["epochs", "lr", "optimizer", "note"]


def test_a_model_with_deployment_only() -> None:
    document = hub_document(make_entry(payloads.model(inference=payloads.inference())))
    assert document["TrainingSupported"] is False
    assert [key for key in document if key.startswith("Training")] == ["TrainingSupported"]
    assert document["HostingEcrUri"].endswith("churn-inference:1.0")


def test_a_notebook() -> None:
    entry = make_entry(payloads.notebook(), "exploring-churn")
    document = hub_document(entry)
    assert document == {
        "NotebookLocation": "s3://team-bucket/notebooks/churn.ipynb",
        "Dependencies": [],
    }
    assert set(document) <= HUB_NOTEBOOK_DOCUMENT_KEYS
    assert content_type(entry) == "Notebook"
    assert schema_version("Notebook") == NOTEBOOK_SCHEMA_VERSION == "1.0.0"
    assert entry_fields("Notebook", document) == {"notebook": entry.model_dump()["notebook"]}


@pytest.mark.parametrize("with_inference", [True, False])
def test_the_round_trip_gives_the_entrys_fields_back(with_inference: bool) -> None:
    entry = (
        full_model()
        if with_inference
        else make_entry(payloads.model(training=payloads.tabular_training()))
    )
    back = entry_fields("Model", json.loads(hub_document_text(entry)))
    assert (back["data_type"], back["task"], back["framework"]) == (
        entry.data_type,
        entry.task,
        entry.framework,
    )
    training = entry.model_dump()["training"]
    expected_ranges = [
        {key: value for key, value in spec.items() if key != "scaling"}  # not in the document
        for spec in training["hyperparameters"]
    ]
    assert back["training"] == {
        "image_uri": training["image"]["uri"],
        "script_uri": training["script_uri"],
        "entry_point": training["entry_point"],
        "training_data_uri": training["training_data_uri"],
        "network_isolation": training["network_isolation"],
        "has_validation_data": training["validation_data_uri"] is not None,
        "hyperparameters": expected_ranges,
        "instance_types": training["instance_types"],
        "default_instance_type": training["default_instance_type"],
        "metrics": training["metrics"],
    }
    if with_inference:
        inference = entry.model_dump()["inference"]
        assert back["inference"] == {
            "image_uri": inference["image"]["uri"],
            "script_uri": inference["script_uri"],
            "model_data_uri": inference["model_data_uri"],
            "environment": inference["environment"],
            "instance_types": inference["instance_types"],
            "default_instance_type": inference["default_instance_type"],
        }
    else:
        assert back["inference"] is None
