#!/usr/bin/env python3
"""Throughput: seconds per stage, documents and words per second, ours against bare spaCy.

Usage: ``python3 bench/throughput.py [--copies N] [--data ../shared/data/news-html] [--profile]``

Input: the 181 real news pages of the extraction benchmark (``--copies N``: N copies of each,
with fresh ids). One run reports, each configuration in its own Python process so that peak
RSS belongs to it alone:

* stages (n_process=1): seconds in extract (HTML to text and metadata), parse (spaCy, our
  components), actors, events, where/when and the article merge (if the Pipeline has them:
  the functions ``Pipeline.code_parsed`` calls are timed in place, so this is the code path
  ``newsevents code`` runs), and store (``StoreWriter.write_document`` into a temporary DuckDB,
  if ``newsevents.store`` exists). Model loading is reported apart.
* end to end, HTML to events, with 1 and 2 processes: the code ``newsevents code --jobs N``
  runs (``DocumentCoder``; with 2, a pool of processes that each extract and code whole
  documents while the main process reads and puts the outcomes in order): documents/s,
  words/s, articles/hour, peak RSS of the main process and of the largest worker (children's
  maxrss), and the RSS of the main process and of the largest worker after the first tenth of
  the stream against the end (memory must stay flat on long streams).
* bare spaCy: the extracted texts through ``spacy.load(model)`` with every component it enables
  (``nlp.pipe``, same batch size), n_process 1 and 2; the ratio ours / bare is documents/s of
  ours (extraction included) over bare spaCy's (extraction excluded) at the same n_process.

``--repeat N`` runs each configuration N times, in N rounds of one run each, and keeps the
fastest run (on a shared machine the others' load varies from minute to minute). ``--profile`` adds a cProfile of the stages
run (the functions with most own time, and the newsevents functions with most cumulative time). Run by hand; never a timed test.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

DEFAULT_DATA = REPO.parent / "shared" / "data" / "news-html"
# ours / bare spaCy, by coder: the lexicon alone must beat the bare parse; the classifier may
# cost up to a quarter of it.
TARGET_RATIO = {"rules": 1.0, "hybrid": 0.75, "model": 0.75}
TARGET_ARTICLES_PER_HOUR = 30_000
TARGET_RSS_MB = 1536
# Functions Pipeline.code_parsed calls, by stage, timed in place when the pipeline module has them.
STAGE_FUNCTIONS = (("actors", "find_actors"), ("events", "extract_events"), ("classifier", "combine"),
                   ("where/when", "situate_events"), ("merge", "merge_article_events"))
PROFILE_LINES = 25
# (phase, processes) in the order each round runs them: stages first, as it writes the extracted
# texts the bare spaCy runs read.
CONFIGURATIONS = (("stages", 1), ("ours", 1), ("ours", 2), ("bare", 1), ("bare", 2))


# --------------------------------------------------------------------------- helpers

def rss_mb(pid: int | str = "self") -> float:
    """Current resident set size of a process (default: this one), in MB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_of(pids: list[int]) -> dict[str, float]:
    """Resident set size in MB of this process ("main") and of the largest of ``pids`` ("worker")."""
    sizes = {"main": rss_mb()}
    if pids:
        sizes["worker"] = max(rss_mb(pid) for pid in pids)
    return sizes


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak RSS (ru_maxrss, KB on Linux) in MB; for RUSAGE_CHILDREN, the largest child."""
    return resource.getrusage(who).ru_maxrss / 1024


def raw_items(data: Path, copies: int, limit: int | None = None) -> list[Any]:
    """The pages as RawItems, read and decoded as ``read_source`` does; ids ``<page>-<copy>``."""
    from newsevents.ingest.decode import decode_bytes
    from newsevents.ingest.sources import RawItem

    pages = sorted((data / "html").glob("*.html.gz"))[:limit]
    htmls = [(page, decode_bytes(gzip.decompress(page.read_bytes()))) for page in pages]
    return [RawItem(f"{page}#{copy}", html, "html", id=f"{page.name.split('.')[0][:16]}-{copy}")
            for copy in range(copies) for page, html in htmls]


def documents_of(items: list[Any], failures: list[str]) -> Iterator[Any]:
    """Documents built from raw items (HTML extraction); failures are counted and skipped."""
    from newsevents.ingest import build_document

    for item in items:
        try:
            yield build_document(item)
        except ValueError as err:
            failures.append(str(err))


def model_name() -> str:
    """The spaCy package our Pipeline loads by default (for the bare comparison)."""
    import spacy

    from newsevents.nlp import MODEL_CANDIDATES

    return next(name for name in MODEL_CANDIDATES if spacy.util.is_package(name))


class Timer:
    """Seconds spent per stage, accumulated across calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(stage, time.perf_counter() - started)
        return timed

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


# --------------------------------------------------------------------------- phases (subprocesses)

def phase_stages(args: argparse.Namespace) -> dict[str, Any]:
    """Per-stage seconds on one process; writes the extracted texts for the bare phases."""
    import newsevents.pipeline as pipeline_module
    from newsevents.pipeline import Pipeline

    timer = Timer()
    started = time.perf_counter()
    pipeline = Pipeline(coder=args.coder).load()
    load = time.perf_counter() - started
    present = {stage for stage, name in STAGE_FUNCTIONS if hasattr(pipeline_module, name)}
    for stage, name in STAGE_FUNCTIONS:
        if stage in present:
            setattr(pipeline_module, name, timer.wrap(stage, getattr(pipeline_module, name)))
    items = raw_items(args.data, args.copies, args.pages)
    failures: list[str] = []
    started = time.perf_counter()
    documents = list(documents_of(items, failures))
    timer.add("extract", time.perf_counter() - started)
    with open(args.texts, "w", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps({"id": document.id, "text": document.text}) + "\n")
    writer, run_id, store_dir = _store_writer()
    events = words = 0
    parsed = iter(pipeline.parse(documents))
    while True:
        started = time.perf_counter()
        try:
            document, doc = next(parsed)
        except StopIteration:
            timer.add("parse", time.perf_counter() - started)
            break
        timer.add("parse", time.perf_counter() - started)
        _mentions, coded = pipeline.code_parsed(doc, document)
        events += len(coded)
        words += len(document.text.split())
        if writer is not None:
            started = time.perf_counter()
            writer.write_document(document, coded, run_id)
            timer.add("store", time.perf_counter() - started)
    if store_dir is not None:
        writer.con.close()
        store_dir.cleanup()
    return {"load": load, "seconds": timer.seconds, "present": sorted(present) + (["store"] if writer else []),
            "documents": len(documents), "failed": len(failures), "events": events, "words": words}


def _store_writer() -> tuple[Any, str, Any]:
    try:
        from newsevents.store import StoreWriter, connect
    except ImportError:
        return None, "", None
    folder = tempfile.TemporaryDirectory(prefix="newsevents-bench-db-")
    writer = StoreWriter(connect(Path(folder.name) / "bench.duckdb"))
    return writer, writer.start_run(["bench"], {}), folder


def phase_ours(args: argparse.Namespace) -> dict[str, Any]:
    """End to end, HTML to events, as ``newsevents code --jobs N`` runs it: a DocumentCoder with
    jobs=args.n_process extracts and codes the raw items (in this process for 1, in a pool of
    processes for more). Timed from the moment the models are loaded and the pool is up."""
    from newsevents.batch.coding import Coded
    from newsevents.batch.pool import DocumentCoder
    from newsevents.pipeline import Pipeline

    items = raw_items(args.data, args.copies, args.pages)
    documents = events = words = 0
    early: dict[str, float] | None = None
    with DocumentCoder(Pipeline(coder=args.coder).load(), jobs=args.n_process) as coder:
        pids = coder.worker_pids
        started = time.perf_counter()
        for outcome in coder.code(items):
            if not isinstance(outcome, Coded):
                continue
            documents += 1
            events += len(outcome.events)
            words += len(outcome.document.text.split())
            if early is None and documents >= len(items) // 10:
                early = rss_of(pids)
        seconds = time.perf_counter() - started
        end = rss_of(pids)
    return {"seconds": seconds, "documents": documents, "events": events, "words": words,
            "rss_early": early, "rss_end": end, "peak": peak_mb(),
            "peak_worker": peak_mb(resource.RUSAGE_CHILDREN) if pids else None}


def phase_bare(args: argparse.Namespace) -> dict[str, Any]:
    """The extracted texts through the full spaCy pipeline (every enabled component)."""
    import spacy

    from newsevents.settings import DEFAULT_BATCH_SIZE

    nlp = spacy.load(model_name())
    with open(args.texts, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    words = sum(len(text.split()) for text in texts)
    nlp("warm up.")
    started = time.perf_counter()
    documents = sum(1 for _doc in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE, n_process=args.n_process))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "documents": documents, "words": words, "components": nlp.pipe_names,
            "peak": peak_mb(), "peak_worker": peak_mb(resource.RUSAGE_CHILDREN) if args.n_process > 1 else None}


def phase_profile(args: argparse.Namespace) -> dict[str, Any]:
    """cProfile of the stages phase; prints the tables and returns nothing to report."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    phase_stages(args)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr)
    print("\n== profile: most own time ==", file=sys.stderr)
    stats.sort_stats("tottime").print_stats(PROFILE_LINES)
    print("\n== profile: newsevents functions by cumulative time ==", file=sys.stderr)
    stats.sort_stats("cumulative").print_stats("newsevents", PROFILE_LINES)
    return {}


PHASES = {"stages": phase_stages, "ours": phase_ours, "bare": phase_bare,
          "profile": phase_profile}


# --------------------------------------------------------------------------- report

def run_rounds(args: argparse.Namespace) -> dict[tuple[str, int], dict[str, Any]]:
    """Run every configuration once per round, ``--repeat`` rounds, each run in a fresh process;
    keep each configuration's fastest run (the one least disturbed by whatever else the machine
    is doing). Rounds interleave the configurations, so that a busy minute on a shared machine
    slows one run of each rather than every run of one, and the ratios stay fair."""
    fastest: dict[tuple[str, int], dict[str, Any]] = {}
    for _ in range(args.repeat):
        for name, n_process in CONFIGURATIONS:
            run = _run_once(name, args, n_process=n_process)
            best = fastest.get((name, n_process))
            if best is None or _seconds(run) < _seconds(best):
                fastest[name, n_process] = run
    return fastest


def _seconds(run: dict[str, Any]) -> float:
    seconds = run["seconds"]
    return sum(seconds.values()) if isinstance(seconds, dict) else seconds


def _run_once(name: str, args: argparse.Namespace, *, n_process: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--phase", name, "--n-process", str(n_process), "--coder", args.coder, "--copies",
               str(args.copies), "--data", str(args.data), "--texts", str(args.texts),
               *(["--pages", str(args.pages)] if args.pages else [])]
    print(f"running {name} (n_process={n_process}) ...", file=sys.stderr, flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(stages: dict[str, Any], ours: dict[int, dict[str, Any]], bare: dict[int, dict[str, Any]], coder: str) -> None:
    seconds = stages["seconds"]
    order = ["extract", "parse", "actors", "events", "classifier", "where/when", "merge", "store"]
    total = sum(seconds.values())
    documents = stages["documents"]
    print(f"\nStages, n_process=1: {documents} documents ({stages['failed']} failed extraction or language), "
          f"{stages['words']:,} words, {stages['events']} events; models loaded in {stages['load']:.1f} s (not counted)")
    print(f"{'stage':<12} {'seconds':>8} {'share':>6} {'ms/doc':>7}")
    for stage in order:
        if stage in seconds:
            print(f"{stage:<12} {seconds[stage]:>8.2f} {seconds[stage] / total:>6.1%} "
                  f"{1000 * seconds[stage] / max(documents, 1):>7.1f}")
        else:
            print(f"{stage:<12} {'n/a':>8}")
    print(f"{'total':<12} {total:>8.2f} {1:>6.0%} {1000 * total / max(documents, 1):>7.1f}")

    print("\nEnd to end (HTML to events) against bare spaCy (texts to Docs, every component):")
    print(f"{'run':<28} {'seconds':>8} {'docs/s':>7} {'words/s':>8} {'articles/h':>11} {'peak MB':>8} "
          f"{'worker MB':>9} {'main RSS 10%->end':>18} {'worker RSS 10%->end':>20} {'ours/bare':>9}")
    for n_process in sorted(ours):
        mine, theirs = ours[n_process], bare[n_process]
        rate, bare_rate = mine["documents"] / mine["seconds"], theirs["documents"] / theirs["seconds"]
        flat = {who: f"{mine['rss_early'][who]:.0f}->{mine['rss_end'][who]:.0f}" if mine["rss_early"] else "-"
                for who in mine["rss_end"]}
        worker = f"{mine['peak_worker']:.0f}" if mine["peak_worker"] else "-"
        print(f"{f'newsevents --jobs {n_process}':<28} {mine['seconds']:>8.1f} {rate:>7.2f} "
              f"{mine['words'] / mine['seconds']:>8.0f} {rate * 3600:>11,.0f} {mine['peak']:>8.0f} {worker:>9} "
              f"{flat['main']:>18} {flat.get('worker', '-'):>20} {rate / bare_rate:>8.2f}x")
        worker = f"{theirs['peak_worker']:.0f}" if theirs["peak_worker"] else "-"
        print(f"{f'bare spaCy n_process={n_process}':<28} {theirs['seconds']:>8.1f} {bare_rate:>7.2f} "
              f"{theirs['words'] / theirs['seconds']:>8.0f} {bare_rate * 3600:>11,.0f} {theirs['peak']:>8.0f} "
              f"{worker:>9} {'':>18} {'':>20} {'':>9}")
    components = ", ".join(bare[1]["components"])
    print(f"\nbare spaCy components: {components}")
    print("--jobs 2: the pool `newsevents code --jobs 2` runs, 2 processes each extracting and coding whole "
          "documents; the main process reads and orders. worker MB: peak RSS of the largest worker (shared "
          "pages included)")
    print(f"targets ({coder}): ours/bare >= {TARGET_RATIO[coder]:.2f}x; >= {TARGET_ARTICLES_PER_HOUR:,} articles/h with 2 processes; "
          f"peak RSS <= {TARGET_RSS_MB} MB per worker; {os.cpu_count()} CPUs")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1, help="copies of each page, with fresh ids")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with html/*.html.gz")
    parser.add_argument("--pages", type=int, help="only the first N pages (a quick look)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each configuration; the fastest is kept")
    parser.add_argument("--profile", action="store_true", help="also profile the stages (cProfile)")
    parser.add_argument("--coder", choices=("hybrid", "rules", "model"), default="hybrid",
                        help="event coder (classifier: the hybrid's model and the events it adds)")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](args)))
        return 0
    if not any((args.data / "html").glob("*.html.gz")):
        print(f"error: {args.data / 'html'}: no .html.gz pages", file=sys.stderr)
        return 1
    load_before = os.getloadavg()[1]
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as tmp:
        args.texts = Path(tmp) / "texts.jsonl"
        runs = run_rounds(args)
        if args.profile:
            _run_once("profile", args, n_process=1)
    report(runs["stages", 1], {n: runs["ours", n] for n in (1, 2)}, {n: runs["bare", n] for n in (1, 2)}, args.coder)
    print(f"coder: {args.coder}")
    print(f"load average (5 min) before / after: {load_before:.2f} / {os.getloadavg()[1]:.2f}; "
          f"fastest of {args.repeat} run(s) per configuration")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
