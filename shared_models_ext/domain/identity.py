"""Who "me" is: the user jupyter-server authenticated, else this server's one configured user.

The one place that decides it. Where jupyter-server's identity provider names real users
(JupyterHub's single-user server, a deployment's own provider: :func:`names_real_users`),
"me" is each request's authenticated user (:func:`request_identity`). Where it does not
(jupyter-server's own token or password providers, whose users are random anonymous
names), "me" is the server's one user, decided at start-up (:func:`server_identity`):
``SharedModelsApp.username``, else ``JUPYTERHUB_USER``, else the OS login name, stable
across restarts.

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
from typing import Final, Protocol

from .errors import Forbidden

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


class IdentityConflict(ValueError):
    """``SharedModelsApp.username`` names someone other than the user JupyterHub signed in."""


@dataclass(frozen=True)
class Identity:
    username: str
    display_name: str


class AuthenticatedUser(Protocol):
    """What "me" reads of jupyter-server's ``User`` (``handler.current_user``)."""

    @property
    def username(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def display_name(self) -> str: ...


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


# The methods through which jupyter-server's IdentityProvider makes a request's User. In
# jupyter-server's own providers they all end in generate_anonymous_user (a shared token or
# password identifies nobody); a provider that replaces any of them names users itself.
_USER_MAKING_METHODS: Final = (
    "get_user",
    "_get_user",
    "get_user_token",
    "get_user_cookie",
    "user_from_cookie",
    "process_login_form",
    "generate_anonymous_user",
)


def _from_jupyter_server(cls: type, attribute: str) -> bool:
    """Whether ``cls.<attribute>`` (when it has one) is defined by jupyter-server itself."""
    owner = next((klass for klass in cls.__mro__ if attribute in vars(klass)), None)
    return owner is None or owner.__module__.partition(".")[0] == "jupyter_server"


def names_real_users(identity_provider: object) -> bool:
    """Whether jupyter-server's ``identity_provider`` tells who each request's user is.

    The rule: jupyter-server's own providers (``IdentityProvider``,
    ``PasswordIdentityProvider``, the default, and ``LegacyIdentityProvider`` with its
    own login handler) know one shared token or password, not who holds it: their users
    are random "Anonymous …" names, new for every browser session. A provider that
    replaces any way of making a user (``get_user``, the documented extension point,
    and the token, cookie and login-form steps behind it; or a legacy login handler's
    ``get_user``) with code of its own — JupyterHub's ``JupyterHubIdentityProvider``, a
    deployment's own — is trusted to name real users. Deciding by the code that makes
    the user, not by class names, keeps a subclass that only tunes a trait anonymous
    and any provider that authenticates people named, whoever wrote it.
    """
    provider_class = type(identity_provider)
    if not all(_from_jupyter_server(provider_class, name) for name in _USER_MAKING_METHODS):
        return True
    login_handler = getattr(identity_provider, "login_handler_class", None)
    if isinstance(login_handler, type):
        return not all(
            _from_jupyter_server(login_handler, name)
            for name in ("get_user", "get_user_token", "get_user_cookie")
        )
    return False


def server_identity(
    configured: str | None,
    *,
    names_users: bool,
    environ: Mapping[str, str] | None = None,
) -> Identity | None:
    """The one user of this server, decided at start-up; None when each request says.

    ``names_users`` (:func:`names_real_users` of the server's identity provider) False:
    :func:`resolve_identity`. True: None, "me" is each request's user; a ``configured``
    name that is not the user JupyterHub started this server for (``JUPYTERHUB_USER``)
    raises ``IdentityConflict`` naming both, so that name is never silently in force.
    """
    if not names_users:
        return resolve_identity(configured, environ)
    env = os.environ if environ is None else environ
    hub_user = env.get("JUPYTERHUB_USER", "").strip()
    if configured and hub_user and canonical_username(configured) != canonical_username(hub_user):
        raise IdentityConflict(
            f"SharedModelsApp.username is {configured!r}, but JupyterHub signed in "
            f'{hub_user!r} (JUPYTERHUB_USER) on this server. Under JupyterHub "me" is the '
            "signed-in user: remove SharedModelsApp.username from this server's configuration."
        )
    return None


def request_identity(user: AuthenticatedUser | None, fallback: Identity | None) -> Identity:
    """Who "me" is for one request: ``fallback`` (:func:`server_identity`) when the server
    has one user, else the user jupyter-server authenticated for this request.

    The authenticated name is normalised (:func:`normalize_username`); one that breaks the
    rule, or no user at all, is ``Forbidden``: such a user has no catalog name.
    """
    if fallback is not None:
        return fallback
    if user is None:
        raise Forbidden("This request is not signed in.")
    try:
        username = normalize_username(user.username)
    except InvalidUserName as error:
        shown = user.username if len(user.username) <= 40 else user.username[:40] + "…"
        raise Forbidden(
            f"Shared models cannot use the user name {shown!r} you are signed in as: {error}."
        ) from None
    display_name = (user.display_name or user.name or "").strip()
    return Identity(username=username, display_name=display_name or username)


def resolve_identity(configured: str | None, environ: Mapping[str, str] | None = None) -> Identity:
    """``configured`` when set; else the JupyterHub user; else the OS login name.

    The identity of a server whose identity provider names nobody (:func:`server_identity`).

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
