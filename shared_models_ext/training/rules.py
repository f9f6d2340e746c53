"""Rules shared by every launch: names, the execution role, instance types, tags."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Final

from ..domain.errors import ErrorDetail, InvalidInput
from ..domain.models.launch import ROLE_ARN, SAGEMAKER_NAME
from ..domain.models.validation import dotted

MAX_NAME_LENGTH: Final = 63
TAG_ENTRY_ID: Final = "shared-models:entry-id"
TAG_LAUNCHED_BY: Final = "shared-models:launched-by"
MAX_TAG_VALUE: Final = 256
# Tag values allow letters, digits, spaces and _ . : / = + - @ (AWS's [\p{L}\p{Z}\p{N}_.:/=+\-@]*).
_TAG_UNSAFE: Final = re.compile(r"[^\w .:/=+\-@]")


def timestamp(now: datetime) -> str:
    """``20261121-100000-123``: UTC, to the millisecond, valid in SageMaker names."""
    utc = now.astimezone(timezone.utc)
    return f"{utc:%Y%m%d-%H%M%S}-{utc.microsecond // 1000:03d}"


def default_name(entry_id: str, now: datetime) -> str:
    """``<entry id>-<timestamp>``, the entry ID shortened so the whole is ≤ 63 characters."""
    stamp = timestamp(now)
    stem = entry_id[: MAX_NAME_LENGTH - len(stamp) - 1].rstrip("-")
    return f"{stem}-{stamp}" if stem else stamp


def is_valid_name(name: str) -> bool:
    return len(name) <= MAX_NAME_LENGTH and bool(SAGEMAKER_NAME.fullmatch(name))


class Problems:
    """Problems found in a launch request, reported together as one 400."""

    def __init__(self) -> None:
        self.details: list[ErrorDetail] = []

    def add(self, loc: Sequence[str | int], msg: str) -> None:
        self.details.append({"loc": list(loc), "msg": msg})

    def raise_if_any(self) -> None:
        if not self.details:
            return
        if len(self.details) == 1:
            detail = self.details[0]
            message = f"{dotted(detail['loc'])} is invalid: {detail['msg']}"
        else:
            names = ", ".join(dict.fromkeys(dotted(detail["loc"]) for detail in self.details))
            message = f"{len(self.details)} choices are invalid: {names}"
        raise InvalidInput(message, self.details)


def choose_name(
    problems: Problems, field: str, chosen: str | None, entry_id: str, now: datetime
) -> str:
    """The chosen SageMaker name, or the default one."""
    if chosen is None:
        return default_name(entry_id, now)
    if not is_valid_name(chosen):
        problems.add(
            [field],
            "a SageMaker name is 1 to 63 letters, digits and hyphens, starting and ending with "
            "a letter or digit",
        )
    return chosen


def choose_role(problems: Problems, chosen: str | None, default: str | None) -> str:
    """The chosen execution role, else the configured one; each must be an IAM role ARN."""
    role = chosen or default
    if not role:
        problems.add(
            ["role_arn"],
            "choose the IAM execution role SageMaker uses "
            "(or set SharedModelsApp.sagemaker_role_arn)",
        )
        return ""
    if not ROLE_ARN.fullmatch(role):
        where = "" if chosen else " (the sagemaker_role_arn setting)"
        problems.add(
            ["role_arn"],
            f"'{role}'{where} is not an IAM role ARN such as arn:aws:iam::123456789012:role/MyRole",
        )
    return role


def choose_instance_type(
    problems: Problems, chosen: str | None, offered: Sequence[str], default: str | None
) -> str:
    """One of the entry's instance types (the entry's default when none is chosen)."""
    if chosen is None:
        return default or offered[0]
    if chosen not in offered:
        problems.add(
            ["instance_type"], f"choose one of the entry's instance types: {', '.join(offered)}"
        )
    return chosen


def tag_value(value: str) -> str:
    """``value`` with the characters AWS tags refuse replaced by ``_``, at most 256 long."""
    return _TAG_UNSAFE.sub("_", value)[:MAX_TAG_VALUE]


def launch_tags(entry_id: str, launched_by: str) -> list[dict[str, str]]:
    """The tags every job, model, endpoint configuration and endpoint we create carries."""
    return [
        {"Key": TAG_ENTRY_ID, "Value": tag_value(entry_id)},
        {"Key": TAG_LAUNCHED_BY, "Value": tag_value(launched_by)},
    ]


def launched_from(tags: Iterable[Mapping[str, str]], entry_id: str, launched_by: str) -> bool:
    """True when ``tags`` say the resource was launched from ``entry_id`` by ``launched_by``."""
    found = {tag.get("Key"): tag.get("Value") for tag in tags}
    return found.get(TAG_ENTRY_ID) == tag_value(entry_id) and found.get(
        TAG_LAUNCHED_BY
    ) == tag_value(launched_by)
