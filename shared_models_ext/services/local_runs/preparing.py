"""The *preparing* phase of a run: each channel's data into ``input/data/<channel>/``
and the training code into ``code/`` (the downloads and copies are ``staging.py``'s).
"""

from __future__ import annotations

import os
import shutil
from typing import Final

from ...training.synthetic import write_synthetic_csv
from . import record as records
from .active_run import ActiveRun, Settings
from .plan import ChannelPlan
from .process import LogSink
from .staging import StagingError, copy_workspace_folder, download_prefix, stage_code

REQUIREMENTS: Final = "requirements.txt"


def _stage_channel(
    channel: ChannelPlan, index: int, active: ActiveRun, settings: Settings, used: int
) -> int:
    plan, target = active.plan, active.layout.channel_dir(channel.name)
    if channel.kind == "synthetic":
        assert plan.tabular is not None
        path = os.path.join(target, f"{channel.name}.csv")
        with open(path, "wb") as out:
            write_synthetic_csv(plan.tabular, plan.synthetic_rows, plan.seed * 64 + index, out)
        return used
    if channel.kind == "s3":
        return used + download_prefix(
            settings.s3, channel.source, target, settings.max_download_bytes, used
        )
    if os.path.isdir(channel.source):
        copy_workspace_folder(settings.workspace, channel.source, target)
    else:
        shutil.copy(channel.source, target)
    return used


def prepare(active: ActiveRun, sink: LogSink, settings: Settings) -> None:
    """Data into ``input/data/<channel>/``, code into ``code/``."""
    plan, layout = active.plan, active.layout
    used = 0
    for index, channel in enumerate(plan.channels):
        if active.stop_requested.is_set():
            return
        shown = (
            f"{plan.synthetic_rows:,} synthetic rows"
            if channel.kind == "synthetic"
            else (
                channel.source
                if channel.kind == "s3"
                else settings.workspace.relative(channel.source) or "."
            )
        )
        sink.write_text(f"[shared-models] channel {channel.name}: {shown}\n")
        used = _stage_channel(channel, index, active, settings, used)
    sink.write_text(f"[shared-models] code: {_shown(plan.code, plan.code_is_s3, settings)}\n")
    stage_code(
        plan.code,
        layout.code_dir,
        workspace=settings.workspace,
        s3=settings.s3,
        download_dir=records.product_dir(layout.root),
        from_s3=plan.code_is_s3,
    )
    entry = os.path.join(layout.code_dir, plan.entry_point)
    if not os.path.isfile(entry):
        present = ", ".join(sorted(os.listdir(layout.code_dir))[:20]) or "nothing"
        raise StagingError(
            f"The entry point '{plan.entry_point}' is not in the training code "
            f"(code/ holds: {present})."
        )
    active.record.requirements_txt = os.path.isfile(os.path.join(layout.code_dir, REQUIREMENTS))


def _shown(source: str, s3: bool, settings: Settings) -> str:
    return source if s3 else settings.workspace.relative(source) or "."
