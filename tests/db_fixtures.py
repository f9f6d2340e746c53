"""Pytest plugin: the catalog database under test, on SQLite and on PostgreSQL.

Load it with ``pytest_plugins = ["db_fixtures"]``. Fixtures:

- ``db_url`` (session, parametrised ``sqlite`` / ``postgresql``): the URL of a
  migrated catalog database. SQLite: a file under pytest's temporary directory.
  PostgreSQL: a fresh schema, uniquely named for the run, in the database of
  ``SME_TEST_POSTGRES_URL`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``),
  dropped at the end. If that server cannot be reached the PostgreSQL tests fail,
  unless ``SME_TEST_SKIP_POSTGRES=1``, which skips them.
- ``clean_db``: ``db_url`` with every table emptied before the test.
- ``store``: an open ``SqlCatalogStore`` on ``clean_db``, closed after the test.
- ``empty_db_url``: a brand-new database (no tables) of the same backend.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from shared_models_ext.store.engine import create_catalog_engine, parse_url
from shared_models_ext.store.sql import SqlCatalogStore

POSTGRES_URL_ENV = "SME_TEST_POSTGRES_URL"
SKIP_POSTGRES_ENV = "SME_TEST_SKIP_POSTGRES"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def postgres_server_url() -> URL:
    return parse_url(os.environ.get(POSTGRES_URL_ENV, DEFAULT_POSTGRES_URL))


def _with_search_path(url: URL, schema: str) -> URL:
    options = url.query.get("options")
    existing = options if isinstance(options, str) else " ".join(options or ())
    return url.update_query_dict({"options": f"{existing} -csearch_path={schema}".strip()})


@contextmanager
def postgres_schema(purpose: str) -> Iterator[str]:
    """A new empty schema on the test server; yields a URL whose search_path is it."""
    server = postgres_server_url()
    schema = f"sme_{purpose}_{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        try:
            with admin.connect() as connection:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        except OperationalError as error:
            message = (
                f"PostgreSQL is not reachable at {server.render_as_string(hide_password=True)} "
                f"({str(error.orig).strip().splitlines()[0]}). Start it, point "
                f"{POSTGRES_URL_ENV} at one, or set {SKIP_POSTGRES_ENV}=1 to skip these tests."
            )
            if os.environ.get(SKIP_POSTGRES_ENV) == "1":
                pytest.skip(message)
            pytest.fail(message, pytrace=False)
        try:
            yield _with_search_path(server, schema).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        admin.dispose()


@contextmanager
def new_database(backend: str, directory: Path, purpose: str) -> Iterator[str]:
    """The URL of a new, empty database of ``backend``."""
    if backend == "sqlite":
        yield f"sqlite:///{directory / (purpose + '.sqlite')}"
    else:
        with postgres_schema(purpose) as url:
            yield url


@pytest.fixture(scope="session", params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated catalog database shared by the session's tests (see ``clean_db``)."""
    with new_database(request.param, tmp_path_factory.mktemp("catalog"), "catalog") as url:
        SqlCatalogStore.open(url).close()  # apply the migrations once
        yield url


@pytest.fixture(scope="session")
def _db_engine(db_url: str) -> Iterator[Engine]:
    engine = create_catalog_engine(parse_url(db_url))
    yield engine
    engine.dispose()


def empty_catalog(engine: Engine) -> None:
    """Delete every entry (shares cascade; SQLite's search tables are emptied too) and
    every recorded launch."""
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM launches"))
        connection.execute(text("DELETE FROM entry_shares"))
        connection.execute(text("DELETE FROM entries"))
        if connection.dialect.name == "sqlite":
            connection.execute(text("DELETE FROM entries_fts"))
            connection.execute(text("DELETE FROM entries_fts_docs"))


@pytest.fixture
def clean_db(db_url: str, _db_engine: Engine) -> str:
    """``db_url``, emptied before the test."""
    empty_catalog(_db_engine)
    return db_url


@pytest.fixture
def store(clean_db: str) -> Iterator[SqlCatalogStore]:
    """An open store on the emptied test database."""
    opened = SqlCatalogStore.open(clean_db)
    yield opened
    opened.close()


@pytest.fixture
def db_engine(clean_db: str, _db_engine: Engine) -> Engine:
    """A plain engine on ``clean_db``, for tests that look under the store."""
    return _db_engine


@pytest.fixture
def empty_db_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A brand-new database with no tables, of the same backend as ``db_url``."""
    with new_database(make_url(db_url).get_backend_name(), tmp_path, "empty") as url:
        yield url
