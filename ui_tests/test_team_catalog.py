"""The panel through the team's catalog service, under a real JupyterHub: alice signs
in at the Hub, and her JupyterLab's panel lists, searches, adds and edits entries
exactly as on a laptop, while every catalog call goes to the service (tests/team/
harness.py: the catalog service on PostgreSQL; docs/team-deployment.md).

Screenshots: ``ui_tests/artifacts/team-*.png``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import ARTIFACTS, EXTENSION_NAME, panel_region, sidebar_tab
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from team.harness import TeamHub, team_hub


def model(title: str, organization: bool = True) -> dict[str, object]:
    return {
        "kind": "model",
        "title": title,
        "description": "Flags transactions that look like fraud.",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "xgboost",
        "keywords": "fraud",
        "share": {"organization": organization, "users": [], "canvas_users": []},
    }


@pytest.fixture(scope="module")
def hub() -> Iterator[TeamHub]:
    with team_hub(auth_cache_seconds=30) as running:
        running.start_server("alice", ["--LabApp.expose_app_in_browser=True"])
        running.start_server("bob")
        token, _ = running.token("bob")
        with running.server("bob", token) as bob:
            for title in ("Fraud detector", "Churn baseline"):
                assert bob.post("entries", json=model(title)).status_code == 201
        yield running


def stored(hub: TeamHub, entry_id: str) -> tuple[str, int, str] | None:
    engine = create_engine(hub.db_url)
    try:
        with engine.connect() as connection:
            row = connection.execute(
                text("SELECT owner, version, title FROM entries WHERE id = :id"), {"id": entry_id}
            ).first()
    finally:
        engine.dispose()
    return None if row is None else (row.owner, row.version, row.title)


def sign_in(page: Page, hub: TeamHub, user: str) -> None:
    page.set_default_timeout(30_000)
    page.goto(f"{hub.url}/hub/login")
    page.get_by_label("Username").fill(user)
    page.get_by_label("Password").fill("team-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**/user/{user}/lab**", timeout=90_000)
    page.goto(f"{hub.url}/user/{user}/lab?reset")  # a fresh layout: the panel closed
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=90_000)
    expect(page.locator(".jp-LabShell")).to_be_visible()
    page.wait_for_function("() => window.jupyterapp !== undefined")
    page.evaluate("() => window.jupyterapp.restored.then(() => true)")
    assert EXTENSION_NAME in (page.locator("#jupyter-config-data").text_content() or "")


def test_the_panel_works_unchanged_through_the_service(page: Page, hub: TeamHub) -> None:
    sign_in(page, hub, "alice")
    sidebar_tab(page).click()
    panel = panel_region(page)
    expect(panel.get_by_text("alice", exact=True).first).to_be_visible()

    # List: bob's organization-wide entries, from the service.
    panel.get_by_role("tab", name="Shared by my organization", exact=True).click()
    expect(panel.get_by_role("article", name="Fraud detector", exact=True)).to_be_visible()
    expect(panel.get_by_role("article", name="Churn baseline", exact=True)).to_be_visible()

    # Search.
    search = panel.get_by_role("searchbox", name="Search shared models")
    # Both entries speak of fraud; one title says "detector". The count first, so that
    # the list checked is the search's, not the one it replaces.
    search.fill("detector")
    expect(panel.get_by_text("1 result", exact=True)).to_be_visible()
    expect(panel.get_by_role("article", name="Fraud detector", exact=True)).to_be_visible()
    expect(panel.get_by_role("article", name="Churn baseline", exact=True)).to_have_count(0)
    panel.screenshot(path=ARTIFACTS / "team-panel-search.png")
    search.fill("")

    # Add: the wizard's live checks and its save, through the service.
    page.evaluate("() => window.jupyterapp.commands.execute('shared-models:add-model')")
    form = page.get_by_role("form", name="Add model", exact=True)
    expect(form).to_be_visible()
    form.get_by_label("Title", exact=True).fill("Alice team model")
    expect(form.get_by_label("ID", exact=True)).to_have_value("alice-team-model")
    form.get_by_label("Description", exact=True).fill("Shared through the catalog service.")
    form.get_by_label("Data type", exact=True).select_option(label="Tabular")
    form.get_by_label("ML task", exact=True).select_option(label="Tabular classification")
    form.get_by_label("Framework", exact=True).select_option(label="XGBoost")
    form.get_by_role("button", name="Add model", exact=True).click()
    expect(form).to_be_hidden()
    assert stored(hub, "alice-team-model") == ("alice", 1, "Alice team model")
    expect(panel.get_by_role("article", name="Alice team model", exact=True)).to_be_visible()

    # Edit: If-Match and the ETag pass through unchanged.
    page.evaluate(
        "id => window.jupyterapp.commands.execute('shared-models:edit-entry', {id})",
        "alice-team-model",
    )
    edit = page.get_by_role("form", name="Edit Alice team model", exact=True)
    expect(edit).to_be_visible()
    edit.get_by_label("Title", exact=True).fill("Alice team model, edited")
    edit.get_by_role("button", name="Save changes", exact=True).click()
    expect(edit).to_be_hidden()
    assert stored(hub, "alice-team-model") == ("alice", 2, "Alice team model, edited")
    card = panel.get_by_role("article", name="Alice team model, edited", exact=True)
    expect(card).to_be_visible()
    panel.screenshot(path=ARTIFACTS / "team-panel-edited.png")

    # bob's entries stay his: the panel offers alice no way to change them, and the
    # service refuses her server if it tried.
    token, _ = hub.token("alice")
    with hub.server("alice", token) as alice:
        found = alice.get("entries", params={"q": "fraud", "scope": "organization"}).json()
        fraud = found["items"][0]
        refused = alice.delete(f"entries/{fraud['id']}")
        assert refused.status_code == 403
    assert stored(hub, str(fraud["id"])) is not None


def test_the_panel_comes_back_when_the_service_does(page: Page, hub: TeamHub) -> None:
    sign_in(page, hub, "alice")
    sidebar_tab(page).click()
    panel = panel_region(page)
    panel.get_by_role("tab", name="Shared by my organization", exact=True).click()
    expect(panel.get_by_role("article", name="Fraud detector", exact=True)).to_be_visible()

    for pid in hub.service_pids():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    with contextlib.suppress(httpx.HTTPError):
        httpx.get(hub.service_api + "me", timeout=1)
    # A new query while the service is down: the panel says so, and that it retries.
    panel.get_by_role("searchbox", name="Search shared models").fill("churn")
    alert = panel.get_by_role("alert")
    expect(alert).to_contain_text("Could not load shared models.")
    expect(alert).to_contain_text("catalog service")
    expect(alert).to_contain_text("Trying again by itself")
    panel.screenshot(path=ARTIFACTS / "team-panel-service-down.png")
    # The Hub starts its service again (within its 30 s poll); no reload, no click.
    expect(panel.get_by_role("article", name="Churn baseline", exact=True)).to_be_visible(
        timeout=120_000
    )
    expect(panel.get_by_role("alert")).to_have_count(0)
