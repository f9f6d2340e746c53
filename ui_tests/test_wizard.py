"""The entry wizard in a real JupyterLab: Add model (with training), Add notebook, Edit.

Screenshots (light and dark) land in ``ui_tests/artifacts/wizard-*.png``.
"""

from __future__ import annotations

import contextlib
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS, LabServer, panel_region, set_theme, sidebar_tab
from playwright.sync_api import Locator, Page, expect

DLC_IMAGE = (
    "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
    "pytorch-training:2.3.0-cpu-py311-ubuntu20.04-sagemaker"
)
INFERENCE_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-inference:1.0"
LIGHT = "JupyterLab Light"
DARK = "JupyterLab Dark"
ENTRIES = "shared-models/api/entries"


# --- helpers -----------------------------------------------------------------


def run_from_palette(page: Page, label: str) -> None:
    """Run a command by its label from the command palette."""
    page.keyboard.press("Control+Shift+C")
    palette = page.locator(".jp-ModalCommandPalette")
    expect(palette).to_be_visible()
    palette.get_by_role("textbox").fill(label)
    palette.get_by_role("menuitem", name=label, exact=True).click()


def wizard_form(page: Page, name: str) -> Locator:
    """The wizard's form (named by its heading)."""
    form = page.get_by_role("form", name=name, exact=True)
    expect(form).to_be_visible()
    return form


def field(scope: Locator, label: str) -> Locator:
    return scope.get_by_label(label, exact=True)


def region(scope: Locator, name: str) -> Locator:
    return scope.get_by_role("region", name=name, exact=True)


def get_entry(server: LabServer, entry_id: str) -> dict[str, Any] | None:
    status, body = server.get(f"{ENTRIES}/{entry_id}")
    if status == 404:
        return None
    assert status == 200, body
    return json.loads(body)


def delete_entry(server: LabServer, entry_id: str) -> None:
    status, body = server.request("DELETE", f"{ENTRIES}/{entry_id}")
    assert status in (204, 404), body


def put_entry(server: LabServer, body: dict[str, Any], version: int) -> tuple[int, bytes]:
    """PUT an entry with ``If-Match`` (as another session of the same user would)."""
    request = urllib.request.Request(  # noqa: S310 - always http://127.0.0.1
        server.url(f"{ENTRIES}/{body['id']}"),
        data=json.dumps(body).encode(),
        method="PUT",
        headers={
            "Authorization": f"token {server.token}",
            "Content-Type": "application/json",
            "If-Match": f'"{version}"',
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def expect_error(control: Locator, message: str | re.Pattern[str]) -> None:
    """``control`` is marked invalid and its linked description says ``message``."""
    expect(control).to_have_attribute("aria-invalid", "true")
    expect(control).to_have_accessible_description(
        re.compile(re.escape(message)) if isinstance(message, str) else message
    )


def screenshot(locator: Locator, path: Path, *, section: bool = True) -> None:
    """A screenshot of ``locator``. A section is taken whole: the viewport grows
    while it is taken (a section taller than the wizard's scroll area would come
    out cut) and the sticky footer is hidden (it would cover its bottom)."""
    page = locator.page
    viewport = page.viewport_size
    box = locator.bounding_box()
    assert viewport is not None
    assert box is not None
    needed = int(box["height"]) + 400
    if section and needed > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": needed})
    try:
        locator.scroll_into_view_if_needed()
        # The sticky footer would cover the bottom of a section.
        style = ".sme-Wizard-footer { visibility: hidden; }" if section else ""
        locator.screenshot(path=path, caret="hide", animations="disabled", style=style)
    finally:
        page.set_viewport_size(viewport)


@contextlib.contextmanager
def theme(page: Page, name: str, *, light: bool) -> Iterator[None]:
    """Switch theme for the block, back to the light theme after it."""
    set_theme(page, name, light=light)
    try:
        yield
    finally:
        if name != LIGHT:
            set_theme(page, LIGHT, light=True)


@pytest.fixture
def fresh_ids(lab_server: LabServer) -> Iterator[list[str]]:
    """IDs the test creates: deleted before and after, so reruns start clean."""
    ids: list[str] = []
    yield ids
    for entry_id in ids:
        delete_entry(lab_server, entry_id)


# --- Add model -----------------------------------------------------------------


def fill_basic_information(form: Locator) -> None:
    basic = region(form, "Basic information")
    field(basic, "Title").fill("Churn predictor (wizard)")
    # The ID follows the title as it is typed, with the server's rules.
    expect(field(basic, "ID")).to_have_value("churn-predictor-wizard")
    field(basic, "Description").fill("Predicts which customers leave.")
    field(basic, "Data type").select_option(label="Tabular")
    field(basic, "ML task").select_option(label="Tabular classification")
    field(basic, "Framework").select_option(label="XGBoost")
    keywords = field(basic, "Keywords")
    keywords.press_sequentially("Churn xgboost")
    expect(keywords).to_have_value("Churn, xgboost")  # a space becomes a comma
    keywords.press("Tab")
    expect(keywords).to_have_value("churn, xgboost")  # normalised on blur

    sharing = region(form, "Sharing")
    field(sharing, "Share with everyone in my organization").check()
    expect(field(sharing, "Canvas users")).to_be_enabled()  # a tabular model


def fill_training(form: Locator) -> Locator:
    training = region(form, "Training")
    switch = training.get_by_role("switch", name="Enable training", exact=True)
    expect(switch).not_to_be_checked()
    switch.check()
    expect(switch).to_be_checked()

    field(training, "Container source").select_option(label="SageMaker Deep Learning Container")
    field(training, "Container image URI").fill(DLC_IMAGE)
    field(training, "Output path").fill("s3://sme-models/churn/output/")
    field(training, "Channel 1 name").fill("train")
    field(training, "Channel 1 S3 URI").fill("s3://sme-models/churn/train/")

    # A hyperparameter whose range only the server rejects: reverse-logarithmic
    # scaling needs max < 1.
    training.get_by_role("button", name="Add hyperparameter", exact=True).click()
    field(training, "Hyperparameter 1 name").fill("lr")
    field(training, "Hyperparameter 1 type").select_option("continuous")
    field(training, "Hyperparameter 1 minimum").fill("0.001")
    field(training, "Hyperparameter 1 maximum").fill("2")
    field(training, "Hyperparameter 1 scaling").select_option(label="Reverse logarithmic")
    field(training, "Hyperparameter 1 default").fill("0.01")

    expect(
        training.get_by_text(
            "GPU instances with more memory are recommended for large batch sizes."
        )
    ).to_be_visible()
    gpu = training.get_by_label(re.compile(r"^ml\.g5\.2xlarge · .*NVIDIA A10G"))
    gpu.scroll_into_view_if_needed()
    expect(gpu).to_be_visible()
    instance_types = training.locator(".sme-InstanceTypes")
    instance_types.scroll_into_view_if_needed()
    instance_types.screenshot(path=ARTIFACTS / "wizard-instance-types-light.png")
    training.get_by_label(re.compile(r"^ml\.m5\.xlarge · ")).check()
    expect(field(training, "Default instance type")).to_have_value("ml.m5.xlarge")

    training.get_by_role("button", name="Add metric", exact=True).click()
    field(training, "Metric 1 name").fill("loss")
    field(training, "Metric 1 regular expression").fill("Loss =(.*?);")
    field(training, "Sample log line").fill("Epoch 3: Loss = 0.251; Accuracy = 0.91;")
    training.get_by_role("button", name="Test regex of metric 1").click()
    expect(training.get_by_role("status").filter(has_text="Captured value")).to_have_text(
        "Captured value: \u201c 0.251\u201d"
    )

    # Tabular: the column format from a pasted CSV header, and the target.
    training.get_by_role("button", name="Paste CSV header", exact=True).click()
    header = field(training, "CSV header")
    expect(header).to_be_focused()
    header.fill("age,income,churn")
    header.press("Enter")
    expect(field(training, "Column 3 name")).to_have_value("churn")
    field(training, "Column 3 type").select_option(label="Categorical")
    field(training, "Target column").select_option("churn")
    return training


def test_add_model_with_training_then_edit(
    lab_page: Page,
    lab_server: LabServer,
    artifacts_dir: Path,
    fresh_ids: list[str],
    console_errors: list[str],
) -> None:
    page = lab_page
    entry_id = "churn-predictor-wizard"
    fresh_ids.append(entry_id)
    delete_entry(lab_server, entry_id)

    run_from_palette(page, "Add model")
    form = wizard_form(page, "Add model")
    tab = page.get_by_role("tab", name="Add model", exact=True)
    expect(tab).to_be_visible()
    expect(field(form, "Title")).to_be_focused()

    fill_basic_information(form)
    training = fill_training(form)

    panel = page.locator(".sme-WizardPanel")
    form.evaluate("node => node.closest('.sme-Wizard').scrollTo(0, 0)")
    screenshot(panel, artifacts_dir / "wizard-top-light.png", section=False)
    screenshot(training, artifacts_dir / "wizard-training-light.png")

    # First submit: the server rejects the range; its message lands on the field.
    form.get_by_role("button", name="Add model", exact=True).click()
    maximum = field(training, "Hyperparameter 1 maximum")
    expect_error(maximum, "reverse-logarithmic scaling needs max less than 1")
    expect(maximum).to_be_focused()
    expect(form.get_by_role("alert")).to_contain_text("Fix the problem marked below.")
    # Every value is kept.
    expect(field(form, "Title")).to_have_value("Churn predictor (wizard)")
    expect(field(training, "Target column")).to_have_value("churn")
    assert get_entry(lab_server, entry_id) is None
    hyperparameters = training.get_by_role("group", name="Hyperparameters", exact=True)
    screenshot(hyperparameters, artifacts_dir / "wizard-field-error-light.png")

    with theme(page, DARK, light=False):
        form.evaluate("node => node.closest('.sme-Wizard').scrollTo(0, 0)")
        screenshot(panel, artifacts_dir / "wizard-top-dark.png", section=False)
        screenshot(training, artifacts_dir / "wizard-training-dark.png")
        screenshot(hyperparameters, artifacts_dir / "wizard-field-error-dark.png")

    # Fix it: the problem goes as the value changes; the save closes the wizard.
    maximum.fill("0.9")
    expect(maximum).not_to_have_attribute("aria-invalid", "true")
    form.get_by_role("button", name="Add model", exact=True).click()
    expect(form).to_be_hidden()
    expect(tab).to_have_count(0)

    entry = get_entry(lab_server, entry_id)
    assert entry is not None
    assert entry["version"] == 1
    assert entry["keywords"] == ["churn", "xgboost"]
    assert entry["share"] == {"organization": True, "users": [], "canvas_users": []}
    spec = entry["training"]
    assert spec["image"] == {"source": "dlc", "uri": DLC_IMAGE}
    assert spec["channels"] == [{"name": "train", "uri": "s3://sme-models/churn/train/"}]
    assert spec["hyperparameters"] == [
        {
            "name": "lr",
            "type": "continuous",
            "min": 0.001,
            "max": 0.9,
            "scaling": "reverse-logarithmic",
            "default": "0.01",
        }
    ]
    assert spec["instance_types"] == ["ml.m5.xlarge"]
    assert spec["default_instance_type"] == "ml.m5.xlarge"
    assert spec["metrics"] == [{"name": "loss", "regex": "Loss =(.*?);"}]
    assert spec["tabular"] == {
        "columns": [
            {"name": "age", "type": "numeric"},
            {"name": "income", "type": "numeric"},
            {"name": "churn", "type": "categorical"},
        ],
        "target_column": "churn",
    }
    assert entry["inference"] is None

    # The panel shows the new card under Shared by me.
    sidebar_tab(page).click()
    shared = panel_region(page)
    shared.get_by_role("tab", name="Shared by me", exact=True).click()
    expect(
        shared.get_by_role("article", name="Churn predictor (wizard)", exact=True)
    ).to_be_visible()

    # Edit: the same wizard, prefilled; the ID is read-only; saved with If-Match.
    page.evaluate(
        "id => window.jupyterapp.commands.execute('shared-models:edit-entry', {id})", entry_id
    )
    edit = wizard_form(page, "Edit Churn predictor (wizard)")
    expect(field(edit, "ID")).to_have_value(entry_id)
    expect(field(edit, "ID")).to_have_attribute("readonly", "")
    expect(field(edit, "Target column")).to_have_value("churn")
    expect(field(edit, "Hyperparameter 1 maximum")).to_have_value("0.9")
    field(edit, "Description").fill("Predicts which customers leave, monthly.")
    # …and enable deployment.
    deployment = region(edit, "Deployment")
    deployment.get_by_role("switch", name="Enable deployment", exact=True).check()
    source = field(deployment, "Container source")
    expect(source.locator("option")).to_have_text(
        ["Your own image in ECR", "SageMaker Deep Learning Container"]
    )
    source.select_option(label="Your own image in ECR")
    field(deployment, "Container image URI").fill(INFERENCE_IMAGE)
    field(deployment, "Model artifacts S3 URI").fill("s3://sme-models/churn/output/model.tar.gz")
    deployment.get_by_label(re.compile(r"^ml\.m5\.large · ")).check()
    edit.get_by_role("button", name="Save changes", exact=True).click()
    expect(edit).to_be_hidden()

    entry = get_entry(lab_server, entry_id)
    assert entry is not None
    assert entry["version"] == 2
    assert entry["description"] == "Predicts which customers leave, monthly."
    assert entry["training"]["tabular"]["target_column"] == "churn"
    assert entry["inference"] == {
        "image": {"source": "ecr", "uri": INFERENCE_IMAGE},
        "script_uri": None,
        "model_data_uri": "s3://sme-models/churn/output/model.tar.gz",
        "environment": {},
        "instance_types": ["ml.m5.large"],
        "default_instance_type": "ml.m5.large",
    }
    # The 400 was expected; nothing else of ours went wrong.
    ours = [e for e in console_errors if "shared" in e.lower() and "400" not in e]
    assert ours == []


def test_edit_of_a_stale_entry_offers_to_reload(
    lab_page: Page, lab_server: LabServer, fresh_ids: list[str]
) -> None:
    page = lab_page
    entry_id = "wizard-stale-notebook"
    fresh_ids.append(entry_id)
    delete_entry(lab_server, entry_id)
    body = {
        "id": entry_id,
        "kind": "notebook",
        "title": "Wizard stale notebook",
        "data_type": "text",
        "task": "text-classification",
        "framework": "pytorch",
        "notebook": {"s3_uri": "s3://sme-models/notebooks/stale.ipynb"},
    }
    status, answer = lab_server.request("POST", ENTRIES, body)
    assert status == 201, answer

    page.evaluate(
        "id => window.jupyterapp.commands.execute('shared-models:edit-entry', {id})", entry_id
    )
    edit = wizard_form(page, "Edit Wizard stale notebook")
    # Someone else saves a change meanwhile.
    status, answer = put_entry(lab_server, {**body, "description": "Changed elsewhere."}, 1)
    assert status == 200, answer

    field(edit, "Description").fill("My change.")
    edit.get_by_role("button", name="Save changes", exact=True).click()
    alert = edit.get_by_role("alert")
    expect(alert).to_contain_text("Someone else changed this entry since you opened it.")
    alert.get_by_role("button", name="Reload", exact=True).click()
    expect(field(edit, "Description")).to_have_value("Changed elsewhere.")
    edit.get_by_role("button", name="Save changes", exact=True).click()
    expect(edit).to_be_hidden()
    entry = get_entry(lab_server, entry_id)
    assert entry is not None
    assert entry["version"] == 3


# --- Add notebook ----------------------------------------------------------------


def test_add_notebook(
    lab_page: Page, lab_server: LabServer, artifacts_dir: Path, fresh_ids: list[str]
) -> None:
    page = lab_page
    entry_id = "wizard-eda-notebook"
    fresh_ids.append(entry_id)
    delete_entry(lab_server, entry_id)

    run_from_palette(page, "Add notebook")
    form = wizard_form(page, "Add notebook")
    field(form, "Title").fill("Wizard EDA notebook")
    expect(field(form, "ID")).to_have_value(entry_id)
    field(form, "Data type").select_option(label="Text")
    field(form, "ML task").select_option(label="Text classification")
    field(form, "Framework").select_option(label="PyTorch")
    # Notebooks have no training, no deployment, and no Canvas sharing.
    expect(form.get_by_role("switch")).to_have_count(0)
    expect(field(form, "Canvas users")).to_be_disabled()

    uri = field(form, "Notebook S3 URI")
    uri.fill("s3://sme-models/notebooks/eda.txt")
    form.get_by_role("button", name="Add notebook", exact=True).click()
    expect_error(uri, "must point to a notebook file ending in .ipynb")  # the server's rule
    expect(uri).to_be_focused()
    screenshot(
        page.locator(".sme-WizardPanel"),
        artifacts_dir / "wizard-notebook-error-light.png",
        section=False,
    )

    uri.fill("s3://sme-models/notebooks/eda.ipynb")
    form.get_by_role("button", name="Add notebook", exact=True).click()
    expect(form).to_be_hidden()
    entry = get_entry(lab_server, entry_id)
    assert entry is not None
    assert entry["kind"] == "notebook"
    assert entry["notebook"] == {"s3_uri": "s3://sme-models/notebooks/eda.ipynb"}
    assert entry["training"] is None
    assert entry["inference"] is None
