"""API abuse (issue 8): oversized bodies 413, malformed JSON 422, wrong content types 415,
hostile query parameters handled, writes only with the token, and a schemathesis pass over
/openapi.json with no server error.
"""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from newsevents.pipeline import Pipeline
from newsevents.web.app import MAX_BODY_BYTES, create_app

from .conftest import no_traceback

pytestmark = pytest.mark.issue(8)

TOKEN = "robust-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DOCUMENTS = [
    {"id": "a", "text": "Kenya condemned Somalia on Monday. Kenyan police arrested two Somali diplomats in Nairobi.",
     "date": "2024-06-03", "url": "https://one.example/a"},
    {"id": "b", "text": "Ghana praised Togo for its help on Friday.", "date": "2024-06-07", "url": "https://two.example/b"},
]
WRITE_ROUTES = ("/v1/code", "/v1/documents")
FILTER_ROUTES = ("/v1/events", "/v1/stats/timeline", "/v1/stats/dyads", "/v1/trends", "/v1/alerts", "/v1/stats/summary",
                 "/v1/stats/places")
# schemathesis: examples per operation and generation mode.
SCHEMATHESIS_EXAMPLES = 20
SQL = ("' OR 1=1 --", "'; DROP TABLE events; --", "1) UNION SELECT * FROM documents --", "\" OR \"\"=\"",
       "IRN%' OR '%'='", "0x41; SELECT pg_sleep(5)", "events; DELETE FROM mentions")
TRAVERSAL = ("../../etc/passwd", "..%2f..%2fetc%2fpasswd", "....//....//etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini",
             "%2e%2e/%2e%2e/etc/passwd", "\x00../etc/passwd")
NUMBERS = ("99999999999999999999999999", "-1", "1e309", "NaN", "inf", "-0", "0x10", "1.5", "", " 1", "١٢")
STRING_PARAMS = ("actor", "source", "target", "code", "root", "country", "text", "since", "until", "format", "sort")
NUMBER_PARAMS = ("limit", "offset", "quad")


@pytest.fixture(scope="module")
def app(shared_pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """An app on a small store holding the documents above, with a token for writes."""
    db = tmp_path_factory.mktemp("api-abuse") / "events.duckdb"
    application = create_app(db_path=db, token=TOKEN, pipeline=shared_pipeline)
    client = TestClient(application)
    response = client.post("/v1/documents", json={"documents": DOCUMENTS}, headers=AUTH)
    assert response.status_code == 200 and all(r["status"] == "stored" for r in response.json()["results"])
    application.state.baseline_events = client.get("/v1/events").json()["events"]
    # schemathesis may put any string in "url": never wait 15 s on a made-up host.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSEVENTS_FETCH_TIMEOUT", "0.5")
        yield application


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


def check_error(response: Any, *statuses: int) -> dict[str, Any]:
    """A JSON error with one of these statuses, never a stack trace."""
    assert response.status_code in statuses, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    no_traceback(response.text)
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == response.status_code
    return body


def store_counts(client: TestClient) -> tuple[int, int]:
    events = client.get("/v1/events", params={"limit": 1000}).json()["events"]
    return len(events), sum(e["num_mentions"] for e in events)


@pytest.mark.parametrize("route", WRITE_ROUTES)
def test_oversized_bodies_are_413(client: TestClient, route: str) -> None:
    declared = client.post(route, content=b"x" * (MAX_BODY_BYTES + 1), headers={**AUTH, "Content-Type": "application/json"})
    check_error(declared, 413)

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts what arrives
        yield b'{"text": "'
        for _ in range(3):
            yield b"a" * (MAX_BODY_BYTES // 2)
        yield b'"}'

    streamed = client.post(route, content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    check_error(streamed, 413)
    lying = client.post(route, content=b'{"text": "short"}',
                        headers={**AUTH, "Content-Type": "application/json", "Content-Length": str(10**12)})
    check_error(lying, 413)  # a declared length over the limit is refused before reading


MALFORMED = {
    "unclosed": b"{",
    "single quotes": b"{'text': 'Kenya'}",
    "trailing data": b'{"text": "Kenya condemned Somalia."} {"x": 1}',
    "NaN": b'{"text": NaN}',
    "latin-1": '{"text": "café"}'.encode("latin-1"),
    "invalid UTF-8": b'{"text": "\xff\xfe\xc3\x28"}',
    "raw control character": b'{"text": "Kenya\x00 condemned"}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "empty": b"",
    "null": b"null",
    "array": b"[]",
    "string": b'"text"',
    "number": b"1e999999",
    "lone surrogate": b'{"text": "\\ud800"}',
}


@pytest.mark.parametrize("route", WRITE_ROUTES)
@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_json_is_422(client: TestClient, route: str, name: str) -> None:
    response = client.post(route, content=MALFORMED[name], headers={**AUTH, "Content-Type": "application/json"})
    check_error(response, 422)


WRONG_TYPES = ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml",
               "text/html", "application/octet-stream", "application/jsonx", None)


@pytest.mark.parametrize("route", WRITE_ROUTES)
@pytest.mark.parametrize("content_type", WRONG_TYPES)
def test_wrong_content_types_are_415(client: TestClient, route: str, content_type: str | None) -> None:
    body = json.dumps({"documents": DOCUMENTS} if route == "/v1/documents" else {"text": DOCUMENTS[0]["text"]}).encode()
    headers = dict(AUTH)
    if content_type is not None:
        headers["Content-Type"] = content_type
    request = client.build_request("POST", route, content=body, headers=headers)
    if content_type is None:
        request.headers.pop("Content-Type", None)
    check_error(client.send(request), 415)


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "APPLICATION/JSON", "application/problem+json"])
def test_json_content_types_are_accepted(client: TestClient, content_type: str) -> None:
    response = client.post("/v1/code", content=json.dumps({"text": DOCUMENTS[0]["text"]}).encode(),
                           headers={"Content-Type": content_type})
    assert response.status_code == 200 and response.json()["events"]


def hostile_params() -> Iterator[object]:
    for name in STRING_PARAMS:
        for value in (*SQL, *TRAVERSAL, "x" * 10_000, "🙂" * 50, "%", "_", "\\"):
            yield pytest.param({name: value}, id=f"{name}={value[:24]!r}")
    for name in NUMBER_PARAMS:
        for value in NUMBERS:
            yield pytest.param({name: value}, id=f"{name}={value!r}")
    yield pytest.param([("actor", "KEN"), ("actor", "' OR 1=1 --")], id="repeated")


@pytest.mark.parametrize("route", FILTER_ROUTES)
@pytest.mark.parametrize("params", list(hostile_params()))
def test_hostile_query_parameters(client: TestClient, route: str, params: Any) -> None:
    response = client.get(route, params=params)
    no_traceback(response.text)
    if response.status_code != 200:
        check_error(response, 400, 422)
        return
    body = response.json()
    rows = body.get("events", body.get("days", body.get("dyads", body.get("series", body.get("alerts", body.get(
        "places", body.get("roots")))))))
    assert isinstance(rows, list)
    assert "root:x:0:0" not in response.text


def test_hostile_values_changed_nothing(client: TestClient, app: FastAPI) -> None:
    """Run after the hostile parameters (file order): the store is as it was."""
    events = client.get("/v1/events").json()["events"]
    assert events == app.state.baseline_events
    assert {(e["source_code"], e["code"], e["target_code"]) for e in events} >= {("KEN", "111", "SOM"), ("GHA", "051", "TGO")}
    one = client.get(f"/v1/events/{events[0]['event_id']}").json()
    assert one["mentions"] and one["mentions"][0]["doc_id"] in {"a", "b"}


@pytest.mark.parametrize("path", ["/v1/events/..%2F..%2Fetc%2Fpasswd", "/v1/events/%2e%2e", "/v1/events/' OR 1=1 --",
                                  "/v1/events/" + "9" * 70, "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                                  "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/....//....//etc/passwd",
                                  "/static/%00", "/v1/../../etc/passwd"])
def test_path_traversal(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 422), (path, response.status_code)
    assert "root:x:0:0" not in response.text
    no_traceback(response.text)


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer"}, {"Authorization": "Bearer "},
    {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"},
    {"Authorization": f"Bearer {TOKEN[:-1]}"}, {"X-Token": TOKEN}, {"Cookie": f"token={TOKEN}"},
], ids=lambda h: repr(h)[:40])
def test_writes_need_the_token(client: TestClient, headers: dict[str, str]) -> None:
    before = store_counts(client)
    body = {"documents": [{"id": "intruder", "text": "Peru praised Chile for its help on Tuesday."}]}
    response = client.post("/v1/documents", json=body, headers=headers, params={"token": TOKEN})
    check_error(response, 401)
    assert store_counts(client) == before


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_other_methods_are_405_with_allow(client: TestClient, method: str) -> None:
    response = client.request(method, "/v1/documents", headers=AUTH)
    check_error(response, 405)
    assert response.headers["allow"] == "POST"


def test_locked_or_broken_database_is_503(shared_pipeline: Pipeline, tmp_path: Path) -> None:
    """Another process holds the store (an ingest), or the file is not a store: a clear 503."""
    locked = tmp_path / "locked.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(locked)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        client = TestClient(create_app(db_path=locked, pipeline=shared_pipeline), raise_server_exceptions=False)
        body = check_error(client.get("/v1/events"), 503)
        assert "another process" in body["error"]["message"] and str(tmp_path) not in body["error"]["message"]
    finally:
        holder.kill()
        holder.wait()
    broken = tmp_path / "broken.duckdb"
    broken.write_text("not a database")
    client = TestClient(create_app(db_path=broken, pipeline=shared_pipeline), raise_server_exceptions=False)
    check_error(client.get("/v1/stats/dyads"), 503)


# --- schemathesis -------------------------------------------------------------------------

CALLS: Counter[str] = Counter()
STATUSES: Counter[int] = Counter()


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


# The pass drives Hypothesis with schemathesis's public strategies rather than through its
# pytest plugin: the plugin's lazy schema (from_fixture) renames the test item through
# pytest's private Function._nodeid, which pytest 9.2 removed, so a fresh install failed with
# AttributeError while an older pytest on the CI machine hid it (issue 13).
@pytest.mark.parametrize("mode", list(GenerationMode))
def test_schemathesis(api_schema: Any, mode: GenerationMode) -> None:
    """Every operation, with the token, with data the schema allows and data it does not: no
    5xx, and every response as documented (status, content type, body schema, Allow on 405,
    invalid data refused). Not checked: that data the schema allows is accepted ("positive
    data acceptance"): the schema cannot say "exactly one of text, html or url" nor "English
    text", which answer 400."""
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if mode is GenerationMode.NEGATIVE and not _has_inputs(operation):
            continue  # nothing to get wrong (GET /v1/health): Hypothesis finds no case

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=SCHEMATHESIS_EXAMPLES, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            response = case.call_and_validate(headers=AUTH, excluded_checks=[positive_data_acceptance])
            CALLS[case.operation.label] += 1
            STATUSES[response.status_code] += 1
            assert response.status_code < 500, case.operation.label

        check()


def _has_inputs(operation: Any) -> bool:
    return bool(operation.body or operation.query or operation.path_parameters or operation.headers)


def test_schemathesis_totals() -> None:
    """Runs after the schemathesis pass (file order): report what it did."""
    if not CALLS:
        pytest.skip("the schemathesis pass did not run (selected alone?)")
    print(f"\nschemathesis: {len(CALLS)} operations, {sum(CALLS.values())} requests: {dict(CALLS)}; "
          f"statuses {dict(sorted(STATUSES.items()))}")
    # issue 16 added GET /v1/export, /v1/trends and /v1/alerts, and the explorer's /v1/stats/summary,
    # /v1/stats/places and /v1/map/countries
    assert len(CALLS) == 13
    assert not [status for status in STATUSES if status >= 500]
