"""The REST API: tornado handlers, the route declarations and the OpenAPI document.

The only layer that knows of HTTP. See ``docs/architecture.md`` and ``docs/api.md``.
"""
