"""Workspace paths: relative to the contents root, never outside it.

Every path a request names in the workspace (a notebook to share, the folder a
shared notebook opens into, a local run's data or code) comes through here. A path
is refused when it is absolute, holds ``..``, or resolves — through symlinks,
dangling ones included — outside the root; every refusal names the request field
it came from.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Sequence

from ..domain.errors import InvalidInput, invalid_field
from ..domain.models._common import has_control_chars


def workspace_path(path: str, field: str, *, notebook: bool) -> str:
    """A relative workspace path: no absolute paths, no ``..``; ``.ipynb`` when asked."""
    if has_control_chars(path):
        raise invalid_field([field], "must not contain control characters")
    cleaned = path.replace("\\", "/").strip()
    if cleaned.startswith("/") or any(part == ".." for part in cleaned.split("/")):
        raise invalid_field([field], "must be a path inside the workspace (no '/' start, no '..')")
    cleaned = posixpath.normpath(cleaned) if cleaned else ""
    cleaned = "" if cleaned == "." else cleaned
    if notebook and not cleaned.lower().endswith(".ipynb"):
        raise invalid_field([field], "must be a notebook (.ipynb) in the workspace")
    return cleaned


class Workspace:
    """The server's workspace (the contents manager's ``root_dir``) on disk."""

    def __init__(self, root: str) -> None:
        self.root = os.path.realpath(root)

    def contains(self, path: str) -> bool:
        real = os.path.realpath(path)
        return real == self.root or os.path.commonpath([self.root, real]) == self.root

    def resolve(self, path: str, loc: Sequence[str | int]) -> str:
        """The absolute, symlink-free path of workspace path ``path``."""
        try:
            relative = workspace_path(path, str(loc[-1]), notebook=False)
        except InvalidInput as error:
            raise invalid_field(loc, error.details[0]["msg"]) from None
        absolute = os.path.realpath(os.path.join(self.root, relative))
        if not self.contains(absolute):
            raise invalid_field(loc, f"'{path}' leads outside the workspace (through a link)")
        return absolute

    def existing_dir(self, path: str, loc: Sequence[str | int]) -> str:
        absolute = self.resolve(path, loc)
        if not os.path.isdir(absolute):
            raise invalid_field(loc, f"'{path}' is not a folder in the workspace")
        return absolute

    def existing(self, path: str, loc: Sequence[str | int]) -> str:
        absolute = self.resolve(path, loc)
        if not os.path.exists(absolute):
            raise invalid_field(loc, f"'{path}' is not a file or folder in the workspace")
        return absolute

    def relative(self, absolute: str) -> str:
        """``absolute`` (inside the workspace) as a workspace path with ``/``."""
        relative = os.path.relpath(os.path.realpath(absolute), self.root)
        return "" if relative == "." else relative.replace(os.sep, "/")

    def check_tree(self, folder: str, what: str) -> None:
        """Refuse a folder holding a link that leads outside the workspace."""
        for current, dirs, files in os.walk(folder, followlinks=False):
            for name in (*dirs, *files):
                path = os.path.join(current, name)
                if os.path.islink(path) and not self.contains(path):
                    shown = self.relative(os.path.dirname(path)) + "/" + name
                    raise InvalidInput(f"{what}: '{shown}' is a link leading out of the workspace")


def free_name(folder: str, stem: str, suffix: str) -> str:
    """``stem + suffix`` in ``folder``, or ``stem-1 + suffix``, … : never an existing file."""
    candidate = f"{stem}{suffix}"
    number = 0
    while os.path.lexists(os.path.join(folder, candidate)):
        number += 1
        candidate = f"{stem}-{number}{suffix}"
    return candidate
