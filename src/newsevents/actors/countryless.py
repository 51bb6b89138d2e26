"""Roles whose country the text does not give (issue 15).

After coreference and the sentence's own places (``resolve._locate_roles``), a role still
without a country ("gunmen", "police", "protesters", "a militia") is located by a place the
gazetteer knows in a locative phrase of its sentence ("in Lucknow"), then by the article's
dateline when the sentence names no country, then by the one country the sentence names.
In a sentence that names several countries the role stays uncoded: its country is ambiguous. Where nothing names a country at all, a role that names a clear kind of non-state or security actor is kept
with its sectors and no country, as GDELT codes it (``COP``, ``UAF``, ``country: null``): the
event it takes part in is emitted, with lower confidence (``events.confidence``). State
offices ("the minister", "the government") are never kept without a country: whose they are
is the whole of what they say.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..geo import LOCATIVE_PREPS, ArticleCountries, Gazetteer, find_dateline, place_name_span
from ..model import ActorMention, Document

# Sectors a role may be coded with and no country: security forces and non-state groups.
COUNTRYLESS_SECTORS = frozenset({"COP", "MIL", "REB", "INS", "SEP", "UAF", "IMG", "CVL", "OPP", "CRM",
                                 "REF", "LAB", "EDU", "SET"})
# Sectors that name a state's office or institution: never coded without its country.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "ELI", "PTY", "SPY"})
COUNTRYLESS_RULE = "role-without-country"
GAZETTEER_RULE = "role+gazetteer-place-in-sentence"
DATELINE_RULE = "role+dateline"
SENTENCE_COUNTRY_RULE = "role+only-country-in-sentence"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def place_unlocated_roles(mentions: list[ActorMention], doc: Doc, document: Document,
                          gazetteer: Gazetteer | None) -> None:
    """Give each role still without a country one, or its sectors alone; in place.

    mentions: the document's mentions after coreference and ``_locate_roles``; gazetteer:
    the place gazetteer, or None to skip the gazetteer and dateline steps.
    """
    roles = [m for m in mentions if _unlocated(m) and not _named(m, doc)]
    if not roles:
        return
    sentences = list(doc.sents)
    named: dict[int, set[str]] = {}
    for mention in mentions:
        if mention.country:
            named.setdefault(mention.sentence_index, set()).add(mention.country)
    countries = ArticleCountries(mentions) if gazetteer is not None else None
    dateline = find_dateline(document.text, gazetteer, mentions) if gazetteer is not None else None
    for role in roles:
        country, rule = None, COUNTRYLESS_RULE
        if gazetteer is not None and countries is not None and role.sentence_index < len(sentences):
            here = _gazetteer_countries(sentences[role.sentence_index], gazetteer, countries)
            others = named.get(role.sentence_index, set())
            if len(here) == 1 and others <= here:
                (country,) = here
                rule = GAZETTEER_RULE
            elif not here and not others and dateline is not None:
                country, rule = dateline.country, DATELINE_RULE
        others = named.get(role.sentence_index, set())
        if country is None and len(others) == 1 and not _subject(role, doc):
            # "President Ruto of Kenya promised protesters", "Lukashenko warned opposition
            # protesters": the one who is acted on, in a sentence about one country only, is of
            # that country, the domestic reading the extractor gives a target-less act too.
            (country,) = others
            rule = SENTENCE_COUNTRY_RULE
        if country is not None:
            role.code, role.country, role.rule = country + "".join(role.sectors), country, rule
        elif not others and _clear_without_country(role.sectors):
            # Only where nothing names a country: in a sentence naming several, the role's
            # country is ambiguous, not absent ("Rwanda deployed troops to fight insurgents in
            # Mozambique"), and it stays uncoded as before.
            role.code, role.country, role.rule = "".join(role.sectors), None, COUNTRYLESS_RULE


def _unlocated(mention: ActorMention) -> bool:
    return mention.code is None and mention.rule == "unresolved-role" and bool(mention.sectors) \
        and mention.kind != "ethnic"


def _subject(role: ActorMention, doc: Doc) -> bool:
    """The subject of a clause: an act's author needs better evidence of its country than
    the other actor its sentence names ("protesters who stormed parliament")."""
    return 0 <= role.head < len(doc) and doc[role.head].dep_ in SUBJECT_DEPS


def _named(role: ActorMention, doc: Doc) -> bool:
    """A capitalised name ("the Rapid Support Forces"): an organisation whose country is
    unknown, not a generic role."""
    return 0 <= role.head < len(doc) and doc[role.head].pos_ == "PROPN"


def _clear_without_country(sectors: list[str]) -> bool:
    return bool(set(sectors) & COUNTRYLESS_SECTORS) and not set(sectors) & STATE_SECTORS


def _gazetteer_countries(sent: Span, gazetteer: Gazetteer, countries: ArticleCountries) -> set[str]:
    """Countries of the capitalised places named in locative phrases of the sentence ("in
    Lucknow", "near Kaduna") that the gazetteer knows."""
    found: set[str] = set()
    for token in sent:
        if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS or not token.text[:1].isupper():
            continue
        phrase = place_name_span(token)
        place = gazetteer.resolve(phrase.text, countries=countries.outside((phrase.start_char, phrase.end_char)))
        if place is not None:
            found.add(place.country)
    return found
