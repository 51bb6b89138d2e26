"""Coding in a pool of processes: the same outcomes as in one process, bad documents reported."""
from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsevents.batch.coding import Coded
from newsevents.batch.pool import PARENT_CHECK_SECONDS, DocumentCoder, Outcome, Skipped, _start_worker, resolve_jobs
from newsevents.cli import app
from newsevents.errors import UsageError, WorkerError
from newsevents.ingest.sources import RawItem
from newsevents.model import Document, Failure
from newsevents.pipeline import Pipeline

from .conftest import EXAMPLES

TEXTS = [
    "Iran's foreign minister visited Baghdad on Thursday and met Iraq's prime minister.",
    "Police arrested dozens of protesters in Nairobi on Tuesday.",
    "The court fined the company. Its lawyers said they would appeal.",
    "China condemned the Japanese defence ministry over the drills.",
    "Russian forces shelled Kharkiv overnight, Ukraine's military said.",
    "The European Union imposed new sanctions on Belarus.",
    "Turkey's president called for a ceasefire in Gaza.",
]
pytestmark = pytest.mark.issue(7)

# Small pool tasks, so that a handful of documents spread over several tasks and processes.
CHUNK = 2


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _items() -> list[RawItem]:
    items = [RawItem(f"text-{n}", text, "text", id=f"text-{n}") for n, text in enumerate(TEXTS)]
    html = (EXAMPLES / "sample.html").read_text(encoding="utf-8")
    items.insert(3, RawItem("sample.html", html, "html", id="sample.html"))
    items.insert(5, RawItem("binary", "\x00\x01\x02\x03" * 50, "text", id="binary"))
    return items


def _summary(outcome: Outcome) -> tuple[Any, ...]:
    if isinstance(outcome, Failure):
        return ("failure", outcome.input, outcome.reason)
    if isinstance(outcome, Skipped):
        return ("skipped", outcome.document.id)
    return ("coded", outcome.document.id, len(outcome.document.sentences),
            [json.dumps(event.to_dict(explain=True), sort_keys=True) for event in outcome.events])


def _code(pipeline: Pipeline, jobs: int, items: list[RawItem], **options: Any) -> list[tuple[Any, ...]]:
    with DocumentCoder(pipeline, jobs=jobs, chunk_size=CHUNK) as coder:
        return [_summary(outcome) for outcome in coder.code(items, date="2024-06-21", **options)]


def test_pool_gives_the_outcomes_of_one_process_in_input_order(pipeline: Pipeline) -> None:
    items = _items()
    here = _code(pipeline, 1, items)
    pooled = _code(pipeline, 2, items)
    assert pooled == here
    assert [outcome[1] for outcome in pooled] == [item.label for item in items]
    assert sum(len(outcome[3]) for outcome in pooled if outcome[0] == "coded") >= 3  # events to compare
    assert ("failure", "binary", "binary data, not text or HTML") in pooled


def test_skip_is_asked_here_and_a_skipped_document_is_not_coded(pipeline: Pipeline) -> None:
    asked: list[str] = []

    def stored(document: Document) -> bool:
        asked.append(document.id)
        return document.id in {"text-0", "text-4"}

    outcomes = _code(pipeline, 2, _items(), skip=stored)
    assert ("skipped", "text-0") in outcomes and ("skipped", "text-4") in outcomes
    assert sorted(asked) == sorted(outcome[1] for outcome in outcomes if outcome[0] != "failure")
    assert [outcome for outcome in outcomes if outcome[0] == "coded"] == [
        outcome for outcome in _code(pipeline, 1, _items()) if outcome[0] == "coded" and outcome[1] not in {"text-0", "text-4"}]


def test_a_document_that_fails_to_code_is_a_failure_and_the_rest_are_coded(
        pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    code_parsed = Pipeline.code_parsed

    def failing(self: Pipeline, doc: Any, document: Document, **options: Any) -> Any:
        if document.id == "text-2":
            raise RuntimeError("boom")
        return code_parsed(self, doc, document, **options)

    monkeypatch.setattr(Pipeline, "code_parsed", failing)  # the pool's processes fork with it
    outcomes = _code(pipeline, 2, _items())
    assert ("failure", "text-2", "coding failed: RuntimeError: boom") in outcomes
    assert sum(outcome[0] == "coded" for outcome in outcomes) == len(_items()) - 2


def test_a_process_that_dies_stops_the_run_with_an_error(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    code_parsed = Pipeline.code_parsed

    def dying(self: Pipeline, doc: Any, document: Document, **options: Any) -> Any:
        if document.id == "text-4":
            os._exit(1)  # as a process killed by the kernel or crashed in native code would
        return code_parsed(self, doc, document, **options)

    monkeypatch.setattr(Pipeline, "code_parsed", dying)
    with pytest.raises(WorkerError, match="NE005"):
        _code(pipeline, 2, _items())


def test_jobs_need_a_pipeline_that_parses_in_one_process() -> None:
    with pytest.raises(UsageError, match="NE004"):
        DocumentCoder(Pipeline(n_process=2), jobs=2)
    assert resolve_jobs(3) == 3
    assert resolve_jobs(0) >= 1


def _corpus(folder: Path) -> list[str]:
    for n, text in enumerate(TEXTS):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [str(folder)]


def test_code_jobs_option_prints_what_one_process_prints(runner: CliRunner, tmp_path: Path) -> None:
    inputs = _corpus(tmp_path)
    one = runner.invoke(app, ["code", *inputs, "--date", "2024-06-21", "--format", "jsonl", "-q"])
    two = runner.invoke(app, ["code", *inputs, "--date", "2024-06-21", "--format", "jsonl", "-q", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert two.stdout == one.stdout and one.stdout.count("\n") >= 3
    assert two.stderr == one.stderr and "empty.txt: empty input" in two.stderr


def test_ingest_jobs_option_stores_then_skips(runner: CliRunner, tmp_path: Path) -> None:
    inputs = _corpus(tmp_path)
    db = str(tmp_path / "x.duckdb")
    first = runner.invoke(app, ["ingest", *inputs, "--db", db, "--date", "2024-06-21", "--jobs", "2", "-q", "-v"])
    again = runner.invoke(app, ["ingest", *inputs, "--db", db, "--date", "2024-06-21", "--jobs", "2", "-q", "-v"])
    assert first.exit_code == again.exit_code == 0, first.stderr
    assert first.stderr.count("stored:") == len(TEXTS) and "empty.txt: empty input" in first.stderr
    assert again.stderr.count("skipped:") == len(TEXTS) and "stored:" not in again.stderr


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] == "Z"  # exited, not yet reaped
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_a_worker_started_after_its_main_process_died_ends(pipeline: Pipeline) -> None:
    """A worker that runs its initializer only after the main process is gone watches the
    main process's pid, handed to it, not whoever has adopted it by then."""
    context = multiprocessing.get_context("fork")
    gone = context.Process(target=os._exit, args=(0,))
    gone.start()
    gone.join()

    def late_worker() -> None:
        try:
            _start_worker(pipeline, gone.pid)
        except BaseException:
            os._exit(3)  # not the watcher's exit status, 1
        time.sleep(30)  # a pool worker would wait on its task queue

    worker = context.Process(target=late_worker)
    worker.start()
    worker.join(10 * PARENT_CHECK_SECONDS)
    exitcode = worker.exitcode
    if exitcode is None:
        worker.kill()
    assert exitcode == 1, exitcode


def test_workers_end_when_the_main_process_is_killed(pipeline: Pipeline) -> None:
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def main_process() -> None:  # starts a pool, reports its workers, dies as with kill -9
        with DocumentCoder(pipeline, jobs=2) as coder:
            writer.send(coder.worker_pids)
            os._exit(0)

    process = context.Process(target=main_process)
    process.start()
    workers = reader.recv()
    process.join()
    deadline = time.monotonic() + 10 * PARENT_CHECK_SECONDS
    while not all(_gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(workers) == 2 and all(_gone(pid) for pid in workers)
