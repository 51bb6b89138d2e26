"""Actor knowledge: phrase indexes over the packaged tables and any user dictionaries.

Phrases are tokenised with spaCy's English tokenizer, so that an index key lines up with the
tokens of a parsed sentence ("Iraq's" is two tokens in both).
"""
from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import spacy

from ..events.words import read_word_sets
from .dictionary import parse_actor_dictionary, parse_agent_dictionary
from .leaders import LEADERS_TABLE, leader_phrases, packaged_leaders

# Packaged actor tables, each under its own licence (see NOTICE); columns phrase, code, kind,
# start, end (missing columns are empty).
ACTOR_TABLES = ("actors.tsv", "geonames_countries.tsv", "countries_odbl.tsv", "countryinfo_ccbysa.tsv", "seats.tsv",
                "agencies.tsv", "armed_groups.tsv", "international_bodies.tsv")
AGENT_TABLES = ("agents.tsv", "roles.tsv")
ROLES_TABLE = "roles.tsv"

HYPHENS = frozenset({"-", "–", "‐"})
# Longest phrase, in tokens, that the index looks for; longer dictionary phrases are skipped.
MAX_PHRASE_TOKENS = 8

# Codes that stand for a kind of group rather than a country when they open an actor code.
GROUP_PREFIXES = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UAF", "REB", "INS", "SEP", "OPP"})


@dataclass(frozen=True, slots=True)
class ActorFact:
    """What a phrase means as an actor: a code, its kind, and a validity range for offices."""

    code: str
    kind: str
    start: str | None = None
    end: str | None = None
    source: str = ""
    # A short name (leaders.tsv's "alone": "Erdogan") that is the person only where it stands
    # for them by itself: not after another name ("Hunter Biden"), not naming a thing.
    alone: bool = False

    def valid_on(self, date: str | None) -> bool:
        """True when the fact holds on ``date`` (ISO); undated facts always hold."""
        if date is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class AgentFact:
    """What a role word means: one or more sector codes."""

    sectors: tuple[str, ...]
    source: str = ""


@dataclass
class PhraseIndex:
    """Token-sequence index: lower-cased token tuples to the facts they stand for."""

    entries: dict[tuple[str, ...], list[object]] = field(default_factory=lambda: defaultdict(list))
    max_len: int = 0

    def add(self, tokens: tuple[str, ...], fact: object) -> None:
        if not tokens or len(tokens) > MAX_PHRASE_TOKENS:
            return
        bucket = self.entries[tokens]
        if fact not in bucket:
            bucket.append(fact)
        self.max_len = max(self.max_len, len(tokens))

    def remove_phrases(self, keys: Iterable[tuple[str, ...]]) -> None:
        for key in keys:
            self.entries.pop(key, None)

    def matches(self, words: Sequence[str]) -> Iterator[tuple[int, int, list[object]]]:
        """Yield (start, end, facts) for non-overlapping matches, longest first, left to right."""
        n, start = len(words), 0
        while start < n:
            for length in range(min(self.max_len, n - start), 0, -1):
                facts = self.entries.get(tuple(words[start:start + length]))
                if facts:
                    yield start, start + length, facts
                    start += length
                    break
            else:
                start += 1


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    return spacy.blank("en").tokenizer


def phrase_tokens(phrases: Sequence[str]) -> list[tuple[str, ...]]:
    """Tokenise phrases the way spaCy tokenises sentences; keys are lower-cased.

    The tokenizer's special cases are case-sensitive ("U.S." is one token, "u.s." two), and the
    tables keep phrases lower-cased, so each phrase is tokenised in capitals when that gives
    fewer tokens: the form in which such abbreviations appear in news. Titles abbreviated before a
    name are special cases in title case only ("Sen.", "Gov.": one token; "SEN." two)."""
    tokenizer = _tokenizer()
    forms = [[match_words(doc) for doc in tokenizer.pipe(variant, batch_size=2000)]
             for variant in (phrases, [p.upper() for p in phrases], [p.title() for p in phrases])]
    return [min(keys, key=len) for keys in zip(*forms)]


def match_words(tokens: Iterable[Any]) -> tuple[str, ...]:
    """The words a phrase is matched on: lower-cased, hyphens left out, so that "al-Bashir"
    in a text and "AL_BASHIR" in a dictionary meet."""
    return tuple(t.lower_ for t in tokens if t.text not in HYPHENS)


def read_actor_table(name: str) -> list[dict[str, str]]:
    """The rows of a tab-separated table in data/actors (lines starting with "#" skipped), or none."""
    path = files("newsevents") / "data" / "actors" / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        rows = (line for line in handle if not line.startswith("#"))
        return [row for row in csv.DictReader(rows, delimiter="\t")]


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None


@lru_cache(maxsize=1)
def _role_head_sets() -> dict[str, frozenset[str]]:
    path = files("newsevents") / "data" / "actors" / "role_heads.tsv"
    return read_word_sets(path.read_text(encoding="utf-8"), "role_heads.tsv")


def head_only_roles() -> frozenset[str]:
    """Role words that are roles only as their phrase's head ("Iraqi towns", not "village
    officials"): role_heads.tsv."""
    return _role_head_sets()["head_only"]


def foreign_modifiers() -> frozenset[str]:
    """Modifiers that say a role is of another country than its text's ("Western hostages",
    "foreign workers"): role_heads.tsv."""
    return _role_head_sets()["foreign_modifiers"]


def person_title_roles() -> frozenset[str]:
    """Role words that are roles as their phrase's head or as a title before a person the
    tables know ("the general", "General Michel Aoun"; not "a general strike"): role_heads.tsv."""
    return _role_head_sets()["head_or_person_title"]


def language_heads() -> frozenset[str]:
    """Words after which a demonym names a language ("the Russian language", "Russian-language
    media"): role_heads.tsv."""
    return _role_head_sets()["language_heads"]


def country_bound_roles() -> frozenset[str]:
    """Role words that name a state's actor only where their phrase names the state ("Syrian
    officers", not "officers arrested him" nor "officers in Leeds"): role_heads.tsv."""
    return _role_head_sets()["with_country"]


def company_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Possessed nouns, modified nouns and name endings that make an unknown name a company
    ("WeWork's founder", "a WeWork spokesperson", "SoftBank Group Corp"): role_heads.tsv."""
    sets = _role_head_sets()
    return sets["company_possessions"], sets["company_compounds"], sets["company_suffixes"]


def sectors_table() -> frozenset[str]:
    """The CAMEO sector codes that may follow a country or group code."""
    return frozenset(row["code"] for row in read_actor_table("sectors.tsv"))


@lru_cache(maxsize=1)
def sector_aliases() -> dict[str, str]:
    """Sector codes the dictionaries spell otherwise, to CAMEO's code (sector_aliases.tsv)."""
    return {row["alias"]: row["code"] for row in read_actor_table("sector_aliases.tsv")}


def cameo_code(code: str) -> str:
    """An actor code with its sector parts in CAMEO's spelling (IMGMUSALQ is IMGMOSALQ). The
    first part is a country or group and is kept: as a country, MUS is Mauritius."""
    aliases = sector_aliases()
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    return "".join(parts[:1] + [aliases.get(part, part) for part in parts[1:]])


@dataclass
class Knowledge:
    """Everything the actor stage knows: actor phrases, role words, sector codes."""

    actors: PhraseIndex
    agents: PhraseIndex
    sectors: frozenset[str]

    def split_code(self, code: str) -> tuple[str | None, list[str]]:
        """Split an actor code into (country or None, sectors): IRNGOV -> (IRN, [GOV])."""
        chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
        if not chunks:
            return None, []
        head, rest = chunks[0], chunks[1:]
        country = None if head in GROUP_PREFIXES or head in self.sectors else head
        sectors = [c for c in ([head] if country is None and head in self.sectors else []) + rest if c in self.sectors]
        return country, sectors


def load_knowledge(actor_files: Sequence[str | Path] = (), agent_files: Sequence[str | Path] = (),
                   *, replace: bool = False) -> Knowledge:
    """Build the actor knowledge from the packaged tables plus user PETRARCH dictionaries.

    actor_files, agent_files: PETRARCH-format dictionaries (``--actors``/``--agents``).
    replace: use only the user dictionaries for the kinds given, not the packaged tables.
    """
    if not actor_files and not agent_files and not replace:
        return _builtin_knowledge()
    actors, agents = PhraseIndex(), PhraseIndex()
    if not (replace and actor_files):
        _add_builtin_actors(actors)
    if not (replace and agent_files):
        _add_builtin_agents(agents)
    for path in actor_files:
        entries = parse_actor_dictionary(str(path))
        facts = [ActorFact(cameo_code(e.code), e.kind, e.start, e.end, source=Path(path).name) for e in entries]
        _add_all(actors, [e.phrase for e in entries], facts, override=True)
    for path in agent_files:
        entries = parse_agent_dictionary(str(path))
        facts = [AgentFact(_chunks(e.code), source=Path(path).name) for e in entries]
        _add_all(agents, [e.phrase for e in entries], facts, override=True)
    return Knowledge(actors=actors, agents=agents, sectors=sectors_table())


@lru_cache(maxsize=1)
def _builtin_knowledge() -> Knowledge:
    actors, agents = PhraseIndex(), PhraseIndex()
    _add_builtin_actors(actors)
    _add_builtin_agents(agents)
    return Knowledge(actors=actors, agents=agents, sectors=sectors_table())


def _chunks(code: str) -> tuple[str, ...]:
    code = code.strip().strip("~")
    aliases = sector_aliases()
    return tuple(aliases.get(code[i:i + 3], code[i:i + 3]) for i in range(0, len(code), 3) if len(code[i:i + 3]) == 3)


def _add_builtin_actors(index: PhraseIndex) -> None:
    for table in ACTOR_TABLES:
        rows = read_actor_table(table)
        facts = [ActorFact(cameo_code(row["code"]), row.get("kind") or "actor", _clean(row.get("start")), _clean(row.get("end")), source=table)
                 for row in rows]
        _add_all(index, [row["phrase"] for row in rows], facts)
    # Our leaders table replaces the Phoenix records of the same names, whose offices end
    # about 2016 or never ("angela merkel" DEUGOV from 2005, open).
    phrases = list(leader_phrases(packaged_leaders()))
    facts = [ActorFact(cameo_code(office.code), "person", office.start, office.end, source=LEADERS_TABLE, alone=alone)
             for _phrase, office, alone in phrases]
    _add_all(index, [phrase for phrase, _office, _alone in phrases], facts, override=True)


def _add_builtin_agents(index: PhraseIndex) -> None:
    for table in AGENT_TABLES:
        rows = read_actor_table(table)
        facts = [AgentFact(_chunks(row["sectors"]), source=table) for row in rows]
        # Our own role table corrects Phoenix's where both list a phrase ("people" is CVL).
        _add_all(index, [row["phrase"] for row in rows], facts, override=table == ROLES_TABLE)


def _add_all(index: PhraseIndex, phrases: list[str], facts: Sequence[object], *, override: bool = False) -> None:
    keys = phrase_tokens(phrases)
    if override:
        # A user dictionary's meaning of a phrase replaces the packaged one.
        index.remove_phrases(set(keys))
    for key, fact in zip(keys, facts):
        index.add(key, fact)
