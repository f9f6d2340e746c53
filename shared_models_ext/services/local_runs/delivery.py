"""The *uploading* phase of a run: ``model/`` and ``output/data/`` packed as
``model.tar.gz`` / ``output.tar.gz`` into the output location, laid out as SageMaker
does (``<output>/<run id>/output/``), in S3 or in the workspace.
"""

from __future__ import annotations

import os
import shutil
import tarfile
from typing import Final

from . import record as records
from .active_run import ActiveRun, Settings
from .staging import StagingError

TAR_GZ: Final = "application/gzip"


def pack(folder: str, archive: str) -> bool:
    """``folder``'s content as a ``.tar.gz`` (members relative to it); False when empty."""
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    if not names:
        return False
    with tarfile.open(archive, "w:gz") as tar:
        for name in names:
            tar.add(os.path.join(folder, name), arcname=name)
    return True


def deliver(active: ActiveRun, settings: Settings) -> None:
    """Pack ``model/`` and ``output/data/`` into ``<output>/<run id>/output/``."""
    plan, layout, record = active.plan, active.layout, active.record
    staging = records.product_dir(layout.root)
    archives = {
        "model.tar.gz": layout.model_dir,
        "output.tar.gz": layout.output_data_dir,
    }
    packed = {
        name: os.path.join(staging, name)
        for name, folder in archives.items()
        if pack(folder, os.path.join(staging, name)) or name == "model.tar.gz"
    }
    if not os.path.exists(packed["model.tar.gz"]):  # an empty model/ still gives an archive
        with tarfile.open(packed["model.tar.gz"], "w:gz"):
            pass
    if plan.output.kind == "s3":
        location = f"{plan.output.location.rstrip('/')}/{record.run_id}/output/"
        for name, path in packed.items():
            settings.s3.upload_file(path, location + name, TAR_GZ)
        record.output_location = location
        record.model_artifact = location + "model.tar.gz"
        record.output_artifact = location + "output.tar.gz" if "output.tar.gz" in packed else None
        return
    folder = os.path.join(plan.output.location, record.run_id, "output")
    if not settings.workspace.contains(os.path.dirname(os.path.dirname(folder))):
        raise StagingError("The output folder leads outside the workspace.")
    os.makedirs(folder, exist_ok=True)
    for name, path in packed.items():
        shutil.move(path, os.path.join(folder, name))
    relative = settings.workspace.relative(folder)
    record.output_location = relative
    record.model_artifact = f"{relative}/model.tar.gz"
    record.output_artifact = f"{relative}/output.tar.gz" if "output.tar.gz" in packed else None
