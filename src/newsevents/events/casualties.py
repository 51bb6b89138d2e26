"""Casualty and arrest counts of material conflict (issue 15 item 7).

An event of force, mass violence, arrest or protest often says how many people it hurt: "killing 12 and
wounding 30", "at least 20 people were killed", "police detained dozens of protesters". This
reader reads those counts from a sentence, for ``event.attributes`` (``event_counts`` puts them on
the events): ``killed``, ``injured`` and ``arrested``, each ``{"min", "max", "text", "span"}``
(span: character offsets of the count in the document). How counts are read:

- a plain number, in figures or words up to the thousands ("12", "1,200", "two hundred and
  fifty", "twenty-five"), gives ``min == max``;
- "at least N", "no fewer than N" give ``min = N`` and ``max = None`` (unknown): the report
  gives a floor, and inventing a ceiling would be a guess; "more than N", "over N" give
  ``min = N + 1``; "up to N", "as many as N" give ``min = 1, max = N``;
- approximations ("about", "some N") are read at their value; "nearly N", "almost N" are short
  of it: ``min = 1, max = N - 1``;
- vague quantities are ranges from the data file: "dozens" 24..99, "hundreds" 200..999, "several"
  3..9, "a dozen" 12, "scores" 40 and up (``max = None``);
- an age is part of the noun phrase, not a count ("a 17-year-old boy was killed" counts one);
  "N bodies were found" counts N killed;
- "a policeman was killed" counts one: "a"/"an" is a number only for a singular noun.

The words live in ``data/lexicon/casualties.tsv``. The count is the one next to the word that
says what happened: after an active verb ("killed 12"), before a passive one or an adjective
("12 people were killed", "12 dead"), after a toll ("the death toll rose to 30"). Each kind takes
the first count its sentence gives, and separate groups of it that the sentence adds ("killed 35
villagers, and a further eight bodies were found": 43), as event data sets count them; a toll is
a total already, and a part of a group ("three of the dead", "including two children") adds
nothing.
"""
from __future__ import annotations

import re

from ..model import CASUALTY_KINDS
from .casualty_words import CasualtyWords, casualty_words, read_casualty_words
from .quantities import (BACKWARD_REACH, BREAK_WORDS, DEFINITES, NOT_ONE, SINGULAR_AUXILIARIES, Count, is_word,
                         lone_one, noun_words, quantity)

__all__ = ["CASUALTY_KINDS", "count_at", "counts_in", "is_kind_word", "kind_of_word", "read_casualty_words"]

# "a 17-year-old boy": an age is a word of the noun phrase, not a count; it is read as this word.
AGE_RE = re.compile(r"\d+-(?:year|month|week|day)s?-old")
AGE_WORD = "aged"
# A numeral keeps its thousands commas ("1,200") but not a comma after it ("rose to 14, officials
# said"); an age is one token.
TOKEN_RE = re.compile(AGE_RE.pattern + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+(?:[-'’][^\W\d_]+)*|%|\S")
# The longest noun of a count that "and" joins to the next before their verb ("seven soldiers and
# two civilians were killed"); a longer run of words is likely a clause of its own.
JOINED_NOUN_WORDS = 3
# How far before and after "bodies" the verb that says they were found may be ("recovered the
# bodies of 12", "the bodies of six men with gunshot wounds were discovered").
BODY_VERB_BEFORE, BODY_VERB_AFTER = 3, 8
# Words that open a phrase set off inside a subject ("Twenty people, including six children,
# were killed"; "A man who fired on police was shot dead"): the count is before them.
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that"})
# The longest such insertion, in words.
INSERTION_REACH = 10
# "claimed 30 lives": the count only ever comes before these.
COUNT_BEFORE_ONLY = frozenset({"lives"})
# "the death toll": the kind of toll its first word says; any other toll counts deaths.
TOLL_KINDS = {"death": "killed", "injury": "injured", "casualty": "killed", "arrest": "arrested"}
# Words that carry no count but are read past between a toll and its number ("rose to",
# "stood at", "climbed to at least").
TOLL_REACH = 5
# How far after a toll the verb that gives its value may be ("rose", "reached").
TOLL_VERB_REACH = 16


def counts_in(text: str, *, offset: int = 0) -> dict[str, dict[str, object]]:
    """The counts of killed, injured and arrested people a sentence gives, by kind.

    text: the sentence; offset: its first character's offset in the document (for spans).
    Returns ``{kind: {"min", "max", "text", "span"}}`` for the kinds found.
    """
    words = casualty_words()
    tokens, lowered = _tokens(text)
    found: dict[str, dict[str, object]] = {}
    definite: set[str] = set()  # kinds whose count is only "the" (or "his") + a noun so far
    totals: set[str] = set()  # kinds whose count is a toll: a total, to which no group adds
    firsts: dict[str, Count] = {}  # each kind's first group, which a later separate group adds to
    used: set[int] = set()  # where the counts read so far start: one count read twice is no second group
    zero: tuple[int, dict[str, object]] | None = None  # the last explicit zero: its kind word and count
    for k, word in enumerate(lowered):
        kind = words.kinds.get(word)
        if kind is None and word in words.bodies and _found_bodies(lowered, k, words):
            kind = "killed"  # "19 bodies were found": people killed, by whom the text does not say
        if kind is None and word in words.deaths and k >= 2 and lowered[k - 1] in words.links \
                and lowered[k - 2] in words.participles:
            kind = "killed"  # "was stabbed to death", not "sentenced to death"
        count = None
        if kind is not None:
            if kind in found and kind not in definite:
                # "killed 35 villagers, and a further eight bodies were found": separate groups add up.
                _add_group(found, kind, _count_of(lowered, k, words), k, lowered, tokens, text, offset,
                           totals=totals, firsts=firsts, used=used)
                continue
            count = _count_of(lowered, k, words)
            if count is None and _numbered(lowered, k, words):
                count = _after_toll(lowered, k, words)  # "the number of people killed ... rose to 40"
                totals.add(kind)
            if count is None and kind not in found and zero is not None and zero[0] == k - 2 \
                    and lowered[k - 1] in ("or", "and"):
                found[kind] = dict(zero[1])  # "no one was killed or injured": neither
                continue
        elif word in words.tolls and k > 0:
            kind = TOLL_KINDS.get(lowered[k - 1].rstrip("s"), "killed")
            count = None if kind in found else _after_toll(lowered, k, words)
            totals.add(kind)
        if kind is None or count is None:
            continue
        if kind in definite and lone_one(lowered, count):
            continue
        firsts[kind] = count
        used.add(count.start)
        # "The gunman was shot dead after killing three": the one someone already named is
        # seldom the news; a later count of the same kind is.
        if lone_one(lowered, count) and lowered[count.start] in DEFINITES:
            definite.add(kind)
        else:
            definite.discard(kind)
        start, end = tokens[count.start][1], tokens[count.end - 1][2]
        found[kind] = {"min": count.low, "max": count.high, "text": text[start:end],
                       "span": [offset + start, offset + end]}
        if count.high == 0:
            zero = (k, found[kind])
    return found


def _add_group(found: dict[str, dict[str, object]], kind: str, count: Count | None, k: int, lowered: list[str],
               tokens: list[tuple[str, int, int]], text: str, offset: int, *, totals: set[str],
               firsts: dict[str, Count], used: set[int]) -> None:
    """Add a later group of a kind already counted to its count, in place ("a further eight
    bodies", "a separate strike killed two civilians"); the count then spans the groups. Not a
    part of a group counted ("three of the dead", "including two children who were shot dead"),
    a count named again ("the 12 dead", "a man ... that he was detained"), one of another time
    ("a week after 30 were killed"), a zero, nor any group beside a toll, which is a total
    already. k: the index of the group's kind word."""
    words = casualty_words()
    first = firsts.get(kind)
    if count is None or first is None or kind in totals or count.start in used or count.high == 0:
        return
    before = lowered[count.start - 1] if count.start > 0 else ""
    if before in words.subsets or before in DEFINITES or lowered[count.start] in DEFINITES \
            or (count.end < len(lowered) and lowered[count.end] == "of") \
            or any(w in words.apart for w in lowered[first.end:count.start]) \
            or any(w in RELATIVE_WORDS or w in words.pronouns
                   for w in lowered[min(count.end, k):max(count.start, k)]):
        return
    used.add(count.start)
    old = found[kind]
    low = int(old["min"]) + count.low  # type: ignore[call-overload]
    high = None if old["max"] is None or count.high is None else int(old["max"]) + count.high  # type: ignore[call-overload]
    start, end = tokens[first.start][1], tokens[count.end - 1][2]
    found[kind] = {"min": low, "max": high, "text": text[start:end], "span": [offset + start, offset + end]}


def _tokens(text: str) -> tuple[list[tuple[str, int, int]], list[str]]:
    """The sentence's tokens (lower case, start, end), and their words as the reader reads them."""
    tokens = [(m.group().lower(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    return tokens, [AGE_WORD if AGE_RE.fullmatch(t[0]) else t[0] for t in tokens]


def count_at(text: str, start: int, kind: str, *, offset: int = 0) -> dict[str, object] | None:
    """The count of the one word of ``kind`` that begins at character ``start`` of the sentence
    ``text`` ("killed" in "a second strike killed three"), not added to any other group; None
    when no such word is there or it has no count of its own. offset: as in ``counts_in``."""
    tokens, lowered = _tokens(text)
    words = casualty_words()
    k = next((i for i, t in enumerate(tokens) if t[1] == start), None)
    if k is None or words.kinds.get(lowered[k]) != kind:
        return None
    count = _count_of(lowered, k, words)
    if count is None:
        return None
    first, last = tokens[count.start][1], tokens[count.end - 1][2]
    return {"min": count.low, "max": count.high, "text": text[first:last], "span": [offset + first, offset + last]}


def kind_of_word(word: str) -> str | None:
    """The kind ("killed", "injured", "arrested") a lower-case word says happened, or None (a
    toll or "bodies" says no kind by itself)."""
    return casualty_words().kinds.get(word)


def is_kind_word(word: str) -> bool:
    """Whether a lower-case word says what happened to people counted ("killed", "dead",
    "wounded", "arrested"), or is a toll, the "bodies" of bodies found or the "death" of
    "stabbed to death"."""
    words = casualty_words()
    return word in words.kinds or word in words.bodies or word in words.tolls or word in words.deaths


def _numbered(lowered: list[str], k: int, words: CasualtyWords) -> bool:
    """"the number of people killed", "the number of dead": a kind word that a noun of number
    heads, whose value a toll verb gives after it."""
    return any(lowered[j] in words.number_nouns and lowered[j + 1] == "of" for j in range(max(0, k - 4), k - 1))


def _found_bodies(lowered: list[str], k: int, words: CasualtyWords) -> bool:
    """"19 bodies were found", "police recovered the bodies of 12 people": bodies that are news
    (found, recovered, dumped), not bodies handed over or buried."""
    near = lowered[max(0, k - BODY_VERB_BEFORE):k] + lowered[k + 1:k + 1 + BODY_VERB_AFTER]
    return any(w in words.body_verbs for w in near)


def _count_of(lowered: list[str], k: int, words: CasualtyWords) -> Count | None:
    """The count of the kind word at ``k``: after it when it is an active verb or a noun with
    "of" ("killed 12", "the arrest of 15"), else before it ("12 were killed", "12 dead")."""
    passive = _passive_before(lowered, k, words)
    word = lowered[k]
    if not passive and word not in COUNT_BEFORE_ONLY:
        # What one holds is mostly an occasion ("held a meeting", "held the vote"): an active
        # "held" counts only a number of people ("held 12 activists"), never "a" or "the".
        single = word != "held"
        count = quantity(lowered, k + 1, words, singular_next=single)
        if count is None and k + 2 < len(lowered) and (lowered[k + 1] == "of" or lowered[k + 1] in words.particles):
            count = quantity(lowered, k + 2, words, singular_next=single)  # "the arrest of 15", "rounded up 45"
        if count is not None:
            return _joined_after(lowered, count, words)
    if word == "held" and not passive:
        return None  # "held talks", "held on Monday": held counts only the held
    # "a soldier died" counts one as "a soldier was killed" does; "a bomb killed" does not.
    singular = passive or word in words.intransitive
    # The count stands before the verb group ("was stabbed to death", "was placed in custody").
    count = _before(lowered, _verb_group_start(lowered, k, words), words, singular=singular)
    # Only a verb whose subject is the counted ("were shot dead", "died") has a subject to reach
    # past an insertion; "dealers who resisted arrest" is no count of arrests.
    opening = _insertion_start(lowered, k, words) if singular else None
    if opening is not None and (count is None or count.start > opening):
        # The count inside a relative clause is not the subject's: "Four men who fired on a
        # checkpoint were shot dead".
        count = _before(lowered, opening, words, singular=singular) or count
    return _joined_before(lowered, count, words) if count is not None else None


def _verb_group_start(lowered: list[str], k: int, words: CasualtyWords) -> int:
    """The index of the first word of the verb group that ends with the kind word at ``k``:
    auxiliaries, adverbs ("was seriously injured"), a participle before "dead" ("was shot dead")
    or before a preposition and its noun ("was taken into custody")."""
    j = k - 1
    if j >= 1 and lowered[j] in words.links and lowered[j - 1] in words.participles:
        j -= 1
    if j >= 0 and lowered[j] in words.participles:
        j -= 1
    while j >= 0 and (lowered[j] in words.passive or _adverb(lowered[j])):
        j -= 1
    return j + 1


def _adverb(word: str) -> bool:
    """"seriously", "critically", "fatally": an adverb of manner between auxiliary and participle."""
    return len(word) > 4 and word.endswith("ly") and word.isalpha()


def _passive_before(lowered: list[str], k: int, words: CasualtyWords) -> bool:
    """"were killed", "was reportedly killed", "was shot dead", "was critically injured", "was
    taken into custody": an auxiliary before the kind word, past adverbs, and a participle that
    "dead" or a preposition completes ("soldiers shot dead nine" is active)."""
    start = _verb_group_start(lowered, k, words)
    return any(w in words.passive and w not in ("reportedly", "also", "later") for w in lowered[start:k])


def _insertion_start(lowered: list[str], k: int, words: CasualtyWords) -> int | None:
    """Where a phrase set off between the counted noun and its verb begins: a parenthesis
    between commas ("Twenty people, including six children, were killed") or a relative clause
    ("A man who fired on police was shot dead"); None when there is none."""
    end = _verb_group_start(lowered, k, words)
    if end == 0:
        return None
    reach = range(end - 2, max(-1, end - 2 - INSERTION_REACH), -1)
    if lowered[end - 1] == ",":
        return next((j for j in reach if lowered[j] == ","), None)
    relative = next((j for j in range(end - 1, max(-1, end - 1 - INSERTION_REACH), -1)
                     if lowered[j] in RELATIVE_WORDS or lowered[j] == ","), None)
    return relative if relative is not None and lowered[relative] in RELATIVE_WORDS else None


def _before(lowered: list[str], k: int, words: CasualtyWords, *, singular: bool) -> Count | None:
    """The count that ends closest before ``k`` with only nouns, "of the", and auxiliaries
    between: "at least 20 people were killed", "three of the soldiers died"."""
    best: Count | None = None
    for start in range(k - 1, max(-1, k - 1 - BACKWARD_REACH - 3), -1):
        count = quantity(lowered, start, words, singular_next=True)
        if count is None or count.end > k or not _fillers(lowered[count.end:k], words):
            continue
        if lone_one(lowered, count) and not (singular and _singular_noun(lowered[count.end:k], words)):
            continue
        if best is None or _closer(lowered, count, best):
            best = count
    return best


def _closer(lowered: list[str], count: Count, best: Count) -> bool:
    """Whether ``count`` is the noun's count rather than ``best``: the nearer one to the verb,
    unless the nearer one follows "of" and so counts a noun inside the phrase ("Twelve members
    of a cell were detained")."""
    def rank(c: Count) -> tuple[bool, int, int]:
        return not (c.start > 0 and lowered[c.start - 1] == "of"), c.end, -c.start
    return rank(count) > rank(best)


def _joined_after(lowered: list[str], count: Count, words: CasualtyWords) -> Count:
    """"killed seven soldiers and two civilians": the counts of one act's victims joined by
    "and" add up (nine killed), as event data sets count them. A count that another kind word
    or an auxiliary follows is another clause's ("killing two and wounding five", "two soldiers
    and three were hurt")."""
    while True:
        j = noun_words(lowered, count.end, words)
        if j == count.end or j >= len(lowered) or lowered[j] != "and":
            return count
        nxt = quantity(lowered, j + 1, words, singular_next=True)
        if nxt is None:
            return count
        noun = nxt.end + 1 if nxt.end < len(lowered) and lowered[nxt.end] == "of" else nxt.end  # "two of his guards"
        tail = noun_words(lowered, noun, words)
        if tail == noun or tail < len(lowered) and (lowered[tail] in words.kinds or lowered[tail] in words.passive):
            return count
        count = _joined(count, nxt)


def _joined_before(lowered: list[str], count: Count, words: CasualtyWords) -> Count:
    """"Seven soldiers and two civilians were killed": as ``_joined_after``, the counts that
    "and" joins before the one nearest the kind word add up."""
    while count.start >= 2 and lowered[count.start - 1] == "and":
        for start in range(count.start - 2, max(-1, count.start - 2 - BACKWARD_REACH - 3), -1):
            first = quantity(lowered, start, words, singular_next=True)
            if first is not None and first.end < count.start - 1 and \
                    noun_words(lowered, first.end, words) == count.start - 1 and \
                    _plain_noun(lowered[first.end:count.start - 1]) and noun_words(lowered, count.end, words) > count.end:
                if first.start > 0 and lowered[first.start - 1] in words.kinds:
                    return count  # "killed two soldiers and three were wounded": two were killed
                count = _joined(first, count)
                break
        else:
            return count
    return count


def _plain_noun(between: list[str]) -> bool:
    """A short noun phrase, not a clause: "Thousands marched and 12 ..." joins no counts."""
    return len(between) <= JOINED_NOUN_WORDS and not any(w.endswith("ed") for w in between)


def _joined(first: Count, second: Count) -> Count:
    high = None if first.high is None or second.high is None else first.high + second.high
    return Count(first.low + second.low, high, min(first.start, second.start), max(first.end, second.end))


def _fillers(between: list[str], words: CasualtyWords) -> bool:
    # Auxiliaries do not count towards the reach: "Twelve suspected members of a cell were".
    return len([w for w in between if w not in words.passive]) <= BACKWARD_REACH and all(
        is_word(w) and w not in BREAK_WORDS and w not in words.kinds for w in between)


def _singular_noun(between: list[str], words: CasualtyWords) -> bool:
    """"a policeman was", "a police officer has been": a noun phrase of one before the verb."""
    nouns = [w for w in between if w not in words.passive and w not in SINGULAR_AUXILIARIES]
    return 0 < len(nouns) <= 3 and not nouns[-1].endswith("s") and nouns[0] not in NOT_ONE


def _after_toll(lowered: list[str], k: int, words: CasualtyWords) -> Count | None:
    """The count right after a toll ("the death toll of 30"), else right after the verb that
    gives its value, which a long description of the attack may separate from it ("the death
    toll from Saturday's bombing at a mosque in Peshawar rose to 31")."""
    count = _count_after(lowered, k, words)
    if count is not None:
        return count
    verb = next((j for j in range(k + 1, min(len(lowered), k + 1 + TOLL_VERB_REACH))
                 if lowered[j] in words.toll_verbs), None)
    return _count_after(lowered, verb, words) if verb is not None else None


def _count_after(lowered: list[str], k: int, words: CasualtyWords) -> Count | None:
    for start in range(k + 1, min(len(lowered), k + 1 + TOLL_REACH)):
        if lowered[start] in ("a", "an"):
            continue
        count = quantity(lowered, start, words, singular_next=False)
        if count is not None:
            return count
    return None


