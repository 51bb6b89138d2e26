"""Document-level scoring against an article gold set (issue 17).

An article gold file has one JSON line per page, ``{"id", "date", "events": [{"source",
"target", "code", "optional", "background", "joint", "act_date", "evidence"}]}``, and no
text: the page is read from ``<pages>/<id>.html.gz`` and ingested as ``newsevents code``
ingests a page. Each article's events are compared as multisets of keys at three levels
(root, root+dyad, code+dyad; actors by their first three letters, as ``evaluate._key``):

- ``optional`` gold events are neither rewarded nor penalised: a coder event that matches one
  is no false positive, and a missed one is no miss;
- ``background`` gold events are not expected as current: a current coder event that matches
  one is a false positive, and ``background_as_current`` counts them apart (the issue asks at
  most 10% of the gold's background acts to be reported as current);
- the coder's own background events are left out, as ``code`` leaves them out by default;
- so are its statements of root 01 other than 016 (denials), which the guide leaves out of the
  gold: they are not annotated, so they are neither right nor wrong.
"""
from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from .batch.coding import extract_document
from .evaluate import LEVELS, Tally, _key
from .ingest.sources import RawItem
from .model import Document, Event, Failure, news_events
from .pipeline import Pipeline

# Where the pages of the article gold are, from the repository (``../shared/data``).
DEFAULT_PAGES = Path("../shared/data/news-html/html")
PAGE_SUFFIX = ".html.gz"
BACKGROUND_LEVEL = "root+dyad"


# The guide leaves statements out of the gold, except 016 (deny responsibility).
STATEMENT_ROOT = "01"
DENIAL_CODE = "016"


def is_article_gold(records: Sequence[dict[str, Any]]) -> bool:
    """True for document-level gold: records with ``events`` and an ``id`` but no ``text``."""
    return bool(records) and all("events" in r and "id" in r and "text" not in r for r in records)


@dataclass
class ArticleReport:
    """One coder's document-level scores on an article gold set."""

    articles: int = 0
    missing: list[str] = field(default_factory=list)
    levels: dict[str, Tally] = field(default_factory=lambda: {level: Tally() for level in LEVELS})
    gold_background: int = 0
    background_as_current: int = 0
    gold_joint: int = 0
    joint_found: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)

    @property
    def background_current_rate(self) -> float:
        return self.background_as_current / self.gold_background if self.gold_background else 0.0

    def to_dict(self, *, worst: int = 10) -> dict[str, Any]:
        return {"articles": self.articles, "missing_pages": list(self.missing),
                "levels": {level: tally.to_dict() for level, tally in self.levels.items()},
                "background": {"gold": self.gold_background, "emitted_as_current": self.background_as_current,
                               "rate": round(self.background_current_rate, 3)},
                "joint": {"gold": self.gold_joint, "found": self.joint_found},
                "worst_false_positives": [dict(zip(("id", "event"), row)) for row in self.false_positives[:worst]],
                "worst_false_negatives": [dict(zip(("id", "event"), row)) for row in self.false_negatives[:worst]]}


@dataclass(frozen=True)
class GoldSize:
    """How big an article gold set is: articles, events (all), optional and background ones."""

    articles: int
    events: int
    optional: int
    background: int

    def to_dict(self) -> dict[str, int]:
        return {"articles": self.articles, "events": self.events, "optional": self.optional,
                "background": self.background}


def gold_size(records: Iterable[dict[str, Any]]) -> GoldSize:
    """Count a gold set's articles, events, optional and background events."""
    records = list(records)
    events = [e for r in records for e in r.get("events", [])]
    return GoldSize(len(records), len(events), sum(bool(e.get("optional")) for e in events),
                    sum(bool(e.get("background")) for e in events))


def read_page(pages: Path, page_id: str) -> str:
    """The HTML of one page (``<pages>/<id>.html.gz``); OSError when it is missing or unreadable."""
    with gzip.open(pages / f"{page_id}{PAGE_SUFFIX}", "rt", encoding="utf-8", errors="replace") as handle:
        return handle.read()


def article_documents(records: Iterable[dict[str, Any]], pages: Path,
                      missing: list[str]) -> Iterable[Document]:
    """The documents of the gold's pages, ingested as ``code`` ingests HTML, with the gold's
    publication date. A page that is missing or yields no text is reported in ``missing``
    (as an ``error: <id>: <reason>`` line) and skipped."""
    for record in records:
        page_id = str(record["id"])
        try:
            html = read_page(pages, page_id)
        except OSError as err:
            missing.append(f"error: {page_id}: cannot read {pages / (page_id + PAGE_SUFFIX)} ({err.strerror or err})")
            continue
        outcome = extract_document(RawItem(page_id, html, "html", id=page_id, date=record.get("date")),
                                   date=record.get("date"), languages=None)
        if isinstance(outcome, Failure):
            missing.append(str(outcome))
            continue
        yield outcome


def score_articles(records: list[dict[str, Any]], pipeline: Pipeline, coders: Sequence[str], *,
                   pages: Path = DEFAULT_PAGES) -> dict[str, ArticleReport]:
    """Score each coder on the article gold ``records``; each page is parsed once.

    pipeline: the Pipeline (its joint mode applies); pages: the folder of ``<id>.html.gz``.
    Returns a report per coder.
    """
    reports = {coder: ArticleReport() for coder in coders}
    by_id = {str(r["id"]): r for r in records}
    missing: list[str] = []
    for document, doc in pipeline.parse(article_documents(records, pages, missing)):
        for coder, report in reports.items():
            _mentions, events = pipeline.code_parsed(doc, document, coder=coder)
            score_article(report, document.id, events, by_id[document.id].get("events", []))
    for report in reports.values():
        report.missing = list(missing)
    return reports


def _gold_key(level: str, event: Mapping[str, Any]) -> tuple[str | None, ...]:
    return _key(level, str(event["code"]), event.get("source"), event.get("target"))


def _event_key(level: str, event: Event) -> tuple[str | None, ...]:
    return _key(level, event.code, event.source.code, event.target.code if event.target else None)


def _unannotated(code: str) -> bool:
    """Statements (root 01) are not in the article gold, except denials of responsibility."""
    return code[:2] == STATEMENT_ROOT and code != DENIAL_CODE


def score_article(report: ArticleReport, article_id: str, events: list[Event], gold: list[dict[str, Any]]) -> None:
    """Add one article's comparison to ``report`` (see the module's rules)."""
    report.articles += 1
    current = [e for e in news_events(events) if not _unannotated(e.code)]
    required = [g for g in gold if not g.get("optional") and not g.get("background")]
    optional = [g for g in gold if g.get("optional") and not g.get("background")]
    background = [g for g in gold if g.get("background")]
    for level in LEVELS:
        predicted = Counter(_event_key(level, e) for e in current)
        wanted = Counter(_gold_key(level, g) for g in required)
        excused = Counter(_gold_key(level, g) for g in optional)
        hits = predicted & wanted
        spare = predicted - hits
        spare -= spare & excused  # an optional act found: neither rewarded nor penalised
        tally = report.levels[level]
        tally.tp += sum(hits.values())
        tally.fp += sum(spare.values())
        tally.fn += sum((wanted - hits).values())
        if level == BACKGROUND_LEVEL:
            as_current = spare & Counter(_gold_key(level, g) for g in background)
            report.gold_background += len(background)
            report.background_as_current += sum(as_current.values())
            joint = Counter(_gold_key(level, g) for g in required if g.get("joint"))
            report.gold_joint += sum(joint.values())
            report.joint_found += sum((joint & predicted).values())
            report.false_positives.extend((article_id, " ".join(map(str, k))) for k in spare.elements())
            report.false_negatives.extend((article_id, " ".join(map(str, k))) for k in (wanted - hits).elements())


def print_article_report(size: GoldSize, reports: Mapping[str, ArticleReport], console: Console, *,
                         worst: int = 10) -> None:
    """Rich tables: the gold's size, each coder's P/R/F1 per level, background and joint acts."""
    console.print(f"article gold: {size.articles} articles, {size.events} events "
                  f"({size.optional} optional, {size.background} background)")
    first = next(iter(reports.values()))
    for line in first.missing:
        console.print(line, markup=False)
    table = Table("coder", "level", "precision", "recall", "F1", "tp", "fp", "fn", title="document level")
    for coder, report in reports.items():
        for level, tally in report.levels.items():
            table.add_row(coder, level, f"{tally.precision:.3f}", f"{tally.recall:.3f}", f"{tally.f1:.3f}",
                          str(tally.tp), str(tally.fp), str(tally.fn))
    console.print(table)
    extra = Table("coder", "background acts", "emitted as current", "joint gold events", "found (root+dyad)",
                  title="background and joint acts")
    for coder, report in reports.items():
        extra.add_row(coder, str(report.gold_background),
                      f"{report.background_as_current} ({report.background_current_rate:.0%})",
                      str(report.gold_joint), str(report.joint_found))
    console.print(extra)
    if worst:
        for title, rows in (("false positives", first.false_positives), ("false negatives", first.false_negatives)):
            listing = Table("id", "event (root source target)", title=f"{title} ({next(iter(reports))}, first {worst})")
            for row in rows[:worst]:
                listing.add_row(*row)
            console.print(listing)
