"""What the HTTP layer reaches for: built once when the extension starts."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .identity import Identity

SETTINGS_KEY = "shared_models"


@dataclass(frozen=True)
class Services:
    identity: Identity
    catalog: Catalog
    share_notebooks_to: str | None
    aws_region: str | None
    sagemaker_role_arn: str | None
    local_runs_dir: str
