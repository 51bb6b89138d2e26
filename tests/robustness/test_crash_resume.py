"""Crash and resume (issue 8): ingest killed with SIGKILL at random points and resumed ends
with the tables of an uninterrupted run; a second ingest on the same file is refused with one
clear line and corrupts nothing; a full disk stops a run with one clear line and leaves a
readable database holding everything committed before.

Most runs are `newsevents ingest` forked from the test process, so the loaded pipeline is
inherited and a run starts at once (a fresh process spends ~8 s loading models); they run the
CLI's own ingest command and are killed as any process is. One kill point is a fresh
`python -m newsevents.cli ingest`; the second ingest of the concurrency test is a fresh
process too.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

import newsevents.store
from newsevents.cli import app
from newsevents.pipeline import Pipeline

from ..conftest import REPO
from .conftest import no_traceback

pytestmark = pytest.mark.issue(8)

SEED = 8
CHAINS = 2
KILLS_PER_CHAIN = 4
TIMEOUT_SECONDS = 180
POLL_SECONDS = 0.02
PAIRS = [("Kenya", "Uganda", "Kampala"), ("Turkey", "Iraq", "Ankara"), ("France", "Germany", "Berlin"),
         ("Egypt", "Israel", "Cairo"), ("India", "Pakistan", "Lahore"), ("Japan", "China", "Beijing")]
TEMPLATES = [
    "{a}'s president met {b}'s president in {city} on {day}. Officials said the talks on trade went well.",
    "{a}'s foreign minister accused {b} of interference near {city} yesterday, the ministry said.",
    "{a}'s prime minister visited {city} last week. {a}'s president condemned {b} on {day}.",
    "{a}'s army clashed with {b}'s troops near {city} on {day}, officials said. {b} denied it.",
    "{a}'s president praised {b} for its help on {day}. {a} and {b} agreed to meet again in {city}.",
]
DAYS = ["Monday", "Tuesday", "Thursday"]
HOSTS = ["news.example.com", "www.wire.example.org", "daily.example.net"]
DOCUMENTS = 40
# Three parse batches (nlp.pipe's batch is 64 documents).
CONCURRENT_DOCUMENTS = 200


def write_corpus(path: Path, documents: int = DOCUMENTS, *, padding: int = 0) -> int:
    """Articles (some reporting the same events across days and sites), a repeated text and
    a broken line. padding: sentences added to each article (bigger rows, slower runs)."""
    lines = []
    for n in range(documents):
        a, b, city = PAIRS[n % len(PAIRS)]
        text = TEMPLATES[n % len(TEMPLATES)].format(a=a, b=b, city=city, day=DAYS[n % len(DAYS)])
        text += f" The statement was number {n}." + " The minister added that trade would grow." * padding
        lines.append(json.dumps({"id": f"doc{n:02d}", "text": text, "date": f"2024-05-{10 + n % 4:02d}",
                                 "url": f"https://{HOSTS[n % len(HOSTS)]}/story/{n}"}))
    lines.append(json.dumps({"id": "copy", "text": json.loads(lines[0])["text"], "date": "2024-05-10"}))
    lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return documents


def ingest_args(corpus: Path, db: Path) -> list[str]:
    # --any-language: the short articles are too short to tell their language.
    return ["ingest", str(corpus), "--db", str(db), "--quiet", "--verbose", "--any-language"]


def tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table but runs, sorted, without run ids and timestamps."""
    queries = {
        "documents": "SELECT * EXCLUDE (run_id, added_at) FROM documents",
        "mentions": "SELECT * FROM mentions",
        "events": "SELECT * FROM events",
        "errors": "SELECT input, reason FROM errors",
    }
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: con.execute(sql + " ORDER BY ALL").fetchall() for name, sql in queries.items()}


def count(db: Path, table: str = "documents") -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 - a fixed name
    return int(row[0]) if row else 0


def run_statuses(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(status for (status,) in con.execute("SELECT status FROM runs").fetchall())


def forked_ingest(args: list[str], log: Path) -> int:
    """Start the CLI's ingest in a forked child with stderr to ``log``; returns its pid."""
    pid = os.fork()
    if pid:
        return pid
    status = 70  # EX_SOFTWARE, if anything below goes wrong before the command's own exit
    try:
        err = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        out = os.open(os.devnull, os.O_WRONLY)
        os.dup2(err, 2)
        os.dup2(out, 1)
        # pytest's capture replaced the streams; the child writes to its own descriptors.
        sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
        app(args=args, prog_name="newsevents")
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else 1
    finally:
        sys.stderr.flush()
        os._exit(status)


def wait(pid: int) -> tuple[bool, int]:
    """Wait for a child: (killed by a signal, exit status)."""
    _pid, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return True, -os.WTERMSIG(status)
    return False, os.WEXITSTATUS(status)


@pytest.fixture
def clean(cli_pipeline: Pipeline, tmp_path: Path) -> Iterator[tuple[Path, dict[str, Any], float]]:
    """The corpus, the tables of an uninterrupted run, and how long that run took."""
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus)
    db = tmp_path / "clean.duckdb"
    started = time.monotonic()
    killed, status = wait(forked_ingest(ingest_args(corpus, db), tmp_path / "clean.log"))
    duration = time.monotonic() - started
    assert (killed, status) == (False, 0), (tmp_path / "clean.log").read_text()
    expected = tables(db)
    assert len(expected["documents"]) == DOCUMENTS and expected["events"] and expected["errors"]
    yield corpus, expected, duration


def kill_when(pid: int, log: Path, point: tuple[str, float]) -> None:
    """SIGKILL the child at a point: ("time", seconds after its start) or ("stored", n: as soon
    as it reports its n-th newly stored document, i.e. between or inside write transactions)."""
    mode, value = point
    if mode == "time":
        time.sleep(value)
    else:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if log.exists() and log.read_text().count("stored:") >= value:
                break
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                raise AssertionError(f"the run ended before storing {value} documents: {log.read_text()}")
            time.sleep(POLL_SECONDS / 4)
    os.kill(pid, signal.SIGKILL)


def test_killed_at_random_points_and_resumed(clean: tuple[Path, dict[str, Any], float], tmp_path: Path) -> None:
    """Chains of kills on one store, each chain resumed to the end: half the kill points are
    random moments (mostly while parsing: nlp.pipe parses a batch before anything is
    stored), half random counts of stored documents (while writing)."""
    corpus, expected, duration = clean
    rng = random.Random(SEED)
    tried = interrupted = partial = 0
    points: list[str] = []
    for chain in range(CHAINS):
        db = tmp_path / f"chain{chain}.duckdb"
        for kill in range(KILLS_PER_CHAIN):
            stored = count(db) if db.exists() else 0
            if kill % 2 == 0 or stored >= DOCUMENTS - 1:
                point: tuple[str, float] = ("time", rng.uniform(0.02, 0.95) * duration)
            else:
                point = ("stored", rng.randint(1, max(1, DOCUMENTS - 2 - stored)))
            log = tmp_path / f"chain{chain}-kill{kill}.log"
            pid = forked_ingest(ingest_args(corpus, db), log)
            kill_when(pid, log, point)
            killed, status = wait(pid)
            tried += 1
            no_traceback(log.read_text())
            after = count(db) if db.exists() else 0
            points.append(f"{point[0]} {point[1]:.2f}: {stored}->{after} stored")
            if killed:
                interrupted += 1
                partial += 0 < after < DOCUMENTS
            else:
                assert status == 0, log.read_text()
        log = tmp_path / f"chain{chain}-resume.log"
        killed, status = wait(forked_ingest(ingest_args(corpus, db), log))
        assert (killed, status) == (False, 0), log.read_text()
        assert tables(db) == expected
        statuses = run_statuses(db)
        assert "running" not in statuses and statuses.count("done") >= 1
    print(f"\nkill points tried: {tried}, interrupted a run: {interrupted}, left a partial store: {partial}")
    print("\n".join(points))
    assert interrupted >= CHAINS * KILLS_PER_CHAIN // 2 and partial >= CHAINS


def test_real_process_killed_and_resumed(clean: tuple[Path, dict[str, Any], float], tmp_path: Path) -> None:
    """One kill of a fresh `python -m newsevents.cli ingest`, when it reports its n-th stored
    document (n random, in the first half)."""
    corpus, expected, _duration = clean
    db = tmp_path / "real.duckdb"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    process = subprocess.Popen([sys.executable, "-m", "newsevents.cli", *ingest_args(corpus, db)],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    kill_after = random.Random(SEED).randint(1, DOCUMENTS // 2)
    stored = 0
    try:
        assert process.stderr is not None
        for line in process.stderr:
            stored += line.startswith("stored:")
            if stored == kill_after:
                process.send_signal(signal.SIGKILL)
                break
    finally:
        process.wait(timeout=TIMEOUT_SECONDS)
    assert process.returncode == -signal.SIGKILL
    assert 0 < count(db) < DOCUMENTS
    killed, status = wait(forked_ingest(ingest_args(corpus, db), tmp_path / "resume.log"))
    assert (killed, status) == (False, 0)
    assert "skipped:" in (tmp_path / "resume.log").read_text()
    assert tables(db) == expected
    assert run_statuses(db) == ["done", "interrupted"]


def test_killed_while_creating_its_store(cli_pipeline: Pipeline, runner: CliRunner, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed while DuckDB creates the file (the file exists, its header is not yet
    written) must not leave a store that no later run can open. The random kills above hit
    this window now and then; here it is hit on purpose."""
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 5)
    db = tmp_path / "new.duckdb"
    real_connect = duckdb.connect

    def killed_midway(database: str, *args: Any, **kwargs: Any) -> Any:
        Path(database).touch()  # DuckDB has made the file...
        raise SystemExit(-signal.SIGKILL)  # ...and the process dies before the header is written

    monkeypatch.setattr(duckdb, "connect", killed_midway)
    with pytest.raises(SystemExit):
        newsevents.store.connect(db)
    monkeypatch.setattr(duckdb, "connect", real_connect)
    result = runner.invoke(app, ingest_args(corpus, db))
    no_traceback(result.stderr)
    assert result.exit_code == 0, result.stderr
    assert count(db) == 5
    assert not list(tmp_path.glob(".new.duckdb.*"))  # the dead run's half-made file is gone


SECOND_PROCESS = ("import sys; from newsevents.cli import main; sys.stdin.readline(); "
                  "sys.argv = ['newsevents', *sys.argv[1:]]; main()")


def test_second_ingest_on_the_same_file_is_refused(cli_pipeline: Pipeline, runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    # Long enough that the first run, once it has stored its first document, still has
    # batches to parse: the second surely starts while the first holds the file.
    write_corpus(corpus, CONCURRENT_DOCUMENTS)
    clean_db, db = tmp_path / "clean.duckdb", tmp_path / "shared.duckdb"
    assert runner.invoke(app, ingest_args(corpus, clean_db)).exit_code == 0
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    # The second process imports everything first and starts `newsevents ingest` on a word
    # from us, so that it surely starts while the first one is writing.
    second = subprocess.Popen([sys.executable, "-c", SECOND_PROCESS, *ingest_args(corpus, db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    log = tmp_path / "first.log"
    first = forked_ingest(ingest_args(corpus, db), log)
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not (log.exists() and "stored:" in log.read_text()) and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
    _out, second_stderr = second.communicate("go\n", timeout=TIMEOUT_SECONDS)
    reader = runner.invoke(app, ["query", "--db", str(db), "--format", "jsonl"])
    killed, status = wait(first)
    assert (killed, status) == (False, 0), log.read_text()
    no_traceback(second_stderr, reader.stderr)
    assert second.returncode == 1
    message = f"error: {db}: the database is in use by another process (PID {first}); wait for it to finish, or use another --db"
    assert second_stderr.strip() == message
    assert reader.exit_code == 1 and reader.stderr.strip() == message
    assert tables(db) == tables(clean_db)
    again = runner.invoke(app, ingest_args(corpus, db))
    assert again.exit_code == 0 and again.stderr.count("skipped:") == CONCURRENT_DOCUMENTS + 1  # and the copy
    assert tables(db) == tables(clean_db)


class FullDisk:
    """A DuckDB connection on a disk that fills after ``commits`` documents. The failing
    COMMIT behaves as DuckDB's does on a full disk: the transaction is gone, then IOException."""

    def __init__(self, con: duckdb.DuckDBPyConnection, commits: int) -> None:
        self._con = con
        self._commits = commits

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == "COMMIT":
            if self._commits == 0:
                self._con.execute("ROLLBACK")
                raise duckdb.IOException('Could not write file "store.duckdb.wal": No space left on device')
            self._commits -= 1
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def check_disk_full_run(result: Any, db: Path, expected: dict[str, Any]) -> None:
    """One clear line, a readable store whose documents are all complete, then a resume."""
    no_traceback(result.stdout, result.stderr)
    assert result.exit_code == 1
    # Input errors (the corpus's broken line) may come first: documents are read ahead of
    # the writes, a parse batch at a time.
    errors = [line for line in result.stderr.splitlines() if line.startswith(f"error: {db}:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {db}: cannot write the database (")
    assert "No space left on device" in errors[0]
    stored = tables(db)  # readable
    assert 0 < len(stored["documents"]) < DOCUMENTS
    hashes = {row[0] for row in stored["documents"]}
    # Every stored document has all its mentions (nothing half-written), none has more.
    def mentions_of(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        return sorted(row[:1] + row[2:] for row in rows if row[4] in hashes)   # without event_id
    assert mentions_of(stored["mentions"]) == mentions_of(expected["mentions"])
    assert {row[4] for row in stored["mentions"]} <= hashes


def test_full_disk_patched_write(clean: tuple[Path, dict[str, Any], float], runner: CliRunner, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, expected, _duration = clean
    db = tmp_path / "full.duckdb"
    real_connect = newsevents.store.connect
    commits = random.Random(SEED).randint(5, DOCUMENTS - 5)
    monkeypatch.setattr(newsevents.store, "connect", lambda path, **kw: FullDisk(real_connect(path, **kw), commits))
    result = runner.invoke(app, ingest_args(corpus, db))
    monkeypatch.setattr(newsevents.store, "connect", real_connect)
    check_disk_full_run(result, db, expected)
    assert count(db) == commits
    resumed = runner.invoke(app, ingest_args(corpus, db))
    assert resumed.exit_code == 0
    assert tables(db) == expected


# Free space left on the tiny disk: the corpus needs several times this.
FREE_BYTES = 100 * 1024


def test_full_disk_real_tmpfs(cli_pipeline: Pipeline, runner: CliRunner, tiny_disk: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, padding=20)
    clean_db = tmp_path / "clean.duckdb"
    assert runner.invoke(app, ingest_args(corpus, clean_db)).exit_code == 0
    expected = tables(clean_db)
    filler = tiny_disk / "filler"

    def fill() -> None:
        stat = os.statvfs(tiny_disk)
        filler.write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - FREE_BYTES))

    # No room for a new store (an empty one is about 270 kB): one line, nothing left behind.
    fill()
    refused = runner.invoke(app, ingest_args(corpus, tiny_disk / "new.duckdb"))
    no_traceback(refused.stdout, refused.stderr)
    assert refused.exit_code == 1
    assert [line for line in refused.stderr.splitlines() if "No space left on device" in line][0].startswith(
        f"error: {tiny_disk / 'new.duckdb'}: cannot ")
    assert not list(tiny_disk.glob(".new.duckdb*"))
    for path in tiny_disk.glob("new.duckdb*"):
        path.unlink()
    filler.unlink()
    # The disk fills during a run.
    db = tiny_disk / "store.duckdb"
    newsevents.store.connect(db).close()
    fill()
    result = runner.invoke(app, ingest_args(corpus, db))
    check_disk_full_run(result, db, expected)
    filler.unlink()
    resumed = runner.invoke(app, ingest_args(corpus, db))
    assert resumed.exit_code == 0, resumed.stderr
    assert tables(db) == expected
