"""Truecasing: the capitals of a mostly lower-case document (issue 15 item 5).

Transcripts, social posts and some archives come in lower case, and then the parse reads
"lucknow" as a common noun and every stage that wants a capitalised name (places, persons,
datelines) finds none. When a document's letters are nearly all lower case, the names the
packaged tables know (countries, demonyms, places, organisations, office holders' full
names) get their capitals back before the parse, with sentence starts, "I" and weekdays.

The change keeps each character where it was (only the case of letters changes, and never
where that would change a word's length), so every offset into the truecased text is an
offset into the original; ``restore_evidence`` puts the original words back into what is
reported. Words that are also ordinary English ("us", "turkey", "may", "nice", "reading")
are capitalised only in context; the sets live in ``data/ingest/truecase.tsv``, and a name
that is a verb, adjective or adverb of the parse model's lemma index or a role word is
left alone.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..events.words import read_word_sets
from ..model import ActorMention, Document, Event

# A document is lower case when fewer than this share of its letters are capitals. Cased
# English news runs at 1.5-5 % (the 161 English bench pages: lowest 1.50 %, median 4.2 %); a
# lower-case transcript or post keeps only what its writer typed in capitals on purpose
# (acronyms, "I"), a few per thousand letters.
LOWER_CASE_RATIO = 0.008
# Too few letters to tell: a headline or a line of numbers is left as it is.
MIN_LETTERS = 40
# A line in title case has this many words besides acronyms and small words; a longer line is
# a sentence or a list of names.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 20
# Articles, conjunctions and short prepositions, which title case (AP, Chicago) may leave in
# lower case or capitalise.
TITLE_CASE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at",
                                    "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs"})
# Cities smaller than this keep lower case when their name is one word: small towns are
# often called by ordinary words ("Gap", "Bar"), and rarely what lower-case news is about.
MIN_CITY_POPULATION = 100_000
# One-word organisation names this short are acronyms ("nato" -> "NATO", "un" -> "UN").
ACRONYM_MAX_LETTERS = 4
# Words that stay lower case inside a multi-word name ("Bank of England", "al-Qaeda").
NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "de", "del", "la", "le", "du", "des", "da", "do",
                                 "dos", "das", "van", "von", "der", "on", "in", "al", "el", "bin", "ibn"})
# Kinds of the actor tables' rows whose names are capitalised (persons only with two words or
# more: a lone surname is too often a word, "rice", "may", "bush").
NAME_KINDS = frozenset({"country", "igo", "group", "city", "capital", "adjective", "seat"})
ORGANISATION_KINDS = frozenset({"igo", "group"})
PERSON_KIND = "person"
COUNTRY_KINDS = frozenset({"country"})
NATIONAL_KINDS = frozenset({"country", "adjective"})
# Parts of speech of the model's lemma index whose words are ordinary English.
COMMON_POS = ("verb", "adj", "adv")

# Words: abbreviations ("u.s."), words with an inner apostrophe ("d'ivoire"), a possessive's
# "'s" on its own ("china's" is "china" + "'s"), numbers and single marks.
WORD_RE = re.compile(r"(?:[^\W\d_]\.){2,}|['’]s\b|[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)?|\d+|[^\w\s]")
SENTENCE_END = frozenset({".", "!", "?"})
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# A capitalised word (not an acronym, not "McDonald"): what a headline's title case made.
_CAPITALISED = re.compile(r"\b[^\W\d_][^\W\d_A-Z]*\b")

_ACTORS = files("newsevents") / "data" / "actors"
_GEO = files("newsevents") / "data" / "geo"
_INGEST = files("newsevents") / "data" / "ingest"


@dataclass(frozen=True, slots=True)
class Truecaser:
    """What the truecaser knows: names by their lower-case words, and the context sets.

    names: lower-case words of a name -> the name's cased words (same lengths).
    countries: one-word lower-case country names (for "russia and turkey").
    longest: the most words of any name.
    sets: the word sets of ``data/ingest/truecase.tsv``.
    """

    names: Mapping[tuple[str, ...], tuple[str, ...]]
    countries: frozenset[str]
    longest: int
    sets: Mapping[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def capital_ratio(text: str) -> float | None:
    """The share of the letters of ``text`` that are capitals; None below MIN_LETTERS letters."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    return sum(c.isupper() for c in letters) / len(letters)


def is_lower_case(text: str) -> bool:
    """True when ``text`` is long enough to tell and nearly all its letters are lower case."""
    ratio = capital_ratio(text)
    return ratio is not None and ratio < LOWER_CASE_RATIO


def is_title_case(line: str) -> bool:
    """True for a headline in title case ("Seoul Rejects Pyongyang's Offer Of Talks", "U.S.
    Lifts Travel Ban to Lebanon"): between HEADLINE_MIN_WORDS and HEADLINE_MAX_WORDS words
    besides acronyms and the short words title case may leave in lower case, all capitalised.
    A sentence has its verb in lower case ("President Joe Biden met Prime Minister Modi")."""
    words = [w for w in _LETTER_RUN.findall(line)
             if len(w) > 1 and not w.isupper() and w.lower() not in TITLE_CASE_SMALL_WORDS]
    return HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS and all(w[0].isupper() for w in words)


def truecase_headlines(text: str, truecaser: Callable[[], Truecaser]) -> str:
    """``text`` with each line in title case read as a lower-case line and truecased: the
    parse reads every capitalised word of a headline as a name ("U.S. Slaps Sanctions" as one
    name), and the names the tables know get their capitals back. Acronyms keep theirs; only
    letters' case changes, so offsets hold. ``truecaser`` is called only when a line is in
    title case: most documents have none, and building the truecaser takes most of a second."""
    lines = text.splitlines(keepends=True)
    titles = [is_title_case(line) for line in lines]
    if not any(titles):
        return text
    cased = truecaser()
    return "".join(truecase(_CAPITALISED.sub(lambda m: m.group().lower(), line), cased) if title else line
                   for line, title in zip(lines, titles))


def common_words_of(lookups_tables: Mapping[str, Mapping[str, Iterable[str]]]) -> frozenset[str]:
    """The verbs, adjectives and adverbs of a spaCy rule lemmatizer's ``lemma_index`` table
    (``{pos: [words]}``); empty when the model has none."""
    index = lookups_tables.get("lemma_index", {})
    return frozenset(word for pos in COMMON_POS for word in index.get(pos, ()))


def _rows(folder, name: str) -> Iterator[dict[str, str]]:  # type: ignore[no-untyped-def]
    with folder.joinpath(name).open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _split(name: str) -> list[str]:
    return [m.group() for m in WORD_RE.finditer(name) if m.group()[0].isalnum()]


def _title(words: list[str], *, acronym: bool) -> list[str]:
    if acronym:
        return [w.upper() for w in words]
    return [w if i and w in NAME_FUNCTION_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)]


@lru_cache(maxsize=4)
def load_truecaser(common_words: frozenset[str] = frozenset()) -> Truecaser:
    """Build the truecaser from the packaged gazetteer and actor tables.

    common_words: ordinary English words (``common_words_of`` the parse model); a one-word
    name among them, or among the role words, stays lower case unless truecase.tsv gives it a
    context rule.
    """
    sets = read_word_sets(_INGEST.joinpath("truecase.tsv").read_text(encoding="utf-8"), "truecase.tsv")
    contextual = sets["ambiguous_countries"] | sets["name_countries"] | sets["ambiguous_places"] | sets["months"] | sets["us"]
    roles = {row["phrase"] for table in ("agents.tsv", "roles.tsv") for row in _rows(_ACTORS, table)}
    # Country names and nationality words are often also in the model's adjective index
    # ("russian"): only stop words, role words and the ``never`` set keep them lower case.
    never_names = (roles | _stop_words() | sets["never"]) - contextual
    never = never_names | common_words - contextual
    names: dict[tuple[str, ...], tuple[str, ...]] = {}
    countries: set[str] = set()

    def add(cased: list[str], *, country: bool = False) -> None:
        if len(cased) > 1 and cased[0].lower() == "the":  # "the us" is matched at "us", in context
            cased = cased[1:]
        key = tuple(w.lower() for w in cased)
        if not key or any(len(c) != len(k) for c, k in zip(cased, key)):
            return
        if len(key) == 1 and (key[0] in (never_names if country else never)
                              or len(key[0]) < 3 and not country and key[0] not in contextual):
            return
        names.setdefault(key, tuple(cased))

    # Cased tables first: their spelling wins ("Côte d'Ivoire", "U.S.").
    for row in _rows(_GEO, "places.tsv"):
        if row["kind"] == "city" and int(row["population"] or 0) < MIN_CITY_POPULATION:
            for name in [row["name"], *row["names"].split("|")]:
                if len(_split(name)) > 1:
                    add(_split(name))
            continue
        for name in [row["name"], *row["names"].split("|")]:
            add(_split(name), country=row["kind"] == "country")
            if row["kind"] == "country" and len(_split(name)) == 1:
                countries.add(name.lower())
    for row in _rows(_GEO, "country_aliases.tsv"):
        add(_split(row["alias"]), country=True)
        if len(_split(row["alias"])) == 1:
            countries.add(row["alias"].lower())
    for row in _rows(_ACTORS, "seats.tsv"):
        add(_split(row["phrase"]))
    for table in ("actors.tsv", "geonames_countries.tsv", "countries_odbl.tsv"):
        for row in _rows(_ACTORS, table):
            kind = row["kind"]
            words = _split(row["phrase"])
            if kind in NAME_KINDS or kind == PERSON_KIND and len(words) > 1:
                acronym = (kind in ORGANISATION_KINDS and len(words) == 1 and len(words[0]) <= ACRONYM_MAX_LETTERS)
                add(_title(words, acronym=acronym), country=kind in NATIONAL_KINDS)
                if kind in COUNTRY_KINDS and len(words) == 1:
                    countries.add(words[0])
    # Office holders by their full names (one-word short names are too often words: "May").
    for row in _rows(_ACTORS, "leaders.tsv"):
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            if len(_split(name)) > 1:
                add(_split(name))
    # Weekdays and months that are no verb are capitalised wherever they are.
    from ..actors.names import name_sets
    for word in name_sets()["weekdays"] | name_sets()["months_always"]:
        add([word.capitalize()])
    for word in sets["months"]:
        names[(word,)] = (word.capitalize(),)
    names[("us",)] = ("US",)
    countries.add("us")
    return Truecaser(names, frozenset(countries), max(len(k) for k in names), sets)


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


def truecase(text: str, truecaser: Truecaser) -> str:
    """``text`` with the capitals of the names it mentions, of sentence starts and of "I".
    Only letters' case changes, so offsets hold. Apply it to lower-case text only
    (``is_lower_case``): in cased text it would capitalise what the writer chose not to."""
    words = [_Word(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]
    chars = list(text)

    def put(word: _Word, cased: str) -> None:
        if len(cased) == len(word.text):
            chars[word.start:word.end] = cased

    cased_countries: set[int] = set()  # words cased as a country: "chad and niger"
    i = 0
    while i < len(words):
        matched = _match(words, i, truecaser, cased_countries)
        if matched:
            if len(matched) == 1 and words[i].lower in truecaser.countries:
                cased_countries.add(i)
            for word, cased in matched:
                put(word, cased)
            i += len(matched)
            continue
        if words[i].lower == "i":
            put(words[i], "I")
        i += 1
    for k, word in enumerate(words):
        # A sentence starts after an end mark and a space ("polygraph.info" goes on), or a line.
        gap = text[words[k - 1].end:word.start] if k else " "
        starts = k == 0 or words[k - 1].text in SENTENCE_END and gap[:1].isspace() or "\n" in gap
        if starts and word.text[:1].isalpha() and len(word.text[0].upper()) == 1:
            chars[word.start] = word.text[0].upper()
    return "".join(chars)


def _match(words: list[_Word], i: int, truecaser: Truecaser, cased_countries: set[int]) -> list[tuple[_Word, str]]:
    """The longest name that starts at word ``i`` and whose context allows it, cased."""
    names = truecaser.names
    for n in range(min(truecaser.longest, len(words) - i), 0, -1):
        span = words[i:i + n]
        key = tuple(w.lower for w in span)
        cased = names.get(key)
        if cased is None or n == 1 and not _allowed(words, i, truecaser, cased_countries):
            continue
        return list(zip(span, cased))
    return []


def _allowed(words: list[_Word], i: int, truecaser: Truecaser, cased_countries: set[int]) -> bool:
    """Whether the one-word name at ``i`` is a name here: always, unless truecase.tsv lists
    it as ambiguous, when its neighbours must say so. cased_countries: the words before ``i``
    already capitalised as countries."""
    sets = truecaser.sets
    word = words[i].lower
    before = words[i - 1].lower if i else ""
    after = words[i + 1].lower if i + 1 < len(words) else "."
    after2 = words[i + 2].lower if i + 2 < len(words) else "."
    if word in sets["us"]:
        return (before in sets["us_before"] or after in sets["country_followers"]
                or after in ("'s", "’s") or after == "-" and after2 in sets["country_followers"])
    if word in sets["months"]:
        return before.isdigit() or after.isdigit() or before in sets["time_preps"]
    located = before in sets["locative_preps"] and after in sets["phrase_ends"]
    if word in sets["ambiguous_places"]:
        return located
    countries = sets["ambiguous_countries"] | sets["name_countries"]
    if word not in countries:
        return True
    possessive = after in ("'s", "’s") and before not in _DETERMINERS
    # A country's phrase may also end at its clause's verb ("talks in turkey ended").
    located = located or before in sets["locative_preps"] and (after in sets["subject_verbs"] or after.endswith("ed"))
    others = truecaser.countries - sets["name_countries"]
    beside = (before in ("and", ",") and i - 2 in cased_countries
              or after in ("and", ",") and after2 in others)
    if located or possessive or beside or after in sets["country_followers"] and before not in _DETERMINERS:
        return True
    clause_start = i == 0 or before in SENTENCE_END or before in _CLAUSE_OPENERS
    return word in sets["ambiguous_countries"] and clause_start and after in sets["subject_verbs"]


# Words after which a clause (and its subject) begins: "as china has", "said turkey would".
_CLAUSE_OPENERS = frozenset({",", ";", ":", "and", "but", "or", "while", "as", "that", "when", "because", "if",
                             "since", "though", "although", "where", "after", "before", "said", "says"})
# A determiner before a country word makes it a thing ("the turkey", "a china plate").
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "some", "his", "her", "their", "our", "my", "roast", "wild"})


def restore_evidence(document: Document, text: str, mentions: Iterable[ActorMention], events: Iterable[Event]) -> None:
    """Put the document's own words back into what was found in its truecased copy, in place.

    document: the document as given (its ``text`` is the original); text: the truecased copy
    that was parsed (same length); mentions, events: found in the copy. Actor texts,
    triggers, count texts and each mention's sentence are sliced from the original at their
    offsets, and events take the document's sentences (``Pipeline.parse`` has set them, in the
    document's own words).
    """
    original = document.text
    if original == text:
        return
    ranges = [(s.start, s.end, s.text) for s in document.sentences]

    def sentence_at(offset: int, default: str) -> str:
        # An event's sentence is its parse sentence, stripped: the document sentence it is in.
        return next((t for start, end, t in ranges if start <= offset < end), default)

    for mention in mentions:
        mention.text = original[mention.start:mention.end]
    for event in events:
        for actor in (event.source, event.target):
            if actor is not None:
                actor.text = original[actor.start:actor.end]
        event.sentence = sentence_at(event.trigger_start, event.sentence)
        event.trigger = original[event.trigger_start:event.trigger_end]
        for count in event.attributes.values():
            if isinstance(count, dict) and "span" in count:
                count["text"] = original[count["span"][0]:count["span"][1]]
        for mention in event.mentions:
            mention.sentence = sentence_at(mention.trigger_start, mention.sentence)
            mention.trigger = original[mention.trigger_start:mention.trigger_end]
