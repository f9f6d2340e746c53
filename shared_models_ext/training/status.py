"""SageMaker's Describe* answers, in the API's words: pure."""

from __future__ import annotations

from typing import Any, Final

from ..domain.models.launch import (
    DeploymentStatus,
    FinalMetric,
    StatusTransition,
    TrainingJobStatus,
    TrainingLogs,
)

TRAINING_LOG_GROUP: Final = "/aws/sagemaker/TrainingJobs"


def training_job_status(job: dict[str, Any]) -> TrainingJobStatus:
    """A DescribeTrainingJob answer as ``GET /training-jobs/{name}`` returns it."""
    name = str(job["TrainingJobName"])
    resources = job.get("ResourceConfig") or {}
    algorithm = job.get("AlgorithmSpecification") or {}
    return TrainingJobStatus(
        job_name=name,
        arn=job["TrainingJobArn"],
        status=job["TrainingJobStatus"],
        secondary_status=job.get("SecondaryStatus"),
        secondary_status_history=[
            StatusTransition(
                status=item["Status"],
                start_time=item.get("StartTime"),
                end_time=item.get("EndTime"),
                message=item.get("StatusMessage"),
            )
            for item in job.get("SecondaryStatusTransitions", [])
        ],
        failure_reason=job.get("FailureReason"),
        final_metrics=[
            FinalMetric(
                name=item["MetricName"], value=item["Value"], timestamp=item.get("Timestamp")
            )
            for item in job.get("FinalMetricDataList", [])
        ],
        created_at=job.get("CreationTime"),
        started_at=job.get("TrainingStartTime"),
        ended_at=job.get("TrainingEndTime"),
        last_modified_at=job.get("LastModifiedTime"),
        billable_seconds=job.get("BillableTimeInSeconds"),
        training_seconds=job.get("TrainingTimeInSeconds"),
        image=algorithm.get("TrainingImage"),
        instance_type=resources.get("InstanceType"),
        instance_count=resources.get("InstanceCount"),
        model_artifacts=(job.get("ModelArtifacts") or {}).get("S3ModelArtifacts"),
        logs=TrainingLogs(log_group=TRAINING_LOG_GROUP, log_stream_prefix=f"{name}/algo-1-"),
    )


def deployment_status(
    endpoint: dict[str, Any], config: dict[str, Any] | None = None
) -> DeploymentStatus:
    """A DescribeEndpoint answer (and its endpoint configuration's, when it still exists)
    as ``GET /deployments/{endpoint_name}`` returns it."""
    variants = endpoint.get("ProductionVariants") or []
    live = variants[0] if variants else {}
    configured = ((config or {}).get("ProductionVariants") or [{}])[0]
    return DeploymentStatus(
        endpoint_name=endpoint["EndpointName"],
        arn=endpoint["EndpointArn"],
        status=endpoint["EndpointStatus"],
        failure_reason=endpoint.get("FailureReason"),
        endpoint_config_name=endpoint.get("EndpointConfigName"),
        created_at=endpoint.get("CreationTime"),
        last_modified_at=endpoint.get("LastModifiedTime"),
        instance_type=configured.get("InstanceType"),
        instance_count=configured.get("InitialInstanceCount"),
        current_instance_count=live.get("CurrentInstanceCount"),
    )
