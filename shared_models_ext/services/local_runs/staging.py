"""Putting data and code into a run tree: S3 downloads, workspace copies, archives.

Everything that fails here fails the run with a reason that says what and where
(``StagingError``); nothing is written outside the run tree.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tarfile
from typing import Final

from ...aws.s3 import S3Service
from ...domain.models.uris import parse_s3_uri
from ..workspace import Workspace

CSV: Final = "text/csv"


class StagingError(Exception):
    """Data or code could not be put in place: the run fails with this message."""


def download_prefix(
    s3: S3Service, uri: str, destination: str, max_bytes: int, used: int = 0
) -> int:
    """Download every object under ``uri`` into ``destination`` (keys relative to the
    prefix, as SageMaker's File mode lays them out). Checks the total against
    ``max_bytes`` (minus ``used`` so far) and the free disk *before* downloading.
    Returns the bytes downloaded."""
    bucket, prefix = parse_s3_uri(uri)
    objects = s3.objects_under(uri)
    if not objects:
        raise StagingError(f"There is nothing in S3 at {uri}.")
    total = sum(item.size for item in objects)
    if used + total > max_bytes:
        raise StagingError(
            f"{uri} holds {total:,} bytes; with {used:,} bytes already staged that is over "
            f"the local run limit of {max_bytes:,} bytes (SharedModelsApp."
            "local_runs_max_download_bytes)."
        )
    free = shutil.disk_usage(destination).free
    if total > free:
        raise StagingError(
            f"{uri} holds {total:,} bytes but the disk holding the run has {free:,} bytes free."
        )
    base = prefix if prefix.endswith("/") or not prefix else posixpath.dirname(prefix) + "/"
    if len(objects) == 1 and objects[0].key == prefix:
        base = posixpath.dirname(prefix) + "/" if "/" in prefix else ""
    root = os.path.realpath(destination)
    for item in objects:
        relative = item.key[len(base) :] if item.key.startswith(base) else item.key
        target = os.path.realpath(os.path.join(root, relative))
        if not relative or os.path.commonpath([root, target]) != root:
            raise StagingError(f"The S3 key '{item.key}' would land outside the channel folder.")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        s3.download_file(f"s3://{bucket}/{item.key}", target)
    return total


def copy_workspace_folder(workspace: Workspace, source: str, destination: str) -> None:
    """Copy a workspace folder's content into ``destination`` (links leading outside the
    workspace refused; links inside it copied as the files they point to)."""
    workspace.check_tree(source, "The folder cannot be used")
    shutil.copytree(source, destination, dirs_exist_ok=True)


def _member_problem(member: tarfile.TarInfo, root: str) -> str | None:
    name = member.name
    if name.startswith("/") or os.path.isabs(name):
        return "has an absolute path"
    target = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, target]) != root:
        return "would land outside code/"
    if member.issym() or member.islnk():
        link = member.linkname
        base = os.path.dirname(target) if member.issym() else root
        resolved = os.path.realpath(os.path.join(base, link))
        if os.path.isabs(link) or os.path.commonpath([root, resolved]) != root:
            return "is a link that leads outside code/"
    if member.isdev() or member.isfifo():
        return "is a device or pipe"
    return None


def extract_archive(archive: str, destination: str) -> None:
    """Extract a ``.tar.gz`` into ``destination``; refused whole (nothing extracted) when
    any member would land outside it."""
    root = os.path.realpath(destination)
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = tar.getmembers()
            for member in members:
                problem = _member_problem(member, root)
                if problem:
                    raise StagingError(
                        f"The training code archive cannot be used: member '{member.name}' "
                        f"{problem}."
                    )
            if hasattr(tarfile, "data_filter"):  # extraction filters (3.10.12+, 3.11.4+)
                tar.extractall(root, members=members, filter="data")
            else:  # every member was checked above
                tar.extractall(root, members=members)  # noqa: S202
    except (tarfile.TarError, OSError) as error:
        raise StagingError(f"The training code archive cannot be read: {error}") from None


def stage_code_file(path: str, destination: str, name: str) -> None:
    """A single script, or an archive, into ``code/``."""
    if name.endswith((".tar.gz", ".tgz", ".tar")):
        extract_archive(path, destination)
    else:
        shutil.copyfile(path, os.path.join(destination, name))


def stage_code(
    source: str,
    destination: str,
    *,
    workspace: Workspace,
    s3: S3Service,
    download_dir: str,
    from_s3: bool,
) -> None:
    """The training code into ``code/``: an S3 ``.tar.gz`` / ``.py``, or a workspace file
    or folder (so an author can try a change before uploading it)."""
    if from_s3:
        _, key = parse_s3_uri(source)
        name = posixpath.basename(key)
        if not name:
            raise StagingError(f"{source} names a folder; the code is one .tar.gz or .py.")
        local = os.path.join(download_dir, name)
        s3.download_file(source, local)
        try:
            stage_code_file(local, destination, name)
        finally:
            os.remove(local)
        return
    if os.path.isdir(source):
        copy_workspace_folder(workspace, source, destination)
    else:
        stage_code_file(source, destination, os.path.basename(source))
