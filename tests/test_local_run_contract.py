"""The pure parts of a local run: metric extraction, the entry point's command line,
failure reasons, log slicing. The toolkit itself checks the environment
(``test_local_run_oracle.py``)."""

from __future__ import annotations

import itertools

import pytest

from shared_models_ext.training import contract
from shared_models_ext.training.entry_point import (
    entry_point_command,
    entry_point_problem,
    failure_reason,
    toolkit_failure_reason,
)
from shared_models_ext.training.metrics import MetricExtractor, Series


def test_metric_regexes_apply_to_every_line_as_sagemaker_does() -> None:
    extractor = MetricExtractor({"loss": "Loss = (.*?);", "acc": r"acc=([0-9.]+)"})
    points = extractor.feed(
        ["Loss = 0.5; acc=0.9", "nothing here", "Loss = nan?;", "Loss = 1e-3;", "acc=x"], 10.0
    )
    assert points == [("loss", (10.0, 0.5)), ("acc", (10.0, 0.9)), ("loss", (10.0, 0.001))]
    assert extractor.snapshot() == {"loss": [(10.0, 0.5), (10.0, 0.001)], "acc": [(10.0, 0.9)]}


def test_a_capture_that_is_not_a_finite_number_is_skipped() -> None:
    extractor = MetricExtractor({"loss": "Loss = (.*?);"})
    extractor.feed(["Loss = inf;", "Loss = abc;", "Loss = ;", "Loss =  2 ;"], 1.0)
    assert extractor.snapshot() == {"loss": [(1.0, 2.0)]}


def test_long_series_are_thinned_evenly_and_stay_bounded() -> None:
    series = Series(max_points=100)
    for i in range(10_000):
        series.add((float(i), float(i)))
    assert len(series) <= 100
    values = [v for _, v in series.points]
    assert values[0] == 0.0
    gaps = {b - a for a, b in itertools.pairwise(values)}
    assert len(gaps) == 1  # evenly spaced
    assert values[-1] > 9000  # still reaches the end of the run


@pytest.mark.parametrize(
    ("entry_point", "package", "expected"),
    [
        ("train.py", False, ["/py", "--", "train.py", "--a", "1"]),
        ("train.py", True, ["/py", "-m", "train", "--a", "1"]),
        ("run.sh", False, ["/bin/sh", "-c", "./run.sh --a 1"]),
        ("bin/train", False, ["/bin/sh", "-c", "./bin/train --a 1"]),
        ("train", True, ["/py", "-m", "train", "--a", "1"]),
    ],
)
def test_entry_point_command_is_the_toolkits(
    entry_point: str, package: bool, expected: list[str]
) -> None:
    assert entry_point_command(entry_point, ["--a", "1"], "/py", package=package) == (expected)


def test_shell_entry_points_quote_their_arguments() -> None:
    command = entry_point_command("run.sh", ["--note", "a b; rm -rf /"], "/py", package=False)
    assert command == ["/bin/sh", "-c", "./run.sh --note 'a b; rm -rf /'"]


@pytest.mark.parametrize("name", ["", "-x.py", "/abs.py", "a/../b.py", "./t.py", "a b.py"])
def test_unsafe_entry_points_are_refused(name: str) -> None:
    assert entry_point_problem(name) is not None


def test_cli_arguments_decode_values_the_toolkits_way() -> None:
    decoded = contract.decode_hyperparameters(
        {"b": "true", "a": "1e-05", "n": "two words", "j": '{"y": 2, "x": 1}', "z": "null"}
    )
    assert contract.cmd_args(decoded) == [
        "-a", "1e-05", "-b", "True", "-j", "x=1,y=2", "-n", "two words", "-z", "",
    ]  # fmt: skip


def test_toolkit_failure_reason_is_capped_at_1024() -> None:
    reason = toolkit_failure_reason(3, "x" * 5000, ["python", "--", "train.py"])
    assert reason.startswith('ExecuteUserScriptError:\nExitCode 3\nErrorMessage "x')
    assert len(failure_reason(reason)) == 1024
