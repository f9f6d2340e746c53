"""Seeded synthetic CSV data in an entry's tabular format, for local training runs.

Every column gets values of its type, and the target column is a noisy function of the
other columns, so a training script has something real to learn (``docs/synthetic-data.md``
states the rules). Output is a pure function of (format, rows, seed): rows are drawn in
fixed chunks of :data:`CHUNK_ROWS`, each from its own generator seeded by
``(seed, chunk, column)``, and written chunk by chunk, so memory stays bounded and the
bytes do not depend on how the writes are grouped. Each chunk is rendered without a
Python loop per cell: every field becomes a zero-padded byte matrix, the matrices are
laid side by side with the separators, and the padding is dropped in one pass
(``encoding.py``); ``columns.py`` holds what each column type draws.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO, Final

import numpy as np

from ...domain.models.training import TabularFormat
from .columns import (
    CATEGORIES,
    NOISE_STREAM,
    TARGET_CLASSES,
    VALUE_STREAM,
    WORDS,
    Plan,
    plan,
    rng,
)
from .encoding import Bytes, Floats, csv_line, decimal_field, join_fields

#: Rows drawn from one generator; a fixed part of the output's definition.
CHUNK_ROWS: Final = 8192
#: Chunks rendered and written together (any value gives the same bytes).
CHUNKS_PER_WRITE: Final = 8
#: Standard deviation of the noise added to each standardised target score.
NOISE: Final = 0.3

__all__ = [
    "CATEGORIES",
    "CHUNK_ROWS",
    "TARGET_CLASSES",
    "WORDS",
    "csv_line",
    "decimal_field",
    "join_fields",
    "synthetic_csv_bytes",
    "write_chunks",
    "write_synthetic_csv",
]


def write_synthetic_csv(tabular: TabularFormat, rows: int, seed: int, out: BinaryIO) -> None:
    """Write a header line (column names in column order) and `rows` data rows as UTF-8 CSV
    to `out`."""
    write_chunks(tabular, rows, seed, out, chunks_per_write=CHUNKS_PER_WRITE)


def synthetic_csv_bytes(tabular: TabularFormat, rows: int, seed: int) -> bytes:
    """The whole CSV of :func:`write_synthetic_csv` as bytes (for small row counts)."""
    buffer = io.BytesIO()
    write_synthetic_csv(tabular, rows, seed, buffer)
    return buffer.getvalue()


def write_chunks(
    tabular: TabularFormat, rows: int, seed: int, out: BinaryIO, *, chunks_per_write: int
) -> None:
    """:func:`write_synthetic_csv`, grouping ``chunks_per_write`` chunks into one write."""
    if rows < 1:
        raise ValueError(f"rows must be at least 1 (got {rows})")
    if seed < 0:
        raise ValueError(f"seed must not be negative (got {seed})")
    if chunks_per_write < 1:
        raise ValueError("chunks_per_write must be at least 1")
    chosen = plan(tabular, seed)
    out.write(csv_line([column.name for column in tabular.columns]).encode("utf-8"))
    pending: list[bytes] = []
    for chunk in _chunk_sizes(rows):
        pending.append(_render_chunk(chosen, seed, *chunk))
        if len(pending) == chunks_per_write:
            out.write(b"".join(pending))
            pending.clear()
    if pending:
        out.write(b"".join(pending))


def _chunk_sizes(rows: int) -> Iterator[tuple[int, int]]:
    """(chunk index, rows in the chunk) for ``rows`` rows."""
    for index, start in enumerate(range(0, rows, CHUNK_ROWS)):
        yield index, min(CHUNK_ROWS, rows - start)


def _render_chunk(plan: Plan, seed: int, chunk: int, rows: int) -> bytes:
    fields: dict[int, Bytes] = {}
    raw = np.zeros((rows, plan.target.outputs))
    for index, feature in plan.features:
        drawn = feature.draw(rng(seed, VALUE_STREAM, chunk, index), rows)
        fields[index] = drawn.field
        if drawn.effect.size:
            raw += drawn.effect
    noise = rng(seed, NOISE_STREAM, chunk).standard_normal((rows, plan.target.outputs))
    fields[plan.target_index] = plan.target.render(_standardised(raw, plan) + NOISE * noise)
    return join_fields([fields[index] for index in range(len(fields))])


def _standardised(raw: Floats, plan: Plan) -> Floats:
    mean, variance = plan.moments
    spread = np.sqrt(np.where(variance > 0, variance, 1.0))
    return (raw - mean) / spread
