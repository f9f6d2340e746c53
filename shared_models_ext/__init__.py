"""Shared Models: share ML models and notebooks with colleagues, from JupyterLab."""

from __future__ import annotations

from typing import Any

try:
    from ._version import __version__
except ImportError:  # pragma: no cover - only when running from a source tree without a build
    __version__ = "0.0.0+unknown"

from .app import SharedModelsApp

__all__ = ["SharedModelsApp", "__version__"]


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "shared-models-ext"}]


def _jupyter_server_extension_points() -> list[dict[str, Any]]:
    return [{"module": "shared_models_ext", "app": SharedModelsApp}]
