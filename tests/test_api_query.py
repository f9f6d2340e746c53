"""Query the catalog: paging with each sort, search, filters, hostile input."""

from __future__ import annotations

import asyncio
from typing import Any

import payloads
import pytest
from conftest import Client

ENTRY_COUNT = 125


async def create_many(api: Client, count: int) -> list[dict[str, Any]]:
    created = []
    for index in range(count):
        # Titles deliberately collide in pairs to exercise the id tie-breaker.
        title = f"Model {index // 2:03d}"
        created.append(await api.create(payloads.model(title, keywords=[f"k{index}"])))
    return created


async def walk(api: Client, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    pages = 0
    while True:
        query = {**params, "limit": 20, **({"cursor": cursor} if cursor else {})}
        response = await api.get("entries", **query)
        assert response.status == 200, response.body
        assert response.body["total"] == ENTRY_COUNT
        assert len(response.body["items"]) <= 20
        items.extend(response.body["items"])
        pages += 1
        cursor = response.body["next_cursor"]
        if cursor is None:
            break
    assert pages == -(-ENTRY_COUNT // 20)
    return items


async def test_paging_with_each_sort_visits_every_entry_once(api: Client) -> None:
    created = await create_many(api, ENTRY_COUNT)
    all_ids = {entry["id"] for entry in created}

    newest_first = await walk(api)
    assert [e["id"] for e in newest_first] == [e["id"] for e in reversed(created)]

    oldest_first = await walk(api, sort="updated", order="asc")
    assert [e["id"] for e in oldest_first] == [e["id"] for e in created]

    a_to_z = await walk(api, sort="title")
    assert {e["id"] for e in a_to_z} == all_ids
    assert len(a_to_z) == ENTRY_COUNT
    keys = [(e["title"].casefold(), e["id"]) for e in a_to_z]
    assert keys == sorted(keys)

    z_to_a = await walk(api, sort="title", order="desc")
    assert [e["id"] for e in z_to_a] == [e["id"] for e in reversed(a_to_z)]


async def test_search_and_filters(api: Client) -> None:
    await api.create(payloads.model("Churn XGBoost", keywords="churn retention"))
    await api.create(
        payloads.model("Fraud scorer", description="Flags odd payments", keywords="fraud")
    )
    await api.create(
        payloads.model(
            "Cat or dog",
            data_type="image",
            task="image-classification",
            framework="pytorch",
            keywords="vision",
            share={"organization": True, "users": [], "canvas_users": []},
        )
    )
    await api.create(
        payloads.model(
            "Canvas churn",
            keywords="churn",
            share={"organization": True, "users": [], "canvas_users": ["analyst"]},
        )
    )
    await api.create(payloads.notebook("Churn walkthrough"))

    async def found(**params: Any) -> set[str]:
        response = await api.get("entries", **params)
        assert response.status == 200, response.body
        assert response.body["total"] == len(response.body["items"])
        return {item["title"] for item in response.body["items"]}

    assert await found(q="churn") == {"Churn XGBoost", "Canvas churn", "Churn walkthrough"}
    assert await found(q="retention") == {"Churn XGBoost"}  # keywords
    assert await found(q="payments") == {"Fraud scorer"}  # description
    assert await found(q="CHUR") == {"Churn XGBoost", "Canvas churn", "Churn walkthrough"}  # prefix
    assert await found(q="churn xgboost") == {"Churn XGBoost"}  # every word must match
    assert await found(kind="notebook") == {"Churn walkthrough"}
    assert await found(kind="model", q="churn") == {"Churn XGBoost", "Canvas churn"}
    assert await found(data_type="image") == {"Cat or dog"}
    assert await found(task="image-classification") == {"Cat or dog"}
    assert await found(framework="pytorch") == {"Cat or dog"}
    assert await found(framework="scikit-learn") == {"Churn walkthrough"}
    assert await found(canvas="true") == {"Canvas churn"}
    assert len(await found(canvas="false")) == 5


HOSTILE = [
    '"',
    "'",
    '""',
    "*",
    "churn*",
    "NEAR(",
    "NEAR(churn xgboost)",
    "%",
    "_",
    "%churn%",
    "-churn",
    "churn OR fraud",
    "title:churn",
    "\\",
    "'; DROP TABLE entries; --",
    "(((",
    "a & b | !c",
    "churn:*",
    "😀",
    "🙂 churn",
    "日本語",
    "  ",
    "\t\n",
    "AND",
    "x" * 256,
    "\x00",
]


@pytest.mark.parametrize("text", HOSTILE)
async def test_hostile_search_strings_never_fail(api: Client, text: str) -> None:
    await api.create(payloads.model("Churn XGBoost"))
    response = await api.get("entries", q=text)
    assert response.status == 200, response.body
    assert isinstance(response.body["items"], list)
    assert (await api.get("entries")).body["total"] == 1


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"scope": "everyone"}, ["scope"]),
        ({"kind": "dataset"}, ["kind"]),
        ({"sort": "popularity"}, ["sort"]),
        ({"sort": "relevance"}, ["sort"]),
        ({"order": "sideways"}, ["order"]),
        ({"limit": "0"}, ["limit"]),
        ({"limit": "201"}, ["limit"]),
        ({"limit": "ten"}, ["limit"]),
        ({"q": "x" * 257}, ["q"]),
        ({"cursor": "not-a-cursor"}, ["cursor"]),
        ({"colour": "red"}, ["colour"]),
    ],
)
async def test_bad_query_parameters(api: Client, params: dict[str, str], loc: list[str]) -> None:
    response = await api.get("entries", **params)
    assert response.status == 400, response.body
    assert loc in [detail["loc"] for detail in response.error["details"]]


async def test_cursor_from_another_sort_is_refused(api: Client) -> None:
    for index in range(3):
        await api.create(payloads.model(f"Entry {index}"))
    first = await api.get("entries", limit=1)
    cursor = first.body["next_cursor"]
    assert cursor
    response = await api.get("entries", sort="title", cursor=cursor, limit=1)
    assert response.status == 400
    assert ["cursor"] in [detail["loc"] for detail in response.error["details"]]


async def test_best_match_through_the_api(api: Client) -> None:
    await api.create(payloads.model("Harbour crane", description="Counts ships."))
    await api.create(payloads.model("Ship counter", description="Watches a harbour."))
    await api.create(payloads.model("Unrelated", description="Nothing here."))
    best = await api.get("entries", q="harbour", sort="relevance", limit=1)
    assert best.status == 200, best.body
    assert [item["title"] for item in best.body["items"]] == ["Harbour crane"]
    assert (best.body["total"], best.body["total_is_exact"]) == (2, True)
    rest = await api.get(
        "entries", q="harbour", sort="relevance", limit=1, cursor=best.body["next_cursor"]
    )
    assert [item["title"] for item in rest.body["items"]] == ["Ship counter"]
    assert rest.body["next_cursor"] is None
    refused = await api.get("entries", sort="relevance")
    assert refused.status == 400
    assert "Best match" in refused.error["details"][0]["msg"]


async def test_concurrent_creates_get_distinct_ids(as_user: Any) -> None:
    alice, bob = as_user("alice"), as_user("bob")
    bodies = [payloads.model("Same title") for _ in range(6)]
    results = await asyncio.gather(
        *(user.post("entries", body) for user, body in zip([alice, bob] * 3, bodies, strict=True))
    )
    assert all(result.status == 201 for result in results), [r.body for r in results]
    ids = {result.body["id"] for result in results}
    assert len(ids) == 6
    assert "same-title" in ids
