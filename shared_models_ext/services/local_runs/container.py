"""What a run's entry point is given, as SageMaker's training container gives it: the
tree's folders and ``input/config/*.json``, the environment, the command line.

The values come from ``training/contract.py`` and ``training/entry_point.py`` (the
training toolkit's rules); see docs/local-runs.md for the tree and the variables.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from typing import Any, Final

from ...training import contract, entry_point
from .active_run import ActiveRun, Settings

# What the entry point inherits from the server's environment (a container starts
# clean): the shell basics, interpreter and numeric-library settings; never the
# server's own secrets (Jupyter or JupyterHub tokens).
_PASSED_THROUGH: Final = (
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "LANG",
    "TZ",
    "TMPDIR",
    "SHELL",
    "TERM",
    "VIRTUAL_ENV",
    "CONDA_PREFIX",
    "LD_LIBRARY_PATH",
    "CUDA_VISIBLE_DEVICES",
)
_PASSED_PREFIXES: Final = ("LC_", "OPENBLAS_", "OMP_", "MKL_")
_AWS_PREFIX: Final = "AWS_"


def container_env(active: ActiveRun, settings: Settings) -> dict[str, str]:
    """The entry point's environment: the toolkit's variables over a clean base, then the
    entry's own environment."""
    plan, layout = active.plan, active.layout
    with open(os.path.join(layout.input_config_dir, "inputdataconfig.json"), "rb") as f:
        input_config = _json(f.read())
    resources = contract.resource_config(plan.instance_type)
    computed = contract.container_environment(
        layout,
        plan.hyperparameters,
        input_config,
        resources,
        job_name=active.record.run_id,
        machine=settings.machine(),
    )
    isolated = plan.entry.training is not None and plan.entry.training.network_isolation
    env = {
        name: value
        for name, value in os.environ.items()
        if name in _PASSED_THROUGH
        or name.startswith(_PASSED_PREFIXES)
        or (name.startswith(_AWS_PREFIX) and not isolated)
    }
    env.update(computed.variables)
    env["SAGEMAKER_BASE_DIR"] = layout.root
    env["TRAINING_JOB_NAME"] = active.record.run_id
    env["FILE_FORMAT"] = contract.DEFAULT_FILE_FORMAT
    env["PYTHONUNBUFFERED"] = "1"  # as the Deep Learning Containers set it: live logs
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (layout.code_dir, os.environ.get("PYTHONPATH")) if part
    )
    env.update(plan.environment)
    return env


def _json(data: bytes) -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = json.loads(data)
    return loaded


def write_config(active: ActiveRun) -> None:
    """The tree's folders and ``input/config/*.json``, as SageMaker writes them."""
    plan, layout = active.plan, active.layout
    for folder in layout.folders([c.name for c in plan.channels]):
        os.makedirs(folder, exist_ok=True)
    files: dict[str, Mapping[str, Any]] = {
        "hyperparameters.json": plan.hyperparameters,
        "inputdataconfig.json": contract.input_data_config(
            {c.name: c.content_type for c in plan.channels}
        ),
        "resourceconfig.json": contract.resource_config(plan.instance_type),
    }
    for name, value in files.items():
        with open(os.path.join(layout.input_config_dir, name), "w", encoding="utf-8") as out:
            out.write(contract.config_json(value))


def command_for(active: ActiveRun, env: Mapping[str, str]) -> list[str]:
    layout, plan = active.layout, active.plan
    args = json.loads(env.get("SM_USER_ARGS", "[]"))
    package = entry_point.is_python_package(os.listdir(layout.code_dir))
    command = entry_point.entry_point_command(plan.entry_point, args, plan.python, package=package)
    if command[0] == "/bin/sh":  # the toolkit makes a command entry point executable
        path = os.path.join(layout.code_dir, plan.entry_point)
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return command
