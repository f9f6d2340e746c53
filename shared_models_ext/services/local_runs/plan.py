"""From a ``POST /entries/{id}/local-runs`` body to a run plan, every rule checked first.

Everything that can be known before a byte is staged is checked here and reported as
one 400 with a detail per field: the hyperparameters exactly as for a SageMaker launch
(the same functions), the instance type, each channel's source, the interpreter, the
code and the output. Nothing is created until the plan is whole.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

from ...domain.models import Entry
from ...domain.models.local_runs import (
    DEFAULT_OUTPUT,
    DEFAULT_SYNTHETIC_ROWS,
    SYNTHETIC,
    StartLocalRun,
)
from ...domain.models.training import TabularFormat
from ...domain.models.uris import validate_s3_uri
from ...training.entry_point import entry_point_problem
from ...training.request import check_hyperparameters, script_mode, training_spec
from ...training.rules import Problems, choose_instance_type
from ..workspace import Workspace
from .staging import CSV

SERVER_PYTHON: Final = "the server's Python"

SourceKind = Literal["s3", "workspace", "synthetic"]


@dataclass(frozen=True)
class ChannelPlan:
    name: str
    kind: SourceKind
    source: str  # S3 URI, absolute workspace path, or "synthetic"
    content_type: str | None


@dataclass(frozen=True)
class Output:
    kind: Literal["s3", "workspace"]
    location: str  # S3 prefix, or absolute workspace folder


@dataclass(frozen=True)
class RunPlan:
    entry: Entry
    hyperparameters: dict[str, str]
    instance_type: str
    channels: list[ChannelPlan]
    synthetic_rows: int
    seed: int
    tabular: TabularFormat | None
    python: str  # the interpreter's path
    python_label: str
    install_requirements: bool
    code: str  # S3 URI or absolute workspace path
    code_is_s3: bool
    entry_point: str
    output: Output
    environment: dict[str, str]
    metrics: dict[str, str]


def is_s3(source: str) -> bool:
    return source.lower().startswith("s3://")


def kernelspec_python(name: str, problems: Problems) -> str:
    """The Python of Jupyter kernelspec ``name`` (its ``argv[0]``)."""
    try:
        spec = KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel:
        problems.add(["python"], f"there is no Jupyter kernel named '{name}' on this server")
        return ""
    if (spec.language or "").lower() != "python" or not spec.argv:
        problems.add(["python"], f"the kernel '{name}' is not a Python kernel")
        return ""
    executable = str(spec.argv[0])
    found = executable if os.path.isabs(executable) else shutil.which(executable)
    if not found or not os.access(found, os.X_OK):
        problems.add(["python"], f"the kernel '{name}' names a Python that is not there")
        return ""
    return found


def plan_run(entry: Entry, body: StartLocalRun, workspace: Workspace) -> RunPlan:
    """The whole plan, or ``InvalidInput`` listing every problem."""
    spec = training_spec(entry)
    problems = Problems()
    hyperparameters = check_hyperparameters(spec, body.hyperparameters, problems)
    job_channels = script_mode(spec, hyperparameters, problems)
    instance_type = choose_instance_type(
        problems, body.instance_type, spec.instance_types, spec.default_instance_type
    )
    code_channel = {name for name, _ in job_channels} - {c.name for c in spec.channels}
    declared = [name for name, _ in job_channels]
    for name in body.channels:
        if name not in declared or name in code_channel:
            problems.add(
                ["channels", name],
                f"'{name}' is not a channel of this entry (its channels: "
                f"{', '.join(c.name for c in spec.channels)})",
            )
    all_synthetic = body.synthetic_rows is not None and not body.channels
    channels: list[ChannelPlan] = []
    for name, uri in job_channels:
        if name in code_channel:
            continue  # filled with the code itself, below
        source = SYNTHETIC if all_synthetic else body.channels.get(name, uri)
        channel = _channel(name, source, spec.tabular, workspace, problems)
        if channel is not None:
            channels.append(channel)
    code = body.code or spec.script_uri
    if code is None or spec.entry_point is None:
        problems.add(
            ["code"],
            "this entry has no training script and entry point: add them to the entry "
            "(Edit → Enable training) to run it locally",
        )
        code, entry_point = "", ""
    else:
        entry_point = spec.entry_point
        problem = entry_point_problem(entry_point)
        if problem:
            problems.add(["training", "entry_point"], problem)
        code = _code(code, workspace, problems)
    for name in code_channel:
        channels.append(ChannelPlan(name, "s3" if is_s3(code) else "workspace", code, None))
    python, label = sys.executable, SERVER_PYTHON
    if body.python is not None:
        python, label = kernelspec_python(body.python, problems), body.python
    output = _output(body.output or DEFAULT_OUTPUT, workspace, problems)
    problems.raise_if_any()
    return RunPlan(
        entry=entry,
        hyperparameters=hyperparameters,
        instance_type=instance_type,
        channels=channels,
        synthetic_rows=body.synthetic_rows or DEFAULT_SYNTHETIC_ROWS,
        seed=body.seed,
        tabular=spec.tabular,
        python=python,
        python_label=label,
        install_requirements=body.install_requirements,
        code=code,
        code_is_s3=is_s3(code),
        entry_point=entry_point,
        output=output,
        environment=dict(spec.environment),
        metrics={metric.name: metric.regex for metric in spec.metrics},
    )


def _channel(
    name: str,
    source: str,
    tabular: TabularFormat | None,
    workspace: Workspace,
    problems: Problems,
) -> ChannelPlan | None:
    loc = ["channels", name]
    if source == SYNTHETIC:
        if tabular is None:
            problems.add(
                loc,
                "synthetic data is made from the entry's column format: only tabular "
                "models with a column format have it",
            )
            return None
        return ChannelPlan(name, "synthetic", SYNTHETIC, CSV)
    if is_s3(source):
        try:
            return ChannelPlan(name, "s3", validate_s3_uri(source), None)
        except ValueError as error:
            problems.add(loc, str(error))
            return None
    try:
        return ChannelPlan(name, "workspace", workspace.existing_dir(source, loc), None)
    except Exception as error:  # InvalidInput with this field's detail
        _merge(problems, error, loc)
        return None


def _code(code: str, workspace: Workspace, problems: Problems) -> str:
    if is_s3(code):
        try:
            uri = validate_s3_uri(code)
        except ValueError as error:
            problems.add(["code"], str(error))
            return code
        if not uri.lower().endswith((".tar.gz", ".tgz", ".tar", ".py")):
            problems.add(["code"], "the code in S3 is one .tar.gz (or .py) file")
        return uri
    try:
        return workspace.existing(code, ["code"])
    except Exception as error:
        _merge(problems, error, ["code"])
        return code


def _output(output: str, workspace: Workspace, problems: Problems) -> Output:
    if is_s3(output):
        try:
            return Output("s3", validate_s3_uri(output))
        except ValueError as error:
            problems.add(["output"], str(error))
            return Output("s3", output)
    try:
        folder = workspace.resolve(output, ["output"])
    except Exception as error:
        _merge(problems, error, ["output"])
        return Output("workspace", output)
    if os.path.exists(folder) and not os.path.isdir(folder):
        problems.add(["output"], f"'{output}' is a file, not a folder")
    return Output("workspace", folder)


def _merge(problems: Problems, error: Exception, loc: Sequence[str | int]) -> None:
    details = getattr(error, "details", None)
    if not details:
        raise error
    for detail in details:
        problems.add(detail["loc"], detail["msg"])
