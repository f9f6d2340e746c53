"""Local runs: a shared model's training script on this machine, in SageMaker's
training-container contract (the run's folder stands for ``/opt/ml``)."""

from .service import LocalRuns

__all__ = ["LocalRuns"]
