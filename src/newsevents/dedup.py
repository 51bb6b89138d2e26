"""Dedup: an event reported in several sentences or articles becomes one record.

Within an article, events with the same (date, source, target, code) merge and keep every
sentence as a mention. Across articles (in the store), events with the same (source, target,
code) whose dates chain within ``MAX_DAY_GAP`` of each other are one event. The grouping is a
function of the set of mentions only, never of the order they arrived in, so an interrupted
and resumed ingest ends where an uninterrupted one does.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .model import ActorMention, Event

# Reports of one event in different papers may date it a day apart (time zones, "yesterday"
# in a paper printed after midnight); GDELT's own dedup window is of the same order.
MAX_DAY_GAP = 1
KEY_SEPARATOR = "|"


def actor_key(actor: ActorMention | None) -> str:
    """An actor's part of an event key: its code; an uncoded actor (code-only evaluation)
    merges only with the same words."""
    if actor is None:
        return ""
    return actor.code if actor.code else "~" + " ".join(actor.text.lower().split())


def event_key(event: Event) -> str:
    """The cross-article key: source, target and CAMEO code ("IRNGOV|IRQ|042")."""
    return KEY_SEPARATOR.join((actor_key(event.source), actor_key(event.target), event.code))


def cross_article_key(event: Event, doc_hash: str) -> str:
    """The key under which reports from different articles merge. An event without a target
    ("the US expressed intent to cooperate") says too little to be recognised elsewhere:
    merging such events across articles joined unrelated stories, so each stays per article."""
    key = event_key(event)
    return key if event.target is not None else f"{key}{KEY_SEPARATOR}doc:{doc_hash}"


def merge_article_events(events: Iterable[Event]) -> list[Event]:
    """Merge one article's events that share (date, source, target, code).

    The first event of each group stands for it, with every member's sentence in
    ``mentions``, the highest confidence, the first location found, and date_source "text"
    when any member's date came from the text. Returns events in first-mention order.
    """
    events = _date_repeated_mentions(list(events))
    groups: dict[tuple[str | None, str], Event] = {}
    # The (sentence, trigger offset) pairs each group holds: a set, not a scan of the group's
    # mentions, which made one event repeated through a long text quadratic (issue 8).
    places: dict[tuple[str | None, str], set[tuple[int, int]]] = {}
    for event in events:
        mention = event.as_mention()
        key = (event.date, event_key(event))
        where = (mention.sentence_index, mention.trigger_start)
        kept = groups.get(key)
        if kept is None:
            event.mentions = [mention]
            groups[key] = event
            places[key] = {where}
            continue
        if where in places[key]:
            continue  # the same words read twice (two names for one actor): one mention
        places[key].add(where)
        kept.mentions.append(mention)
        kept.confidence = max(kept.confidence, event.confidence)
        if kept.location is None and event.location is not None:
            kept.location = event.location
        if event.date_source == "text":
            kept.date_source = "text"
            kept.date_precision = kept.date_precision or event.date_precision
        # The two directions of a joint act ("X and Y met") merge with one-way reports of them
        # ("X met Y") as one event each (issue 17).
        kept.joint = kept.joint or event.joint
        # One report of the act as today's news makes it news (issue 17).
        kept.background = kept.background and event.background
        for kind, count in event.attributes.items():
            kept.attributes.setdefault(kind, count)  # a count only a repeat gives (issue 15)
    return list(groups.values())


def _date_repeated_mentions(events: list[Event]) -> list[Event]:
    """An article that dates an act once ("visited Baghdad on Thursday") and mentions it again
    without a date ("the visit to Baghdad") means the same act: the undated mention takes the
    dated one's date. When the text dates the same act differently, nothing is assumed."""
    dated: dict[str, set[str]] = {}
    timing: dict[tuple[str, str], Event] = {}
    for event in events:
        if event.date_source == "text" and event.date:
            dated.setdefault(event_key(event), set()).add(event.date)
            timing.setdefault((event_key(event), event.date), event)
    for event in events:
        dates = dated.get(event_key(event), set())
        if event.date_source != "text" and len(dates) == 1:
            (event.date,) = dates
            event.date_source = "text"
            # The act's precision and, when its date makes it history, background go with it.
            first = timing[event_key(event), event.date]
            event.date_precision = first.date_precision
            event.background = event.background or (first.background and _dated_background(first))
    return events


def _dated_background(event: Event) -> bool:
    """Whether an event is background because of its date (not its clause): the note
    situate writes from events.timing's reason ("dated ..."); read here so that the store,
    which imports dedup, does not load the parser's modules."""
    return any(note.startswith("background: dated") for note in event.explanation)


def chain_dates(dates: Iterable[str | None]) -> dict[str | None, str | None]:
    """Group ISO dates into runs whose neighbours are at most ``MAX_DAY_GAP`` days apart.

    Returns each date's run, named by the run's first date; undated events form a run of
    their own (None). The result depends only on the set of dates given.
    """
    days = sorted({d for d in dates if d})
    runs: dict[str | None, str | None] = {None: None}
    start: str | None = None
    previous: dt.date | None = None
    for day in days:
        current = dt.date.fromisoformat(day)
        if previous is None or (current - previous).days > MAX_DAY_GAP:
            start = day
        runs[day] = start
        previous = current
    return runs
