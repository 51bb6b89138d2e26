"""The web page in headless Chromium: code an article, see the visit highlighted, and make
sure article text can run nothing. Needs Debian's chromium and Playwright for Python (no
browser download); skipped where either is missing."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newsevents.pipeline import Pipeline
from newsevents.web.app import create_app

from .conftest import REPO, SHARED_DATA

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = REPO / "test-artifacts"
# Without ../shared/data: an event noun as trigger, as in the seed ("began a visit"; in "made a
# visit" the lexicon row make.v.visit fires on "made").
OWN_ARTICLE = ("Kenyan Foreign Minister Musalia Mudavadi began a visit to Ethiopia on Wednesday. "
               "Kenya condemned Somalia on Thursday.")
XSS_ARTICLE = ("Kenya condemned Somalia on Monday. <script>window.__xss = 1</script> "
               "<img src=x onerror=\"window.__xss = 2\"> The statement was read aloud.")
UVICORN_STARTUP_SECONDS = 30


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """``app`` under uvicorn in a thread on a free local port; yields its base URL."""
    import uvicorn

    port = _free_port()
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + UVICORN_STARTUP_SECONDS
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    pytest.importorskip("uvicorn")
    with serving(create_app(pipeline=Pipeline())) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server)
        yield page
        browser.close()


def _code(page: object, text: str) -> None:
    page.fill("#input-text", text)  # type: ignore[attr-defined]
    page.click("#code-button")  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelector('#code-status').textContent.includes(' event')", timeout=60_000)  # type: ignore[attr-defined]


def test_visit_is_listed_and_highlighted(page: object) -> None:
    seed = SHARED_DATA / "seed" / "article.txt"
    article = seed.read_text(encoding="utf-8") if seed.exists() else OWN_ARTICLE
    _code(page, article)
    table = page.inner_text("#code-table")  # type: ignore[attr-defined]
    assert "042 Make a visit" in table
    triggers = page.locator("#article .trigger.q1")  # type: ignore[attr-defined]
    assert triggers.count() >= 1
    texts = [triggers.nth(i).inner_text() for i in range(triggers.count())]
    assert any(t in ("mission", "visit") for t in texts), texts
    triggers.first.hover()
    assert "Make a visit" in page.inner_text("#tooltip") or "CAMEO" in page.inner_text("#tooltip")  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "code-view.png"), full_page=True)  # type: ignore[attr-defined]


def test_article_markup_is_shown_not_run(page: object) -> None:
    _code(page, XSS_ARTICLE)
    assert page.evaluate("window.__xss") is None  # type: ignore[attr-defined]
    shown = page.inner_text("#article")  # type: ignore[attr-defined]
    assert "<script>" in shown and "onerror" in shown
    assert page.locator("#article script, #article img").count() == 0  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "xss.png"), full_page=True)  # type: ignore[attr-defined]
