"""The container pickers of the wizard: existing training jobs, ECR images, and Deep
Learning Containers. Blocking (AWS calls): run off the event loop. No tornado here."""

from __future__ import annotations

from ..aws.ecr import EcrService
from ..aws.sagemaker import SageMakerService
from ..domain.dlc import dlc_image
from ..domain.models.containers import (
    DlcImage,
    DlcImageQuery,
    EcrImage,
    EcrImageList,
    EcrRepository,
    EcrRepositoryList,
    TrainingJobList,
    TrainingJobListQuery,
    TrainingJobSummary,
)


def recent_training_jobs(
    sagemaker: SageMakerService, query: TrainingJobListQuery
) -> TrainingJobList:
    """The account's newest training jobs (optionally by name), each with its image."""
    jobs, next_cursor = sagemaker.list_training_jobs(query.name_contains, query.limit, query.cursor)
    items = [
        TrainingJobSummary(
            name=job["TrainingJobName"],
            arn=job["TrainingJobArn"],
            status=job.get("TrainingJobStatus", "Unknown"),
            created_at=job.get("CreationTime"),
            image=(job.get("AlgorithmSpecification") or {}).get("TrainingImage"),
            instance_type=(job.get("ResourceConfig") or {}).get("InstanceType"),
        )
        for job in jobs
    ]
    return TrainingJobList(items=items, next_cursor=next_cursor)


def ecr_repositories(ecr: EcrService) -> EcrRepositoryList:
    repositories, truncated = ecr.repositories()
    return EcrRepositoryList(
        repositories=[
            EcrRepository(name=item.name, uri=item.uri, created_at=item.created_at)
            for item in repositories
        ],
        truncated=truncated,
    )


def ecr_images(ecr: EcrService, repository: str) -> EcrImageList:
    repository_uri, images, truncated = ecr.images(repository)
    return EcrImageList(
        repository=repository,
        repository_uri=repository_uri,
        images=[
            EcrImage(
                tag=image.tag,
                digest=image.digest,
                uri=image.uri,
                pushed_at=image.pushed_at,
                size_bytes=image.size_bytes,
            )
            for image in images
        ],
        truncated=truncated,
    )


def deep_learning_container(sagemaker: SageMakerService, query: DlcImageQuery) -> DlcImage:
    """The URI of one Deep Learning Container, in the query's region or the server's."""
    return dlc_image(query, query.region or sagemaker.region)
