"""The Explore view in headless Chromium, checked by what the user sees: the map's shapes, a
gap on the time axis, the evidence beside its row, filters in the URL, a phone-width page and
the dyad network's arrows, the alerts. One small store (a dozen one-line documents on two days
30 days apart) and one server for the module. Needs Debian's chromium and Playwright for Python; skipped otherwise."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from newsevents.pipeline import Pipeline
from newsevents.web.app import create_app

from .test_browser import CHROMIUM, CHROMIUM_ARGS, serving

FIRST_DAY, LAST_DAY = "2024-05-01", "2024-05-31"  # 30 days apart, nothing between
DOCUMENTS = [
    {"id": "a", "text": "Kenya condemned Somalia.", "date": FIRST_DAY},
    {"id": "b", "text": "Kenyan police arrested protesters in Nairobi.", "date": FIRST_DAY},
    {"id": "c", "text": "Ghana praised Togo for its help in Accra.", "date": LAST_DAY},
    {"id": "d", "text": "Russia threatened Ukraine.", "date": LAST_DAY},
]
# Eight protests in Iran on the last day, against a month with none: a spike for GET /v1/alerts.
PROTESTS = ["Thousands of Iranian protesters rallied in Isfahan.", "Iranian students protested in Shiraz.",
            "Iranian workers went on strike in Tabriz.", "Iranian doctors protested in Mashhad.",
            "Iranian teachers went on strike in Ahvaz.", "Iranian farmers protested in Kerman.",
            "Iranian truck drivers went on strike in Bandar Abbas.", "Iranian students rallied in Tehran."]
DOCUMENTS += [{"id": f"protest-{n}", "text": text, "date": LAST_DAY} for n, text in enumerate(PROTESTS)]
READY = ("document.querySelectorAll('#events-table tbody tr').length > 0"
         " && document.querySelectorAll('#map path.country').length > 0"
         " && document.querySelectorAll('#timeline rect.bar').length > 0"
         " && document.querySelectorAll('#network .edge').length > 0")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    db = tmp_path_factory.mktemp("explorer") / "events.duckdb"
    pipeline = Pipeline()
    with TestClient(create_app(db_path=db, pipeline=pipeline)) as client:
        response = client.post("/v1/documents", json={"documents": DOCUMENTS})
        assert response.status_code == 200, response.text
        assert all(result["status"] == "stored" for result in response.json()["results"])
    with serving(create_app(db_path=db, pipeline=pipeline)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open(browser: Any, server: str, query: str = "view=explore", width: int = 1280, height: int = 800,
          ready: str = READY) -> Any:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{server}/?{query}")
    page.wait_for_function(ready, timeout=60_000)
    return page


def _query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _table_rows(page: Any) -> list[str]:
    return page.eval_on_selector_all("#events-table tbody tr:not(.evidence-row)", "rows => rows.map(r => r.innerText)")


def test_map_draws_country_shapes_and_points(browser: Any, server: str) -> None:
    page = _open(browser, server)
    boxes = page.eval_on_selector_all("#map path.country", "paths => paths.map(p => { const b = p.getBoundingClientRect(); "
                                      "return [p.dataset.code, b.width, b.height, +p.dataset.count]; })")
    drawn = [code for code, width, height, _count in boxes if width > 0 and height > 0]
    assert len(drawn) >= 150, f"only {len(drawn)} country shapes have a size"
    # Zoomed to the events: Kenya, Ghana and Iran are inside the map's box, Brazil is not.
    inside = page.evaluate("""(() => { const m = document.querySelector('#map').getBoundingClientRect();
        const within = (code) => { const b = document.querySelector(`#map path[data-code=${code}]`).getBoundingClientRect();
            return b.left >= m.left && b.right <= m.right && b.top >= m.top && b.bottom <= m.bottom; };
        return ['KEN', 'GHA', 'IRN', 'BRA'].map(within); })()""")
    assert inside == [True, True, True, False]
    counts = {code: n for code, _w, _h, n in boxes}
    assert counts["KEN"] >= 1 and counts["GHA"] >= 1 and counts["FRA"] == 0
    fills = page.eval_on_selector_all("#map path.country",
                                      "ps => Object.fromEntries(ps.map(p => [p.dataset.code, p.getAttribute('fill')]))")
    assert fills["KEN"] != fills["FRA"]
    # Nairobi and Accra as dots, inside the map, Nairobi east of and south of Accra.
    dots = page.eval_on_selector_all("#map circle.place", "cs => cs.map(c => { const b = c.getBoundingClientRect(); "
                                     "return [c.dataset.country, b.x + b.width / 2, b.y + b.height / 2]; })")
    where = {country: (x, y) for country, x, y in dots}
    assert where["KEN"][0] > where["GHA"][0] and where["KEN"][1] > where["GHA"][1]
    # A click on a place filters to its country; a click on a country, to that country.
    page.click("#map circle.place[data-country='GHA']")
    page.wait_for_function("document.querySelector('#page-info').textContent.endsWith(' of 1')")
    assert _query(page)["country"] == ["GHA"]
    assert all("Accra" in row for row in _table_rows(page))
    # The map opens on the events (Ghana to Iran): Nigeria is in view, and has none.
    page.click("#map path.country[data-code='NGA']")
    page.wait_for_function("document.querySelector('#total').textContent === '0 events'")
    assert _query(page)["country"] == ["NGA"]
    page.close()


def test_time_axis_shows_the_gap_between_two_days(browser: Any, server: str) -> None:
    page = _open(browser, server)
    bars = page.eval_on_selector_all("#timeline rect.bar", "rs => rs.map(r => [r.dataset.period, +r.dataset.count, "
                                     "r.getBoundingClientRect().x, r.getBoundingClientRect().height])")
    periods = [dt.date.fromisoformat(period) for period, *_ in bars]
    assert periods == [periods[0] + dt.timedelta(days=n) for n in range(31)], "every day of the range is on the axis"
    busy = [(period, x, height) for period, n, x, height in bars if n > 0]
    empty = [height for _period, n, _x, height in bars if n == 0]
    assert [period for period, _x, _h in busy] == [FIRST_DAY, LAST_DAY]
    assert len(empty) == 29 and max(empty) == 0 and all(height > 0 for _p, _x, height in busy)
    day_width = bars[1][2] - bars[0][2]
    assert day_width > 0
    assert abs((busy[1][1] - busy[0][1]) - 30 * day_width) < 1.0, "the two days lie 30 days apart on the axis"
    # Hovering a day says its count; the Goldstein scale has its own (right-hand) axis.
    page.hover("#timeline rect.hit >> nth=0")
    assert "2 events" in page.inner_text("#tooltip")
    assert page.locator("#timeline .goldstein-label").count() >= 5
    page.close()


def test_evidence_opens_in_view_and_closes_when_filters_change(browser: Any, server: str) -> None:
    page = _open(browser, server, height=600)
    page.locator("#events-table button.evidence").last.click()
    page.wait_for_function("document.querySelector('#event-detail q') !== null")
    box = page.evaluate("(() => { const b = document.querySelector('#event-detail').getBoundingClientRect(); "
                        "return [b.top, b.bottom, b.height, innerHeight]; })()")
    top, bottom, height, viewport = box
    assert height > 0 and top >= 0 and bottom <= viewport, box
    # Right under its own row.
    above = "document.querySelector('#event-detail').closest('tr').previousElementSibling.dataset.event"
    assert page.evaluate(above) is not None
    page.locator("#roots .chip").first.click()
    page.wait_for_function("new URLSearchParams(location.search).get('code') !== null")
    assert page.locator("#event-detail").count() == 0
    page.close()


def test_filters_round_trip_through_the_url(browser: Any, server: str) -> None:
    page = _open(browser, server, "actor=KEN&sort=source&view=explore")
    assert page.input_value("#filters [name=actor]") == "KEN"
    # The pager is written with the rows (the total may come first).
    page.wait_for_function("document.querySelector('#page-info').textContent === '1–2 of 2'")
    rows = _table_rows(page)
    assert len(rows) == 2 and all("KEN" in row for row in rows)
    assert rows[0].split("\t")[1] <= rows[1].split("\t")[1], "sorted by source"
    # A change made on the page is in the URL; opening that URL restores it.
    page.fill("#filters [name=since]", LAST_DAY)
    page.click("#filter-button")
    page.wait_for_function("new URLSearchParams(location.search).get('since') === '2024-05-31'")
    shared = page.url
    other = _open(browser, server, urlparse(shared).query, ready="document.querySelector('#map path.country') !== null")
    assert other.input_value("#filters [name=actor]") == "KEN" and other.input_value("#filters [name=since]") == LAST_DAY
    other.wait_for_function("document.querySelector('#total').textContent === '0 events'")
    page.go_back()
    page.wait_for_function("document.querySelector('#filters [name=since]').value === ''")
    for opened in (page, other):
        opened.close()


def test_page_fits_a_400_px_screen(browser: Any, server: str) -> None:
    page = _open(browser, server, width=400)
    page.locator("#events-table button.evidence").first.click()
    page.wait_for_function("document.querySelector('#event-detail q') !== null")
    page.hover("#timeline rect.hit >> nth=-1")
    width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    assert width <= 400
    for chart in ("#timeline", "#map", "#network"):
        right = page.evaluate(f"document.querySelector('{chart}').getBoundingClientRect().right")
        assert 0 < right <= 400, chart
    page.close()


def test_dyad_network_has_arrows_and_an_edge_click_filters_the_table(browser: Any, server: str) -> None:
    page = _open(browser, server)
    edges = page.eval_on_selector_all("#network path.edge", "es => es.map(e => [e.dataset.source, e.dataset.target, "
                                      "e.getAttribute('marker-end'), e.getAttribute('stroke')])")
    assert ["GHA", "TGO"] in [[s, t] for s, t, _m, _c in edges]
    assert all(marker and marker.startswith("url(#arrow-q") for _s, _t, marker, _c in edges)
    assert len({colour for *_rest, colour in edges}) >= 2, "coloured by QuadClass"
    # Node labels do not overlap one another.
    labels = page.eval_on_selector_all("#network .node text", "ts => ts.map(t => { const b = t.getBoundingClientRect(); "
                                       "return [b.left, b.top, b.right, b.bottom]; })")
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    page.click("#network .edge-label[data-source='GHA'][data-target='TGO']")
    page.wait_for_function("document.querySelector('#page-info').textContent.endsWith(' of 1')")
    query = _query(page)
    assert query["source"] == ["GHA"] and query["target"] == ["TGO"]
    rows = _table_rows(page)
    assert len(rows) == 1 and "GHA" in rows[0] and "TGO" in rows[0]
    page.close()


def test_table_total_names_counts_and_downloads(browser: Any, server: str) -> None:
    page = _open(browser, server)
    total = int(page.inner_text("#total").split()[0])
    assert total >= len(DOCUMENTS) and len(_table_rows(page)) == total
    assert page.inner_text("#page-info") == f"1–{total} of {total}"
    assert "Kenya" in page.inner_text("#events-table")  # a name beside KEN
    chips = page.eval_on_selector_all("#roots .chip", "cs => cs.map(c => c.textContent)")
    assert sum(int(chip.rsplit(":", 1)[1]) for chip in chips) == total
    page.fill("#filters [name=actor]", "GHA")
    page.click("#filter-button")
    page.wait_for_function("document.querySelector('#total').textContent === '1 event'")
    csv_text = page.request.get(server + page.get_attribute("#download-csv", "href")).text()
    assert len(csv_text.strip().splitlines()) == 2 and "GHA" in csv_text
    parquet = page.request.get(server + page.get_attribute("#download-parquet", "href")).body()
    assert parquet[:4] == b"PAR1"
    page.close()


def test_alert_is_listed_and_a_click_shows_its_events(browser: Any, server: str) -> None:
    page = _open(browser, server)
    page.wait_for_function("document.querySelector('#alerts button.alert') !== null")
    listed = page.eval_on_selector_all("#alerts button.alert", "bs => bs.map(b => b.textContent)")
    assert all(LAST_DAY in text for text in listed), listed
    # The spike of protests in Iran (a spike per dyad may be listed too).
    alert = page.locator("#alerts button.alert[data-country='IRN']").first
    assert alert.get_attribute("data-period") == LAST_DAY and "spike" in alert.inner_text()
    alert.click()
    page.wait_for_function("new URLSearchParams(location.search).get('until') === '2024-05-31'")
    query = _query(page)
    assert query["since"] == [LAST_DAY] and query["country"] == ["IRN"] and query["code"] == ["14"]
    page.wait_for_function(f"document.querySelector('#page-info').textContent === '1–{len(PROTESTS)} of {len(PROTESTS)}'")
    assert all("IRN" in row and LAST_DAY in row for row in _table_rows(page))
    page.close()
