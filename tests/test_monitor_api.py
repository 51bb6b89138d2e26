"""GET /v1/trends and GET /v1/alerts (issue 16): the contract's shapes, the filters of
GET /v1/events, clear 400/422 errors, and both in the OpenAPI document."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsevents.pipeline import Pipeline
from newsevents.store import connect
from newsevents.web.app import create_app

from .synthetic_events import START, Row, background, insert

pytestmark = pytest.mark.issue(16)

BURST_DAY = START + dt.timedelta(days=60)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("monitor-api") / "store.duckdb"
    con = connect(path)
    insert(con, [*background(), *(Row(f"burst{n}", BURST_DAY, "141", "NGAOPP", None, "NGA") for n in range(20))])
    con.close()
    # The pipeline is never loaded: no request here codes anything.
    return TestClient(create_app(db_path=path, pipeline=Pipeline()), raise_server_exceptions=False)


def error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    return str(body["error"]["message"])


def test_trends_by_day_with_empty_days(client: TestClient) -> None:
    response = client.get("/v1/trends", params={"country": "NGA", "root": "14", "since": "2024-02-28", "until": "2024-03-02"})
    assert response.status_code == 200
    body = response.json()
    assert body["interval"] == "day" and body["since"] == "2024-02-28" and body["until"] == "2024-03-02"
    assert [p["period"] for p in body["series"]] == ["2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"]
    burst = body["series"][2]
    assert burst["count"] >= 20 and burst["goldstein_mean"] == -6.5
    empty = [p for p in client.get("/v1/trends", params={"country": "KEN"}).json()["series"] if p["count"] == 0]
    assert empty and all(p["goldstein_mean"] is None for p in empty)


def test_trends_by_week_default_range(client: TestClient) -> None:
    body = client.get("/v1/trends", params={"interval": "week"}).json()
    assert body["since"] == START.isoformat() and body["series"][0]["period"] == START.isoformat()
    days = {dt.date.fromisoformat(p["period"]) for p in body["series"]}
    assert all(day.weekday() == 0 for day in days) and len(days) == 13


def test_alerts_in_the_contract_shape(client: TestClient) -> None:
    body = client.get("/v1/alerts").json()
    assert "negative binomial" in body["method"] and "28 days" in body["method"]
    (alert,) = body["alerts"]
    assert set(alert) == {"kind", "period", "dyad", "country", "root", "count", "baseline", "score", "goldstein_mean",
                          "baseline_goldstein", "event_ids"}
    assert (alert["kind"], alert["period"], alert["dyad"], alert["country"], alert["root"]) == (
        "spike", BURST_DAY.isoformat(), None, "NGA", "14")
    assert {f"burst{n}" for n in range(20)} <= set(alert["event_ids"])
    event = client.get(f"/v1/events/{alert['event_ids'][0]}")
    assert event.status_code == 200  # every id leads to its event


@pytest.mark.parametrize(("params", "count"), [
    ({"country": "FRA"}, 0), ({"actor": "NGA"}, 1), ({"quad": 3}, 1), ({"quad": 4}, 0), ({"root": "01"}, 0),
    ({"threshold": 100}, 0), ({"min_count": 50}, 0), ({"window": 14, "interval": "day"}, 1),
    ({"interval": "week"}, 1), ({"since": "2024-03-02"}, 0),
])
def test_alert_filters_and_options(client: TestClient, params: dict[str, Any], count: int) -> None:
    response = client.get("/v1/alerts", params=params)
    assert response.status_code == 200, response.text
    assert len(response.json()["alerts"]) == count


@pytest.mark.parametrize(("route", "params", "status", "words"), [
    ("/v1/trends", {"interval": "month"}, 422, "interval"),
    ("/v1/trends", {"since": "2024-02-30"}, 400, "since must be a date"),
    ("/v1/trends", {"since": "1000-01-01", "until": "2024-01-01"}, 400, "group by week"),
    ("/v1/trends", {"quad": 5}, 422, "quad"),
    ("/v1/alerts", {"window": 0}, 422, "window"),
    ("/v1/alerts", {"threshold": "nan"}, 422, "threshold"),
    ("/v1/alerts", {"threshold": -2}, 422, "threshold"),
    ("/v1/alerts", {"min_count": "many"}, 422, "min_count"),
    ("/v1/alerts", {"until": "2024-13-01"}, 400, "until must be a date"),
])
def test_bad_parameters_are_clear_errors(client: TestClient, route: str, params: dict[str, Any], status: int,
                                         words: str) -> None:
    assert words in error(client.get(route, params=params), status)


def test_both_routes_are_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/v1/trends", "/v1/alerts"):
        parameters = {p["name"] for p in paths[route]["get"]["parameters"]}
        assert {"actor", "source", "target", "country", "root", "quad", "since", "until", "interval"} <= parameters
    assert {"window", "threshold", "min_count"} <= {p["name"] for p in paths["/v1/alerts"]["get"]["parameters"]}


def test_no_database_is_503(tmp_path: Path) -> None:
    bare = TestClient(create_app(pipeline=Pipeline()), raise_server_exceptions=False)
    assert "--db" in error(bare.get("/v1/trends"), 503)
    assert "--db" in error(bare.get("/v1/alerts"), 503)
