"""Take the screenshots of the web page shown in docs/ (run by hand).

    python scripts/screenshots.py --db newsevents.duckdb [--article FILE] [--out docs]

Starts the server on a free local port, opens the page in Debian's headless Chromium through
Playwright, codes an article in the Code view, applies no filter in the Explore view, and
saves docs/code-view.png and docs/explore-view.png.
"""
from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from newsevents.pipeline import Pipeline
from newsevents.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--article", type=Path, default=REPO.parent / "shared" / "data" / "seed" / "article.txt")
    parser.add_argument("--date", default="2024-06-21")
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    args = parser.parse_args()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_path=args.db, pipeline=Pipeline()), host="127.0.0.1",
                                           port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"http://127.0.0.1:{port}/")
        page.fill("#input-text", args.article.read_text(encoding="utf-8"))
        page.fill("#input-date", args.date)
        page.click("#code-button")
        page.wait_for_function("document.querySelector('#code-status').textContent.includes('events')", timeout=60_000)
        page.locator("#article .trigger").first.hover()
        page.screenshot(path=str(args.out / "code-view.png"), full_page=True)
        page.click("#tab-explore")
        page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length > 0", timeout=60_000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(args.out / "explore-view.png"), full_page=True)
        browser.close()
    server.should_exit = True
    print(f"saved {args.out / 'code-view.png'} and {args.out / 'explore-view.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
