"""``construct``: stored data into the response models, nested models too, never validated."""

from __future__ import annotations

from datetime import datetime, timezone

import payloads

from shared_models_ext.domain.models import (
    CategoricalHyperparameter,
    CreateEntry,
    Entry,
    IntegerHyperparameter,
    Share,
    TrainingSpec,
)
from shared_models_ext.domain.models.construct import construct
from shared_models_ext.domain.models.training import ColumnSpec, ContainerImage

NOW = datetime(2026, 12, 1, tzinfo=timezone.utc)


def stored(**changes: object) -> dict[str, object]:
    body = CreateEntry.model_validate(payloads.model(training=payloads.tabular_training()))
    row = {**body.model_dump(mode="json"), "owner": "alice", "version": 1}
    row.update(id="e", created_at=NOW, updated_at=NOW)
    row.update(changes)
    return row


def test_nested_models_are_models_and_equal_what_validation_gives() -> None:
    row = stored()
    built = construct(Entry, row)
    assert isinstance(built.share, Share)
    assert isinstance(built.training, TrainingSpec)
    assert isinstance(built.training.image, ContainerImage)
    assert built.training.tabular is not None
    assert isinstance(built.training.tabular.columns[0], ColumnSpec)
    kinds = [type(spec) for spec in built.training.hyperparameters]
    assert kinds[0] is IntegerHyperparameter
    assert kinds[2] is CategoricalHyperparameter
    assert built.training.hyperparameter("epochs") is built.training.hyperparameters[0]
    assert built.model_dump_json() == Entry.model_validate(row).model_dump_json()


def test_nothing_is_checked_or_normalised() -> None:
    training = payloads.tabular_training(instance_types=["not-one"], channels=[])
    row = stored(
        title="\t" + "t" * 400,
        keywords=["Not Lowercase"] * 3,
        task="speech-recognition",
        share={"organization": True, "users": ["Bob", "bob"], "canvas_users": []},
        training=training,
    )
    built = construct(Entry, row)
    assert built.title == row["title"]
    assert built.keywords == ["Not Lowercase"] * 3
    assert built.task == "speech-recognition"
    assert built.share.users == ["Bob", "bob"]
    assert built.training is not None
    assert (built.training.instance_types, built.training.channels) == (["not-one"], [])


def test_unknown_keys_are_dropped_missing_ones_default_unknown_kinds_kept() -> None:
    spec = payloads.training(colour="blue")
    del spec["environment"]
    spec["hyperparameters"] = [{"name": "x", "type": "retired-type", "default": "1"}]
    built = construct(TrainingSpec, spec)
    assert not hasattr(built, "colour")
    assert built.environment == {}
    assert built.hyperparameters == [{"name": "x", "type": "retired-type", "default": "1"}]
