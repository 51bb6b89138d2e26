"""One owner of the store (issue 16): `serve --watch` codes feeds into its store while
`query`, `export` and `ingest` from another process go through its API."""
from __future__ import annotations

import csv
import io
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.web.owner import announce, discovery_path, find_server, withdraw
from tests.feedsite import FEEDS, FeedSite, served_thirty_article_site

pytestmark = pytest.mark.issue(16)

REPO = Path(__file__).resolve().parents[1]
TOKEN = "s3cret-token"
# Waits for a process to come up or to finish a cycle: never a measure of speed, only a bound
# so that a broken server fails the test instead of hanging it.
STARTUP_SECONDS = 180.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    """A `newsevents serve --watch` subprocess and the lines of its stderr."""

    def __init__(self, process: subprocess.Popen[str], db: Path) -> None:
        self.process = process
        self.db = db
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, prefix: str) -> str:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1.0)
            except queue.Empty:
                assert self.process.poll() is None, "\n".join(self.seen)
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no line starting {prefix!r} in:\n" + "\n".join(self.seen))


@pytest.fixture(scope="module")
def site() -> Iterator[FeedSite]:
    yield from served_thirty_article_site()


@pytest.fixture(scope="module")
def served(site: FeedSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("owner")
    feeds = folder / "feeds.txt"
    feeds.write_text("\n".join(site.url(path) for path in FEEDS) + "\n", encoding="utf-8")
    db = folder / "store.duckdb"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("NEWSEVENTS_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "newsevents", "serve", "--db", str(db), "--create", "--port", str(free_port()),
         "--token", TOKEN, "--watch", str(feeds), "--every", "1h", "--delay", "0", "--coder", "rules"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    server = Served(process, db)
    try:
        server.wait_for("watch: ")  # the first cycle is done
        yield server
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_serve_watch_codes_the_feeds_and_announces_itself(served: Served) -> None:
    assert "30 stored" in served.seen[-1], served.seen
    found = find_server(served.db)
    assert found is not None and found.pid == served.process.pid and found.token_required
    assert TOKEN not in discovery_path(served.db).read_text()


def test_query_goes_through_the_server(served: Served, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSEVENTS_TOKEN", raising=False)
    with urllib.request.urlopen(f"{find_server(served.db).url}/v1/events?limit=1000") as answer:  # type: ignore[union-attr]
        served_events = json.load(answer)["events"]
    assert served_events
    result = runner.invoke(app, ["query", "--db", str(served.db), "--format", "jsonl", "--limit", "1000"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == served_events
    assert all(row["code"] == "173" and "/news/" in row["source_url"] for row in rows)
    # Filters and paging reach the server.
    result = runner.invoke(app, ["query", "--db", str(served.db), "--format", "csv", "--actor", "KEN", "--limit", "1"])
    assert result.exit_code == 0, result.stderr
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["source_code"].startswith("KEN")


def test_export_goes_through_the_server(served: Served, runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--db", str(served.db), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and f"exported {len(rows)} event" in result.stderr
    assert {row["code"] for row in rows} == {"173"}
    result = runner.invoke(app, ["export", "--db", str(served.db), "--format", "parquet", "--out", str(tmp_path / "pq")])
    assert result.exit_code == 1 and "parquet export needs the file itself" in result.stderr


def test_ingest_goes_through_the_server_with_its_token(served: Served, runner: CliRunner, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSEVENTS_TOKEN", raising=False)
    article = tmp_path / "cairo.txt"
    article.write_text("Police arrested 77 protesters in Cairo on Monday, officials said in a statement.\n")
    args = ["ingest", str(article), "--db", str(served.db), "--coder", "rules", "--date", "2024-06-03"]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 1
    assert "needs a token to store documents: pass --token or set NEWSEVENTS_TOKEN" in refused.stderr
    assert "Ingesting" not in refused.stderr  # refused before reading the inputs
    monkeypatch.setenv("NEWSEVENTS_TOKEN", TOKEN)
    stored = runner.invoke(app, args)
    assert stored.exit_code == 0, stored.stderr
    assert "stored 1 document" in stored.stderr
    again = runner.invoke(app, [*args, "--token", TOKEN])
    assert "skipped 1 already stored" in again.stderr
    result = runner.invoke(app, ["query", "--db", str(served.db), "--format", "jsonl", "--text", "77 protesters"])
    assert [json.loads(line)["location_name"] for line in result.stdout.splitlines()] == ["Cairo"]


def test_a_stale_discovery_file_is_ignored(tmp_path: Path, runner: CliRunner) -> None:
    db = tmp_path / "store.duckdb"
    assert runner.invoke(app, ["ingest", "-", "--db", str(db), "--coder", "rules", "-q"],
                         input="Police arrested 5 protesters in Lagos on Monday.\n").exit_code == 0
    path = announce(db, "127.0.0.1", free_port(), token_required=False)
    assert find_server(db) is not None  # this process is alive
    record = json.loads(path.read_text())
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    path.write_text(json.dumps({**record, "pid": int(dead.stdout)}))
    assert find_server(db) is None
    result = runner.invoke(app, ["query", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1
    path.write_text(json.dumps(record))
    withdraw(path)
    assert not path.exists()


def test_serve_watch_needs_a_store(tmp_path: Path, runner: CliRunner) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/feed.xml\n")
    result = runner.invoke(app, ["serve", "--watch", str(feeds)])
    assert result.exit_code == 2 and "--db" in result.stderr


def test_watch_on_a_served_store_points_to_serve_watch(served: Served, runner: CliRunner, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/feed.xml\n")
    result = runner.invoke(app, ["watch", str(feeds), "--db", str(served.db), "--once"])
    assert result.exit_code == 1
    assert "holds the store; let it watch: `newsevents serve" in result.stderr


@pytest.mark.parametrize("command,route", [("trends", "/v1/trends"), ("alerts", "/v1/alerts")])
def test_trends_and_alerts_on_a_served_store_name_the_servers_route(served: Served, runner: CliRunner, command: str,
                                                                     route: str) -> None:
    result = runner.invoke(app, [command, "--db", str(served.db)])
    assert result.exit_code == 1
    assert "holds the store; ask it instead: http://127.0.0.1:" in result.stderr and route in result.stderr


def test_a_second_server_on_the_store_is_refused(served: Served, runner: CliRunner) -> None:
    result = runner.invoke(app, ["serve", "--db", str(served.db), "--port", str(free_port())])
    assert result.exit_code == 1
    assert f"another server (PID {served.process.pid}) serves this store" in result.stderr
    assert find_server(served.db).pid == served.process.pid  # type: ignore[union-attr]
