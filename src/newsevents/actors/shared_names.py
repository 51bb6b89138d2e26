"""Capitals whose name other towns share, read by the countries an article names.

The actor tables know "Tripoli" as Libya's capital; "rival militias in Tripoli, the north
Lebanese port" are in Lebanon. Where the article names a country the gazetteer has a place of
that name in, and not the capital's own country by any other word, the place and the roles
located by it ("militias in Tripoli", coded ``role+in-country``) take that country, as the
event's location does (``geo.locate_event``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..geo import LOCATIVE_PREPS, Gazetteer, place_name_span
from ..model import ActorMention

__all__ = ["settle_shared_names"]

IN_COUNTRY_RULE = "role+in-country"
PLACE_RULE = "place"


def settle_shared_names(mentions: list[ActorMention], doc: Doc, gazetteer: Gazetteer | None) -> None:
    """Recode, in place, places and roles located by a capital's name whose country the
    article's other countries say is another one's town of that name."""
    if gazetteer is None:
        return
    located = [(m, _place_word(m, doc)) for m in mentions if m.rule in (IN_COUNTRY_RULE, PLACE_RULE) and m.country]
    located = [(m, word) for m, word in located if word is not None]
    if not located:
        return
    named = [(m.text, m.country[:3]) for m in mentions if m.country and m.rule not in (IN_COUNTRY_RULE, PLACE_RULE)]
    # A long article names a place many times: each name is settled once, with the countries
    # named by other words than it.
    settled: dict[str, tuple[frozenset[str], str | None]] = {}
    for mention, word in located:
        name = place_name_span(word).text
        if name not in settled:
            others = frozenset(country for text, country in named if name not in text)
            place = gazetteer.resolve(name, countries=others) if others else None
            settled[name] = (others, place.cameo[:3] if place is not None and place.cameo else None)
        others, country = settled[name]
        if country is None or country not in others or mention.country in others:
            continue
        sectors = "".join(mention.sectors)
        mention.code, mention.country = country + sectors, country


def _place_word(mention: ActorMention, doc: Doc) -> Token | None:
    """The place name that gave ``mention`` its country: the place itself, or the object of
    the role's "in" phrase."""
    if not 0 <= mention.head < len(doc):
        return None
    head = doc[mention.head]
    if mention.rule == PLACE_RULE:
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None
