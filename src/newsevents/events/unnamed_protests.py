"""Protests whose protesters the text does not name (issue 17).

"Three people died during protests in Bolivia against the interim government", "Demonstrations
against the new tax law spread across Kenya": the sentence reports a protest, what it was
against and where, but no one who protested, so the extractor (which needs a source) codes
nothing. As for violence with no named author (``unattributed``), the source is left unnamed
and placed: the protesters of the country the protest was held in, ``OPP`` as the role word
"protesters" is read.

Coded only for a protest noun of the event lexicon (root 14) with its target slot filled by a
coded actor and a place the gazetteer or the sentence's places give; not where the sentence
already has a protest event, nor for negated, modal, hypothetical or background reports. A
protest held abroad against a government ("protests in London against the Iranian regime") is
still placed where it was held.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..codebook import get_code
from ..geo import ArticleCountries, Gazetteer
from ..model import ActorMention, Document, Event, implied_actor
from .lexicon import Lexicon, LexiconEntry
from .made import event_at
from .timing import time_act
from .triggers import PROTEST_ROOT, matching_entry
from .unattributed import UNATTRIBUTED_CONFIDENCE, act_reality, place_country

__all__ = ["RULE_UNNAMED_PROTESTERS", "code_unnamed_protests"]

RULE_UNNAMED_PROTESTERS = "unnamed-protesters"
# Protesters, as roles.tsv reads the word.
PROTESTER_SECTORS = ["OPP"]
# Whose protest it is, when the noun says it itself: "the opposition's protests", "student protests".
OWNER_DEPS = frozenset({"poss", "compound", "amod"})


def code_unnamed_protests(events: list[Event], doc: Doc, document: Document, mentions: list[ActorMention],
                          lexicon: Lexicon, gazetteer: Gazetteer, *, keep_uncertain: bool = False) -> list[Event]:
    """The events, plus one for each protest noun aimed at a coded actor, in a place, whose
    protesters no one names. Returns a new list (the new events last)."""
    protested = {e.sentence_index for e in events if e.code[:2] == PROTEST_ROOT}
    countries = ArticleCountries(mentions)
    added: list[Event] = []
    for index, sent in enumerate(doc.sents):
        if index in protested:
            continue
        here = [m for m in mentions if m.sentence_index == index]
        for token in sent:
            event = _protest(token, sent, index, here, document, lexicon, gazetteer, countries, keep_uncertain)
            if event is not None:
                added.append(event)
                break  # one unnamed protest a sentence: more would be the same crowd twice
    return events + added


def _protest(token: Token, sent: Span, index: int, here: list[ActorMention], document: Document, lexicon: Lexicon,
             gazetteer: Gazetteer, countries: ArticleCountries, keep_uncertain: bool) -> Event | None:
    entry = protest_entry(token, lexicon)
    if entry is None or _owned(token, here):
        return None
    target = _target(token, entry.targets, here)
    info = get_code(entry.code)
    if target is None or info is None:
        return None
    # Where the protest was held: a target's own country is not enough ("protests against the
    # Iranian regime" may be held anywhere).
    country = place_country(token, entry.code, here, gazetteer, countries, places_only=True)
    if country is None:
        return None
    reality = act_reality(token, document, lexicon, keep_uncertain)
    if reality is None or time_act(token, document.date).background:
        return None
    source = implied_actor(document.id, index, token.idx, country, list(PROTESTER_SECTORS), RULE_UNNAMED_PROTESTERS)
    key = f"{document.id}|{index}|{token.i}|{source.code}|{target.code}|{entry.code}|unnamed-protesters"
    explanation = [f"'{token.text}' ({entry.id}) names no protesters: unnamed protesters in {country}",
                   f"target {target.text} [{target.code}] via '{entry.targets[0]}'"]
    return event_at(token, sent, index, document, source, target, info, key, f"unnamed-protesters.{entry.id}",
                    UNATTRIBUTED_CONFIDENCE, explanation, reality)


def protest_entry(token: Token, lexicon: Lexicon) -> LexiconEntry | None:
    """The lexicon row of a protest noun ("protests", "a rally"), or None for any other word."""
    if token.pos_ != "NOUN":
        return None
    entry = matching_entry(token, lexicon)
    return entry if entry is not None and entry.code[:2] == PROTEST_ROOT else None


def _owned(token: Token, here: list[ActorMention]) -> bool:
    """Whether the noun names its protesters itself ("student protests", "the opposition's
    rally") or has a "by" agent: whose it is, then, is the extractor's to read."""
    heads = {m.head for m in here}
    return any(c.dep_ in OWNER_DEPS and c.i in heads for c in token.children) or \
        any(c.dep_ == "prep" and c.lower_ == "by" for c in token.children)


def _target(token: Token, slots: tuple[str, ...], here: list[ActorMention]) -> ActorMention | None:
    """The coded actor in the noun's own target phrase ("against the interim government")."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in slots:
            continue
        for obj in prep.children:
            found = next((m for m in here if m.head == obj.i and m.code), None)
            if found is not None:
                return found
    return None

