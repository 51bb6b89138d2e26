"""Scoring against gold files: actor resolution now, events once the coder exists.

Gold files are JSONL, one record a line: ``{"id", "text", "date", "events": [...]}``; PLOVER
records add ``source``/``target`` lists of ``{"actorText", "code", "sector"?}``.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import normalise_date
from .model import ActorMention, Document
from .pipeline import Pipeline


def read_gold(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the records of a gold JSONL file."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def gold_documents(records: Iterable[dict[str, Any]]) -> Iterator[Document]:
    """Documents for the gold texts, ids and dates kept."""
    for record in records:
        yield Document(id=str(record["id"]), text=record["text"], date=normalise_date(record.get("date")))


@dataclass
class ActorScore:
    """How many gold actors a run found with the right code, and what it missed."""

    total: int = 0
    country_hits: int = 0
    with_sector: int = 0
    sector_hits: int = 0
    misses: Counter[str] = field(default_factory=Counter)

    @property
    def country_rate(self) -> float:
        return self.country_hits / self.total if self.total else 0.0

    @property
    def sector_rate(self) -> float:
        return self.sector_hits / self.with_sector if self.with_sector else 0.0


def _spans_of(text: str, phrase: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(phrase)
    while start >= 0 and phrase:
        spans.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return spans


def score_actors(records: list[dict[str, Any]], pipeline: Pipeline) -> ActorScore:
    """Share of gold actors (``source``/``target`` lists) that overlap a mention resolved to the
    same three-letter code, and the share also right on sector where gold gives one."""
    score = ActorScore()
    by_id = {str(r["id"]): r for r in records}
    for document, _doc, mentions in pipeline.actors(gold_documents(records)):
        record = by_id[document.id]
        for actor in record.get("source", []) + record.get("target", []):
            _score_actor(score, actor, document.text, mentions)
    return score


def score_actor_codes(records: list[dict[str, Any]], pipeline: Pipeline) -> ActorScore:
    """For gold files that list events but not actor spans (PETRARCH records): the share of
    the records' distinct source/target codes whose three-letter prefix some resolved mention
    of the same record carries."""
    score = ActorScore()
    by_id = {str(r["id"]): r for r in records}
    for document, _doc, mentions in pipeline.actors(gold_documents(records)):
        found = {m.code[:3] for m in mentions if m.code}
        wanted = {str(code)[:3] for event in by_id[document.id].get("events", [])
                  for code in (event.get("source"), event.get("target")) if code}
        for code in sorted(wanted):
            score.total += 1
            if code in found:
                score.country_hits += 1
            else:
                score.misses[code] += 1
    return score


def _score_actor(score: ActorScore, actor: dict[str, Any], text: str, mentions: list[ActorMention]) -> None:
    score.total += 1
    gold_code = str(actor.get("code") or "")[:3]
    sector = actor.get("sector")
    has_sector = bool(sector) and sector != "***"
    score.with_sector += has_sector
    spans = _spans_of(text, str(actor.get("actorText") or ""))
    overlapping = [m for m in mentions if m.code and any(m.start < e and s < m.end for s, e in spans)]
    right = [m for m in overlapping if m.code and m.code[:3] == gold_code]
    if right:
        score.country_hits += 1
        if has_sector and any(sector in m.sectors for m in right):
            score.sector_hits += 1
    else:
        found = overlapping[0].code if overlapping else "-"
        score.misses[f"{actor.get('actorText')} [{gold_code} got {found}]"] += 1
