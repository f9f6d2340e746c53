"""The thin HTTP layer: one module per resource. Each handler parses the request, calls
a service off the event loop and serialises the answer; ``base.py`` holds what they
share (auth, JSON bodies, errors). Which handler serves which path is declared with the
operations (``api/operations/``), and ``api/routes.py`` derives the routes from there."""
