"""Clear errors everywhere, nothing silently wrong (issue 13, section 3): each bad input or
option gets one line that names it, and nothing is guessed without a word."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import newsevents
from newsevents.cli import app
from newsevents.ingest import build_document
from newsevents.ingest.sources import RawItem, Source, read_source
from newsevents.model import Failure
from newsevents.pipeline import Pipeline
from newsevents.settings import MAX_INPUT_BYTES
from newsevents.store import connect
from newsevents.web.app import create_app

from .conftest import REPO

pytestmark = pytest.mark.issue(13)

ENGLISH = ("The prime minister met union leaders in the capital on Friday to discuss the strike, "
           "and both sides agreed to continue talks next week.")
PORTUGUESE = ("O primeiro-ministro reuniu-se com os líderes sindicais na capital na sexta-feira para discutir "
              "a greve, e os dois lados concordaram em continuar as negociações na próxima semana.")
LOGIN_PAGE = """<!DOCTYPE html>
<html><head><title>Sign in - Example News</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><form action="/login" method="post"><h1>Sign in to your account</h1>
<label>Email</label><input name="email"><label>Password</label><input type="password" name="password">
<button>Sign in</button><p><a href="/forgot">Forgot your password?</a></p>
<p>New here? <a href="/register">Create an account</a></p></form></main>
<footer><p>© 2024 Example News Ltd. All rights reserved.</p></footer></body></html>"""
TOKEN = "issue-13"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def one_error_line(stderr: str, name: str) -> str:
    """The single non-empty stderr line, which must be an error naming ``name``."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"error: {name}: "), lines[0]
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture
def empty_store(tmp_path: Path) -> Path:
    db = tmp_path / "store.duckdb"
    connect(db).close()
    return db


# --- export --out ----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,where", [("csv", "missing-folder"), ("gdelt", "missing-folder"),
                                       ("parquet", "missing-folder"), ("csv", "a-directory"),
                                       ("jsonl", "a-directory"), ("parquet", "a-file")])
def test_export_to_a_place_it_cannot_write_is_one_line(runner: CliRunner, empty_store: Path, tmp_path: Path,
                                                        fmt: str, where: str) -> None:
    out = {"missing-folder": tmp_path / "no" / "such" / "events.out", "a-directory": tmp_path,
           "a-file": tmp_path / "events.csv"}[where]
    if where == "a-file":
        out.write_text("taken")
    result = runner.invoke(app, ["export", "--db", str(empty_store), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 1, result.stderr
    assert "cannot write" in one_error_line(result.stderr, str(out))


# --- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["06/07/2024", "June 21 2024", "2024-6-7", "20240607", "yesterday", "2024-02-30"])
def test_cli_dates_are_iso_only(runner: CliRunner, tmp_path: Path, value: str) -> None:
    text = tmp_path / "a.txt"
    text.write_text(ENGLISH)
    for args in (["extract", "-q", "--date", value, str(text)], ["query", "--db", str(tmp_path / "x.duckdb"), "--since", value]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.stdout)
        assert "use YYYY-MM-DD" in " ".join(result.stderr.replace("│", " ").split()), result.stderr
    ok = runner.invoke(app, ["extract", "-q", "--date", "2024-06-07", str(text)])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["date"] == "2024-06-07"


@pytest.mark.parametrize("value", ["yesterday", "06/07/2024", "June 21 2024", "2024-02-30"])
def test_api_date_is_iso_only(pipeline: Pipeline, value: str) -> None:
    client = TestClient(create_app(pipeline=pipeline))
    response = client.post("/v1/code", json={"text": ENGLISH, "date": value})
    assert response.status_code == 400, response.text
    assert "use YYYY-MM-DD" in response.json()["error"]["message"]


# --- serve -------------------------------------------------------------------------------------

@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """uvicorn never starts: the calls it would have had are recorded."""
    import uvicorn

    started: list[Any] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: started.append(sockets))
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: started.append(args))
    return started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_refuses_a_missing_database_without_create(runner: CliRunner, tmp_path: Path, no_server: list[Any]) -> None:
    typo = tmp_path / "typo.duckdb"
    result = runner.invoke(app, ["serve", "--db", str(typo), "--port", str(free_port())])
    assert result.exit_code == 1
    assert "--create" in one_error_line(result.stderr, str(typo))
    assert not typo.exists() and not no_server
    created = runner.invoke(app, ["serve", "--db", str(typo), "--create", "--port", str(free_port())])
    assert created.exit_code == 0, created.stderr
    assert typo.exists() and len(no_server) == 1


def test_serve_names_the_busy_port(runner: CliRunner, no_server: list[Any]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    line = one_error_line(result.stderr, f"127.0.0.1:{port}")
    assert "already in use" in line and "--port" in line
    assert "serving on" not in result.stderr and not no_server


# --- languages ---------------------------------------------------------------------------------

def test_non_english_is_skipped_not_an_error(runner: CliRunner, tmp_path: Path) -> None:
    english, portuguese = tmp_path / "en.txt", tmp_path / "pt.txt"
    english.write_text(ENGLISH)
    portuguese.write_text(PORTUGUESE)
    result = runner.invoke(app, ["extract", "-q", str(english), str(portuguese), str(tmp_path / "missing.txt")])
    assert result.exit_code == 0
    error, skipped = sorted(result.stderr.strip().splitlines())  # missing inputs are named first
    assert skipped == f"skipped: {portuguese}: language pt, not English (--any-language keeps it)"
    assert error.startswith(f"error: {tmp_path / 'missing.txt'}: no such file"), error
    alone = runner.invoke(app, ["extract", "-q", str(portuguese)])
    assert alone.exit_code == 0 and not alone.stdout and "error" not in alone.stderr


def test_ingest_counts_skipped_languages_apart(runner: CliRunner, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> None:
    import newsevents.cli

    monkeypatch.setattr(newsevents.cli, "Pipeline", lambda **_options: pipeline)
    english, portuguese = tmp_path / "en.txt", tmp_path / "pt.txt"
    english.write_text(ENGLISH)
    portuguese.write_text(PORTUGUESE)
    db = tmp_path / "store.duckdb"
    result = runner.invoke(app, ["ingest", "--db", str(db), str(english), str(portuguese), str(tmp_path / "none.txt")])
    assert result.exit_code == 0, result.stderr
    summary = result.stderr.strip().splitlines()[-1]
    assert "stored 1 document (" in summary and "1 error" in summary and "1 errors" not in summary, summary
    assert "1 skipped as not English" in summary and "--any-language" in summary, summary
    with connect(db, read_only=True) as con:
        assert con.execute("SELECT input FROM errors").fetchall() == [(str(tmp_path / "none.txt"),)]


def test_api_and_page_say_skipped_for_another_language(pipeline: Pipeline) -> None:
    client = TestClient(create_app(pipeline=pipeline))
    response = client.post("/v1/code", json={"text": PORTUGUESE})
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert message.startswith("skipped: language pt") and "--any-language" in message
    script = (REPO / "src" / "newsevents" / "web" / "static" / "app.js").read_text()
    assert "skipped:" in script  # the page shows such a message as a skip, not as "Error: ..."


# --- pages with no article ---------------------------------------------------------------------

def test_login_page_warns_and_takes_no_copyright_year() -> None:
    document = build_document(RawItem("login.html", LOGIN_PAGE, "html", id="login.html"))
    assert document.date is None
    assert document.warnings == ["no article text found"]


def test_login_page_warning_on_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "login.html"
    page.write_text(LOGIN_PAGE)
    result = runner.invoke(app, ["extract", "-q", str(page)])
    assert result.exit_code == 0
    assert result.stderr.strip() == f"warning: {page}: no article text found"
    assert json.loads(result.stdout)["date"] is None


def test_article_keeps_its_date_and_has_no_warning() -> None:
    page = (REPO / "examples" / "sample.html").read_text()
    document = build_document(RawItem("sample.html", page.replace("</body>", "<p>© 2019 Sample</p></body>"), "html",
                                      id="sample.html"))
    assert document.date == "2025-03-14" and document.warnings == []


# --- JSONL -------------------------------------------------------------------------------------

# Line breaks to str.splitlines() that JSON leaves raw inside strings (it escapes only those below U+0020).
@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_jsonl_splits_lines_on_newline_only(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "corpus.jsonl"
    records = [{"id": "a", "text": f"Kenya condemned Somalia.{separator}Ghana praised Togo."}, {"id": "b", "text": ENGLISH}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert separator in path.read_text(encoding="utf-8")  # raw, not escaped
    items = list(read_source(Source(str(path), "jsonl", path)))
    assert [type(item) for item in items] == [RawItem, RawItem], items
    assert items[0].content == records[0]["text"]


def test_jsonl_limit_is_per_document(tmp_path: Path) -> None:
    """A corpus file over the input limit is read; only a line over it is refused."""
    path = tmp_path / "big.jsonl"
    line_text = "x" * (MAX_INPUT_BYTES // 8)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(10):
            handle.write(json.dumps({"id": f"d{number}", "text": line_text}) + "\n")
        handle.write(json.dumps({"id": "huge", "text": "y" * (MAX_INPUT_BYTES + 10)}) + "\n")
        handle.write(json.dumps({"id": "after", "text": "z"}) + "\n")
    assert path.stat().st_size > MAX_INPUT_BYTES
    items = list(read_source(Source(str(path), "jsonl", path)))
    assert [item.id for item in items if isinstance(item, RawItem)] == [*(f"d{n}" for n in range(10)), "after"]
    (failure,) = [item for item in items if isinstance(item, Failure)]
    assert failure.input == f"{path}:11" and failure.reason.startswith("too large")


def test_single_text_file_keeps_its_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (MAX_INPUT_BYTES // 5 + 1))
    (failure,) = read_source(Source(str(path), "text", path))
    assert isinstance(failure, Failure) and failure.reason.startswith("too large")


def test_api_refuses_a_repeated_id_in_one_request(tmp_path: Path, pipeline: Pipeline) -> None:
    client = TestClient(create_app(db_path=tmp_path / "store.duckdb", token=TOKEN, pipeline=pipeline))
    documents = [{"id": "x", "text": "Kenya condemned Somalia on Monday."},
                 {"id": "x", "text": "Ghana praised Togo for its help on Friday."}]
    response = client.post("/v1/documents", json={"documents": documents}, headers=AUTH)
    assert response.status_code == 207, response.text  # Multi-Status: one document failed (issue 18)
    first, second = response.json()["results"]
    assert first["status"] == "stored"
    assert second["status"] == "error" and second["reason"].startswith("duplicate id 'x'"), second


# --- smaller items -----------------------------------------------------------------------------

def test_version_option(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"newsevents {newsevents.__version__}"


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "newsevents", "--version"], capture_output=True, text=True,
                          timeout=60, env={"PYTHONPATH": str(REPO / "src"), "PATH": ""})
    assert done.returncode == 0 and done.stdout.startswith("newsevents "), done.stderr


@pytest.mark.parametrize("count,noun", [(1, "1 document"), (2, "2 documents"), (0, "0 documents")])
def test_counts_are_pluralised(count: int, noun: str) -> None:
    from newsevents.cli import counted

    assert counted(count, "document") == noun


def test_codebook_descriptions_end_on_a_word(runner: CliRunner) -> None:
    from newsevents.codebook import search_codes

    entries = search_codes("visit")
    long = [entry for entry in entries if len(entry.description) > 80]
    assert len(entries) > 1 and long
    result = runner.invoke(app, ["codebook", "visit"], env={"COLUMNS": "1000"})
    assert result.exit_code == 0
    for entry in long:
        (row,) = [line for line in result.stdout.splitlines() if line.startswith(f"│ {entry.code} ")]
        shown = row.rstrip(" │").rsplit("│", 1)[-1].strip()
        assert shown.endswith("…"), shown
        kept = shown[:-1].rstrip()
        assert entry.description.startswith(kept) and entry.description[len(kept)] == " ", shown


def test_favicon_is_served(pipeline: Pipeline) -> None:
    client = TestClient(create_app(pipeline=pipeline))
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/")


def test_no_docs_page_that_needs_a_cdn(pipeline: Pipeline) -> None:
    """Swagger UI's /docs loads its scripts from a CDN and is blank offline: it is not served,
    and nothing links to it; the schema stays at /openapi.json."""
    client = TestClient(create_app(pipeline=pipeline))
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 200
    page = client.get("/").text + (REPO / "src" / "newsevents" / "web" / "static" / "app.js").read_text()
    assert "/docs" not in page and "cdn" not in page.lower()


def test_truncated_gzip_corpus_keeps_the_lines_before(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "corpus.jsonl.gz"
    body = "".join(json.dumps({"id": f"d{n}", "text": ENGLISH}) + "\n" for n in range(400))
    path.write_bytes(gzip.compress(body.encode())[:400])
    items = list(read_source(Source(str(path), "jsonl", path)))
    assert isinstance(items[0], RawItem) and items[0].id == "d0"
    assert items[-1] == Failure(str(path), "corrupt gzip data (truncated)")


def test_every_limit_is_in_the_readme_table() -> None:
    from newsevents.settings import FETCH_TIMEOUT_SECONDS, MAX_TEXT_CHARS
    from newsevents.web.app import BODY_TIMEOUT_SECONDS, MAX_BODY_BYTES
    from newsevents.web.deadline import HEADER_TIMEOUT
    from newsevents.web.explore import MAX_DOCUMENTS_PER_POST, PAGE_MAX

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Limits", 1)[1].split("\n### ", 1)[0]
    mb = 1024 * 1024
    for shown in (f"{MAX_INPUT_BYTES // mb} MB", f"{MAX_TEXT_CHARS:,} characters", f"{FETCH_TIMEOUT_SECONDS:g} s",
                  f"{MAX_BODY_BYTES // mb} MB", f"{MAX_DOCUMENTS_PER_POST} documents", f"{PAGE_MAX:,} rows",
                  f"{HEADER_TIMEOUT:g} s", f"{BODY_TIMEOUT_SECONDS:g} s"):
        assert f"| {shown}" in table, shown
    assert "each line of a JSONL file" in table
