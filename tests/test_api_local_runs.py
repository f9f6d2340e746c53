"""Local runs through the REST API on a real Jupyter server: real subprocesses, real
files, moto's server for S3. Every run's tree is a folder under ``local_runs_dir``."""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
import signal
import tarfile
from pathlib import Path
from typing import Any

import pytest
from conftest import ME, Client
from local_run_helpers import (
    CLEAN_ROOMS_SCRIPT,
    read_log,
    runnable_entry,
    start,
    tar_gz,
    wait_for,
    write_code,
)
from payloads import model, training


def running(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture
def runs_dir(tmp_path: Path) -> Path:
    return tmp_path / "runs"


@pytest.fixture
def jp_server_config(clean_db: str, runs_dir: Path) -> dict[str, Any]:
    return {
        "ServerApp": {"jpserver_extensions": {"shared_models_ext": True}},
        "SharedModelsApp": {
            "db_url": clean_db,
            "username": ME,
            "local_runs_dir": str(runs_dir),
            "local_runs_max_concurrent": 2,
            "local_runs_stop_grace_seconds": 2,
        },
    }


@pytest.fixture
def root(jp_root_dir: Path) -> Path:
    return Path(jp_root_dir)


async def test_clean_rooms_script_trains_on_synthetic_data(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    code = write_code(root, CLEAN_ROOMS_SCRIPT)
    run_id = await start(
        api,
        entry["id"],
        {"synthetic_rows": 500, "code": code, "hyperparameters": {"epochs": 3}},
    )
    status = await wait_for(api, run_id)
    assert status["status"] == "completed", (status, await read_log(api, run_id))
    assert status["exit_code"] == 0
    assert status["failure_reason"] is None
    assert [value for _, value in status["metrics"]["loss"]] == [1.0, 0.5, 0.3333]
    # model.tar.gz in the output path, laid out as SageMaker does: <out>/<run>/output/
    assert status["output_location"] == f"shared-models-runs/{run_id}/output"
    assert status["model_artifact"] == f"shared-models-runs/{run_id}/output/model.tar.gz"
    with tarfile.open(root / status["model_artifact"]) as archive:
        assert archive.getnames() == ["model.json"]
        trained = json.load(archive.extractfile("model.json"))  # type: ignore[arg-type]
    assert trained["rows"] == 500
    assert set(trained["means"]) >= {"a", "b"} or len(trained["means"]) >= 2
    with tarfile.open(root / status["output_artifact"]) as archive:
        assert archive.getnames() == ["report.txt"]
    # synthetic train and validation files with identical headers
    tree = Path(status["run_root"])
    train = (tree / "input/data/train/train.csv").read_text().splitlines()
    validation = (tree / "input/data/validation/validation.csv").read_text().splitlines()
    assert train[0] == validation[0] == "age,churn"
    assert len(train) == len(validation) == 501


async def test_the_example_script_learns_from_synthetic_data(api: Client, root: Path) -> None:
    """examples/churn-local: the loss falls, epoch after epoch, on synthetic rows."""
    example = Path(__file__).parent.parent / "examples" / "churn-local"
    shutil.copytree(example, root / "churn-local")
    entry = await runnable_entry(
        api,
        tabular={
            "columns": [
                {"name": "age", "type": "numeric"},
                {"name": "tenure", "type": "numeric"},
                {"name": "active", "type": "boolean"},
                {"name": "churn", "type": "boolean"},
            ],
            "target_column": "churn",
        },
    )
    run_id = await start(
        api,
        entry["id"],
        {
            "synthetic_rows": 2000,
            "code": "churn-local",
            "hyperparameters": {"epochs": "8", "lr": "0.5"},
        },
    )
    status = await wait_for(api, run_id)
    assert status["status"] == "completed", await read_log(api, run_id)
    losses = [value for _, value in status["metrics"]["loss"]]
    assert len(losses) == 8
    assert all(b < a for a, b in itertools.pairwise(losses))
    assert losses[-1] < 0.6


async def test_hyperparameters_json_is_the_launch_request_byte_for_byte(
    api: Client, root: Path
) -> None:
    entry = await runnable_entry(api)
    overrides = {"epochs": "7", "lr": "0.01", "optimizer": "sgd"}
    request = await api.get(
        f"entries/{entry['id']}/training-job-request",
        hyperparameters=json.dumps(overrides),
        role_arn="arn:aws:iam::123456789012:role/R",
    )
    assert request.status == 200, request.body
    run_id = await start(
        api,
        entry["id"],
        {
            "synthetic_rows": 10,
            "code": write_code(root, "print('ok')"),
            "hyperparameters": overrides,
        },
    )
    status = await wait_for(api, run_id)
    written = (Path(status["run_root"]) / "input/config/hyperparameters.json").read_bytes()
    assert written == json.dumps(request.body["HyperParameters"]).encode()
    assert json.loads(written)["sagemaker_program"] == "train.py"
    assert json.loads(written)["sagemaker_submit_directory"] == entry["training"]["script_uri"]
    assert status["hyperparameters"] == request.body["HyperParameters"]


async def test_run_tree_and_config_files(api: Client, root: Path) -> None:
    entry = await runnable_entry(api, default_instance_type="ml.g5.2xlarge")
    run_id = await start(
        api, entry["id"], {"synthetic_rows": 5, "code": write_code(root, "print('hi')")}
    )
    status = await wait_for(api, run_id)
    tree = Path(status["run_root"])
    assert tree.parent.name == "runs"
    assert tree.name == run_id
    for folder in (
        "input/config",
        "input/data/train",
        "input/data/validation",
        "code",
        "model",
        "output",
        "output/data",
        "output/intermediate",
        "checkpoints",
    ):
        assert (tree / folder).is_dir(), folder
    config = json.loads((tree / "input/config/inputdataconfig.json").read_text())
    assert config["train"] == {
        "TrainingInputMode": "File",
        "S3DistributionType": "FullyReplicated",
        "RecordWrapperType": "None",
        "ContentType": "text/csv",
    }
    resources = json.loads((tree / "input/config/resourceconfig.json").read_text())
    assert resources["current_host"] == "algo-1"
    assert resources["hosts"] == ["algo-1"]
    assert resources["current_instance_type"] == "ml.g5.2xlarge"
    assert resources["current_group_name"] == "homogeneousCluster"
    assert resources["network_interface_name"] == "eth0"
    assert resources["instance_groups"][0]["instance_type"] == "ml.g5.2xlarge"


async def test_metrics_are_seen_while_the_run_is_going(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    script = """
        import time
        for step in range(200):
            print(f"Loss = {1 / (step + 1)};", flush=True)
            time.sleep(0.02)
        time.sleep(30)
    """
    run_id = await start(api, entry["id"], {"synthetic_rows": 5, "code": write_code(root, script)})
    for _ in range(400):
        status = (await api.get(f"local-runs/{run_id}")).body
        if len(status["metrics"]["loss"]) >= 5:
            break
        await asyncio.sleep(0.05)
    assert status["status"] == "running"
    points = status["metrics"]["loss"]
    assert [v for _, v in points[:3]] == [1.0, 0.5, 1 / 3]
    assert all(isinstance(t, float) and t > 1.7e9 for t, _ in points)
    await api.post(f"local-runs/{run_id}/stop", {})
    assert (await wait_for(api, run_id))["status"] == "stopped"


async def test_failure_file_gives_its_first_1024_characters(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    script = """
        import os, sys
        with open(os.path.join(os.environ["SM_OUTPUT_DIR"], "failure"), "w") as f:
            f.write("".join(chr(65 + i % 26) for i in range(5000)))
        sys.exit(1)
    """
    run_id = await start(api, entry["id"], {"synthetic_rows": 5, "code": write_code(root, script)})
    status = await wait_for(api, run_id)
    assert status["status"] == "failed"
    assert status["exit_code"] == 1
    assert status["failure_reason"] == "".join(chr(65 + i % 26) for i in range(1024))


async def test_exit_code_and_stderr_without_a_failure_file(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    script = """
        import sys
        for i in range(3000):
            print(f"noise {i}", file=sys.stderr)
        print("ValueError: the last words", file=sys.stderr)
        sys.exit(3)
    """
    run_id = await start(api, entry["id"], {"synthetic_rows": 5, "code": write_code(root, script)})
    status = await wait_for(api, run_id)
    reason = status["failure_reason"]
    assert status["status"] == "failed"
    assert status["exit_code"] == 3
    assert reason.startswith("ExecuteUserScriptError:\nExitCode 3\nErrorMessage")
    assert "ValueError: the last words" in reason
    assert len(reason) <= 1024
    assert status["command"][1:] == [
        "--",
        "train.py",
        "--epochs",
        "10",
        "--lr",
        "0.001",
        "--note",
        "",
        "--optimizer",
        "adam",
    ]


async def test_stop_ends_the_whole_process_group(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    script = """
        import os, subprocess, time
        child = subprocess.Popen(["sleep", "300"])
        with open(os.path.join(os.environ["SM_OUTPUT_DATA_DIR"], "pids"), "w") as f:
            f.write(f"{os.getpid()} {child.pid}")
        print("started", flush=True)
        time.sleep(300)
    """
    run_id = await start(api, entry["id"], {"synthetic_rows": 5, "code": write_code(root, script)})
    status = await wait_for(api, run_id, ("running",))
    pids_file = Path(status["run_root"]) / "output/data/pids"
    for _ in range(200):
        if pids_file.exists() and pids_file.read_text():
            break
        await asyncio.sleep(0.05)
    script_pid, child_pid = map(int, pids_file.read_text().split())
    response = await api.post(f"local-runs/{run_id}/stop", {})
    assert response.status == 200
    status = await wait_for(api, run_id)
    assert status["status"] == "stopped"
    for _ in range(100):
        if not any(map(running, (script_pid, child_pid))):
            break
        await asyncio.sleep(0.05)
    assert not running(script_pid)
    assert not running(child_pid)


async def test_stop_escalates_to_sigkill_after_the_grace_period(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    script = """
        import signal, time
        signal.signal(signal.SIGTERM, lambda *_: print("ignoring SIGTERM", flush=True))
        print("ready", flush=True)
        while True:
            time.sleep(0.1)
    """
    run_id = await start(api, entry["id"], {"synthetic_rows": 5, "code": write_code(root, script)})
    while "ready" not in (await api.get(f"local-runs/{run_id}/log")).body["text"]:
        await asyncio.sleep(0.05)
    await api.post(f"local-runs/{run_id}/stop", {})
    status = await wait_for(api, run_id, timeout=10)
    assert status["status"] == "stopped"
    assert status["exit_code"] == -signal.SIGKILL
    assert "ignoring SIGTERM" in await read_log(api, run_id)


async def test_log_is_read_from_offsets_without_rereading(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    script = """
        for i in range(20000):
            print(f"line {i} é")
    """
    run_id = await start(api, entry["id"], {"synthetic_rows": 5, "code": write_code(root, script)})
    await wait_for(api, run_id)
    text = await read_log(api, run_id)
    lines = [line for line in text.splitlines() if line.startswith("line ")]
    assert lines == [f"line {i} é" for i in range(20000)]
    assert "[shared-models]" in text  # what was staged and the command line
    first = (await api.get(f"local-runs/{run_id}/log", offset=0)).body
    assert len(first["text"].encode()) <= 256 * 1024
    assert first["complete"] is False
    assert first["more"] is True  # read again now: the rest is there already
    size = len(text.encode())
    last = (await api.get(f"local-runs/{run_id}/log", offset=size - 10)).body
    assert (last["next_offset"], last["complete"], last["more"]) == (size, True, False)
    end = (await api.get(f"local-runs/{run_id}/log", offset=size)).body
    assert end == {
        "offset": size,
        "next_offset": size,
        "text": "",
        "complete": True,
        "more": False,
    }


async def test_s3_channel_from_moto(api: Client, root: Path, aws: Any) -> None:
    aws.create_bucket(Bucket="team-bucket")
    aws.put_object(Bucket="team-bucket", Key="data/train/part-1.csv", Body=b"age,churn\n1,a\n")
    aws.put_object(Bucket="team-bucket", Key="data/train/more/part-2.csv", Body=b"age,churn\n")
    entry = await runnable_entry(api)
    script = """
        import os
        for folder, _, files in sorted(os.walk(os.environ["SM_CHANNEL_TRAIN"])):
            for name in sorted(files):
                path = os.path.join(folder, name)
                print("found", os.path.relpath(path, os.environ["SM_CHANNEL_TRAIN"]))
    """
    run_id = await start(
        api,
        entry["id"],
        {"channels": {"validation": "synthetic"}, "code": write_code(root, script)},
    )
    status = await wait_for(api, run_id)
    assert status["status"] == "completed", status
    log = await read_log(api, run_id)
    assert "found part-1.csv" in log
    assert "found more/part-2.csv" in log


async def test_s3_data_over_the_cap_fails_before_downloading(
    jp_serverapp: Any, api: Client, root: Path, aws: Any
) -> None:
    aws.create_bucket(Bucket="team-bucket")
    aws.put_object(Bucket="team-bucket", Key="data/train/big.csv", Body=b"x" * 5000)
    services = jp_serverapp.web_app.settings["shared_models"]
    services.local_runs.settings.max_download_bytes = 1000
    entry = await runnable_entry(api)
    run_id = await start(
        api,
        entry["id"],
        {"channels": {"validation": "synthetic"}, "code": write_code(root, "print(1)")},
    )
    status = await wait_for(api, run_id)
    assert status["status"] == "failed"
    assert "5,000 bytes" in status["failure_reason"]
    assert "local_runs_max_download_bytes" in status["failure_reason"]
    assert not list((Path(status["run_root"]) / "input/data/train").iterdir())


async def test_workspace_folder_channel(api: Client, root: Path) -> None:
    (root / "data/train").mkdir(parents=True)
    (root / "data/train/rows.csv").write_text("age,churn\n3,b\n")
    entry = await runnable_entry(api)
    script = """
        import os
        print(open(os.path.join(os.environ["SM_CHANNEL_TRAIN"], "rows.csv")).read())
    """
    run_id = await start(
        api,
        entry["id"],
        {
            "channels": {"train": "data/train", "validation": "synthetic"},
            "code": write_code(root, script),
        },
    )
    assert (await wait_for(api, run_id))["status"] == "completed"
    assert "3,b" in await read_log(api, run_id)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("../outside", "inside the workspace"),
        ("/etc", "inside the workspace"),
        ("escape", "outside the workspace"),
        ("missing", "not a folder"),
    ],
)
async def test_workspace_channel_outside_the_root_is_refused(
    api: Client, root: Path, runs_dir: Path, tmp_path: Path, source: str, message: str
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir(exist_ok=True)
    if not (root / "escape").exists():
        (root / "escape").symlink_to(outside)
    entry = await runnable_entry(api)
    response = await api.post(
        f"entries/{entry['id']}/local-runs",
        {"channels": {"train": source}, "code": write_code(root, "print(1)")},
    )
    assert response.status == 400, response.body
    detail = response.error["details"][0]
    assert detail["loc"] == ["channels", "train"]
    assert message in detail["msg"]
    assert not runs_dir.exists() or not list(runs_dir.iterdir())  # nothing half-created


async def test_unknown_channel_and_synthetic_for_a_non_tabular_model(
    api: Client, root: Path
) -> None:
    entry = await api.create(
        model("Text model", data_type="text", task="text-generation", training=training())
    )
    response = await api.post(
        f"entries/{entry['id']}/local-runs",
        {"channels": {"train": "synthetic", "nope": "data"}},
    )
    assert response.status == 400
    locs = {tuple(d["loc"]): d["msg"] for d in response.error["details"]}
    assert "column format" in locs[("channels", "train")]
    assert "not a channel" in locs[("channels", "nope")]


async def test_tar_with_parent_members_is_refused(api: Client, root: Path) -> None:
    (root / "bundle.tar.gz").write_bytes(
        tar_gz({"train.py": b"print(1)\n", "../escaped.txt": b"no"})
    )
    entry = await runnable_entry(api)
    run_id = await start(api, entry["id"], {"synthetic_rows": 5, "code": "bundle.tar.gz"})
    status = await wait_for(api, run_id)
    assert status["status"] == "failed"
    assert "'../escaped.txt'" in status["failure_reason"]
    assert "outside code/" in status["failure_reason"]
    tree = Path(status["run_root"])
    assert not (tree / "escaped.txt").exists()
    assert not (tree / "code/train.py").exists()  # refused whole


async def test_tar_from_s3_is_extracted_into_code(api: Client, root: Path, aws: Any) -> None:
    aws.create_bucket(Bucket="team-bucket")
    aws.put_object(
        Bucket="team-bucket",
        Key="code/sourcedir.tar.gz",
        Body=tar_gz(
            {
                "train.py": b"import helper\nhelper.go()\n",
                "helper.py": b"def go():\n    print('from s3')\n",
            }
        ),
    )
    entry = await runnable_entry(api)
    run_id = await start(api, entry["id"], {"synthetic_rows": 5})
    status = await wait_for(api, run_id)
    assert status["status"] == "completed", status
    assert "from s3" in await read_log(api, run_id)


async def test_out_of_range_hyperparameter_gives_the_launch_details(
    api: Client, root: Path
) -> None:
    entry = await runnable_entry(api)
    overrides = {"epochs": "1000", "optimizer": "rmsprop", "unknown": "1"}
    local = await api.post(
        f"entries/{entry['id']}/local-runs",
        {"hyperparameters": overrides, "code": write_code(root, "print(1)")},
    )
    launch = await api.post(
        f"entries/{entry['id']}/training-jobs",
        {"hyperparameters": overrides, "role_arn": "arn:aws:iam::123456789012:role/R"},
    )
    assert local.status == launch.status == 400
    assert local.error["details"] == launch.error["details"]
    assert {tuple(d["loc"]) for d in local.error["details"]} == {
        ("hyperparameters", "epochs"),
        ("hyperparameters", "optimizer"),
        ("hyperparameters", "unknown"),
    }


async def test_dry_run_checks_and_starts_nothing(api: Client, root: Path, runs_dir: Path) -> None:
    entry = await runnable_entry(api)
    ok = await api.post(
        f"entries/{entry['id']}/local-runs",
        {"synthetic_rows": 5, "code": write_code(root, "print(1)")},
        params={"dry_run": "true"},
    )
    assert ok.status == 200
    assert ok.body == {"ok": True}
    bad = await api.post(
        f"entries/{entry['id']}/local-runs",
        {"hyperparameters": {"epochs": "0"}},
        params={"dry_run": "true"},
    )
    assert bad.status == 400
    assert bad.error["details"][0]["loc"] == ["hyperparameters", "epochs"]
    assert not runs_dir.exists() or not list(runs_dir.iterdir())
    assert (await api.get("local-runs")).body["items"] == []


async def test_concurrency_cap(api: Client, root: Path, runs_dir: Path) -> None:
    entry = await runnable_entry(api)
    body = {"synthetic_rows": 5, "code": write_code(root, "import time\ntime.sleep(60)\n")}
    first = await start(api, entry["id"], body)
    second = await start(api, entry["id"], body)
    refused = await api.post(f"entries/{entry['id']}/local-runs", body)
    assert refused.status == 409
    assert "local_runs_max_concurrent" in refused.error["message"]
    assert len(list(runs_dir.iterdir())) == 2  # nothing half-created
    for run_id in (first, second):
        await api.post(f"local-runs/{run_id}/stop", {})
        await wait_for(api, run_id)
    await start(api, entry["id"], body)  # a slot is free again


async def test_list_delete_and_my_launches(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    code = write_code(root, "print(1)")
    runs = []
    for _ in range(3):
        runs.append(await start(api, entry["id"], {"synthetic_rows": 5, "code": code}))
        await wait_for(api, runs[-1])
    page = (await api.get("local-runs", limit=2)).body
    assert [item["run_id"] for item in page["items"]] == runs[::-1][:2]
    rest = (await api.get("local-runs", limit=2, cursor=page["next_cursor"])).body
    assert [item["run_id"] for item in rest["items"]] == runs[:1]
    launches = (await api.get("launches", kind="local-run")).body["items"]
    assert [launch["name"] for launch in launches] == runs[::-1]
    assert launches[0]["region"] == "local"
    tree = Path((await api.get(f"local-runs/{runs[0]}")).body["run_root"])
    assert (await api.delete(f"local-runs/{runs[0]}")).status == 204
    assert not tree.exists()
    assert (await api.get(f"local-runs/{runs[0]}")).status == 404
    assert runs[0] not in [i["run_id"] for i in (await api.get("local-runs")).body["items"]]


async def test_delete_refused_while_running(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    run_id = await start(
        api,
        entry["id"],
        {"synthetic_rows": 5, "code": write_code(root, "import time\ntime.sleep(60)")},
    )
    response = await api.delete(f"local-runs/{run_id}")
    assert response.status == 409
    await api.post(f"local-runs/{run_id}/stop", {})
    await wait_for(api, run_id)


async def test_runs_belong_to_who_started_them(api: Client, root: Path, as_user: Any) -> None:
    entry = await runnable_entry(api)
    run_id = await start(
        api, entry["id"], {"synthetic_rows": 5, "code": write_code(root, "print(1)")}
    )
    await wait_for(api, run_id)
    bob = as_user("bob")
    for method, path in (
        ("GET", f"local-runs/{run_id}"),
        ("GET", f"local-runs/{run_id}/log"),
        ("POST", f"local-runs/{run_id}/stop"),
        ("DELETE", f"local-runs/{run_id}"),
    ):
        response = await bob.request(method, path)
        assert response.status == 404, (method, path)
    assert (await api.get(f"local-runs/{run_id}")).status == 200


async def test_unknown_run_ids(api: Client) -> None:
    for run_id in ("nope", "..", "a" * 70, "x%2F..%2Fy"):
        response = await api.get(f"local-runs/{run_id}")
        assert response.status == 404, run_id
        assert response.error["code"] == "not_found"


async def test_requirements_are_reported_and_installed_only_when_asked(
    api: Client, root: Path
) -> None:
    entry = await runnable_entry(api)
    code = write_code(root, "print('ran')")
    (root / code / "requirements.txt").write_text("anyio\n")
    run_id = await start(api, entry["id"], {"synthetic_rows": 5, "code": code})
    status = await wait_for(api, run_id)
    assert status["requirements_txt"] is True
    assert status["requirements_installed"] is False
    assert "requirements.txt; it was not installed" in await read_log(api, run_id)
    run_id = await start(
        api, entry["id"], {"synthetic_rows": 5, "code": code, "install_requirements": True}
    )
    status = await wait_for(api, run_id, timeout=120)
    assert status["status"] == "completed", status
    assert status["requirements_installed"] is True
    log = await read_log(api, run_id)
    assert "pip install -r requirements.txt" in log
    assert "Requirement already satisfied: anyio" in log


async def test_python_from_a_kernelspec(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    code = write_code(root, "import sys\nprint('python is', sys.executable)")
    run_id = await start(api, entry["id"], {"synthetic_rows": 5, "code": code, "python": "python3"})
    status = await wait_for(api, run_id)
    assert status["status"] == "completed"
    assert status["python"] == "python3"
    assert "python is" in await read_log(api, run_id)
    bad = await api.post(
        f"entries/{entry['id']}/local-runs", {"synthetic_rows": 5, "code": code, "python": "nope"}
    )
    assert bad.status == 400
    assert bad.error["details"][0]["loc"] == ["python"]


async def test_output_to_s3(api: Client, root: Path, aws: Any) -> None:
    aws.create_bucket(Bucket="out-bucket")
    entry = await runnable_entry(api)
    script = """
        import os
        open(os.path.join(os.environ["SM_MODEL_DIR"], "weights.bin"), "wb").write(b"w")
    """
    run_id = await start(
        api,
        entry["id"],
        {"synthetic_rows": 5, "code": write_code(root, script), "output": "s3://out-bucket/runs/"},
    )
    status = await wait_for(api, run_id)
    assert status["status"] == "completed", status
    key = f"runs/{run_id}/output/model.tar.gz"
    assert status["model_artifact"] == f"s3://out-bucket/{key}"
    assert aws.head_object(Bucket="out-bucket", Key=key)["ContentLength"] > 0


async def test_synthetic_data_into_the_workspace(api: Client, root: Path) -> None:
    entry = await runnable_entry(api)
    (root / "data").mkdir()
    body = {"rows": 100, "seed": 7, "directory": "data"}
    first = await api.post(f"entries/{entry['id']}/synthetic-data", body)
    assert first.status == 201, first.body
    assert first.body == {
        "path": f"data/{entry['id']}-synthetic.csv",
        "rows": 100,
        "columns": ["age", "churn"],
    }
    again = await api.post(f"entries/{entry['id']}/synthetic-data", body)
    assert again.body["path"] == f"data/{entry['id']}-synthetic-1.csv"
    assert (root / first.body["path"]).read_bytes() == (root / again.body["path"]).read_bytes()
    lines = (root / first.body["path"]).read_text().splitlines()
    assert lines[0] == "age,churn"
    assert len(lines) == 101
    outside = await api.post(
        f"entries/{entry['id']}/synthetic-data", {"rows": 5, "directory": "../x"}
    )
    assert outside.status == 400
    assert outside.error["details"][0]["loc"] == ["directory"]
    text = await api.create(
        model("Text", data_type="text", task="text-generation", training=training())
    )
    refused = await api.post(f"entries/{text['id']}/synthetic-data", {"rows": 5})
    assert refused.status == 400
    assert refused.error["details"][0]["loc"] == ["training", "tabular"]
    too_many = await api.post(f"entries/{entry['id']}/synthetic-data", {"rows": 10**7})
    assert too_many.status == 400
    assert too_many.error["details"][0]["loc"] == ["rows"]
