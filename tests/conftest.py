"""Shared fixtures: reference-data paths, a local HTTP server, a CLI runner."""
from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
EXAMPLES = REPO / "examples"


@pytest.fixture
def shared_data() -> Path:
    """The reference data folder; the test is skipped where it is absent (a user's clone)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        status, content_type, body = self.pages.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if status in (301, 302):
            self.send_header("Location", body.decode())
            body = b""
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve_pages(handler: type[http.server.BaseHTTPRequestHandler], pages: dict) -> Iterator[tuple[str, dict]]:  # type: ignore[type-arg]
    """Run a local HTTP server whose handler class reads ``pages``; yield (base URL, pages)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (handler,), {"pages": pages}))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", pages
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def http_server() -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]]]]:
    """A local HTTP server; tests put (status, content type, body) by path in the dict."""
    yield from serve_pages(_Handler, {})


@pytest.fixture
def closed_port_url() -> str:
    """A localhost URL on which nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article.html"


@pytest.fixture
def served_apps(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """`newsevents serve` without serving: it binds a free port on 127.0.0.1 and builds its
    app as ever, and the apps uvicorn would have run are collected here."""
    import socket as socket_module

    import uvicorn

    import newsevents.web.listen

    apps: list[Any] = []

    def bind(host: str, port: int) -> socket_module.socket:
        sock = socket_module.socket()
        sock.bind(("127.0.0.1", 0))
        return sock

    monkeypatch.setattr(newsevents.web.listen, "listen_socket", bind)
    monkeypatch.setattr(uvicorn.Server, "run", lambda server, sockets=None: apps.append(server.config.app))
    return apps
