"""Notebooks and S3 in a real JupyterLab, with moto's server as AWS.

- alice shares the open notebook from its toolbar (saving it first), picks the
  S3 destination with the S3 browser, and sees its card; bob, on his own lab
  server over the same catalog, opens it twice (the second copy gets ``-1``).
- The S3 browser picks a prefix into a channel field: keyboard, breadcrumbs,
  paging, errors; the hint under S3 URI fields; the dataset check in the wizard
  and on a model's details.

Screenshots land in ``ui_tests/artifacts/notebooks-*.png``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from catalog_seed import clear, create, model, open_catalog, share
from catalog_seed import tabular_training as training
from conftest import (
    LabServer,
    S3Server,
    launch_lab,
    open_lab,
    panel_region,
    set_theme,
    sidebar_tab,
)
from playwright.sync_api import Browser, Locator, Page, expect

BUCKET = "sme-team"
OTHER_BUCKET = "sme-archive"
NOTEBOOK = "churn-analysis.ipynb"
PAGED_OBJECTS = 250  # more than one page of the browser (200)
LIGHT = "JupyterLab Light"
DARK = "JupyterLab Dark"


# --- fixtures ----------------------------------------------------------------


@pytest.fixture
def s3(s3_server: S3Server) -> Iterator[Any]:
    """Two buckets: data (CSV and not), a notebooks folder, a folder of many objects."""
    s3_server.reset()
    client = s3_server.client()
    client.create_bucket(Bucket=BUCKET)
    client.create_bucket(Bucket=OTHER_BUCKET)
    objects = {
        "data/train/part-0.csv": "age,income,churn\n41,5200,0\n",
        "data/validation/part-0.csv": "age,income,churn\n37,4100,1\n",
        "data/validation-bad/part-0.csv": "age,churn\n37,1\n",
        "data/images/cat-001.png": "\x89PNG\r\n\x1a\n\x00\x00",
        "notebooks/README.md": "Shared notebooks.\n",
    }
    for key, body in objects.items():
        client.put_object(Bucket=BUCKET, Key=key, Body=body.encode("latin-1"))
    for number in range(PAGED_OBJECTS):
        client.put_object(Bucket=BUCKET, Key=f"many/object-{number:04d}.txt", Body=b"x")
    yield client
    s3_server.reset()


@pytest.fixture
def empty_catalog(lab_server: LabServer) -> Iterator[None]:
    clear(lab_server.db_url)
    yield
    clear(lab_server.db_url)


@pytest.fixture(scope="module")
def bob_server(
    tmp_path_factory: pytest.TempPathFactory,
    artifacts_dir: Path,
    lab_server: LabServer,
    s3_server: S3Server,
) -> Iterator[LabServer]:
    """bob's own ``jupyter lab`` (his own workspace) over alice's catalog store."""
    with launch_lab(
        tmp_path_factory.mktemp("bob"),
        artifacts_dir / "jupyter-lab-bob.log",
        username="bob",
        db_url=lab_server.db_url,
        aws=s3_server,
    ) as server:
        yield server


@pytest.fixture
def bob_page(
    browser: Browser, browser_context_args: dict[str, Any], bob_server: LabServer
) -> Iterator[Page]:
    """bob's JupyterLab, in a browser context of his own."""
    context = browser.new_context(**browser_context_args)
    try:
        yield open_lab(context.new_page(), bob_server)
    finally:
        context.close()


@pytest.fixture(autouse=True)
def no_page_errors(console_errors: list[str]) -> Iterator[None]:
    """No uncaught exception or error log in the page (the HTTP errors the tests
    provoke on purpose are the browser's own "Failed to load resource" lines)."""
    yield
    errors = [error for error in console_errors if "Failed to load resource" not in error]
    assert errors == []


# --- helpers -----------------------------------------------------------------


def write_notebook(root: Path, name: str) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Churn analysis"),
        nbformat.v4.new_code_cell("import math\nprint(math.pi)"),
    ]
    path = root / name
    path.write_text(nbformat.writes(notebook), encoding="utf-8")
    return path


def run_command(page: Page, command: str, args: dict[str, Any] | None = None) -> None:
    page.evaluate(
        "([id, args]) => window.jupyterapp.commands.execute(id, args)", [command, args or {}]
    )


def field(scope: Locator, label: str) -> Locator:
    return scope.get_by_label(label, exact=True)


def s3_dialog(page: Page) -> Locator:
    dialog = page.get_by_role("dialog", name="Browse S3", exact=True)
    expect(dialog).to_be_visible()
    return dialog


def listing(dialog: Locator) -> Locator:
    return dialog.get_by_role("listbox")


def option(dialog: Locator, name: str) -> Locator:
    """The row named ``name`` (its size and date may follow the name)."""
    escaped = re.escape(name).replace("/", r"\/")  # Playwright writes the regex as /…/
    return listing(dialog).get_by_role("option", name=re.compile(rf"^{escaped}(\s|$)"))


def hint(scope: Locator, text: str | re.Pattern[str]) -> Locator:
    return scope.get_by_role("status").filter(has_text=text)


def open_panel(page: Page) -> Locator:
    sidebar_tab(page).click()
    region = panel_region(page)
    expect(region).to_be_visible()
    return region


def select_tab(region: Locator, name: str) -> None:
    tab = region.get_by_role("tab", name=name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def screenshot(locator: Locator, path: Path) -> None:
    """A screenshot of ``locator``; the wizard's sticky footer is hidden (it
    would cover what is scrolled under it)."""
    locator.scroll_into_view_if_needed()
    locator.screenshot(
        path=path,
        caret="hide",
        animations="disabled",
        style=".sme-Wizard-footer { visibility: hidden; }",
    )


def dialog_box(dialog: Locator) -> Locator:
    """The dialog's box (the dialog element itself covers the whole page)."""
    return dialog.locator(".jp-Dialog-content")


# --- share the open notebook, open it as bob ------------------------------------


@pytest.mark.usefixtures("empty_catalog")
def test_share_the_open_notebook_then_bob_opens_it(
    lab_page: Page,
    lab_server: LabServer,
    bob_page: Page,
    bob_server: LabServer,
    s3: Any,
    artifacts_dir: Path,
) -> None:
    page = lab_page
    write_notebook(lab_server.root_dir, NOTEBOOK)
    run_command(page, "docmanager:open", {"path": NOTEBOOK})
    panel = page.locator(".jp-NotebookPanel").filter(has=page.locator(".jp-Notebook"))
    expect(panel).to_be_visible()
    expect(panel.locator(".jp-Cell")).to_have_count(2)

    # An unsaved change: sharing asks to save first.
    editor = panel.locator(".jp-CodeCell .cm-content").first
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nprint('saved before sharing')")
    tab = page.get_by_role("tab", name=NOTEBOOK, exact=True)
    expect(tab).to_have_class(re.compile(r"jp-mod-dirty"))

    share_button = panel.locator(".jp-Toolbar").get_by_role(
        "button", name="Share notebook…", exact=True
    )
    expect(share_button).to_be_visible()
    screenshot(
        panel.locator(".jp-NotebookPanel-toolbar"), artifacts_dir / "notebooks-toolbar-light.png"
    )
    share_button.click()
    ask = page.get_by_role("dialog").filter(has_text="before sharing it?")
    expect(ask).to_contain_text("unsaved changes")
    screenshot(dialog_box(ask), artifacts_dir / "notebooks-save-first-light.png")
    ask.get_by_role("button", name="Save and share", exact=True).click()
    expect(tab).not_to_have_class(re.compile(r"jp-mod-dirty"))

    # The Add notebook wizard, prefilled from the file.
    form = page.get_by_role("form", name="Share notebook", exact=True)
    expect(form).to_be_visible()
    expect(field(form, "Title")).to_have_value("churn-analysis")
    expect(field(form, "ID")).to_have_value("churn-analysis")
    expect(field(form, "Notebook file")).to_have_value(NOTEBOOK)
    field(form, "Data type").select_option(label="Tabular")
    field(form, "ML task").select_option(label="Tabular classification")
    field(form, "Framework").select_option(label="scikit-learn")
    field(form, "Share with everyone in my organization").check()

    # No destination, and none configured on the server: it says so on the field.
    destination = field(form, "S3 destination")
    expect(destination).to_have_value("")
    form.get_by_role("button", name="Share notebook", exact=True).click()
    expect(destination).to_have_attribute("aria-invalid", "true")
    expect(destination).to_have_accessible_description(re.compile("Choose where in S3"))
    screenshot(
        form.get_by_role("region", name="Notebook", exact=True),
        artifacts_dir / "notebooks-share-destination-light.png",
    )

    # Pick a folder with the S3 browser.
    form.get_by_role("button", name="Browse S3 for S3 destination", exact=True).click()
    dialog = s3_dialog(page)
    option(dialog, BUCKET).click()
    option(dialog, "notebooks/").click()
    expect(dialog.get_by_role("navigation", name="S3 location")).to_contain_text("notebooks")
    expect(option(dialog, "README.md")).to_be_visible()
    dialog.get_by_role("button", name="Select this folder", exact=True).click()
    expect(dialog).to_be_hidden()
    expect(destination).to_have_value(f"s3://{BUCKET}/notebooks/")
    expect(hint(form, "Found in S3")).to_be_visible()

    form.get_by_role("button", name="Share notebook", exact=True).click()
    expect(form).to_be_hidden()
    expect(
        page.locator(".Toastify").get_by_text(re.compile("Shared “churn-analysis”"))
    ).to_be_visible()

    # Uploaded, as saved (with the change), and listed under Shared by me.
    body = s3.get_object(Bucket=BUCKET, Key="notebooks/churn-analysis.ipynb")["Body"].read()
    uploaded = nbformat.reads(body.decode("utf-8"), as_version=4)
    assert "saved before sharing" in uploaded.cells[1].source
    region = open_panel(page)
    expect(region.get_by_role("tab", name="Shared by me", exact=True)).to_have_attribute(
        "aria-selected", "true"
    )
    card = region.get_by_role("article", name="churn-analysis", exact=True)
    expect(card).to_be_visible()
    expect(card.get_by_role("button", name="Open", exact=True)).to_be_visible()
    screenshot(card, artifacts_dir / "notebooks-card-light.png")

    # bob sees it (shared with the organization) and opens it: a copy in his
    # workspace, opened in his JupyterLab; a second Open never overwrites.
    bob = bob_page
    bob_region = open_panel(bob)
    select_tab(bob_region, "Shared by my organization")
    bob_card = bob_region.get_by_role("article", name="churn-analysis", exact=True)
    expect(bob_card).to_contain_text("By alice")
    expect(bob_card.get_by_role("button", name="Edit", exact=True)).to_have_count(0)
    bob_card.get_by_role("button", name="Open", exact=True).click()
    expect(bob.get_by_role("tab", name=NOTEBOOK, exact=True)).to_be_visible()
    expect(bob.locator(".jp-NotebookPanel .jp-Cell")).to_have_count(2)
    copy = bob_server.root_dir / NOTEBOOK
    assert copy.exists()
    assert "saved before sharing" in copy.read_text(encoding="utf-8")

    bob_card.get_by_role("button", name="Open", exact=True).click()
    expect(bob.get_by_role("tab", name="churn-analysis-1.ipynb", exact=True)).to_be_visible()
    assert (bob_server.root_dir / "churn-analysis-1.ipynb").exists()
    second = nbformat.read(bob_server.root_dir / "churn-analysis-1.ipynb", as_version=4)
    assert second.cells[0].source == "# Churn analysis"
    expect(
        bob.locator(".Toastify").get_by_text(re.compile("as churn-analysis-1.ipynb"))
    ).to_be_visible()
    # alice's own file is untouched by bob's copies.
    assert not (lab_server.root_dir / "churn-analysis-1.ipynb").exists()


# --- the S3 browser, the hint and the dataset check in the wizard -----------------


def open_training(page: Page) -> tuple[Locator, Locator]:
    run_command(page, "shared-models:add-model")
    form = page.get_by_role("form", name="Add model", exact=True)
    expect(form).to_be_visible()
    training = form.get_by_role("region", name="Training", exact=True)
    training.get_by_role("switch", name="Enable training", exact=True).check()
    return form, training


def test_browse_s3_picks_a_prefix_into_a_channel(
    lab_page: Page, s3: Any, artifacts_dir: Path
) -> None:
    page = lab_page
    _, training = open_training(page)
    channel = field(training, "Channel 1 S3 URI")
    browse = training.get_by_role("button", name="Browse S3 for Channel 1 S3 URI", exact=True)
    expect(browse).to_have_text("Browse")
    browse.click()

    # Buckets first; the list has the keyboard.
    dialog = s3_dialog(page)
    crumbs = dialog.get_by_role("navigation", name="S3 location")
    expect(crumbs.get_by_role("button")).to_have_text(["All buckets"])
    items = listing(dialog)
    expect(items).to_be_focused()
    expect(items.get_by_role("option")).to_have_count(2)
    expect(items.get_by_role("option").first).to_contain_text(OTHER_BUCKET)
    select_folder = dialog.get_by_role("button", name="Select this folder", exact=True)
    expect(select_folder).to_be_disabled()

    # Keyboard: down to the team bucket, Enter opens it, and its folders.
    page.keyboard.press("ArrowDown")
    expect(option(dialog, BUCKET)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(crumbs.get_by_role("button")).to_have_text(["All buckets", BUCKET])
    expect(items.get_by_role("option")).to_have_text(
        [re.compile(r"^data\/"), re.compile(r"^many\/"), re.compile(r"^notebooks\/")]
    )
    page.keyboard.press("Enter")  # data/
    expect(option(dialog, "train/")).to_be_visible()
    expect(items.get_by_role("option")).to_have_count(4)
    expect(option(dialog, "images/")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")
    expect(option(dialog, "train/")).to_have_attribute("aria-selected", "true")
    expect(dialog).to_contain_text(f"Selected: s3://{BUCKET}/data/train/")
    page.keyboard.press("Enter")  # train/
    expect(crumbs.get_by_role("button")).to_have_text(["All buckets", BUCKET, "data", "train"])
    expect(option(dialog, "part-0.csv")).to_be_visible()
    expect(dialog.get_by_role("status").filter(has_text="1 item")).to_be_visible()
    set_theme(page, LIGHT, light=True)
    screenshot(dialog_box(dialog), artifacts_dir / "notebooks-s3-browser-light.png")
    set_theme(page, DARK, light=False)
    dialog = s3_dialog(page)
    screenshot(dialog_box(dialog), artifacts_dir / "notebooks-s3-browser-dark.png")
    set_theme(page, LIGHT, light=True)
    dialog = s3_dialog(page)

    # Backspace goes up; "Select this folder" picks the folder shown.
    listing(dialog).focus()
    page.keyboard.press("Backspace")
    expect(crumbs.get_by_role("button")).to_have_text(["All buckets", BUCKET, "data"])
    option(dialog, "train/").click()
    expect(option(dialog, "part-0.csv")).to_be_visible()
    select_folder.click()
    expect(dialog).to_be_hidden()
    expect(channel).to_have_value(f"s3://{BUCKET}/data/train/")
    expect(hint(training, "Found in S3")).to_be_visible()

    # Opened again, the browser starts at the field's value. Paging: one S3 page
    # at a time, the next only when asked.
    browse.click()
    dialog = s3_dialog(page)
    expect(crumbs.get_by_role("button")).to_have_text(["All buckets", BUCKET, "data", "train"])
    crumbs.get_by_role("button", name=BUCKET, exact=True).click()
    option(dialog, "many/").click()
    status = dialog.get_by_role("status")
    expect(status).to_have_text("200 items shown; there are more in S3.")
    expect(listing(dialog).get_by_role("option")).to_have_count(200)
    dialog.get_by_role("button", name="Load more", exact=True).click()
    expect(listing(dialog).get_by_role("option")).to_have_count(PAGED_OBJECTS)
    expect(status).to_have_text(f"{PAGED_OBJECTS} items")
    expect(dialog.get_by_role("button", name="Load more", exact=True)).to_have_count(0)
    # Enter on an object picks it.
    listing(dialog).focus()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(channel).to_have_value(f"s3://{BUCKET}/many/object-0249.txt")

    # An error: the server's message, and a way back.
    channel.fill("s3://no-such-bucket-here/data/")
    browse.click()
    dialog = s3_dialog(page)
    alert = dialog.get_by_role("alert")
    expect(alert).to_contain_text("Could not list s3://no-such-bucket-here/data/.")
    expect(alert).to_contain_text("NoSuchBucket")
    screenshot(dialog_box(dialog), artifacts_dir / "notebooks-s3-browser-error-light.png")
    expect(alert.get_by_role("button", name="Retry", exact=True)).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(channel).to_have_value("s3://no-such-bucket-here/data/")  # a cancel keeps the value


def test_s3_hints_and_dataset_check_in_the_wizard(
    lab_page: Page, s3: Any, artifacts_dir: Path
) -> None:
    page = lab_page
    form, training = open_training(page)

    # The hint under an S3 URI field, when it loses focus: never a block.
    output = field(training, "Output path")
    output.fill(f"s3://{BUCKET}/nothing-here/")
    output.press("Tab")
    output_field = training.locator(".sme-Field").filter(
        has=page.get_by_label("Output path", exact=True)
    )
    expect(hint(output_field, "Nothing at this S3 location yet")).to_be_visible()
    output.fill(f"s3://{BUCKET}/data/")
    expect(hint(output_field, re.compile("."))).to_have_count(0)  # the old hint goes
    output.press("Tab")
    expect(hint(output_field, "Found in S3")).to_be_visible()
    output.fill("s3://no-such-bucket-here/out/")
    output.press("Tab")
    expect(hint(output_field, re.compile(r"^Could not check: .*NoSuchBucket"))).to_be_visible()
    screenshot(output_field, artifacts_dir / "notebooks-s3-hint-light.png")

    # Both dataset URIs set: the check runs by itself; a mismatch is a warning.
    field(training, "Training dataset S3 URI").fill(f"s3://{BUCKET}/data/train/")
    validation = field(training, "Validation dataset S3 URI")
    validation.fill(f"s3://{BUCKET}/data/validation-bad/")
    check = training.locator(".sme-DatasetCheck")
    expect(check).to_contain_text("The validation dataset does not match the training dataset.")
    expect(check).to_contain_text("Missing from the validation data: income.")
    expect(check).to_contain_text("you can still save")
    check_block = training.locator(".sme-DatasetCheckField")
    screenshot(check_block, artifacts_dir / "notebooks-dataset-check-light.png")

    # Data that is not CSV cannot be checked: it says so.
    validation.fill(f"s3://{BUCKET}/data/images/")
    expect(check).to_contain_text("The datasets could not be compared.")
    expect(check).to_contain_text("only CSV data can be checked")

    # The button runs it on demand.
    validation.fill(f"s3://{BUCKET}/data/validation/")
    training.get_by_role("button", name="Check datasets", exact=True).click()
    expect(check).to_have_text("The datasets match: 3 columns (age, income, churn).")
    with_dark(
        page, lambda: screenshot(check_block, artifacts_dir / "notebooks-dataset-check-dark.png")
    )
    expect(form).to_be_visible()


def with_dark(page: Page, action: Any) -> None:
    set_theme(page, DARK, light=False)
    try:
        action()
    finally:
        set_theme(page, LIGHT, light=True)


@pytest.mark.usefixtures("empty_catalog")
def test_check_datasets_on_the_details_view(
    lab_page: Page, lab_server: LabServer, s3: Any, artifacts_dir: Path
) -> None:
    spec = training()
    spec["training_data_uri"] = f"s3://{BUCKET}/data/train/"
    spec["validation_data_uri"] = f"s3://{BUCKET}/data/validation-bad/"
    spec["tabular"]["columns"] = [
        {"name": "age", "type": "numeric"},
        {"name": "income", "type": "numeric"},
        {"name": "churn", "type": "categorical"},
    ]
    service = open_catalog(lab_server.db_url)
    try:
        entry = create(
            service,
            "alice",
            model(
                "Churn with data",
                data_type="tabular",
                task="tabular-classification",
                framework="xgboost",
                share=share(organization=True),
                training=spec,
            ),
        )
    finally:
        service.close()

    page = lab_page
    run_command(page, "shared-models:open-details", {"id": entry.id})
    details = page.get_by_role("article", name="Churn with data", exact=True)
    expect(details).to_be_visible()
    details.get_by_role("button", name="Check datasets", exact=True).click()
    result = details.locator(".sme-DatasetCheck")
    expect(result).to_contain_text("The validation dataset does not match the training dataset.")
    expect(result).to_contain_text("Missing from the validation data: income.")
    section = details.locator(".sme-DatasetCheckSection")
    section.scroll_into_view_if_needed()
    screenshot(section, artifacts_dir / "notebooks-details-dataset-check-light.png")


# --- Share notebook… from the File menu and the file browser -------------------


def test_share_notebook_from_the_file_menu_and_the_file_browser(
    lab_page: Page, lab_server: LabServer, artifacts_dir: Path
) -> None:
    page = lab_page
    write_notebook(lab_server.root_dir, "menu-notebook.ipynb")
    write_notebook(lab_server.root_dir, "listed-notebook.ipynb")

    # The File menu acts on the current notebook.
    run_command(page, "docmanager:open", {"path": "menu-notebook.ipynb"})
    expect(page.get_by_role("tab", name="menu-notebook.ipynb", exact=True)).to_be_visible()
    page.get_by_role("menuitem", name="File", exact=True).click()
    page.get_by_role("menuitem", name="Share notebook…", exact=True).click()
    form = share_form_after_save_question(page)
    expect(field(form, "Notebook file")).to_have_value("menu-notebook.ipynb")
    expect(field(form, "Title")).to_have_value("menu-notebook")
    form.get_by_role("button", name="Cancel", exact=True).click()
    expect(form).to_be_hidden()

    # The file browser's context menu acts on the notebook clicked.
    expect(page.get_by_role("region", name="File Browser Section")).to_be_visible()
    run_command(page, "filebrowser:refresh")
    item = page.locator('.jp-DirListing-item[data-file-type="notebook"]').filter(
        has_text="listed-notebook.ipynb"
    )
    item.click(button="right")
    menu = page.locator(".lm-Menu")
    share_item = menu.get_by_role("menuitem", name="Share notebook…", exact=True)
    expect(share_item).to_be_visible()
    share_item.click()
    form = share_form_after_save_question(page)
    expect(field(form, "Notebook file")).to_have_value("listed-notebook.ipynb")
    expect(field(form, "Title")).to_have_value("listed-notebook")
    form.get_by_role("button", name="Cancel", exact=True).click()


def share_form_after_save_question(page: Page) -> Locator:
    """The Share notebook wizard; first "Share the saved version" when asked
    (a notebook whose kernel just started has new metadata: it is unsaved)."""
    form = page.get_by_role("form", name="Share notebook", exact=True)
    ask = page.get_by_role("dialog").filter(has_text="before sharing it?")
    expect(form.or_(ask)).to_be_visible()
    if ask.is_visible():
        ask.get_by_role("button", name="Share the saved version", exact=True).click()
    expect(form).to_be_visible()
    return form


@pytest.mark.usefixtures("empty_catalog")
def test_sharing_an_invalid_notebook_says_why(
    lab_page: Page, lab_server: LabServer, s3: Any
) -> None:
    page = lab_page
    (lab_server.root_dir / "broken.ipynb").write_text('{"cells": "not a list"}', encoding="utf-8")
    run_command(page, "shared-models:share-notebook", {"path": "broken.ipynb"})
    form = page.get_by_role("form", name="Share notebook", exact=True)
    expect(field(form, "Title")).to_have_value("broken")
    field(form, "Data type").select_option(label="Text")
    field(form, "ML task").select_option(label="Text classification")
    field(form, "Framework").select_option(label="PyTorch")
    field(form, "S3 destination").fill(f"s3://{BUCKET}/notebooks/")
    form.get_by_role("button", name="Share notebook", exact=True).click()

    # nbformat's own words, on the file's field; nothing uploaded or listed.
    notebook_file = field(form, "Notebook file")
    expect(notebook_file).to_have_attribute("aria-invalid", "true")
    expect(notebook_file).to_have_accessible_description(re.compile("This is not a valid notebook"))
    expect(
        page.locator(".Toastify").get_by_text(re.compile("Could not share broken.ipynb"))
    ).to_be_visible()
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix="notebooks/")
    assert [item["Key"] for item in listed.get("Contents", [])] == ["notebooks/README.md"]
    assert form.is_visible()
