#!/usr/bin/env python3
"""Build the actor knowledge base shipped in ``src/newsevents/data/actors``.

Usage: ``python scripts/build_actors.py [--shared ../shared/data] [--out DIR]``

Every table is a UTF-8, tab-separated file with a header row, sorted, so a rebuild from
the same inputs is byte-identical.  Phrases are lower-cased (matching is meant to be
case-insensitive, on token sequences) with one exception: a phrase written in CAPITALS
(only ``US`` at present) is an acronym that is also an English word and should only be
matched as written.  Empty ``start``/``end`` cells mean "open".  Each table keeps to one
licence so it can be credited on its own:

  actors.tsv              phrase code kind start end            MIT (Phoenix dictionaries,
                                                                 openeventdata/petrarch2)
  agents.tsv              phrase sectors plural                 MIT (Phoenix.agents.txt)
  geonames_countries.tsv  phrase code kind iso3 name capital    CC BY 4.0 (GeoNames)
  countries_odbl.tsv      phrase code kind                      ODbL 1.0 (mledoze/countries)
  countryinfo_ccbysa.tsv  phrase code kind start end            CC BY-SA 3.0 (CountryInfo)
  seats.tsv               phrase code kind                      project-authored (SEATS below)

Every actor table starts with ``phrase code kind`` so one reader serves them all.
geonames_countries.tsv has one row per phrase (the country name, its capital, its large
cities, and their ASCII spellings when those differ), each with the country's ISO alpha-3
code, and but for a city's, its GeoNames name and capital alongside.  ``sectors`` in agents.tsv is the CAMEO sector string to
append to an actor code (``GOV``, ``GOVMIL``); ``plural`` is 1 for plural forms.

Inputs (under the shared data folder): actors/Phoenix.Countries.actors.txt,
actors/Phoenix.International.actors.txt, actors/Phoenix.MilNonState.actors.txt,
actors/Phoenix.agents.txt, actors/CountryInfo.120116.txt, geo/countryInfo.txt,
geo/countries.json, and (to classify place names only) geo/cities15000.txt and
geo/admin1CodesASCII.txt; and, in the package's data/actors (whatever --out is), actor_corrections.tsv
(phrases whose Phoenix reading news has outgrown, project-authored).

Kinds
  country    a country (or territory) name or another name for it ("persia", "the us"),
             plural demonyms ("iranians"), and places Phoenix codes as the country that
             are neither capitals nor GeoNames cities/provinces (rivers, deserts, ...)
  adjective  a demonym / adjectival form ("iranian", "british", "northern irish")
  capital    the country's capital (GeoNames), standing for the country or its government
  city       a city, province or state of the country: Phoenix's place names (told from
             other names of a country by GeoNames cities15000 and admin1 names), and in
             geonames_countries.tsv the GeoNames cities that seat a government and have
             CITY_MIN_POPULATION people or more ("Kherson", "Southport"), with the spellings
             among the safe alternate names the packaged gazetteer keeps ("Zaporizhzhia")
  seat       seats.tsv only: a building or address standing for a government body
  person     a named individual; rows carry the validity range of each code
  igo        intergovernmental organisation (codes IGO...)
  group      non-state, armed and non-governmental groups (MilNonState file, NGO...)
  actor      anything else (ministries, forces, companies, ...)

Safety filters (rows dropped from every derived table, see ``_unsafe``): phrases with
fewer than three letters (except ``un``, ``eu``, ``uk`` and dotted forms like ``u.s.``),
single words that are common English words or common given names (COMMON_WORDS,
GIVEN_NAMES below; a country's own name such as "chad", "jordan" or "turkey" is
protected), multi-word phrases made only of common words, and phrases that are generic
role words (they occur in the agents dictionary, e.g. "senate") but were tied to one
country.  Phrases listed under different countries in different Phoenix blocks are
dropped unless one of them is that country's own name; single-word person names used for
people of different countries ("hussein") are dropped.

Code mapping (GeoNames/mledoze use ISO 3166 alpha-3; we emit the codes the Phoenix
dictionaries use, see ``iso_to_code``):
  1. an ISO code Phoenix uses as a country code is kept: Phoenix already follows ISO for
     ROU (not the old CAMEO ROM), COD (not ZAR), SRB, MNE, PSE, DEU, ...;
  2. explicit differences: TLS -> TMP (Timor-Leste), XKX -> KSV (Kosovo);
  3. dependencies Phoenix codes as parent + territory, found by a Phoenix code ending in
     the ISO code (GRL -> DNKGRL, PRI -> USAPRI, GIB -> GBRGIB, FRO -> DNKFRO, ...);
  4. otherwise a territory whose name is the base phrase of a Phoenix block takes that
     block's code (IMN "Isle of Man" -> GBRIMY, MYT "Mayotte" -> FRA, BLM -> FRA);
  5. anything else keeps its ISO code (VAT, MAC, ESH, ...).
"""
from __future__ import annotations

import argparse
import dataclasses
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "src" / "newsevents" / "data" / "actors"

try:  # the parser lives in the package; make ``src`` importable when run from a checkout
    from newsevents.actors.dictionary import (ActorBlock, iter_actor_blocks, parse_agent_dictionary,
                                              parse_petrarch_date, pluralize_phrase)
    from newsevents.events.lexicon import tsv_rows
except ImportError:  # pragma: no cover - depends on how the script is started
    sys.path.insert(0, str(REPO / "src"))
    from newsevents.actors.dictionary import (ActorBlock, iter_actor_blocks, parse_agent_dictionary,
                                              parse_petrarch_date, pluralize_phrase)
    from newsevents.events.lexicon import tsv_rows

PHOENIX_FILES = {
    "countries": "actors/Phoenix.Countries.actors.txt",
    "international": "actors/Phoenix.International.actors.txt",
    "nonstate": "actors/Phoenix.MilNonState.actors.txt",
}
AGENTS_FILE = "actors/Phoenix.agents.txt"
COUNTRYINFO_FILE = "actors/CountryInfo.120116.txt"
GEONAMES_FILE = "geo/countryInfo.txt"
CITIES_FILE = "geo/cities15000.txt"
ADMIN1_FILE = "geo/admin1CodesASCII.txt"
MLEDOZE_FILE = "geo/countries.json"

ACTOR_COLUMNS = ["phrase", "code", "kind", "start", "end"]
AGENT_COLUMNS = ["phrase", "sectors", "plural"]
GEONAMES_COLUMNS = ["phrase", "code", "kind", "iso3", "name", "capital"]
ODBL_COLUMNS = ["phrase", "code", "kind"]
SEAT_COLUMNS = ["phrase", "code", "kind"]

# Cities that are their country's actors ("Russian forces shelled Kherson", "Southport police"):
# a GeoNames city that seats a government (the country's, or a first- or second-order
# division's: SEAT_FEATURES) and has at least CITY_MIN_POPULATION people, the size of an urban
# centre the EU-OECD definition calls a city. Until issue 14 only capitals came from GeoNames,
# so a city Phoenix does not list (Kherson, Zaporizhzhia, Southport) stood for no country.
# Other towns and suburbs of that size are left out: their names are as often a word, a
# district or a namesake elsewhere ("Forest" in Brussels, "Westminster" in Colorado). A name
# that seats of government in two countries share ("Durham"), that is a common word or a given
# name, or a word a locative phrase uses without naming a place (data/geo/not_places.txt),
# is left out too.
CITY_MIN_POPULATION = 50_000
SEAT_FEATURES = frozenset({"PPLC", "PPLA", "PPLA2"})
SPELLING_EDITS = 1
NOT_PLACES = REPO / "src" / "newsevents" / "data" / "geo" / "not_places.txt"

ISO_OVERRIDES = {"TLS": "TMP", "XKX": "KSV"}
# GeoNames rows for entities that no longer exist: their capitals belong to a successor
HISTORICAL_ISO = {"SCG", "ANT"}

AMBIGUOUS = "*"  # marks a phrase dropped as ambiguous, so later tables leave it out

# Short forms that are safe although they have fewer than three letters.
SHORT_OK = {"un", "eu", "uk"}
# Acronyms that are also English words: written in capitals, to be matched case-sensitively.
CASE_SENSITIVE = {"us"}

# Single words that must not be matched as actors on their own: function words and common
# English words that occur as place names or synonyms in the sources, plus generic
# geographic / political words.  (Kept deliberately small and reviewable.)
COMMON_WORDS = frozenset(
    """
    a about above across after again against all along also always am among an and another
    any are around as at away back be because been before behind being below between beyond
    both but by can could did do does doing done down during each either else ever every few
    first for from further had has have having he her here hers him his how i if in into is
    it its itself just last least less like many may me might more most much must my near
    never new next no nor not now of off old on once one only or other our ours out over own
    per same second shall she should since so some such than that the their them then there
    these they this those three through to too two under until up upon us very via was we
    were what when where which while who whom whose why will with within without would yet
    you your
    north south east west northern southern eastern western central middle upper lower
    great little big grand high low royal national federal united union state states
    republic kingdom empire capital city town village port fort mount saint san santa
    island islands isle bay gulf sea ocean coast river lake lakes mountain mountains valley
    hill hills desert plain plains falls cape point rock sound harbour harbor bridge
    territory territories province region district county land country nation world
    occupied free independent democratic people peoples popular
    organization organisation youth zero falcon tigers eagle lion lions wolves hope
    liberty unity justice freedom peace victory faith grace trust mercy glory crown
    diamond gold silver jade coral pearl ruby amber crystal orange lime olive
    bath reading mobile split nice male pole marches natal moron bale
    champagne burgundy chablis kiwi jersey buffalo phoenix providence paradise
    commerce enterprise progress harmony friendship concord independence temple
    general major sun star moon light fire water air earth wind
    order front movement party council assembly senate congress parliament government
    army navy police court cabinet ministry military forces force guard guards
    car let hum dawn saga tara nam ana erg sur fez brown black white green red blue
    park university college school garden centre center square street road station
    airport church canton cap eco jew machete yahweh hippo
    """.split()
)

# Given names that double as place names in the sources ("Vladimir", "Charlotte").
GIVEN_NAMES = frozenset(
    """
    vladimir lawrence orlando doris charlotte austin victoria hamilton douglas stanley
    jackson madison lincoln florence lorraine murray constantine farah takeo sabah rosario
    eugene columbus richmond eyal amit roma sian molotov mann lubavitch
    """.split()
)

# Demonyms that the suffix rule in ``_is_demonym`` cannot recognise.
IRREGULAR_DEMONYMS = frozenset(
    """
    french dutch greek thai swiss czech welsh british briton irish scottish scots scot
    english danish dane swedish swede finnish finn polish pole spanish spaniard flemish
    turkish turk afghan lao malagasy basotho mosotho batswana motswana swazi saudi slovak
    uzbek tajik tadzhik kazakh kazak kyrgyz kirghiz turkmen azeri filipino filipina
    kiwi aussie yankee magyar luxembourger monegasque hellenic argentine philippine somali
    emirati norwegian german dominican serb croat bosniak
    """.split()
)
_DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "an", "i", "er", "ite", "ot", "ar", "in", "ene")
_STRICT_DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "ot")
# Demonyms that also name the inhabitants as a noun, so take a plural ("iranians").
_NOUN_DEMONYM_SUFFIXES = ("an", "i", "er", "ot", "ar", "in", "ene", "ite")
_NOUN_DEMONYMS = frozenset(
    "greek thai czech slovak turk pole dane swede finn scot briton uzbek tajik kazakh afghan "
    "filipino filipina kiwi aussie yankee magyar swazi saudi spaniard".split()
)

ORG_WORDS = frozenset(
    "assembly party movement army front council congress parliament court brigade brigades "
    "committee union league organization organisation forces guard ministry kammer authority "
    "administration government regime junta cabinet police agency service bank company "
    "corporation association institute commission office department bureau".split()
)
GROUP_SECTORS = ("REB", "INS", "UAF", "OPP", "PTY", "RAD", "IMG")

# Seats of government used metonymically ("the Kremlin said").  Project-authored; written
# as seats.tsv by this script (edit here, not in the data folder).
SEATS = [
    ("the Kremlin", "RUSGOV"),
    ("Kremlin", "RUSGOV"),
    ("the White House", "USAGOV"),
    ("White House", "USAGOV"),
    ("the Pentagon", "USAMIL"),
    ("Pentagon", "USAMIL"),
    ("Foggy Bottom", "USAGOV"),
    ("Capitol Hill", "USALEG"),
    ("Downing Street", "GBRGOV"),
    ("Number 10 Downing Street", "GBRGOV"),
    ("Whitehall", "GBRGOV"),
    ("the Elysee", "FRAGOV"),
    ("the Élysée", "FRAGOV"),
    ("Elysee Palace", "FRAGOV"),
    ("Élysée Palace", "FRAGOV"),
    ("Quai d'Orsay", "FRAGOV"),
    ("Zhongnanhai", "CHNGOV"),
    ("the Blue House", "KORGOV"),
    ("Palazzo Chigi", "ITAGOV"),
    ("La Moncloa", "ESPGOV"),
    ("Casa Rosada", "ARGGOV"),
    ("Planalto Palace", "BRAGOV"),
    ("Aso Rock", "NGAGOV"),
    ("Malacanang Palace", "PHLGOV"),
    ("Malacañang Palace", "PHLGOV"),
]

# A few actors missing from the Phoenix dictionaries that are too prominent to leave out.
# Project-authored, shipped in actors.tsv (MIT like the rest of that table).
ACTOR_SUPPLEMENT = [
    ("eu", "IGOEUREEC", "igo"),
    ("european community", "IGOEUREEC", "igo"),  # the EU's earlier names
    ("european communities", "IGOEUREEC", "igo"),
    ("european economic community", "IGOEUREEC", "igo"),
    ("eec", "IGOEUREEC", "igo"),
    ("common market", "IGOEUREEC", "igo"),
    ("serb", "SRB", "adjective"),  # the noun demonym; Phoenix has only "serbian"
    ("serbs", "SRB", "country"),
    ("african union", "IGOAFR", "igo"),
    ("houthi", "YEMREB", "group"),
    ("houthis", "YEMREB", "group"),
    ("northern ireland", "GBR", "city"),  # a part of the UK; "Ireland" alone would make it IRL
    ("kampuchean", "KHM", "adjective"),  # Phoenix has the old name "kampuchea", not its demonym
]

# Phrases whose Phoenix reading news has since outgrown ("Ansar Allah" is now Yemen's Houthis):
# each row replaces every Phoenix row of its phrase. Data, kept with the tables it corrects.
CORRECTIONS_FILE = DEFAULT_OUT / "actor_corrections.tsv"
CORRECTION_COLUMNS = ("phrase", "code", "kind", "note")

# Country prefixes in Phoenix rows that are no CAMEO code (slips for the code on the right).
CODE_FIXES = {"ANG": "AGO"}

# Core role words missing from Phoenix.agents.txt.  Project-authored, in agents.tsv (other
# project-authored role words such as "official" live in the hand-written roles.tsv).
AGENT_SUPPLEMENT = [
    ("opposition", "OPP", False),
    ("protestor", "OPP", False),
    ("protestors", "OPP", True),
]


# ----------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Row:
    phrase: str  # lower-cased (or CASE_SENSITIVE upper) phrase
    code: str
    kind: str
    start: str = ""
    end: str = ""
    block: str = ""  # provenance id (file:line) used for conflict resolution only
    protected: bool = False  # the country's own name
    head: bool = False  # the base phrase of its dictionary block


def ascii_fold(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def norm_phrase(text: str) -> str:
    text = text.replace("’", "'").replace("_", " ")
    text = " ".join(text.split()).strip(" -,;:'\"")
    return text.lower()


def out_phrase(phrase: str) -> str:
    """Lower-case, except acronyms that are also English words: "the us" -> "the US"."""
    return " ".join(w.upper() if w in CASE_SENSITIVE else w for w in phrase.split())


def norm_code(code: str) -> str | None:
    """Keep CAMEO-shaped codes: 3-letter chunks (digits some NGO codes carry are removed)."""
    code = re.sub(r"\d+", "", code.upper())
    return code if re.fullmatch(r"(?:[A-Z]{3})+", code) else None


def letters(phrase: str) -> int:
    return sum(ch.isalpha() for ch in phrase)


def split_parenthetical(phrase: str) -> list[str]:
    """'china (prc)' -> ['china', 'prc']; short acronyms inside parentheses become aliases
    (3-5 characters: "(VENEZUELA)" after a group's name is a country, not an alias)."""
    inner = re.findall(r"\(([^()]*)\)", phrase)
    base = norm_phrase(re.sub(r"\([^()]*\)", " ", phrase).replace("(", " ").replace(")", " "))
    out = [base] if base else []
    for item in inner:
        item = item.strip()
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9.\-]{2,4}", item) and item.upper() == item:
            out.append(item.lower())
    return out


def _unsafe(phrase: str, protected: bool = False) -> bool:
    """True when a phrase is too short or too common to be matched as an actor."""
    if not phrase or not any(ch.isalpha() for ch in phrase):
        return True
    if protected or phrase in CASE_SENSITIVE:
        return False
    n = letters(phrase)
    if n < 3 and phrase not in SHORT_OK and not (n == 2 and "." in phrase):
        return True
    words = [w.strip(".,'") for w in phrase.split()]
    words = [w for w in words if w]
    if len(words) == 1:
        word = words[0]
        return word in COMMON_WORDS or word in GIVEN_NAMES
    return all(w in COMMON_WORDS and w not in CASE_SENSITIVE for w in words)


def _is_demonym(phrase: str, names: set[str]) -> bool:
    """Is ``phrase`` a demonym/adjective of the country whose name tokens are ``names``?

    The last word must be a known irregular form ("french", "dutch"), or carry a demonym
    suffix and extend a word of the country's name ("iranian" < "iran", "mexican" <
    "mexico", "norwegian" ~ "norway").  Misspelt country names ("azerbajan") are not.
    """
    last = phrase.split()[-1].strip("'")
    if "." in last:
        return False
    for tail in ("woman", "women", "man", "men"):  # englishman, dutchmen
        if last.endswith(tail) and len(last) > len(tail) + 2:
            stem = last[: -len(tail)]
            if stem in IRREGULAR_DEMONYMS or stem + "s" in IRREGULAR_DEMONYMS or _is_demonym(stem, names):
                return True
    if last in IRREGULAR_DEMONYMS:
        return True
    if last.endswith(("stan", "land")) or not last.endswith(_DEMONYM_SUFFIXES):
        return False
    for name in names:
        if len(name) < 3 or len(last) < len(name) or name == last:
            continue
        k = 0
        while k < len(name) and name[k] == last[k]:
            k += 1
        if k >= len(name) - 1 and len(last) > len(name):  # iran-ian, mexic(o)-an, pakistan-i
            return True
        if k >= 4 and last.endswith(_STRICT_DEMONYM_SUFFIXES):  # belgi(um)-an, leban(on)-ese
            return True
    return False


def demonym_plural(adjective: str) -> str | None:
    """'iranian' -> 'iranians'; None for forms without a regular noun plural (french)."""
    words = adjective.split()
    last = words[-1]
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("men") or last.endswith("s"):
        return None
    elif last in _NOUN_DEMONYMS or (
        last.endswith(_NOUN_DEMONYM_SUFFIXES) and not last.endswith(("ese", "ish", "ch"))
    ):
        plural = last + "s"
    else:
        return None
    return " ".join(words[:-1] + [plural])


def write_tsv(path: Path, columns: list[str], rows: list[tuple]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return len(rows)


# ----------------------------------------------------------------------------- GeoNames


def read_corrections(path: Path) -> list[tuple[str, str, str]]:
    """(phrase, code, kind) of each row of the corrections table, in table order."""
    rows = []
    for number, (phrase, code, kind, _note) in tsv_rows(path.read_text(encoding="utf-8"), path.name, CORRECTION_COLUMNS):
        if not phrase or norm_code(code) != code or not kind:
            raise ValueError(f"{path.name}:{number}: a correction needs a phrase, a CAMEO code and a kind")
        rows.append((phrase, code, kind))
    return rows


def read_geonames(path: Path) -> list[dict[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 6 or not re.fullmatch(r"[A-Z]{3}", cells[1]):
            continue
        rows.append({"iso2": cells[0], "iso3": cells[1], "name": cells[4].strip(), "capital": cells[5].strip()})
    return rows


def iso_to_code_map(iso_names: dict[str, set[str]], blocks: list[tuple[str, ActorBlock]]) -> dict[str, str]:
    """ISO alpha-3 -> the code the Phoenix dictionaries use (rules in the module docstring)."""
    country_codes: set[str] = set()
    all_codes: set[str] = set()
    heads: dict[str, str] = {}
    for source, block in blocks:
        for code, _start, _end in block.codes:
            all_codes.add(code)
            if source == "countries" and len(code) == 3:
                country_codes.add(code)
        if source == "countries" and block.codes:
            heads.setdefault(norm_phrase(block.phrases[0]), block.codes[0][0])
    mapping: dict[str, str] = {}
    for iso, names in sorted(iso_names.items()):
        if iso in country_codes:
            mapping[iso] = iso
        elif iso in ISO_OVERRIDES:
            mapping[iso] = ISO_OVERRIDES[iso]
        else:
            parent = sorted(c for c in all_codes if len(c) == 6 and c[3:] == iso and c[:3] in country_codes)
            named = [heads[n] for n in sorted(names) if n in heads]
            if parent:
                mapping[iso] = parent[0]
            elif named and norm_code(named[0]):
                mapping[iso] = named[0]
            else:
                mapping[iso] = iso
    return mapping


def read_places(shared: Path, iso2_to_code: dict[str, str]) -> dict[str, set[str]]:
    """Country code prefix -> lower-cased names of its cities (pop. >= 15,000) and provinces.

    Used only to tell Phoenix's city and province synonyms from other names of a country.
    """
    places: dict[str, set[str]] = defaultdict(set)
    cities = shared / CITIES_FILE
    if cities.exists():
        with cities.open(encoding="utf-8") as handle:
            for line in handle:
                cells = line.rstrip("\n").split("\t")
                if len(cells) > 8 and cells[8] in iso2_to_code:
                    prefix = iso2_to_code[cells[8]][:3]
                    places[prefix].add(norm_phrase(cells[1]))
                    places[prefix].add(norm_phrase(cells[2]))
    admin1 = shared / ADMIN1_FILE
    if admin1.exists():
        for line in admin1.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) > 2 and cells[0][:2] in iso2_to_code:
                prefix = iso2_to_code[cells[0][:2]][:3]
                places[prefix].add(norm_phrase(cells[1]))
                places[prefix].add(norm_phrase(cells[2]))
    return places


# ----------------------------------------------------------------------------- Phoenix


def load_phoenix(shared: Path) -> list[tuple[str, ActorBlock]]:
    blocks = []
    for source, rel in PHOENIX_FILES.items():
        for block in iter_actor_blocks(shared / rel):
            blocks.append((source, block))
    return blocks


SECTOR_LIKE = frozenset(
    """GOV MIL COP JUD LEG OPP REB BUS MED CVL REF IGO NGO ELI EDU HLH AGR LAB ENV SPY UAF
    CRM DEV HRI REL MOS CHR JEW BUD HIN SHI SUN PTY INS RAD MNC IMG OCC UNR AUT SEP JUS""".split()
)


def opens_with_article(phrase: str) -> bool:
    """Whether a phrase opens with "the", which a person's name never does: Phoenix dates the
    blocks of groups and administrations as it does offices ("the Islamic State", "the Bush
    administration"), so a dated block is a person's only when its phrase could be a name."""
    return phrase.lower().split()[:1] == ["the"]


def block_kind(source: str, block: ActorBlock, country_codes: set[str]) -> str:
    """Kind for the whole block; country blocks are refined per phrase later."""
    codes = [c for c, _s, _e in block.codes]
    first = codes[0]
    words = set(block.phrases[0].lower().split())  # the base phrase says what it is
    person = block.kind == "person" and not words & ORG_WORDS and not opens_with_article(block.phrases[0])
    if source == "nonstate":
        return "person" if person else "group"
    if source == "international":
        if person:
            return "person"
        if first.startswith("IGO"):
            return "igo"
        if first.startswith(("NGO", "NGM")):
            return "group"
        return "actor"
    if any(len(c) == 3 and c in country_codes for c in codes):
        return "country"
    if block.kind != "person" and any(
        len(c) == 6 and c[:3] in country_codes and c[3:] not in SECTOR_LIKE for c in codes
    ):
        return "country"  # dependencies: DNKGRL, USAPRI ...
    if person:
        return "person"
    if any(s in c[3:] for c in codes for s in GROUP_SECTORS):
        return "group"
    return "actor"


@dataclass
class Geo:
    """What GeoNames says about each Phoenix country code (prefix)."""

    names: dict[str, set[str]]  # code -> country names
    capitals: dict[str, set[str]]  # prefix -> capital names
    places: dict[str, set[str]]  # prefix -> city / province names


def phoenix_rows(blocks: list[tuple[str, ActorBlock]], country_codes: set[str], geo: Geo) -> list[Row]:
    rows: list[Row] = []
    for source, block in blocks:
        kind = block_kind(source, block, country_codes)
        codes = [(norm_code(c), s or "", e or "") for c, s, e in block.codes]
        codes = [c for c in codes if c[0]]
        if not codes:
            continue
        block_id = f"{source}:{block.line}"
        own_names: set[str] = set()
        name_tokens: set[str] = set()
        prefixes = {c[:3] for c, _s, _e in codes}
        if kind == "country":
            own_names.add(norm_phrase(block.phrases[0]))
            for code, _s, _e in codes:
                own_names |= geo.names.get(code, set())
            for name in own_names:
                name_tokens |= set(name.split())
        for index, raw in enumerate(block.phrases):
            for phrase in split_parenthetical(raw):
                row_kind = kind
                protected = kind == "country" and phrase in own_names
                if kind == "country" and not protected:
                    if any(phrase in geo.capitals.get(p, ()) for p in prefixes):
                        row_kind = "capital"
                    elif any(phrase in geo.places.get(p, ()) for p in prefixes):
                        row_kind = "city"
                    elif _is_demonym(phrase, name_tokens):
                        row_kind = "adjective"
                if row_kind == "person" and opens_with_article(phrase) and not set(phrase.split()) & ORG_WORDS:
                    # a block of a group and its leaders: the group's own names are no person's
                    # ("the Bush administration" is a president's government, read by its title)
                    row_kind = block_kind(source, dataclasses.replace(block, kind="actor"), country_codes)
                for code, start, end in codes:
                    rows.append(Row(phrase, code, row_kind, start, end, block_id, protected, index == 0))
    return rows


def add_demonym_plurals(rows: list[Row]) -> list[Row]:
    have = {(r.phrase, r.code[:3]) for r in rows}
    extra = []
    for r in rows:
        if r.kind != "adjective":
            continue
        plural = demonym_plural(r.phrase)
        if plural and (plural, r.code[:3]) not in have:
            have.add((plural, r.code[:3]))
            extra.append(Row(plural, r.code, "country", r.start, r.end, r.block + "+pl"))
    return rows + extra


def resolve_conflicts(rows: list[Row], agent_phrases: set[str], country_codes: set[str], report: dict) -> list[Row]:
    """Apply the safety filters and drop phrases claimed by different countries."""
    kept: list[Row] = []
    dropped: Counter = Counter()
    for r in rows:
        if _unsafe(r.phrase, r.protected):
            dropped["unsafe"] += 1
            continue
        if r.phrase in agent_phrases and r.code[:3] in country_codes and not r.protected:
            dropped["generic role word"] += 1
            continue
        kept.append(r)
    by_phrase: dict[str, list[Row]] = defaultdict(list)
    for r in kept:
        by_phrase[r.phrase].append(r)
    person_countries: dict[str, set[str]] = defaultdict(set)
    for r in kept:
        if r.kind == "person":
            for token in r.phrase.split():
                person_countries[token].add(r.code[:3])
    out: list[Row] = []
    for phrase, group in sorted(by_phrase.items()):
        if " " not in phrase and any(r.kind == "person" for r in group) and len(person_countries[phrase]) > 1:
            dropped["ambiguous surname"] += sum(r.kind == "person" for r in group)
            group = [r for r in group if r.kind != "person"]
            if not group:
                continue
        # Undated rows are what a phrase means by default; dated rows (offices, countries
        # that changed) are told apart by the date.  Blocks whose undated readings name
        # different countries make the phrase ambiguous ("korea", "national liberation army")
        undated: dict[str, set[str]] = defaultdict(set)
        for r in group:
            if not (r.start or r.end):
                undated[r.block.split("+")[0]].add(r.code[:3])
        if len(undated) > 1 and len(set.union(*undated.values())) > 1 and not set.intersection(*undated.values()):
            own = {r.block.split("+")[0] for r in group if r.protected}
            if own:  # the country's own name wins over a synonym elsewhere ("georgia")
                group = [r for r in group if r.block.split("+")[0] in own or r.start or r.end]
            else:
                dropped["ambiguous between countries"] += len(group)
                report.setdefault("ambiguous", {})[phrase] = sorted({r.code[:3] for r in group})
                continue
        out.extend(group)
    report["dropped"] = dict(dropped)
    return out


ACRONYM_SKIP = frozenset("of for and the in on to at de des la le du et".split())
ACRONYM_ORG_WORDS = frozenset(
    """organization organisation union community bank fund council agency association commission
    programme program court forum conference cooperation co-operation league treaty office
    federation secretariat tribunal""".split()
)


def successor_demonyms(rows: list[Row], report: dict) -> list[Row]:
    """A people's name whose every row has ended ("armenians": Soviet Armenia until 1991)
    while its adjective has an open row ("armenian": ARM since 1991) names that country now."""
    by_phrase: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_phrase[r.phrase].append(r)
    extra = []
    for phrase, group in by_phrase.items():
        if not phrase.endswith("s") or any(not r.end for r in group):
            continue
        current = [r for r in by_phrase.get(phrase[:-1], []) if r.kind == "adjective" and not r.end]
        if len(current) == 1:
            extra.append(Row(phrase, current[0].code, "country", current[0].start, "", f"successor:{phrase}"))
    report["successor demonyms"] = len(extra)
    return rows + extra


# A "-stan" country's people are named by the name's stem ("Kazakhstan": "Kazakh", "Uzbekistan":
# "Uzbek"), which the sources do not always list. Shorter stems are no demonym ("Pakistan":
# "Pak").
STAN_SUFFIXES = ("istan", "stan")
STAN_MIN_STEM = 5


def stan_demonyms(rows: list[Row], country_names: set[str], report: dict) -> list[Row]:
    """The stem of each one-word "-stan" country name as its adjective, and the stem's noun
    plural as its people ("kazakh", "kazakhs"), with the name's codes and dates, where no row
    has the phrase. country_names: the countries' standard (GeoNames) names: the sources'
    other spellings and other languages' names ("kazakstan", "yunanistan") give no stem."""
    have = {r.phrase for r in rows}
    extra = []
    for r in rows:
        if r.kind != "country" or r.phrase not in country_names or " " in r.phrase:
            continue
        suffix = next((s for s in STAN_SUFFIXES if r.phrase.endswith(s)), None)
        stem = r.phrase[: -len(suffix)] if suffix else ""
        if len(stem) < STAN_MIN_STEM:
            continue
        for phrase, kind in ((stem, "adjective"), (demonym_plural(stem), "country")):
            if phrase and phrase not in have:
                extra.append(Row(phrase, r.code, kind, r.start, r.end, f"stan:{r.phrase}"))
    report["-stan demonyms"] = len(extra)
    return rows + extra


def igo_acronyms(rows: list[Row], country_codes: set[str], report: dict) -> list[Row]:
    """Initialisms of IGO names ("osce", "oecd", "ebrd") that the sources lack.

    Only the base phrase of a block is used, when it has four to six content words
    including an organisation word (three-letter initialisms collide with too many other
    acronyms: IOC, ACA, USC); the initialism must be unambiguous (one code) and new.
    """
    have = {r.phrase for r in rows}
    candidates: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.kind != "igo" or not r.head or r.start or r.end:
            continue
        words = [w for w in re.split(r"[\s\-/]+", r.phrase) if w and w not in ACRONYM_SKIP]
        if (len(words) < 4 or not all(w[0].isalpha() for w in words)
                or not set(words) & ACRONYM_ORG_WORDS or "united nations" in r.phrase):
            continue
        acronym = "".join(w[0] for w in words)
        if 4 <= len(acronym) <= 6:
            candidates[acronym].add(r.code)
    extra = []
    for acronym, codes in sorted(candidates.items()):
        if (len(codes) == 1 and acronym not in have and acronym.upper() not in country_codes
                and not _unsafe(acronym)):
            extra.append(Row(acronym, next(iter(codes)), "igo", block=f"acronym:{acronym}"))
    report["igo acronyms"] = len(extra)
    return rows + extra


NAME_PARTICLES = frozenset("al el dos da de das do van von der bin ibn ben ould le la du di del".split())


def surname_forms(name: str) -> list[str]:
    """'robert gabriel mugabe' -> ['mugabe']; 'jose eduardo dos santos' -> ['dos santos']."""
    words = name.split()
    if len(words) < 2:
        return []
    last = words[-1]
    forms = []
    if len(words) >= 3 and words[-2] in NAME_PARTICLES:
        forms.append(words[-2] + " " + last)
    else:
        forms.append(last)
        for prefix in ("al-", "el-"):
            if last.startswith(prefix) and len(last) > len(prefix) + 3:
                forms.append(last[len(prefix):])
    return [f for f in forms if letters(f) >= 4]


def claimed_elsewhere(claimed: dict[str, set[str]], phrase: str, code: str) -> bool:
    """True when earlier tables give ``phrase`` only to other countries than ``code``'s."""
    owners = claimed.get(phrase)
    return bool(owners) and (AMBIGUOUS in owners or code[:3] not in owners)


def sort_actor_rows(rows: set[tuple[str, str, str, str, str]]) -> list[tuple[str, str, str, str, str]]:
    """Sort by phrase; for one phrase, dated codes (offices) before the undated default."""
    return sorted(rows, key=lambda r: (r[0], 0 if (r[3] or r[4]) else 1, r[1], r[3], r[4], r[2]))


# ----------------------------------------------------------------------------- tables


def build_agents(shared: Path) -> list[tuple]:
    entries = parse_agent_dictionary(shared / AGENTS_FILE)
    table: dict[str, tuple[str, bool]] = {}
    generated: dict[str, tuple[str, bool]] = {}
    previous = None
    for e in entries:
        code = norm_code(e.code)
        phrase = norm_phrase(e.phrase)
        # a regular plural the parser made from the entry just before it
        made = (previous is not None and e.plural and not previous.plural and previous.code == e.code
                and pluralize_phrase(previous.phrase) == e.phrase)
        previous = e
        if not (code and phrase and letters(phrase) >= 2):
            continue
        if made:
            generated[phrase] = (code, e.plural)
        else:  # PETRARCH semantics: a later definition of a phrase wins
            table[phrase] = (code, e.plural)
    for phrase, value in generated.items():  # written entries beat generated plurals
        table.setdefault(phrase, value)
    for phrase, code, plural in AGENT_SUPPLEMENT:
        table.setdefault(phrase, (code, plural))
    return sorted((p, c, int(pl)) for p, (c, pl) in table.items())


def read_city_names(shared: Path) -> dict[str, list[tuple[str, int]]]:
    """Lower-cased name -> (ISO2 country, population) of each GeoNames city that seats a
    government (SEAT_FEATURES, of any size), under its name, its ASCII name and those of the safe
    alternates the packaged gazetteer keeps (``build_geo._safe_alternates``) that are
    spellings of the same name ("Zaporizhzhia" for Zaporizhzhya, ``_spelling_of``); other
    alternates are other languages' or former names ("Alexandrovsk"), and often a person's."""
    if str(REPO / "scripts") not in sys.path:
        sys.path.insert(0, str(REPO / "scripts"))
    from build_geo import _safe_alternates, read_cities  # the gazetteer's own choice of names

    not_places = {line.strip().lower() for line in NOT_PLACES.read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#")}
    cities = read_cities(shared)
    taken = {p.name.lower() for p, _ in cities} | {n.lower() for p, _ in cities for n in p.names}
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for place, alternates in cities:
        if place.feature not in SEAT_FEATURES:
            continue
        spellings = [a for a in _safe_alternates(place, alternates, taken) if _spelling_of(a, place.name)]
        for name in {place.name, *place.names, *spellings}:
            for form in {norm_phrase(name), norm_phrase(ascii_fold(name))}:
                if form and form not in not_places:
                    found[form].append((place.country, place.population))
    return found


def _spelling_of(alternate: str, name: str) -> bool:
    """Whether ``alternate`` spells ``name`` another way: the same first letter and at most
    SPELLING_EDITS letter changed, added or dropped ("Zaporizhzhia", "Dnipropetrovs'k")."""
    a, b = ascii_fold(alternate).lower(), ascii_fold(name).lower()
    if not a or not b or a[0] != b[0] or abs(len(a) - len(b)) > SPELLING_EDITS:
        return False
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1] <= SPELLING_EDITS


def city_rows(cities: dict[str, list[tuple[str, int]]], geonames: list[dict[str, str]], mapping: dict[str, str],
              claimed: dict[str, set[str]], taken: set[str], person_words: set[str]) -> set[tuple]:
    """Rows of kind city for the large seats whose name points to one country and is no
    word of a person's name in the person tables ("Gary", "Davis" are people before towns)."""
    by_iso2 = {r["iso2"]: r for r in geonames}
    out: set[tuple] = set()
    for form, places in cities.items():
        countries = {iso2 for iso2, _population in places}
        if len(countries) != 1 or max(population for _iso2, population in places) < CITY_MIN_POPULATION \
                or form in taken or form in person_words or _unsafe(form):
            continue
        r = by_iso2.get(next(iter(countries)))
        if r is None or r["iso3"] in HISTORICAL_ISO:
            continue
        code = mapping.get(r["iso3"], r["iso3"])
        if claimed_elsewhere(claimed, form, code):
            continue  # Phoenix gives the name to another country or found it ambiguous
        out.add((form, code, "city", r["iso3"], "", ""))  # the country's name is on its own rows
    return out


def build_geonames(geonames: list[dict[str, str]], mapping: dict[str, str], claimed: dict[str, set[str]],
                   cities: dict[str, list[tuple[str, int]]] | None = None, person_words: set[str] | None = None) -> list[tuple]:
    """One row per phrase: country name, capital, large cities, and their ASCII forms."""
    capital_count = Counter(norm_phrase(r["capital"]) for r in geonames if r["capital"])
    out: set[tuple] = set()
    for r in geonames:
        code = mapping.get(r["iso3"], r["iso3"])
        name, capital = r["name"], r["capital"]
        cap_key = norm_phrase(capital)
        if cap_key and (
            (_unsafe(cap_key) and cap_key != norm_phrase(name))
            or (capital_count[cap_key] > 1 and r["iso3"] in HISTORICAL_ISO)
            or claimed_elsewhere(claimed, cap_key, code)  # Phoenix gives it to another country
        ):
            capital = ""  # ambiguous or common-word capital (Victoria, Douglas, The Valley)
        for value, kind in ((name, "country"), (capital, "capital")):
            if not value:
                continue
            for form in {norm_phrase(value), norm_phrase(ascii_fold(value))}:
                if kind == "capital" and form == norm_phrase(name):
                    continue  # city-states: the name row covers it
                out.add((form, code, kind, r["iso3"], name, capital))
    if cities:
        out |= city_rows(cities, geonames, mapping, claimed, {row[0] for row in out}, person_words or set())
    return sorted(out)


def build_odbl(shared: Path, mapping: dict[str, str], covered: set[tuple[str, str]], claimed: dict[str, set[str]]) -> list[tuple]:
    data = json.loads((shared / MLEDOZE_FILE).read_text(encoding="utf-8"))
    rows: dict[tuple[str, str], str] = {}
    for country in data:
        iso = country.get("cca3", "")
        if not re.fullmatch(r"[A-Z]{3}", iso or ""):
            continue
        code = mapping.get(iso, iso)
        names = [country.get("name", {}).get("common", ""), country.get("name", {}).get("official", "")]
        names += list(country.get("altSpellings", []))
        candidates: list[tuple[str, str]] = []
        for name in names:
            for form in {norm_phrase(name), norm_phrase(ascii_fold(name))}:
                candidates.append((form, "country"))
                # "the United States", "the Netherlands", "the UK": the article is part of
                # the usual form of plural and "kingdom/republic" names
                if not form.startswith("the ") and (
                    form in SHORT_OK or form.endswith(("s", "kingdom", "republic", "emirates"))
                ):
                    candidates.append(("the " + form, "country"))
        eng = country.get("demonyms", {}).get("eng", {})
        demonyms = {eng.get("m", ""), eng.get("f", "")}
        demonyms = {d.strip() for value in demonyms for d in re.split(r",|\band\b", value) if d.strip()}
        for demonym in demonyms:
            for form in {norm_phrase(demonym), norm_phrase(ascii_fold(demonym))}:
                if not form:
                    continue
                candidates.append((form, "adjective"))
                plural = demonym_plural(form)
                if plural:
                    candidates.append((plural, "country"))
        for phrase, kind in candidates:
            is_two_letter_code = re.fullmatch(r"[a-z]{2}", phrase) is not None and phrase not in SHORT_OK
            if not phrase or is_two_letter_code or _unsafe(phrase):
                continue
            if (phrase, code[:3]) in covered:
                continue
            if claimed_elsewhere(claimed, phrase, code):  # a table above gives it elsewhere
                continue
            key = (phrase, code)
            if key not in rows or (rows[key] == "country" and kind == "adjective"):
                rows[key] = kind
    return sorted((p, c, k) for (p, c), k in rows.items())


# CountryInfo sections that name the country itself, and the kind their entries get
_CI_SECTIONS = {"Nationality": "adjective", "Capital": "capital", "MajorCities": "city"}


def build_countryinfo(shared: Path, mapping: dict[str, str], covered: set[tuple[str, str]],
                      claimed: dict[str, set[str]], country_codes: set[str],
                      first_names: set[str] = frozenset()) -> list[tuple]:
    """Names from CountryInfo.120116.txt that no other table has.

    Phoenix.Countries was generated from a later CountryInfo, so only the difference is
    kept (nationality forms, capitals and major cities the later file lost).  Leaders and
    Government are left out: Phoenix carries the newer, dated version of them.
    """
    raw = (shared / COUNTRYINFO_FILE).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    out: dict[tuple[str, str], str] = {}
    for chunk in re.findall(r"<Country>\s*(<CountryCode>.*?)</Country>", text, flags=re.S):
        code_match = re.search(r"<CountryCode>\s*([A-Z]{3})\s*</CountryCode>", chunk)
        name_match = re.search(r"<CountryName>(.*?)</CountryName>", chunk)
        if not code_match:
            continue
        iso = code_match.group(1)
        code = mapping.get(iso, iso)
        if code[:3] not in country_codes:
            continue
        name = norm_phrase(name_match.group(1)) if name_match else ""
        name_tokens = set(name.split())
        for section, kind in _CI_SECTIONS.items():
            body = re.search(rf"<{section}>(.*?)</{section}>", chunk, flags=re.S)
            if not body:
                continue
            for line in body.group(1).splitlines():
                line = line.split("#", 1)[0].strip()
                if not line or line.startswith("<"):
                    continue
                for phrase in split_parenthetical(norm_phrase(line)):
                    row_kind = kind
                    if kind == "adjective":  # Nationality also lists other names
                        row_kind = "adjective" if _is_demonym(phrase, name_tokens) else "country"
                    if _unsafe(phrase) or "\ufffd" in phrase or (phrase, code[:3]) in covered:
                        continue
                    if claimed_elsewhere(claimed, phrase, code):
                        continue
                    out.setdefault((phrase, code), row_kind)
    # a phrase listed for two countries (e.g. "korea") is ambiguous here as well
    per_phrase = Counter(p for p, _c in out)
    out = {k: v for k, v in out.items() if per_phrase[k[0]] == 1}
    rows = [(p, c, k, "", "") for (p, c), k in out.items()]
    return sorted(rows + countryinfo_leader_surnames(text, mapping, covered, claimed, country_codes, first_names))


_CI_TERM = re.compile(r"\[\s*(?:(\d{8})\s*-\s*(\d{8})|>\s*(\d{8})|<\s*(\d{8}))\s*\]")


def countryinfo_leader_surnames(text: str, mapping: dict[str, str], covered: set[tuple[str, str]],
                                claimed: dict[str, set[str]], country_codes: set[str],
                                first_names: set[str] = frozenset()) -> list[tuple]:
    """Surnames of heads of state and government (<Leaders>) with their terms in office.

    "President Mugabe" names a leader by title and surname, while the dictionaries list
    full names.  Each surname gets ``<country>GOV`` for each term only (no undated
    default: a bare surname is too weak a clue outside the term).  Left out: surnames of
    leaders of different countries, words that are also given names (``first_names``,
    "Arthur", "Abdallah"), common words, and phrases another table already has.
    """
    terms: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for chunk in re.findall(r"<Country>\s*(<CountryCode>.*?)</Country>", text, flags=re.S):
        code_match = re.search(r"<CountryCode>\s*([A-Z]{3})\s*</CountryCode>", chunk)
        leaders = re.search(r"<Leaders>(.*?)</Leaders>", chunk, flags=re.S)
        if not code_match or not leaders:
            continue
        country = mapping.get(code_match.group(1), code_match.group(1))[:3]
        if country not in country_codes:
            continue
        for line in leaders.group(1).splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("<"):
                continue
            names_part = line.split("[", 1)[0]
            names = re.findall(r"\{([^{}]*)\}", names_part) or [names_part]
            for term in _CI_TERM.finditer(line):
                a, b, after, before = term.groups()
                start = parse_petrarch_date(a or after or "") or ""
                end = parse_petrarch_date(b or before or "") or ""
                for name in names:
                    for surname in surname_forms(norm_phrase(name)):
                        terms[surname].add((country, start, end))
    out = []
    for surname, spells in sorted(terms.items()):
        countries = {c for c, _s, _e in spells}
        if len(countries) != 1 or _unsafe(surname) or surname.split()[-1] in first_names:
            continue
        (country,) = countries
        if (surname, country) in covered or claimed_elsewhere(claimed, surname, country):
            continue
        for _country, start, end in sorted(spells):
            if start or end:
                out.append((surname, country + "GOV", "person", start, end))
    return out


def given_names(blocks: list[tuple[str, ActorBlock]]) -> set[str]:
    """Words that open the names of at least two people in the Phoenix dictionaries."""
    counts: Counter = Counter()
    for _source, block in blocks:
        if block.kind != "person":
            continue
        firsts = {norm_phrase(p).split()[0] for p in block.phrases if len(p.split()) >= 2}
        counts.update(firsts)
    return {word for word, n in counts.items() if n >= 2}


# ----------------------------------------------------------------------------- build


def build(shared_dir: Path | str = DEFAULT_SHARED, out_dir: Path | str = DEFAULT_OUT) -> dict[str, int]:
    """Build every table from ``shared_dir`` into ``out_dir``; return rows per table."""
    shared, out = Path(shared_dir), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report: dict = {}

    blocks = load_phoenix(shared)
    country_codes = {c for s, b in blocks if s == "countries" for c, _x, _y in b.codes if len(c) == 3}
    country_codes -= {"IGO", "NGO", "NGM", "IMG", "MNC"}

    geonames = read_geonames(shared / GEONAMES_FILE)
    iso_names: dict[str, set[str]] = defaultdict(set)
    for g in geonames:
        iso_names[g["iso3"]].add(norm_phrase(g["name"]))
    mapping = iso_to_code_map(iso_names, blocks)
    geo = Geo(defaultdict(set), defaultdict(set), read_places(shared, {g["iso2"]: mapping[g["iso3"]] for g in geonames}))
    for g in geonames:
        code = mapping[g["iso3"]]
        geo.names[code].add(norm_phrase(g["name"]))
        if g["capital"]:
            geo.capitals[code[:3]] |= {norm_phrase(g["capital"]), norm_phrase(ascii_fold(g["capital"]))}

    agents = build_agents(shared)
    agent_phrases = {a[0] for a in agents}

    rows = phoenix_rows(blocks, country_codes, geo)
    rows = add_demonym_plurals(rows)
    rows += [Row(p, c, k, block=f"supplement:{i}") for i, (p, c, k) in enumerate(ACTOR_SUPPLEMENT)]
    corrections = read_corrections(CORRECTIONS_FILE)
    corrected = {p for p, _c, _k in corrections}
    rows = [r for r in rows if r.phrase not in corrected]
    rows += [Row(p, c, k, block=f"correction:{i}") for i, (p, c, k) in enumerate(corrections)]
    rows = [dataclasses.replace(r, code=CODE_FIXES[r.code[:3]] + r.code[3:]) if r.code[:3] in CODE_FIXES else r
            for r in rows]
    rows = successor_demonyms(rows, report)
    rows = stan_demonyms(rows, {name for names in geo.names.values() for name in names}, report)
    rows = igo_acronyms(rows, country_codes, report)
    rows = resolve_conflicts(rows, agent_phrases, country_codes, report)
    actor_rows = sort_actor_rows({(out_phrase(r.phrase), r.code, r.kind, r.start, r.end) for r in rows})

    # phrases each earlier table covers, and which countries claim them
    covered: set[tuple[str, str]] = set()
    claimed: dict[str, set[str]] = defaultdict(set)

    def cover(phrase: str, code: str) -> None:
        covered.add((phrase.lower(), code[:3]))
        claimed[phrase.lower()].add(code[:3])

    for phrase, code, *_rest in actor_rows:
        cover(phrase, code)
    for phrase in report.get("ambiguous", {}):
        claimed[phrase].add(AMBIGUOUS)  # later tables must not bring them back
    # Words of people's names ("Gary", "Chelsea", "Warren") are people before towns.
    person_words = {phrase.split()[-1] for phrase, _code, kind, *_rest in actor_rows if kind == "person"}
    person_words |= given_names(blocks)
    geo_rows = build_geonames(geonames, mapping, claimed, read_city_names(shared), person_words)
    for phrase, code, kind, *_rest in geo_rows:
        if kind != "city":  # a city yields its name to a later table's country or person
            cover(phrase, code)
    odbl_rows = build_odbl(shared, mapping, covered, claimed)
    for phrase, code, _kind in odbl_rows:
        cover(phrase, code)
    ci_rows = build_countryinfo(shared, mapping, covered, claimed, country_codes, given_names(blocks))

    seat_rows = sorted({(phrase, code, "seat") for phrase, code in SEATS})
    counts = {
        "actors.tsv": write_tsv(out / "actors.tsv", ACTOR_COLUMNS, actor_rows),
        "agents.tsv": write_tsv(out / "agents.tsv", AGENT_COLUMNS, agents),
        "geonames_countries.tsv": write_tsv(out / "geonames_countries.tsv", GEONAMES_COLUMNS, geo_rows),
        "countries_odbl.tsv": write_tsv(out / "countries_odbl.tsv", ODBL_COLUMNS, odbl_rows),
        "countryinfo_ccbysa.tsv": write_tsv(out / "countryinfo_ccbysa.tsv", ACTOR_COLUMNS, ci_rows),
        "seats.tsv": write_tsv(out / "seats.tsv", SEAT_COLUMNS, seat_rows),
    }
    report["mapping"] = {iso: code for iso, code in mapping.items() if iso != code}
    build.report = report  # type: ignore[attr-defined]  # for interactive inspection
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    if not (args.shared / PHOENIX_FILES["countries"]).exists():
        parser.error(f"no Phoenix dictionaries under {args.shared}")
    counts = build(args.shared, args.out)
    width = max(len(name) for name in counts)
    for name, n in counts.items():
        print(f"{name:<{width}}  {n:>7} rows")
    report = getattr(build, "report", {})
    if report.get("dropped"):
        print("actors.tsv filtered:", ", ".join(f"{k} {v}" for k, v in sorted(report["dropped"].items())))
    if report.get("mapping"):
        print("ISO -> Phoenix codes:", " ".join(f"{k}>{v}" for k, v in sorted(report["mapping"].items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
