"""Fixtures for the reliability suite (issue 8): one loaded pipeline for every module, the
CLI running in-process on it, a local HTTP server that can also be slow, and a tiny disk."""
from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import newsevents.cli
from newsevents.pipeline import Pipeline

from ..conftest import serve_pages

# Every fetch in this suite gives up after this long; the slow page answers later.
FETCH_TIMEOUT = 0.5
SLOW_PAGE_DELAY = 2.0


@pytest.fixture(scope="session")
def shared_pipeline() -> Pipeline:
    """The default pipeline, loaded once for the whole suite (about 6 s)."""
    pipeline = Pipeline()
    pipeline.nlp, pipeline.knowledge, pipeline.gazetteer, pipeline.lexicon  # noqa: B018 - load now
    return pipeline


@pytest.fixture
def cli_pipeline(shared_pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> Pipeline:
    """Make the CLI's commands use the shared pipeline when they ask for the default one."""
    real = newsevents.cli.Pipeline

    def make(**options: Any) -> Pipeline:
        defaults = all(not value for value in options.values())
        return shared_pipeline if defaults else real(**options)

    monkeypatch.setattr(newsevents.cli, "Pipeline", make)
    return shared_pipeline


@dataclass
class Page:
    status: int = 200
    content_type: str = "text/html"
    body: bytes = b""
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, Page] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        page = self.pages.get(self.path, Page(404, "text/plain", b"not found"))
        if page.delay:
            time.sleep(page.delay)
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        try:
            self.wfile.write(page.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (it timed out): what the test wants

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def web_server() -> Iterator[tuple[str, dict[str, Page]]]:
    """A local HTTP server with pages by path: slow, failing and looping ones included."""
    yield from serve_pages(_Handler, {})


@pytest.fixture
def short_fetch_timeout(monkeypatch: pytest.MonkeyPatch) -> float:
    """Fetches in this process (and its subprocesses) time out after FETCH_TIMEOUT."""
    monkeypatch.setenv("NEWSEVENTS_FETCH_TIMEOUT", str(FETCH_TIMEOUT))
    return FETCH_TIMEOUT


def no_traceback(*streams: str) -> None:
    """Fail when any output holds a Python traceback."""
    for stream in streams:
        assert "Traceback" not in stream, stream[-3000:]


Checker = Callable[[str], bool]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs, or skip where mounting is not allowed (an unprivileged CI runner)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
