#!/usr/bin/env python3
"""Spark scaling: documents/s of the batch job on local[1] against local[2].

Usage: ``python3 bench/spark_scaling.py [--docs 5000] [--data ../shared/data/news-html] [--masters local[1] local[2]]``

The corpus is the 181 real news pages of the extraction benchmark, copied with fresh ids
(``<page>-<copy>``) until it holds about ``--docs`` documents, written as gzipped JSONL
(``{"id", "html"}``, one file per copy) in a temporary folder. Each master gets its own
SparkSession, started before the clock and stopped after it, so the times cover the job
itself (planning, reading, HTML extraction, the model load in each worker, coding and the
Parquet writes), not the JVM start. Run by hand; the figures depend on what else the machine
is doing.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsevents.spark import run_spark  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "news-html"
DEFAULT_DOCS = 5000
TARGET_SPEEDUP = 1.7


def write_corpus(pages: list[Path], docs: int, folder: Path) -> int:
    """Write ``docs`` documents (pages repeated with fresh ids) as one .jsonl.gz per copy."""
    htmls = [(page.name.split(".")[0][:16], gzip.decompress(page.read_bytes()).decode("utf-8", "replace"))
             for page in pages]
    written, copy = 0, 0
    while written < docs:
        with gzip.open(folder / f"copy-{copy:03d}.jsonl.gz", "wt", encoding="utf-8") as handle:
            for page_id, html in htmls:
                if written >= docs:
                    break
                handle.write(json.dumps({"id": f"{page_id}-{copy}", "html": html}) + "\n")
                written += 1
        copy += 1
    return written


def run(master: str, corpus: Path, output: Path) -> dict[str, Any]:
    """One timed run of the job on its own session."""
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master(master).appName("newsevents-bench")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC").config("spark.python.worker.reuse", "true")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    try:
        started = time.perf_counter()
        summary = run_spark([str(corpus)], str(output), master=master)
        summary["wall"] = time.perf_counter() - started
    finally:
        session.stop()
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS, help="corpus size (documents)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with html/*.html.gz")
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    args = parser.parse_args()
    pages = sorted((args.data / "html").glob("*.html.gz"))
    if not pages:
        print(f"error: {args.data / 'html'}: no .html.gz pages", file=sys.stderr)
        return 1
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    with tempfile.TemporaryDirectory(prefix="newsevents-spark-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        written = write_corpus(pages, args.docs, corpus)
        size = sum(path.stat().st_size for path in corpus.iterdir()) / 1e6
        print(f"corpus: {written} documents ({len(pages)} pages x copies), {size:.0f} MB of gzipped JSONL; "
              f"{os.cpu_count()} CPUs", flush=True)
        results: list[tuple[str, dict[str, Any]]] = []
        for master in args.masters:
            summary = run(master, corpus, Path(tmp) / f"out-{len(results)}")
            results.append((master, summary))
            print(f"  {master}: {summary['documents']} documents in {summary['wall']:.1f} s", flush=True)
    base = results[0][1]["documents"] / results[0][1]["wall"]
    print()
    print(f"{'master':<10} {'partitions':>10} {'workers':>8} {'models':>7} {'documents':>10} {'events':>8} "
          f"{'errors':>7} {'seconds':>8} {'docs/s':>7} {'speedup':>8}")
    for master, summary in results:
        rate = summary["documents"] / summary["wall"]
        print(f"{master:<10} {summary['partitions']:>10} {summary['worker_processes']:>8} "
              f"{summary['pipelines_loaded']:>7} {summary['documents']:>10} {summary['events']:>8} "
              f"{summary['errors']:>7} {summary['wall']:>8.1f} {rate:>7.2f} {rate / base:>7.2f}x")
    print(f"\ntarget: local[2] >= {TARGET_SPEEDUP}x local[1]; models = Pipelines loaded (one per worker process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
