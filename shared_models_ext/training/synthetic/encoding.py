"""How synthetic values become CSV bytes without a Python loop per cell.

Every field is a zero-padded (rows, width) byte matrix; :func:`join_fields` lays the
matrices side by side with the separators and drops the padding in one pass.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Bytes = npt.NDArray[np.uint8]
Strings = npt.NDArray[np.bytes_]

#: Datetime values lie in [DATETIME_START, DATETIME_END).
DATETIME_START: Final = np.datetime64("2020-01-01T00:00:00", "s")
DATETIME_END: Final = np.datetime64("2025-01-01T00:00:00", "s")
TRUE_FALSE: Final = np.array([b"false", b"true"])
_SEPARATOR: Final = ord(",")
_NEWLINE: Final = ord("\n")


def csv_line(fields: Sequence[str]) -> str:
    """One CSV line ending in ``\\n``, quoted as the csv module quotes (QUOTE_MINIMAL)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()


def join_fields(fields: Sequence[Bytes]) -> bytes:
    """CSV lines of zero-padded field matrices: separators and newlines between, no padding."""
    rows = fields[0].shape[0]
    separator = np.full((rows, 1), _SEPARATOR, np.uint8)
    newline = np.full((rows, 1), _NEWLINE, np.uint8)
    parts: list[Bytes] = []
    for field in fields:
        parts += [field, separator]
    parts[-1] = newline
    lines = np.concatenate(parts, axis=1)
    text: bytes = lines[lines != 0].tobytes()
    return text


def string_field(values: Strings) -> Bytes:
    """Fixed-width byte strings as a (rows, width) matrix, zero-padded."""
    values = np.ascontiguousarray(values)
    return values.view(np.uint8).reshape(len(values), values.dtype.itemsize)


def datetime_field(seconds: npt.NDArray[np.int64]) -> Bytes:
    """``YYYY-MM-DDTHH:MM:SS`` of ``DATETIME_START + seconds``."""
    stamps = DATETIME_START + seconds.astype("timedelta64[s]")
    return string_field(stamps.astype("S19"))


def decimal_field(values: Floats, decimals: int) -> Bytes:
    """``values`` written with exactly ``decimals`` decimals (as ``%.nf``, never ``-0``)."""
    scaled = np.rint(values * 10.0**decimals).astype(np.int64)
    magnitude = np.abs(scaled)
    integer_digits = len(str(int(magnitude.max()) // 10**decimals))
    digits = _digit_matrix(magnitude, integer_digits + decimals)
    leading = np.logical_and.accumulate(digits[:, : integer_digits - 1] == ord("0"), axis=1)
    digits[:, : integer_digits - 1][leading] = 0
    sign = np.where(scaled < 0, ord("-"), 0).astype(np.uint8)[:, None]
    parts = [sign, digits[:, :integer_digits]]
    if decimals:
        point = np.full((len(values), 1), ord("."), np.uint8)
        parts += [point, digits[:, integer_digits:]]
    return np.concatenate(parts, axis=1)


def _digit_matrix(magnitude: npt.NDArray[np.int64], width: int) -> Bytes:
    """The last ``width`` decimal digits of each non-negative integer, as ASCII."""
    digits = np.empty((len(magnitude), width), np.uint8)
    rest = magnitude.copy()
    for position in range(width - 1, -1, -1):
        rest, digit = np.divmod(rest, 10)
        digits[:, position] = digit
    digits += ord("0")
    return digits
