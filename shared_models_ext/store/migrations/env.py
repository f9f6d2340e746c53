"""Alembic environment of the catalog store.

The store runs this through :func:`shared_models_ext.store.migrations.upgrade_to_head`
with its own connection, already inside the (locked) migration transaction. From the
command line or a script, give a URL instead::

    from alembic import command
    from shared_models_ext.store.migrations import alembic_config

    command.revision(alembic_config(url="sqlite:///dev.sqlite"), "add x", autogenerate=True)
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from shared_models_ext.store.engine import WRITE_OPTION, create_catalog_engine, parse_url
from shared_models_ext.store.migrations import VERSION_TABLE, include_object_on
from shared_models_ext.store.tables import Base


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        include_object=include_object_on(connection.dialect.name),
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    if context.is_offline_mode():
        raise RuntimeError("The catalog migrations run online only (no --sql mode).")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("Set sqlalchemy.url (alembic_config(url=...)) to run migrations.")
    engine = create_catalog_engine(parse_url(url))
    try:
        with engine.connect() as own_connection:
            own_connection.execution_options(**{WRITE_OPTION: True})
            with own_connection.begin():
                run_migrations(own_connection)
    finally:
        engine.dispose()


run()
