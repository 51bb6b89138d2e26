"""Where: the packaged GeoNames gazetteer and the place an event happened.

An event's place is the place named in a locative phrase ("in Baghdad", "near Kharkiv") of
its trigger's clause, else of its sentence, else the article's dateline ("KHARKIV, Ukraine
(AP) —"), else none. It is never guessed from an actor (an Iraqi minister's capital is not
where he acted). A name several places share is read in the light of the countries the
article's actors belong to, then by size (``Gazetteer.resolve``).
"""
from __future__ import annotations

import csv
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Span, Token

from .model import ActorMention
from .syntax import SAME_CLAUSE, clause_scope, tree_distance

GEO_DATA = files("newsevents") / "data" / "geo"
# Words never read as places although a town is called so ("in March", "at University").
NOT_PLACES = "not_places.txt"

# Prepositions that say where something happened; "to" only for visits (their destination).
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "around", "inside"})
DESTINATION_PREPS = frozenset({"to"})
DESTINATION_CODES = frozenset({"042"})
# "during a visit to Addis Ababa, X criticised Y": the destination of a visit noun places
# whatever its clause reports.
VISIT_NOUNS = frozenset({"visit", "trip", "tour", "stop", "stopover"})
# Material acts take the place they were done in or on (issue 15): protest, assault, fight and
# mass violence happen where their object is ("shelled Kharkiv", "the bombing of Gaza"), and
# along the route they took ("marched through central Tbilisi", "an attack on Bakhmut").
MATERIAL_ROOTS = frozenset({"14", "18", "19", "20"})
MATERIAL_PREPS = frozenset({"through", "across", "along", "throughout", "on", "into"})
# A material event noun's "of" phrase is what it was done to: "the shelling of Kharkiv".
MATERIAL_NOUN_PREPS = frozenset({"of"})
OBJECT_DEPS = frozenset({"dobj"})
# Common nouns that introduce a place name: "the city of Mosul", "the capital, Kyiv". In this
# frame a name the small NER model mislabels (PERSON, ORG) is still taken as a place.
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "province", "region", "district", "governorate",
                         "state", "port", "county", "area", "outskirts", "suburb", "suburbs", "camp", "countryside"})
# Where a place noun keeps its name, most specific first.
PLACE_NOUN_DEPS = ("prep", "appos", "compound", "poss")
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels that are never places, even inside a place-noun frame.
NEVER_PLACE_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
# Disambiguation score = log10(population) + bonuses. A place in a country the article's
# actors come from outweighs a 30-fold larger namesake elsewhere (Tripoli, Lebanon in a
# Lebanon story) but not a 100-fold one (Paris, Texas in a story that mentions the US).
ARTICLE_COUNTRY_BONUS = 1.5
# A country's name usually means the country, not a town named after it (Lebanon, Tennessee).
COUNTRY_KIND_BONUS = 1.0
# A place phrase further than this many arcs from the trigger describes something else in a
# long noun phrase ("a spokesperson for the operation against Islamic State in Iraq, told").
MAX_PLACE_ARCS = 4
QUALIFIER_DEPS = frozenset({"appos", "npadvmod"})
# Actor rules whose country is the actor stage's own reading of a place name in the actor's
# phrase ("rival gunmen in Tripoli" -> Libya): no evidence for which Tripoli is meant.
PLACE_GUESS_RULES = frozenset({"role+in-country"})
COMPOUND_DEPS = frozenset({"compound", "flat"})
# Lower-case pieces inside place names: "Port-au-Prince", "Rostov-on-Don", "Bandar Seri Begawan".
NAME_CONNECTORS = frozenset({"-", "au", "aux", "de", "du", "des", "la", "le", "el", "al", "of", "on", "upon",
                             "sur", "am", "an", "der", "del", "do", "da", "di", "dos", "das"})
# "KHARKIV, Ukraine (AP) —", "BEIRUT, June 20 (Reuters) -", "WASHINGTON —" at the start of
# the text. A title-case name alone counts only when it is a city (see find_dateline).
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z'’.\- ]{1,40}?)\s*(?:,\s*(?P<region>[A-Z][A-Za-z0-9'’.\- ]{1,40}?))?\s*"
    r"(?:\((?P<agency>[^()\n]{1,40})\))?\s*(?:—|–|--|-)\s")
KIND_CITY, KIND_ADMIN1, KIND_COUNTRY = "city", "admin1", "country"


@dataclass(frozen=True, slots=True)
class Place:
    """A GeoNames place. ``country`` is our location country code (ISO alpha-3, or CAMEO's
    own 3-letter code); ``cameo`` the country's actor code; ``fips``/``admin1_code`` serve
    the GDELT export."""

    geonameid: int
    kind: str
    name: str
    country: str
    cameo: str
    fips: str
    admin1: str | None
    admin1_code: str
    lat: float | None
    lon: float | None
    feature: str
    population: int

    def to_dict(self) -> dict[str, Any]:
        """The event record's ``location``."""
        return {"name": self.name, "country": self.country, "admin1": self.admin1, "lat": self.lat,
                "lon": self.lon, "geonameid": self.geonameid, "feature": self.feature}


def name_key(text: str) -> str:
    """Fold a place name for lookup: case, diacritics, curly apostrophes, a leading "the"."""
    folded = text.replace("’", "'")
    if not folded.isascii():
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    folded = " ".join(folded.lower().split())
    return folded[4:] if folded.startswith("the ") else folded


class Gazetteer:
    """Places by folded name, and country names, for resolving place phrases."""

    def __init__(self, places: Iterable[Place], names: dict[int, list[str]], country_names: dict[str, str],
                 not_places: frozenset[str] = frozenset()) -> None:
        self.by_id: dict[int, Place] = {}
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        self.country_places: dict[str, Place] = {}
        for place in places:
            self.by_id[place.geonameid] = place
            if place.kind == KIND_COUNTRY:
                self.country_places[place.country] = place
            for name in {name_key(n) for n in [place.name, *names.get(place.geonameid, [])]}:
                self.by_name[name].append(place)
        self.country_names = country_names
        self.not_places = not_places

    def get(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id, if it is in the gazetteer."""
        return self.by_id.get(geonameid)

    def get_country_name(self, code: str) -> str | None:
        """The name of the country with location code ``code`` ("IRQ" -> "Iraq")."""
        place = self.country_places.get(code)
        return place.name if place is not None else None

    def candidates(self, text: str) -> list[Place]:
        """Every place called ``text``."""
        return list(self.by_name.get(name_key(text), ()))

    def resolve(self, text: str, *, countries: frozenset[str] = frozenset(), qualifier: str | None = None) -> Place | None:
        """The place ``text`` most likely names.

        countries: the article's actor countries (3-letter codes); qualifier: a following
        ", Country" or ", State" ("Tripoli, Lebanon"), which restricts the candidates.
        Returns None when no place has that name.
        """
        if name_key(text) in self.not_places:
            return None
        found = self.candidates(text)
        if qualifier and found:
            narrowed = self._qualified(found, qualifier)
            found = narrowed or found
        if not found:
            return None
        return max(found, key=lambda place: (_score(place, countries), -place.geonameid))

    def _qualified(self, found: list[Place], qualifier: str) -> list[Place]:
        key = name_key(qualifier)
        country = self.country_names.get(key)
        if country is not None:
            return [p for p in found if p.country == country and p.kind != KIND_COUNTRY]
        return [p for p in found if p.admin1 is not None and name_key(p.admin1) == key]


def _score(place: Place, countries: frozenset[str]) -> float:
    score = math.log10(max(place.population, 1))
    if place.cameo[:3] in countries or place.country in countries:
        score += ARTICLE_COUNTRY_BONUS
    if place.kind == KIND_COUNTRY:
        score += COUNTRY_KIND_BONUS
    return score


def _rows(name: str) -> Iterator[dict[str, str]]:
    with GEO_DATA.joinpath(name).open(encoding="utf-8") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer (GeoNames cities >= 15,000 people, divisions, countries)."""
    countries = {row["iso2"]: row for row in _rows("countries.tsv")}
    admin1 = {row["code"]: row["name"] for row in _rows("admin1.tsv")}
    country_names: dict[str, str] = {}
    places: list[Place] = []
    names: dict[int, list[str]] = {}
    for row in _rows("places.tsv"):
        info = countries.get(row["country"])
        if info is None:
            continue
        kind = row["kind"]
        division = None if kind == KIND_COUNTRY else admin1.get(f"{row['country']}.{row['admin1']}")
        place = Place(int(row["geonameid"]), kind, row["name"], info["code"], info["cameo"], info["fips"],
                      division, row["admin1"], float(row["lat"]) if row["lat"] else None,
                      float(row["lon"]) if row["lon"] else None, row["feature"], int(row["population"] or 0))
        places.append(place)
        names[place.geonameid] = [n for n in row["names"].split("|") if n]
        if kind == KIND_COUNTRY:
            country_names[name_key(place.name)] = place.country
    by_iso2 = {p.country: p for p in places if p.kind == KIND_COUNTRY}
    code_of = {iso2: row["code"] for iso2, row in countries.items()}
    for row in _rows("country_aliases.tsv"):
        code = code_of.get(row["iso2"])
        if code is None:
            continue
        country_names[name_key(row["alias"])] = code
        if code in by_iso2:
            names[by_iso2[code].geonameid].append(row["alias"])
    lines = GEO_DATA.joinpath(NOT_PLACES).read_text(encoding="utf-8").splitlines()
    not_places = frozenset(name_key(line.split("#", 1)[0]) for line in lines if line.split("#", 1)[0].strip())
    return Gazetteer(places, names, country_names, not_places)


class ArticleCountries:
    """The 3-letter countries of an article's actor mentions, indexed once per article.

    Each event asks for the countries outside its own place phrase; scanning every mention
    for every event made a long document quadratic (issue 8: 100 kB of text spent 3.5 s
    here, 500 kB minutes), so mentions are sorted once and each question looks only at the
    few mentions that can overlap the phrase.
    """

    def __init__(self, mentions: Iterable[ActorMention]) -> None:
        eligible = sorted((m.start, m.end, m.country[:3]) for m in mentions
                          if m.country and m.rule not in PLACE_GUESS_RULES)
        self._mentions = eligible
        self._starts = [start for start, _end, _country in eligible]
        self._counts = Counter(country for _start, _end, country in eligible)
        self._longest = max((end - start for start, end, _country in eligible), default=0)

    def outside(self, span: tuple[int, int] | None = None) -> frozenset[str]:
        """The countries of mentions that do not overlap ``span`` (all of them for None)."""
        if span is None:
            return frozenset(self._counts)
        # A mention overlaps when start < span end and end > span start; its end is at most
        # start + longest, so only starts in (span start - longest, span end) can overlap.
        low = bisect_right(self._starts, span[0] - self._longest)
        high = bisect_left(self._starts, span[1])
        dropped = Counter(country for start, end, country in self._mentions[low:high]
                          if end > span[0] and start < span[1])
        return frozenset(country for country, count in self._counts.items() if count > dropped[country])


def article_countries(mentions: Iterable[ActorMention] | ArticleCountries, *,
                      outside: tuple[int, int] | None = None) -> frozenset[str]:
    """The 3-letter countries of an article's actor mentions.

    outside: leave out mentions overlapping these character offsets: the actor stage reads
    the very name being resolved ("gunmen in Tripoli") with its own guess of the country.
    """
    index = mentions if isinstance(mentions, ArticleCountries) else ArticleCountries(mentions)
    return index.outside(outside)


def find_dateline(text: str, gazetteer: Gazetteer, mentions: Iterable[ActorMention] = ()) -> Place | None:
    """The place of a dateline opening ``text`` ("TRIPOLI, Lebanon (Reuters) —"), if any.

    mentions: the article's actor mentions, whose countries settle ambiguous names.
    """
    match = DATELINE.match(text.split("\n", 1)[0])
    if match is None:
        return None
    city = match.group("city").strip()
    countries = article_countries(mentions, outside=(match.start(), match.end()))
    place = gazetteer.resolve(city, countries=countries, qualifier=match.group("region"))
    if place is None:
        return None
    # "Indianapolis –" is a dateline; "Israel - Hamas war" is a headline, not one.
    if city.isupper() or match.group("region") or match.group("agency") or place.kind == KIND_CITY:
        return place
    return None


@dataclass(frozen=True, slots=True)
class _Option:
    rank: tuple[int, int, int, int]
    place: Place
    why: str


def locate_event(trigger: Token, code: str, gazetteer: Gazetteer,
                 mentions: Sequence[ActorMention] | ArticleCountries = ()) -> tuple[Place, str] | None:
    """The place named for the event triggered by ``trigger`` in its sentence.

    Looks at locative prepositional phrases ("in X", "near X", and "to X" or the object
    for visits) of the trigger's clause, then of the clauses around it (never of a clause
    below or beside it: "called for a halt to the violence in Gaza" was not said in Gaza);
    place entities (GPE, LOC, FAC) before other capitalised names, then nearest first.
    mentions: the article's actor mentions, whose countries settle ambiguous names (or their
    ArticleCountries, built once per article by a caller that locates many events).
    Returns (place, why) or None.
    """
    if not isinstance(mentions, ArticleCountries):
        mentions = ArticleCountries(mentions)
    options: list[_Option] = []
    for token in trigger.sent:
        if token.dep_ == "prep" and _is_place_prep(token, code):
            tier = clause_scope(token, trigger)
            distance = tree_distance(trigger, token)
            if tier is None or distance > MAX_PLACE_ARCS:
                continue
            for obj in (c for c in token.children if c.dep_ == "pobj"):
                options.extend(_options(obj, tier, distance, token.lower_, gazetteer, mentions))
    if code in DESTINATION_CODES or code[:2] in MATERIAL_ROOTS:
        for obj in (c for c in trigger.children if c.dep_ in OBJECT_DEPS):
            options.extend(_options(obj, SAME_CLAUSE, 1, "object", gazetteer, mentions))
    if not options:
        return None
    best = min(options, key=lambda o: o.rank)
    return best.place, best.why


def _is_place_prep(token: Token, code: str) -> bool:
    """"in", "near", ...; "to" for a visit event or after a visit noun; "through", "on" ... for
    a material act, and "of" after its noun ("the shelling of Kharkiv")."""
    if token.lower_ in LOCATIVE_PREPS:
        return True
    if code[:2] in MATERIAL_ROOTS and (token.lower_ in MATERIAL_PREPS or token.lower_ in MATERIAL_NOUN_PREPS
                                       and token.head.pos_ == "NOUN"):
        return True
    return token.lower_ in DESTINATION_PREPS and (code in DESTINATION_CODES or token.head.lemma_ in VISIT_NOUNS)


def _options(obj: Token, tier: int, distance: int, how: str, gazetteer: Gazetteer,
             mentions: ArticleCountries) -> Iterator[_Option]:
    for phrase, typed, qualifier in _place_phrases(obj, framed=False):
        countries = article_countries(mentions, outside=(phrase.start_char, phrase.end_char))
        place = gazetteer.resolve(phrase.text, countries=countries, qualifier=qualifier)
        if place is not None:
            scope = "clause" if tier == SAME_CLAUSE else "outer clause"
            yield _Option((tier, 0 if typed else 1, distance, phrase.start), place, f"{how} '{phrase.text}' in the {scope}")


def _place_phrases(obj: Token, *, framed: bool) -> Iterator[tuple[Span, bool, str | None]]:
    """Name phrases a preposition's object may stand for: (span, is a place entity, qualifier).

    framed: the object came through a place noun ("the city of X"), so a mislabelled
    entity is still a candidate.
    """
    if obj.pos_ == "NOUN" and obj.lower_ in PLACE_NOUNS and not framed:
        # "the city of Mosul", "the capital, Kyiv", "the Krasnodar region", "Russia's ... region"
        for dep in PLACE_NOUN_DEPS:
            for child in obj.children:
                if child.dep_ == "prep" and child.lower_ == "of" and dep == "prep":
                    for inner in (c for c in child.children if c.dep_ == "pobj"):
                        yield from _place_phrases(inner, framed=True)
                elif child.dep_ == dep != "prep":
                    yield from _place_phrases(child, framed=True)
        return
    if not obj.text[:1].isupper() or obj.ent_type_ in NEVER_PLACE_ENTS:
        return
    typed = obj.ent_type_ in PLACE_ENTS
    if obj.ent_type_ and not typed and not framed:
        return
    yield _name_span(obj), typed, _qualifier(obj)


def place_name_span(obj: Token) -> Span:
    """The whole place name whose head is ``obj`` (see ``_name_span``)."""
    return _name_span(obj)


def _name_span(obj: Token) -> Span:
    """The whole name ``obj`` heads: its place entity; else the capitalised words (and
    connectors: "Port-au-Prince") that open its phrase; else it with its compounds."""
    doc = obj.doc
    if obj.ent_type_ in PLACE_ENTS:
        for ent in doc.ents:
            if ent.start <= obj.i < ent.end:
                return ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
    start = obj.left_edge.i
    while start < obj.i and not doc[start].text[:1].isupper():
        start += 1  # "the", "northern"
    words = doc[start:obj.i + 1]
    if all(t.text[:1].isupper() or t.lower_ in NAME_CONNECTORS for t in words):
        return words
    start = obj.i
    while (start > obj.sent.start and doc[start - 1].dep_ in COMPOUND_DEPS
           and doc[start - 1].head.i <= obj.i and doc[start - 1].text[:1].isupper()):
        start -= 1
    return doc[start:obj.i + 1]


def _qualifier(obj: Token) -> str | None:
    """The ", Country" or ", State" after a place name: "Baghdad, Iraq", "Paris, Texas"."""
    for child in obj.children:
        if child.dep_ in QUALIFIER_DEPS and child.i > obj.i and child.text[:1].isupper():
            return _name_span(child).text
    return None
