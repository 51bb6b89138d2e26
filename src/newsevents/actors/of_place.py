"""A role whose own "of" phrase names a place the actor tables lack (issue 15).

"The government of Sindh province", "the governor of the state of Kano", "police of Karnataka":
a region's or a city's offices are of the country the place is in, which the gazetteer knows
when the actor tables (countries, capitals, seats) do not. This is the role's own words, as
"the government of Pakistan" is, not a guess from the rest of the sentence. Only a place the
phrase frames as one is read: a place noun with its name ("Sindh province", "the province of
Sindh") or a name the parser tags as a place; "the chairman of Toyota" names a company that
shares a city's name, and stays as it was.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..geo import PLACE_ENTS, PLACE_NOUNS, ArticleCountries, Gazetteer, place_name_span
from ..model import ActorMention

OF_PLACE_RULE = "role+of-place"
OF_PREPS = frozenset({"of"})
# Gazetteer kinds read: a country's name is in the actor tables already.
PLACE_KINDS = frozenset({"city", "admin1"})
# Where a place noun keeps its name: "Sindh province", "the province, Sindh".
NAME_DEPS = frozenset({"compound", "appos"})


def of_place_country(role: ActorMention, doc: Doc, gazetteer: Gazetteer, countries: ArticleCountries) -> str | None:
    """The country of the place the role's head names in its "of" phrase, when there is
    exactly one; else None. countries: the article's countries, to settle a shared name."""
    if not 0 <= role.head < len(doc):
        return None
    found = set()
    for name in _place_names(doc[role.head]):
        span = place_name_span(name)
        place = gazetteer.resolve(span.text, countries=countries.outside((span.start_char, span.end_char)))
        if place is not None and place.kind in PLACE_KINDS and place.cameo:
            found.add(place.cameo[:3])
    return next(iter(found)) if len(found) == 1 else None


def _place_names(head: Token) -> Iterator[Token]:
    """Heads of the place names the "of" phrases of ``head`` frame as places."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in OF_PREPS:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.pos_ == "NOUN" and obj.lower_ in PLACE_NOUNS:
                yield from (c for c in obj.children if c.dep_ in NAME_DEPS and c.text[:1].isupper())
                yield from (inner for child in obj.children if child.dep_ == "prep" and child.lower_ in OF_PREPS
                            for inner in child.children if inner.dep_ == "pobj" and inner.text[:1].isupper())
            elif obj.ent_type_ in PLACE_ENTS and obj.text[:1].isupper():
                yield obj
