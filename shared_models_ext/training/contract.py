"""The SageMaker training-container contract, computed for a run tree: pure, no I/O.

What a SageMaker training container gives a script, as the SageMaker training toolkit
(``sagemaker_training.environment`` and ``sagemaker_training.mapping``, PyPI
``sagemaker-training``) computes it inside the container: the ``/opt/ml`` tree's
configuration files, every ``SM_*`` variable, and the entry point's command line. Here
the run's own folder stands for ``/opt/ml``. ``tests/test_local_run_oracle.py`` runs
the toolkit itself over a tree made by the product and checks that both agree.

Where AWS's documentation and the toolkit disagree, the toolkit wins, since it is what
runs in the container: ``SM_OUTPUT_DIR`` is ``/opt/ml/output`` (not
``/opt/ml/output/data``, which is ``SM_OUTPUT_DATA_DIR``). See ``docs/local-runs.md``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from .run_tree import RunLayout

CURRENT_HOST: Final = "algo-1"
INSTANCE_GROUP: Final = "homogeneousCluster"
NETWORK_INTERFACE: Final = "eth0"
LOG_LEVEL_INFO: Final = 20  # logging.INFO, the toolkit's default
DEFAULT_FILE_FORMAT: Final = "csv"  # Clean Rooms ML's FILE_FORMAT unless the entry says

# The toolkit's own hyperparameters (sagemaker_training.params): taken out of the
# script's hyperparameters; any other "sagemaker_" key is a framework parameter.
USER_PROGRAM: Final = "sagemaker_program"
SUBMIT_DIRECTORY: Final = "sagemaker_submit_directory"
LOG_LEVEL_PARAM: Final = "sagemaker_container_log_level"
JOB_NAME_PARAM: Final = "sagemaker_job_name"
REGION_PARAM: Final = "sagemaker_region"
SAGEMAKER_HYPERPARAMETERS: Final = frozenset(
    {
        USER_PROGRAM,
        SUBMIT_DIRECTORY,
        "sagemaker_enable_cloudwatch_metrics",
        REGION_PARAM,
        LOG_LEVEL_PARAM,
        JOB_NAME_PARAM,
        "default_user_module_name",
        "_tuning_objective_metric",
        "sagemaker_s3_output",
    }
)
SAGEMAKER_PREFIX: Final = "sagemaker_"


@dataclass(frozen=True)
class Machine:
    """What the toolkit reads off the machine it runs on."""

    num_cpus: int
    num_gpus: int
    region: str | None = None


# -- input/config/*.json -------------------------------------------------------


def input_data_config(content_types: Mapping[str, str | None]) -> dict[str, dict[str, str]]:
    """``inputdataconfig.json``: File mode, fully replicated, per channel."""
    config: dict[str, dict[str, str]] = {}
    for channel, content_type in content_types.items():
        entry = {
            "TrainingInputMode": "File",
            "S3DistributionType": "FullyReplicated",
            "RecordWrapperType": "None",
        }
        if content_type:
            entry["ContentType"] = content_type
        config[channel] = entry
    return config


def resource_config(instance_type: str) -> dict[str, Any]:
    """``resourceconfig.json`` of a one-instance job, as SageMaker writes it."""
    return {
        "current_host": CURRENT_HOST,
        "current_instance_type": instance_type,
        "current_group_name": INSTANCE_GROUP,
        "hosts": [CURRENT_HOST],
        "instance_groups": [
            {
                "instance_group_name": INSTANCE_GROUP,
                "instance_type": instance_type,
                "hosts": [CURRENT_HOST],
            }
        ],
        "network_interface_name": NETWORK_INTERFACE,
    }


def config_json(value: Mapping[str, Any]) -> str:
    """The text of one ``input/config`` file (``hyperparameters.json`` keeps key order)."""
    return json.dumps(value)


# -- the toolkit's decoding and mapping ------------------------------------------


def decode_hyperparameters(hyperparameters: Mapping[str, str]) -> dict[str, Any]:
    """Each value parsed as JSON when it is JSON ("10" → 10, "true" → True), else kept."""
    decoded: dict[str, Any] = {}
    for name, value in hyperparameters.items():
        try:
            decoded[name] = json.loads(value)
        except (ValueError, TypeError):
            decoded[name] = value
    return decoded


def _is_sagemaker_key(name: str) -> bool:
    return name in SAGEMAKER_HYPERPARAMETERS or name.startswith(SAGEMAKER_PREFIX)


def user_hyperparameters(decoded: Mapping[str, Any]) -> dict[str, Any]:
    """The script's hyperparameters: the toolkit's own keys taken out."""
    return {name: value for name, value in decoded.items() if not _is_sagemaker_key(name)}


def _cli_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("latin1")
    return str(value)


def cmd_args(hyperparameters: Mapping[str, Any]) -> list[str]:
    """``mapping.to_cmd_args``: sorted ``--name value`` pairs (``-n`` for one letter)."""
    args: list[str] = []
    for name in sorted(hyperparameters):
        text = _cli_text(name)
        args.append(("--" if len(text) > 1 else "-") + text if text else "")
        value = hyperparameters[name]
        if isinstance(value, Mapping):
            args.append(",".join(f"{k}={v}" for k, v in sorted(value.items())))
        else:
            args.append(_cli_text(value))
    return args


def _env_value(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("latin1")
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def num_neurons(instance_type: str) -> int:
    """The toolkit's count of Neuron cores: 64 on trn2.48xlarge, else what ``neuron-ls``
    finds (none on a machine without Neuron devices)."""
    return 64 if "trn2.48xlarge" in instance_type else 0


@dataclass(frozen=True)
class ContainerEnvironment:
    """The variables a script sees in the container, and its arguments."""

    variables: dict[str, str]
    args: list[str]
    training_env: dict[str, Any]


def container_environment(
    layout: RunLayout,
    hyperparameters: Mapping[str, str],
    input_config: Mapping[str, Mapping[str, str]],
    resources: Mapping[str, Any],
    *,
    job_name: str,
    machine: Machine,
) -> ContainerEnvironment:
    """``Environment().to_env_vars()`` and ``to_cmd_args()`` over ``layout``, plus the
    variables the toolkit sets in its own process (``CURRENT_HOST``,
    ``SAGEMAKER_JOB_NAME``, ``SAGEMAKER_REGION``), which the script inherits."""
    decoded = decode_hyperparameters(hyperparameters)
    sagemaker = {name: value for name, value in decoded.items() if _is_sagemaker_key(name)}
    framework_params = {
        name: value for name, value in sagemaker.items() if name not in SAGEMAKER_HYPERPARAMETERS
    }
    hps = user_hyperparameters(decoded)
    args = cmd_args(hps)
    instance_type = str(resources.get("current_instance_type", "local"))
    group = str(resources.get("current_group_name", INSTANCE_GROUP))
    groups_config = list(resources.get("instance_groups", []))
    hosts = list(resources["hosts"])
    current_host = str(resources["current_host"])
    program = sagemaker.get(USER_PROGRAM)
    module_name = str(program) if program is not None else None
    if module_name is not None and module_name.endswith(".py"):
        module_name = module_name[:-3]
    channels = {channel: layout.channel_dir(channel) for channel in input_config}
    group_hosts: list[str] = next(
        (g["hosts"] for g in groups_config if g["instance_group_name"] == group), []
    )
    distribution_groups = list(framework_params.get("sagemaker_distribution_instance_groups", []))
    distribution_hosts = [
        host
        for g in groups_config
        if g["instance_group_name"] in distribution_groups
        for host in g["hosts"]
    ]
    master = (distribution_hosts or hosts)[0]
    topology = list(resources.get("topology", []))
    training_env: dict[str, Any] = {
        "additional_framework_parameters": framework_params,
        "channel_input_dirs": channels,
        "current_host": current_host,
        "current_instance_group": group,
        "current_instance_group_hosts": group_hosts,
        "current_instance_type": instance_type,
        "distribution_hosts": distribution_hosts,
        "distribution_instance_groups": distribution_groups,
        "framework_module": None,
        "hosts": hosts,
        "hyperparameters": hps,
        "input_config_dir": layout.input_config_dir,
        "input_data_config": dict(input_config),
        "input_dir": layout.input_dir,
        "instance_groups": [g["instance_group_name"] for g in groups_config],
        "instance_groups_dict": {g["instance_group_name"]: g for g in groups_config},
        "is_hetero": len(groups_config) > 1,
        "is_master": current_host == master,
        "is_modelparallel_enabled": None,
        "is_smddpmprun_installed": False,
        "is_smddprun_installed": False,
        "job_name": job_name,
        "log_level": sagemaker.get(LOG_LEVEL_PARAM, LOG_LEVEL_INFO),
        "master_hostname": master,
        "model_dir": layout.model_dir,
        "module_dir": str(sagemaker.get(SUBMIT_DIRECTORY, layout.code_dir)),
        "module_name": module_name,
        "network_interface_name": resources.get("network_interface_name", NETWORK_INTERFACE),
        "num_cpus": machine.num_cpus,
        "num_gpus": machine.num_gpus,
        "num_neurons": num_neurons(instance_type),
        "output_data_dir": layout.output_data_dir,
        "output_dir": layout.output_dir,
        "output_intermediate_dir": layout.output_intermediate_dir,
        "resource_config": dict(resources),
        "topology": topology,
        "user_entry_point": program,
    }
    env: dict[str, Any] = {
        "hosts": hosts,
        "network_interface_name": training_env["network_interface_name"],
        "hps": hps,
        "user_entry_point": program,
        "framework_params": framework_params,
        "resource_config": training_env["resource_config"],
        "input_data_config": training_env["input_data_config"],
        "output_data_dir": layout.output_data_dir,
        "channels": sorted(channels),
        "current_host": current_host,
        "current_instance_type": instance_type,
        "current_instance_group": group,
        "current_instance_group_hosts": group_hosts,
        "instance_groups": training_env["instance_groups"],
        "instance_groups_dict": training_env["instance_groups_dict"],
        "distribution_instance_groups": distribution_groups,
        "is_hetero": training_env["is_hetero"],
        "module_name": module_name,
        "log_level": training_env["log_level"],
        "framework_module": None,
        "input_dir": layout.input_dir,
        "input_config_dir": layout.input_config_dir,
        "output_dir": layout.output_dir,
        "num_cpus": machine.num_cpus,
        "num_gpus": machine.num_gpus,
        "num_neurons": training_env["num_neurons"],
        "model_dir": layout.model_dir,
        "module_dir": training_env["module_dir"],
        "training_env": training_env,
        "user_args": args,
        "output_intermediate_dir": layout.output_intermediate_dir,
    }
    if topology:
        env["topology"] = topology
    for name, path in channels.items():
        env[f"channel_{name}"] = path
    for name, value in hps.items():
        env[f"hp_{name}"] = value
    variables = {f"SM_{str(key).upper()}": _env_value(value) for key, value in env.items()}
    variables["CURRENT_HOST"] = current_host
    variables["SAGEMAKER_JOB_NAME"] = _cli_text(sagemaker.get(JOB_NAME_PARAM, ""))
    variables["SAGEMAKER_REGION"] = _cli_text(sagemaker.get(REGION_PARAM, machine.region or ""))
    return ContainerEnvironment(variables=variables, args=args, training_env=training_env)
