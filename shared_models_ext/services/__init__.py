"""What a user can do: the catalog, notebook sharing, launches, local runs.

Each service combines the domain's rules with the store and AWS; none knows of
HTTP. See ``docs/architecture.md``.
"""
