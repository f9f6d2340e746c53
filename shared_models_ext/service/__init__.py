"""The catalog service: the catalog's REST API in a process of its own that alone holds
the database, every caller named by JupyterHub (docs/team-deployment.md).

``jupyter shared-models-service`` (``app.py``); who is asking (``hub_identity.py``).
"""
