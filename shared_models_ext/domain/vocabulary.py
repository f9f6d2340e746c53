"""The fixed vocabularies of the REST API: ids are the contract, labels are for people."""

from __future__ import annotations

from typing import Final, Literal

Kind = Literal["model", "notebook"]
DataType = Literal["text", "image", "tabular", "audio"]
Framework = Literal[
    "pytorch",
    "tensorflow",
    "xgboost",
    "scikit-learn",
    "huggingface",
    "mxnet",
    "lightgbm",
    "catboost",
    "jax",
    "onnx",
    "other",
]
HyperparameterType = Literal["integer", "continuous", "categorical", "free-text"]
Scaling = Literal["auto", "linear", "logarithmic", "reverse-logarithmic"]
ColumnType = Literal["numeric", "categorical", "text", "boolean", "datetime"]
ImageSource = Literal["training-job", "ecr", "dlc"]
Scope = Literal["mine", "shared-with-me", "organization"]
SortKey = Literal["updated", "title", "relevance"]
SortOrder = Literal["asc", "desc"]

KIND_LABELS: Final[dict[str, str]] = {"model": "Model", "notebook": "Notebook"}

DATA_TYPE_LABELS: Final[dict[str, str]] = {
    "text": "Text",
    "image": "Image",
    "tabular": "Tabular",
    "audio": "Audio",
}

TASK_LABELS: Final[dict[str, dict[str, str]]] = {
    "text": {
        "text-classification": "Text classification",
        "text-generation": "Text generation",
        "summarization": "Summarization",
        "translation": "Translation",
        "question-answering": "Question answering",
        "token-classification": "Token classification",
        "fill-mask": "Fill mask",
        "text-embedding": "Text embedding",
    },
    "image": {
        "image-classification": "Image classification",
        "object-detection": "Object detection",
        "semantic-segmentation": "Semantic segmentation",
        "instance-segmentation": "Instance segmentation",
        "image-embedding": "Image embedding",
        "image-generation": "Image generation",
    },
    "tabular": {
        "tabular-classification": "Tabular classification",
        "tabular-regression": "Tabular regression",
        "time-series-forecasting": "Time-series forecasting",
        "anomaly-detection": "Anomaly detection",
    },
    "audio": {
        "speech-recognition": "Speech recognition",
        "audio-classification": "Audio classification",
        "text-to-speech": "Text to speech",
    },
}

FRAMEWORK_LABELS: Final[dict[str, str]] = {
    "pytorch": "PyTorch",
    "tensorflow": "TensorFlow",
    "xgboost": "XGBoost",
    "scikit-learn": "scikit-learn",
    "huggingface": "Hugging Face",
    "mxnet": "MXNet",
    "lightgbm": "LightGBM",
    "catboost": "CatBoost",
    "jax": "JAX",
    "onnx": "ONNX",
    "other": "Other",
}

HYPERPARAMETER_TYPE_LABELS: Final[dict[str, str]] = {
    "integer": "Integer",
    "continuous": "Continuous",
    "categorical": "Categorical",
    "free-text": "Free text",
}

SCALING_LABELS: Final[dict[str, str]] = {
    "auto": "Auto",
    "linear": "Linear",
    "logarithmic": "Logarithmic",
    "reverse-logarithmic": "Reverse logarithmic",
}

COLUMN_TYPE_LABELS: Final[dict[str, str]] = {
    "numeric": "Numeric",
    "categorical": "Categorical",
    "text": "Text",
    "boolean": "Boolean",
    "datetime": "Date/time",
}

IMAGE_SOURCE_LABELS: Final[dict[str, str]] = {
    "training-job": "Container of an existing training job",
    "ecr": "Your own image in ECR",
    "dlc": "SageMaker Deep Learning Container",
}


def tasks_for(data_type: str) -> list[str]:
    """The ML task ids that fit a data type (empty for an unknown data type)."""
    return list(TASK_LABELS.get(data_type, {}))


#: What "My launches" records: SageMaker training jobs and endpoints, local runs,
#: Clean Rooms ML algorithms and associations, SageMaker hub content.
LaunchKind = Literal[
    "training-job", "endpoint", "local-run", "cr-algorithm", "cr-association", "hub-content"
]
