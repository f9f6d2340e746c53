"""Metric definitions applied to a training log as it arrives, as SageMaker does.

Each metric's regex is searched in every log line; its first capture group, parsed as
a float, is one point of that metric's series, stamped with the time the line was read.
A line may give a point to several metrics; a capture that is not a number is skipped
(SageMaker drops it too). Series are thinned evenly past ``max_points`` so a script
that logs a metric on every line keeps bounded memory and bounded replies.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Final

MAX_POINTS: Final = 5000

Point = tuple[float, float]


class Series:
    """One metric's points in log order; every ``stride``-th point once it is long."""

    def __init__(self, max_points: int = MAX_POINTS) -> None:
        self._max = max(2, max_points)
        self._stride = 1
        self._seen = 0
        self.points: list[Point] = []

    def add(self, point: Point) -> None:
        if self._seen % self._stride == 0:
            self.points.append(point)
            if len(self.points) > self._max:
                self.points = self.points[::2]  # keep every other point, twice the stride
                self._stride *= 2
        self._seen += 1

    def __len__(self) -> int:
        return len(self.points)


class MetricExtractor:
    """Turns log lines into metric series. Not thread-safe: one reader feeds it."""

    def __init__(self, regexes: Mapping[str, str], max_points: int = MAX_POINTS) -> None:
        self._patterns = [(name, re.compile(regex)) for name, regex in regexes.items()]
        self.series: dict[str, Series] = {name: Series(max_points) for name in regexes}

    @property
    def active(self) -> bool:
        """The entry defines metrics: lines are worth decoding for them."""
        return bool(self._patterns)

    def feed(self, lines: Iterable[str], timestamp: float) -> list[tuple[str, Point]]:
        """Apply every regex to every line; the new points, in order."""
        found: list[tuple[str, Point]] = []
        if not self._patterns:
            return found
        for line in lines:
            for name, pattern in self._patterns:
                match = pattern.search(line)
                if match is None:
                    continue
                value = _as_float(match.group(1))
                if value is None:
                    continue
                point = (timestamp, value)
                self.series[name].add(point)
                found.append((name, point))
        return found

    def snapshot(self) -> dict[str, list[Point]]:
        return {name: list(series.points) for name, series in self.series.items()}


def _as_float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None
