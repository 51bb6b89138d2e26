#!/usr/bin/env python3
"""Events on real news, for a blind read: code the English pages of the extraction benchmark
and write one line per event for a reader who did not write the coder.

Usage:
    python3 bench/real_news.py --coder hybrid --out /tmp/events.jsonl
    python3 bench/real_news.py --score /tmp/events.jsonl --verdicts /tmp/verdicts.jsonl

The first form prints how many events each coder gives (``--coder`` is repeatable) and writes
the events of the first one: ``{"n", "doc", "sentence", "source", "event", "target", "rule"}``,
the event as its CAMEO code and name, each actor as its code and text. The reader writes one
line per event, ``{"n", "verdict": "right"|"partly"|"wrong", "why"}`` (right: the sentence
reports this act by this source on this target, at the root; partly: the act is right but an
actor's country or sector is not), and the second form counts them. Background acts are left
out, as `code` leaves them out (`--include-background` keeps them). Run by hand.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

DEFAULT_DATA = REPO.parent / "shared" / "data" / "news-html"
PUBLICATION_DATE = "2024-06-21"


def documents(data: Path) -> list:  # type: ignore[type-arg]
    """The English pages as Documents (non-English pages and failures are left out)."""
    from newsevents.batch.coding import extract_document
    from newsevents.ingest.sources import RawItem
    from newsevents.model import Failure
    from newsevents.settings import DEFAULT_LANGUAGES

    out = []
    for path in sorted((data / "html").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        name = path.name.removesuffix(".html.gz")
        document = extract_document(RawItem(name, html, "html", id=name), date=PUBLICATION_DATE,
                                    languages=DEFAULT_LANGUAGES)
        if not isinstance(document, Failure):
            out.append(document)
    return out


def actor(mention) -> str:  # type: ignore[no-untyped-def]
    if mention is None:
        return "-"
    return f"{mention.code or '?'} ({mention.text or mention.rule})"


def code(args: argparse.Namespace) -> None:
    from newsevents.model import news_events
    from newsevents.pipeline import Pipeline

    coders = args.coder or ["hybrid"]
    pipeline = Pipeline()
    docs = documents(args.data)
    lines = []
    counts: Counter[str] = Counter()
    for document, doc in pipeline.parse(docs):
        for coder in coders:
            _mentions, events = pipeline.code_parsed(doc, document, coder=coder)
            events = news_events(events, include_background=args.include_background)  # as `code` gives them
            counts[coder] += len(events)
            if coder != coders[0]:
                continue
            for event in events:
                lines.append({"n": len(lines) + 1, "doc": document.id, "sentence": event.sentence,
                              "source": actor(event.source), "event": f"{event.code} {event.name}",
                              "target": actor(event.target), "rule": event.rule})
    print(f"{len(docs)} English pages; events: " + ", ".join(f"{c} {counts[c]}" for c in coders))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(json.dumps(line) + "\n")
        print(f"wrote {len(lines)} events of {coders[0]} to {args.out}")


def score(args: argparse.Namespace) -> None:
    events = {json.loads(line)["n"]: json.loads(line) for line in open(args.score, encoding="utf-8") if line.strip()}
    verdicts = {json.loads(line)["n"]: json.loads(line) for line in open(args.verdicts, encoding="utf-8") if line.strip()}
    tally = Counter(verdicts[n]["verdict"] for n in events if n in verdicts)
    judged = sum(tally.values())
    print(f"{len(events)} events, {judged} judged: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    if judged:
        print(f"precision (right only) {tally['right'] / judged:.3f}; counting partly right "
              f"{(tally['right'] + tally['partly']) / judged:.3f}")
    by_rule = Counter((events[n]["rule"].startswith("model:"), verdicts[n]["verdict"]) for n in events if n in verdicts)
    for model in (False, True):
        row = {k[1]: v for k, v in by_rule.items() if k[0] is model}
        print(f"{'model events' if model else 'lexicon events'}: " + ", ".join(f"{k} {v}" for k, v in sorted(row.items())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with html/*.html.gz")
    parser.add_argument("--coder", action="append", choices=("hybrid", "rules", "model"), help="repeatable")
    parser.add_argument("--out", type=Path, help="write the first coder's events here")
    parser.add_argument("--include-background", action="store_true",
                        help="also give background acts (history), which `code` leaves out by default")
    parser.add_argument("--score", type=Path, help="an events file written by --out")
    parser.add_argument("--verdicts", type=Path, help="the reader's verdicts for --score")
    args = parser.parse_args()
    if args.score:
        score(args)
    else:
        code(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
