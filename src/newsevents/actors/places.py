"""Names the actor tables do not know, that the gazetteer knows as places (issue 15 item 3).

"Israeli tanks fired at targets in Jericho", "a curfew in the town of Cizre": a capitalised
name the actor tables lack is left as an unresolved person, though its frame says it is a
place (a locative preposition, or "the town of" before it) and the gazetteer knows it. Such a
name is a place, coded as the actor stage codes the places it knows (``resolve._assemble``):
its country, and its residents (CVL) where force or a restriction falls on it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..geo import LOCATIVE_PREPS, PLACE_NOUNS, ArticleCountries, Gazetteer, place_name_span
from ..model import ActorMention
from .acts import done_to
from .private_people import UNRESOLVED_PERSON

# Gazetteer kinds a name may take here: a country's name is in the actor tables already.
PLACE_KINDS = frozenset({"city", "admin1"})
RESIDENTS = "CVL"
NAMED_PLACE_RULE = "place"


def name_places(mentions: list[ActorMention], doc: Doc, gazetteer: Gazetteer | None) -> None:
    """Turn unresolved names in a place frame that the gazetteer knows into places; in place."""
    if gazetteer is None:
        return
    countries: ArticleCountries | None = None
    for mention in mentions:
        if mention.rule != UNRESOLVED_PERSON or not 0 <= mention.head < len(doc):
            continue
        head = doc[mention.head]
        if not _place_frame(head):
            continue
        countries = countries or ArticleCountries(mentions)
        phrase = place_name_span(head)
        place = gazetteer.resolve(phrase.text, countries=countries.outside((phrase.start_char, phrase.end_char)))
        if place is None or place.kind not in PLACE_KINDS or not place.cameo:
            continue
        country = place.cameo[:3]
        sectors = [RESIDENTS] if done_to(head) else []
        mention.code, mention.country, mention.sectors = country + "".join(sectors), country, sectors
        mention.rule, mention.kind, mention.name = NAMED_PLACE_RULE, "place", None


def _place_frame(head: Token) -> bool:
    """A locative phrase's object ("in Jericho") or a place noun's name ("the town of Cizre",
    "the city, Kherson")."""
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return head.head.head.lower_ in PLACE_NOUNS
    return head.dep_ == "appos" and head.head.lower_ in PLACE_NOUNS
