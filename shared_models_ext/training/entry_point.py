"""How the SageMaker training toolkit starts a training script, and how it reports a failure.

The rules of ``sagemaker_training.process`` and ``sagemaker_training.errors``; the tests
check them against the toolkit itself (see ``docs/local-runs.md``).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from typing import Final

# validate_entry_point: a plain relative path of letters, digits and . _ + - /
_SAFE_ENTRY_POINT: Final = re.compile(r"[A-Za-z0-9_+][A-Za-z0-9_.+/-]*")


def entry_point_problem(entry_point: str) -> str | None:
    """Why the toolkit would refuse ``entry_point`` (``process.validate_entry_point``)."""
    if not entry_point:
        return "the entry point is empty"
    if not _SAFE_ENTRY_POINT.fullmatch(entry_point):
        return (
            "an entry point may hold only letters, digits, '.', '_', '+', '-' and '/', "
            "and may not start with '-' or '/'"
        )
    if any(segment in (".", "..") for segment in entry_point.split("/")):
        return "an entry point may not hold '.' or '..' path segments"
    return None


def is_python_package(code_files: Sequence[str]) -> bool:
    """The toolkit runs a code folder holding ``setup.py`` as a package (``-m``)."""
    return "setup.py" in code_files


def entry_point_command(
    entry_point: str, args: Sequence[str], python: str, *, package: bool
) -> list[str]:
    """How the toolkit starts the entry point (``process.ProcessRunner._create_command``):
    a ``.sh`` (or any non-Python file) through ``/bin/sh -c ./<entry> <args>``; in a
    package folder, ``python -m <module>``; a ``.py``, ``python -- <entry> <args>``."""
    if entry_point.endswith(".sh") or not (package or entry_point.endswith(".py")):
        quoted = " ".join(shlex.quote(arg) for arg in args)
        return ["/bin/sh", "-c", f"./{shlex.quote(entry_point)} {quoted}"]
    if package:
        return [python, "-m", re.sub(r"\.py$", "", entry_point), *args]
    return [python, "--", entry_point, *args]


def toolkit_failure_reason(exit_code: int, stderr_tail: str, command: Sequence[str]) -> str:
    """The toolkit's message when the entry point fails with no ``output/failure``
    (``errors.ExecuteUserScriptError``), before SageMaker keeps its first 1024 chars."""
    return (
        f'ExecuteUserScriptError:\nExitCode {exit_code}\nErrorMessage "{stderr_tail.strip()}"\n'
        f'Command "{" ".join(command)}"'
    ).strip()


MAX_FAILURE_REASON: Final = 1024


def failure_reason(text: str) -> str:
    """What SageMaker reports as FailureReason: the first 1024 characters."""
    return text[:MAX_FAILURE_REASON]
