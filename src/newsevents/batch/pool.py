"""Code raw items in this process or in a pool of processes; outcomes come back in input order.

``DocumentCoder(pipeline, jobs=N)`` with N > 1 runs N worker processes that each extract and
code whole chunks of documents with the Pipeline, as the Spark job's workers do: extraction,
actors and events run in parallel as well as the parse, and no parsed Doc crosses a process
boundary (spaCy's own ``n_process`` parallelises only the parse, and the rest then queues in
the main process). The main process reads the inputs, hands out chunks, puts the outcomes back
in input order and keeps store writing to itself (DuckDB has one writer). At most
IN_FLIGHT_PER_JOB chunks per process are out at a time, so memory stays flat on any stream.

The workers are forked once the main process has loaded the Pipeline, with the garbage
collector's view of it frozen, so they share the model, the actor knowledge (seconds to build)
and the gazetteer copy-on-write instead of each loading its own. Forking is safe while no other
thread runs, so the pool starts when the ``with`` block is entered: before the caller starts a
progress bar or opens a database. (The one other thread then is OpenBLAS's, which shuts its
threads down around a fork itself.)
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..errors import Errors, UsageError, WorkerError
from ..ingest.sources import RawItem
from ..model import Document, Failure
from ..settings import DEFAULT_LANGUAGES
from .coding import Coded, code_documents, extract_document

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["DocumentCoder", "Outcome", "Skipped", "resolve_jobs"]

# Raw items per task: small enough to keep both processes busy to the end of a short run and a
# slow page from holding up the ordered output for long, large enough for nlp.pipe to batch.
POOL_CHUNK = 8
# Chunks handed out per process: one running and the next ones queued, so a worker never waits
# for the main process, and a slow chunk at the head of the order does not idle the others.
IN_FLIGHT_PER_JOB = 4
# How often a worker checks that the main process is still there.
PARENT_CHECK_SECONDS = 1.0


@dataclass(slots=True)
class Skipped:
    """A document the caller's ``skip`` test turned away before it was parsed (already stored)."""

    document: Document


Outcome = Coded | Skipped | Failure
Extracted = Document | Skipped | Failure


def resolve_jobs(jobs: int) -> int:
    """The number of processes for ``--jobs``: 0 means one per CPU this process may use."""
    if jobs > 0:
        return jobs
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class DocumentCoder:
    """Extract and code raw items, here (jobs=1) or in a pool of processes (jobs > 1).

    pipeline: the Pipeline every process codes with (its n_process must be 1 when jobs > 1).
    jobs: processes; 1 codes in this process, in chunks of the Pipeline's batch size.
    chunk_size: raw items per pool task (default POOL_CHUNK).
    Use it as a context manager: the pool starts on entering and stops on leaving.
    """

    def __init__(self, pipeline: Pipeline, *, jobs: int = 1, chunk_size: int = POOL_CHUNK) -> None:
        if jobs > 1 and pipeline.n_process != 1:
            raise UsageError(Errors.NE004.format(n_process=pipeline.n_process, jobs=jobs))
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
        self.chunk_size = chunk_size
        self._executor: ProcessPoolExecutor | None = None
        self._outstanding: set[Future[Any]] = set()

    def __enter__(self) -> DocumentCoder:
        if self.jobs > 1:
            self._start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if self._outstanding:  # Ctrl-C, an error, or a caller that stopped early: drop the rest
            for process in _processes(executor):
                process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)
        self._outstanding.clear()

    @property
    def worker_pids(self) -> list[int]:
        """Process ids of the pool's workers (empty when coding in this process)."""
        return [process.pid for process in _processes(self._executor) if process.pid is not None]

    def code(self, items: Iterable[RawItem], *, date: str | None = None,
             languages: Sequence[str] | None = DEFAULT_LANGUAGES,
             skip: Callable[[Document], bool] | None = None) -> Iterator[Outcome]:
        """One outcome per raw item, in input order: Coded, Skipped, or a Failure with the reason.

        date: publication date for items that carry none; languages: accepted (None: any).
        skip: called in this process with each extracted document; True skips its parse (ingest
        passes "already stored"). A Failure is labelled with the item's input when extraction
        fails, with the document id when parsing or coding does, as ``newsevents code`` prints.
        Raises WorkerError if a pool process dies.
        """
        if self.jobs == 1:
            return self._code_here(items, date, languages, skip)
        if self._executor is None:
            raise RuntimeError(Errors.NE006)
        return self._code_pooled(items, date, languages, skip)

    def _start(self) -> None:
        self.pipeline.load()
        gc.collect()
        gc.freeze()  # the collector would otherwise write to every shared page, copying it
        executor = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_start_worker, initargs=(self.pipeline, os.getpid()))
        try:
            # With fork, the first task forks every worker, now, before the caller starts threads.
            for future in [executor.submit(os.getpid) for _ in range(self.jobs)]:
                _result(future)
        except BaseException:
            executor.shutdown(wait=True, cancel_futures=True)
            raise
        finally:
            gc.unfreeze()
        self._executor = executor

    def _code_here(self, items: Iterable[RawItem], date: str | None, languages: Sequence[str] | None,
                   skip: Callable[[Document], bool] | None) -> Iterator[Outcome]:
        for chunk in _chunks(items, self.pipeline.batch_size):
            extracted = _skipping(_extract(chunk, date, languages), skip)
            yield from _merge(extracted, _code(self.pipeline, extracted))

    def _code_pooled(self, items: Iterable[RawItem], date: str | None, languages: Sequence[str] | None,
                     skip: Callable[[Document], bool] | None) -> Iterator[Outcome]:
        """Chunks go out by number and come back in any order; outcomes leave in number order.
        With ``skip``, a chunk makes two trips: extraction, then (after the test, here) coding."""
        executor = self._executor
        if executor is None:
            return
        chunks = _chunks(items, self.chunk_size)
        running: dict[Future[Any], tuple[int, list[Extracted] | None]] = {}
        finished: dict[int, list[Outcome]] = {}
        sent = next_out = 0
        window = IN_FLIGHT_PER_JOB * self.jobs

        def submit(future: Future[Any], number: int, extracted: list[Extracted] | None) -> None:
            running[future] = (number, extracted)
            self._outstanding.add(future)

        while True:
            while sent - next_out < window and (chunk := next(chunks, None)) is not None:
                task = _extract if skip else _extract_and_code_in_worker
                submit(executor.submit(task, chunk, date, languages), sent, None)
                sent += 1
            if next_out == sent:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                number, extracted = running.pop(future)
                self._outstanding.discard(future)
                outcomes = _result(future)
                if extracted is None and skip is not None:
                    extracted = _skipping(outcomes, skip)
                    if any(isinstance(outcome, Document) for outcome in extracted):
                        submit(executor.submit(_code_in_worker, _documents(extracted)), number, extracted)
                        continue
                    outcomes = []
                finished[number] = outcomes if extracted is None else list(_merge(extracted, outcomes))
            while next_out in finished:
                yield from finished.pop(next_out)
                next_out += 1


def _chunks(items: Iterable[RawItem], size: int) -> Iterator[list[RawItem]]:
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk


def _extract(items: Sequence[RawItem], date: str | None, languages: Sequence[str] | None) -> list[Extracted]:
    return [extract_document(item, date=date, languages=languages) for item in items]


def _skipping(extracted: list[Extracted], skip: Callable[[Document], bool] | None) -> list[Extracted]:
    if skip is None:
        return extracted
    return [Skipped(outcome) if isinstance(outcome, Document) and skip(outcome) else outcome
            for outcome in extracted]


def _documents(extracted: Iterable[Extracted]) -> list[Document]:
    return [outcome for outcome in extracted if isinstance(outcome, Document)]


def _code(pipeline: Pipeline, extracted: Iterable[Extracted]) -> Iterator[Coded | Failure]:
    return code_documents(pipeline, [(document.id, document) for document in _documents(extracted)])


def _merge(extracted: Iterable[Extracted], coded: Iterable[Coded | Failure]) -> Iterator[Outcome]:
    """The outcomes of a chunk: each document to code replaced by its outcome (one each, in order)."""
    outcomes = iter(coded)
    for outcome in extracted:
        yield next(outcomes) if isinstance(outcome, Document) else outcome


def _result(future: Future[Any]) -> Any:
    try:
        return future.result()
    except BrokenProcessPool as err:
        raise WorkerError(Errors.NE005.format(reason=err)) from err


def _processes(executor: ProcessPoolExecutor | None) -> list[multiprocessing.process.BaseProcess]:
    # ProcessPoolExecutor has no public way to stop workers in the middle of a task before
    # Python 3.14 (terminate_workers), and shutdown() alone waits for their chunks to end.
    return list((getattr(executor, "_processes", None) or {}).values())


# --------------------------------------------------------------------------- worker side

# The worker process's Pipeline, shared with the main process; _start_worker sets it before any
# task runs.
_PIPELINE: Pipeline


def _start_worker(pipeline: Pipeline, parent: int) -> None:
    global _PIPELINE
    # Ctrl-C reaches the whole process group: the main process answers it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PIPELINE = pipeline
    # The main process's pid comes from it, not from os.getppid() here: a main process killed
    # before this worker ran its initializer would leave the reaper as this worker's parent.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End this worker once the main process is gone (killed with -9, say): the workers hold
    the task queue's pipe open themselves, so they would wait on it, loaded, for ever."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _code_in_worker(documents: list[Document]) -> list[Coded | Failure]:
    return list(_code(_PIPELINE, documents))


def _extract_and_code_in_worker(items: list[RawItem], date: str | None,
                                languages: Sequence[str] | None) -> list[Outcome]:
    extracted = _extract(items, date, languages)
    return list(_merge(extracted, _code(_PIPELINE, extracted)))
