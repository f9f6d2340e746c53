"""One text rule on both backends: NUL and control characters are refused (400, field by
field, nothing stored) in every stored text field, where SQLite used to store what
PostgreSQL refuses; lengths match the columns; rows stored before a rule tightened still
read; choosing an ID for a crowded title stays bounded."""

from __future__ import annotations

from typing import Any

import payloads
import pytest
from sqlalchemy import Engine, event, text

from shared_models_ext.domain.ids import MAX_ID_LENGTH, is_valid_id, with_suffix
from shared_models_ext.domain.models import CreateEntry
from shared_models_ext.store.sql import SqlCatalogStore
from shared_models_ext.store.tables import NAME_TYPE

HOSTILE = {
    "NUL in description": ({"description": "a\x00b"}, ["description"]),
    "escape in description": ({"description": "a\x1b[31mb"}, ["description"]),
    "tab in description": ({"description": "a\tb"}, ["description"]),
    "NUL in keywords": ({"keywords": ["ok", "x\x00y"]}, ["keywords", 1]),
    "C1 in keywords": ({"keywords": "x\x9by"}, ["keywords", 0]),
    "NUL in an environment value": (
        {"training": payloads.tabular_training(environment={"MODE": "a\x00b"})},
        ["training", "environment", "MODE"],
    ),
    "DEL in an environment value": (
        {"training": payloads.tabular_training(environment={"MODE": "a\x7fb"})},
        ["training", "environment", "MODE"],
    ),
    "256-char share user": (
        {"share": {"organization": True, "users": ["u" * 256], "canvas_users": []}},
        ["share", "users", 0],
    ),
}


@pytest.mark.parametrize(("change", "loc"), HOSTILE.values(), ids=HOSTILE.keys())
async def test_unstorable_text_is_400_on_its_field(
    api: Any, db_engine: Engine, change: dict[str, Any], loc: list[Any]
) -> None:
    response = await api.post("entries", payloads.model(**change))
    assert response.status == 400, response.body
    assert response.error["code"] == "invalid"
    assert loc in [detail["loc"] for detail in response.error["details"]]
    with db_engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM entries")).scalar() == 0


async def test_line_breaks_are_kept_in_descriptions(api: Any) -> None:
    entry = await api.create(payloads.model(description="first\r\nsecond\rthird\nend"))
    assert entry["description"] == "first\nsecond\nthird\nend"


async def test_the_same_rule_holds_on_replace(api: Any) -> None:
    entry = await api.create(payloads.model())
    etag = f'"{entry["version"]}"'
    response = await api.put(f"entries/{entry['id']}", {**entry, "description": "x\x00"}, etag)
    assert response.status == 400, response.body
    assert response.error["details"][0]["loc"] == ["description"]


def test_schema_and_column_share_one_name_length() -> None:
    from shared_models_ext.domain.identity import MAX_USERNAME_LENGTH

    assert NAME_TYPE.length == MAX_USERNAME_LENGTH == 255


async def test_rows_stored_before_a_rule_tightened_still_read(
    api: Any, as_user: Any, db_engine: Engine
) -> None:
    body = payloads.model(
        training=payloads.tabular_training(environment={"MODE": "fast"}),
        share={"organization": False, "users": ["bob"], "canvas_users": []},
    )
    entry = await api.create(body)
    # What an older version could store: control characters, a share in capitals,
    # an invisible title, a 256-character share name (and no document: older versions
    # rendered none).
    with db_engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE entries SET description = :d, title = :t, document = NULL,"
                " document_schema = NULL WHERE id = :id"
            ),
            {"d": "bell\x07here", "t": "\u200b", "id": entry["id"]},
        )
        connection.execute(
            text("UPDATE entry_shares SET username = 'Bob' WHERE entry_id = :id"),
            {"id": entry["id"]},
        )
        connection.execute(
            text("INSERT INTO entry_shares (entry_id, username) VALUES (:id, :u)"),
            {"id": entry["id"], "u": "Name With Spaces"},
        )
    mine = await api.get(f"entries/{entry['id']}")
    assert mine.status == 200, mine.body
    assert mine.body["description"] == "bell\x07here"
    assert sorted(mine.body["share"]["users"]) == ["Bob", "Name With Spaces"]
    listed = await api.get("entries", scope="mine")
    assert listed.status == 200
    assert listed.body["total"] == 1
    assert listed.body["items"] == [mine.body]
    assert (await as_user("bob").get(f"entries/{entry['id']}")).status == 200


def _fields() -> CreateEntry:
    return CreateEntry(
        kind="model",
        title="Popular",
        description="",
        data_type="text",
        task="text-generation",
        framework="pytorch",
    )


def _rows_read(store: SqlCatalogStore, db_engine: Engine, call: Any) -> tuple[Any, int]:
    """``call()``'s result, and how many rows its SELECTs on ``entries.id`` returned
    (each statement re-run with its parameters after the fact)."""
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "entries.id" in statement:
            seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", capture)
    try:
        result = call()
    finally:
        event.remove(Engine, "before_cursor_execute", capture)
    with db_engine.connect() as connection:
        rows = sum(len(connection.exec_driver_sql(s, p).all()) for s, p in seen)
    return result, rows


@pytest.mark.parametrize("base", ["popular", "a-" + "b" * 60])
def test_choosing_an_id_for_a_crowded_title_reads_few_rows(
    store: SqlCatalogStore, db_engine: Engine, base: str
) -> None:
    crowd = 3000
    with db_engine.begin() as connection:
        now = "2026-01-01 00:00:00.000000"
        connection.execute(
            text(
                "INSERT INTO entries (id, kind, title, title_key, description, data_type, task, "
                "framework, keywords, search_title, search_keywords, search_description, owner, "
                "share_organization, canvas_shared, canvas_users, created_at, updated_at, "
                "version) VALUES (:id, 'model', 'Popular', 'popular', '', 'text', "
                "'text-generation', 'pytorch', '[]', 'popular', '', '', 'alice', false, false, "
                "'[]', :now, :now, 1)"
            ),
            [{"id": with_suffix(base, number), "now": now} for number in range(1, crowd + 1)],
        )
    made, rows = _rows_read(
        store, db_engine, lambda: store.create("alice", base, _fields(), exact_id=False)
    )
    assert made.id == with_suffix(base, crowd + 1)
    assert is_valid_id(made.id)
    assert len(made.id) <= MAX_ID_LENGTH
    assert rows <= 200, rows  # not one row per entry sharing the title
    suggested, rows = _rows_read(store, db_engine, lambda: store.suggest_id(base))
    assert suggested == with_suffix(base, crowd + 2)
    assert rows <= 200, rows
    again = [store.create("alice", base, _fields(), exact_id=False).id for _ in range(20)]
    assert again == [with_suffix(base, crowd + n) for n in range(2, 22)]
    # A gap left by a deleted entry is found, then the sequence goes on.
    for number in (1, 2, 3, 5, 6):
        store.create("alice", with_suffix("gap", number), _fields(), exact_id=True)
    assert store.create("alice", "gap", _fields(), exact_id=False).id == "gap-4"
    assert store.create("alice", "gap", _fields(), exact_id=False).id == "gap-7"
