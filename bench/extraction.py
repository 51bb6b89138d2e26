"""Article-extraction quality on the 181 real news pages of the article-extraction benchmark.

Run by hand:  python bench/extraction.py [--data ../shared/data/news-html]

Metric (the benchmark's own): for each page, precision, recall and F1 between the sets of
4-word shingles of the lower-cased, whitespace-tokenised extracted text and the article body a
person marked; averaged over pages. A page where both sets are empty scores 1; where only one
is empty, 0.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

from newsevents.errors import InputError
from newsevents.ingest.decode import decode_bytes
from newsevents.ingest.html import extract_html

SHINGLE_SIZE = 4
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-html"


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """Set of word n-grams of the lower-cased, whitespace-split text."""
    words = text.lower().split()
    return {tuple(words[i:i + size]) for i in range(max(len(words) - size + 1, 0))}


def score(predicted: str, expected: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the predicted text's shingles against the expected's."""
    pred, gold = shingles(predicted), shingles(expected)
    if not pred and not gold:
        return 1.0, 1.0, 1.0
    if not pred or not gold:
        return 0.0, 0.0, 0.0
    overlap = len(pred & gold)
    precision, recall = overlap / len(pred), overlap / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with html/ and ground-truth.json")
    args = parser.parse_args()
    truth_path = args.data / "ground-truth.json"
    if not truth_path.exists():
        print(f"error: {truth_path}: not found (the benchmark data lives in ../shared/data/news-html)", file=sys.stderr)
        return 1
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    scores: list[tuple[float, float, float]] = []
    failures = 0
    started = time.perf_counter()
    for page_id, record in sorted(truth.items()):
        path = args.data / "html" / f"{page_id}.html.gz"
        try:
            html = decode_bytes(gzip.decompress(path.read_bytes()))
            text = extract_html(html, url=record.get("url")).text
        except (InputError, OSError) as err:
            failures += 1
            print(f"error: {path}: {err}", file=sys.stderr)
            text = ""
        scores.append(score(text, record.get("articleBody") or ""))
    elapsed = time.perf_counter() - started
    precision, recall, f1 = (statistics.fmean(column) for column in zip(*scores))
    print(f"pages      {len(scores)}  (failed: {failures})")
    print(f"precision  {precision:.3f}")
    print(f"recall     {recall:.3f}")
    print(f"F1         {f1:.3f}   (trafilatura alone is published at 0.958)")
    print(f"time       {elapsed:.1f} s  ({len(scores) / elapsed:.1f} pages/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
