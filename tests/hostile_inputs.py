"""A corpus of hostile requests: what an attacker, a broken client or a confused user sends.

Each case is one request (method, path relative to ``/shared-models/api``, body, headers)
and what the server must do with it: ``refused`` (a 4xx with the JSON error shape) or
``any`` (accepted or refused, but never a 5xx). ``tests/test_hostile_inputs.py`` sends
every case to a real server on SQLite and on PostgreSQL.

The server under test holds ``SEEDED`` (a model owned by the caller) and a workspace with
``NOTEBOOK`` (a real notebook) and ``ESCAPE`` (a symlink to a notebook outside the root).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

import payloads

SEEDED = "churn-xgboost"
NOTEBOOK = "work/nb.ipynb"
ESCAPE = "work/escape.ipynb"  # -> a notebook outside the workspace root
ESCAPE_DIR = "work/outside"  # -> a folder outside the workspace root


@dataclass(frozen=True)
class Hostile:
    name: str
    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    expect: Literal["refused", "any"] = "refused"


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def _model(**overrides: Any) -> bytes:
    return _json(payloads.model(**overrides))


def _share(**overrides: Any) -> bytes:
    body = {
        "path": NOTEBOOK,
        "s3_uri": "s3://team-bucket/notebooks/",
        "title": "Shared notebook",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "scikit-learn",
    }
    body.update(overrides)
    return _json(body)


def _nested(depth: int) -> bytes:
    return b'{"title": ' + b"[" * depth + b"]" * depth + b"}"


_PUT = f"entries/{SEEDED}"
_LONG = "x" * 300

CASES: list[Hostile] = [
    # -- not JSON, wrong JSON, too much JSON -------------------------------------------
    Hostile("empty body", "POST", "entries", b""),
    Hostile("not json", "POST", "entries", b"{'kind': 'model'"),
    Hostile("json array body", "POST", "entries", b"[1, 2, 3]"),
    Hostile("json string body", "POST", "entries", b'"model"'),
    Hostile("invalid utf-8", "POST", "entries", b'{"title": "\xff\xfe"}'),
    Hostile("lone surrogate escape", "POST", "entries", _model(title="\ud800 bad")),
    Hostile("nested 100 deep", "POST", "entries", _nested(100)),
    Hostile("nested 5000 deep", "POST", "entries", _nested(5000)),
    Hostile("nested validation-check", "POST", "validation-check", _nested(20000)),
    Hostile("nested open", "POST", f"entries/{SEEDED}/open", _nested(20000)),
    Hostile("oversize body", "POST", "entries", _model(description="d" * (1024 * 1024 + 10))),
    Hostile("huge number", "POST", "entries", _model(title=1e400)),
    Hostile("NaN literal", "POST", "entries", b'{"kind": "model", "title": NaN}'),
    Hostile("duplicate keys", "POST", "entries", b'{"kind": "model", "kind": "notebook"}'),
    # -- wrong types -------------------------------------------------------------------
    Hostile("title is a list", "POST", "entries", _model(title=["a", "b"])),
    Hostile("kind is a number", "POST", "entries", _model(kind=7)),
    Hostile("share is a string", "POST", "entries", _model(share="everyone")),
    Hostile("keywords are objects", "POST", "entries", _model(keywords=[{"a": 1}])),
    Hostile("training is a list", "POST", "entries", _model(training=[1])),
    Hostile("unknown field", "POST", "entries", _model(owner_override="root")),
    # -- text that must never be stored ------------------------------------------------
    Hostile("NUL in title", "POST", "entries", _model(title="churn\x00model")),
    Hostile("NUL in description", "POST", "entries", _model(description="a\x00b")),
    Hostile("NUL in keyword", "POST", "entries", _model(keywords=["ok", "bad\x00"])),
    Hostile("control char in title", "POST", "entries", _model(title="churn\x1b[31m")),
    Hostile("bidi override in title", "POST", "entries", _model(title="abc\u202etxt.exe")),
    Hostile("zero-width only title", "POST", "entries", _model(title="\u200b\u200c\u200d")),
    Hostile("overlong title", "POST", "entries", _model(title="t" * 257)),
    Hostile("overlong share user", "POST", "entries", _model(share={"users": ["u" * 256]})),
    Hostile("too many keywords", "POST", "entries", _model(keywords=[f"k{i}" for i in range(51)])),
    Hostile("overlong keyword", "POST", "entries", _model(keywords=["k" * 256])),
    Hostile("bad id", "POST", "entries", _model(id="Bad_ID")),
    Hostile("overlong id", "POST", "entries", _model(id="a" * 64)),
    Hostile("unicode confusable id", "POST", "entries", _model(id="\u0430lice-model")),
    Hostile(
        "confusable share user",
        "POST",
        "entries",
        _model(share={"users": ["\u0430lice"]}),
        expect="any",
    ),
    Hostile(
        "sql-ish title",
        "POST",
        "entries",
        _model(title="x'); DROP TABLE entries;--"),
        expect="any",
    ),
    Hostile(
        "html title", "POST", "entries", _model(title="<script>alert(1)</script>"), expect="any"
    ),
    Hostile("sql-ish search", "GET", "entries?q=%27%20OR%201%3D1%20--", expect="any"),
    Hostile("fts syntax search", "GET", "entries?q=%22unterminated%20NEAR(", expect="any"),
    Hostile("overlong search", "GET", "entries?q=" + "q" * 300),
    Hostile("NUL in search", "GET", "entries?q=a%00b", expect="any"),
    # -- query strings and cursors -----------------------------------------------------
    Hostile("limit zero", "GET", "entries?limit=0"),
    Hostile("limit huge", "GET", "entries?limit=99999999999999999999"),
    Hostile("limit not a number", "GET", "entries?limit=ten"),
    Hostile("bad scope", "GET", "entries?scope=everyone"),
    Hostile("garbage cursor", "GET", "entries?cursor=not-a-cursor"),
    Hostile("base64 json cursor", "GET", "entries?cursor=eyJrIjoiMDAwMS0wMS0wMSJ9"),
    Hostile("overlong cursor", "GET", "entries?cursor=" + "A" * 5000),
    Hostile("local-runs cursor", "GET", "local-runs?cursor=%F0%9F%92%A9"),
    Hostile("launches cursor", "GET", "launches?cursor=..%2F..%2Fetc"),
    Hostile("training-jobs cursor", "GET", "training-jobs?cursor=forged"),
    Hostile("log offset negative", "GET", "local-runs/run-1/log?offset=-1"),
    # -- path parameters ---------------------------------------------------------------
    Hostile("entry id traversal", "GET", "entries/..%2F..%2Fetc%2Fpasswd"),
    Hostile("entry id overlong", "GET", "entries/" + "a" * 500),
    Hostile("entry id with NUL", "GET", "entries/a%00b"),
    Hostile("entry id uppercase", "GET", "entries/CHURN-XGBOOST"),
    Hostile("job name traversal", "GET", "training-jobs/..%2Fsecret"),
    Hostile("endpoint name overlong", "GET", "deployments/" + "e" * 100),
    Hostile("run id traversal", "GET", "local-runs/..%2F..%2F"),
    Hostile("run id delete traversal", "DELETE", "local-runs/..%2Fdata"),
    # -- If-Match ----------------------------------------------------------------------
    Hostile("put without if-match", "PUT", _PUT, _model()),
    Hostile("put if-match garbage", "PUT", _PUT, _model(), {"If-Match": "garbage"}),
    Hostile("put if-match star", "PUT", _PUT, _model(), {"If-Match": "*"}),
    Hostile("put if-match huge", "PUT", _PUT, _model(), {"If-Match": '"' + "9" * 400 + '"'}),
    Hostile("put if-match negative", "PUT", _PUT, _model(), {"If-Match": '"-1"'}),
    Hostile("delete if-match stale", "DELETE", _PUT, None, {"If-Match": '"99"'}),
    Hostile("put changes kind", "PUT", _PUT, _json(payloads.notebook()), {"If-Match": '"1"'}),
    # -- workspace paths ---------------------------------------------------------------
    Hostile("share traversal", "POST", "notebooks/share", _share(path="../../etc/passwd.ipynb")),
    Hostile("share absolute", "POST", "notebooks/share", _share(path="/etc/passwd.ipynb")),
    Hostile("share symlink out", "POST", "notebooks/share", _share(path=ESCAPE)),
    Hostile("share not a notebook", "POST", "notebooks/share", _share(path="work/notes.txt")),
    Hostile("share NUL path", "POST", "notebooks/share", _share(path="work/nb\x00.ipynb")),
    Hostile("share missing title", "POST", "notebooks/share", _share(title=None)),
    Hostile("share bad s3", "POST", "notebooks/share", _share(s3_uri="s3://../x.ipynb")),
    Hostile("open traversal", "POST", f"entries/{SEEDED}/open", _json({"directory": "../.."})),
    Hostile("open absolute", "POST", f"entries/{SEEDED}/open", _json({"directory": "/tmp"})),
    Hostile("open symlink out", "POST", f"entries/{SEEDED}/open", _json({"directory": ESCAPE_DIR})),
    Hostile(
        "synthetic traversal",
        "POST",
        f"entries/{SEEDED}/synthetic-data",
        _json({"rows": 5, "directory": "../../tmp"}),
    ),
    Hostile(
        "synthetic too many rows",
        "POST",
        f"entries/{SEEDED}/synthetic-data",
        _json({"rows": 10**12}),
    ),
    # -- S3 URIs -----------------------------------------------------------------------
    Hostile("s3 exists no scheme", "GET", "s3/exists?uri=team-bucket/x"),
    Hostile("s3 exists http", "GET", "s3/exists?uri=http%3A%2F%2F169.254.169.254%2F"),
    Hostile("s3 exists dotdot", "GET", "s3/exists?uri=s3%3A%2F%2Fteam-bucket%2F..%2F..%2Fx"),
    Hostile("s3 list bad bucket", "GET", "s3?uri=s3%3A%2F%2FA_B%2F"),
    Hostile("s3 list overlong", "GET", "s3?uri=s3%3A%2F%2Fteam-bucket%2F" + "k" * 2000),
    Hostile(
        "validation-check bad uris",
        "POST",
        "validation-check",
        _json({"training_data_uri": "file:///etc/passwd", "validation_data_uri": "s3://b"}),
    ),
    Hostile(
        "training script uri bad",
        "POST",
        "entries",
        _model(training=payloads.training(script_uri="s3://team-bucket/../../x")),
    ),
    Hostile(
        "metric regex catastrophic",
        "POST",
        "entries",
        _model(training=payloads.training(metrics=[{"name": "m", "regex": "(a+)+$("}])),
    ),
    # -- launches ----------------------------------------------------------------------
    Hostile(
        "launch bad role",
        "POST",
        f"entries/{SEEDED}/training-jobs",
        _json({"role_arn": "arn:aws:iam::1:role/x"}),
    ),
    Hostile(
        "launch bad job name",
        "POST",
        f"entries/{SEEDED}/training-jobs",
        _json({"role_arn": "arn:aws:iam::123456789012:role/R", "job_name": "-bad-"}),
    ),
    Hostile(
        "launch hyperparameter out of range",
        "POST",
        f"entries/{SEEDED}/training-jobs",
        _json({"role_arn": "arn:aws:iam::123456789012:role/R", "hyperparameters": {"epochs": 0}}),
    ),
    Hostile(
        "request hyperparameters not json",
        "GET",
        f"entries/{SEEDED}/training-job-request?hyperparameters=%7Bnope",
    ),
    Hostile("ecr bad repository", "GET", "ecr/images?repository=..%2F..%2F"),
    Hostile("dlc unknown framework", "GET", "dlc-image?framework=%3Cscript%3E&version=1"),
    # -- methods and headers -----------------------------------------------------------
    Hostile("patch not allowed", "PATCH", _PUT, _model()),
    Hostile("post on entry not allowed", "POST", _PUT, _model()),
    Hostile(
        "json with text content-type",
        "POST",
        "entries",
        b"kind=model",
        {"Content-Type": "application/x-www-form-urlencoded"},
    ),
    Hostile("overlong username field", "POST", "entries", _model(share={"users": [_LONG]})),
]
