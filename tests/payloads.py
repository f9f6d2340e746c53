"""Request bodies for the API tests: valid by default, overridable field by field."""

from __future__ import annotations

import copy
from typing import Any

DLC_IMAGE = (
    "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
    "pytorch-training:2.3.0-cpu-py311-ubuntu20.04-sagemaker"
)


def training(**overrides: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "image": {"source": "dlc", "uri": DLC_IMAGE},
        "environment": {"LOG_LEVEL": "info"},
        "script_uri": "s3://team-bucket/code/sourcedir.tar.gz",
        "entry_point": "train.py",
        "artifacts_uri": "s3://team-bucket/checkpoints/",
        "training_data_uri": "s3://team-bucket/data/train/",
        "validation_data_uri": "s3://team-bucket/data/validation/",
        "output_path": "s3://team-bucket/output/",
        "network_isolation": True,
        "channels": [{"name": "train", "uri": "s3://team-bucket/data/train/"}],
        "hyperparameters": [
            {"name": "epochs", "type": "integer", "min": 1, "max": 100, "default": "10"},
            {
                "name": "lr",
                "type": "continuous",
                "min": 1e-5,
                "max": 1,
                "scaling": "logarithmic",
                "default": "0.001",
            },
            {
                "name": "optimizer",
                "type": "categorical",
                "values": ["adam", "sgd"],
                "default": "adam",
            },
            {"name": "note", "type": "free-text", "default": ""},
        ],
        "instance_types": ["ml.m5.xlarge", "ml.g5.2xlarge"],
        "default_instance_type": "ml.m5.xlarge",
        "metrics": [{"name": "loss", "regex": "Loss =(.*?);"}],
        "tabular": None,
    }
    spec.update(overrides)
    return spec


def tabular_training(**overrides: Any) -> dict[str, Any]:
    return training(
        tabular={
            "columns": [
                {"name": "age", "type": "numeric"},
                {"name": "churn", "type": "categorical"},
            ],
            "target_column": "churn",
        },
        **overrides,
    )


def inference(**overrides: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "image": {
            "source": "ecr",
            "uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-inference:1.0",
        },
        "script_uri": "s3://team-bucket/code/inference.tar.gz",
        "model_data_uri": "s3://team-bucket/output/model.tar.gz",
        "environment": {},
        "instance_types": ["ml.m5.large"],
        "default_instance_type": "ml.m5.large",
    }
    spec.update(overrides)
    return spec


def model(title: str = "Churn XGBoost", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "model",
        "title": title,
        "description": "Predicts which customers will leave.",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "xgboost",
        "keywords": "churn xgboost,tabular",
        "share": {"organization": True, "users": [], "canvas_users": []},
        "training": None,
        "inference": None,
    }
    body.update(overrides)
    return copy.deepcopy(body)


def notebook(title: str = "Exploring churn", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "notebook",
        "title": title,
        "description": "A walk through the churn data.",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "scikit-learn",
        "keywords": ["eda"],
        "share": {"organization": True, "users": [], "canvas_users": []},
        "notebook": {"s3_uri": "s3://team-bucket/notebooks/churn.ipynb"},
    }
    body.update(overrides)
    return copy.deepcopy(body)
