"""``GET /options`` serves the rules the validators use (``rules``): the UI checks a form
as the user types with them instead of keeping copies. Each rule is checked against the
validator it comes from, and the keyword separators against Python and JavaScript."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from typing import Any

import payloads
import pytest
from conftest import Client

from shared_models_ext.domain.models import normalize_keywords
from shared_models_ext.domain.models.keywords import SEPARATOR_PATTERN
from shared_models_ext.store.listing import MAX_LIMIT

#: Separators Python and JavaScript disagree about, and near misses.
AWKWARD = [
    "a\u0085b",  # NEXT LINE: whitespace in Python, not in JavaScript's \s
    "a\u001cb\u001dc\u001ed\u001ff",  # the information separators: the same
    "a\ufeffb",  # ZERO WIDTH NO-BREAK SPACE: JavaScript's \s, not Python's
    "a\u3000b\u3000\u3000c",  # IDEOGRAPHIC SPACE
    "\ta\t\tb\t",  # tabs, leading and trailing
    "a\u200bb",  # ZERO WIDTH SPACE: whitespace in neither
    "a\u00a0b\u2007c\u202fd",  # no-break spaces are whitespace in Python
    "a\u2028b\u2029c\r\nd\x0be\x0cf",  # line and paragraph separators, CRLF, VT, FF
    ",, A ,\u180e, a,B\u3000b",  # MONGOLIAN VOWEL SEPARATOR is not whitespace (Unicode 6.3+)
    "Churn XGBoost,tabular",
]


def split_like_the_ui(pattern: str, text: str) -> list[str]:
    """What a client does with the served pattern: split, strip, lowercase, drop empty
    items, keep the first of repeated ones."""
    keywords: dict[str, None] = {}
    for item in re.split(pattern, text):
        keyword = item.strip().lower()
        if keyword:
            keywords.setdefault(keyword, None)
    return list(keywords)


async def served_rules(api: Client) -> dict[str, Any]:
    response = await api.get("options")
    assert response.status == 200, response.body
    return response.body["rules"]  # type: ignore[no-any-return]


async def test_rules_are_the_validators_constants(api: Client) -> None:
    rules = await served_rules(api)
    assert rules == {
        "keywords": {"separator_pattern": SEPARATOR_PATTERN, "max_count": 50, "max_length": 255},
        "id": {"pattern": "^[a-z0-9](-*[a-z0-9]){0,62}$", "max_length": 63},
        "title": {"max_length": 256},
        "description": {"max_bytes": 65536},
        "share": {"max_users": 100, "max_canvas_users": 23, "max_user_name_length": 255},
        "page": {"max_limit": 200, "default_limit": 50},
    }


async def test_the_served_pattern_splits_like_the_server(api: Client) -> None:
    rules = await served_rules(api)
    pattern = rules["keywords"]["separator_pattern"]
    for text in AWKWARD:
        assert split_like_the_ui(pattern, text) == normalize_keywords(text), repr(text)
    assert normalize_keywords("a\ufeffb") == ["a\ufeffb"]
    assert normalize_keywords("a\u0085b\u001cc") == ["a", "b", "c"]


def test_the_pattern_is_every_python_whitespace_and_the_comma() -> None:
    separator = re.compile(SEPARATOR_PATTERN)
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    matched = set(separator.findall(every))
    assert matched == {char for char in every if char.isspace()} | {","}
    assert "\ufeff" not in matched
    assert {"\u0085", "\u001c", "\u001f", "\u3000", "\t"} <= matched


def test_the_pattern_is_plain_enough_for_javascript() -> None:
    """A bracketed list of ``\\uXXXX`` escapes and ranges: the same in both languages."""
    assert re.fullmatch(r"\[(?:\\u[0-9a-f]{4}(?:-\\u[0-9a-f]{4})?)+\]", SEPARATOR_PATTERN)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_javascript_splits_with_the_pattern_as_python_does() -> None:
    script = (
        "const [pattern, texts] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const separators = new RegExp(pattern, 'g');"
        "process.stdout.write(JSON.stringify(texts.map(text => text.split(separators))));"
    )
    reply = subprocess.run(
        ["node", "-e", script],
        input=json.dumps([SEPARATOR_PATTERN, AWKWARD]),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert json.loads(reply.stdout) == [re.split(SEPARATOR_PATTERN, text) for text in AWKWARD]


async def test_an_entry_keeps_the_keywords_the_pattern_gives(api: Client) -> None:
    rules = await served_rules(api)
    pattern = rules["keywords"]["separator_pattern"]
    text = "".join(AWKWARD)
    entry = await api.create(payloads.model("Awkward keywords", keywords=text))
    assert entry["keywords"] == split_like_the_ui(pattern, text)
    as_list = await api.create(payloads.model("Awkward list", keywords=AWKWARD))
    expected = split_like_the_ui(pattern, ",".join(AWKWARD))
    assert as_list["keywords"] == expected


async def test_the_page_limit_is_one_rule(api: Client) -> None:
    rules = await served_rules(api)
    limit = rules["page"]["max_limit"]
    assert limit == MAX_LIMIT
    assert (await api.get("entries", limit=limit)).status == 200
    too_many = await api.get("entries", limit=limit + 1)
    assert too_many.status == 400
    assert too_many.error["details"][0]["loc"] == ["limit"]


async def test_an_id_matching_the_pattern_is_accepted(api: Client) -> None:
    rules = await served_rules(api)
    pattern = re.compile(rules["id"]["pattern"])
    longest = "a" * rules["id"]["max_length"]
    assert pattern.fullmatch(longest)
    assert (await api.post("entries", payloads.model(id=longest))).status == 201
    refused = await api.post("entries", payloads.model("Other", id=longest + "a"))
    assert not pattern.fullmatch(longest + "a")
    assert refused.status == 400
    assert refused.error["details"][0]["loc"] == ["id"]


async def test_the_text_limits(api: Client) -> None:
    rules = await served_rules(api)
    title = "t" * rules["title"]["max_length"]
    description = "é" * (rules["description"]["max_bytes"] // 2)
    users = [f"user{number}" for number in range(rules["share"]["max_users"])]
    body = payloads.model(title=f"  {title}  ", description=description, share={"users": users})
    assert (await api.post("entries", body, params={"dry_run": "true"})).status == 200
    for too_long, loc in (
        (payloads.model(title=title + "t"), ["title"]),
        (payloads.model(description=description + "e"), ["description"]),
        (payloads.model(keywords="k" * (rules["keywords"]["max_length"] + 1)), ["keywords"]),
        (
            payloads.model(keywords=list(map(str, range(rules["keywords"]["max_count"] + 1)))),
            ["keywords"],
        ),
        (payloads.model(share={"users": [*users, "one-more"]}), ["share", "users"]),
    ):
        response = await api.post("entries", too_long, params={"dry_run": "true"})
        assert response.status == 400, loc
        assert response.error["details"][0]["loc"] == loc
