"""Run locally in a real JupyterLab: the dialog, the run view (live log and
chart), Stop, and the runs in My launches.

The entry's training code is a ``sourcedir.tar.gz`` holding ``train.py`` in
moto's S3 (its script location); the long-running script of the Stop test is
a workspace folder typed into the dialog's Code field. Screenshots land in
``ui_tests/artifacts/local-run-*.png``.
"""

from __future__ import annotations

import io
import re
import tarfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from catalog_seed import DLC_IMAGE, clear, clear_launches, create, model, open_catalog, share
from conftest import LabServer, S3Server, open_dialog, panel_region, set_theme, sidebar_tab
from playwright.sync_api import Locator, Page, expect

TITLE = "Local churn"
ENTRY_ID = "local-churn"
BUCKET = "team-bucket"
CODE_KEY = "code/sourcedir.tar.gz"
LIGHT = "JupyterLab Light"
DARK = "JupyterLab Dark"
RUN_ID = re.compile(rf"{ENTRY_ID}-\d{{8}}-\d{{6}}-\d{{3}}")

# Falls over about six seconds, one flushed line at a time.
TRAIN_PY = textwrap.dedent(
    """\
    import os
    import pathlib
    import time

    train = os.environ["SM_CHANNEL_TRAIN"]
    files = sorted(os.listdir(train))
    with open(os.path.join(train, files[0])) as data:
        rows = sum(1 for _ in data) - 1
    print(f"read {rows} rows of {files[0]}", flush=True)
    loss = 1.0
    for epoch in range(12):
        loss *= 0.8
        print(f"epoch {epoch}: Loss = {loss:.4f};", flush=True)
        time.sleep(0.5)
    pathlib.Path(os.environ["SM_MODEL_DIR"], "model.txt").write_text(str(loss))
    print("saved the model", flush=True)
    """
)

# Runs until it is stopped.
SLOW_TRAIN_PY = textwrap.dedent(
    """\
    import itertools
    import time

    for step in itertools.count():
        print(f"step {step}: Loss = {1 / (step + 1):.4f};", flush=True)
        time.sleep(0.2)
    """
)

# About 50,000 lines a second for four seconds.
FAST_TRAIN_PY = textwrap.dedent(
    """\
    import sys
    import time

    line = 0
    for _ in range(200):
        started = time.monotonic()
        sys.stdout.write("".join(f"line {line + i} of the fast log\\n" for i in range(1000)))
        sys.stdout.flush()
        line += 1000
        time.sleep(max(0.0, 0.02 - (time.monotonic() - started)))
    print(f"done after {line} lines", flush=True)
    """
)


def training() -> dict[str, object]:
    return {
        "image": {"source": "dlc", "uri": DLC_IMAGE},
        "environment": {},
        "script_uri": f"s3://{BUCKET}/{CODE_KEY}",
        "entry_point": "train.py",
        "artifacts_uri": None,
        "training_data_uri": f"s3://{BUCKET}/data/train/",
        "validation_data_uri": f"s3://{BUCKET}/data/validation/",
        "output_path": f"s3://{BUCKET}/output/",
        "network_isolation": False,
        "channels": [
            {"name": "train", "uri": f"s3://{BUCKET}/data/train/"},
            {"name": "validation", "uri": f"s3://{BUCKET}/data/validation/"},
        ],
        "hyperparameters": [
            {"name": "epochs", "type": "integer", "min": 1, "max": 50, "default": "12"},
        ],
        "instance_types": ["ml.m5.xlarge", "ml.g5.2xlarge"],
        "default_instance_type": "ml.m5.xlarge",
        "metrics": [{"name": "loss", "regex": "Loss = (.*?);"}],
        "tabular": {
            "columns": [
                {"name": "age", "type": "numeric"},
                {"name": "plan", "type": "categorical"},
                {"name": "churn", "type": "categorical"},
            ],
            "target_column": "churn",
        },
    }


def source_tarball(script: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = script.encode()
        member = tarfile.TarInfo("train.py")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))
    return buffer.getvalue()


@pytest.fixture
def catalog(lab_server: LabServer, s3_server: S3Server) -> Iterator[None]:
    """A tabular model with training (two channels, a loss metric), its code in S3."""
    s3_server.reset()
    s3 = s3_server.client()
    s3.create_bucket(Bucket=BUCKET)
    s3.put_object(Bucket=BUCKET, Key=CODE_KEY, Body=source_tarball(TRAIN_PY))
    slow = lab_server.root_dir / "slow-code"
    slow.mkdir(exist_ok=True)
    (slow / "train.py").write_text(SLOW_TRAIN_PY)
    fast = lab_server.root_dir / "fast-code"
    fast.mkdir(exist_ok=True)
    (fast / "train.py").write_text(FAST_TRAIN_PY)
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
            ),
        )
    finally:
        service.close()
    yield
    clear(lab_server.db_url)
    clear_launches(lab_server.db_url)
    s3_server.reset()


@pytest.fixture(autouse=True)
def no_page_errors(console_errors: list[str]) -> Iterator[None]:
    yield
    errors = [error for error in console_errors if "Failed to load resource" not in error]
    assert errors == []


def open_panel(page: Page) -> Locator:
    sidebar_tab(page).click()
    region = panel_region(page)
    expect(region).to_be_visible()
    return region


def run_locally(page: Page, region: Locator) -> Locator:
    card = region.get_by_role("article", name=TITLE, exact=True)
    card.get_by_role("button", name="Run locally", exact=True).click()
    return open_dialog(page, f"Run {TITLE} locally")


def shot(locator: Locator, path: Path) -> None:
    locator.screenshot(
        path=path, caret="hide", animations="disabled", style=".Toastify { display: none; }"
    )


def run_view(page: Page) -> Locator:
    """The local run view in the main area (the active one)."""
    view = page.locator("#jp-main-dock-panel .sme-LaunchView").filter(
        has=page.get_by_text("Local run", exact=True)
    )
    expect(view).to_have_count(1)
    return view


@pytest.mark.usefixtures("catalog")
def test_run_locally_with_synthetic_data(lab_page: Page, artifacts_dir: Path) -> None:
    page = lab_page
    region = open_panel(page)
    dialog = run_locally(page, region)
    expect(
        dialog.get_by_label("Instance type (sets SM_CURRENT_INSTANCE_TYPE only)", exact=True)
    ).to_have_value("ml.m5.xlarge")
    expect(dialog.get_by_label("epochs", exact=True)).to_have_value("12")
    for channel in ("train", "validation"):
        sources = dialog.get_by_role("radiogroup", name=f"Source of channel {channel}")
        expect(sources.get_by_role("radio", name="Synthetic rows")).to_be_checked()
        expect(sources).to_contain_text(f"s3://{BUCKET}/data/{channel}/")
    expect(dialog.get_by_label("Rows", exact=True)).to_have_value("1000")
    expect(dialog.get_by_label("Python environment", exact=True)).to_have_value("")
    expect(dialog.get_by_label("Output folder", exact=True)).to_have_value("shared-models-runs")
    shot(dialog.locator(".jp-Dialog-content"), artifacts_dir / "local-run-dialog-light.png")
    dialog.get_by_role("button", name="Start local run").click()
    expect(dialog).to_be_hidden()

    tab = page.locator("#jp-main-dock-panel").get_by_role("tab", name=re.compile("^Local run "))
    expect(tab).to_be_visible()
    view = run_view(page)
    run_id = view.locator("h1").inner_text()
    assert RUN_ID.fullmatch(run_id), run_id

    log = view.get_by_role("log", name="Log")
    expect(log).to_contain_text("read 1000 rows of train.csv", timeout=30_000)
    expect(log).to_contain_text("Loss = ")
    chart = view.get_by_role("img", name="Chart of loss")
    expect(chart.locator("canvas")).to_have_count(1)
    heading = view.get_by_role("heading", name=re.compile(r"^loss\s*[0-9.]+$"))
    expect(heading).to_be_visible(timeout=30_000)

    status = view.get_by_role("status").first
    expect(status).to_contain_text("Completed", timeout=30_000)
    expect(log).to_contain_text("saved the model")
    expect(heading).to_have_text(re.compile(r"0\.0687"))
    expect(view).to_contain_text(f"{run_id}/output/model.tar.gz")
    expect(view.get_by_role("button", name="Open output folder")).to_be_visible()
    expect(view.get_by_role("button", name="Stop")).to_be_disabled()
    content = page.locator("#jp-main-dock-panel .sme-LaunchViewContent:visible")
    page.set_viewport_size({"width": 1280, "height": 1500})  # the whole view
    shot(content, artifacts_dir / "local-run-view-light.png")
    set_theme(page, DARK, light=False)
    try:
        expect(heading).to_be_visible()
        shot(content, artifacts_dir / "local-run-view-dark.png")
    finally:
        set_theme(page, LIGHT, light=True)
        page.set_viewport_size({"width": 1280, "height": 800})

    # The output folder opens in the file browser.
    view.get_by_role("button", name="Open output folder").click()
    expect(page.locator(".jp-FileBrowser .jp-BreadCrumbs")).to_contain_text(run_id)

    # My launches lists the run, completed.
    region = open_panel(page)
    launches = region.get_by_role("list", name="My launches").get_by_role("listitem")
    expect(launches).to_have_count(1)
    expect(launches.first).to_contain_text("Local run")
    expect(launches.first).to_contain_text("Completed", timeout=15_000)
    shot(region, artifacts_dir / "local-run-my-launches-light.png")


@pytest.mark.usefixtures("catalog")
def test_stop_a_long_run(lab_page: Page, lab_server: LabServer, artifacts_dir: Path) -> None:
    page = lab_page
    region = open_panel(page)
    dialog = run_locally(page, region)
    dialog.get_by_label("Code", exact=True).fill("slow-code")
    dialog.get_by_role("button", name="Start local run").click()
    expect(dialog).to_be_hidden()

    view = run_view(page)
    status = view.get_by_role("status").first
    expect(status).to_contain_text("Running", timeout=30_000)
    log = view.get_by_role("log", name="Log")
    expect(log).to_contain_text("step 3: Loss = ", timeout=30_000)
    shot(
        page.locator("#jp-main-dock-panel .sme-LaunchViewContent:visible"),
        artifacts_dir / "local-run-running-light.png",
    )

    view.get_by_role("button", name="Stop", exact=True).click()
    confirm = page.get_by_role("dialog").filter(has_text="Stop local run")
    confirm.get_by_role("button", name="Stop run").click()
    expect(status).to_contain_text("Stopped", timeout=30_000)
    expect(view.get_by_role("button", name="Stop", exact=True)).to_be_disabled()
    run_id = view.locator("h1").inner_text()

    # After a reload the layout restorer opens the view again.
    page.goto(lab_server.url(f"lab?token={lab_server.token}"))
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=60_000)
    tab = page.locator("#jp-main-dock-panel").get_by_role("tab", name=f"Local run {run_id}")
    expect(tab).to_be_visible()
    tab.click()
    expect(run_view(page).get_by_role("status").first).to_contain_text("Stopped")


@pytest.mark.usefixtures("catalog")
def test_a_fast_log_keeps_the_page_responsive(lab_page: Page) -> None:
    page = lab_page
    region = open_panel(page)
    dialog = run_locally(page, region)
    dialog.get_by_label("Code", exact=True).fill("fast-code")
    dialog.get_by_role("button", name="Start local run").click()
    expect(dialog).to_be_hidden()

    view = run_view(page)
    log = view.get_by_role("log", name="Log")
    expect(log).to_contain_text("of the fast log", timeout=30_000)
    # The longest gap between animation frames while the log pours in.
    page.evaluate(
        """() => {
            window.__smeLongestFrame = 0;
            let last = performance.now();
            const frame = now => {
                window.__smeLongestFrame = Math.max(window.__smeLongestFrame, now - last);
                last = now;
                if (!window.__smeStopFrames) requestAnimationFrame(frame);
            };
            requestAnimationFrame(frame);
        }"""
    )
    expect(view.get_by_role("status").first).to_contain_text("Completed", timeout=60_000)
    expect(log).to_contain_text("done after 200000 lines", timeout=30_000)
    longest = page.evaluate(
        "() => { window.__smeStopFrames = true; return window.__smeLongestFrame; }"
    )
    lines = log.evaluate("node => node.textContent.split('\\n').length - 1")
    assert lines <= 5000, lines
    assert longest < 1000, f"the page stalled for {longest:.0f} ms"
    # The view followed the tail.
    at_end = log.evaluate("n => n.scrollHeight - n.scrollTop - n.clientHeight <= 8")
    assert at_end
    print(f"longest frame: {longest:.0f} ms; lines in the DOM: {lines}")
