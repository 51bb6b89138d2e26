"""The API under the inputs of issue 18: a batch with one failing document, a long coordinated
list, non-ASCII tokens and headers, javascript: URLs, foreign Host headers."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

import newsevents.pipeline
from newsevents.pipeline import Pipeline
from newsevents.web.app import create_app

from .conftest import no_traceback

pytestmark = pytest.mark.issue(18)

TOKEN = "robust-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BATCH = [
    {"id": "a", "text": "Kenya condemned Somalia on Monday.", "date": "2024-06-03"},
    {"id": "b", "text": "Uganda praised Rwanda on Tuesday.", "date": "2024-06-04"},
    {"id": "c", "text": "Ghana praised Togo for its help on Friday.", "date": "2024-06-07"},
]


ENGLISH = "The ministers met in Nairobi on Monday to talk about the drought and the long border between them."


@pytest.fixture
def store_client(shared_pipeline: Pipeline, tmp_path: Path) -> tuple[TestClient, Path]:
    db = tmp_path / "events.duckdb"
    return TestClient(create_app(db_path=db, token=TOKEN, pipeline=shared_pipeline),
                      raise_server_exceptions=False), db


def failing_on(doc_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the event coder fail on one document, as a coder bug would."""
    real = newsevents.pipeline.extract_events

    def extract(doc: Any, document: Any, *args: Any, **kwargs: Any) -> Any:
        if document.id == doc_id:
            raise RuntimeError("boom")
        return real(doc, document, *args, **kwargs)

    monkeypatch.setattr(newsevents.pipeline, "extract_events", extract)


def test_one_failing_document_gets_its_own_result(store_client: tuple[TestClient, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    client, db = store_client
    failing_on("b", monkeypatch)
    response = client.post("/v1/documents", json={"documents": BATCH}, headers=AUTH)
    no_traceback(response.text)
    assert response.status_code == 207, response.text  # Multi-Status: look at each result
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["a", "b", "c"]
    assert [r["status"] for r in results] == ["stored", "error", "stored"]
    assert results[1]["reason"].startswith("coding failed")
    with duckdb.connect(str(db)) as con:  # the app's own configuration: it holds the file open
        assert {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()} == {"a", "c"}
        assert con.execute("SELECT status, documents_stored, errors FROM runs").fetchall() == [("done", 2, 1)]
        assert con.execute("SELECT input FROM errors").fetchall() == [("b",)]


def test_a_batch_without_failures_answers_200(store_client: tuple[TestClient, Path]) -> None:
    client, _db = store_client
    response = client.post("/v1/documents", json={"documents": BATCH[:1]}, headers=AUTH)
    assert response.status_code == 200
    again = client.post("/v1/documents", json={"documents": BATCH[:1]}, headers=AUTH)
    assert again.status_code == 200 and again.json()["results"][0]["status"] == "duplicate"


def test_long_coordinated_list_is_coded_by_the_api(shared_pipeline: Pipeline) -> None:
    client = TestClient(create_app(pipeline=shared_pipeline), raise_server_exceptions=False)
    # The English opening keeps the language check from reading the list as another language.
    text = ENGLISH + " Officials said that " + "Kenya, " * 1_000 + "and Ethiopia condemned Somalia."
    response = client.post("/v1/code", json={"text": text, "date": "2024-06-21"})
    assert response.status_code == 200, response.text
    assert any(e["cameo"]["code"] == "111" for e in response.json()["events"])


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "java\nscript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x"])
def test_only_http_urls_become_links(store_client: tuple[TestClient, Path], url: str) -> None:
    client, _db = store_client
    document = {"id": "j", "text": "Kenya condemned Somalia on Monday.", "date": "2024-06-03", "url": url}
    assert client.post("/v1/documents", json={"documents": [document]}, headers=AUTH).status_code == 200
    (event,) = client.get("/v1/events").json()["events"]
    (mention,) = client.get(f"/v1/events/{event['event_id']}").json()["mentions"]
    assert mention["url"] == url  # kept, to be shown as text
    assert mention["link"] is None  # never an href


def test_http_urls_are_links(store_client: tuple[TestClient, Path]) -> None:
    client, _db = store_client
    document = {"id": "h", "text": "Kenya condemned Somalia on Monday.", "date": "2024-06-03",
                "url": "https://news.example/a?b=1"}
    assert client.post("/v1/documents", json={"documents": [document]}, headers=AUTH).status_code == 200
    (event,) = client.get("/v1/events").json()["events"]
    (mention,) = client.get(f"/v1/events/{event['event_id']}").json()["mentions"]
    assert mention["link"] == "https://news.example/a?b=1"


def test_the_page_puts_only_links_in_href() -> None:
    """The page builds the evidence link from ``link`` alone (no browser here to run it); the
    explorer's evidence panel lives in explore.js, the Code view's in app.js."""
    static = Path(newsevents.pipeline.__file__).parent / "web" / "static"
    scripts = {name: (static / name).read_text(encoding="utf-8") for name in ("app.js", "explore.js")}
    assert all("href: m.url" not in script for script in scripts.values())
    assert "href: m.link" in scripts["explore.js"]


UTF8_TOKEN = "pässwörd"


def post_one(client: TestClient, authorization: bytes) -> Any:
    body = {"documents": [{"id": "t", "text": "Kenya condemned Somalia on Monday.", "date": "2024-06-03"}]}
    return client.post("/v1/documents", json=body, headers={"Authorization": authorization})


def test_a_utf8_token_is_accepted(shared_pipeline: Pipeline, tmp_path: Path) -> None:
    client = TestClient(create_app(db_path=tmp_path / "u.duckdb", token=UTF8_TOKEN, pipeline=shared_pipeline),
                        raise_server_exceptions=False)
    assert post_one(client, f"Bearer {UTF8_TOKEN}".encode()).status_code == 200
    assert post_one(client, b"Bearer passwoerd").status_code == 401


@pytest.mark.parametrize("authorization", [b"Bearer \xff\xfe", "Bearer rööbust-token".encode(), b"\xc3\xa9",
                                           f"Bearer {TOKEN}\xe9".encode("latin-1")])
def test_a_non_ascii_authorization_header_is_401(store_client: tuple[TestClient, Path], authorization: bytes) -> None:
    client, _db = store_client
    response = post_one(client, authorization)
    assert response.status_code == 401, response.text


def hosts_client(shared_pipeline: Pipeline, tmp_path: Path, bound: str, extra: tuple[str, ...] = (),
                 base_url: str = "http://127.0.0.1:8000") -> TestClient:
    from newsevents.web.hosts import trusted_hosts

    app = create_app(db_path=tmp_path / "h.duckdb", host=bound, pipeline=shared_pipeline,
                     trusted_hosts=trusted_hosts(bound, extra))
    return TestClient(app, base_url=base_url, raise_server_exceptions=False)


ONE = {"documents": [{"id": "r", "text": "Kenya condemned Somalia on Monday.", "date": "2024-06-03"}]}


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "attacker.test"])
def test_a_local_server_refuses_foreign_host_names(shared_pipeline: Pipeline, tmp_path: Path, host: str) -> None:
    """DNS rebinding: the browser sends the attacker's name in Host."""
    client = hosts_client(shared_pipeline, tmp_path, "127.0.0.1")
    for method, path, body in [("POST", "/v1/documents", ONE), ("POST", "/v1/code", {"url": "http://127.0.0.1:9/x"}),
                               ("GET", "/v1/events", None)]:
        response = client.request(method, path, json=body, headers={"Host": host})
        assert response.status_code == 421, (path, response.text)
        assert "host" in response.json()["error"]["message"]


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_a_local_server_answers_its_own_names(shared_pipeline: Pipeline, tmp_path: Path, host: str) -> None:
    client = hosts_client(shared_pipeline, tmp_path, "127.0.0.1")
    assert client.post("/v1/documents", json=ONE, headers={"Host": host}).status_code == 200


def test_more_host_names_can_be_allowed(shared_pipeline: Pipeline, tmp_path: Path) -> None:
    client = hosts_client(shared_pipeline, tmp_path, "127.0.0.1", ("events.example.org",))
    assert client.get("/v1/health", headers={"Host": "events.example.org"}).status_code == 200
    assert client.get("/v1/health", headers={"Host": "evil.example"}).status_code == 421


def test_serve_passes_the_trusted_hosts(monkeypatch: pytest.MonkeyPatch, served_apps: list[Any]) -> None:
    """`serve` builds its app with the hosts it is bound for, and --allow-host adds more."""
    from typer.testing import CliRunner

    import newsevents.cli
    import newsevents.web.app

    seen: dict[str, Any] = {}
    monkeypatch.setattr(newsevents.web.app, "create_app", lambda **options: seen.update(options))
    monkeypatch.setattr(newsevents.cli, "Pipeline", lambda **options: None)
    result = CliRunner().invoke(newsevents.cli.app, ["serve", "--allow-host", "events.example.org"])
    assert result.exit_code == 0, result.output
    assert seen["trusted_hosts"] == {"127.0.0.1", "localhost", "::1", "events.example.org"}


def post_scope(app: Any, path: str, headers: list[tuple[bytes, bytes]], body_size: int) -> dict[str, Any]:
    """An ASGI scope for a JSON POST of ``body_size`` bytes to a server on 127.0.0.1:8000."""
    return {"type": "http", "method": "POST", "path": path, "raw_path": path.encode(), "query_string": b"",
            "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json"),
                        (b"content-length", str(body_size).encode()), *headers],
            "http_version": "1.1", "scheme": "http", "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000),
            "root_path": "", "app": app}


def asgi_post(app: Any, path: str, headers: list[tuple[bytes, bytes]], body_size: int) -> tuple[int, int]:
    """POST through the ASGI interface; returns (status, body bytes the app read)."""
    import asyncio

    read = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += body_size
        return {"type": "http.request", "body": b"x" * body_size, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(post_scope(app, path, headers, body_size), receive, send))
    return sent[0]["status"], read


@pytest.mark.parametrize("authorization", [None, b"Bearer wrong", "Bearer pässwörd".encode()])
def test_the_token_is_checked_before_the_body_is_read(shared_pipeline: Pipeline, tmp_path: Path,
                                                      authorization: bytes | None) -> None:
    """200 clients without the token each sending 2 MB held 400 MB: the body was read first."""
    app = create_app(db_path=tmp_path / "b.duckdb", token=TOKEN, pipeline=shared_pipeline)
    headers = [(b"authorization", authorization)] if authorization else []
    status, read = asgi_post(app, "/v1/documents", headers, 2 * 1024 * 1024 - 1)
    assert (status, read) == (401, 0)


def test_writes_refused_beyond_localhost_before_the_body_is_read(shared_pipeline: Pipeline, tmp_path: Path) -> None:
    app = create_app(db_path=tmp_path / "b.duckdb", host="0.0.0.0", pipeline=shared_pipeline)  # noqa: S104
    assert asgi_post(app, "/v1/documents", [], 1024) == (403, 0)


def test_a_trickling_body_is_cut_off(shared_pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    """Clients trickling a byte a second held their connections for minutes."""
    import asyncio

    import newsevents.web.app

    monkeypatch.setattr(newsevents.web.app, "BODY_TIMEOUT_SECONDS", 0.5)
    app = create_app(pipeline=shared_pipeline)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        await asyncio.sleep(1.0)  # a byte a second
        return {"type": "http.request", "body": b"{", "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    started = time.monotonic()
    asyncio.run(app(post_scope(app, "/v1/code", [], 100), receive, send))
    assert sent[0]["status"] == 408
    assert time.monotonic() - started < 3
