"""Who "me" is: stable across restarts, never jupyter-server's random anonymous name."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Identity:
    username: str
    display_name: str


def resolve_identity(configured: str | None, environ: Mapping[str, str] | None = None) -> Identity:
    """``configured`` when set; else the JupyterHub user; else the OS login name."""
    env = os.environ if environ is None else environ
    username = (configured or "").strip() or env.get("JUPYTERHUB_USER", "").strip()
    if not username:
        username = _os_login_name()
    return Identity(username=username, display_name=_display_name(username) or username)


def _os_login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER (some containers)
        return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "user"


def _display_name(username: str) -> str | None:
    """The full name from the passwd database, when the user is a local account."""
    try:
        import pwd
    except ImportError:  # Windows
        return None
    try:
        gecos = pwd.getpwnam(username).pw_gecos
    except KeyError:
        return None
    name = gecos.split(",", 1)[0].strip()
    return name or None
