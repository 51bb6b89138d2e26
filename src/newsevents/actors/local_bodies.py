"""Local bodies named after their place, and the officers a story's police body stands for.

"The Columbus Police Department", "Lagos police", "Leeds City Council": a town's or a region's
police or council is named by the place and the body word. The actor tables know countries and
a few hundred cities; the gazetteer knows tens of thousands of places, so a body named after one
of those stays uncoded ("unresolved-role") and a whole local story goes without a country.
``place_local_bodies`` reads the name as the phrase's own words say it: the place's country and
the body's sectors (``local_bodies.tsv``), before any guess from the rest of the text.

"Officers" alone is a state's actor only where its phrase names the state (``role_heads.tsv``
with_country): a company's or a local force's officers are as common. In a story that has named
a coded police or armed body just before ("The Columbus Police Department arrested ... Officers
also arrested ..."), the officers are that body's: ``place_bound_roles`` gives them its code,
and leaves them out otherwise.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..geo import ArticleCountries, Gazetteer
from ..model import ActorMention, Document
from ..syntax import text_span
from .countryless import UNRESOLVED_ROLE
from .knowledge import read_actor_table
from .private_people import UNRESOLVED_PERSON

LOCAL_BODY_RULE = "local-body+gazetteer-place"
BOUND_ROLE = "country-bound-role"
BOUND_RULE = "country-bound-role+body-named-before"
# Mentions a local body may be: a role the tables could not place, or a name they do not know.
UNPLACED_RULES = frozenset({UNRESOLVED_ROLE, UNRESOLVED_PERSON})
# Gazetteer kinds a body's place may be: a country's name is in the actor tables already.
PLACE_KINDS = frozenset({"city", "admin1"})
# "Sheriff’s Office" is written with a curly apostrophe as often as a straight one.
APOSTROPHES = str.maketrans({"’": "'"})
# How many sentences back the body "officers" stand for may be named, as for a same-role
# antecedent (``antecedent_country``).
WINDOW = 6
# "Officers from the Columbus Police Department": the body a bound role names as its own.
BODY_PREPS = frozenset({"of", "from", "with"})


@lru_cache(maxsize=1)
def local_bodies() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Body words (as token tuples) to their sectors: ``local_bodies.tsv``."""
    return {tuple(row["body"].split()): tuple(row["sectors"][i:i + 3] for i in range(0, len(row["sectors"]), 3))
            for row in read_actor_table("local_bodies.tsv")}


def place_local_bodies(mentions: list[ActorMention], doc: Doc, gazetteer: Gazetteer | None) -> None:
    """Give each unplaced mention named "<place> <body>" its place's country and the body's
    sectors; in place."""
    if gazetteer is None:
        return
    countries: ArticleCountries | None = None
    for mention in mentions:
        if mention.code is not None or mention.rule not in UNPLACED_RULES:
            continue
        span = text_span(doc, mention.start, mention.end)
        if span is None:
            continue
        countries = countries or ArticleCountries(mentions)
        found = _local_body(span, gazetteer, countries)
        if found is None:
            continue
        # the body's sectors only: what follows names a unit or a post of it ("the Columbus Police
        # Department Intelligence Unit" is police, not a spy agency)
        country, sectors = found
        mention.sectors = list(sectors)
        mention.code, mention.country = country + "".join(mention.sectors), country
        mention.rule, mention.name = LOCAL_BODY_RULE, None


def _local_body(span: Span, gazetteer: Gazetteer, countries: ArticleCountries) -> tuple[str, tuple[str, ...]] | None:
    """(country, sectors) when the phrase has a body word right after a run of capitalised
    words whose end the gazetteer knows as a town or region; else None."""
    words = [t.lower_.translate(APOSTROPHES) for t in span]
    table = local_bodies()
    longest = max(len(k) for k in table)
    for at in range(1, len(span)):
        body = next((words[at:at + n] for n in range(longest, 0, -1) if tuple(words[at:at + n]) in table), None)
        if body is None:
            continue
        start = at
        while start > 0 and span[start - 1].text[:1].isupper() and span[start - 1].is_alpha:
            start -= 1
        # the longest run of words before the body that names a place ("North Charleston", not
        # "Charleston"); a run that opens a line ("Staff Reports Columbus") is tried from its end
        for first in range(start, at):
            place = _place(span[first:at], gazetteer, countries)
            if place is not None:
                return place, table[tuple(body)]
    return None


def _place(words: Span, gazetteer: Gazetteer, countries: ArticleCountries) -> str | None:
    place = gazetteer.resolve(words.text, countries=countries.outside((words.start_char, words.end_char)))
    if place is None or place.kind not in PLACE_KINDS or not place.cameo:
        return None
    return place.cameo[:3]


def bound_role(chunk: Span, sentence_index: int, document: Document, sectors: list[str]) -> ActorMention:
    """A country-bound role word with no country in its phrase ("Officers arrested him"): kept
    aside, uncoded, for ``place_bound_roles``."""
    return ActorMention(document.id, sentence_index, chunk.text, chunk.start_char, chunk.end_char, None, None,
                        list(sectors), None, BOUND_ROLE, head=chunk.root.i)


def place_bound_roles(mentions: list[ActorMention], doc: Doc) -> None:
    """Give each bound role the code of the body it belongs to: the coded body of its own "of"
    or "from" phrase, else the coded mentions with a country and a shared sector in the
    ``WINDOW`` sentences before it, when they agree (bodies, not named people: officers serve a
    force, and "Lt. Matt Harris" may be titled as its rank says). Its sectors are those it shares with the
    body (police officers are COP, not the word's COPMIL). Unplaced ones are dropped."""
    by_head = {m.head: m for m in mentions if m.code and m.country}
    for role in mentions:
        if role.rule != BOUND_ROLE:
            continue
        wanted = set(role.sectors)
        own = _own_body(doc[role.head], by_head) if 0 <= role.head < len(doc) else None
        bodies = [own] if own is not None and wanted & set(own.sectors) else [
            m for m in mentions if m.code and m.country and m.rule != "place" and m.kind not in ("place", "capital")
            and not m.name and wanted & set(m.sectors) and role.sentence_index - WINDOW <= m.sentence_index <= role.sentence_index
            and m.end <= role.start]
        codes = {(m.country, tuple(s for s in m.sectors if s in wanted)) for m in bodies}
        if len(codes) == 1:
            ((country, sectors),) = codes
            role.code, role.country, role.sectors, role.rule = country + "".join(sectors), country, list(sectors), BOUND_RULE
    mentions[:] = [m for m in mentions if m.rule != BOUND_ROLE]


def _own_body(head: Token, by_head: dict[int, ActorMention]) -> ActorMention | None:
    return next((by_head[obj.i] for prep in head.children if prep.dep_ == "prep" and prep.lower_ in BODY_PREPS
                 for obj in prep.children if obj.dep_ == "pobj" and obj.i in by_head), None)
