# A team catalog under JupyterHub (docs/team-deployment.md): the catalog service alone
# holds the database; every user's server reaches it with the token the Hub gave that
# server, and the service asks the Hub whose token it is.
#
#   pip install "shared_models_ext[service]"    # on the Hub's machine: jupyterhub, psycopg
#   pip install shared_models_ext               # where the users' servers run
#
# Copy into your jupyterhub_config.py and change the database URL and the port.
c = get_config()  # noqa: F821

CATALOG_PORT = 10101
CATALOG_URL = f"http://127.0.0.1:{CATALOG_PORT}/services/shared-models/"

c.JupyterHub.services = [
    {
        "name": "shared-models",
        "url": f"http://127.0.0.1:{CATALOG_PORT}",
        # The Hub starts the service, gives it JUPYTERHUB_API_TOKEN and friends, and
        # starts it again if it exits. The password is in the service's own pgpass file,
        # which no user's server can read.
        "command": [
            "jupyter-shared-models-service",
            "--CatalogService.db_url=postgresql+psycopg://shared_models@db.internal:5432/catalog",
        ],
        "environment": {"PGPASSFILE": "/etc/shared-models/pgpass"},
    },
]

c.JupyterHub.load_roles = [
    # Users may call the service with their own tokens (curl, scripts)...
    {"name": "user", "scopes": ["self", "access:services!service=shared-models"]},
    # ...and each user's server with its JUPYTERHUB_API_TOKEN, which the Hub issues to
    # that server only (a server token gets the scopes of this role that its user holds).
    {
        "name": "server",
        "scopes": [
            "users:activity!user",
            "access:servers!server",
            "access:services!service=shared-models",
        ],
    },
]

# Every user's server speaks to the service instead of keeping a catalog of its own.
c.Spawner.args = [f"--SharedModelsApp.catalog_url={CATALOG_URL}"]

# Logging out stops the user's server, and the Hub revokes the server's token with it.
c.JupyterHub.shutdown_on_logout = True
