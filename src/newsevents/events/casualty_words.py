"""The words the casualty reader reads, from ``data/lexicon/casualties.tsv`` (issue 15 item 7).

Numbers, vague quantities and qualifiers, the words that say what happened to the people
counted, and the closed sets the reader consults (auxiliaries, tolls, participles, ...): the
file's header comment says what each kind of row is.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..model import CASUALTY_KINDS
from .lexicon import tsv_rows

__all__ = ["CasualtyWords", "casualty_words", "read_casualty_words"]

HEADER = ("kind", "phrase", "min", "max", "note")


@dataclass(frozen=True)
class CasualtyWords:
    numbers: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[tuple[str, ...], tuple[int, int | None]]
    qualifiers: dict[tuple[str, ...], tuple[str, str]]
    kinds: dict[str, str]
    passive: frozenset[str]
    tolls: frozenset[str]
    units: frozenset[str]
    toll_verbs: frozenset[str]
    participles: frozenset[str]
    bodies: frozenset[str]
    body_verbs: frozenset[str]
    ordinals: frozenset[str]
    links: frozenset[str]
    collectives: frozenset[str]
    intransitive: frozenset[str]
    particles: frozenset[str]
    deaths: frozenset[str]
    number_nouns: frozenset[str]
    subsets: frozenset[str]
    apart: frozenset[str]
    pronouns: frozenset[str]


@lru_cache(maxsize=1)
def casualty_words() -> CasualtyWords:
    text = (files("newsevents") / "data" / "lexicon" / "casualties.tsv").read_text(encoding="utf-8")
    return read_casualty_words(text, "casualties.tsv")


def read_casualty_words(text: str, file_name: str) -> CasualtyWords:
    """The tables of a casualties.tsv file (see the file's header comment).

    text: its text; file_name: its name, for error messages.
    """
    numbers: dict[str, int] = {}
    multipliers: dict[str, int] = {}
    vague: dict[tuple[str, ...], tuple[int, int | None]] = {}
    qualifiers: dict[tuple[str, ...], tuple[str, str]] = {}
    kinds: dict[str, str] = {}
    sets: dict[str, set[str]] = {"passive": set(), "toll": set(), "unit": set(), "toll_verb": set(), "participle": set(),
                            "body": set(), "body_verb": set(), "ordinal": set(), "link": set(), "collective": set(),
                            "intransitive": set(), "particle": set(), "death": set(), "number_noun": set(),
                            "subset": set(), "apart": set(), "pronoun": set()}
    for number, (kind, phrase, low, high, _note) in tsv_rows(text, file_name, HEADER):
        if kind == "number":
            numbers[phrase] = int(low)
        elif kind == "multiplier":
            multipliers[phrase] = int(low)
        elif kind == "vague":
            vague[tuple(phrase.split())] = (int(low), int(high) if high else None)
        elif kind == "qualifier":
            qualifiers[tuple(phrase.split())] = (low, high)
        elif kind in CASUALTY_KINDS:
            kinds[phrase] = kind
        elif kind in sets:
            sets[kind].add(phrase)
        else:
            raise ValueError(f"{file_name}:{number}: unknown kind {kind!r}")
    return CasualtyWords(numbers, multipliers, vague, qualifiers, kinds, frozenset(sets["passive"]),
                  frozenset(sets["toll"]), frozenset(sets["unit"]), frozenset(sets["toll_verb"]),
                  frozenset(sets["participle"]), frozenset(sets["body"]), frozenset(sets["body_verb"]),
                  frozenset(sets["ordinal"]), frozenset(sets["link"]), frozenset(sets["collective"]),
                  frozenset(sets["intransitive"]), frozenset(sets["particle"]),
                         frozenset(sets["death"]), frozenset(sets["number_noun"]), frozenset(sets["subset"]),
                         frozenset(sets["apart"]), frozenset(sets["pronoun"]))
