"""Who is asking the catalog service: the JupyterHub user of the request's token.

The token comes in an ``Authorization: token …`` (or ``Bearer …``) header; the Hub says
whose it is (``jupyterhub.services.auth.HubAuth``, which keeps each answer for
``CatalogService.auth_cache_seconds``). A token the Hub does not know, or whose scopes
do not include access to this service, is nobody: the request is answered 403. Nothing
the caller says about itself (a name in a header, a body, a query) is ever read.
"""

from __future__ import annotations

import re
from typing import Any, Final

from jupyter_server.auth.identity import IdentityProvider, User
from tornado import web
from traitlets import Any as AnyTrait
from traitlets import default

from ..domain.errors import Unavailable

_AUTHORIZATION: Final = re.compile(r"^\s*(?:token|bearer)\s+(\S+)\s*$", re.IGNORECASE)


class HubTokenIdentityProvider(IdentityProvider):
    """The JupyterHub user of each request's token; no cookies, no login page."""

    #: The ``HubAuth`` that asks the Hub (set by ``CatalogService``).
    hub_auth = AnyTrait()

    #: What a request without a token the Hub vouches for is told (with its 403).
    REFUSAL: Final = (
        "Send a JupyterHub token that may use this service (scope "
        "access:services!service=<its name>) in an Authorization header: the catalog "
        "service answers only requests the Hub vouches for."
    )

    @default("token")
    def _no_server_token(self) -> str:
        return ""  # no token of the service's own: only the Hub's tokens are accepted

    @property
    def auth_enabled(self) -> bool:
        return True

    @property
    def login_available(self) -> bool:
        return False  # tokens only: a browser never signs in here

    def validate_security(self, app: Any, ssl_options: dict[str, Any] | None = None) -> None:
        """Every request is checked with the Hub: there is no server token to warn about."""

    def is_token_authenticated(self, handler: web.RequestHandler) -> bool:
        # Only tokens authenticate here, so no request relies on a cookie (and no XSRF
        # check is needed, as for any token-authenticated jupyter-server request).
        return True

    async def get_user(self, handler: web.RequestHandler) -> User | None:
        found = _AUTHORIZATION.match(handler.request.headers.get("Authorization", ""))
        if found is None:
            return None
        try:
            model = await self.hub_auth.user_for_token(found.group(1), sync=False)
        except web.HTTPError as error:
            raise Unavailable(
                "JupyterHub, which says who is asking, does not answer the catalog service "
                f"right now ({error.log_message or error.status_code}); try again shortly."
            ) from None
        if not model or model.get("kind", "user") != "user" or not model.get("name"):
            return None
        if not self.hub_auth.check_scopes(self.hub_auth.access_scopes, model):
            return None
        name = str(model["name"])
        return User(username=name, name=name, display_name=name)
