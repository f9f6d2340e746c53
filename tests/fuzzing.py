"""schemathesis over the served OpenAPI document: one operation at a time, bounded, seeded.

Shared by ``tests/test_fuzz_openapi.py`` (a few examples per operation, in the suite) and
``scripts/fuzz_openapi.py`` (the long run). Every case is sent to a real server; the
checks are schemathesis' own: no 5xx, the status documented, the content type and body
matching the document, and schema-valid data accepted.
"""

from __future__ import annotations

import json
import os
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES_ENV = "SME_FUZZ_EXAMPLES"
#: Examples per operation and generation mode in the test suite (the long run: 100+).
DEFAULT_EXAMPLES = 8

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    positive_data_acceptance,
]


def checks_for(label: str, status: int) -> list[Any]:
    """The checks that apply to one response of the operation ``label``."""
    checks = list(CHECKS)
    if status == 400 and label in BEYOND_SCHEMA:
        checks.remove(positive_data_acceptance)
    if status == 502 and label in MOTO_GAPS:
        checks = [
            check for check in checks if check not in (not_a_server_error, positive_data_acceptance)
        ]
    return checks


#: schemathesis' configuration: which statuses count as "valid data accepted".
#: 400 is left out on purpose: a request the document calls valid must not be refused...
CONFIG = {
    "checks": {
        "positive_data_acceptance": {
            "expected-statuses": ["2xx", "403", "404", "409", "412"],
        },
    },
}

#: ...except where the server checks more than JSON Schema can say, so that schema-valid
#: data may still be refused with 400 (and field-level details). Each says which rule.
BEYOND_SCHEMA: dict[str, str] = {
    "POST /entries/{entry_id}/cleanrooms-algorithms": (
        "the entry needs a training container; no control characters"
    ),
    "GET /cleanrooms-algorithms": "cursor: opaque and signed by the server",
    "GET /hubs": "cursor: SageMaker's NextToken; no control characters",
    "POST /hubs": "no control characters",
    "GET /entries": "cursor: opaque and signed by the server; sort=relevance needs q",
    "GET /local-runs": "cursor: opaque and signed by the server",
    "GET /launches": "cursor: opaque and signed by the server",
    "POST /launches": "name, entry_title, arn: no control characters",
    "DELETE /launches": "name: no control characters",
    "GET /training-jobs": "cursor: SageMaker's opaque NextToken",
    "GET /id-suggestions": "title: not only spaces (Python's, U+0085 included)",
    "GET /s3": "uri: s3://bucket/key syntax; cursor: opaque",
    "GET /s3/exists": "uri: s3://bucket/key syntax",
    "POST /validation-check": "S3 URI syntax",
    "POST /entries": "task fits data_type; kind-specific parts; tabular, Canvas and "
    "hyperparameter range rules; no control characters",
    "PUT /entries/{entry_id}": "as POST /entries",
    "POST /notebooks/share": "as POST /entries; the path must name a workspace .ipynb",
    "POST /entries/{entry_id}/open": "directory: a workspace folder, no control characters",
    "POST /entries/{entry_id}/synthetic-data": "directory: a workspace folder",
    "GET /ecr/images": "repository: ECR's repository-name syntax",
    "GET /dlc-image": "framework, version, processor and python: one of GET /options' choices",
    "GET /entries/{entry_id}/training-job-request": "hyperparameters: a JSON object checked "
    "against the entry's ranges",
    "POST /entries/{entry_id}/training-jobs": "hyperparameters checked against the entry's "
    "ranges; instance type offered by the entry",
    "POST /entries/{entry_id}/deployments": "instance type offered by the entry",
    "POST /entries/{entry_id}/local-runs": "channels named by the entry; workspace paths",
}

#: Calls moto (the AWS of the tests) does not implement: it answers 500, which the server
#: must pass on as 502 ``upstream``. Not a server error of ours.
MOTO_GAPS: set[str] = {
    "POST /training-jobs/{job_name}/stop",
    # moto has no SageMaker hub API.
    "GET /hubs",
    "POST /hubs",
    "GET /entries/{entry_id}/hub-publications",
    "POST /entries/{entry_id}/hub-publications",
}


def examples_per_operation(default: int = DEFAULT_EXAMPLES) -> int:
    return int(os.environ.get(EXAMPLES_ENV, default))


@dataclass
class Finding:
    check: str
    status: int | None
    request: str  # a curl command that repeats it
    message: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.status}: {self.message}\n    {self.request}"


@dataclass
class OperationReport:
    label: str
    cases: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)

    @property
    def schema_violations(self) -> int:
        return sum(1 for finding in self.findings if finding.check != "ServerError")

    def summary(self) -> str:
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses.items()))
        return (
            f"{self.label}: {self.cases} cases, {self.server_errors} 5xx, "
            f"{len(self.findings)} findings ({statuses})"
        )


def served_document(base_url: str, token: str) -> dict[str, Any]:
    """The OpenAPI document as the server serves it."""
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"{base_url}shared-models/api/openapi.json",
        headers={"Authorization": f"token {token}"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:  # noqa: S310 - loopback
        return json.loads(reply.read())  # type: ignore[no-any-return]


def load_schema(document: dict[str, Any]) -> Any:
    return schemathesis.openapi.from_dict(document, config=schemathesis.Config.from_dict(CONFIG))


def _check_name(error: BaseException) -> str:
    return type(error).__name__


def _findings(error: BaseException) -> list[BaseException]:
    nested = getattr(error, "exceptions", None)
    if nested:
        return [leaf for child in nested for leaf in _findings(child)]
    return [error]


def fuzz_operation(
    operation: Any,
    base_url: str,
    token: str,
    *,
    examples: int,
    modes: tuple[GenerationMode, ...] = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE),
    keep: int = 5,
) -> OperationReport:
    """Send ``examples`` generated cases per mode of one operation; record what failed.

    ``base_url`` is the server's (``http://host:port/``). Seeded (derandomized): the same
    document gives the same cases, run after run.
    """
    report = OperationReport(operation.label)
    api = base_url.rstrip("/") + "/shared-models/api"
    headers = {"Authorization": f"token {token}"}
    session = requests.Session()
    seen: set[tuple[str, int | None, str]] = set()

    for mode in modes:

        @settings(
            max_examples=examples,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: Any) -> None:
            response = case.call(base_url=api, session=session, headers=headers, timeout=60)
            report.cases += 1
            report.statuses[response.status_code] += 1
            try:
                checks = checks_for(report.label, response.status_code)
                case.validate_response(response, checks=checks, headers=headers)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as error:  # schemathesis raises a FailureGroup
                for leaf in _findings(error):
                    key = (_check_name(leaf), response.status_code, str(leaf)[:200])
                    if key in seen:
                        continue
                    seen.add(key)
                    if len(report.findings) < keep:
                        report.findings.append(
                            Finding(
                                _check_name(leaf),
                                response.status_code,
                                case.as_curl_command(headers=headers),
                                str(leaf).strip()[:600],
                            )
                        )

        try:
            run()
        except Unsatisfiable:
            # Nothing to generate in this mode (e.g. no parameter to make invalid).
            continue
    session.close()
    return report
