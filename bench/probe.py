#!/usr/bin/env python3
"""Word-sense and phrasing probes: how often the coder codes a sentence that reports no
political event, and how often it finds the type of one phrased the hard way.

Usage:
    python3 bench/probe.py [--coder hybrid|rules|model] [--show]

Two sets in bench/data, written blind by helpers (README there):
- ``probe_no_event.jsonl``: 200 wire-style sentences that use event words in other senses
  ("held a news conference", "fired its chief executive", "released 40 turtles"). Any event
  coded in one is a false alarm.
- ``probe_events.jsonl``: 150 sentences, 10 per PLOVER type, that report an event in a form
  simple coders miss (phrasal verbs, passives with "by", present-tense headlines,
  nominalisations, datelines). A sentence is found when one of its events has the sentence's
  PLOVER type (CONCEDE and RETREAT count as YIELD, as the classifier merges them).

Prints the false alarms, the found share by type, and with ``--show`` the sentences behind
both. No dyad is scored: the sets give actors as written, not as codes.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

DATA = REPO / "bench" / "data"
NO_EVENT = DATA / "probe_no_event.jsonl"
EVENTS = DATA / "probe_events.jsonl"


@dataclass
class ProbeFigures:
    """What a coder makes of the two probe sets."""

    false_alarms: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (id, text, codes)
    non_events: int = 0
    found: Counter[str] = field(default_factory=Counter)
    asked: Counter[str] = field(default_factory=Counter)
    missed: list[tuple[str, str, str, list[str]]] = field(default_factory=list)  # (id, type, text, codes)

    @property
    def found_share(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.asked.values()))


def read(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def probe(pipeline) -> ProbeFigures:  # type: ignore[no-untyped-def]
    """Code both sets with ``pipeline`` (a ``newsevents.pipeline.Pipeline``) and tally them."""
    from newsevents.events.hybrid import type_of
    from newsevents.model import Document

    figures = ProbeFigures()
    quiet, loud = read(NO_EVENT), read(EVENTS)
    docs = [Document(id=row["id"], text=row["text"], date="2024-06-20") for row in quiet + loud]
    coded = {document.id: events for document, _mentions, events in pipeline.code(docs)}
    figures.non_events = len(quiet)
    for row in quiet:
        if coded.get(row["id"]):
            figures.false_alarms.append((row["id"], row["text"], [e.code for e in coded[row["id"]]]))
    for row in loud:
        wanted = type_of(row["plover"])
        figures.asked[wanted] += 1
        events = coded.get(row["id"], [])
        if any(type_of(e.plover_type) == wanted for e in events):
            figures.found[wanted] += 1
        else:
            figures.missed.append((row["id"], wanted, row["text"], [e.code for e in events]))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--coder", default="hybrid", choices=("hybrid", "rules", "model"))
    parser.add_argument("--show", action="store_true", help="list the false alarms and the missed events")
    args = parser.parse_args()

    from newsevents.pipeline import Pipeline

    figures = probe(Pipeline(coder=args.coder))
    print(f"{args.coder}: {len(figures.false_alarms)} of {figures.non_events} non-event sentences coded; "
          f"{sum(figures.found.values())} of {sum(figures.asked.values())} event sentences typed right "
          f"({figures.found_share:.2f})")
    print("  " + ", ".join(f"{t} {figures.found[t]}/{n}" for t, n in sorted(figures.asked.items())))
    if args.show:
        for row_id, text, codes in figures.false_alarms:
            print(f"false alarm {row_id} {codes}: {text}")
        for row_id, wanted, text, codes in figures.missed:
            print(f"missed {row_id} {wanted} {codes}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
