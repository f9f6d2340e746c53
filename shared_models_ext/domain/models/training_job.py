"""SageMaker's CreateTrainingJob request, with AWS's own parameter names.

``GET /entries/{id}/training-job-request`` returns it as JSON (usable as
``aws sagemaker create-training-job --cli-input-json file://training_job.json``) and
``POST /entries/{id}/training-jobs`` sends the same to SageMaker. Only parameters the
product sets are modelled; ``to_api()`` leaves out the unset ones.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _AwsShape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MetricDefinitionShape(_AwsShape):
    Name: str
    Regex: str


class AlgorithmSpecificationShape(_AwsShape):
    TrainingImage: str
    TrainingInputMode: Literal["File"] = "File"
    MetricDefinitions: list[MetricDefinitionShape] | None = None


class S3DataSourceShape(_AwsShape):
    S3DataType: Literal["S3Prefix"] = "S3Prefix"
    S3Uri: str
    S3DataDistributionType: Literal["FullyReplicated"] = "FullyReplicated"


class DataSourceShape(_AwsShape):
    S3DataSource: S3DataSourceShape


class ChannelShape(_AwsShape):
    ChannelName: str
    DataSource: DataSourceShape


class OutputDataConfigShape(_AwsShape):
    S3OutputPath: str


class ResourceConfigShape(_AwsShape):
    InstanceType: str
    InstanceCount: int
    VolumeSizeInGB: int


class StoppingConditionShape(_AwsShape):
    MaxRuntimeInSeconds: int


class CheckpointConfigShape(_AwsShape):
    S3Uri: str


class TagShape(_AwsShape):
    Key: str
    Value: str


class CreateTrainingJobRequest(_AwsShape):
    """The exact CreateTrainingJob request (``aws sagemaker create-training-job
    --cli-input-json``); fields that are not set are absent, never null."""

    TrainingJobName: str
    HyperParameters: dict[str, str] | None = Field(
        default=None,
        description="The entry's defaults overlaid with the overrides, plus sagemaker_program "
        "and sagemaker_submit_directory in script mode",
    )
    AlgorithmSpecification: AlgorithmSpecificationShape
    RoleArn: str
    InputDataConfig: list[ChannelShape]
    OutputDataConfig: OutputDataConfigShape
    ResourceConfig: ResourceConfigShape
    StoppingCondition: StoppingConditionShape
    EnableNetworkIsolation: bool
    Environment: dict[str, str] | None = None
    CheckpointConfig: CheckpointConfigShape | None = None
    Tags: list[TagShape] = Field(default_factory=list)

    def to_api(self) -> dict[str, Any]:
        """The request as boto3 and the AWS CLI take it."""
        return self.model_dump(mode="json", exclude_none=True)
