"""A loopback fake AWS endpoint that misbehaves: hangs, throttles, echoes the request.

Point the server at it with ``SharedModelsApp.aws_endpoint_url``. One endpoint answers
every service: a request with an ``X-Amz-Target`` header is a JSON-protocol call
(SageMaker, ECR), anything else is S3 (REST-XML). ``mode``:

- ``"hang"``: read the request and never answer (until the fake stops);
- ``"slowdown"``: S3's ``503 SlowDown``; ``"throttle"``: ``400 ThrottlingException``
  (JSON) — both retried by botocore as throttling;
- ``"echo"``: ``400`` whose body is an HTML page echoing every request header,
  ``Authorization`` included, as some proxies and misconfigured stores do.

``requests`` counts what arrived (each retry is one), by mode.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        fake = self.server.fake
        mode = fake.mode
        with fake.lock:
            fake.requests[mode] += 1
        if mode == "hang":
            fake.released.wait()
            self.close_connection = True
            return
        json_protocol = "X-Amz-Target" in self.headers
        if mode == "echo":
            echoed = "\n".join(f"{name}: {value}" for name, value in self.headers.items())
            status, body, kind = (
                400,
                "<!DOCTYPE html><html><head><title>Bad request</title>"
                "<style>body{font:12px}</style></head><body><h1>Bad   Request</h1>"
                f"<pre>{echoed}</pre><p>Your request was refused &amp; logged.</p>"
                "</body></html>",
                "text/html",
            )
            if json_protocol:
                payload = {"__type": "BadRequestException", "message": body}
                body, kind = json.dumps(payload), "application/x-amz-json-1.1"
        elif json_protocol:
            payload = {"__type": "ThrottlingException", "message": "Rate exceeded"}
            status, body, kind = 400, json.dumps(payload), "application/x-amz-json-1.1"
        else:
            status, kind = 503, "application/xml"
            body = (
                '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code>'
                "<Message>Please reduce your request rate.</Message>"
                "<RequestId>4442587FB7D0A2F9</RequestId></Error>"
            )
        raw = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = _answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    fake: FakeAws


class FakeAws:
    """The fake, serving on ``url`` from a background thread until ``stop()``."""

    def __init__(self, mode: str = "hang") -> None:
        self.mode = mode
        self.requests: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.released = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.released.set()  # hanging handlers return and close their connections
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
