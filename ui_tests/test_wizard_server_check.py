"""The wizard asks the server while the user types: no rule is checked in the
browser, yet the server's problem lands under the field before any save.

Screenshot: ``ui_tests/artifacts/wizard-server-check-light.png``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import LabServer
from playwright.sync_api import Page, expect
from test_wizard import ENTRIES, field, run_from_palette, wizard_form


def my_entry_count(server: LabServer) -> int:
    status, body = server.get(f"{ENTRIES}?scope=mine&limit=1")
    assert status == 200, body
    return int(json.loads(body)["total"])


def test_a_bad_s3_uri_gets_the_servers_message_while_typing(
    lab_page: Page, lab_server: LabServer, artifacts_dir: Path
) -> None:
    page = lab_page
    before = my_entry_count(lab_server)
    checks: list[str] = []
    page.on(
        "request",
        lambda request: checks.append(request.url) if "dry_run=true" in request.url else None,
    )

    run_from_palette(page, "Add notebook")
    form = wizard_form(page, "Add notebook")
    uri = field(form, "Notebook S3 URI")
    uri.fill("s3:/bad")

    # The dry run's verdict, worded by the server, under the field typed in.
    expect(uri).to_have_attribute("aria-invalid", "true")
    expect(uri).to_have_accessible_description(re.compile(r"S3 URI starting with s3://"))
    assert any("/shared-models/api/entries?dry_run=true" in url for url in checks), checks
    page.locator(".sme-WizardPanel").screenshot(
        path=str(artifacts_dir / "wizard-server-check-light.png")
    )

    # A good URI: the problem goes, still nothing saved.
    uri.fill("s3://sme-models/notebooks/eda.ipynb")
    expect(uri).not_to_have_attribute("aria-invalid", "true")
    assert my_entry_count(lab_server) == before
