"""Compare the CSV headers of training and validation data in S3."""

from __future__ import annotations

from typing import Any

import payloads
import pytest
from conftest import Client

BUCKET = "team-data"


@pytest.fixture
def bucket(aws: Any) -> Any:
    aws.create_bucket(Bucket=BUCKET)

    def put(key: str, body: bytes) -> str:
        aws.put_object(Bucket=BUCKET, Key=key, Body=body)
        return f"s3://{BUCKET}/{key}"

    return put


async def check(api: Client, train: str, valid: str) -> Any:
    response = await api.post(
        "validation-check", {"training_data_uri": train, "validation_data_uri": valid}
    )
    assert response.status == 200, response.body
    return response.body


async def test_same_headers_are_ok(api: Client, bucket: Any) -> None:
    bucket("train/part-0.csv", b"age,income,churn\n31,50000,0\n")
    bucket("valid/part-0.csv", b"\xef\xbb\xbfage,income,churn\n45,72000,1\n")
    result = await check(api, f"s3://{BUCKET}/train/", f"s3://{BUCKET}/valid/")
    assert result["ok"] is True
    assert result["problems"] == []
    assert result["training_columns"] == ["age", "income", "churn"]
    assert result["validation_columns"] == ["age", "income", "churn"]
    assert result["training_object"] == f"s3://{BUCKET}/train/part-0.csv"


async def test_different_headers_are_explained(api: Client, bucket: Any) -> None:
    train = bucket("train.csv", b"age,income,churn\n1,2,3\n")
    valid = bucket("valid.csv", b"age,salary\n1,2\n")
    result = await check(api, train, valid)
    assert result["ok"] is False
    assert "3 columns" in result["problems"][0]
    assert "has 2" in result["problems"][0]
    assert any("income" in problem and "churn" in problem for problem in result["problems"])
    assert any("salary" in problem for problem in result["problems"])


async def test_column_order_matters(api: Client, bucket: Any) -> None:
    train = bucket("a.csv", b"x,y\n")
    valid = bucket("b.csv", b"y,x\n")
    result = await check(api, train, valid)
    assert result["ok"] is False
    assert result["problems"] == ["The validation data has the same columns in a different order."]


async def test_non_csv_data_cannot_be_checked(api: Client, bucket: Any) -> None:
    bucket("train/data.parquet", b"PAR1\x00\x01")
    valid = bucket("valid.csv", b"a,b\n")
    result = await check(api, f"s3://{BUCKET}/train/", valid)
    assert result["ok"] is False
    assert "cannot be checked" in result["problems"][0]
    assert "CSV" in result["problems"][0]


async def test_only_the_head_of_a_large_file_is_read(
    api: Client, bucket: Any, jp_serverapp: Any
) -> None:
    big = b"a,b,c\n" + b"1,2,3\n" * 200_000  # 1.2 MB
    train = bucket("big.csv", big)
    valid = bucket("small.csv", b"a,b,c\n")
    ranges: list[str] = []
    client = jp_serverapp.web_app.settings["shared_models"].aws.client("s3")
    client.meta.events.register(
        "before-call.s3.GetObject",
        lambda params, **_: ranges.append(params["headers"].get("Range")),
    )
    result = await check(api, train, valid)
    assert result["ok"] is True
    assert ranges == ["bytes=0-65535", "bytes=0-65535"]


async def test_entry_check_uses_the_entry_datasets(api: Client, bucket: Any) -> None:
    train = bucket("train/x.csv", b"age,churn\n")
    valid = bucket("valid/x.csv", b"age,churn\n")
    entry = await api.create(
        payloads.model(
            "Checked model",
            training=payloads.tabular_training(
                training_data_uri=f"s3://{BUCKET}/train/",
                validation_data_uri=f"s3://{BUCKET}/valid/",
            ),
        )
    )
    response = await api.post(f"entries/{entry['id']}/validation-check", {})
    assert response.status == 200, response.body
    assert response.body["ok"] is True
    assert response.body["training_object"] == train
    assert response.body["validation_object"] == valid


async def test_entry_without_datasets_is_a_clear_400(api: Client, aws: Any) -> None:
    entry = await api.create(payloads.model("No training"))
    response = await api.post(f"entries/{entry['id']}/validation-check", {})
    assert response.status == 400
    assert response.error["details"][0]["loc"] == ["training"]


async def test_missing_bucket_is_404(api: Client, aws: Any) -> None:
    response = await api.post(
        "validation-check",
        {
            "training_data_uri": "s3://nowhere-bucket/a.csv",
            "validation_data_uri": "s3://nowhere-bucket/b.csv",
        },
    )
    assert response.status == 404
