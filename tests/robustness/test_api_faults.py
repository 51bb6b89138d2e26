"""Faults on a real server (issue 13): a client that disconnects mid-request, a body that
trickles in, a disk that fills while documents are stored. Each ends in a clear error (in the
server's log, or as a JSON answer) and an intact store: the documents stored before are still
readable and the store opens afterwards.

The server is uvicorn in a thread of the test process on the shared pipeline, on 127.0.0.1.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
import uvicorn

import newsevents.web.app
from newsevents.pipeline import Pipeline
from newsevents.web.app import create_app

from .conftest import no_traceback

pytestmark = pytest.mark.issue(13)

SERVER_START_SECONDS = 10
REQUEST_TIMEOUT = 60
TEXT = "Kenya condemned Somalia on Monday. Kenyan police arrested two Somali diplomats in Nairobi."
FIRST = [{"id": "first", "text": TEXT, "date": "2024-06-03"}]
# The body deadline in these tests, and how slowly the trickling client sends.
BODY_TIMEOUT = 1.0
TRICKLE_PAUSE = 0.2


@contextlib.contextmanager
def running_server(pipeline: Pipeline, db: Path) -> Iterator[str]:
    """Serve an app on ``db`` on a free port of 127.0.0.1; yield its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    # log_config=None: uvicorn's records reach the root logger, where caplog sees them.
    server = uvicorn.Server(uvicorn.Config(create_app(db_path=db, pipeline=pipeline), log_config=None))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(SERVER_START_SECONDS)
        sock.close()


def call(base: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    """One request; returns the status and the JSON answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def raw_request(base: str, path: str, length: int) -> socket.socket:
    """A connection that has sent a POST's head announcing ``length`` bytes, and no body yet."""
    port = int(base.rsplit(":", 1)[1])
    sock = socket.create_connection(("127.0.0.1", port), timeout=REQUEST_TIMEOUT)
    sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 f"Content-Length: {length}\r\n\r\n".encode())
    return sock


def stored_ids(db: Path) -> list[str]:
    """The store opens on its own (the server stopped) and its documents are readable."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall())
    finally:
        con.close()


def server_log(caplog: pytest.LogCaptureFixture) -> str:
    text = "\n".join(f"{r.levelname} {r.getMessage()}" for r in caplog.records)
    no_traceback(text, "\n".join(str(r.exc_info) for r in caplog.records if r.exc_info))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], text
    return text


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


def test_client_disconnects_mid_body(shared_pipeline: Pipeline, store: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A client gone before its body is whole: logged as such, nothing done, the server goes on."""
    caplog.set_level(logging.INFO)
    with running_server(shared_pipeline, store) as base:
        assert call(base, "POST", "/v1/documents", {"documents": FIRST})[0] == 200
        body = json.dumps({"documents": [{"id": "gone", "text": TEXT}]}).encode()
        sock = raw_request(base, "/v1/documents", len(body))
        sock.sendall(body[: len(body) // 2])
        sock.close()
        deadline = time.monotonic() + REQUEST_TIMEOUT
        while "disconnected" not in server_log(caplog) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert call(base, "GET", "/v1/health")[0] == 200
        events = call(base, "GET", "/v1/events")[1]["events"]
        assert {e["doc_id"] for e in events} == {"first"}
    log = server_log(caplog)
    assert "POST /v1/documents: the client disconnected before sending the whole body" in log
    assert stored_ids(store) == ["first"]


def test_client_disconnects_while_documents_are_coded(shared_pipeline: Pipeline, store: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    """The whole body arrived, then the client left: every document is stored whole or not at
    all, the run is closed, and the store opens afterwards."""
    caplog.set_level(logging.INFO)
    documents = [{"id": f"doc{i}", "text": f"{TEXT} Ghana praised Togo {i} times for its help on Friday."}
                 for i in range(20)]
    with running_server(shared_pipeline, store) as base:
        body = json.dumps({"documents": documents}).encode()
        sock = raw_request(base, "/v1/documents", len(body))
        sock.sendall(body)
        sock.close()
        # The server finishes the batch it accepted; this write waits for it (one writer).
        status, answer = call(base, "POST", "/v1/documents", {"documents": FIRST})
        assert status == 200 and answer["results"][0]["status"] == "stored", answer
    server_log(caplog)
    assert stored_ids(store) == sorted(["first", *(d["id"] for d in documents)])
    con = duckdb.connect(str(store), read_only=True)
    assert con.execute("SELECT count(*) FROM runs WHERE status <> 'done'").fetchone() == (0,)
    assert con.execute("SELECT count(DISTINCT doc_hash) FROM mentions").fetchone() == (21,)
    con.close()


def test_body_trickling_in_is_cut_off(shared_pipeline: Pipeline, store: Path, caplog: pytest.LogCaptureFixture,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A body sent a byte at a time (slowloris) holds a connection only until the body
    deadline: then 408 with a JSON reason, the connection closed, the store untouched."""
    caplog.set_level(logging.INFO)
    monkeypatch.setattr(newsevents.web.app, "BODY_TIMEOUT_SECONDS", BODY_TIMEOUT)
    with running_server(shared_pipeline, store) as base:
        assert call(base, "POST", "/v1/documents", {"documents": FIRST})[0] == 200
        body = json.dumps({"documents": [{"id": "slow", "text": TEXT}]}).encode()
        sock = raw_request(base, "/v1/documents", len(body))
        sock.settimeout(TRICKLE_PAUSE)
        started = time.monotonic()
        answer = b""
        for byte in body:
            try:
                sock.sendall(bytes([byte]))
                answer += sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if answer:
                break
        sock.settimeout(REQUEST_TIMEOUT)
        with contextlib.suppress(OSError):
            while chunk := sock.recv(65536):  # to the end: the server closes the connection
                answer += chunk
        elapsed = time.monotonic() - started
        sock.close()
        head, _, payload = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408"), answer[:300]
        error = json.loads(payload)["error"]
        assert error["status"] == 408 and "body" in error["message"]
        assert elapsed < BODY_TIMEOUT + 2, elapsed
        assert call(base, "GET", "/v1/health")[0] == 200
    server_log(caplog)
    assert stored_ids(store) == ["first"]


# --- a full disk ---------------------------------------------------------------------------

# Room left on the tiny disk once it is filled: less than the batch below needs.
FREE_BYTES = 64 * 1024
# Each stored document's text is about 5 kB: plain English with no actor in it.
PADDING = "The weather was mild and the markets were busy all week. " * 90


def test_disk_fills_while_documents_are_stored(shared_pipeline: Pipeline, tiny_disk: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    """507 with a JSON reason (no path of the server's in it), the documents stored before
    still served, the server storing again once there is room, the store opening afterwards."""
    caplog.set_level(logging.INFO)
    db = tiny_disk / "events.duckdb"
    filler = tiny_disk / "filler"
    documents = [{"id": f"big{i}", "text": f"{TEXT} Ghana praised Togo {i} times on Friday. " + PADDING}
                 for i in range(20)]
    with running_server(shared_pipeline, db) as base:
        assert call(base, "POST", "/v1/documents", {"documents": FIRST})[0] == 200
        stat = os.statvfs(tiny_disk)
        filler.write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - FREE_BYTES))
        status, answer = call(base, "POST", "/v1/documents", {"documents": documents})
        assert status == 507, answer
        message = answer["error"]["message"]
        assert "disk is full" in message and "stored before are kept" in message and str(tiny_disk) not in message
        assert {e["doc_id"] for e in call(base, "GET", "/v1/events", None)[1]["events"]} >= {"first"}
        filler.unlink()
        status, answer = call(base, "POST", "/v1/documents", {"documents": documents})
        assert status == 200, answer
    server_log(caplog)
    assert stored_ids(db) == sorted(["first", *(d["id"] for d in documents)])
