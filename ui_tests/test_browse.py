"""Browsing the catalog in a real JupyterLab, with three users sharing one store.

The lab server runs as alice. Bob's and carol's entries are written into the
same SQLite store from the test process, through the server's catalog service.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from catalog_seed import clear, create, inference, model, notebook, open_catalog, share
from catalog_seed import tabular_training as training
from conftest import (
    LabServer,
    panel_region,
    reset_panel_settings,
    set_theme,
    sidebar_tab,
)
from playwright.sync_api import Locator, Page, expect

MINE = ["Churn XGBoost", "Alice private notebook"]
SHARED_WITH_ME = ["Bob sentiment BERT"]
TITLE_A_Z = "Title A\u2013Z"  # an en dash, as the UI shows it
TITLE_Z_A = "Title Z\u2013A"
ORGANIZATION = ["Churn XGBoost", "Bob image notebook", "Carol forecasting"]

DESCRIPTION = """# Churn model

Predicts **which customers leave**, from `age` and usage.

<script>window.__smeInjected = true;</script>
<img src="x" onerror="window.__smeInjected = true">

[a harmless-looking link](javascript:window.__smeInjected=true)
[the docs](https://example.com/churn)
"""


@pytest.fixture
def catalog(lab_server: LabServer) -> Iterator[None]:
    """A catalog with entries of alice, bob and carol (and nothing else)."""
    clear(lab_server.db_url)
    service = open_catalog(lab_server.db_url)
    try:
        # alice's: one organization-wide model with everything, one private notebook.
        create(
            service,
            "alice",
            model(
                "Churn XGBoost",
                description=DESCRIPTION,
                data_type="tabular",
                task="tabular-classification",
                framework="xgboost",
                keywords="churn xgboost,tabular",
                share=share(organization=True, canvas=["canvas-analyst"]),
                training=training(),
                inference=inference(),
            ),
        )
        create(service, "alice", notebook("Alice private notebook", keywords=["draft"]))
        # bob's: one shared with alice by name, one organization-wide notebook.
        create(
            service,
            "bob",
            model(
                "Bob sentiment BERT",
                framework="huggingface",
                keywords=["sentiment", "bert"],
                share=share(users=["alice"]),
            ),
        )
        create(
            service,
            "bob",
            notebook(
                "Bob image notebook",
                data_type="image",
                task="image-classification",
                framework="pytorch",
                share=share(organization=True),
            ),
        )
        # carol's: one organization-wide, one alice may not see at all.
        create(
            service,
            "carol",
            model(
                "Carol forecasting",
                data_type="tabular",
                task="time-series-forecasting",
                framework="lightgbm",
                keywords=["forecast", "sales"],
                share=share(organization=True),
            ),
        )
        create(service, "carol", model("Carol secret", share=share(users=["bob"])))
    finally:
        service.close()
    yield
    clear(lab_server.db_url)


@pytest.fixture(autouse=True)
def no_page_errors(console_errors: list[str]) -> Iterator[None]:
    """No uncaught exception or error log in the page (HTTP errors the tests
    provoke on purpose are the browser's own "Failed to load resource" lines)."""
    yield
    errors = [error for error in console_errors if "Failed to load resource" not in error]
    assert errors == []


def open_panel(page: Page) -> Locator:
    sidebar_tab(page).click()
    region = panel_region(page)
    expect(region).to_be_visible()
    return region


def cards(region: Locator) -> Locator:
    return region.get_by_role("article")


def card(region: Locator, title: str) -> Locator:
    return region.get_by_role("article", name=title, exact=True)


def titles(region: Locator) -> Locator:
    return cards(region).get_by_role("heading")


def select_tab(region: Locator, name: str) -> None:
    tab = region.get_by_role("tab", name=name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def expect_titles(region: Locator, expected: list[str], *, ordered: bool = False) -> None:
    if ordered:
        expect(titles(region)).to_have_text(expected)
    else:
        expect(titles(region)).to_have_count(len(expected))
        for title in expected:
            expect(card(region, title)).to_be_visible()


def count(region: Locator) -> Locator:
    return region.get_by_role("status").filter(has_text="result")


@pytest.mark.usefixtures("catalog")
def test_tabs_show_each_users_view(lab_page: Page, artifacts_dir: Path) -> None:
    region = open_panel(lab_page)
    tabs = region.get_by_role("tab")
    expect(tabs).to_have_text(["Shared by me", "Shared with me", "Shared by my organization"])

    # The default tab is the organization's, newest first.
    expect(region.get_by_role("tab", name="Shared by my organization")).to_have_attribute(
        "aria-selected", "true"
    )
    expect_titles(
        region, ["Carol forecasting", "Bob image notebook", "Churn XGBoost"], ordered=True
    )
    expect(count(region)).to_have_text("3 results")

    select_tab(region, "Shared by me")
    expect_titles(region, MINE)
    expect(count(region)).to_have_text("2 results")

    select_tab(region, "Shared with me")
    expect_titles(region, SHARED_WITH_ME)
    # Nobody sees carol's entry shared with bob alone.
    expect(region.get_by_text("Carol secret")).to_have_count(0)

    select_tab(region, "Shared by my organization")
    expect_titles(region, ORGANIZATION)
    churn = card(region, "Churn XGBoost")
    for text in ("Model", "Tabular", "Tabular classification", "XGBoost", "By you"):
        expect(churn).to_contain_text(text)
    expect(churn.get_by_role("list", name="Keywords").get_by_role("listitem")).to_have_text(
        ["churn", "xgboost", "tabular"]
    )
    expect(churn.get_by_role("list", name="Enabled").get_by_role("listitem")).to_have_text(
        ["Training", "Deployment", "Canvas"]
    )
    updated = churn.locator("time")
    expect(updated).to_have_text("Updated now")
    expect(updated).to_have_attribute("title", re.compile(r"\d"))
    expect(card(region, "Bob image notebook")).to_contain_text("By bob")
    region.screenshot(path=artifacts_dir / "browse-list-light.png")


@pytest.mark.usefixtures("catalog")
def test_only_owners_see_edit_share_and_delete(lab_page: Page) -> None:
    region = open_panel(lab_page)
    mine = card(region, "Churn XGBoost")
    theirs = card(region, "Bob image notebook")
    for name in ("Details", "Edit", "Share…", "Delete"):
        expect(mine.get_by_role("button", name=name, exact=True)).to_be_visible()
    expect(theirs.get_by_role("button", name="Details", exact=True)).to_be_visible()
    for name in ("Edit", "Share…", "Delete"):
        expect(theirs.get_by_role("button", name=name, exact=True)).to_have_count(0)


@pytest.mark.usefixtures("catalog")
def test_search_narrows_on_the_server(lab_page: Page) -> None:
    region = open_panel(lab_page)
    expect_titles(region, ORGANIZATION)
    requests: list[str] = []
    lab_page.on(
        "request",
        lambda request: requests.append(request.url) if "/api/entries" in request.url else None,
    )

    search = region.get_by_role("searchbox", name="Search shared models")
    search.fill("forecast")
    expect_titles(region, ["Carol forecasting"])
    expect(count(region)).to_have_text("1 result")
    # Debounced: one request for the whole word, not one per keystroke.
    assert [url for url in requests if "q=forecast" in url]
    assert not [url for url in requests if "q=f&" in url or url.endswith("q=f")]

    # Keywords and descriptions are searched too; no match shows the empty state.
    search.fill("sales")
    expect_titles(region, ["Carol forecasting"])
    search.fill("nothing-matches-this")
    expect(cards(region)).to_have_count(0)
    expect(region).to_contain_text("No shared models match your search and filters.")
    region.get_by_role("button", name="Show all entries").click()
    expect(search).to_have_value("")
    expect_titles(region, ORGANIZATION)


@pytest.mark.usefixtures("catalog")
def test_sort_orders_the_cards(lab_page: Page) -> None:
    region = open_panel(lab_page)
    sort = region.get_by_label("Sort by")
    expect(sort).to_have_value("updated")
    expect(sort.locator("option")).to_have_text(["Last updated", TITLE_A_Z, TITLE_Z_A])

    sort.select_option(label=TITLE_Z_A)
    expect_titles(
        region, ["Churn XGBoost", "Carol forecasting", "Bob image notebook"], ordered=True
    )
    sort.select_option(label=TITLE_A_Z)
    expect_titles(
        region, ["Bob image notebook", "Carol forecasting", "Churn XGBoost"], ordered=True
    )


@pytest.mark.usefixtures("catalog")
def test_a_search_is_sorted_by_best_match(
    lab_page: Page, lab_server: LabServer, artifacts_dir: Path
) -> None:
    service = open_catalog(lab_server.db_url)
    try:  # the newest entry, with "churn" in its description only
        create(
            service,
            "carol",
            model(
                "Weekly report",
                description="Feeds the churn dashboard.",
                share=share(organization=True),
            ),
        )
    finally:
        service.close()
    region = open_panel(lab_page)
    sort = region.get_by_label("Sort by")
    search = region.get_by_role("searchbox", name="Search shared models")
    search.fill("churn")
    # A title hit ranks above a description hit, though the latter is newer.
    expect_titles(region, ["Churn XGBoost", "Weekly report"], ordered=True)
    expect(sort).to_have_value("relevance")
    expect(sort.locator("option")).to_have_text(
        ["Best match", "Last updated", TITLE_A_Z, TITLE_Z_A]
    )
    region.screenshot(path=artifacts_dir / "browse-best-match-light.png")

    sort.select_option(label="Last updated")
    expect_titles(region, ["Weekly report", "Churn XGBoost"], ordered=True)
    search.fill("churn xgb")  # the user's choice holds while the search changes
    expect_titles(region, ["Churn XGBoost"])
    expect(sort).to_have_value("updated")

    # Without a search there is nothing to rank: Best match is not offered.
    search.fill("")
    expect(cards(region)).to_have_count(4)
    expect(sort).to_have_value("updated")
    expect(sort.locator("option")).to_have_text(["Last updated", TITLE_A_Z, TITLE_Z_A])
    search.fill("churn")
    expect(sort).to_have_value("relevance")
    expect_titles(region, ["Churn XGBoost", "Weekly report"], ordered=True)


@pytest.mark.usefixtures("catalog")
def test_filters_and_chips(lab_page: Page, artifacts_dir: Path) -> None:
    region = open_panel(lab_page)
    expect_titles(region, ORGANIZATION)
    filter_button = region.get_by_role("button", name="Filter", exact=True)
    expect(filter_button).to_have_attribute("aria-expanded", "false")

    filter_button.click()
    popover = region.get_by_role("dialog", name="Filters")
    expect(popover).to_be_visible()
    expect(filter_button).to_have_attribute("aria-expanded", "true")
    expect(popover.get_by_label("Data type")).to_contain_text("Tabular")
    popover.get_by_role("radio", name="Notebooks").check()
    expect_titles(region, ["Bob image notebook"])
    lab_page.screenshot(path=artifacts_dir / "browse-filter-popover-light.png")

    # Escape closes the popover and gives the focus back to the Filter button.
    lab_page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    expect(filter_button).to_be_focused()

    chips = region.get_by_role("list", name="Active filters")
    expect(chips.get_by_role("listitem")).to_have_text(["Kind: Notebooks"])
    expect(count(region)).to_have_text("1 result")
    chips.get_by_role("button", name="Remove Kind: Notebooks").click()
    expect(chips).to_have_count(0)
    expect_titles(region, ORGANIZATION)

    # Canvas: only alice's tabular model is shared with Canvas users.
    filter_button.click()
    popover.get_by_role("checkbox", name="Shared with Canvas").check()
    expect_titles(region, ["Churn XGBoost"])
    # A data type drops a task of another data type (the server would refuse it).
    popover.get_by_label("Data type").select_option(label="Tabular")
    popover.get_by_label("ML task").select_option(label="Tabular classification")
    expect_titles(region, ["Churn XGBoost"])
    popover.get_by_label("Data type").select_option(label="Image")
    expect(popover.get_by_label("ML task")).to_have_value("")
    expect(cards(region)).to_have_count(0)
    popover.get_by_role("button", name="Done").click()
    expect(chips.get_by_role("listitem")).to_have_text(
        ["Data type: Image", "Shared with Canvas", "Clear all"]
    )
    chips.get_by_role("button", name="Clear all").click()
    expect_titles(region, ORGANIZATION)


@pytest.mark.usefixtures("catalog")
def test_delete_asks_then_removes_the_card(
    lab_page: Page, lab_server: LabServer, artifacts_dir: Path
) -> None:
    region = open_panel(lab_page)
    select_tab(region, "Shared by me")
    expect_titles(region, MINE)

    card(region, "Alice private notebook").get_by_role("button", name="Delete").click()
    dialog = lab_page.get_by_role("dialog").filter(has_text="Delete “Alice private notebook”?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("This cannot be undone.")
    # The focus starts on Cancel: Enter alone deletes nothing.
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
    lab_page.screenshot(path=artifacts_dir / "browse-delete-dialog-light.png")
    dialog.get_by_role("button", name="Cancel").click()
    expect(card(region, "Alice private notebook")).to_be_visible()

    card(region, "Alice private notebook").get_by_role("button", name="Delete").click()
    dialog.get_by_role("button", name="Delete").click()
    expect(dialog).to_be_hidden()
    expect_titles(region, ["Churn XGBoost"])
    expect(count(region)).to_have_text("1 result")
    status, body = lab_server.get("shared-models/api/entries?scope=mine")
    assert status == 200
    assert [item["title"] for item in json.loads(body)["items"]] == ["Churn XGBoost"]


@pytest.mark.usefixtures("catalog")
def test_details_view_renders_sanitized_markdown(lab_page: Page, artifacts_dir: Path) -> None:
    region = open_panel(lab_page)
    card(region, "Churn XGBoost").get_by_role("button", name="Details").click()

    details = lab_page.locator(".sme-Details")
    expect(details.get_by_role("heading", name="Churn XGBoost", level=1)).to_be_visible()
    markdown = details.locator(".sme-Markdown")
    expect(markdown.get_by_role("heading", name="Churn model")).to_be_visible()
    expect(markdown.locator("strong")).to_have_text("which customers leave")
    # Untrusted: no script, no event handler, no javascript: link survives.
    expect(markdown.locator("script")).to_have_count(0)
    expect(markdown.locator("[onerror]")).to_have_count(0)
    expect(markdown.locator("a[href^='javascript']")).to_have_count(0)
    expect(markdown.get_by_role("link", name="the docs")).to_have_attribute(
        "href", "https://example.com/churn"
    )
    assert lab_page.evaluate("() => window.__smeInjected === undefined")

    for text in (
        "churn-xgboost",
        "Tabular classification",
        "XGBoost",
        "alice",
        "canvas-analyst",
        "train.py",
        "ml.m5.xlarge",
        "max_depth",
        "validation-auc:([0-9.]+)",
        "churn-inference:1.0",
        "s3://team-bucket/output/model.tar.gz",
    ):
        expect(details).to_contain_text(text)
    lab_page.screenshot(path=artifacts_dir / "browse-details-light.png")
    hyperparameters = details.get_by_role("table", name="Hyperparameters")
    hyperparameters.scroll_into_view_if_needed()
    expect(hyperparameters).to_be_visible()
    expect(hyperparameters.get_by_role("row")).to_have_count(3)
    lab_page.screenshot(path=artifacts_dir / "browse-details-training-light.png")

    # Bob's entry: details for everyone, but no owner actions.
    card(region, "Bob image notebook").get_by_role("button", name="Details").click()
    bob = lab_page.locator(".sme-Details").filter(has_text="Bob image notebook")
    expect(bob.get_by_role("heading", name="Bob image notebook")).to_be_visible()
    expect(bob.get_by_role("button", name="Delete")).to_have_count(0)


@pytest.mark.usefixtures("catalog")
def test_keyboard_tabs_and_cards(lab_page: Page) -> None:
    region = open_panel(lab_page)
    expect_titles(region, ORGANIZATION)
    selected = region.get_by_role("tab", name="Shared by my organization")
    selected.focus()
    # Roving tabindex: only the selected tab is in the Tab order.
    expect(region.locator("[role=tab][tabindex='0']")).to_have_count(1)

    lab_page.keyboard.press("ArrowRight")  # wraps to the first tab
    mine = region.get_by_role("tab", name="Shared by me")
    expect(mine).to_be_focused()
    expect(mine).to_have_attribute("aria-selected", "true")
    expect_titles(region, MINE)
    lab_page.keyboard.press("End")
    expect(selected).to_be_focused()
    expect_titles(region, ORGANIZATION)

    # Cards take the focus; Enter opens the details; arrows move between cards.
    first = cards(region).first
    first.focus()
    lab_page.keyboard.press("ArrowDown")
    expect(cards(region).nth(1)).to_be_focused()
    lab_page.keyboard.press("Tab")
    expect(cards(region).nth(1).get_by_role("button", name="Details")).to_be_focused()
    cards(region).nth(1).focus()
    lab_page.keyboard.press("Enter")
    expect(lab_page.locator(".sme-Details")).to_contain_text("Bob image notebook")


@pytest.mark.usefixtures("catalog")
def test_selected_tab_is_remembered(lab_page: Page, lab_server: LabServer) -> None:
    region = open_panel(lab_page)
    select_tab(region, "Shared with me")
    expect_titles(region, SHARED_WITH_ME)

    def saved_tab() -> str:
        _, body = lab_server.get("lab/api/settings/shared-models-ext:plugin")
        return str(json.loads(body)["settings"].get("defaultTab"))

    for _ in range(50):  # the setting is saved in the background
        if saved_tab() == "shared-with-me":
            break
        lab_page.wait_for_timeout(100)
    assert saved_tab() == "shared-with-me"

    lab_page.reload()
    region = open_panel(lab_page)
    expect(region.get_by_role("tab", name="Shared with me")).to_have_attribute(
        "aria-selected", "true"
    )
    expect_titles(region, SHARED_WITH_ME)
    reset_panel_settings(lab_server)


@pytest.mark.usefixtures("catalog")
def test_error_state_shows_the_server_message_and_retries(lab_page: Page) -> None:
    error = {"error": {"code": "unavailable", "message": "The catalog database is down."}}
    lab_page.route(
        "**/shared-models/api/entries?*",
        lambda route: route.fulfill(
            status=503, content_type="application/json", body=json.dumps(error)
        ),
    )
    region = open_panel(lab_page)
    alert = region.get_by_role("alert")
    expect(alert).to_contain_text("Could not load shared models.")
    expect(alert).to_contain_text("The catalog database is down.")

    lab_page.unroute("**/shared-models/api/entries?*")
    alert.get_by_role("button", name="Retry").click()
    expect_titles(region, ORGANIZATION)


@pytest.mark.usefixtures("catalog")
def test_empty_states_per_tab(lab_page: Page, lab_server: LabServer) -> None:
    clear(lab_server.db_url)
    region = open_panel(lab_page)
    expect(region).to_contain_text("Nothing is shared with your organization yet.")
    select_tab(region, "Shared by me")
    expect(region).to_contain_text("You have not shared any models or notebooks yet.")
    select_tab(region, "Shared with me")
    expect(region).to_contain_text("Nobody has shared a model or notebook with you yet.")


def test_add_menu_lists_model_and_notebook(lab_page: Page) -> None:
    region = open_panel(lab_page)
    add = region.get_by_role("button", name="Add", exact=True)
    expect(add).to_have_attribute("aria-haspopup", "menu")
    add.click()
    menu = lab_page.get_by_role("menu")
    expect(menu.get_by_role("menuitem")).to_have_text(["Add model", "Add notebook"])
    lab_page.keyboard.press("Escape")
    expect(menu).to_be_hidden()

    lab_page.keyboard.press("Control+Shift+C")
    palette = lab_page.locator(".jp-ModalCommandPalette")
    palette.get_by_role("textbox").fill("Add ")
    for name in ("Add model", "Add notebook"):
        expect(palette.get_by_role("menuitem", name=name)).to_be_visible()
    lab_page.keyboard.press("Escape")


@pytest.mark.usefixtures("catalog")
def test_screenshots_dark(lab_page: Page, artifacts_dir: Path) -> None:
    region = open_panel(lab_page)
    expect_titles(region, ORGANIZATION)
    set_theme(lab_page, "JupyterLab Dark", light=False)
    try:
        region.get_by_role("button", name="Filter", exact=True).click()
        region.get_by_role("dialog", name="Filters").get_by_role("radio", name="Models").check()
        expect_titles(region, ["Churn XGBoost", "Carol forecasting"])
        lab_page.screenshot(path=artifacts_dir / "browse-filter-popover-dark.png")
        lab_page.keyboard.press("Escape")
        region.screenshot(path=artifacts_dir / "browse-list-dark.png")
        card(region, "Churn XGBoost").get_by_role("button", name="Details").click()
        expect(lab_page.locator(".sme-Details .sme-Markdown h1")).to_be_visible()
        lab_page.screenshot(path=artifacts_dir / "browse-details-dark.png")
        card(region, "Churn XGBoost").get_by_role("button", name="Delete").click()
        dialog = lab_page.get_by_role("dialog").filter(has_text="Delete “Churn XGBoost”?")
        expect(dialog).to_be_visible()
        lab_page.screenshot(path=artifacts_dir / "browse-delete-dialog-dark.png")
        dialog.get_by_role("button", name="Cancel").click()
    finally:
        set_theme(lab_page, "JupyterLab Light", light=True)


def _entry(server: LabServer, entry_id: str) -> dict[str, object]:
    status, body = server.get(f"shared-models/api/entries/{entry_id}")
    assert status == 200, body
    return dict(json.loads(body))


@pytest.mark.usefixtures("catalog")
def test_share_changes_who_sees_an_entry(
    lab_page: Page, lab_server: LabServer, artifacts_dir: Path
) -> None:
    region = open_panel(lab_page)
    select_tab(region, "Shared by me")
    card(region, "Alice private notebook").get_by_role("button", name="Share…").click()

    dialog = lab_page.get_by_role("dialog").filter(has_text="Share “Alice private notebook”")
    expect(dialog).to_be_visible()
    # Canvas is for tabular models only: not for a notebook.
    expect(dialog.get_by_label("Share with SageMaker Canvas users")).to_be_disabled()
    dialog.get_by_role("checkbox", name="Share with my organization").check()
    dialog.get_by_label("Share with people").fill("bob, carol")
    lab_page.screenshot(path=artifacts_dir / "browse-share-dialog-light.png")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()

    entry = _entry(lab_server, "alice-private-notebook")
    assert entry["share"] == {"organization": True, "users": ["bob", "carol"], "canvas_users": []}
    select_tab(region, "Shared by my organization")
    expect(card(region, "Alice private notebook")).to_be_visible()


@pytest.mark.usefixtures("catalog")
def test_share_of_a_stale_entry_offers_to_reload(lab_page: Page, lab_server: LabServer) -> None:
    region = open_panel(lab_page)
    card(region, "Churn XGBoost").get_by_role("button", name="Share…").click()
    dialog = lab_page.get_by_role("dialog").filter(has_text="Share “Churn XGBoost”")
    expect(dialog).to_be_visible()
    canvas = dialog.get_by_label("Share with SageMaker Canvas users")
    expect(canvas).to_be_enabled()
    expect(canvas).to_have_value("canvas-analyst")
    canvas.fill("canvas-analyst, canvas-lead")

    # Meanwhile, alice changes the entry in another window.
    entry = _entry(lab_server, "churn-xgboost")
    body = {**entry, "title": "Churn XGBoost v2"}
    status, answer = lab_server.request(
        "PUT",
        "shared-models/api/entries/churn-xgboost",
        body,
        headers={"If-Match": f'"{entry["version"]}"'},
    )
    assert status == 200, answer

    dialog.get_by_role("button", name="Save").click()
    stale = lab_page.get_by_role("dialog").filter(has_text="was changed by someone else")
    expect(stale).to_be_visible()
    stale.get_by_role("button", name="Reload").click()

    # The dialog comes back on the latest version, with the user's choice kept.
    again = lab_page.get_by_role("dialog").filter(has_text="Share “Churn XGBoost v2”")
    expect(again.get_by_label("Share with SageMaker Canvas users")).to_have_value(
        "canvas-analyst, canvas-lead"
    )
    again.get_by_role("button", name="Save").click()
    expect(again).to_be_hidden()
    saved = _entry(lab_server, "churn-xgboost")
    assert saved["title"] == "Churn XGBoost v2"
    assert saved["share"] == {
        "organization": True,
        "users": [],
        "canvas_users": ["canvas-analyst", "canvas-lead"],
    }
    expect(card(region, "Churn XGBoost v2")).to_be_visible()


@pytest.mark.usefixtures("catalog")
def test_edit_opens_the_wizard_on_the_entry(lab_page: Page) -> None:
    region = open_panel(lab_page)
    card(region, "Churn XGBoost").get_by_role("button", name="Edit").click()
    wizard = lab_page.locator("#shared-models-wizard-edit-churn-xgboost")
    expect(wizard).to_be_visible()
    expect(wizard.get_by_role("textbox").first).to_have_value("Churn XGBoost")
