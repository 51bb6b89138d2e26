"""Scoring against gold files: actor resolution now, events once the coder exists.

Gold files are JSONL, one record a line: ``{"id", "text", "date", "events": [...]}``; PLOVER
records add ``source``/``target`` lists of ``{"actorText", "code", "sector"?}``.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import normalise_date
from .events.classify import NONE
from .events.hybrid import type_of
from .model import ActorMention, Document, Event
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
    # Gold actors found with the right code but not the gold sector: "text [SEC got CODE]".
    sector_misses: Counter[str] = field(default_factory=Counter)

    @property
    def country_rate(self) -> float:
        return self.country_hits / self.total if self.total else 0.0

    @property
    def sector_rate(self) -> float:
        return self.sector_hits / self.with_sector if self.with_sector else 0.0


def _spans_of(text: str, phrase: str, *, strict: bool = True) -> list[tuple[int, int]]:
    """Where the gold phrase is in the text. strict: the phrase as written; else also a phrase
    the annotators elided ("U.S. ... negotiators") or spaced twice ("NATO  peacekeeping
    troops"): each of its parts, found with any spacing (all parts must be found)."""
    spans, start = [], text.find(phrase)
    while start >= 0 and phrase:
        spans.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    if spans or strict:
        return spans
    parts = [p for p in ELISION_RE.split(phrase.strip()) if p.strip()]
    found = [[m.span() for m in re.finditer(r"\s+".join(map(re.escape, part.split())), text)] for part in parts]
    return [span for part in found for span in part] if found and all(found) else []


# The gold's mark for words left out of an actor's text: "Bosnian Serbs ... forces".
ELISION_RE = re.compile(r"\s*\.{2,}\s*")


def gold_sector(sector: str, *, strict: bool = True) -> str:
    """The sector a gold actor asks for. strict: as written; else its first code, without the
    ethnic or religious code the gold appends to it ("CVLalb" is CVL of the Albanians)."""
    return sector if strict else sector[:3]


def score_actors(records: list[dict[str, Any]], pipeline: Pipeline, *, strict: bool = True) -> ActorScore:
    """Share of gold actors (``source``/``target`` lists) that overlap a mention resolved to the
    same three-letter code, and the share also right on sector where gold gives one.
    strict: gold texts and sectors as written; False also finds elided gold texts and reads a
    gold sector by its first code (``_spans_of``, ``gold_sector``)."""
    score = ActorScore()
    by_id = {str(r["id"]): r for r in records}
    for document, _doc, mentions in pipeline.actors(gold_documents(records)):
        record = by_id[document.id]
        for actor in record.get("source", []) + record.get("target", []):
            _score_actor(score, actor, document.text, mentions, strict=strict)
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


def _score_actor(score: ActorScore, actor: dict[str, Any], text: str, mentions: list[ActorMention], *,
                 strict: bool = True) -> None:
    score.total += 1
    gold_code = str(actor.get("code") or "")[:3]
    sector = actor.get("sector")
    has_sector = bool(sector) and sector != "***"
    if has_sector:
        sector = gold_sector(str(sector), strict=strict)
    score.with_sector += has_sector
    spans = _spans_of(text, str(actor.get("actorText") or ""), strict=strict)
    overlapping = [m for m in mentions if m.code and any(m.start < e and s < m.end for s, e in spans)]
    right = [m for m in overlapping if m.code and m.code[:3] == gold_code]
    if right:
        score.country_hits += 1
        if has_sector and any(sector in m.sectors for m in right):
            score.sector_hits += 1
        elif has_sector:
            score.sector_misses[f"{actor.get('actorText')} [{sector} got {right[0].code}]"] += 1
    else:
        found = overlapping[0].code if overlapping else "-"
        score.misses[f"{actor.get('actorText')} [{gold_code} got {found}]"] += 1


LEVELS = ("root+dyad", "code+dyad", "root")


def _key(level: str, code: str, source: str | None, target: str | None) -> tuple[str | None, ...]:
    src = source[:3] if source else None
    tgt = target[:3] if target else None
    if level == "root+dyad":
        return (code[:2], src, tgt)
    if level == "code+dyad":
        return (code, src, tgt)
    return (code[:2],)


@dataclass
class Tally:
    """True positives, false positives and false negatives, with P, R and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: Counter[Any], gold: Counter[Any]) -> tuple[Counter[Any], Counter[Any]]:
        hits = predicted & gold
        self.tp += sum(hits.values())
        fps, fns = predicted - hits, gold - hits
        self.fp += sum(fps.values())
        self.fn += sum(fns.values())
        return fps, fns

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class EventReport:
    """Scores of a coder run against a gold file."""

    records: int = 0
    skipped: int = 0
    levels: dict[str, Tally] = field(default_factory=lambda: {level: Tally() for level in LEVELS})
    detection: Tally = field(default_factory=Tally)
    root_accuracy_hits: int = 0
    per_root: dict[str, Tally] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def root_accuracy(self) -> float:
        """Share of records whose most confident event has the gold root (none counts wrong)."""
        return self.root_accuracy_hits / self.records if self.records else 0.0

    def to_dict(self, *, worst: int = 10) -> dict[str, Any]:
        return {
            "records": self.records,
            "skipped_without_code": self.skipped,
            "levels": {level: tally.to_dict() for level, tally in self.levels.items()},
            "event_detection": self.detection.to_dict(),
            "root_accuracy": round(self.root_accuracy, 3),
            "per_root": {root: tally.to_dict() for root, tally in sorted(self.per_root.items())},
            "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in self.confusion.most_common()],
            "worst_false_positives": [dict(zip(("id", "event", "sentence"), row)) for row in self.false_positives[:worst]],
            "worst_false_negatives": [dict(zip(("id", "event", "sentence"), row)) for row in self.false_negatives[:worst]],
        }


def is_standard_record(record: dict[str, Any]) -> bool:
    """True when every expected code of the record is a CAMEO code in our codebook."""
    from .codebook import get_code

    return all(get_code(str(event.get("code", ""))) is not None for event in record.get("events", []))


def gold_events(record: dict[str, Any]) -> list[dict[str, Any]] | None:
    """A record's expected events: its ``events`` list, or for PLOVER records one event per
    source-target pair of its ``cameo_code`` (no target: one event with none). None when the
    record has no CAMEO code to compare with, so it cannot be scored."""
    if "events" in record:
        return [e for e in record["events"] if e.get("code")]
    code = record.get("cameo_code")
    if not code:
        return None
    targets = [t.get("code") for t in record.get("target", [])] or [None]
    return [{"source": s.get("code"), "target": t, "code": code} for s in record.get("source", []) for t in targets]


def has_actors(records: Iterable[dict[str, Any]]) -> bool:
    """True when the gold events name their actors (else only codes can be scored)."""
    return any(e.get("source") or e.get("target") for r in records for e in gold_events(r) or [])


def score_events(records: list[dict[str, Any]], pipeline: Pipeline, *, coder: str | None = None) -> EventReport:
    """Code each gold record's text and compare its events with the record's expected ones.
    coder: the coder to score (default: the Pipeline's)."""
    return score_coders(records, pipeline, [coder or pipeline.coder])[coder or pipeline.coder]


def distinct_ids(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records, a repeated id given a ``#n`` suffix: a gold file that files two sentences
    under one id must not score either sentence against the other's events."""
    seen: Counter[str] = Counter()
    out = []
    for record in records:
        key = str(record["id"])
        seen[key] += 1
        out.append(record if seen[key] == 1 else {**record, "id": f"{key}#{seen[key]}"})
    return out


def score_coders(records: list[dict[str, Any]], pipeline: Pipeline, coders: Sequence[str]) -> dict[str, EventReport]:
    """``score_events`` for several coders at once: each record is parsed once and coded by
    each coder. Returns a report per coder."""
    reports = {coder: EventReport() for coder in coders}
    scorable = distinct_ids([r for r in records if gold_events(r) is not None])
    by_id = {str(r["id"]): r for r in scorable}
    for document, doc in pipeline.parse(gold_documents(scorable)):
        for coder, report in reports.items():
            _mentions, events = pipeline.code_parsed(doc, document, coder=coder)
            _score_record(report, document, events, gold_events(by_id[document.id]) or [])
    for report in reports.values():
        report.skipped = len(records) - len(scorable)
    return reports


def _score_record(report: EventReport, document: Document, events: list[Event], expected: list[dict[str, Any]]) -> None:
    report.records += 1
    for level in LEVELS:
        predicted = Counter({_key(level, e.code, e.source.code, e.target.code if e.target else None) for e in events})
        gold = Counter(_key(level, str(e["code"]), e.get("source"), e.get("target")) for e in expected)
        fps, fns = report.levels[level].add(predicted, gold)
        if level == "root+dyad":
            report.false_positives.extend((document.id, " ".join(map(str, k)), document.text) for k in fps)
            report.false_negatives.extend((document.id, " ".join(map(str, k)), document.text) for k in fns)
        if level == "root":
            for root in {k[0] for k in predicted} | {k[0] for k in gold}:
                tally = report.per_root.setdefault(str(root), Tally())
                tally.add(Counter({root: predicted[(root,)]}), Counter({root: gold[(root,)]}))
    report.detection.add(Counter({"event": 1} if events else {}), Counter({"event": 1} if expected else {}))
    best = max(events, key=lambda e: e.confidence).code[:2] if events else "none"
    gold_roots = {str(e["code"])[:2] for e in expected} or {"none"}
    gold_root = str(expected[0]["code"])[:2] if expected else "none"
    report.root_accuracy_hits += best in gold_roots
    report.confusion[(gold_root, best)] += 1



def is_type_gold(records: Iterable[dict[str, Any]]) -> bool:
    """True for sentence-level type gold (``{"id", "text", "label"}``, a PLOVER type per
    sentence, as in the PLV set) rather than event gold."""
    return all("label" in r and "events" not in r for r in records)


@dataclass
class TypeReport:
    """Sentence-level PLOVER type scores: the type of each sentence's most confident event
    (or none) against its one gold type."""

    gold: list[str] = field(default_factory=list)
    predicted: list[str] = field(default_factory=list)

    def per_type(self) -> dict[str, Tally]:
        tallies: dict[str, Tally] = {}
        for label in sorted(set(self.gold)):
            tally = tallies[label] = Tally()
            for gold, predicted in zip(self.gold, self.predicted):
                tally.tp += gold == predicted == label
                tally.fp += predicted == label and gold != label
                tally.fn += gold == label and predicted != label
        return tallies

    @property
    def macro_f1(self) -> float:
        tallies = self.per_type()
        return sum(t.f1 for t in tallies.values()) / len(tallies) if tallies else 0.0

    @property
    def coverage(self) -> float:
        """Share of sentences given any type."""
        return sum(p != NONE for p in self.predicted) / len(self.predicted) if self.predicted else 0.0

    @property
    def precision(self) -> float:
        """Share of typed sentences typed right."""
        typed = [(g, p) for g, p in zip(self.gold, self.predicted) if p != NONE]
        return sum(g == p for g, p in typed) / len(typed) if typed else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"sentences": len(self.gold), "macro_f1": round(self.macro_f1, 3), "coverage": round(self.coverage, 3),
                "precision": round(self.precision, 3),
                "per_type": {label: tally.to_dict() for label, tally in self.per_type().items()}}


def score_types(records: list[dict[str, Any]], pipeline: Pipeline, coders: Sequence[str]) -> dict[str, TypeReport]:
    """Sentence-level type scores of each coder on type gold (each sentence parsed once)."""
    reports = {coder: TypeReport() for coder in coders}
    by_id = {str(r["id"]): r for r in records}
    for document, doc in pipeline.parse(gold_documents(records)):
        gold = type_of(by_id[document.id]["label"]) or NONE
        for coder, report in reports.items():
            _mentions, events = pipeline.code_parsed(doc, document, coder=coder)
            report.gold.append(gold)
            report.predicted.append(sentence_type(events))
    return reports


def sentence_type(events: list[Event]) -> str:
    """The type a sentence is scored by: its most confident typed event's, in the classifier's
    labels, or NONE."""
    typed = [e for e in events if e.plover_type]
    return type_of(max(typed, key=lambda e: e.confidence).plover_type) or NONE if typed else NONE
