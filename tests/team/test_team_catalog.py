"""The team catalog under a real JupyterHub: the catalog service on PostgreSQL owns the
store, each user's server reaches it with the token the Hub gave that server, and a user
who controls everything in their own server still cannot touch a colleague's entries
(README "Team deployment", docs/team-deployment.md).

One hub for the module (harness.py); the tests run in order, the last ones stop servers.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from team.harness import TeamHub, team_hub, wait_for

CACHE_SECONDS = 1  # the service keeps the Hub's answer about a token this long


def model(title: str, users: list[str], organization: bool = False) -> dict[str, object]:
    return {
        "kind": "model",
        "title": title,
        "description": "A model of the team catalog tests.",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "xgboost",
        "share": {"organization": organization, "users": users, "canvas_users": []},
    }


@pytest.fixture(scope="module")
def hub() -> Iterator[TeamHub]:
    with team_hub(auth_cache_seconds=CACHE_SECONDS) as running:
        running.start_server("alice")
        running.start_server("bob")
        yield running


@pytest.fixture(scope="module")
def alice(hub: TeamHub) -> Iterator[httpx.Client]:
    token, _ = hub.token("alice")
    with hub.server("alice", token) as client:
        yield client


@pytest.fixture(scope="module")
def entries(alice: httpx.Client) -> dict[str, dict[str, object]]:
    """alice's entries: one private, one shared with bob, one shared with carol."""
    made = {}
    for key, body in {
        "private": model("Alice private churn", []),
        "for_bob": model("Churn for bob", ["bob"]),
        "for_carol": model("Churn for carol", ["carol"]),
    }.items():
        reply = alice.post("entries", json=body)
        assert reply.status_code == 201, reply.text
        assert reply.headers["Location"].startswith("/user/alice/shared-models/api/entries/")
        made[key] = reply.json()
    return made


def stored(hub: TeamHub) -> dict[str, tuple[str, int]]:
    """What the catalog's database holds, read directly: id → (owner, version)."""
    engine = create_engine(hub.db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id, owner, version FROM entries")).all()
    finally:
        engine.dispose()
    return {row.id: (row.owner, row.version) for row in rows}


def test_each_server_is_its_hub_user_in_the_catalog(hub: TeamHub, alice: httpx.Client) -> None:
    assert alice.get("me").json()["username"] == "alice"
    bob_token, _ = hub.token("bob")
    with hub.server("bob", bob_token) as bob:
        assert bob.get("me").json()["username"] == "bob"


def test_bob_sees_what_alice_shares_with_him_only(
    hub: TeamHub, entries: dict[str, dict[str, object]]
) -> None:
    token, _ = hub.token("bob")
    with hub.server("bob", token) as bob:
        shared = bob.get("entries", params={"scope": "shared-with-me"})
        assert shared.status_code == 200, shared.text
        assert [item["id"] for item in shared.json()["items"]] == [entries["for_bob"]["id"]]
        assert bob.get(f"entries/{entries['private']['id']}").status_code == 404
    assert stored(hub)[str(entries["for_bob"]["id"])] == ("alice", 1)


def test_a_server_started_as_alice_is_refused(hub: TeamHub) -> None:
    """bob starts his server with --SharedModelsApp.username=alice: the extension does
    not load at all (the name differs from his JupyterHub user), so it cannot act as her."""
    hub.stop_server("bob")
    hub.start_server("bob", ["--SharedModelsApp.username=alice"])
    token, _ = hub.token("bob")
    with hub.server("bob", token) as bob:
        assert bob.get("me").status_code == 404
        assert bob.get("entries").status_code == 404


def test_what_bob_controls_in_his_server_does_not_make_him_alice(
    hub: TeamHub, entries: dict[str, dict[str, object]]
) -> None:
    """bob's server with every setting he can give it that still loads — alice's name
    where a fallback would read it, the database's own URL: it is still bob at the
    service, and alice's entries and the store are unchanged."""
    before = stored(hub)
    hub.stop_server("bob")
    hub.start_server(
        "bob",
        [f"--SharedModelsApp.db_url={hub.db_url}"],
    )
    token, _ = hub.token("bob")
    private, for_bob = entries["private"], entries["for_bob"]
    with hub.server("bob", token) as bob:
        assert bob.get("me").json()["username"] == "bob"
        assert bob.get(f"entries/{private['id']}").status_code == 404
        for entry in (private, for_bob):
            path = f"entries/{entry['id']}"
            changed = {**model("Taken over", ["bob"], organization=True)}
            put = bob.put(path, json=changed, headers={"If-Match": '"1"'})
            assert put.status_code in (403, 404), put.text
            assert put.json()["error"]["code"] in ("forbidden", "not_found")
            assert bob.delete(path).status_code in (403, 404)
        mine = bob.get("entries", params={"scope": "mine"}).json()["items"]
        assert mine == []
    assert stored(hub) == before


def test_bobs_server_holds_no_database_credentials(hub: TeamHub) -> None:
    hub.stop_server("bob")
    hub.start_server("bob")
    environ = Path(f"/proc/{hub.server_pid('bob')}/environ").read_bytes().decode(errors="replace")
    variables = dict(item.split("=", 1) for item in environ.split("\0") if "=" in item)
    assert variables["JUPYTERHUB_USER"] == "bob"
    assert "JUPYTERHUB_API_TOKEN" in variables  # the server's own token: its only credential
    text_of_env = environ.lower()
    for secret in ("postgresql", hub.db_url.lower(), "pgpassword", "db_url", "sme_team_"):
        assert secret not in text_of_env, secret


def test_the_service_answers_only_tokens_the_hub_vouches_for(hub: TeamHub) -> None:
    api = hub.service_api
    no_token = httpx.get(api + "entries")
    assert no_token.status_code == 403
    assert no_token.json()["error"]["code"] == "forbidden"
    assert "JupyterHub token" in no_token.json()["error"]["message"]
    forged = httpx.get(api + "entries", headers={"Authorization": "token not-a-hub-token"})
    assert forged.status_code == 403
    # A token of alice's without access to the service: refused too.
    narrow, _ = hub.token("alice", scopes=["access:servers!user=alice"])
    assert httpx.get(api + "me", headers={"Authorization": f"token {narrow}"}).status_code == 403
    # What the caller says about itself is never read: a name in the query or headers.
    token, token_id = hub.token("bob")
    asked = httpx.get(
        api + "me",
        params={"username": "alice"},
        headers={"Authorization": f"token {token}", "X-Forwarded-User": "alice"},
    )
    assert asked.json()["username"] == "bob"
    # A revoked token stops working once the Hub's answer is out of the cache.
    hub.revoke("bob", token_id)
    time.sleep(CACHE_SECONDS + 0.5)
    revoked = httpx.get(api + "me", headers={"Authorization": f"token {token}"})
    assert revoked.status_code == 403


def test_the_service_restarted_the_server_recovers(hub: TeamHub, alice: httpx.Client) -> None:
    old = hub.service_pids()
    assert old
    for pid in old:
        hub_kill(pid)
    wait_for(lambda: not hub.service_answers(), "the service to stop", timeout=10)
    down = alice.get("entries")
    assert down.status_code == 503
    error = down.json()["error"]
    assert error["code"] == "unavailable"
    assert hub.catalog_url in error["message"]
    # The Hub starts its managed service again; alice's server needs no restart.
    wait_for(hub.service_answers, "the Hub to start the service again", timeout=90)
    wait_for(lambda: alice.get("entries").status_code == 200, "alice's catalog to answer")
    assert alice.get("me").json()["username"] == "alice"


def test_alices_server_token_replayed_after_she_logs_out_is_refused(hub: TeamHub) -> None:
    environ = Path(f"/proc/{hub.server_pid('alice')}/environ").read_bytes().split(b"\0")
    server_token = next(
        item.split(b"=", 1)[1].decode()
        for item in environ
        if item.startswith(b"JUPYTERHUB_API_TOKEN=")
    )
    headers = {"Authorization": f"token {server_token}"}
    assert httpx.get(hub.service_api + "me", headers=headers).json()["username"] == "alice"

    with httpx.Client(base_url=hub.url, follow_redirects=True, timeout=60) as browser:
        browser.get("/hub/login")  # the form's XSRF cookie
        xsrf = browser.cookies.get("_xsrf", path="/hub/")
        form = {"username": "alice", "password": "team-password", "_xsrf": xsrf}
        login = browser.post("/hub/login", data=form)
        assert login.status_code == 200, login.text[:300]
        assert "jupyterhub-session-id" in browser.cookies
        # shutdown_on_logout: her server stops, and with it its token
        logout = browser.get("/hub/logout")
        assert logout.status_code == 200
    with hub.admin() as admin:
        wait_for(lambda: not admin.get("users/alice").json()["servers"], "alice's server to stop")
    time.sleep(CACHE_SECONDS + 0.5)
    replayed = httpx.get(hub.service_api + "entries", headers=headers)
    assert replayed.status_code == 403


def hub_kill(pid: int) -> None:
    import os
    import signal

    os.kill(pid, signal.SIGTERM)
