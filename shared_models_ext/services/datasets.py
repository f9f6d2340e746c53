"""Check that a validation dataset has the same CSV columns as the training dataset.

Only the first bytes of the first CSV object under each URI are read (a ranged GET).
"""

from __future__ import annotations

import csv
import io
from typing import Any, Final

from ..aws.s3 import S3Service
from ..domain.errors import invalid_field
from ..domain.models import DatasetCheck

HEAD_BYTES: Final = 64 * 1024
CSV_SUFFIXES: Final = (".csv",)
TRAINING_CHANNELS: Final = ("train", "training")
VALIDATION_CHANNELS: Final = ("validation", "valid", "val", "test")


def entry_dataset_uris(training: dict[str, Any] | None) -> tuple[str, str]:
    """The training and validation data URIs of an entry's training spec.

    The explicit dataset fields win; otherwise the channels named like them.
    """
    if not training:
        raise invalid_field(["training"], "This entry has no training configuration to check.")
    channels = {channel["name"].lower(): channel["uri"] for channel in training.get("channels", [])}
    train = training.get("training_data_uri") or _first(channels, TRAINING_CHANNELS)
    valid = training.get("validation_data_uri") or _first(channels, VALIDATION_CHANNELS)
    if not train:
        raise invalid_field(["training", "training_data_uri"], "No training dataset is set.")
    if not valid:
        raise invalid_field(["training", "validation_data_uri"], "No validation dataset is set.")
    return train, valid


def _first(channels: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((channels[name] for name in names if name in channels), None)


def check_headers(s3: S3Service, training_uri: str, validation_uri: str) -> DatasetCheck:
    """Compare the header rows of the two datasets; problems in plain words."""
    problems: list[str] = []
    train_object, train_columns = _header(s3, "training", training_uri, problems)
    valid_object, valid_columns = _header(s3, "validation", validation_uri, problems)
    if train_columns is not None and valid_columns is not None:
        problems.extend(compare(train_columns, valid_columns))
    return DatasetCheck(
        ok=not problems,
        training_columns=train_columns or [],
        validation_columns=valid_columns or [],
        problems=problems,
        training_object=train_object,
        validation_object=valid_object,
    )


def compare(training: list[str], validation: list[str]) -> list[str]:
    """What differs between two header rows (empty when they are the same)."""
    problems = []
    if len(training) != len(validation):
        problems.append(
            f"The training data has {len(training)} columns and the validation data has "
            f"{len(validation)}."
        )
    missing = [name for name in training if name not in validation]
    extra = [name for name in validation if name not in training]
    if missing:
        problems.append(f"Missing from the validation data: {', '.join(missing)}.")
    if extra:
        problems.append(f"Only in the validation data: {', '.join(extra)}.")
    if not problems and training != validation:
        problems.append("The validation data has the same columns in a different order.")
    return problems


def _header(
    s3: S3Service, role: str, uri: str, problems: list[str]
) -> tuple[str | None, list[str] | None]:
    found = s3.first_object(uri, CSV_SUFFIXES)
    if found is None:
        problems.append(
            f"The {role} data at {uri} cannot be checked: no CSV file was found there "
            "(only CSV data can be checked)."
        )
        return None, None
    head = s3.read_head(found, HEAD_BYTES)
    columns = parse_header(head)
    if columns is None:
        problems.append(f"The {role} data at {found} cannot be checked: it is not CSV text.")
    elif not columns:
        problems.append(f"The {role} data at {found} is empty.")
    return found, columns


def parse_header(head: bytes) -> list[str] | None:
    """The column names in the first line of ``head``; None when it is not text."""
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not just a character cut by the ranged read
            return None
        text = head[: error.start].decode("utf-8-sig")
    first_line = text.splitlines()[0] if text else ""
    row = next(csv.reader(io.StringIO(first_line)), [])
    return [name.strip() for name in row]
