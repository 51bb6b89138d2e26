"""Typed records passed between stages: documents, sentences, actors and events."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not be turned into a document.

    input: what the user gave (path, ``path:line``, URL or ``-``).
    reason: a short, human-readable cause, printed as ``error: <input>: <reason>``.
    skipped: left out on purpose (another language), not an error: ``skipped: ...``.
    """

    input: str
    reason: str
    skipped: bool = False

    def __str__(self) -> str:
        return f"{'skipped' if self.skipped else 'error'}: {self.input}: {self.reason}"


@dataclass(slots=True)
class Sentence:
    """A sentence with character offsets into its document's text."""

    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """One article after ingest: clean text plus metadata.

    ``date`` is the publication date (ISO ``YYYY-MM-DD``) that relative dates resolve against;
    ``hash`` is the sha256 of the normalised text and keys idempotent storage.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    lang: str | None = None
    hash: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    # What is doubtful about the document ("no article text found"), shown as warning lines;
    # not part of the record.
    warnings: list[str] = field(default_factory=list)

    def to_dict(self, *, with_sentences: bool = False) -> dict[str, Any]:
        """Return the JSON-ready record; sentences only when asked for."""
        data = {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "lang": self.lang,
            "text": self.text,
            "hash": self.hash,
        }
        if with_sentences:
            data["sentences"] = [sentence.to_dict() for sentence in self.sentences]
        return data


@dataclass(slots=True)
class ActorMention:
    """A span of text that names an actor, resolved to a CAMEO actor code where possible.

    ``code`` is the country or group code followed by sector codes (``IRNGOV``), or None when
    the mention could not be resolved without guessing. ``rule`` says how it was resolved.
    ``start``/``end`` are character offsets into the document text; ``head`` is the index of
    the syntactic head token in the parsed Doc (used by the event stage, not serialised).
    """

    doc_id: str
    sentence_index: int
    text: str
    start: int
    end: int
    code: str | None
    country: str | None
    sectors: list[str]
    name: str | None
    rule: str
    head: int = -1
    kind: str = "actor"

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "text": self.text,
            "span": [self.start, self.end],
            "code": self.code,
            "country": self.country,
            "sectors": list(self.sectors),
            "name": self.name,
            "rule": self.rule,
        }


def actor_to_dict(mention: ActorMention | None) -> dict[str, Any] | None:
    """The event record's view of an actor: code, country, sectors, name, text and span."""
    if mention is None:
        return None
    return {"code": mention.code, "country": mention.country, "sectors": list(mention.sectors),
            "name": mention.name, "text": mention.text, "span": [mention.start, mention.end]}


def implied_actor(doc_id: str, sentence_index: int, at: int, country: str | None, sectors: list[str],
                  rule: str) -> ActorMention:
    """An actor the text implies but does not name: an empty span at ``at`` (the trigger), and a
    rule that says how it was inferred. With neither country nor sectors its code is None: an
    unknown actor, which GDELT leaves blank."""
    code = (country or "") + "".join(sectors)
    return ActorMention(doc_id=doc_id, sentence_index=sentence_index, text="", start=at, end=at,
                        code=code or None, country=country, sectors=sectors, name=None, rule=rule)


@dataclass(slots=True)
class EventMention:
    """One sentence that reports an event: an event found several times in an article is
    one Event with a mention per sentence. ``event_id`` is the sentence-level event's id."""

    event_id: str
    sentence_index: int
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str
    confidence: float
    date: str | None = None
    date_source: str | None = None
    location: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "sentence_index": self.sentence_index, "sentence": self.sentence,
                "trigger": self.trigger, "trigger_span": [self.trigger_start, self.trigger_end],
                "rule": self.rule, "confidence": round(self.confidence, 2), "date": self.date,
                "date_source": self.date_source, "location": self.location}


# The counts an event's ``attributes`` may give (issue 15, events.casualties), in export order.
CASUALTY_KINDS = ("killed", "injured", "arrested")
# Stable ids (events, mentions, joint pairs): the first hex digits of a SHA-1 of their key.
ID_CHARS = 16


def short_id(key: str) -> str:
    """A stable id for ``key``: the first ID_CHARS hex digits of its SHA-1."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:ID_CHARS]


@dataclass(slots=True)
class Event:
    """One coded event: who did what to whom, with the evidence that supports it.

    ``code`` is the CAMEO event code; the codebook fields (name, Goldstein, QuadClass, PLOVER)
    are filled from it. ``rule`` is the id of the lexicon entry that fired.
    """

    event_id: str
    doc_id: str
    sentence_index: int
    source: ActorMention
    target: ActorMention | None
    code: str
    name: str
    goldstein: float | None
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str
    confidence: float
    date: str | None = None
    date_source: str | None = None
    negated: bool = False
    modality: str | None = None
    location: dict[str, Any] | None = None
    explanation: list[str] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    # Counts read from the sentence (issue 15): killed / injured / arrested, each
    # {"min", "max", "text", "span"} (events.casualties); empty when none is given.
    attributes: dict[str, Any] = field(default_factory=dict)
    # Issue 17 (events.timing): how precise ``date`` is when the text gives it (day, month or
    # year; None for the publication date), and whether the act is background (history, an
    # actor's past, an ongoing state) rather than today's news.
    date_precision: str | None = None
    background: bool = False
    # One party's side of a joint act ("X and Y met"): with the other party as target, or none
    # under ``--joint single`` (events.joint).
    joint: bool = False

    @property
    def root(self) -> str:
        return self.code[:2]

    def as_mention(self) -> EventMention:
        """This event's own sentence as a mention."""
        return EventMention(self.event_id, self.sentence_index, self.sentence, self.trigger, self.trigger_start,
                            self.trigger_end, self.rule, self.confidence, self.date, self.date_source,
                            self.location)

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "date": self.date,
            "date_source": self.date_source,
            "source": actor_to_dict(self.source),
            "target": actor_to_dict(self.target),
            "cameo": {"code": self.code, "root": self.root, "name": self.name,
                      "goldstein": self.goldstein, "quad_class": self.quad_class},
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "location": self.location,
            "negated": self.negated,
            "modality": self.modality,
            "evidence": {"sentence": self.sentence, "trigger": self.trigger,
                         "trigger_span": [self.trigger_start, self.trigger_end], "rule": self.rule},
            "confidence": round(self.confidence, 2),
            "mentions": [mention.to_dict() for mention in self.mentions],
            "attributes": self.attributes,
            "date_precision": self.date_precision,
            "background": self.background,
            "joint": self.joint,
        }
        if explain:
            data["explanation"] = list(self.explanation)
        return data


def news_events(events: Iterable[Event], *, include_background: bool = False) -> list[Event]:
    """The events a user is given: background ones (history, an actor's past, an ongoing
    state; issue 17) only when ``include_background``, as ``newsevents code`` gives them."""
    return list(events) if include_background else [event for event in events if not event.background]
