#!/usr/bin/env python3
"""Location-country and date accuracy on hand-written example sets.

Usage: ``python3 bench/where_when.py [FILE.jsonl ...] [--show]``

Each line of a set is ``{"id", "date", "text", "country", "event_date"}``: one news-style
sentence (some with a dateline), its publication date, the country where the event happened
(null when the text names no place) and the event's date. Both default sets were written for
newsevents, with the expected answers fixed before the system was run on them:

  tests/data/where_when.jsonl          40 sentences over 30 countries: weekday, "yesterday",
      "today", "last week", "N days ago", month-day (also across a year end) and full dates,
      datelines, an ambiguous Tripoli, places inside other clauses, sentences with no place.
      Used while developing the stage (a dev set: its figures are optimistic).
  tests/data/where_when_heldout.jsonl  20 more sentences of the same kinds, written before
      the last round of changes and not used to make them (held out).

The first coded event of each sentence is scored: its location country against ``country``
and its date against ``event_date`` ("first coded event"). Where the coder finds no event,
the sentence's main verb (the reported clause of "X said ...") stands in for the trigger and
goes through the same where/when stage, so that the "all" figures measure where/when apart
from the coder's recall.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from spacy.tokens import Doc, Token  # noqa: E402

from newsevents.model import ActorMention, Document, Event  # noqa: E402
from newsevents.pipeline import Pipeline  # noqa: E402
from newsevents.situate import situate_events  # noqa: E402

DEFAULT_SETS = [REPO / "tests" / "data" / "where_when.jsonl", REPO / "tests" / "data" / "where_when_heldout.jsonl"]
SPEECH_VERBS = frozenset({"say", "tell", "report", "announce", "claim"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT_SETS, help="example sets (JSONL)")
    parser.add_argument("--show", action="store_true", help="print every sentence's result")
    args = parser.parse_args(argv)
    pipeline = Pipeline()
    for path in args.paths:
        print(f"== {path.name}")
        score_set(path, pipeline, show=args.show)
    return 0


def score_set(path: Path, pipeline: Pipeline, *, show: bool) -> None:
    """Print the location-country and date accuracy on one example set."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [Document(id=r["id"], text=r["text"], date=r["date"]) for r in records]
    expected = {r["id"]: r for r in records}
    tally = {"coded": [0, 0, 0], "all": [0, 0, 0]}  # sentences, right country, right date
    for document, doc in pipeline.parse(documents):
        record = expected[document.id]
        mentions, events = pipeline.code_parsed(doc, document)
        if events:
            country, date, how = _country(events[0].location), events[0].date, "event"
        else:
            # No event coded: place and date the sentence's main verb the same way, so that
            # where/when is measured apart from the coder's recall.
            root = _main_verb(next(iter(doc.sents)).root)
            stand_in = _stand_in(root, doc, document, mentions, pipeline)
            country, date, how = _country(stand_in.location), stand_in.date, "root"
        right = (country == record["country"], date == record["event_date"])
        for name in ("all", "coded") if events else ("all",):
            tally[name][0] += 1
            tally[name][1] += right[0]
            tally[name][2] += right[1]
        if show:
            marks = " ".join("ok " if ok else "BAD" for ok in right)
            print(f"{document.id} {how:5} {marks}  {country or '-':4} {date} "
                  f"(want {record['country'] or '-'} {record['event_date']})  {record['text']}")
    for name, label in (("coded", "first coded event"), ("all", "all (main verb where no event)")):
        total, place_ok, date_ok = tally[name]
        if total:
            print(f"{label:32} n={total:3}  location country {place_ok}/{total} = {place_ok / total:.3f}   "
                  f"date {date_ok}/{total} = {date_ok / total:.3f}")


def _main_verb(root: Token) -> Token:
    """The sentence's main event verb: the reported clause of "X said (that) Y did Z"."""
    if root.lemma_ in SPEECH_VERBS:
        return next((c for c in root.children if c.dep_ == "ccomp"), root)
    return root


def _country(location: dict[str, object] | None) -> str | None:
    return str(location["country"]) if location else None


def _stand_in(root: Token, doc: Doc, document: Document, mentions: list[ActorMention], pipeline: Pipeline) -> Event:
    """A placeholder event on the sentence's main verb, placed and dated by the same stage."""
    actor = ActorMention(document.id, 0, "", 0, 0, None, None, [], None, "stand-in")
    event = Event(event_id="", doc_id=document.id, sentence_index=0, source=actor, target=None, code="",
                  name="", goldstein=None, quad_class=0, plover_type=None, plover_mode=None, sentence="",
                  trigger=root.text, trigger_start=root.idx, trigger_end=root.idx + len(root.text), rule="",
                  confidence=0.0)
    situate_events([event], doc, document, mentions, pipeline.gazetteer)
    return event


if __name__ == "__main__":
    raise SystemExit(main())
