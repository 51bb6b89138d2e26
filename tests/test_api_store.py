"""The database side of the API: events, filters, paging, stats, writes and the token."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.pipeline import Pipeline
from newsevents.web.app import create_app

TOKEN = "s3cret-token"
FIRST_REQUESTS = 8
DOCUMENTS = [
    {"id": "a", "text": "Kenya condemned Somalia on Monday. Kenyan police arrested two Somali diplomats in Nairobi.",
     "date": "2024-06-03", "url": "https://one.example/a"},
    {"id": "b", "text": "Kenya condemned Somalia again on Tuesday.", "date": "2024-06-04", "url": "https://two.example/b"},
    {"id": "c", "text": "Ghana praised Togo for its help on Friday.", "date": "2024-06-07", "url": "https://one.example/c"},
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def client(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("api") / "events.duckdb"
    client = TestClient(create_app(db_path=db, token=TOKEN, pipeline=pipeline))
    response = client.post("/v1/documents", json={"documents": DOCUMENTS}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    return client


def test_documents_were_stored(client: TestClient) -> None:
    assert client.get("/v1/health").json()["database"] is True
    events = client.get("/v1/events").json()["events"]
    assert {(e["source_code"], e["code"], e["target_code"]) for e in events} >= {("KEN", "111", "SOM"), ("GHA", "051", "TGO")}


def test_token_is_required_for_writes(client: TestClient) -> None:
    body = {"documents": [{"id": "x", "text": "Peru praised Chile for its help."}]}
    assert client.post("/v1/documents", json=body).status_code == 401
    assert client.post("/v1/documents", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_writes_refused_beyond_localhost_without_token(pipeline: Pipeline, tmp_path: Path) -> None:
    open_client = TestClient(create_app(db_path=tmp_path / "x.duckdb", host="0.0.0.0", pipeline=pipeline))
    body = {"documents": [{"id": "x", "text": "Peru praised Chile for its help."}]}
    assert open_client.post("/v1/documents", json=body).status_code == 403
    local = TestClient(create_app(db_path=tmp_path / "y.duckdb", pipeline=pipeline))
    assert local.post("/v1/documents", json=body).status_code == 200


def test_duplicate_document_is_skipped(client: TestClient) -> None:
    response = client.post("/v1/documents", json={"documents": DOCUMENTS[:1]}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.json()["results"][0]["status"] == "duplicate"


@pytest.mark.parametrize("params,expected", [
    ({"actor": "GHA"}, {("GHA", "051", "TGO")}),
    ({"source": "KEN", "code": "111"}, {("KEN", "111", "SOM")}),
    ({"target": "TGO"}, {("GHA", "051", "TGO")}),
    ({"root": "05"}, {("GHA", "051", "TGO")}),
    ({"quad": 1}, {("GHA", "051", "TGO")}),
    ({"until": "2024-05-28"}, {("KEN", "111", "SOM")}),  # "on Monday"/"on Tuesday" resolve to the week before
    ({"text": "praised"}, {("GHA", "051", "TGO")}),
])
def test_filters(client: TestClient, params: dict[str, object], expected: set[tuple[str, str, str]]) -> None:
    events = client.get("/v1/events", params=params).json()["events"]
    assert {(e["source_code"], e["code"], e["target_code"]) for e in events} == expected


def test_paging(client: TestClient) -> None:
    first = client.get("/v1/events", params={"limit": 1}).json()
    second = client.get("/v1/events", params={"limit": 1, "offset": 1}).json()
    assert first["next_offset"] == 1 and len(first["events"]) == 1
    assert first["events"][0]["event_id"] != second["events"][0]["event_id"]


def test_csv_format(client: TestClient) -> None:
    response = client.get("/v1/events", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.splitlines()[0].startswith("event_id,date")


def test_one_event_with_its_mentions(client: TestClient) -> None:
    (event,) = client.get("/v1/events", params={"source": "KEN", "code": "111"}).json()["events"]
    detail = client.get(f"/v1/events/{event['event_id']}").json()
    assert detail["num_articles"] == len({m["doc_id"] for m in detail["mentions"]}) >= 1
    assert all(m["sentence"] for m in detail["mentions"])
    assert client.get("/v1/events/nope").status_code == 404


def test_stats(client: TestClient) -> None:
    days = client.get("/v1/stats/timeline").json()["days"]
    assert days and all(d["total"] == d["quad1"] + d["quad2"] + d["quad3"] + d["quad4"] for d in days)
    dyads = client.get("/v1/stats/dyads").json()["dyads"]
    assert {"source": "GHA", "target": "TGO"}.items() <= next(d for d in dyads if d["source"] == "GHA").items()


@pytest.mark.parametrize("params", [
    {"actor": "' OR 1=1 --"},
    {"text": "' OR 1=1 --"},
    {"text": "%"},
    {"country": "../../etc/passwd"},
])
def test_hostile_filter_values_match_nothing_and_break_nothing(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/v1/events", params=params)
    assert response.status_code in (200, 422)
    if response.status_code == 200:
        assert response.json()["events"] == []
    assert client.get("/v1/events").json()["events"]  # the table is still there


@pytest.mark.parametrize("params", [{"limit": 10**12}, {"offset": -1}, {"quad": 9}, {"since": "yesterday"}])
def test_bad_numbers_and_dates(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/v1/events", params=params).status_code in (400, 422)


def test_no_database_answers_503(pipeline: Pipeline) -> None:
    bare = TestClient(create_app(pipeline=pipeline))
    assert bare.get("/v1/events").status_code == 503


@pytest.mark.issue(13)
def test_first_requests_at_once_open_the_store_once(pipeline: Pipeline, tmp_path: Path) -> None:
    """Requests arriving together on a server whose store is not open yet: each used to open
    (and create) it, and all but one could get a 503."""
    client = TestClient(create_app(db_path=tmp_path / "fresh.duckdb", pipeline=pipeline))
    with ThreadPoolExecutor(FIRST_REQUESTS) as pool:
        statuses = list(pool.map(lambda _: client.get("/v1/events").status_code, range(FIRST_REQUESTS)))
    assert statuses == [200] * FIRST_REQUESTS


@pytest.mark.issue(15)
def test_events_carry_their_counts(client: TestClient) -> None:
    events = client.get("/v1/events", params={"code": "17"}).json()["events"]
    (arrest,) = [e for e in events if e["source_code"] == "KENCOP"]
    assert arrest["attributes"]["arrested"] == {"min": 2, "max": 2, "text": "two", "span": [58, 61]}
    assert client.get(f"/v1/events/{arrest['event_id']}").json()["attributes"] == arrest["attributes"]
    others = client.get("/v1/events", params={"code": "111"}).json()["events"]
    assert all(e["attributes"] == {} for e in others)
    csv_text = client.get("/v1/events", params={"code": "17", "format": "csv"}).text
    assert '""arrested"": {""min"": 2' in csv_text
