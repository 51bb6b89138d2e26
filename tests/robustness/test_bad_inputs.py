"""Every bad input of the catalogue through `code` (in-process and one subprocess run),
`ingest` (into a temporary DuckDB) and `POST /v1/code` (issue 8).

The rules: no traceback; exactly one `error: <input>: <reason>` line on stderr per bad input;
the good documents of the same batch coded and stored; exit 0 when a document was processed,
1 when every input failed; the API answers a JSON 4xx error (never a 5xx), except for inputs
that can be coded.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.pipeline import Pipeline
from newsevents.web.app import create_app

from ..conftest import REPO
from .catalogue import Case, build_catalogue, english
from .conftest import Page, no_traceback

pytestmark = pytest.mark.issue(8)

CASE_NAMES = (
    "empty", "whitespace", "png", "random-bytes", "nul-inside", "latin-1", "utf-16", "utf-16-no-bom",
    "invalid-utf-8", "20-MB-html", "5-MB-single-line", "nested-10k", "scripts-only", "arabic", "chinese",
    "spanish", "jsonl-lines", "lone-surrogates", "truncated-gzip", "gzip-bomb", "symlink-loops",
    "odd-file-names", "named-pipe", "unreadable", "url-timeout", "url-500", "url-redirect-loop",
    "url-redirect-chain",
)
SUBPROCESS_TIMEOUT = 180


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory, web_server: tuple[str, dict[str, Page]]) -> dict[str, Case]:
    base_url, pages = web_server
    cases = build_catalogue(tmp_path_factory.mktemp("bad-inputs"), base_url, pages)
    return {case.name: case for case in cases}


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A good article to put in every batch."""
    path = tmp_path_factory.mktemp("good") / "good.txt"
    path.write_text(english("good"), encoding="utf-8")
    return str(path)


@pytest.fixture
def unreadable(catalogue: dict[str, Case], monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the unreadable case unreadable. chmod cannot stop root, which the tests run as in
    CI, so there the product's own open() of that one file is made to fail as it would."""
    (label,) = catalogue["unreadable"].inputs
    path = Path(label)
    if os.geteuid() != 0:
        path.chmod(0)
        return
    real_open = Path.open

    def guarded_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", guarded_open)


@pytest.fixture
def cli(runner: CliRunner, cli_pipeline: Pipeline, unreadable: None, short_fetch_timeout: float) -> CliRunner:
    """The in-process CLI on the shared pipeline, with the catalogue's conditions set."""
    return runner


@pytest.fixture(scope="module")
def api(shared_pipeline: Pipeline) -> TestClient:
    # The URL cases fetch from the local web server: fetching on, with a policy that lets
    # loopback through (the default refuses it, issue 13).
    application = create_app(pipeline=shared_pipeline, allow_fetch=True, fetch_policy=lambda address: address.is_loopback)
    return TestClient(application, raise_server_exceptions=False)


def error_lines(stderr: str) -> list[str]:
    """stderr must hold error and skip lines only (runs are --quiet)."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert all(line.startswith(("error: ", "skipped: ")) for line in lines), stderr
    return lines


def check_errors(stderr: str, cases: Iterable[Case]) -> None:
    """Exactly one error line per bad input (one skip line per input in another language),
    naming it, with an accepted reason."""
    lines = error_lines(stderr)
    cases = list(cases)
    expected = {f"error: {label}: ": reasons for case in cases for label, reasons in case.errors.items()}
    expected |= {f"skipped: {label}: ": reasons for case in cases for label, reasons in case.skipped.items()}
    assert len(lines) == len(expected), "\n".join(lines)
    for prefix, reasons in expected.items():
        found = [line for line in lines if line.startswith(prefix)]
        assert len(found) == 1, (prefix, lines)
        assert found[0][len(prefix):].startswith(reasons), found[0]


def coded_documents(stdout: str) -> set[str]:
    return {json.loads(line)["doc_id"] for line in stdout.splitlines() if line.strip()}


def inputs_of(cases: Iterable[Case]) -> list[str]:
    return [label for case in cases for label in case.inputs]


def params() -> list[object]:
    # A list: pytest 9 deprecates generators as parameter values.
    return [pytest.param(name, id=name) for name in CASE_NAMES]


def test_catalogue_is_complete(catalogue: dict[str, Case]) -> None:
    assert tuple(catalogue) == CASE_NAMES
    assert all(case.errors or case.documents or case.skipped for case in catalogue.values())


@pytest.mark.parametrize("name", params())
def test_code_case_alone_and_in_a_batch(cli: CliRunner, catalogue: dict[str, Case], good: str, name: str) -> None:
    case = catalogue[name]
    alone = cli.invoke(app, ["code", "-q", "--format", "jsonl", *case.inputs])
    no_traceback(alone.stdout, alone.stderr)
    assert alone.exception is None or isinstance(alone.exception, SystemExit), alone.exception
    assert alone.exit_code == case.exit_code_alone, alone.stderr
    check_errors(alone.stderr, [case])
    assert coded_documents(alone.stdout) == set(case.documents)

    batch = cli.invoke(app, ["code", "-q", "--format", "jsonl", good, *case.inputs])
    no_traceback(batch.stdout, batch.stderr)
    assert batch.exit_code == 0, batch.stderr
    check_errors(batch.stderr, [case])
    assert coded_documents(batch.stdout) == {good, *case.documents}


def test_code_whole_catalogue_in_one_run(cli: CliRunner, catalogue: dict[str, Case], good: str) -> None:
    cases = list(catalogue.values())
    result = cli.invoke(app, ["code", "-q", "--format", "jsonl", *inputs_of(cases[:12]), good, *inputs_of(cases[12:])])
    no_traceback(result.stdout, result.stderr)
    assert result.exit_code == 0
    check_errors(result.stderr, cases)
    assert coded_documents(result.stdout) == {good, *(doc for case in cases for doc in case.documents)}


def stored(db: Path) -> tuple[set[str], list[tuple[str, str]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        documents = {doc_id for (doc_id,) in con.execute("SELECT doc_id FROM documents").fetchall()}
        errors = con.execute("SELECT input, reason FROM errors ORDER BY ALL").fetchall()
    return documents, errors


def check_error_table(errors: list[tuple[str, str]], cases: Iterable[Case]) -> None:
    """The errors table holds each bad input once, with its reason."""
    expected = [reasons for case in cases for reasons in case.errors.values()]
    assert len(errors) == len(expected), errors
    for _input, reason in errors:
        assert any(reason.startswith(reasons) for reasons in expected), reason


@pytest.mark.parametrize("name", params())
def test_ingest_case_with_a_good_document(cli: CliRunner, catalogue: dict[str, Case], good: str, name: str,
                                          tmp_path: Path) -> None:
    case = catalogue[name]
    db = tmp_path / "store.duckdb"
    result = cli.invoke(app, ["ingest", "-q", "--db", str(db), *case.inputs, good])
    no_traceback(result.stdout, result.stderr)
    assert result.exit_code == 0, result.stderr
    check_errors(result.stderr, [case])
    documents, errors = stored(db)
    assert documents == {good, *case.documents}
    check_error_table(errors, [case])


def test_ingest_whole_catalogue_twice(cli: CliRunner, catalogue: dict[str, Case], good: str, tmp_path: Path) -> None:
    """All cases in one run; a second run stores nothing new and changes nothing."""
    cases = list(catalogue.values())
    db = tmp_path / "store.duckdb"
    args = ["ingest", "-q", "--db", str(db), good, *inputs_of(cases)]
    first = cli.invoke(app, args)
    no_traceback(first.stdout, first.stderr)
    assert first.exit_code == 0
    check_errors(first.stderr, cases)
    documents, errors = stored(db)
    assert documents == {good, *(doc for case in cases for doc in case.documents)}
    check_error_table(errors, cases)
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("SELECT * EXCLUDE (run_id, added_at) FROM documents ORDER BY ALL").fetchall()
        events = con.execute("SELECT * FROM events ORDER BY ALL").fetchall()
    second = cli.invoke(app, args)
    assert second.exit_code == 0
    check_errors(second.stderr, cases)
    assert stored(db) == (documents, errors)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT * EXCLUDE (run_id, added_at) FROM documents ORDER BY ALL").fetchall() == before
        assert con.execute("SELECT * FROM events ORDER BY ALL").fetchall() == events
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (len(documents),)


def test_code_subprocess_smoke(catalogue: dict[str, Case], good: str) -> None:
    """The real command, in its own process, on every case it can see without a patch."""
    cases = [case for case in catalogue.values() if not case.in_process_only]
    env = dict(os.environ, NEWSEVENTS_FETCH_TIMEOUT="0.5")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-m", "newsevents.cli", "code", "-q", "--format", "jsonl", good,
                           *inputs_of(cases)], capture_output=True, text=True, env=env, timeout=SUBPROCESS_TIMEOUT)
    no_traceback(done.stdout, done.stderr)
    assert done.returncode == 0, done.stderr
    check_errors(done.stderr, cases)
    assert coded_documents(done.stdout) == {good, *(doc for case in cases for doc in case.documents)}


@pytest.mark.parametrize("name", params())
def test_api_code_case(api: TestClient, catalogue: dict[str, Case], name: str, short_fetch_timeout: float) -> None:
    case = catalogue[name]
    if not case.api:
        pytest.skip("a file-system input: the API takes no paths")
    for call in case.api:
        if call.payload is not None:
            response = api.post("/v1/code", json=call.payload)
        else:
            response = api.post("/v1/code", content=call.body, headers={"Content-Type": call.content_type})
        assert response.status_code in call.statuses, (response.status_code, response.text[:300])
        assert response.headers["content-type"].startswith("application/json")
        no_traceback(response.text)
        body = response.json()
        if response.status_code == 200:
            assert body["events"], "a codable input must be coded"
            continue
        assert set(body) == {"error"} and body["error"]["status"] == response.status_code
        message = body["error"]["message"]
        assert "\n" not in message and message.startswith(call.reason), message
