"""Events made by the stages after the lexicon's (unnamed violence, implied authorities,
received disapproval), and events they recode (repression, peacekeeping): one constructor and
one recoder, so that each such event carries the same fields."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..codebook import CameoCode, get_code
from ..model import ActorMention, Document, Event, short_id
from ..syntax import token_at


def event_at(trigger: Token, sent: Span, index: int, document: Document, source: ActorMention,
             target: ActorMention | None, info: CameoCode, key: str, rule: str, confidence: float,
             explanation: list[str], reality: tuple[bool, str | None] = (False, None)) -> Event:
    """An event on ``trigger`` coded ``info``, dated by the publication until the timing stage
    reads the sentence; ``key`` makes its id, ``reality`` is (negated, modality)."""
    negated, mode = reality
    return Event(
        event_id=short_id(key), doc_id=document.id, sentence_index=index, source=source, target=target,
        code=info.code, name=info.name, goldstein=info.goldstein, quad_class=info.quad_class,
        plover_type=info.plover_type, plover_mode=info.plover_mode, sentence=sent.text, trigger=trigger.text,
        trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text), rule=rule,
        confidence=confidence, date=document.date,
        date_source="publication" if document.date else None, negated=negated, modality=mode,
        explanation=explanation,
    )


def recoded(event: Event, info: CameoCode, why: str) -> Event:
    """``event`` with the code ``info`` and its codebook fields, and ``why`` in its explanation."""
    return replace(event, code=info.code, name=info.name, goldstein=info.goldstein, quad_class=info.quad_class,
                   plover_type=info.plover_type, plover_mode=info.plover_mode,
                   explanation=[*event.explanation, why])


def recode_by_word(events: list[Event], doc: Doc, code: str, word_of: Callable[[Event, Token], Token | None],
                   why: Callable[[Event, Token], str]) -> list[Event]:
    """``events`` with each one whose trigger ``word_of`` finds a word for recoded ``code``
    (``why`` says so in its explanation); the others, and all of them where the codebook has
    no ``code``, unchanged."""
    info = get_code(code)
    if info is None:
        return events
    out = []
    for event in events:
        trigger = token_at(doc, event.trigger_start)
        word = word_of(event, trigger) if trigger is not None else None
        out.append(recoded(event, info, why(event, word)) if word is not None else event)
    return out
