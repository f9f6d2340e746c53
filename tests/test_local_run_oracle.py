"""The oracle: the SageMaker training toolkit itself, over a run tree the product made.

``sagemaker_training.environment.Environment`` reads ``input/config/*.json`` under
``SAGEMAKER_BASE_DIR`` and computes every variable and argument a SageMaker container
gives the entry point. Each run here dumps what the product gave its script; a fresh
subprocess per tree (the toolkit computes its paths at import) asks the toolkit, and
the two must agree variable by variable.

Deliberate differences, not compared: ``PYTHONPATH`` (the toolkit's is its own
interpreter's ``sys.path``; a local run gets ``code/`` in front of the server's) and
``PYTHONUNBUFFERED`` (set by the Deep Learning Containers, not by the toolkit).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ME, Client
from local_run_helpers import read_log, runnable_entry, start, wait_for, write_code

DUMP = """
import json, os, sys
with open(os.path.join(os.environ["SM_OUTPUT_DATA_DIR"], "seen.json"), "w") as f:
    json.dump({"env": dict(os.environ), "argv": sys.argv[1:]}, f)
"""

ORACLE = """
import json, os
from sagemaker_training import environment
env = environment.Environment()
print(json.dumps({
    "variables": env.to_env_vars(),
    "args": env.to_cmd_args(),
    "process": {
        k: os.environ.get(k) for k in ("CURRENT_HOST", "SAGEMAKER_JOB_NAME", "SAGEMAKER_REGION")
    },
}))
"""

HYPERPARAMETERS = [
    {"name": "epochs", "type": "integer", "min": 1, "max": 100, "default": "10"},
    {"name": "lr", "type": "continuous", "min": 1e-6, "max": 1, "default": "1e-05"},
    {"name": "optimizer", "type": "categorical", "values": ["adam", "sgd"], "default": "adam"},
    {"name": "flag", "type": "free-text", "default": "true"},
    {"name": "note", "type": "free-text", "default": "two words"},
    {"name": "layers", "type": "free-text", "default": '{"hidden": [64, 32], "drop": 0.1}'},
    {"name": "x", "type": "free-text", "default": "null"},
    {"name": "empty", "type": "free-text", "default": ""},
]


@pytest.fixture
def jp_server_config(clean_db: str, tmp_path: Path) -> dict[str, Any]:
    return {
        "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
        "SharedModelsApp": {
            "db_url": clean_db,
            "username": ME,
            "local_runs_dir": str(tmp_path / "runs"),
        },
    }


def toolkit(run_root: str, run_id: str) -> dict[str, Any]:
    env = {
        **os.environ,
        "SAGEMAKER_BASE_DIR": run_root,
        "SM_STUDIO_LOCAL_MODE": "true",
        "TRAINING_JOB_NAME": run_id,
    }
    done = subprocess.run(
        [sys.executable, "-c", ORACLE], env=env, capture_output=True, check=True, timeout=120
    )
    return json.loads(done.stdout.decode().strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize("isolation", [False, True], ids=["plain", "network-isolation"])
async def test_environment_is_the_toolkits_own(
    api: Client, jp_root_dir: Path, isolation: bool
) -> None:
    entry = await runnable_entry(
        api,
        hyperparameters=HYPERPARAMETERS,
        network_isolation=isolation,
        default_instance_type="ml.g5.2xlarge",
        environment={"LOG_LEVEL": "debug"},
    )
    code = write_code(Path(jp_root_dir), DUMP)
    run_id = await start(
        api,
        entry["id"],
        {"synthetic_rows": 5, "code": code, "hyperparameters": {"epochs": "3"}},
    )
    status = await wait_for(api, run_id)
    assert status["status"] == "completed", (status, await read_log(api, run_id))
    seen = json.loads((Path(status["run_root"]) / "output/data/seen.json").read_text())
    oracle = toolkit(status["run_root"], run_id)

    variables = oracle["variables"]
    assert len(variables) > 30
    for name, value in variables.items():
        assert seen["env"].get(name) == value, name
    for name, value in oracle["process"].items():
        assert seen["env"].get(name) == (value or ""), name
    assert seen["argv"] == oracle["args"]
    # Beyond the toolkit: the run root as SAGEMAKER_BASE_DIR, the job name, Clean Rooms
    # ML's FILE_FORMAT, and the entry's own environment.
    assert seen["env"]["SAGEMAKER_BASE_DIR"] == status["run_root"]
    assert seen["env"]["TRAINING_JOB_NAME"] == run_id
    assert seen["env"]["FILE_FORMAT"] == "csv"
    assert seen["env"]["LOG_LEVEL"] == "debug"
    channels = json.loads(seen["env"]["SM_CHANNELS"])
    assert channels == (["code", "train", "validation"] if isolation else ["train", "validation"])
    assert seen["env"]["SM_OUTPUT_DIR"] == os.path.join(status["run_root"], "output")


async def test_secrets_of_the_server_are_not_passed(
    api: Client, jp_root_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "hub-secret")
    monkeypatch.setenv("JUPYTER_TOKEN", "server-secret")
    entry = await runnable_entry(api)
    run_id = await start(
        api, entry["id"], {"synthetic_rows": 5, "code": write_code(Path(jp_root_dir), DUMP)}
    )
    status = await wait_for(api, run_id)
    seen = json.loads((Path(status["run_root"]) / "output/data/seen.json").read_text())
    assert "JUPYTERHUB_API_TOKEN" not in seen["env"]
    assert "JUPYTER_TOKEN" not in seen["env"]
    assert seen["env"]["PATH"] == os.environ["PATH"]
