"""Take the explorer screenshots shown in the README (docs/img/*.png), from a demo store (run by hand).

    python scripts/explorer_screenshots.py [--db demo.duckdb] [--out docs/img]

Builds the demo store, unless --db names one that exists, by posting synthetic one-line news
documents (a few actors and places, spread over half a year with a quiet month and one day's
burst of protests) to the app's own POST /v1/documents, so the events are coded as any
document would be. Then it serves the store on a free local port, opens the page in Debian's
headless Chromium through Playwright and saves: the map, the timeline (with its gaps), the dyad
network, the evidence panel after a click, and the whole page at 400 px.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from fastapi.testclient import TestClient
from playwright.sync_api import Page, sync_playwright

from newsevents.pipeline import Pipeline
from newsevents.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
REPO = Path(__file__).resolve().parents[1]
# Sentences the coder reads as one event each, most with a located place.
SENTENCES = [
    "Kenya condemned Somalia.", "Kenyan police arrested protesters in Nairobi.",
    "Ghana praised Togo for its help in Accra.", "Israeli troops attacked Gaza.",
    "Protesters demonstrated against the government in Tehran.", "Russia threatened Ukraine.",
    "China accused Japan of provocation.", "Turkey accused Syria of shelling border towns.",
    "The United States imposed sanctions on Iran.", "Indian police clashed with protesters in Mumbai.",
    "Nigerian police arrested protesters in Lagos.", "Pakistani troops clashed with militants in Peshawar.",
    "Egypt hosted talks with Sudan in Cairo.", "Germany criticized Poland.",
]
BURST = ["Thousands of Iranian protesters rallied in Isfahan.", "Iranian students protested in Shiraz.",
         "Iranian workers went on strike in Tabriz.", "Iranian doctors protested in Mashhad.",
         "Iranian teachers went on strike in Ahvaz.", "Iranian farmers protested in Kerman.",
         "Iranian truck drivers went on strike in Bandar Abbas.", "Iranian students rallied in Tehran."]
START = dt.date(2024, 1, 1)
DAYS = 182
QUIET = (dt.date(2024, 3, 20), dt.date(2024, 4, 25))  # a month with no news: a gap on the axis
BURST_DAY = dt.date(2024, 5, 14)


def demo_documents(seed: int = 16) -> list[dict[str, str]]:
    """About 140 one-sentence documents over half a year, with a gap and a burst."""
    rng = random.Random(seed)
    documents = []
    for offset in range(DAYS):
        day = START + dt.timedelta(days=offset)
        if QUIET[0] <= day <= QUIET[1] or rng.random() < 0.45:
            continue
        for n in range(rng.randint(1, 2)):
            documents.append({"id": f"{day}-{n}", "text": rng.choice(SENTENCES), "date": day.isoformat()})
    documents += [{"id": f"{BURST_DAY}-burst-{n}", "text": BURST[n % len(BURST)], "date": BURST_DAY.isoformat()}
                  for n in range(12)]
    # Stored documents are told apart by their text: each report gets its own dateline.
    for number, document in enumerate(documents, start=1):
        document["text"] += f" (Dispatch {number}.)"
    return documents


def build_store(path: Path, pipeline: Pipeline) -> int:
    with TestClient(create_app(db_path=path, pipeline=pipeline)) as client:
        documents = demo_documents()
        for start in range(0, len(documents), 50):
            response = client.post("/v1/documents", json={"documents": documents[start:start + 50]})
            response.raise_for_status()
    return len(documents)


def wait_for_explorer(page: Page) -> None:
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length > 0"
                           " && document.querySelectorAll('#map path.country').length > 0"
                           " && document.querySelectorAll('#timeline rect.bar').length > 0", timeout=60_000)
    page.wait_for_timeout(300)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a store to show (default: a demo store built in a temporary folder)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    args = parser.parse_args()
    pipeline = Pipeline()
    folder = tempfile.TemporaryDirectory(prefix="newsevents-demo-")
    db = args.db or Path(folder.name) / "demo.duckdb"
    if not db.exists():
        print(f"building the demo store {db}: {build_store(db, pipeline)} documents")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_path=db, pipeline=pipeline), host="127.0.0.1",
                                           port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    args.out.mkdir(parents=True, exist_ok=True)
    base = f"http://127.0.0.1:{port}/?view=explore"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base)
        wait_for_explorer(page)
        # Hover the burst's day, and keep its tooltip (below the chart) in the picture.
        page.locator(f"#timeline rect.bar[data-period='{BURST_DAY}']").hover(force=True)
        panel = page.locator("#timeline").locator("xpath=ancestor::div[contains(@class,'panel')]").bounding_box()
        page.screenshot(path=str(args.out / "explorer-timeline.png"),
                        clip={**panel, "height": panel["height"] + 70} if panel else None)
        page.locator("#map").locator("xpath=ancestor::div[contains(@class,'panel')]").screenshot(
            path=str(args.out / "explorer-map.png"))
        page.locator("#network").locator("xpath=ancestor::div[contains(@class,'panel')]").screenshot(
            path=str(args.out / "explorer-network.png"))
        page.locator("#events-table .evidence").nth(2).click()
        page.wait_for_function("document.querySelector('#event-detail q') !== null", timeout=30_000)
        page.screenshot(path=str(args.out / "explorer-evidence.png"))
        phone = browser.new_page(viewport={"width": 400, "height": 800})
        phone.goto(base)
        wait_for_explorer(phone)
        phone.screenshot(path=str(args.out / "explorer-400px.png"), full_page=True)
        browser.close()
    server.should_exit = True
    print(f"saved 5 screenshots under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
