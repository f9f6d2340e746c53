"""Launching from a card in a real JupyterLab, with moto's server as AWS.

A Deep Learning Container picked in the wizard; Train from a card (the job
view); Export training_job.json; Deploy (the endpoint view); My launches.
The server has no default execution role, so the dialogs are given one.
Screenshots land in ``ui_tests/artifacts/launch-*.png``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from catalog_seed import clear, clear_launches, create, inference, model, open_catalog, share
from catalog_seed import tabular_training as training
from conftest import LabServer, S3Server, open_dialog, panel_region, set_theme, sidebar_tab
from playwright.sync_api import Locator, Page, expect

TITLE = "Churn launcher"
ENTRY_ID = "churn-launcher"
ROLE = "arn:aws:iam::123456789012:role/SageMakerRole"
LIGHT = "JupyterLab Light"
DARK = "JupyterLab Dark"
JOB_NAME = re.compile(rf"^{ENTRY_ID}-\d{{8}}-\d{{6}}-\d{{3}}$")
DLC_URI = re.compile(
    r"^763104351884\.dkr\.ecr\.us-east-1\.amazonaws\.com/pytorch-training:"
    r"[0-9.]+-gpu-py3\d+-cu\d+-ubuntu[0-9.]+-sagemaker$"
)


@pytest.fixture
def aws(s3_server: S3Server) -> Iterator[None]:
    """moto with nothing in it (no job, endpoint or model of another test)."""
    s3_server.reset()
    yield
    s3_server.reset()


@pytest.fixture
def catalog(lab_server: LabServer, aws: None) -> Iterator[None]:
    """One tabular model of alice's with training and deployment enabled, and
    no launches yet."""
    clear(lab_server.db_url)
    clear_launches(lab_server.db_url)
    service = open_catalog(lab_server.db_url)
    try:
        create(
            service,
            "alice",
            model(
                TITLE,
                data_type="tabular",
                task="tabular-classification",
                framework="xgboost",
                share=share(organization=True),
                training=training(),
                inference=inference(),
            ),
        )
    finally:
        service.close()
    yield
    clear(lab_server.db_url)
    clear_launches(lab_server.db_url)


@pytest.fixture(autouse=True)
def no_page_errors(console_errors: list[str]) -> Iterator[None]:
    """No uncaught exception or error log in the page (HTTP errors the tests
    provoke on purpose are the browser's own "Failed to load resource" lines)."""
    yield
    errors = [error for error in console_errors if "Failed to load resource" not in error]
    assert errors == []


# --- helpers -----------------------------------------------------------------


def run_command(page: Page, command: str, args: dict[str, Any] | None = None) -> None:
    page.evaluate(
        "([id, args]) => window.jupyterapp.commands.execute(id, args)", [command, args or {}]
    )


def field(scope: Locator, label: str) -> Locator:
    return scope.get_by_label(label, exact=True)


def open_panel(page: Page) -> Locator:
    sidebar_tab(page).click()
    region = panel_region(page)
    expect(region).to_be_visible()
    return region


def entry_card(region: Locator) -> Locator:
    found = region.get_by_role("article", name=TITLE, exact=True)
    expect(found).to_be_visible()
    return found


def dialog(page: Page, name: str) -> Locator:
    found = page.get_by_role("dialog", name=name, exact=True)
    expect(found).to_be_visible()
    return found


def dialog_box(found: Locator) -> Locator:
    """The dialog's box (the dialog element itself covers the whole page)."""
    return found.locator(".jp-Dialog-content")


def main_tab(page: Page, label: str) -> Locator:
    return page.locator("#jp-main-dock-panel").get_by_role("tab", name=label)


def api(server: LabServer, method: str, path: str, body: Any = None) -> Any:
    status, data = server.request(method, f"shared-models/api/{path}", body)
    assert 200 <= status < 300, (status, data)
    return json.loads(data) if data else None


def with_theme(page: Page, name: str, light: bool) -> None:
    set_theme(page, name, light=light)


def shot(locator: Locator, path: Path) -> None:
    """A screenshot of ``locator`` without the notification toasts over it."""
    locator.screenshot(
        path=path, caret="hide", animations="disabled", style=".Toastify { display: none; }"
    )


# --- the Deep Learning Container picker in the wizard --------------------------


def test_pick_a_deep_learning_container_in_the_wizard(
    lab_page: Page, aws: None, artifacts_dir: Path
) -> None:
    page = lab_page
    run_command(page, "shared-models:add-model")
    form = page.get_by_role("form", name="Add model", exact=True)
    expect(form).to_be_visible()
    training_region = form.get_by_role("region", name="Training", exact=True)
    training_region.get_by_role("switch", name="Enable training", exact=True).check()
    field(training_region, "Container source").select_option(
        label="SageMaker Deep Learning Container"
    )
    training_region.get_by_role(
        "button", name="Choose a Deep Learning Container for Container image URI"
    ).click()

    picker = dialog(page, "Choose a Deep Learning Container")
    field(picker, "Framework").select_option(label="PyTorch")
    field(picker, "Processor").select_option("gpu")
    preview = picker.get_by_role("status").locator("code")
    expect(preview).to_have_text(DLC_URI)
    picked = preview.inner_text()
    # Keyboard only: the choice is made, then "Use this image" with Enter.
    python = field(picker, "Python")
    python.focus()
    shot(dialog_box(picker), artifacts_dir / "launch-dlc-picker-light.png")
    picker.get_by_role("button", name="Use this image").press("Enter")
    expect(picker).to_be_hidden()

    uri = field(training_region, "Container image URI")
    expect(uri).to_have_value(picked)
    assert DLC_URI.match(uri.input_value())

    # Deployment offers the inference images (and no training-job source).
    deployment = form.get_by_role("region", name="Deployment", exact=True)
    deployment.get_by_role("switch", name="Enable deployment", exact=True).check()
    sources = field(deployment, "Container source").locator("option")
    expect(sources).to_have_text(["Your own image in ECR", "SageMaker Deep Learning Container"])
    field(deployment, "Container source").select_option(label="SageMaker Deep Learning Container")
    deployment.get_by_role(
        "button", name="Choose a Deep Learning Container for Container image URI"
    ).click()
    picker = dialog(page, "Choose a Deep Learning Container")
    expect(picker.get_by_role("status").locator("code")).to_contain_text("-inference:")
    picker.get_by_role("button", name="Use this image").click()
    expect(field(deployment, "Container image URI")).to_have_value(re.compile("-inference:"))


def test_pick_an_existing_training_job_and_an_ecr_image(
    lab_page: Page, lab_server: LabServer, s3_server: S3Server, catalog: None
) -> None:
    # A job to pick (launched through the API) and an ECR image.
    launched = api(
        lab_server,
        "POST",
        f"entries/{ENTRY_ID}/training-jobs",
        {"job_name": "churn-picked-1", "role_arn": ROLE},
    )
    assert launched["job_name"] == "churn-picked-1"
    registry = boto3.client(
        "ecr",
        endpoint_url=s3_server.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    registry.create_repository(repositoryName="team/churn-training")
    manifest = json.dumps(
        {
            "schemaVersion": 2,
            "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {},
            "layers": [],
        }
    )
    registry.put_image(repositoryName="team/churn-training", imageManifest=manifest, imageTag="1.4")

    page = lab_page
    run_command(page, "shared-models:add-model")
    form = page.get_by_role("form", name="Add model", exact=True)
    training_region = form.get_by_role("region", name="Training", exact=True)
    training_region.get_by_role("switch", name="Enable training", exact=True).check()
    field(training_region, "Container source").select_option(
        label="Container of an existing training job"
    )
    training_region.get_by_role(
        "button", name="Choose a training job for Container image URI"
    ).click()
    picker = dialog(page, "Choose a training job\u2019s image")
    field(picker, "Search training jobs by name").fill("picked")
    jobs = picker.get_by_role("radiogroup", name="Training jobs")
    job = jobs.get_by_role("radio", name=re.compile("churn-picked-1"))
    job.check()
    picker.get_by_role("button", name="Use this image").click()
    expect(field(training_region, "Container image URI")).to_have_value(training()["image"]["uri"])

    field(training_region, "Container source").select_option(label="Your own image in ECR")
    training_region.get_by_role(
        "button", name="Choose an ECR image for Container image URI"
    ).click()
    picker = dialog(page, "Choose an ECR image")
    picker.get_by_role("button", name="team/churn-training").click()
    image = picker.get_by_role("radiogroup", name="Images of team/churn-training").get_by_role(
        "radio", name=re.compile("1.4")
    )
    image.check()
    picker.get_by_role("button", name="Use this image").click()
    expect(field(training_region, "Container image URI")).to_have_value(
        re.compile(r"\.dkr\.ecr\.us-east-1\.amazonaws\.com/team/churn-training:1\.4$")
    )


# --- Train from a card, the job view ------------------------------------------


@pytest.mark.usefixtures("catalog")
def test_train_from_a_card_shows_the_job_view(lab_page: Page, artifacts_dir: Path) -> None:
    page = lab_page
    region = open_panel(page)
    entry_card(region).get_by_role("button", name="Train", exact=True).click()

    train = open_dialog(page, f"Train {TITLE}")
    name = field(train, "Job name")
    expect(name).to_have_value(JOB_NAME)
    job_name = name.input_value()
    expect(field(train, "Instance type")).to_have_value("ml.m5.xlarge")
    expect(field(train, "Instance count")).to_have_value("1")

    # Live range validation: max_depth is an integer from 1 to 12.
    depth = field(train, "max_depth")
    depth.fill("50")
    expect(depth).to_have_attribute("aria-invalid", "true")
    expect(depth).to_have_accessible_description(
        re.compile("max_depth must be an integer between 1 and 12")
    )
    shot(dialog_box(train), artifacts_dir / "launch-train-dialog-error-light.png")
    depth.fill("8")
    expect(depth).not_to_have_attribute("aria-invalid", "true")
    eta = field(train, "eta")
    eta.fill("0.1")

    # No role and none on the server: its 400 lands on the role field.
    train.get_by_role("button", name="Start training").click()
    role = field(train, "IAM role ARN")
    expect(role).to_have_attribute("aria-invalid", "true")
    expect(role).to_have_accessible_description(re.compile("choose the IAM execution role"))
    expect(role).to_be_focused()
    role.fill(ROLE)
    shot(dialog_box(train), artifacts_dir / "launch-train-dialog-light.png")
    train.get_by_role("button", name="Start training").click()
    expect(train).to_be_hidden()

    # The job view: titled with the job name, its live status.
    expect(main_tab(page, job_name)).to_be_visible()
    view = page.locator(".sme-LaunchView")
    expect(view.get_by_role("heading", name=job_name, level=1)).to_be_visible()
    expect(view.get_by_role("status").first).to_contain_text("Completed")  # moto's answer
    expect(view.get_by_role("button", name="Stop")).to_be_disabled()
    expect(view).to_contain_text("/aws/sagemaker/TrainingJobs")
    expect(view).to_contain_text(f"{job_name}/algo-")
    expect(
        view.get_by_role("link", name="Open the log in the CloudWatch console")
    ).to_have_attribute(
        "href", re.compile(r"^https://us-east-1\.console\.aws\.amazon\.com/cloudwatch/")
    )
    expect(page.get_by_text(f"Training job {job_name} started.")).to_be_visible()
    shot(page.locator(".sme-LaunchViewContent"), artifacts_dir / "launch-job-view-light.png")
    with_theme(page, DARK, False)
    try:
        shot(page.locator(".sme-LaunchViewContent"), artifacts_dir / "launch-job-view-dark.png")
        entry_card(region).get_by_role("button", name="Train", exact=True).click()
        train = open_dialog(page, f"Train {TITLE}")
        field(train, "max_depth").fill("0")
        expect(field(train, "max_depth")).to_have_attribute("aria-invalid", "true")
        shot(dialog_box(train), artifacts_dir / "launch-train-dialog-dark.png")
        train.locator(".jp-Dialog-footer").get_by_role("button", name="Cancel").click()
        expect(train).to_be_hidden()
    finally:
        with_theme(page, LIGHT, True)


# --- Export training_job.json ---------------------------------------------------


@pytest.mark.usefixtures("catalog")
def test_export_training_job_json(lab_page: Page, lab_server: LabServer) -> None:
    page = lab_page
    root = lab_server.root_dir
    for old in root.glob("training_job*.json"):
        old.unlink()
    # A file of that name is never overwritten.
    (root / "training_job.json").write_text("{}\n")

    region = open_panel(page)
    entry_card(region).get_by_role("button", name="Train", exact=True).click()
    train = open_dialog(page, f"Train {TITLE}")
    # The server's default name, once it arrives (GET /entries/{id}/launch-names).
    expect(field(train, "Job name")).to_have_value(JOB_NAME)
    job_name = field(train, "Job name").input_value()
    field(train, "IAM role ARN").fill(ROLE)
    field(train, "max_depth").fill("9")
    train.get_by_role("button", name="Export training_job.json").click()
    expect(train).to_be_hidden()

    # Saved next to the other one, and opened.
    expect(main_tab(page, "training_job-1.json")).to_be_visible()
    exported = root / "training_job-1.json"
    assert (root / "training_job.json").read_text() == "{}\n"
    request = json.loads(exported.read_text())
    assert isinstance(request, dict)
    assert request["TrainingJobName"] == job_name
    assert request["RoleArn"] == ROLE
    assert request["AlgorithmSpecification"]["TrainingImage"] == training()["image"]["uri"]
    assert request["HyperParameters"]["sagemaker_program"] == "train.py"
    assert request["HyperParameters"]["max_depth"] == "9"
    assert request["ResourceConfig"]["InstanceType"] == "ml.m5.xlarge"
    # Nothing was launched.
    launches = api(lab_server, "GET", "launches")
    assert [item["name"] for item in launches["items"]] == []


# --- Deploy, and My launches ------------------------------------------------------


@pytest.mark.usefixtures("catalog")
def test_deploy_and_my_launches(lab_page: Page, lab_server: LabServer, artifacts_dir: Path) -> None:
    # A training job launched earlier (through the API).
    job = api(
        lab_server,
        "POST",
        f"entries/{ENTRY_ID}/training-jobs",
        {"job_name": "churn-launcher-earlier", "role_arn": ROLE},
    )
    page = lab_page
    region = open_panel(page)
    entry_card(region).get_by_role("button", name="Deploy", exact=True).click()
    deploy = open_dialog(page, f"Deploy {TITLE}")
    endpoint = field(deploy, "Endpoint name")
    expect(endpoint).to_have_value(JOB_NAME)
    endpoint.fill("churn-launcher-endpoint")
    expect(field(deploy, "Instance type")).to_have_value("ml.m5.large")
    field(deploy, "IAM role ARN").fill(ROLE)
    deploy.get_by_role("button", name="Deploy", exact=True).click()
    expect(deploy).to_be_hidden()

    expect(main_tab(page, "churn-launcher-endpoint")).to_be_visible()
    view = page.locator(".sme-LaunchView")
    expect(view.get_by_role("heading", name="churn-launcher-endpoint")).to_be_visible()
    expect(view.get_by_role("status").first).to_contain_text("In service")
    expect(view).to_contain_text("ml.m5.large")
    shot(page.locator(".sme-LaunchViewContent"), artifacts_dir / "launch-endpoint-view-light.png")

    # My launches opened itself after the launch: both, with their status.
    toggle = region.get_by_role("button", name="My launches", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "true")
    launches = region.get_by_role("list", name="My launches").get_by_role("listitem")
    expect(launches).to_have_count(2)
    expect(launches.nth(0)).to_contain_text("churn-launcher-endpoint")
    expect(launches.nth(0)).to_contain_text("In service")
    expect(launches.nth(1)).to_contain_text(job["job_name"])
    expect(launches.nth(1)).to_contain_text("Completed")
    expect(launches.nth(1)).to_contain_text(TITLE)
    shot(region, artifacts_dir / "launch-my-launches-light.png")
    with_theme(page, DARK, False)
    try:
        shot(region, artifacts_dir / "launch-my-launches-dark.png")
    finally:
        with_theme(page, LIGHT, True)

    # A name opens its view.
    launches.nth(1).get_by_role("button", name=job["job_name"]).click()
    expect(main_tab(page, job["job_name"])).to_be_visible()
    expect(
        page.locator(".sme-LaunchView").get_by_role("heading", name=job["job_name"])
    ).to_be_visible()

    # Closed, the section forgets nothing and polls nothing.
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(region.get_by_role("list", name="My launches")).to_have_count(0)
