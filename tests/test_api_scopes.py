"""Several users over one store: who sees what, in which tab."""

from __future__ import annotations

from typing import Any

import payloads
from conftest import Client


def titles(response: Any) -> set[str]:
    assert response.status == 200, response.body
    return {item["title"] for item in response.body["items"]}


async def test_scopes_across_users(as_user: Any) -> None:
    alice: Client = as_user("alice")
    bob: Client = as_user("bob")
    carol: Client = as_user("carol")
    private = {"organization": False, "users": [], "canvas_users": []}

    await alice.create(payloads.model("Alice org-wide"))
    await alice.create(payloads.model("Alice to bob", share={**private, "users": ["bob"]}))
    hidden = await alice.create(payloads.model("Alice private", share=private))
    await bob.create(payloads.model("Bob to alice", share={**private, "users": ["alice", "bob"]}))
    await bob.create(payloads.model("Bob org-wide"))

    assert titles(await alice.get("entries", scope="mine")) == {
        "Alice org-wide",
        "Alice to bob",
        "Alice private",
    }
    assert titles(await alice.get("entries", scope="shared-with-me")) == {"Bob to alice"}
    assert titles(await alice.get("entries", scope="organization")) == {
        "Alice org-wide",
        "Bob org-wide",
    }
    assert titles(await alice.get("entries")) == titles(
        await alice.get("entries", scope="organization")
    )

    assert titles(await bob.get("entries", scope="mine")) == {"Bob to alice", "Bob org-wide"}
    assert titles(await bob.get("entries", scope="shared-with-me")) == {"Alice to bob"}

    assert titles(await carol.get("entries", scope="mine")) == set()
    assert titles(await carol.get("entries", scope="shared-with-me")) == set()
    assert titles(await carol.get("entries", scope="organization")) == {
        "Alice org-wide",
        "Bob org-wide",
    }

    # Not theirs, not shared with them, not organization-wide: 404, not 403.
    for user in (bob, carol):
        response = await user.get(f"entries/{hidden['id']}")
        assert response.status == 404
        assert "Alice private" not in str(response.body)
        assert (await user.delete(f"entries/{hidden['id']}")).status == 404


async def test_owner_is_not_listed_as_a_named_user(api: Client) -> None:
    entry = await api.create(
        payloads.model(
            "Self share",
            share={"organization": False, "users": ["alice", "bob", "bob"], "canvas_users": []},
        )
    )
    assert entry["share"]["users"] == ["bob"]


async def test_sharing_change_moves_entry_between_tabs(as_user: Any) -> None:
    alice: Client = as_user("alice")
    bob: Client = as_user("bob")
    entry = await alice.create(
        payloads.model(
            "Later shared", share={"organization": False, "users": [], "canvas_users": []}
        )
    )
    assert titles(await bob.get("entries", scope="shared-with-me")) == set()
    assert (await bob.get(f"entries/{entry['id']}")).status == 404

    shared = {**entry, "share": {"organization": False, "users": ["bob"], "canvas_users": []}}
    response = await alice.put(f"entries/{entry['id']}", shared, if_match=f'"{entry["version"]}"')
    assert response.status == 200, response.body
    assert titles(await bob.get("entries", scope="shared-with-me")) == {"Later shared"}
    assert (await bob.get(f"entries/{entry['id']}")).body["version"] == 2

    await alice.delete(f"entries/{entry['id']}")
    assert titles(await bob.get("entries", scope="shared-with-me")) == set()
