"""The folders of a run tree: a local run's own folder standing for ``/opt/ml``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class RunLayout:
    """The folders of one run tree; ``root`` stands for ``/opt/ml``."""

    root: str

    def path(self, *parts: str) -> str:
        return os.path.join(self.root, *parts)

    @property
    def code_dir(self) -> str:
        return self.path("code")

    @property
    def model_dir(self) -> str:
        return self.path("model")

    @property
    def input_dir(self) -> str:
        return self.path("input")

    @property
    def input_config_dir(self) -> str:
        return self.path("input", "config")

    @property
    def output_dir(self) -> str:
        return self.path("output")

    @property
    def output_data_dir(self) -> str:
        return self.path("output", "data")

    @property
    def output_intermediate_dir(self) -> str:
        return self.path("output", "intermediate")

    @property
    def checkpoints_dir(self) -> str:
        return self.path("checkpoints")

    @property
    def failure_file(self) -> str:
        return self.path("output", "failure")

    def channel_dir(self, channel: str) -> str:
        return self.path("input", "data", channel)

    def folders(self, channels: Sequence[str]) -> list[str]:
        """Every folder SageMaker creates before the entry point starts."""
        return [
            self.input_config_dir,
            *(self.channel_dir(channel) for channel in channels),
            self.code_dir,
            self.model_dir,
            self.output_dir,
            self.output_data_dir,
            self.output_intermediate_dir,
            self.checkpoints_dir,
        ]
