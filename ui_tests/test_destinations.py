"""Register with Clean Rooms ML and Publish to hub… in a real JupyterLab.

The lab server's Clean Rooms ML and SageMaker calls reach a small fake on
loopback (``fake_aws_destinations.py``) through boto3's own
``AWS_ENDPOINT_URL_CLEANROOMSML`` / ``AWS_ENDPOINT_URL_SAGEMAKER``; S3 and the
rest stay on moto. The test asserts on what the fake received. Screenshots
land in ``ui_tests/artifacts/destinations-*.png``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from catalog_seed import clear, clear_launches, create, inference, model, open_catalog, share
from catalog_seed import tabular_training as training
from conftest import (
    LabServer,
    S3Server,
    launch_lab,
    open_dialog,
    open_lab,
    panel_region,
    set_theme,
    sidebar_tab,
)
from fake_aws_destinations import FakeAwsDestinations
from playwright.sync_api import ConsoleMessage, Locator, Page, expect

TITLE = "Churn registrar"
ENTRY_ID = "churn-registrar"
ROLE = "arn:aws:iam::123456789012:role/CleanRoomsML"
MEMBERSHIP = "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b"
LIGHT = "JupyterLab Light"
DARK = "JupyterLab Dark"
CONSOLE = re.compile(r"^https://us-east-1\.console\.aws\.amazon\.com/cleanrooms/")


@pytest.fixture(scope="module")
def fake_aws() -> Iterator[FakeAwsDestinations]:
    fake = FakeAwsDestinations()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture(scope="module")
def lab(
    tmp_path_factory: pytest.TempPathFactory,
    artifacts_dir: Path,
    s3_server: S3Server,
    fake_aws: FakeAwsDestinations,
) -> Iterator[LabServer]:
    """alice's ``jupyter lab``: moto as AWS, the fake for Clean Rooms ML and SageMaker."""
    with launch_lab(
        tmp_path_factory.mktemp("destinations"),
        artifacts_dir / "jupyter-lab-destinations.log",
        aws=s3_server,
        extra_env=fake_aws.environment(),
    ) as server:
        yield server


@pytest.fixture
def catalog(lab: LabServer, fake_aws: FakeAwsDestinations) -> Iterator[None]:
    """One model of alice's (a Deep Learning Container for training, an ECR
    image for inference), no launches, one hub in the account."""
    clear(lab.db_url)
    clear_launches(lab.db_url)
    fake_aws.reset()
    fake_aws.add_hub("team-models", "Team models")
    service = open_catalog(lab.db_url)
    try:
        create(
            service,
            "alice",
            model(
                TITLE,
                data_type="tabular",
                task="tabular-classification",
                framework="xgboost",
                keywords=["churn", "tabular"],
                share=share(organization=True),
                training=training(),
                inference=inference(),
            ),
        )
    finally:
        service.close()
    yield
    clear(lab.db_url)
    clear_launches(lab.db_url)


@pytest.fixture
def ui(page: Page, lab: LabServer, catalog: None) -> Iterator[Page]:
    """JupyterLab on ``lab``; no uncaught error in the page (the 400s the test
    provokes are the browser's own "Failed to load resource" lines)."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield open_lab(page, lab)
    assert errors == []


def open_panel(page: Page) -> Locator:
    sidebar_tab(page).click()
    region = panel_region(page)
    expect(region).to_be_visible()
    return region


def card(region: Locator) -> Locator:
    found = region.get_by_role("article", name=TITLE, exact=True)
    expect(found).to_be_visible()
    return found


def dialog(page: Page, name: str) -> Locator:
    return open_dialog(page, name)


def shot(locator: Locator, path: Path) -> None:
    locator.screenshot(
        path=path, caret="hide", animations="disabled", style=".Toastify { display: none; }"
    )


def one(fake: FakeAwsDestinations, operation: str) -> dict[str, Any]:
    received = fake.operations(operation)
    assert len(received) == 1, [item.operation for item in fake.received]
    return received[0].body


def test_register_from_a_card_and_see_the_arns_in_my_launches(
    ui: Page, fake_aws: FakeAwsDestinations, artifacts_dir: Path
) -> None:
    page = ui
    set_theme(page, LIGHT, light=True)
    region = open_panel(page)
    card(region).get_by_role("button", name="Register with Clean Rooms ML", exact=True).click()
    found = dialog(page, f"Register {TITLE} with Clean Rooms ML")
    box = found.locator(".jp-Dialog-content")
    expect(box.get_by_label("Algorithm name", exact=True)).to_have_value(ENTRY_ID)
    # No default role on this server: the server asks for one, on its field.
    role = box.get_by_label("IAM role ARN", exact=True)
    role.fill("arn:aws:iam::1:role/x")
    role.press("Tab")
    expect(role).to_have_attribute("aria-invalid", "true")
    role.fill(ROLE)
    expect(role).not_to_have_attribute("aria-invalid", "true")
    # The server's warning once it can plan the request: a DLC Clean Rooms cannot pull.
    warnings = box.get_by_role("group", name="Warnings")
    expect(warnings).to_contain_text("Deep Learning Container")
    warnings.scroll_into_view_if_needed()
    shot(box, artifacts_dir / "destinations-cleanrooms-warning-light.png")
    box.get_by_label("Also associate it with a collaboration").check()
    membership = box.get_by_label("Membership ID", exact=True)
    membership.fill(MEMBERSHIP.upper())
    membership.press("Tab")
    # The server's rule (a 36-character lowercase UUID), shown on the field.
    expect(membership).to_have_attribute("aria-invalid", "true")
    expect(box.locator(".sme-Field-error").first).to_be_visible()
    shot(box, artifacts_dir / "destinations-cleanrooms-invalid-light.png")
    assert fake_aws.received == []  # nothing sent to AWS while checking

    membership.fill(MEMBERSHIP)
    box.get_by_label("Accounts that may read container logs", exact=True).fill("111122223333")
    box.get_by_label("Metrics noise level", exact=True).select_option("LOW")
    expect(membership).not_to_have_attribute("aria-invalid", "true")
    shot(box, artifacts_dir / "destinations-cleanrooms-light.png")
    # Keyboard: Enter in a field is the dialog's Register.
    membership.press("Enter")
    expect(found).to_have_count(0, timeout=20_000)

    algorithm = one(fake_aws, "CreateConfiguredModelAlgorithm")
    assert algorithm["roleArn"] == ROLE
    assert algorithm["trainingContainerConfig"]["imageUri"] == training()["image"]["uri"]
    assert algorithm["trainingContainerConfig"]["metricDefinitions"] == training()["metrics"]
    assert algorithm["tags"]["shared-models:entry-id"] == ENTRY_ID
    assert algorithm["tags"]["shared-models:launched-by"] == "alice"
    (sent,) = fake_aws.operations("CreateConfiguredModelAlgorithmAssociation")
    assert sent.path == f"/memberships/{MEMBERSHIP}/configured-model-algorithm-associations"
    association = sent.body
    assert association["configuredModelAlgorithmArn"].startswith(
        "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-model-algorithm/"
    )
    trained = association["privacyConfiguration"]["policies"]["trainedModels"]
    assert trained["containerLogs"] == [{"allowedAccountIds": ["111122223333"]}]
    assert trained["containerMetrics"] == {"noiseLevel": "LOW"}

    # My launches opened on its own: both ARNs, each linked to the console.
    launches = region.get_by_role("list", name="My launches")
    items = launches.locator(".sme-Launch")
    expect(items).to_have_count(2)
    expect(launches).to_contain_text("Clean Rooms ML algorithm")
    expect(launches).to_contain_text("Clean Rooms ML association")
    expect(launches).to_contain_text(association["configuredModelAlgorithmArn"])
    links = launches.locator("a.sme-Launch-name")
    expect(links).to_have_count(2)
    for index in range(2):
        href = links.nth(index).get_attribute("href") or ""
        assert CONSOLE.match(href), href
        assert links.nth(index).get_attribute("target") == "_blank"
    shot(region, artifacts_dir / "destinations-launches-light.png")


def test_publish_to_a_new_hub_and_see_the_badge_on_the_card(
    ui: Page, lab: LabServer, fake_aws: FakeAwsDestinations, artifacts_dir: Path
) -> None:
    page = ui
    set_theme(page, DARK, light=False)
    region = open_panel(page)
    card(region).get_by_role("button", name="Publish to hub…", exact=True).click()
    found = dialog(page, f"Publish {TITLE} to a SageMaker private hub")
    box = found.locator(".jp-Dialog-content")
    hubs = box.get_by_role("group", name="Hub")
    existing = hubs.get_by_role("radio", name=re.compile("^Team models"))
    expect(existing).to_be_checked()
    # Keyboard: the arrow key moves to "Create hub".
    existing.press("ArrowDown")
    expect(hubs.get_by_role("radio", name="Create hub")).to_be_checked()
    name = box.get_by_label("Hub name", exact=True)
    name.fill("Research Hub")
    box.get_by_label("Hub description", exact=True).fill("Models for research")
    box.get_by_label("Search keywords", exact=True).fill("churn")
    page.locator(".jp-Dialog-footer").get_by_role("button", name="Publish").click()
    # The server's rule for hub names, on the field; nothing created.
    expect(name).to_have_attribute("aria-invalid", "true")
    shot(box, artifacts_dir / "destinations-hub-invalid-dark.png")
    assert fake_aws.operations("CreateHub") == []

    name.fill("research-hub")
    shot(box, artifacts_dir / "destinations-hub-dark.png")
    page.locator(".jp-Dialog-footer").get_by_role("button", name="Publish").click()
    expect(found).to_have_count(0, timeout=20_000)

    hub = one(fake_aws, "CreateHub")
    assert hub["HubName"] == "research-hub"
    assert hub["HubSearchKeywords"] == ["churn"]
    imported = one(fake_aws, "ImportHubContent")
    assert imported["HubName"] == "research-hub"
    assert imported["HubContentType"] == "Model"
    assert imported["HubContentName"] == ENTRY_ID
    document = json.loads(imported["HubContentDocument"])
    assert document["TrainingEcrUri"] == training()["image"]["uri"]
    assert document["HostingEcrUri"] == inference()["image"]["uri"]

    badge = card(region).locator(".sme-mod-hub")
    expect(badge).to_have_text(re.compile(r"^In hub research-hub · v\d"))
    shot(card(region), artifacts_dir / "destinations-card-dark.png")

    # Reloaded: the badge comes from GET /entries/{id}/hub-publications.
    open_lab(page, lab)
    region = open_panel(page)
    expect(card(region).locator(".sme-mod-hub")).to_have_text(
        re.compile(r"^In hub research-hub · v\d")
    )
    assert fake_aws.operations("DescribeHubContent")
    set_theme(page, LIGHT, light=True)
    shot(card(region), artifacts_dir / "destinations-card-light.png")
