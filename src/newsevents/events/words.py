"""The word sets the event extractor consults (light verbs, time words, modals, ...).

They are data, kept in ``data/lexicon/words.tsv`` beside the lexicon, and read once: the
extractor's rules name a set, the words live in the file.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

from .lexicon import tsv_rows

WORDS_HEADER = ("set", "words", "note")
PAIR_SEPARATOR = "+"


@lru_cache(maxsize=1)
def word_sets() -> Mapping[str, frozenset[str]]:
    """Every set of words.tsv by name."""
    return read_word_sets((files("newsevents") / "data" / "lexicon" / "words.tsv").read_text(encoding="utf-8"), "words.tsv")


def read_word_sets(text: str, file_name: str) -> Mapping[str, frozenset[str]]:
    """The sets of a word-set table (columns set, words, note; words '|'-separated) by name.

    text: the table's text; file_name: its name, for error messages.
    """
    sets: dict[str, frozenset[str]] = {}
    for number, (name, words, _note) in tsv_rows(text, file_name, WORDS_HEADER):
        if name in sets:
            raise ValueError(f"{file_name}:{number}: set {name!r} defined twice")
        sets[name] = frozenset(word for word in words.split("|") if word)
    return MappingProxyType(sets)


def words(name: str) -> frozenset[str]:
    """One set of words; a missing set is a packaging error, reported by name."""
    try:
        return word_sets()[name]
    except KeyError:
        raise KeyError(f"words.tsv has no set {name!r}") from None


def word_pairs(name: str) -> frozenset[tuple[str, str]]:
    """A set of ``first+second`` pairs ("responsible+for")."""
    return frozenset(tuple(item.split(PAIR_SEPARATOR, 1)) for item in words(name))  # type: ignore[misc]
