"""The Shared models panel in a real JupyterLab: tab, region, command, themes."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import PANEL, LabServer, panel_region, set_theme, sidebar_tab
from playwright.sync_api import Page, expect


def test_sidebar_tab_opens_the_panel(lab_page: Page, console_errors: list[str]) -> None:
    tab = sidebar_tab(lab_page)
    expect(tab).to_be_visible()
    expect(tab).to_have_attribute("title", PANEL)
    expect(tab.locator("svg")).to_be_visible()
    expect(panel_region(lab_page)).to_be_hidden()

    tab.click()

    region = panel_region(lab_page)
    expect(region).to_be_visible()
    expect(region.get_by_role("heading", name=PANEL)).to_be_visible()
    expect(tab).to_have_attribute("aria-selected", "true")
    ours = [e for e in console_errors if "shared-models" in e or "shared_models" in e]
    assert ours == []


def test_settings_schema_is_served(lab_server: LabServer) -> None:
    status, body = lab_server.get("lab/api/settings/shared-models-ext:plugin")
    assert status == 200, body
    schema = json.loads(body)["schema"]
    assert schema["title"] == "Shared models"
    assert schema["description"]
    properties = schema["properties"]
    assert {name: spec["default"] for name, spec in properties.items()} == {
        "pageSize": 50,
        "defaultTab": "organization",
        "defaultSort": "updated",
        "rememberTab": True,
    }
    for name, spec in properties.items():
        assert spec.get("title"), name
        assert spec.get("description"), name


def test_command_palette_opens_the_panel(lab_page: Page) -> None:
    expect(panel_region(lab_page)).to_be_hidden()

    lab_page.keyboard.press("Control+Shift+C")
    palette = lab_page.locator(".jp-ModalCommandPalette")
    expect(palette).to_be_visible()
    palette.get_by_role("textbox").fill("Open Shared models")
    item = palette.get_by_role("menuitem", name="Open Shared models")
    expect(item).to_be_visible()
    # The modal palette hides category headers, but they are in the DOM.
    expect(palette.locator(".lm-CommandPalette-header")).to_have_text(["Shared Models"])
    item.click()

    expect(palette).to_be_hidden()
    expect(panel_region(lab_page)).to_be_visible()
    expect(sidebar_tab(lab_page)).to_have_attribute("aria-selected", "true")


def test_panel_shows_the_signed_in_user(lab_page: Page, lab_server: LabServer) -> None:
    status, body = lab_server.get("shared-models/api/me")
    assert status == 200, body
    assert json.loads(body)["username"] == "alice"

    sidebar_tab(lab_page).click()

    region = panel_region(lab_page)
    user = region.get_by_role("status").filter(has_text="Signed in as")
    expect(user).to_contain_text("alice")
    expect(region.get_by_role("alert")).to_have_count(0)


def test_panel_shows_api_errors_cleanly(lab_page: Page, artifacts_dir: Path) -> None:
    error = {
        "error": {
            "code": "unavailable",
            "message": "The catalog store is not reachable.",
            "details": [],
        }
    }
    lab_page.route(
        "**/shared-models/api/me*",
        lambda route: route.fulfill(
            status=503, content_type="application/json", body=json.dumps(error)
        ),
    )

    sidebar_tab(lab_page).click()

    alert = panel_region(lab_page).get_by_role("alert")
    expect(alert).to_contain_text("Could not load your account.")
    expect(alert).to_contain_text("The catalog store is not reachable.")
    expect(alert.get_by_role("button", name="Retry")).to_be_visible()
    panel_region(lab_page).screenshot(path=artifacts_dir / "panel-error-light.png")

    # A proxy's HTML error page is summarised, never dumped into the panel.
    lab_page.unroute("**/shared-models/api/me*")
    lab_page.route(
        "**/shared-models/api/me*",
        lambda route: route.fulfill(
            status=502, content_type="text/html", body="<html><h1>Bad Gateway</h1></html>"
        ),
    )
    alert.get_by_role("button", name="Retry").click()
    expect(alert).to_contain_text("HTTP 502")
    expect(alert).not_to_contain_text("<html>")


def _icon_fill(page: Page) -> str:
    icon = sidebar_tab(page).locator("svg .jp-icon3[fill]").first
    return str(icon.evaluate("node => getComputedStyle(node).fill"))


def _sidebar_background(page: Page) -> str:
    sidebar = page.get_by_role("complementary", name="main sidebar")
    return str(sidebar.evaluate("node => getComputedStyle(node).backgroundColor"))


def test_screenshots_in_light_and_dark_themes(lab_page: Page, artifacts_dir: Path) -> None:
    sidebar_tab(lab_page).click()
    region = panel_region(lab_page)
    expect(region).to_be_visible()
    # Let the /me answer (or its error) render before the pictures.
    expect(region.locator(".sme-UserStatus:not(.sme-mod-loading)")).to_be_visible()

    set_theme(lab_page, "JupyterLab Light", light=True)
    light_fill = _icon_fill(lab_page)
    light_background = _sidebar_background(lab_page)
    lab_page.screenshot(path=artifacts_dir / "panel-light.png")
    region.screenshot(path=artifacts_dir / "panel-light-region.png")
    sidebar_tab(lab_page).screenshot(path=artifacts_dir / "tab-light.png")

    try:
        set_theme(lab_page, "JupyterLab Dark", light=False)
        expect(region).to_be_visible()
        dark_fill = _icon_fill(lab_page)
        dark_background = _sidebar_background(lab_page)
        lab_page.screenshot(path=artifacts_dir / "panel-dark.png")
        region.screenshot(path=artifacts_dir / "panel-dark-region.png")
        sidebar_tab(lab_page).screenshot(path=artifacts_dir / "tab-dark.png")
    finally:
        # The theme is a user setting: leave the session's JupyterLab light.
        set_theme(lab_page, "JupyterLab Light", light=True)

    # The icon follows the theme (jp-icon3) and stands out from the sidebar.
    assert light_fill != dark_fill
    assert light_fill != light_background
    assert dark_fill != dark_background
