"""Counts of people as the wire writes them (issue 15 item 7): "12", "two hundred and fifty",
"at least 20", "dozens of", "between 10 and 12", "a policeman", "the suspect", "his two sons".

``quantity`` reads the count that starts at a token of a lower-cased, tokenised sentence; the
casualty reader (``casualties``) decides which count belongs to which word of harm.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .casualty_words import CasualtyWords

__all__ = ["BACKWARD_REACH", "BREAK_WORDS", "Count", "DEFINITES", "NOT_ONE", "SINGULAR_AUXILIARIES", "is_word",
           "lone_one", "noun_words", "quantity"]

NUMERAL_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# Words that may stand between a count and the word that says what happened to it: "12
# people", "three of the soldiers", "two police officers". A count further off is not its count.
BACKWARD_REACH = 6
# Words that end the phrase of a count: another clause or a place or time.
BREAK_WORDS = frozenset({"and", "or", "but", "while", "as", "after", "before", "when", "who", "which", "that",
                         "in", "on", "at", "with", "by", "including", "since", "during", "from", "to"})
# "a number of", "a total of", "a series of": "a" that counts no one.
NOT_ONE = frozenset({"number", "total", "lot", "series", "group", "crowd", "further", "few", "handful", "couple",
                     "dozen"})
# "a village chief and his two sons", "a woman and her daughter": an owner before a count or a
# noun of one person.
POSSESSIVES = frozenset({"his", "her", "their", "its"})
# Words before a noun that make it one person, as "a" does ("the suspect was arrested", "her son
# was killed"), or that are one by themselves ("another was hurt").
DEFINITES = frozenset({"the"}) | POSSESSIVES
ONE_WORDS = frozenset({"a", "an", "another"}) | DEFINITES
# Prepositions that end the noun after "the" or "his" where the clause words do not: "the head
# of the gang", "jailed the opposition leader for five years".
NOUN_PHRASE_ENDS = frozenset({"of", "for", "over", "after", "near", "outside", "inside", "against", "under", "amid",
                              "without", "into", "across", "through"})
SINGULAR_AUXILIARIES = frozenset({"was", "is", "has", "had", "been", "got"})
# Four-digit numbers in this range after "in"/"since" are years, not counts.
YEAR_RANGE = range(1900, 2100)
YEAR_PREPS = frozenset({"in", "since", "of", "until", "by"})
# Kinds of rows that bound a count: the number (n) and what a qualifier makes of it.
N, N_PLUS_ONE, N_MINUS_ONE = "n", "n+1", "n-1"


@dataclass(frozen=True)
class Count:
    low: int
    high: int | None
    start: int  # token index of the first word (qualifier included)
    end: int  # token index after the last word


def noun_words(lowered: list[str], i: int, words: CasualtyWords) -> int:
    """The index after the plain words from ``i`` on: a count's noun ("soldiers", "other
    people"), up to a clause word, a kind word or an auxiliary."""
    j = i
    while j < len(lowered) and j - i < BACKWARD_REACH and is_word(lowered[j]) and lowered[j] not in BREAK_WORDS \
            and lowered[j] not in words.kinds and lowered[j] not in words.passive:
        j += 1
    return j


def is_word(word: str) -> bool:
    """A word, hyphenated ones included ("passers-by")."""
    return word.replace("-", "").isalpha()


def lone_one(lowered: list[str], count: Count) -> bool:
    """A count that is only "a", "the" or "another": one person only with a singular noun
    ("another" before its auxiliary is one by itself)."""
    if count.end - count.start != 1 or lowered[count.start] not in ONE_WORDS:
        return False
    nxt = lowered[count.end] if count.end < len(lowered) else ""
    return not (lowered[count.start] == "another" and nxt in SINGULAR_AUXILIARIES)


def quantity(lowered: list[str], i: int, words: CasualtyWords, *, singular_next: bool) -> Count | None:
    """The count that starts at token ``i``: a qualifier, then a vague quantity, a numeral or
    number words. "a"/"an" count one only with ``singular_next`` and a singular noun after."""
    if i >= len(lowered):
        return None
    if lowered[i] == "between":
        return _between(lowered, i, words)
    qualifier = _longest(lowered, i, words.qualifiers)
    j = i + len(qualifier[0]) if qualifier else i
    vague = _longest(lowered, j, words.vague)
    if vague is not None:
        phrase, (low, high) = vague
        end = j + len(phrase)
        if qualifier is None and lowered[i] in ("a", "an") and len(phrase) == 1:
            return None
        return Count(low, high, i, end + 1 if end < len(lowered) and lowered[end] == "of" else end)
    if qualifier is None and lowered[i] in ("a", "an") and i + 1 < len(lowered) and lowered[i + 1] in words.ordinals:
        return Count(1, 1, i, i + 2)  # "a third was seriously hurt": one more
    if qualifier is None and lowered[i] in DEFINITES:
        return _definite(lowered, i, words, singular_next=singular_next)
    value, end = _number(lowered, j, words)
    if value is None:
        if qualifier is not None and qualifier[0] == ("another",):
            return _definite(lowered, i, words, singular_next=singular_next)  # "another was wounded"
        return None
    if lowered[j] in ("a", "an"):
        nxt = lowered[end] if end < len(lowered) else ""
        if qualifier is not None or not singular_next or not is_word(nxt) or nxt.endswith("s") or nxt in NOT_ONE \
                or nxt in words.kinds:
            return None
    if end < len(lowered) and lowered[end] in words.units:
        return None
    if value in YEAR_RANGE and i > 0 and lowered[i - 1] in YEAR_PREPS:
        return None
    low, high = value, value
    if qualifier is not None:
        low_rule, high_rule = qualifier[1]
        low = _bound(low_rule, value) or 1
        high = _bound(high_rule, value)
    return Count(low, high, i, end)


def _definite(lowered: list[str], i: int, words: CasualtyWords, *, singular_next: bool) -> Count | None:
    """The count at "the" or "another": the number after it ("killed the 12 passengers"), else
    one person for a singular noun ("arrested the suspect", "the driver was killed") that is no
    group ("the family") and no time ("the next day"), or "another" before its verb ("another
    was wounded")."""
    after = quantity(lowered, i + 1, words, singular_next=singular_next)
    if after is not None and lowered[i] in DEFINITES:
        return after
    nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
    if lowered[i] == "another" and (nxt in words.passive or nxt in SINGULAR_AUXILIARIES):
        return Count(1, 1, i, i + 1)
    if not singular_next:
        return None
    # The noun is the last word before "of" or the end of the phrase: "the protest organisers"
    # are many, "the head of the gang" is one.
    phrase = lowered[i + 1:noun_words(lowered, i + 1, words)]
    cut = next((n for n, w in enumerate(phrase) if w in NOUN_PHRASE_ENDS), len(phrase))
    phrase = phrase[:cut]
    if not phrase or phrase[-1].endswith("s") or any(w in NOT_ONE or w in words.collectives for w in phrase):
        return None
    return Count(1, 1, i, i + 1)


def _between(lowered: list[str], i: int, words: CasualtyWords) -> Count | None:
    """"between 10 and 12": the range of the two numbers."""
    low, end = _number(lowered, i + 1, words)
    if low is None or end >= len(lowered) or lowered[end] != "and":
        return None
    high, end = _number(lowered, end + 1, words)
    if high is None or high < low:
        return None
    return Count(low, high, i, end)


def _bound(rule: str, value: int) -> int | None:
    if rule == N:
        return value
    if rule == N_PLUS_ONE:
        return value + 1
    if rule == N_MINUS_ONE:
        return value - 1
    return int(rule) if rule else None


def _longest(lowered: list[str], i: int, table: dict[tuple[str, ...], tuple]) -> tuple[tuple[str, ...], tuple] | None:  # type: ignore[type-arg]
    for size in (3, 2, 1):
        phrase = tuple(lowered[i:i + size])
        if len(phrase) == size and phrase in table:
            return phrase, table[phrase]
    return None


def _number(lowered: list[str], i: int, words: CasualtyWords) -> tuple[int | None, int]:
    """A numeral ("12", "1,200", "3 thousand") or number words ("two hundred and fifty",
    "twenty-five", "a hundred"), and the index after it."""
    if i >= len(lowered):
        return None, i
    if NUMERAL_RE.fullmatch(lowered[i]):
        value = int(lowered[i].replace(",", ""))
        end = i + 1
        if end < len(lowered) and lowered[end] in words.multipliers:
            value, end = value * words.multipliers[lowered[end]], end + 1
        return value, end
    total, current, end, seen = 0, 0, i, False
    while end < len(lowered):
        parts = lowered[end].replace("’", "-").split("-")
        if all(p in words.numbers for p in parts) and (len(parts) == 1 or parts[0] not in ("a", "an")):
            current += sum(words.numbers[p] for p in parts)
        elif lowered[end] in words.multipliers and (seen or current):
            scale = words.multipliers[lowered[end]]
            if scale >= 1000:
                total, current = total + max(current, 1) * scale, 0
            else:
                current = max(current, 1) * scale
        elif lowered[end] == "and" and seen and end + 1 < len(lowered) and lowered[end + 1] in words.numbers \
                and lowered[end + 1] not in ("a", "an"):
            pass
        else:
            break
        seen = True
        end += 1
        if lowered[end - 1] in ("a", "an") and not (end < len(lowered) and lowered[end] in words.multipliers):
            break  # "a" alone is one; "a hundred" goes on
    if not seen:
        return None, i
    return total + current, end
