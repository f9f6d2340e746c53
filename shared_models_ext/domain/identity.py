"""Who "me" is: stable across restarts, never jupyter-server's random anonymous name.

User names (the owner of an entry, the users it is shared with) follow one rule, here:
NFKC-normalised and case-folded, so "Bob", "BOB" and fullwidth "bob" are one user; an account-like
name (letters, digits, ``. _ - @ +``; no spaces, no invisible or control characters);
at most :data:`MAX_USERNAME_LENGTH` characters (the width of the store's name columns);
letters from one script, so "alice" spelt with a Cyrillic "a" cannot pass for "alice".
"""

from __future__ import annotations

import getpass
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

MAX_USERNAME_LENGTH: Final = 255
"""The longest user name; the store's owner and share columns are this wide."""

_NAME_PUNCTUATION: Final = frozenset("._-@+")
# Scripts that are written together: Japanese mixes Han, Hiragana and Katakana; Korean
# mixes Han and Hangul. Any other mix of scripts in one name is refused.
_SCRIPT_FAMILIES: Final = (
    frozenset({"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"}),
    frozenset({"CJK", "HANGUL"}),
)


class InvalidUserName(ValueError):
    """A user name that breaks the rule; the message says why, in plain words."""


@dataclass(frozen=True)
class Identity:
    username: str
    display_name: str


def canonical_username(name: str) -> str:
    """The form user names are stored and compared in: NFKC, case-folded, stripped.

    Pure normalisation, no checks: ``" Bob "`` → ``"bob"``, fullwidth ``"bob"`` → ``"bob"``.
    """
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold()).strip()


def _script(char: str) -> str | None:
    """The script of a letter, from its Unicode name (``LATIN``, ``CYRILLIC``, ``CJK``…)."""
    if not unicodedata.category(char).startswith("L"):
        return None
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def username_problem(name: str) -> str | None:
    """Why ``name`` (already :func:`canonical_username`) is not a valid user name, or None."""
    if not name:
        return "a user name must not be empty"
    if len(name) > MAX_USERNAME_LENGTH:
        return f"a user name must be at most {MAX_USERNAME_LENGTH} characters ({len(name)} given)"
    if any(char.isspace() for char in name):
        return "a user name must not contain spaces"
    for index, char in enumerate(name):
        category = unicodedata.category(char)
        if category[0] in "LN" or (category[0] == "M" and index > 0):
            continue
        if char in _NAME_PUNCTUATION:
            continue
        return (
            f"a user name is made of letters, digits and . _ - @ + "
            f"(U+{ord(char):04X} is not allowed)"
        )
    scripts = {script for script in map(_script, name) if script is not None}
    if len(scripts) > 1 and not any(scripts <= family for family in _SCRIPT_FAMILIES):
        return (
            "a user name must not mix letters of different scripts "
            f"({', '.join(sorted(scripts)).lower()}): it could pass for another user's name"
        )
    return None


def normalize_username(name: str) -> str:
    """The canonical form of a valid user name; ``InvalidUserName`` when it breaks the rule."""
    canonical = canonical_username(name)
    problem = username_problem(canonical)
    if problem:
        raise InvalidUserName(problem)
    return canonical


def resolve_identity(configured: str | None, environ: Mapping[str, str] | None = None) -> Identity:
    """``configured`` when set; else the JupyterHub user; else the OS login name.

    The name is normalised (:func:`normalize_username`); ``InvalidUserName`` names the
    source when it breaks the rule, so a bad name stops the server at start-up instead
    of making every write fail later.
    """
    env = os.environ if environ is None else environ
    source = "SharedModelsApp.username"
    raw = (configured or "").strip()
    if not raw:
        source, raw = "JUPYTERHUB_USER", env.get("JUPYTERHUB_USER", "").strip()
    if not raw:
        source, raw = "the OS login name", _os_login_name()
    try:
        username = normalize_username(raw)
    except InvalidUserName as error:
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        raise InvalidUserName(
            f"Shared models cannot use the user name {shown!r} from {source}: {error}. "
            "Set c.SharedModelsApp.username to a valid name."
        ) from None
    return Identity(username=username, display_name=_display_name(raw) or username)


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
    except (KeyError, ValueError):  # unknown, or a name with a NUL in it
        return None
    name = gecos.split(",", 1)[0].strip()
    return name or None
