"""Casualty and arrest counts on the blind sentences (issue 15 item 7): exact-match accuracy.

``bench/data/casualties_blind.jsonl`` holds 40 wire-style sentences written by a helper who had
not seen the code (conventions in ``casualties_blind_README.md``). Each gold count is null (not
stated), an integer, or a range ``[low, high]`` with null for an open end. A count read by the
coder matches when it is the same integer, or the same range: an open gold end matches an open
end of ours (``max`` None; ``min`` None or 1, the floor we give "up to N").

Two readings are scored: the counts ``newsevents code`` attaches to the sentence's events (what a
user sees; a sentence with no coded event of force or arrest gives none), and the count reader
alone on the sentence (``events.casualties.counts_in``), which isolates the reading of numbers from
event detection. From the events, each kind's count is the one of the most confident event that
carries that kind: a user reads the sentence's arrests off its arrest event and its dead off its
attack, wherever the two events rank (a count sits on the event it belongs to,
``event_counts.fill_casualties``). Where two events carry separate counts of one kind (spans
that do not overlap: "an air strike killed four ..., while a second strike killed three"), the
sentence's count is their sum, as the gold adds separate groups.

``bench/data/casualties_blind2.jsonl`` is a second set of 40, written blind by another helper
after the count reader and the events of unnamed violence were built against the first (which
is a dev set since): ``--data bench/data/casualties_blind2.jsonl``.
``bench/data/casualties_blind3.jsonl`` is a third, written blind while the second had become a
dev set too, and first scored after that round's work on counts (its README).
``bench/data/casualties_blind4.jsonl`` is a fourth, written blind with set 3's brief limited to
material conflict and arrests (the events counts are for), while set 3 had become a dev set.

    python bench/casualties_blind.py [--coder hybrid|rules|model] [--data FILE] [--show-misses]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from newsevents.evaluate import gold_documents
from newsevents.events.casualties import counts_in
from newsevents.pipeline import Pipeline

DATA = Path(__file__).parent / "data" / "casualties_blind.jsonl"
SCORED = ("killed", "injured", "arrested")


def as_range(gold: Any) -> tuple[int | None, int | None] | None:
    """A gold cell as (low, high); None when the sentence states no such count."""
    if gold is None:
        return None
    if isinstance(gold, int):
        return gold, gold
    low, high = gold
    return low, high


def read_range(count: dict[str, Any] | None) -> tuple[int | None, int | None] | None:
    if count is None:
        return None
    low, high = count.get("min"), count.get("max")
    if low == 1 and high is not None and high != 1:
        low = None  # "up to N" is read with the floor 1: an open lower end, as the gold writes it
    return low, high


def matches(gold: Any, count: dict[str, Any] | None) -> bool:
    want, got = as_range(gold), read_range(count)
    if want is None or got is None:
        return want is None and got is None
    if want[0] == want[1]:
        return count is not None and count.get("min") == count.get("max") == want[0]
    return want == got


def sentence_counts(events: list[Any]) -> dict[str, dict[str, Any]]:
    """Per kind, the count of the most confident event that has one, plus the counts of other
    events whose spans do not overlap it (separate groups on separate events)."""
    counts: dict[str, dict[str, Any]] = {}
    for kind in SCORED:
        taken: list[dict[str, Any]] = []
        for event in sorted(events, key=lambda e: -e.confidence):
            count = (event.attributes or {}).get(kind)
            if count is not None and not any(_overlap(count["span"], t["span"]) for t in taken):
                taken.append(count)
        if taken:
            low = sum(t["min"] for t in taken)
            high = None if any(t["max"] is None for t in taken) else sum(t["max"] for t in taken)
            counts[kind] = {"min": low, "max": high, "text": " + ".join(t["text"] for t in taken)}
    return counts


def _overlap(a: list[int], b: list[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--coder", default="hybrid")
    parser.add_argument("--data", type=Path, default=DATA,
                        help="a blind set (default: the first; bench/data/casualties_blind2.jsonl is the second)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {r["id"]: r for r in records}
    pipeline = Pipeline(coder=args.coder)
    coded: dict[str, dict[str, Any]] = {}
    for document, _mentions, events in pipeline.code(gold_documents(records)):
        coded[document.id] = sentence_counts(events)
    reader = {r["id"]: counts_in(r["text"]) for r in records}
    print(f"{len(records)} sentences, coder {args.coder}")
    print(f"{'count':10} {'stated':>6} {'events':>14} {'reader alone':>14}")
    for kind in SCORED:
        stated = sum(r[kind] is not None for r in records)
        via_events = sum(matches(r[kind], coded[r["id"]].get(kind)) for r in records)
        alone = sum(matches(r[kind], reader[r["id"]].get(kind)) for r in records)
        n = len(records)
        print(f"{kind:10} {stated:>6} {via_events:>3}/{n} = {via_events / n:.3f} {alone:>3}/{n} = {alone / n:.3f}")
    if args.show_misses:
        for record in records:
            for kind in SCORED:
                got = coded[record["id"]].get(kind)
                if not matches(record[kind], got):
                    shown = None if got is None else (got.get("min"), got.get("max"), got.get("text"))
                    print(f"  {record['id']} {kind}: gold {record[kind]} events {shown} "
                          f"reader {reader[record['id']].get(kind, {}).get('text')} | {by_id[record['id']]['text'][:110]}")


if __name__ == "__main__":
    main()
