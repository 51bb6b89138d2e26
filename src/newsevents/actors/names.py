"""What a capitalised name is when it is not a person's (issue 15).

The actor stage keeps a proper name it cannot code as an unresolved person, which a later
surname may corefer with. Weekdays and months ("Thursday", "in March"), regions ("the Middle
East", "North Africa"), named operations and programmes ("Operation True Promise", "the
Marshall Plan") and organisations ("the Eurasian Economic Union") are never persons. The
words live in ``data/actors/names.tsv``.

It also reads "Union" in a name: a trade union only when the name says whose work it
organises ("the National Union of Mineworkers", "the Teachers' Union").
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Span, Token

from ..events.words import read_word_sets

# Words a name may open with that are not part of it ("the Middle East").
NAME_DETERMINERS = frozenset({"the", "a", "an"})
# Prepositions that make a lone month a date ("in March", "since May").
DATE_PREPS = frozenset({"in", "on", "since", "until", "till", "by", "from", "through", "during", "before", "after"})
# Role words that make "Union" a trade union, when they are in the name or its "of" phrase.
UNION_WORDS = frozenset({"union", "unions"})
LABOUR_SUFFIX = "workers"


@lru_cache(maxsize=1)
def name_sets() -> Mapping[str, frozenset[str]]:
    """Every set of names.tsv by name."""
    return read_word_sets((files("newsevents") / "data" / "actors" / "names.tsv").read_text(encoding="utf-8"), "names.tsv")


def _words(span: Span) -> list[Token]:
    tokens = [t for t in span if t.is_alpha or t.text in ("'s", "’s")]
    while tokens and tokens[0].lower_ in NAME_DETERMINERS:
        tokens = tokens[1:]
    return [t for t in tokens if t.text not in ("'s", "’s")]


def not_a_person(span: Span) -> str | None:
    """Why the capitalised name ``span`` is not a person's, or None when it may be one.

    Returns "calendar", "region", "named plan" or "organisation".
    """
    sets = name_sets()
    tokens = _words(span)
    if not tokens:
        return None
    words = [t.lower_ for t in tokens]
    head = words[-1]
    if head in sets["weekdays"]:
        return "calendar"
    if len(words) == 1 and head in sets["months"] and (
            head in sets["months_always"] or _dated(tokens[0])):
        return "calendar"
    if _is_region(words, sets):
        return "region"
    if len(words) > 1 and words[0] in sets["plan_openers"] or len(words) > 1 and head in sets["plan_heads"]:
        return "named plan"
    if len(words) > 1 and head in sets["organisation_heads"]:
        return "organisation"
    return None


def _dated(token: Token) -> bool:
    """A month that is a date: after "in", "since" ..., or with a day or year ("May 3")."""
    return (token.dep_ == "pobj" and token.head.lower_ in DATE_PREPS) or any(
        c.like_num for c in token.children) or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].like_num)


def inside_region(words: list[str], start: int, end: int) -> bool:
    """Whether the known name ``words[start:end]`` ends a region's name begun by the one or two
    words before it: "America" in "Latin America" or "South America" is no country."""
    regions = name_sets()["regions"]
    return any(" ".join(words[start - k:end]) in regions for k in (1, 2) if start - k >= 0)


def _is_region(words: list[str], sets: Mapping[str, frozenset[str]]) -> bool:
    regions, compass = sets["regions"], sets["compass"]
    if " ".join(words) in regions:
        return True
    # "North Africa", "the Far East", "South East Asia": compass words, then a region
    start = 0
    while start < len(words) - 1 and (words[start] in compass or " ".join(words[start:start + 2]) in compass):
        start += 1
    return start > 0 and " ".join(words[start:]) in regions


def union_is_labour(token: Token, span: Span, role_words: frozenset[int]) -> bool:
    """Whether "Union" (``token``) in the capitalised name ``span`` is a trade union.

    Lower-case "the union", "unions" always are. A name is one when it, or its "of" phrase,
    names a kind of worker: a labour word, a word ending in "workers", or another role word
    (``role_words``: indexes of the role-word tokens of the sentence).
    """
    if token.lower_ not in UNION_WORDS or not token.text[:1].isupper():
        return True
    labour = name_sets()["labour_words"]
    # The name "Union" is part of: the run of capitalised words around it, not the whole phrase
    # ("the European Union Gordon Sondland and Energy Secretary Rick Perry" names no workers).
    start, end = token.i, token.i + 1
    while start > span.start and span.doc[start - 1].is_title:
        start -= 1
    while end < span.end and span.doc[end].is_title:
        end += 1
    scope = [t for t in span.doc[start:end] if t.i != token.i]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            scope.extend(t for t in child.subtree if t.i != child.i)
    return any(t.lower_ in labour or t.lower_.endswith(LABOUR_SUFFIX) or t.i in role_words for t in scope)
