"""``GET /options`` serves the rules the validators use (``rules``): the UI checks a form
as the user types with them instead of keeping copies. Each rule is checked against the
validator it comes from, and the keyword separators against Python and JavaScript."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, get_args

import botocore.session
import payloads
import pytest
from conftest import Client

from shared_models_ext.domain.models import Entry, normalize_keywords
from shared_models_ext.domain.models.entries import (
    CANVAS_DATA_TYPES,
    CANVAS_KINDS,
    COLUMN_FORMAT_DATA_TYPES,
    MAX_SEARCH_LENGTH,
)
from shared_models_ext.domain.models.keywords import SEPARATOR_PATTERN
from shared_models_ext.domain.models.launch import (
    ENDPOINT_FINAL_STATUSES,
    TRAINING_JOB_FINAL_STATUSES,
)
from shared_models_ext.domain.models.local_runs import (
    DEFAULT_OUTPUT,
    DEFAULT_SYNTHETIC_ROWS,
    FINAL_LOCAL_RUN_STATUSES,
    MAX_SYNTHETIC_ROWS,
    SYNTHETIC,
    LocalRunStatusName,
    StartLocalRun,
    SyntheticDataRequest,
)
from shared_models_ext.domain.vocabulary import DataType, Kind, tasks_for
from shared_models_ext.services.local_runs.plan import plan_run
from shared_models_ext.services.local_runs.record import RunRecord
from shared_models_ext.services.workspace import Workspace
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
        "share": {
            "max_users": 100,
            "max_canvas_users": 23,
            "max_user_name_length": 255,
            "canvas": {"kinds": list(CANVAS_KINDS), "data_types": list(CANVAS_DATA_TYPES)},
        },
        "page": {"max_limit": 200, "default_limit": 50, "max_exact_total": 1000},
        "search": {"max_length": MAX_SEARCH_LENGTH},
        "training": {
            "min_channels": 1,
            "max_channels": 20,
            "column_format_data_types": list(COLUMN_FORMAT_DATA_TYPES),
        },
        "statuses": {
            "training-job": {"final": list(TRAINING_JOB_FINAL_STATUSES)},
            "endpoint": {"final": list(ENDPOINT_FINAL_STATUSES)},
            "local-run": {"final": list(FINAL_LOCAL_RUN_STATUSES)},
        },
        "local_runs": {
            "default_synthetic_rows": DEFAULT_SYNTHETIC_ROWS,
            "max_synthetic_rows": MAX_SYNTHETIC_ROWS,
            "default_seed": 0,
            "default_output": DEFAULT_OUTPUT,
        },
    }
    assert rules["share"]["canvas"] == {"kinds": ["model"], "data_types": ["tabular"]}


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


def entry_of(kind: str, data_type: str, **overrides: Any) -> dict[str, Any]:
    """A valid entry of ``kind`` and ``data_type`` (its first task)."""
    make = payloads.model if kind == "model" else payloads.notebook
    return make(
        f"{kind} {data_type}", data_type=data_type, task=tasks_for(data_type)[0], **overrides
    )


async def dry_run(api: Client, body: dict[str, Any]) -> tuple[int, list[list[Any]]]:
    response = await api.post("entries", body, params={"dry_run": "true"})
    locs = [detail["loc"] for detail in response.error["details"]] if response.status == 400 else []
    return response.status, locs


async def test_canvas_users_only_where_the_served_rule_allows(api: Client) -> None:
    """Every kind and data type: Canvas users are refused exactly where ``rules.share.canvas``
    says they are (tabular models only), and nothing else is wrong with the entry."""
    canvas = (await served_rules(api))["share"]["canvas"]
    seen = set()
    for kind in get_args(Kind):
        for data_type in get_args(DataType):
            allowed = kind in canvas["kinds"] and data_type in canvas["data_types"]
            seen.add(allowed)
            share = {"organization": False, "users": [], "canvas_users": ["canvas-ana"]}
            status, locs = await dry_run(api, entry_of(kind, data_type, share=share))
            assert (status, locs) == ((200, []) if allowed else (400, [["share", "canvas_users"]]))
            assert await dry_run(api, entry_of(kind, data_type)) == (200, [])
    assert seen == {True, False}
    refused = await api.post("entries", entry_of("model", "text", share={"canvas_users": ["a"]}))
    assert refused.status == 400
    assert refused.error["details"][0]["msg"] == (
        "only tabular models can be shared with Canvas users"
    )


async def test_a_column_format_exactly_where_the_served_rule_says(api: Client) -> None:
    """``rules.training.column_format_data_types``: training there needs a column format,
    and training of any other data type may not have one."""
    with_columns = (await served_rules(api))["training"]["column_format_data_types"]
    for data_type in get_args(DataType):
        columns = data_type in with_columns
        tabular = entry_of("model", data_type, training=payloads.tabular_training())
        plain = entry_of("model", data_type, training=payloads.training())
        assert await dry_run(api, tabular) == (
            (200, []) if columns else (400, [["training", "tabular"]])
        )
        assert await dry_run(api, plain) == (
            (400, [["training", "tabular"]]) if columns else (200, [])
        )


async def test_the_training_channel_counts(api: Client) -> None:
    rules = (await served_rules(api))["training"]
    channels = [
        {"name": f"c{index}", "uri": f"s3://team-bucket/data/{index}/"}
        for index in range(rules["max_channels"] + 1)
    ]
    for count, status in (
        (rules["min_channels"] - 1, 400),
        (rules["min_channels"], 200),
        (rules["max_channels"], 200),
        (rules["max_channels"] + 1, 400),
    ):
        training = payloads.tabular_training(channels=channels[:count])
        result = await dry_run(api, payloads.model(training=training))
        assert result == ((200, []) if status == 200 else (400, [["training", "channels"]]))
    overrides = {f"c{index}": "synthetic" for index in range(rules["max_channels"])}
    assert StartLocalRun.model_validate({"channels": overrides}).channels == overrides
    with pytest.raises(ValueError, match="at most 20"):
        StartLocalRun.model_validate({"channels": {**overrides, "one-more": "synthetic"}})


async def test_the_search_length(api: Client) -> None:
    longest = (await served_rules(api))["search"]["max_length"]
    assert (await api.get("entries", q="q" * longest)).status == 200
    refused = await api.get("entries", q="q" * (longest + 1))
    assert refused.status == 400
    assert refused.error["details"][0]["loc"] == ["q"]


#: SageMaker statuses on the way to another: a poll goes on through them.
TRANSITIONAL = {
    "training-job": {"InProgress", "Stopping", "Deleting"},
    "endpoint": {"Creating", "Updating", "SystemUpdating", "RollingBack", "Deleting"},
}


async def test_the_final_statuses_are_the_servers(api: Client) -> None:
    """Each served final status is a status the server (or SageMaker) gives, and final:
    a local run with it has ended, for good; the others are not final."""
    statuses = (await served_rules(api))["statuses"]
    assert statuses["training-job"]["final"] == list(TRAINING_JOB_FINAL_STATUSES)
    assert statuses["endpoint"]["final"] == list(ENDPOINT_FINAL_STATUSES)
    sagemaker = botocore.session.get_session().get_service_model("sagemaker")
    for kind, shape in (("training-job", "TrainingJobStatus"), ("endpoint", "EndpointStatus")):
        known = set(sagemaker.shape_for(shape).enum)
        final = set(statuses[kind]["final"])
        assert final <= known, kind
        assert TRANSITIONAL[kind] <= known - final, kind
        assert known == final | TRANSITIONAL[kind], f"classify {known - final - TRANSITIONAL[kind]}"
    final = statuses["local-run"]["final"]
    assert set(final) <= set(get_args(LocalRunStatusName))
    for status in get_args(LocalRunStatusName):
        record = RunRecord("r", "alice", "e", "E", "/tmp/r", "2026-01-01T00:00:00+00:00", status)
        assert record.ended == (status in final), status
    assert RunRecord("r", "alice", "e", "E", "/tmp/r", "2026-01-01T00:00:00+00:00").ended is False


async def test_the_local_run_defaults(api: Client) -> None:
    rules = (await served_rules(api))["local_runs"]
    run = StartLocalRun.model_validate({})
    assert run.seed == rules["default_seed"]
    assert run.synthetic_rows is None
    assert f"folder {rules['default_output']}" in StartLocalRun.model_fields["output"].description
    largest = rules["max_synthetic_rows"]
    assert SyntheticDataRequest.model_validate({"rows": largest}).rows == largest
    with pytest.raises(ValueError, match="less than or equal"):
        SyntheticDataRequest.model_validate({"rows": largest + 1})
    assert rules["default_synthetic_rows"] <= largest


async def test_a_run_plan_uses_the_served_defaults(api: Client, tmp_path: Path) -> None:
    """What ``POST /entries/{id}/local-runs`` plans for what it is not given: the served
    defaults (``rules.local_runs``)."""
    rules = (await served_rules(api))["local_runs"]
    created = await api.create(payloads.model(training=payloads.tabular_training()))
    entry = Entry.model_validate(created)
    workspace = Workspace(str(tmp_path))
    plan = plan_run(
        entry, StartLocalRun.model_validate({"channels": {"train": SYNTHETIC}}), workspace
    )
    assert plan.synthetic_rows == rules["default_synthetic_rows"]
    assert plan.seed == rules["default_seed"]
    assert plan.output.location == os.path.join(workspace.root, rules["default_output"])
