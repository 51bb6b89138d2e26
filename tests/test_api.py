"""The REST API in-process: coding, errors, limits."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsevents.pipeline import Pipeline
from newsevents.web.app import MAX_BODY_BYTES, create_app

ARTICLE = "Kenyan Foreign Minister Musalia Mudavadi visited Ethiopia on Wednesday. Kenya condemned Somalia."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def client(pipeline: Pipeline) -> TestClient:
    return TestClient(create_app(pipeline=pipeline))


def test_health(client: TestClient) -> None:
    body = client.get("/v1/health").json()
    assert body["status"] == "ok" and body["database"] is False


def test_code_text(client: TestClient) -> None:
    response = client.post("/v1/code", json={"text": ARTICLE, "date": "2024-06-21"})
    assert response.status_code == 200
    body = response.json()
    assert body["document"]["text"] == ARTICLE and body["document"]["date"] == "2024-06-21"
    codes = {(e["source"]["code"], e["cameo"]["code"], e["target"]["code"] if e["target"] else None) for e in body["events"]}
    assert ("KENGOV", "042", "ETH") in codes and ("KEN", "111", "SOM") in codes
    assert any(m["code"] == "KENGOV" for m in body["mentions"])


def test_code_html(client: TestClient) -> None:
    html = f"<html><head><title>T</title></head><body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>"
    body = client.post("/v1/code", json={"html": html}).json()
    assert body["events"]


def test_code_url_from_local_server(pipeline: Pipeline, http_server) -> None:
    base, pages = http_server
    pages["/a.html"] = (200, "text/html", f"<html><body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>".encode())
    # Fetching is opt-in, and to public addresses only: this test's policy lets the local server through.
    client = TestClient(create_app(pipeline=pipeline, allow_fetch=True, fetch_policy=lambda address: address.is_loopback))
    assert client.post("/v1/code", json={"url": f"{base}/a.html"}).json()["events"]
    unreachable = client.post("/v1/code", json={"url": f"{base}/missing"})
    assert unreachable.status_code == 400 and "HTTP 404" in unreachable.json()["error"]["message"]


@pytest.mark.parametrize("payload,status", [
    ({}, 400),
    ({"text": "a", "html": "<p>b</p>"}, 400),
    ({"text": ARTICLE, "date": "not a date"}, 400),
    ({"text": ARTICLE, "colour": "blue"}, 422),
    ({"text": 42}, 422),
    ({"url": "ftp://example.org/x"}, 400),
])
def test_bad_requests_are_json_errors(client: TestClient, payload: dict[str, object], status: int) -> None:
    response = client.post("/v1/code", json=payload)
    assert response.status_code == status
    assert set(response.json()) == {"error"} and "Traceback" not in response.text


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post("/v1/code", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 422


def test_oversized_body_is_413(client: TestClient) -> None:
    response = client.post("/v1/code", content=b"x" * (MAX_BODY_BYTES + 1), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["status"] == 413


def test_non_english_text_is_refused(client: TestClient) -> None:
    text = "El ministro de Asuntos Exteriores visitó Bogotá el miércoles para reunirse con su homólogo colombiano y hablar del comercio."
    response = client.post("/v1/code", json={"text": text})
    assert response.status_code == 400 and "language es" in response.json()["error"]["message"]


def test_page_and_openapi(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert client.get("/static/app.js").status_code == 200
    schema = client.get("/openapi.json").json()
    assert "/v1/code" in schema["paths"]
    assert client.get("/docs").status_code == 404  # Swagger UI needs a CDN: not served (issue 13)


class _CountingPipeline(Pipeline):
    loads = 0

    def load(self) -> Pipeline:
        type(self).loads += 1
        return self


@pytest.mark.issue(13)
def test_models_load_when_the_server_starts() -> None:
    """Not on the first request to code, which took 10-20 s (past a client's timeout)."""
    with TestClient(create_app(pipeline=_CountingPipeline())) as started:
        assert _CountingPipeline.loads == 1
        assert started.get("/v1/health").status_code == 200



@pytest.mark.issue(15)
def test_coded_events_carry_their_counts(client: TestClient) -> None:
    text = "Ethiopian troops attacked a village on Monday, killing at least 20 people."
    body = client.post("/v1/code", json={"text": text, "date": "2024-06-21"}).json()
    attacks = [e for e in body["events"] if e["cameo"]["root"] == "19"]
    assert attacks and all(e["attributes"]["killed"] == {"min": 20, "max": None, "text": "at least 20", "span": [55, 66]}
                           for e in attacks)
