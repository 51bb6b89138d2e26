"""Ingest is resumable: killed with SIGKILL mid-run and run again, it ends with the tables an
uninterrupted run gives (issue 5). One subprocess smoke test, plus in-process CLI checks."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents.cli import app

from .conftest import REPO

pytestmark = pytest.mark.issue(5)

PAIRS = [("Kenya", "Uganda", "Kampala"), ("Turkey", "Iraq", "Ankara"), ("France", "Germany", "Berlin"),
         ("Egypt", "Israel", "Cairo"), ("India", "Pakistan", "Lahore"), ("Japan", "China", "Beijing")]
TEMPLATES = [
    "{a}'s president met {b}'s president in {city} on {day}.",
    "{a}'s foreign minister accused {b} of interference near {city} yesterday.",
    "{a}'s prime minister visited {city} last week. Officials said the talks went well.",
    "{a}'s army clashed with {b}'s troops near {city} on {day}, officials said.",
    "{a}'s president condemned {b} on {day}. {a}'s president met {b}'s president in {city} on {day}.",
]
DAYS = ["Monday", "Tuesday", "Thursday"]
HOSTS = ["news.example.com", "www.wire.example.org", "daily.example.net"]
DOCUMENTS = 30
# Kill after this many documents are reported stored; fall back to an earlier kill if the run
# outpaced the signal and finished.
KILL_AFTER = (6, 1)
TIMEOUT_SECONDS = 120


def write_corpus(path: Path) -> int:
    """30 small articles (some reporting the same events), a duplicate text and a bad line."""
    lines = []
    for n in range(DOCUMENTS):
        a, b, city = PAIRS[n % len(PAIRS)]
        text = TEMPLATES[n % len(TEMPLATES)].format(a=a, b=b, city=city, day=DAYS[n % len(DAYS)])
        lines.append(json.dumps({"id": f"doc{n:02d}", "text": text, "date": f"2024-05-{10 + n % 4:02d}",
                                 "url": f"https://{HOSTS[n % len(HOSTS)]}/story/{n}"}))
    lines.append(json.dumps({"id": "copy", "text": json.loads(lines[0])["text"], "date": "2024-05-10"}))
    lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return DOCUMENTS


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsevents.cli", "ingest", str(corpus), "--db", str(db), "--quiet", "--verbose",
            "--any-language"]  # short texts are too short to tell their language


def environment() -> dict[str, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    return env


def run_and_kill(corpus: Path, db: Path, kill_after: int) -> None:
    """Start ingest and SIGKILL it once ``kill_after`` documents are reported stored."""
    process = subprocess.Popen(ingest_command(corpus, db), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               text=True, env=environment())
    stored = 0
    try:
        assert process.stderr is not None
        for line in process.stderr:
            stored += line.startswith("stored:")
            if stored >= kill_after:
                process.send_signal(signal.SIGKILL)
                break
    finally:
        process.wait(timeout=TIMEOUT_SECONDS)


def stored_documents(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM documents").fetchone()
    return int(row[0]) if row else 0


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


def test_killed_and_resumed_equals_uninterrupted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    total = write_corpus(corpus)
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    done = subprocess.run(ingest_command(corpus, clean), capture_output=True, text=True, env=environment(),
                          timeout=TIMEOUT_SECONDS)
    assert done.returncode == 0, done.stderr
    for kill_after in KILL_AFTER:
        killed.unlink(missing_ok=True)
        run_and_kill(corpus, killed, kill_after)
        if 0 < stored_documents(killed) < total:
            break
    else:
        pytest.fail("could not kill ingest mid-run")
    resumed = subprocess.run(ingest_command(corpus, killed), capture_output=True, text=True, env=environment(),
                             timeout=TIMEOUT_SECONDS)
    assert resumed.returncode == 0, resumed.stderr
    assert "skipped:" in resumed.stderr   # the documents stored before the kill were not redone
    expected, found = tables(clean), tables(killed)
    assert expected["documents"] and expected["events"] and expected["errors"]
    assert len(expected["documents"]) == total
    assert found == expected
    with duckdb.connect(str(killed), read_only=True) as con:
        statuses = sorted(status for (status,) in con.execute("SELECT status FROM runs").fetchall())
    assert statuses == ["done", "interrupted"]


def test_ingest_command_twice_is_idempotent(tmp_path: Path, runner: CliRunner) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "k1", "text": "Kenya's president met Uganda's president in Kampala "
                                  "on Tuesday.", "date": "2024-05-10"}) + "\n", encoding="utf-8")
    db = tmp_path / "i.duckdb"
    args = ["ingest", str(corpus), str(tmp_path / "missing.txt"), "--db", str(db), "--any-language"]
    first = runner.invoke(app, [*args, "-q"])
    assert first.exit_code == 0, first.output
    before = tables(db)
    second = runner.invoke(app, [*args, "-v"])
    assert second.exit_code == 0 and "skipped: k1" in second.output
    assert tables(db) == before
    assert before["errors"] == [(str(tmp_path / "missing.txt"), "no such file or directory")]
    assert [(str(row[2]), row[3], row[4]) for row in before["events"]] == [("2024-05-07", "text", "KENGOV")]
