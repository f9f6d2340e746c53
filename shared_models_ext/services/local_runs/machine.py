"""The machine local runs run on, as the training toolkit reports it to a script:
its CPUs, its GPUs (``nvidia-smi``) and its region (``SM_NUM_CPUS``, ``SM_NUM_GPUS``,
``SAGEMAKER_REGION``; see docs/local-runs.md).
"""

from __future__ import annotations

import multiprocessing
import subprocess

import boto3

from ...training import contract


def _gpus() -> int:
    """The toolkit's count: lines of ``nvidia-smi --list-gpus`` that start with 'GPU '."""
    try:
        output = subprocess.run(
            ["nvidia-smi", "--list-gpus"],  # noqa: S607 - as the toolkit runs it
            capture_output=True,
            check=True,
            timeout=10,
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return 0
    return sum(1 for line in output.split("\n") if line.startswith("GPU "))


def this_machine(region: str | None) -> contract.Machine:
    """This machine: ``region`` when the server sets one, else boto3's default."""
    region = region or boto3.session.Session().region_name
    return contract.Machine(num_cpus=multiprocessing.cpu_count(), num_gpus=_gpus(), region=region)
