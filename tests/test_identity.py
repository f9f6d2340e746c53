"""Who "me" is when jupyter-server's identity provider names real users.

JupyterHub's single-user server authenticates each request as a Hub user; so does any
deployment's own ``IdentityProvider``. There "me" is each request's user, whatever
``SharedModelsApp.username`` says, and a configured name that is not the user JupyterHub
started the server for stops the extension from loading. ``PerUserTokens`` below stands in
for JupyterHub's provider: it overrides ``get_user``, the extension point JupyterHub's uses,
and gives every user a token of their own, as the Hub does.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import payloads
import pytest
from conftest import API, Client
from jupyter_server.auth.identity import (
    IdentityProvider,
    LegacyIdentityProvider,
    PasswordIdentityProvider,
    User,
)
from jupyter_server.auth.login import LegacyLoginHandler
from jupyter_server.utils import url_path_join

from shared_models_ext.domain.errors import Forbidden
from shared_models_ext.domain.identity import (
    Identity,
    IdentityConflict,
    names_real_users,
    request_identity,
    server_identity,
)

ALICE_TOKEN = secrets.token_hex(16)
BOB_TOKEN = secrets.token_hex(16)
SPACED_TOKEN = secrets.token_hex(16)
USERS = {
    ALICE_TOKEN: {"username": "alice", "name": "Alice Liddell"},
    BOB_TOKEN: {"username": "Bob", "display_name": "Bobby"},
    SPACED_TOKEN: {"username": "carol jones"},
}


class PerUserTokens(IdentityProvider):  # type: ignore[misc]
    """Each user signs in with their own token (``Authorization: token <t>``)."""

    def _user(self, handler: Any) -> User | None:
        fields = USERS.get(self.get_token(handler) or "")
        return User(**fields) if fields else None

    def get_user(self, handler: Any) -> User | None:
        return self._user(handler)

    def is_token_authenticated(self, handler: Any) -> bool:
        return self._user(handler) is not None


def server_config(db_url: str, **server: Any) -> dict[str, Any]:
    return {
        "ServerApp": {
            "jpserver_extensions": {"shared_models_ext": True},
            "identity_provider_class": PerUserTokens,
            **server,
        },
        "SharedModelsApp": {
            "db_url": db_url,
            "username": "alice",
            # the extension's start-up log reaches caplog (a traitlets app's does not propagate)
            "logging_config": {"loggers": {"SharedModelsApp": {"propagate": True}}},
        },
    }


@pytest.fixture
def signed_in(http_server_client: Any, jp_base_url: str) -> Callable[[str | None], Client]:
    """``signed_in(token)``: the REST API as the holder of ``token`` sees it."""

    def client_for(token: str | None) -> Client:
        async def send(
            method: str,
            path: str,
            body: bytes | None,
            params: dict[str, Any],
            headers: dict[str, str],
        ) -> Any:
            url = url_path_join(jp_base_url, API, path)
            if params:
                url += "?" + urlencode(params)
            auth = {"Authorization": f"token {token}"} if token else {}
            return await http_server_client.fetch(
                url,
                method=method,
                body=body,
                headers={**auth, **headers},
                raise_error=False,
                allow_nonstandard_methods=True,
            )

        return Client(str(USERS.get(token or "", {}).get("username")), send)

    return client_for


class TestEachRequestIsItsUser:
    """alice and bob on one server whose ``username`` is configured as "alice"."""

    @pytest.fixture
    def jp_server_config(self, clean_db: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
        monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
        return server_config(clean_db)

    async def test_me_is_the_signed_in_user(self, signed_in: Any) -> None:
        alice = await signed_in(ALICE_TOKEN).get("me")
        assert alice.status == 200
        assert alice.body == {"username": "alice", "display_name": "Alice Liddell"}
        bob = await signed_in(BOB_TOKEN).get("me")
        assert bob.status == 200
        assert bob.body == {"username": "bob", "display_name": "Bobby"}

    async def test_the_configured_name_is_not_used_and_the_log_says_so(
        self, jp_serverapp: Any, caplog: pytest.LogCaptureFixture
    ) -> None:
        messages = [record.getMessage() for record in caplog.get_records("setup")]
        assert any(
            "SharedModelsApp.username='alice' is not used" in message and "PerUserTokens" in message
            for message in messages
        ), messages

    async def test_bob_cannot_change_or_delete_alices_entries(self, signed_in: Any) -> None:
        alice, bob = signed_in(ALICE_TOKEN), signed_in(BOB_TOKEN)
        public = await alice.create(payloads.model("Churn public"))
        private = await alice.create(
            payloads.model(
                "Churn private", share={"organization": False, "users": [], "canvas_users": []}
            )
        )
        assert public["owner"] == private["owner"] == "alice"

        seen = await bob.get(f"entries/{public['id']}")
        assert seen.status == 200
        etag = seen.headers["ETag"]
        edited = payloads.model("Taken over by bob")
        assert (await bob.put(f"entries/{public['id']}", edited, if_match=etag)).status == 403
        assert (await bob.delete(f"entries/{public['id']}", if_match=etag)).status == 403

        private_etag = (await alice.get(f"entries/{private['id']}")).headers["ETag"]
        assert (await bob.get(f"entries/{private['id']}")).status == 404
        put = await bob.put(f"entries/{private['id']}", edited, if_match=private_etag)
        assert put.status == 404
        deleted = await bob.delete(f"entries/{private['id']}", if_match=private_etag)
        assert deleted.status == 404

        for entry in (public, private):
            after = await alice.get(f"entries/{entry['id']}")
            assert after.status == 200
            assert after.body["title"] == entry["title"]
            assert after.body["version"] == entry["version"]
        mine = await alice.get("entries", scope="mine")
        assert mine.body["total"] == 2
        assert (await bob.get("entries", scope="mine")).body["total"] == 0

    async def test_each_users_entries_are_their_own(self, signed_in: Any) -> None:
        alice, bob = signed_in(ALICE_TOKEN), signed_in(BOB_TOKEN)
        bobs = await bob.create(payloads.model("Bob's model"))
        assert bobs["owner"] == "bob"
        shared = await alice.create(
            payloads.model(
                "For bob", share={"organization": False, "users": ["bob"], "canvas_users": []}
            )
        )
        with_bob = await bob.get("entries", scope="shared-with-me")
        assert [item["id"] for item in with_bob.body["items"]] == [shared["id"]]
        alices = await alice.get("entries", scope="mine")
        assert [item["id"] for item in alices.body["items"]] == [shared["id"]]
        etag = (await bob.get(f"entries/{bobs['id']}")).headers["ETag"]
        assert (await bob.delete(f"entries/{bobs['id']}", if_match=etag)).status == 204

    @pytest.mark.parametrize("token", [None, "not-a-users-token"])
    async def test_no_user_no_catalog(self, signed_in: Any, token: str | None) -> None:
        response = await signed_in(token).get("me")
        assert response.status == 403
        assert response.error["code"] == "forbidden"

    async def test_a_user_name_that_breaks_the_rule_is_refused(self, signed_in: Any) -> None:
        response = await signed_in(SPACED_TOKEN).get("me")
        assert response.status == 403
        assert "'carol jones'" in response.error["message"]
        assert "spaces" in response.error["message"]
        assert (await signed_in(SPACED_TOKEN).post("entries", payloads.model())).status == 403


class TestAgreeingHubUser:
    """``username`` equal to the JupyterHub user (in another case): the extension loads."""

    @pytest.fixture
    def jp_server_config(self, clean_db: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
        monkeypatch.setenv("JUPYTERHUB_USER", "Alice")
        return server_config(clean_db)

    async def test_loads_and_each_request_is_still_its_user(self, signed_in: Any) -> None:
        assert (await signed_in(ALICE_TOKEN).get("me")).body["username"] == "alice"
        # a server the Hub shares with bob: bob acts as bob, not as its owner
        assert (await signed_in(BOB_TOKEN).get("me")).body["username"] == "bob"


class TestConflictingHubUser:
    """JupyterHub started this server for bob; its configuration says alice: refused."""

    @pytest.fixture
    def jp_server_config(self, clean_db: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
        monkeypatch.setenv("JUPYTERHUB_USER", "bob")
        return server_config(clean_db)

    async def test_the_extension_is_not_loaded(
        self,
        jp_serverapp: Any,
        http_server_client: Any,
        jp_base_url: str,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        records = caplog.get_records("setup")
        refusal = [
            record
            for record in records
            if record.name == "SharedModelsApp" and record.levelno == logging.ERROR
        ]
        assert len(refusal) == 1, [record.getMessage() for record in records]
        message = refusal[0].getMessage()
        assert message.startswith("Shared models is not loaded:")
        assert "'alice'" in message
        assert "'bob'" in message

        async def get(path: str, token: str) -> int:
            response = await http_server_client.fetch(
                url_path_join(jp_base_url, path),
                headers={"Authorization": f"token {token}"},
                raise_error=False,
            )
            return int(response.code)

        for token in (ALICE_TOKEN, BOB_TOKEN):
            for path in ("me", "entries", "options"):
                assert await get(f"{API}/{path}", token) == 404
        # the rest of the server runs: only this extension is missing
        assert await get("api/status", BOB_TOKEN) == 200
        assert "shared_models" not in jp_serverapp.web_app.settings

    async def test_a_server_that_must_load_its_extensions_does_not_start(
        self, jp_configurable_serverapp: Any, clean_db: str
    ) -> None:
        config = server_config(clean_db, reraise_server_extension_failures=True)
        with pytest.raises(IdentityConflict, match=r"'alice'.*'bob'"):
            jp_configurable_serverapp(config=config)


class TestTheRule:
    """Which identity providers name real users: decided by the code that makes the user."""

    class TunedPassword(PasswordIdentityProvider):  # type: ignore[misc]
        """Only a trait changed: still one shared secret, still anonymous users."""

        cookie_name = "tuned"

    class HubLoginHandler(LegacyLoginHandler):  # type: ignore[misc]
        """A pre-2.0 login handler naming users (JupyterHub's before its extension)."""

        @classmethod
        def get_user(cls, handler: Any) -> str:
            return "alice"

    class OwnTokenCheck(IdentityProvider):  # type: ignore[misc]
        """Replaces only the token step: it names users too."""

        async def get_user_token(self, handler: Any) -> User | None:
            return User(username="alice")

    @pytest.mark.parametrize(
        ("make", "names"),
        [
            (IdentityProvider, False),
            (PasswordIdentityProvider, False),
            (LegacyIdentityProvider, False),
            (TunedPassword, False),
            (PerUserTokens, True),
            (OwnTokenCheck, True),
            (lambda: LegacyIdentityProvider(login_handler_class=TestTheRule.HubLoginHandler), True),
        ],
    )
    def test_which_providers_name_users(self, make: Callable[[], object], names: bool) -> None:
        assert names_real_users(make()) is names

    def test_an_anonymous_server_keeps_its_configured_name(self) -> None:
        hub = {"JUPYTERHUB_USER": "bob"}
        identity = server_identity("alice", names_users=False, environ=hub)
        assert identity is not None
        assert identity.username == "alice"
        hub_identity = server_identity(None, names_users=False, environ=hub)
        assert hub_identity is not None
        assert hub_identity.username == "bob"

    def test_a_naming_server_has_no_one_user(self) -> None:
        assert server_identity("alice", names_users=True, environ={}) is None
        assert (
            server_identity("alice", names_users=True, environ={"JUPYTERHUB_USER": "ALICE"}) is None
        )
        assert server_identity(None, names_users=True, environ={"JUPYTERHUB_USER": "bob"}) is None
        with pytest.raises(IdentityConflict, match=r"'alice'.*'bob'"):
            server_identity("alice", names_users=True, environ={"JUPYTERHUB_USER": "bob"})

    def test_request_identity(self) -> None:
        fallback = Identity("carol", "Carol")
        assert request_identity(User(username="bob"), fallback) is fallback
        assert request_identity(User(username="Bob", name="Bob B."), None) == Identity(
            "bob", "Bob B."
        )
        with pytest.raises(Forbidden):
            request_identity(None, None)
        with pytest.raises(Forbidden, match="spaces"):
            request_identity(User(username="bob smith"), None)
