"""Roles owned by a possessive pronoun: "his government", "its army", "their country".

"Kenya's foreign minister reiterated his government's support for the talks in South Sudan":
"his" is the minister's, so the government is Kenya's, though the sentence's place (South
Sudan) is where the role would otherwise be located (``resolve._locate_roles``). The pronoun's
owner is taken as a reader takes it: the subject of the nearest clause above the role that has
a subject with a country ("X said his government would ..." climbs past the reported clause,
whose subject is the role itself). Conservative: a subject whose coordinated parts differ in
country ("Kenya and Uganda said their armies ...") gives none, and so does an actor of another
country named before the pronoun ("Kenya criticised Uganda and its army": Uganda's army).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import ActorMention
from ..syntax import PLURAL_TAGS, text_span
from ..events.words import words
from .countryless import SUBJECT_DEPS, UNRESOLVED_ROLE
from .shared_names import IN_COUNTRY_RULE

POSSESSIVE_PRONOUNS = words("possessive_pronouns")
SINGULAR_PRONOUNS = frozenset({"its", "his", "her"})
POSSESSOR_RULE = "role+pronoun-owner"
# Roles the pronoun's owner places: those with no country yet, and those placed by where they
# are ("its forces in Syria" are Russia's when Russia's minister speaks of them).
PLACEABLE_RULES = frozenset({UNRESOLVED_ROLE, IN_COUNTRY_RULE})


def place_pronoun_owned_roles(mentions: list[ActorMention], doc: Doc) -> None:
    """Give each role a possessive pronoun owns the country of the pronoun's owner, in place."""
    by_head = {m.head: m for m in mentions if 0 <= m.head < len(doc)}
    for role in mentions:
        if role.rule not in PLACEABLE_RULES or not role.sectors or not 0 <= role.head < len(doc):
            continue
        pronoun = _opening_pronoun(doc, role)
        if pronoun is None:
            continue
        country = _owner_country(pronoun.head, by_head, singular=pronoun.lower_ in SINGULAR_PRONOUNS)
        if country is not None and not _rival_between(mentions, role, pronoun, country):
            role.code = country + "".join(role.sectors)
            role.country, role.rule = country, POSSESSOR_RULE


def _opening_pronoun(doc: Doc, role: ActorMention) -> Token | None:
    """The possessive pronoun opening the role's phrase, owning a noun inside it: "his
    government" (the phrase may run on to what the government owns, "his government's
    support")."""
    span = text_span(doc, role.start, role.end)
    if span is None or not len(span):
        return None
    first = span[0]
    if first.dep_ == "poss" and first.lower_ in POSSESSIVE_PRONOUNS and span.start <= first.head.i < span.end:
        return first
    return None


def _owner_country(head: Token, by_head: dict[int, ActorMention], *, singular: bool) -> str | None:
    """The country of the subject of the nearest clause above ``head`` whose subject has one.
    A singular pronoun ("its", "his") is no plural subject's ("Somali pirates hijacked a
    carrier and took its crew hostage": the carrier's crew)."""
    token = head
    while token.head.i != token.i:
        token = token.head
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and not _inside(head, c)]
        if not subjects:
            continue
        if singular and any(s.tag_ in PLURAL_TAGS or s.conjuncts for s in subjects):
            return None
        countries = {m.country for s in subjects for part in (s, *s.conjuncts)
                     if (m := by_head.get(part.i)) is not None}
        if None in countries or len(countries) != 1:
            # An uncoded subject ("the company said its government"), or several countries.
            return None
        return next(iter(countries))
    return None


def _rival_between(mentions: list[ActorMention], role: ActorMention, pronoun: Token, country: str) -> bool:
    """Whether an actor of another country stands between the clause's start and the pronoun,
    whom the pronoun may as well stand for ("Kenya criticised Uganda and its army": Uganda's)."""
    sentence_start = pronoun.sent.start_char
    return any(m.sentence_index == role.sentence_index and sentence_start <= m.start and m.end <= pronoun.idx
               and m.country is not None and m.country != country for m in mentions)


def _inside(head: Token, subject: Token) -> bool:
    """Whether the subject is the role's own phrase ("his government would send")."""
    return subject.i == head.i or subject.left_edge.i <= head.i <= subject.right_edge.i
