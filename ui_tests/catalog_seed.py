"""Entries for the browser tests, written into the lab server's own catalog store.

The server under test signs everyone in as alice; other users' entries are
created here, in the test process, through the server's catalog service on the
same SQLite file, so they are validated exactly as ``POST /entries`` would.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from shared_models_ext.domain.models import CreateEntry, Entry
from shared_models_ext.services.catalog import Catalog
from shared_models_ext.store.mapping import (
    new_entry_values,
    row_values,
    share_rows,
    share_users,
)
from shared_models_ext.store.sql import SqlCatalogStore
from shared_models_ext.store.tables import EntryRow, ShareRow

DLC_IMAGE = (
    "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
    "pytorch-training:2.3.0-cpu-py311-ubuntu20.04-sagemaker"
)


def open_catalog(db_url: str) -> Catalog:
    """The catalog service on the lab server's store (close it when done)."""
    return Catalog(lambda: SqlCatalogStore.open(db_url))


def clear(db_url: str) -> None:
    """Delete every entry (and its search index rows) from the store."""
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM entry_shares"))
            connection.execute(text("DELETE FROM entries"))
            connection.execute(text("DELETE FROM entries_fts"))
            connection.execute(text("DELETE FROM entries_fts_docs"))
    finally:
        engine.dispose()


def clear_launches(db_url: str) -> None:
    """Forget every recorded launch ("my launches" of earlier tests)."""
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM launches"))
    finally:
        engine.dispose()


def share(
    *, organization: bool = False, users: Iterable[str] = (), canvas: Iterable[str] = ()
) -> dict[str, Any]:
    return {"organization": organization, "users": list(users), "canvas_users": list(canvas)}


def tabular_training() -> dict[str, Any]:
    return {
        "image": {"source": "dlc", "uri": DLC_IMAGE},
        "environment": {"LOG_LEVEL": "info"},
        "script_uri": "s3://team-bucket/code/sourcedir.tar.gz",
        "entry_point": "train.py",
        "artifacts_uri": None,
        "training_data_uri": "s3://team-bucket/data/train/",
        "validation_data_uri": None,
        "output_path": "s3://team-bucket/output/",
        "network_isolation": True,
        "channels": [{"name": "train", "uri": "s3://team-bucket/data/train/"}],
        "hyperparameters": [
            {"name": "max_depth", "type": "integer", "min": 1, "max": 12, "default": "6"},
            {
                "name": "eta",
                "type": "continuous",
                "min": 0.001,
                "max": 1,
                "scaling": "logarithmic",
                "default": "0.3",
            },
        ],
        "instance_types": ["ml.m5.xlarge", "ml.g5.2xlarge"],
        "default_instance_type": "ml.m5.xlarge",
        "metrics": [{"name": "auc", "regex": "validation-auc:([0-9.]+)"}],
        "tabular": {
            "columns": [
                {"name": "age", "type": "numeric"},
                {"name": "churn", "type": "categorical"},
            ],
            "target_column": "churn",
        },
    }


def inference() -> dict[str, Any]:
    return {
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


def model(title: str, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "model",
        "title": title,
        "description": "",
        "data_type": "text",
        "task": "text-classification",
        "framework": "pytorch",
        "keywords": [],
        "share": share(),
    }
    body.update(copy.deepcopy(fields))
    return body


def notebook(title: str, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "notebook",
        "title": title,
        "description": "",
        "data_type": "tabular",
        "task": "tabular-classification",
        "framework": "scikit-learn",
        "keywords": [],
        "share": share(),
        "notebook": {"s3_uri": "s3://team-bucket/notebooks/analysis.ipynb"},
    }
    body.update(copy.deepcopy(fields))
    return body


def create(catalog: Catalog, owner: str, body: dict[str, Any]) -> Entry:
    """Create an entry as ``owner``, validated like ``POST /entries``."""
    return catalog.create(owner, CreateEntry.model_validate(body))


def create_many(db_url: str, entries: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    """Create ``(owner, id, body)`` entries in one transaction, for a catalog too big to
    create one request at a time: each body validated like ``POST /entries`` and mapped
    to its rows by the store's own mapping (``store/mapping.py``); the search index is
    kept by the database's triggers, as for any insert. Each entry is a microsecond
    older than the one before it, so "last updated" lists them in the order given."""
    SqlCatalogStore.open(db_url).close()  # the schema, migrated
    start = datetime.now(timezone.utc)
    dialect = make_url(db_url).get_backend_name()
    entry_rows: list[dict[str, Any]] = []
    user_rows: list[dict[str, str]] = []
    for number, (owner, entry_id, body) in enumerate(entries):
        validated = CreateEntry.model_validate(body)
        when = start - timedelta(microseconds=number)
        values = {
            **row_values(validated, dialect),
            "owner": owner,
            "created_at": when,
            "updated_at": when,
            "version": 1,
        }
        users = share_users(validated.share.users)
        entry_rows.append(new_entry_values(entry_id, values, users))
        user_rows.extend(share_rows(entry_id, users))
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(insert(EntryRow.__table__), entry_rows)
            if user_rows:
                connection.execute(insert(ShareRow), user_rows)
            connection.exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()
