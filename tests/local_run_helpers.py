"""Helpers of the local-run tests: entries whose code is in the workspace, scripts, waits."""

from __future__ import annotations

import asyncio
import io
import tarfile
import textwrap
import time
from pathlib import Path
from typing import Any

from conftest import Client
from payloads import model, training

FINAL = ("completed", "failed", "stopped")

# A Clean Rooms ML style training script: argparse defaults from the SM_* variables,
# FILE_FORMAT, a tiny pure-Python model (per-class feature means) trained on the
# channel's CSV, saved into SM_MODEL_DIR; "Loss = x;" lines for the metric regex.
CLEAN_ROOMS_SCRIPT = textwrap.dedent(
    """
    import argparse, csv, glob, json, os

    parser = argparse.ArgumentParser()
    parser.add_argument("--model_dir", default=os.environ["SM_MODEL_DIR"])
    parser.add_argument("--output_dir", default=os.environ["SM_OUTPUT_DIR"])
    parser.add_argument("--train_dir", default=os.environ["SM_CHANNEL_TRAIN"])
    parser.add_argument("--train_file_format", default=os.environ["FILE_FORMAT"])
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--optimizer", default="adam")
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    assert args.train_file_format == "csv"
    rows = []
    for path in sorted(glob.glob(os.path.join(args.train_dir, "*.csv"))):
        with open(path, newline="") as f:
            rows.extend(csv.DictReader(f))
    means = {}
    for row in rows:
        means.setdefault(row["churn"], []).append(float(row["age"]))
    model = {label: sum(v) / len(v) for label, v in means.items()}
    for epoch in range(args.epochs):
        print(f"epoch {epoch} Loss = {1.0 / (epoch + 1):.4f};", flush=True)
    with open(os.path.join(args.model_dir, "model.json"), "w") as f:
        json.dump({"rows": len(rows), "means": model}, f)
    with open(os.path.join(os.environ["SM_OUTPUT_DATA_DIR"], "report.txt"), "w") as f:
        f.write("trained")
    """
)


def write_code(root: Path, script: str, folder: str = "code", name: str = "train.py") -> str:
    """Put ``script`` in a workspace folder; the workspace path of that folder."""
    target = root / folder
    target.mkdir(parents=True, exist_ok=True)
    (target / name).write_text(textwrap.dedent(script))
    return folder


def tar_gz(members: dict[str, bytes]) -> bytes:
    """A .tar.gz holding ``members`` (names taken as given, ``../`` included)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


async def runnable_entry(
    owner: Client, title: str = "Churn local", **overrides: Any
) -> dict[str, Any]:
    """A tabular model (columns age, churn) with training and channels train/validation."""
    defaults: dict[str, Any] = {
        "network_isolation": False,
        "channels": [
            {"name": "train", "uri": "s3://team-bucket/data/train/"},
            {"name": "validation", "uri": "s3://team-bucket/data/validation/"},
        ],
        "metrics": [{"name": "loss", "regex": "Loss = (.*?);"}],
        "tabular": {
            "columns": [
                {"name": "age", "type": "numeric"},
                {"name": "churn", "type": "categorical"},
            ],
            "target_column": "churn",
        },
    }
    spec = training(**{**defaults, **overrides})
    return await owner.create(model(title, training=spec))


async def start(client: Client, entry_id: str, body: dict[str, Any]) -> str:
    response = await client.post(f"entries/{entry_id}/local-runs", body)
    assert response.status == 201, response.body
    assert response.body["status"] == "running"
    return str(response.body["run_id"])


async def wait_for(
    client: Client, run_id: str, statuses: tuple[str, ...] = FINAL, timeout: float = 60
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        response = await client.get(f"local-runs/{run_id}")
        assert response.status == 200, response.body
        if response.body["status"] in statuses:
            return response.body  # type: ignore[no-any-return]
        assert time.monotonic() < deadline, f"run still {response.body['status']}"
        await asyncio.sleep(0.05)


async def read_log(client: Client, run_id: str) -> str:
    """The whole log, read the way a client follows it (from each next_offset)."""
    text, offset = "", 0
    while True:
        response = await client.get(f"local-runs/{run_id}/log", offset=offset)
        assert response.status == 200, response.body
        assert response.body["offset"] == offset
        text += response.body["text"]
        offset = response.body["next_offset"]
        if response.body["complete"]:
            return text
        if not response.body["text"]:
            await asyncio.sleep(0.05)
