"""People named by their relation to an actor: "Trump supporters", "Putin's critics", "Russia's allies".

The phrase is built on an actor's name, but names other people: Putin's critics are not the
Kremlin, Trump's supporters do not act for the US government, and Russia's allies are other
states. The actor table reads the name inside the phrase and would code the phrase as that
actor, so "Putin's critics accused the Kremlin" came out as the Kremlin accusing itself. Such
a mention stays in the text, uncoded: who those people are, the phrase does not say.

Only a name that hangs on the relation word as a possessive or a compound is read this way; a
nationality ("Ukrainian supporters of the deal") still says whose people they are. An
alliance's allies are its members, who act as the alliance: "NATO allies agreed" is NATO.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import ActorMention
from .names import name_sets

RELATION_RULE = "relation-of-an-actor"
NAMING_DEPS = frozenset({"poss", "compound"})
IGO_PREFIX = "IGO"
MEMBER_LEMMAS = frozenset({"ally"})
# The actor stage's rules for a phrase coded from role words and a place ("role+in-country").
ROLE_RULE_PREFIX = "role"


def relation_heads() -> frozenset[str]:
    """Nouns of a relation to an actor (names.tsv ``relation_heads``), as lemmas."""
    return name_sets()["relation_heads"]


def is_relation_of_a_name(head: Token) -> bool:
    """Whether ``head`` is a relation noun that a name modifies ("Trump supporters", "Putin's
    critics"). A capital letter counts as a name: the tagger reads a sentence's first word
    ("Trump supporters ...") as a common noun."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in relation_heads() and any(
        child.dep_ in NAMING_DEPS and (child.pos_ == "PROPN" or child.text[:1].isupper()) for child in head.children)


def names_other_people(head: Token, actor: ActorMention) -> bool:
    """Whether ``head``, a relation noun built on ``actor``'s name, names people other than the
    actor ("Putin's critics"), rather than its members ("NATO allies")."""
    if not is_relation_of_a_name(head) or actor.rule.startswith(ROLE_RULE_PREFIX):
        # A phrase coded from role words alone names no one: "Opposition supporters in Togo
        # marched", whose first word's capital only looks like a name's.
        return False
    return not (head.lemma_.lower() in MEMBER_LEMMAS and (actor.code or "").startswith(IGO_PREFIX))


def unlink_relations(mentions: list[ActorMention], doc: Doc) -> list[ActorMention]:
    """The mentions, each phrase of people named by their relation to an actor left uncoded."""
    for mention in mentions:
        if mention.code is None or not 0 <= mention.head < len(doc):
            continue
        if names_other_people(doc[mention.head], mention):
            mention.code, mention.country, mention.sectors, mention.rule = None, None, [], RELATION_RULE
    return mentions
